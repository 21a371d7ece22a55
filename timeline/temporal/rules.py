"""Load the YAML rule resources of one language and compile them into one scanner.

All extraction and reject rules are compiled into a single alternation regex in file
order (more specific rules first), each wrapped in its own capturing group, so one
``finditer`` pass over the text finds every expression; ``Match.lastindex`` names the
rule that matched and the rule's own named groups are read back lazily.

Patterns may use ``{name}`` for a fragment or a word table of the same language
(``{months}`` becomes an alternation of every month word, longest first).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.datafile import (
    Anything,
    Choice,
    DataFileError,
    Date,
    Either,
    Flag,
    Items,
    Record,
    Spec,
    Table,
    Text,
    line_of,
    read,
)

from .regex_cache import compile_cached
from .scanner_parse import parse_assembled, placeholder
from .values import AnchorKind, TimexType

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_GROUP = re.compile(r"\(\?P<([a-z_]+[0-9]*)>")
# a literal space in a pattern means horizontal white space (expressions never span lines)
_SPACE = r"(?:[^\S\n]+)"


def _spaces(pattern: str) -> str:
    """Replace literal spaces outside character classes with ``_SPACE``."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[":
            in_class = True
            out.append(ch)
        elif ch == "]":
            in_class = False
            out.append(ch)
        elif ch == " " and not in_class:
            out.append(_SPACE)
        else:
            out.append(ch)
    return "".join(out)


class RuleError(DataFileError):
    """A rule file is malformed (names the file, the line and the rule)."""


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: str
    type: TimexType | None  # None for reject rules
    anchor: AnchorKind
    value: dict[str, Any]
    examples: list[dict[str, Any]]
    reject: bool = False
    source: str = ""
    group_names: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


@dataclass
class RuleSet:
    language: str
    tables: dict[str, dict[str, Any]]
    rules: list[Rule]
    scanner: re.Pattern[str]
    index_to_rule: dict[int, tuple[str, Rule]] = field(default_factory=dict)
    matchers: dict[str, re.Pattern[str]] = field(default_factory=dict)  # compiled on first use
    trigger: re.Pattern[str] = re.compile(r"\d")

    def lookup(self, table: str, word: str) -> Any:
        """The table value of ``word`` (case- and period-insensitive), or None."""
        return self.tables[table].get(_norm_word(word))


def _norm_word(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().rstrip(".")).replace("\u2019", "'")


def _table_regex(words: list[str], case_sensitive: set[str]) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", _SPACE)
        if w in case_sensitive:
            cap = re.escape(w.capitalize())
            parts.append(f"(?-i:{cap}|{re.escape(w.upper())})")
        else:
            parts.append(esc)
    return "(?:" + "|".join(parts) + ")"


_PRECEDED = re.compile(r"\(\?<@([\w|.'-]+)\)")


def _preceded(pattern: str) -> str:
    """``(?<@in|since)`` = "right after one of these words" (fixed-width lookbehinds)."""

    def sub(m: re.Match[str]) -> str:
        words = m.group(1).split("|")
        return "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in words) + ")"

    return _PRECEDED.sub(sub, pattern)


def _expand(pattern: str, fragments: dict[str, str], where: str, depth: int = 0) -> str:
    if depth > 10:
        raise RuleError(f"{where}: fragments nest too deeply")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise RuleError(f"{where}: unknown fragment or table {{{name}}}")
        return _expand(fragments[name], fragments, where, depth + 1)

    return _PLACEHOLDER.sub(sub, pattern)


class _Matchers(dict[str, "re.Pattern[str]"]):
    """Each rule's own regex (read back at a scanner match), compiled when first needed:
    a text reaches only a few of the rules, and compiling all of them costs 0.15 s."""

    def __init__(self, rules: list[Rule]) -> None:
        super().__init__()
        self._patterns = {rule.id: rule.pattern for rule in rules}

    def __missing__(self, rule_id: str) -> re.Pattern[str]:
        pattern = self._patterns[rule_id]
        compiled = re.compile(_GUARD_START + "(?:" + explicit_case(pattern) + ")" + _GUARD_END, re.M)
        self[rule_id] = compiled
        return compiled


RULES_DIR = Path(__file__).with_name("rules")

