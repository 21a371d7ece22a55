"""Parse the combined scanner pattern from its parts instead of as one 800 KB string.

The scanner repeats every rule's body in the branch of each first character it can start
with (about eight copies on average). ``re``'s pure-Python parser would parse every copy; here
each body is parsed once and a small skeleton, with one private-use placeholder character
per body, is parsed and the bodies spliced in, redoing exactly what the parser does around a
``(?:...)`` group in an alternation (unpack it, move a prefix common to all alternatives out
of the branch). The result is the same parse tree, so the same engine code: a test compares
the code with a plain parse for the real rules. This saves ~1.3 s of CPU the first time a
machine compiles the rules (see regex_cache for the later times).

Only used on the Python versions the splice was checked against; otherwise, or when a body
does not fit the assumptions (a capturing group, a placeholder character), None tells the
caller to parse the whole string.
"""

from __future__ import annotations

import sys
from typing import Any

try:
    from re import _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python implementations
    _parser = None

# where one rule body goes in the skeleton: chr(PLACEHOLDER + rule index)
PLACEHOLDER = 0xF0000
VERIFIED = ((3, 11),)


def placeholder(index: int) -> str:
    return chr(PLACEHOLDER + index)


def parse_assembled(skeleton: str, bodies: list[str], flags: int) -> Any | None:
    """The parse tree of ``skeleton`` with ``placeholder(i)`` (alone in a non-capturing group)
    replaced by ``bodies[i]``, or None when that cannot be done safely."""
    if _parser is None or sys.version_info[:2] not in VERIFIED:
        return None
    try:
        if any(body and ord(max(body)) >= PLACEHOLDER for body in bodies):
            return None
        trees = [_parser.parse(body, flags) for body in bodies]
        # a body with its own groups would shift the group numbers; global flags inside it
        # would be parsed differently in place
        if any(t.state.groups != 1 or t.state.flags != trees[0].state.flags for t in trees):
            return None
        tree = _parser.parse(skeleton, flags)
        _splice(tree, [t.data for t in trees])
        return tree
    except (AttributeError, TypeError, IndexError, ValueError):  # internals changed shape
        return None


def _body_index(op: Any, av: Any, count: int) -> int | None:
    if op is _constants.LITERAL and PLACEHOLDER <= av < PLACEHOLDER + count:
        return int(av) - PLACEHOLDER
    return None


def _splice(sp: Any, bodies: list[list[Any]]) -> None:
    sp.width = None  # cached widths no longer hold
    out: list[Any] = []
    for op, av in sp.data:
        index = _body_index(op, av, len(bodies))
        if index is not None:
            out.extend(bodies[index])  # "(?:body)" is unpacked into the sequence around it
        elif op is _constants.BRANCH:
            alternatives = av[1]
            for alt in alternatives:
                _splice(alt, bodies)
            out.extend(_common_prefix(alternatives))
            _check_no_charset(alternatives)
            out.append((op, av))
        elif op is _constants.SUBPATTERN:
            _splice(av[3], bodies)
            out.append((op, av))
        else:
            out.append((op, av))
    sp.data = out


def _common_prefix(alternatives: list[Any]) -> list[Any]:
    """Remove and return the items every alternative starts with (as ``_parse_sub`` does)."""
    prefix_items = []
    while True:
        prefix = None
        for item in alternatives:
            if not item:
                break
            if prefix is None:
                prefix = item[0]
            elif item[0] != prefix:
                break
        else:
            for item in alternatives:
                del item[0]
            prefix_items.append(prefix)
            continue
        return prefix_items


def _check_no_charset(alternatives: list[Any]) -> None:
    """The parser turns a branch of single characters into a set; a spliced branch never is
    one (each alternative ends with its rule's marker group), or the splice gives up."""
    if all(len(alt) == 1 and alt[0][0] in (_constants.LITERAL, _constants.IN) for alt in alternatives):
        raise ValueError("branch of single characters")
