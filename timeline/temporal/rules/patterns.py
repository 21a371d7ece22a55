"""Rewrite the pattern text of a rule file into the regex the scanner compiles.

Patterns may use ``{name}`` for a fragment or a word table of the same language (``{months}``
becomes an alternation of every month word, longest first), ``(?<@in|since)`` for "right after
one of these words", and a literal space for horizontal white space. The scanner is compiled
case-sensitively, so each pattern's letters are written in both cases (:func:`explicit_case`).
"""

from __future__ import annotations

import re
from typing import Any

from .ruleset import RuleError

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
GROUP = re.compile(r"\(\?P<([a-z_]+[0-9]*)>")
# a literal space in a pattern means horizontal white space (expressions never span lines)
_SPACE = r"(?:[^\S\n]+)"


def spaces(pattern: str) -> str:
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


def table_regex(words: list[str], case_sensitive: set[str]) -> str:
    """A word table as a regex that prefers the longest word, as a character trie: a flat
    alternation of several hundred case forms ("тридцятого", "тридцятому", ...) costs the
    engine a test per form at every word start, the trie one per letter. The words that can
    match at one place are prefixes of each other, and the trie tries them longest first, as
    the flat alternation sorted by length did; so a case-sensitive word that is a prefix of
    another word, or has one, keeps the flat alternation (same order of tries)."""
    folded = {w.lower() for w in words if w not in case_sensitive}
    exact = [w for w in words if w in case_sensitive]
    if any(a != b and (a.startswith(b) or b.startswith(a)) for a in map(str.lower, exact) for b in folded):
        return _flat_alternation(words, case_sensitive)
    parts = [_escaped_trie(folded)] if folded else []
    parts += [f"(?-i:{re.escape(w.capitalize())}|{re.escape(w.upper())})" for w in exact]
    return "(?:" + "|".join(parts) + ")"


def _flat_alternation(words: list[str], case_sensitive: set[str]) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", _SPACE)
        if w in case_sensitive:
            cap = re.escape(w.capitalize())
            parts.append(f"(?-i:{cap}|{re.escape(w.upper())})")
        else:
            parts.append(esc)
    return "(?:" + "|".join(parts) + ")"


def _escaped_trie(words: set[str]) -> str:
    """``words`` (lower case) as a trie of escaped characters, a space as ``_SPACE``; letters
    are folded later by :func:`explicit_case`. Longer words are tried first."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [_char(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _char(ch: str) -> str:
    return _SPACE if ch == " " else re.escape(ch)


_PRECEDED = re.compile(r"\(\?<@([\w|.'-]+)\)")


def preceded(pattern: str) -> str:
    """``(?<@in|since)`` = "right after one of these words" (fixed-width lookbehinds)."""

    def sub(m: re.Match[str]) -> str:
        words = m.group(1).split("|")
        return "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in words) + ")"

    return _PRECEDED.sub(sub, pattern)


def expand(pattern: str, fragments: dict[str, str], where: str, depth: int = 0) -> str:
    if depth > 10:
        raise RuleError(f"{where}: fragments nest too deeply")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise RuleError(f"{where}: unknown fragment or table {{{name}}}")
        return expand(fragments[name], fragments, where, depth + 1)

    return _PLACEHOLDER.sub(sub, pattern)


def trie(words: set[str]) -> str:
    """A regex matching exactly ``words`` in either case, as a character trie (fast in
    Python's engine)."""
    return explicit_case(_escaped_trie({w.lower() for w in words}))


# Every rule starts at a word start and ends at a word end.
# (a capitalised word may follow a hyphen: "August-September 1950", and after a lower-case word a
# day before one: "14 August-24 August", not "F-16 March"; "pre-war" may not)
GUARD_START = r"(?<![\w$£€.,'])(?:(?<![A-Za-z]-)|(?=(?-i:[A-Z]))|(?<=(?-i:[a-z])-)(?=\d{1,2} (?-i:[A-Z])))"
GUARD_END = r"(?![\w%]|-(?-i:[a-z])|[.,]\d)"


def _escape_at(pattern: str, i: int) -> str:
    """The escape that starts with the backslash at ``pattern[i]``: ``\\uXXXX``, ``\\xXX`` or
    a backslash and one character."""
    nxt = pattern[i + 1]
    return pattern[i : i + (6 if nxt == "u" else 4 if nxt == "x" else 2)]


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
            escape = _escape_at(pattern, i)
            out.append(escape)
            i += len(escape)
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
                    escape = _escape_at(pattern, j)
                    cls.append(escape)
                    j += len(escape)
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


# Cyrillic letters get their own branches too: in a Ukrainian or Russian text every rule starts
# with one, and a shared "anything else" branch would try all of them at every word
_LETTERS = "abcdefghijklmnopqrstuvwxyz" + "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэъё"
_DIGITS = "0123456789"
DISPATCH = [(c, f"[{c}{c.upper()}]") for c in _LETTERS] + [
    (_DIGITS, "[0-9]"),
    ("\0", "[^a-zA-Z0-9" + "".join(c + c.upper() for c in _LETTERS[26:]) + "]"),
]
ALL_KEYS: frozenset[str] = frozenset(_LETTERS + _DIGITS + "\0")


def first_chars(pattern: str) -> frozenset[str]:
    """The dispatch keys (lower-case letters, digits, "\\0" for anything else) a match of
    ``pattern`` can start with; ``ALL_KEYS`` when the analysis cannot tell."""
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
        return ALL_KEYS
    return frozenset(first)