# The schema of each rule file (timeline/datafile.py checks it; the header of each file says
# what the keys mean).
_WORDS = Table(values=Anything("a value"))
_TABLES = Record(
    required={
        name: _WORDS
        for name in (
            "months",
            "weekdays",
            "numbers",
            "vague_numbers",
            "ordinals",
            "units",
            "calendar_units",
            "seasons",
            "parts_of_day",
            "position_mods",
            "deictic_offsets",
            "decade_words",
            "set_adverbs",
            "relative_days",
            "holidays",
            "anchor_nouns",
        )
    },
    optional={"case_sensitive": Items(Text()), "triggers": Items(Text())},
)
_FRAGMENTS = Table(values=Text(what="a regex piece"), keys=r"[a-z_]+")
_EXPECT = Record(
    required={"text": Text()},
    optional={
        "value": Anything("a TIMEX3 value or null"),
        "type": Choice(tuple(t.value for t in TimexType)),
        "anchor": Choice(tuple(a.value for a in AnchorKind)),
        "anchor_name": Text(),
    },
)
_EXAMPLE = Record(
    required={"text": Text()},
    optional={
        "expect": Either((_EXPECT, Items(_EXPECT, least=1))),
        "absent": Text(),
        "published": Date(),
        "anchors": Table(values=Date()),
        "timex2": Flag(),
    },
)
_ID = Text(form=r"[a-z0-9_]+(?:\.[a-z0-9_]+)+", what="an id written family.name (lower case)")
_RULE = Record(
    required={
        "id": _ID,
        "pattern": Text(what="a regex (with {fragments})"),
        "type": Choice(tuple(t.value for t in TimexType)),
        "value": Table(values=Anything("a builder parameter")),
        "examples": Items(_EXAMPLE, least=1),
    },
    optional={"anchor": Choice(tuple(a.value for a in AnchorKind)), "flags": Items(Choice(("timex2",)))},
)
_REJECT = Record(
    required={"id": _ID, "pattern": _RULE.required["pattern"], "examples": _RULE.required["examples"]}
)
_RULE_FILES: dict[str, Spec] = {
    "reject.yaml": Record(required={"rules": Items(_REJECT)}),
    "rules.yaml": Record(required={"rules": Items(_RULE)}),
}


def _read_yaml(language: str, name: str, schema: Spec) -> Any:
    path = RULES_DIR / language / name
    if not path.is_file():
        raise RuleError(f"no rule file {name} for language {language!r} ({path})")
    return read(path, schema, "a rule file", RuleError, dates=True)


