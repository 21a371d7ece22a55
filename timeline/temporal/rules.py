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
from importlib import resources
from typing import Any

import yaml

from .values import AnchorKind, Granularity, TimexType

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_GROUP = re.compile(r"\(\?P<([a-z_]+[0-9]*)>")
# a literal space in a pattern means horizontal white space (expressions never span lines)
_SPACE = r"[^\S\n]+"


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


class RuleError(ValueError):
    """A rule file is malformed (names the file and the rule)."""


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: str
    type: TimexType | None  # None for reject rules
    anchor: AnchorKind
    granularity: Granularity | None
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
    index_to_rule: dict[int, Rule] = field(default_factory=dict)

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


def _read_yaml(language: str, name: str) -> Any:
    ref = resources.files("timeline.temporal") / "rules" / language / name
    try:
        return yaml.safe_load(ref.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RuleError(f"no rule file {name} for language {language!r}") from exc


_RULE_FILES = ("reject.yaml", "rules.yaml")


@functools.cache
def load(language: str = "en") -> RuleSet:
    """Load and compile the rule set of ``language`` (cached: compiled once per process)."""
    raw_tables: dict[str, Any] = _read_yaml(language, "tables.yaml")
    case_sensitive = {w.lower() for w in raw_tables.pop("case_sensitive", [])}
    tables = {name: {_norm_word(str(k)): v for k, v in t.items()} for name, t in raw_tables.items()}
    fragments: dict[str, str] = {
        name: _table_regex([str(k) for k in t], case_sensitive) for name, t in raw_tables.items()
    }
    frag_file = _read_yaml(language, "fragments.yaml")
    for name, pat in frag_file.items():
        fragments[name] = _spaces(str(pat))

    rules: list[Rule] = []
    seen: set[str] = set()
    for fname in _RULE_FILES:
        data = _read_yaml(language, fname)
        for raw in data["rules"]:
            rid = raw.get("id")
            where = f"{language}/{fname}: rule {rid!r}"
            if not rid or rid in seen:
                raise RuleError(f"{where}: missing or duplicate id")
            seen.add(rid)
            reject = fname == "reject.yaml"
            try:
                pattern = _expand(_spaces(_preceded(raw["pattern"])), fragments, where)
                re.compile(pattern, re.I)
            except (KeyError, re.error) as exc:
                raise RuleError(f"{where}: bad pattern: {exc}") from exc
            gran = raw.get("granularity")
            rules.append(
                Rule(
                    id=rid,
                    pattern=pattern,
                    type=None if reject else TimexType(raw["type"]),
                    anchor=AnchorKind(raw.get("anchor", "none")),
                    granularity=Granularity[gran.upper()] if gran else None,
                    value=dict(raw.get("value") or {}),
                    examples=list(raw.get("examples") or []),
                    reject=reject,
                    source=f"{language}/{fname}",
                    group_names=tuple(_GROUP.findall(pattern)),
                    flags=tuple(raw.get("flags") or ()),
                )
            )

    parts = []
    for i, rule in enumerate(rules):
        body = _GROUP.sub(lambda m, i=i: f"(?P<r{i}_{m.group(1)}>", rule.pattern)
        parts.append(f"(?P<R{i}>{body})")
    # Every rule starts at a word start and ends at a word end.
    big = r"(?<![\w$£€.,'-])(?:" + "|".join(parts) + r")(?![\w%-]|[.,]\d)"
    scanner = re.compile(big, re.I | re.M)
    index_to_rule = {scanner.groupindex[f"R{i}"]: rule for i, rule in enumerate(rules)}
    return RuleSet(language, tables, rules, scanner, index_to_rule)


def rule_index(rs: RuleSet, rule: Rule) -> int:
    return rs.rules.index(rule)
