"""Which rules can match at a place, from the three characters there: how the scanner finds spans.

The rules of a language are one alternation in meaning (file order, first rule wins: assemble.py
compiles it so, and the tests compare the two). Matching it as one regex tried, at every word
start, every rule that begins with the same letter: 76 English rules at each "the", 2.2 ms of
an article's 7 ms extraction at 10,000 real articles (issue 18). Here each place's next three
characters, as dispatch classes (a letter of either case, any digit, anything else), pick the
rules whose regex can begin so (:func:`match_starts`, read from the parsed pattern and never
narrower than the regex), and only those are tried, in file order: the same match, in about a
third of the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from .patterns import ALL_KEYS, DISPATCH, GROUP, GUARD_END, GUARD_START, explicit_case
from .ruleset import Rule, RuleError

DIGIT, OTHER, END, ANY = "0", "\0", "$", "*"  # class codes besides the letters themselves
LENGTH = 3  # characters looked at: 3 left 0.5 rules to try per place in English, 2 left 2.1
_LIMIT = 5000  # prefix sets larger than this are given up on (every place then tries the rule)


def _classes() -> dict[str, str]:
    """Each character's class code, as the scanner's dispatch (patterns.DISPATCH) sorts them:
    a letter of the dispatch in either case is itself in lower case, an ASCII digit is DIGIT;
    any character missing here is OTHER."""
    out: dict[str, str] = {}
    for key, _cls in DISPATCH:
        if len(key) == 1 and key != "\0":
            out[key] = out[key.upper()] = key
    out.update(dict.fromkeys("0123456789", DIGIT))
    return out


CLASSES = _classes()


def _code(ch: int) -> str:
    return CLASSES.get(chr(ch), OTHER)


def match_starts(pattern: str, length: int = LENGTH) -> frozenset[str]:
    """How a match of ``pattern`` (compiled case-sensitively, as the scanner compiles it) can
    begin: strings of class codes up to ``length`` long, ANY standing for any class; a shorter
    string means the match may end there. Never narrower than the regex: what the analysis cannot
    read (a look-around, a back-reference, a large class) widens the set."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def then(heads: set[str], tails: set[str]) -> set[str]:
        out = set()
        for head in heads:
            if len(head) >= length:
                out.add(head)
            else:
                out.update((head + tail)[:length] for tail in tails)
        return out

    def seq(items: Any) -> set[str]:
        acc = {""}
        for op, av in items:
            acc = then(acc, item(op, av))
            if all(len(x) >= length for x in acc):
                break
            if len(acc) > _LIMIT:
                return {"", ANY}
        return acc

    def item(op: Any, av: Any) -> set[str]:
        if op is c.LITERAL:
            return {_code(av)}
        if op is c.IN:
            return members(av)
        if op is c.BRANCH:
            return set().union(*(seq(alt.data) for alt in av[1]))
        if op is c.SUBPATTERN:
            return seq(av[3].data)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, once = av[0], av[1], seq(av[2].data)
            out, reps = set(), {""}
            for n in range(length + 1):  # each repetition adds a character or nothing
                if low <= n <= high:
                    out |= reps
                reps = then(reps, once)
            return out | reps if high > length else out
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {""}  # zero-width: what follows decides
        if op in (c.ANY, c.NOT_LITERAL):
            return {ANY}
        return {"", ANY}

    def members(av: Any) -> set[str]:
        if av and av[0][0] is c.NEGATE:
            # [^\S\n] (horizontal white space, as patterns.spaces writes it): white space only
            return {OTHER} if av[1:2] == [(c.CATEGORY, c.CATEGORY_NOT_SPACE)] else {ANY}
        out = set()
        for op, arg in av:
            if op is c.LITERAL:
                out.add(_code(arg))
            elif op is c.RANGE and arg[1] - arg[0] < 300:
                out.update(_code(ch) for ch in range(arg[0], arg[1] + 1))
            elif op is c.CATEGORY and arg is c.CATEGORY_DIGIT:
                out.add(DIGIT)  # any Unicode digit: all are OTHER but the ASCII ones
                out.add(OTHER)
            elif op is c.CATEGORY and arg is c.CATEGORY_SPACE:
                out.add(OTHER)
            else:
                return {ANY}
        return out

    return frozenset(seq(_parser.parse(pattern, re.M).data))


def _admits(starts: frozenset[str], key: tuple[str, ...]) -> bool:
    """Whether a match beginning as one of ``starts`` can begin with the characters ``key``:
    some start is, class by class, the key's first characters or ANY (a start shorter than
    :data:`LENGTH` may end there)."""
    if "" in starts:
        return True
    options = [""]
    for k in key:
        if k == END:
            return False
        options = [o + c for o in options for c in (k, ANY)]
        if any(o in starts for o in options):
            return True
    return False


class StartTable:
    """The rules to try at a place, by its next characters, each rule compiled once with the
    scanner's guard after it (:data:`~.patterns.GUARD_END`); the guard before it is checked once
    per place (:data:`~.patterns.GUARD_START`)."""

    def __init__(self, rules: Sequence[Rule], starts_of: dict[str, frozenset[str]]) -> None:
        self.rules = list(rules)
        self._finders: list[re.Pattern[str]] = []
        self._starts: list[frozenset[str]] = []
        for rule in self.rules:
            # no capturing groups: they make every failed try costly (assemble.py)
            body = explicit_case(GROUP.sub("(?:", rule.pattern))
            try:
                self._finders.append(re.compile(f"(?:{body}){GUARD_END}", re.M))
            except re.error as exc:  # the parser accepted it; the compiler did not
                raise RuleError(f"{rule.source}: rule {rule.id!r}: bad pattern: {exc}") from exc
            self._starts.append(match_starts(body))
        # the rules of each first character, as the one-regex scanner dispatches them
        self._branch: dict[str, list[int]] = {}
        for key, _cls in DISPATCH:
            code = DIGIT if key[0].isdigit() else key
            chars = set(key)
            self._branch[code] = [
                i
                for i, rule in enumerate(self.rules)
                if starts_of[rule.id] is ALL_KEYS or starts_of[rule.id] & chars
            ]
        self._table: dict[tuple[str, ...], tuple[tuple[re.Pattern[str], Rule], ...]] = {}
        self._places = re.compile(GUARD_START, re.M)

    def _tries(self, key: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], Rule], ...]:
        tries = tuple(
            (self._finders[i], self.rules[i])
            for i in self._branch.get(key[0], ())
            if _admits(self._starts[i], key)
        )
        self._table[key] = tries
        return tries

    def scan(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, Rule]]:
        """(start, end, rule) of each match in ``text[start:end]``, left to right, not overlapping:
        what the one-regex scanner's ``finditer(text, start, end)`` finds."""
        last = start
        code = CLASSES.get
        for place in self._places.finditer(text, start, end):
            at = place.start()
            if at < last or at >= end:
                continue
            key = (
                code(text[at], OTHER),
                code(text[at + 1], OTHER) if at + 1 < end else END,
                code(text[at + 2], OTHER) if at + 2 < end else END,
            )
            tries = self._table.get(key)
            if tries is None:
                tries = self._tries(key)
            for finder, rule in tries:
                m = finder.match(text, at, end)
                if m is not None and m.end() > at:
                    yield at, m.end(), rule
                    last = m.end()
                    break