@functools.cache
def load(language: str = "en", timex2: bool = False) -> RuleSet:
    """Load and compile the rule set of ``language`` (cached: compiled once per process).

    Rules flagged ``timex2`` (TIMEX2 annotation conventions such as "former" as PAST_REF)
    are only compiled in when ``timex2`` is true.
    """
    raw_tables: dict[str, Any] = dict(_read_yaml(language, "tables.yaml", _TABLES))
    case_sensitive = {w.lower() for w in raw_tables.pop("case_sensitive", [])}
    trigger_words = {str(w).lower() for w in raw_tables.pop("triggers", [])}
    for tname in _TRIGGER_TABLES:
        trigger_words |= {re.split(r"[\s-]+", str(k).lower())[-1] for k in raw_tables[tname]}
    tables = {name: {_norm_word(str(k)): v for k, v in t.items()} for name, t in raw_tables.items()}
    fragments: dict[str, str] = {
        name: _table_regex([str(k) for k in t], case_sensitive) for name, t in raw_tables.items()
    }
    frag_file = _read_yaml(language, "fragments.yaml", _FRAGMENTS)
    for name, pat in frag_file.items():
        fragments[name] = _spaces(str(pat))

    rules: list[Rule] = []
    starts_of: dict[str, frozenset[str]] = {}
    seen: set[str] = set()
    for fname, schema in _RULE_FILES.items():
        data = _read_yaml(language, fname, schema)
        for n, raw in enumerate(data["rules"]):
            rid = raw["id"]
            where = f"{RULES_DIR / language / fname}:{line_of(data['rules'], n)}: rule {rid!r}"
            if rid in seen:
                raise RuleError(f"{where}: duplicate id; expected an id no other rule has")
            seen.add(rid)
            reject = fname == "reject.yaml"
            try:
                pattern = _expand(_spaces(_preceded(raw["pattern"])), fragments, where)
                # parsing checks the syntax (compiling each rule here would cost 0.05 s more;
                # what only the compiler rejects is traced to its rule below)
                starts_of[rid] = _first_chars(pattern)
            except (KeyError, re.error) as exc:
                raise RuleError(f"{where}: bad pattern: {exc}") from exc
            rules.append(
                Rule(
                    id=rid,
                    pattern=pattern,
                    type=None if reject else TimexType(raw["type"]),
                    anchor=AnchorKind(raw.get("anchor", "none")),
                    value=dict(raw.get("value") or {}),
                    examples=list(raw.get("examples") or []),
                    reject=reject,
                    source=f"{language}/{fname}",
                    group_names=tuple(_GROUP.findall(pattern)),
                    flags=tuple(raw.get("flags") or ()),
                )
            )

    rules = [r for r in rules if timex2 or "timex2" not in r.flags]
    # Dispatch on the first character: each rule goes into the branch of every character
    # it can start with (in file order), so at each word start the engine tries a handful
    # of rules instead of all of them. Order within a branch keeps first-rule-wins.
    branches, skeleton_branches = [], []
    index_to_rule: dict[int, tuple[str, Rule]] = {}
    markers: list[tuple[str, Rule]] = []
    # no capturing groups in the scanner (they make every failed branch costly); an empty
    # marker group after the rule names it, and the rule's own regex is matched again at
    # that spot to read its groups
    bodies = [explicit_case(_GROUP.sub("(?:", rule.pattern)) for rule in rules]
    for key, cls in _DISPATCH:
        parts, skeleton_parts = [], []
        key_chars = set(key)
        for i, rule in enumerate(rules):
            starts = starts_of[rule.id]
            if starts is not _ALL and not (starts & key_chars):
                continue
            tag = f"R{i}_{key[0] if key[0].isalpha() else 'D' if key[0].isdigit() else 'O'}"
            parts.append(f"(?:{bodies[i]})(?P<{tag}>)")
            skeleton_parts.append(f"(?:{placeholder(i)})(?P<{tag}>)")
            markers.append((tag, rule))
        if parts:
            branches.append(f"(?={cls})(?:" + "|".join(parts) + ")")
            skeleton_branches.append(f"(?={cls})(?:" + "|".join(skeleton_parts) + ")")
    big = _GUARD_START + "(?:" + "|".join(branches) + ")" + _GUARD_END
    skeleton = _GUARD_START + "(?:" + "|".join(skeleton_branches) + ")" + _GUARD_END
    # compiled case-sensitively with explicit [aA] classes: the engine can then reject a
    # branch on its first character without entering it (it cannot under re.IGNORECASE)
    # (about 2 s for ~800 KB of pattern in re's pure-Python compiler: cached across processes,
    # and parsed from the rule bodies, each once, when the cache has nothing)
    try:
        scanner = compile_cached(big, re.M, lambda: parse_assembled(skeleton, bodies, re.M))
    except re.error:
        _name_uncompilable(rules)
        raise
    for tag, rule in markers:
        index_to_rule[scanner.groupindex[tag]] = ("", rule)
    matchers = _Matchers(rules)
    trigger = re.compile(
        r"(?<![A-Za-z])(?:" + _trie(trigger_words) + r")(?![A-Za-z])|(?<![$£€.,\d])\d{1,4}(?![\d%]|[.,]\d)"
    )
    return RuleSet(language, tables, rules, scanner, index_to_rule, matchers, trigger)


def _name_uncompilable(rules: list[Rule]) -> None:
    """Raise a RuleError naming the first rule the regex compiler rejects (the parser
    accepted them all), e.g. a look-behind of variable width."""
    for rule in rules:
        try:
            re.compile(rule.pattern, re.I)
        except re.error as exc:
            raise RuleError(f"{rule.source}: rule {rule.id!r}: bad pattern: {exc}") from exc


_TRIGGER_TABLES = (
    "months",
    "weekdays",
    "units",
    "calendar_units",
    "seasons",
    "parts_of_day",
    "relative_days",
    "anchor_nouns",
)


def _trie(words: set[str]) -> str:
    """A regex matching exactly ``words``, as a character trie (fast in Python's engine)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for ch, sub in sorted(node.items()):
            if ch == "":
                continue
            cls = f"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch)
            alts.append(cls + emit(sub))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


# Every rule starts at a word start and ends at a word end.
# (a capitalised word may follow a hyphen: "August-September 1950"; "pre-war" may not)
_GUARD_START = r"(?<![\w$£€.,'])(?:(?<![A-Za-z]-)|(?=(?-i:[A-Z])))"
_GUARD_END = r"(?![\w%]|-(?-i:[a-z])|[.,]\d)"


def explicit_case(pattern: str) -> str:
    """Rewrite ``pattern`` (meant for re.IGNORECASE) to match the same without the flag:
    every letter becomes a two-case class ("a" -> "[aA]"), letters in classes get both
    cases, and ``(?-i:...)`` groups (case-sensitive words like "May") stay as written."""
    out: list[str] = []
    stack = [True]  # is case folding active in this group?
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        fold = stack[-1]
        if c == "\\":
            nxt = pattern[i + 1]
            width = 6 if nxt == "u" else 4 if nxt == "x" else 2
            out.append(pattern[i : i + width])
            i += width
            continue
        if c == "[":
            j = i + 1
            cls = ["["]
            if j < n and pattern[j] == "^":
                cls.append("^")
                j += 1
            first = True
            while j < n and (pattern[j] != "]" or first):
                first = False
                ch = pattern[j]
                if ch == "\\":
                    nxt = pattern[j + 1]
                    width = 6 if nxt == "u" else 4 if nxt == "x" else 2
                    cls.append(pattern[j : j + width])
                    j += width
                    continue
                if fold and ch.isalpha() and j + 2 < n and pattern[j + 1] == "-" and pattern[j + 2].isalpha():
                    lo, hi = ch, pattern[j + 2]
                    cls.append(f"{lo}-{hi}{lo.swapcase()}-{hi.swapcase()}")
                    j += 3
                    continue
                if fold and ch.isalpha() and ch.lower() != ch.upper():
                    cls.append(ch.lower() + ch.upper())
                else:
                    cls.append(ch)
                j += 1
            cls.append("]")
            out.append("".join(cls))
            i = j + 1
            continue
        if c == "(":
            if pattern.startswith("(?-i:", i):
                out.append("(?:")
                stack.append(False)
                i += 5
                continue
            m = re.match(r"\(\?(?:P<\w+>|<=|<!|:|=|!)?", pattern[i:])
            head = m.group(0) if m else "("
            out.append(head)
            stack.append(fold)
            i += len(head)
            continue
        if c == ")":
            stack.pop()
            out.append(c)
            i += 1
            continue
        if c == "{":  # a quantifier like {1,4}: copy as is
            j = pattern.index("}", i)
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if fold and c.isalpha() and c.lower() != c.upper():
            out.append(f"[{c.lower()}{c.upper()}]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"
_DISPATCH = [(c, f"[{c}{c.upper()}]") for c in _LETTERS] + [
    (_DIGITS, "[0-9]"),
    ("\0", "[^a-zA-Z0-9]"),
]
_ALL: frozenset[str] = frozenset(_LETTERS + _DIGITS + "\0")


def _first_chars(pattern: str) -> frozenset[str]:
    """The dispatch keys (lower-case letters, digits, "\\0" for anything else) a match of
    ``pattern`` can start with; ``_ALL`` when the analysis cannot tell."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def norm(ch: int) -> set[str]:
        s = chr(ch).lower()
        return {s} if s in _LETTERS or s in _DIGITS else {"\0"}

    def seq(items: Any) -> tuple[set[str] | None, bool]:
        acc: set[str] = set()
        for op, av in items:
            f, nullable = item(op, av)
            if f is None:
                return None, False
            acc |= f
            if not nullable:
                return acc, False
        return acc, True

    def item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
        if op is c.LITERAL:
            return norm(av), False
        if op is c.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    out |= norm(iav)
                elif iop is c.RANGE and iav[1] - iav[0] < 300:
                    for ch in range(iav[0], iav[1] + 1):
                        out |= norm(ch)
                elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                    out |= set(_DIGITS)
                else:
                    return None, False
            return out, False
        if op is c.BRANCH:
            out = set()
            nullable = False
            for alt in av[1]:
                f, n = seq(alt.data)
                if f is None:
                    return None, False
                out |= f
                nullable = nullable or n
            return out, nullable
        if op is c.SUBPATTERN:
            return seq(av[3].data)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            f, n = seq(av[2].data)
            return f, n or av[0] == 0
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True
        return None, False

    first, nullable = seq(_parser.parse(pattern, re.I).data)
    if first is None or nullable:
        return _ALL
    return frozenset(first)


def rule_index(rs: RuleSet, rule: Rule) -> int:
    return rs.rules.index(rule)
