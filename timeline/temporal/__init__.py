"""The temporal tagger: find date expressions in text and give them typed values.

>>> import datetime as dt
>>> [t.timex3() for t in tag("On Tuesday, March 22, Kirby said", dt.date(2022, 3, 30))]
['2022-03-22']
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping

from . import rules as _rules
from .resolve import resolve as _resolve
from .tagger import BuildError, Builder
from .values import (
    AnchorKind,
    DateValue,
    DurationValue,
    Granularity,
    Mod,
    RefValue,
    SetValue,
    Timex,
    TimexType,
)

__all__ = [
    "AnchorKind",
    "DateValue",
    "DurationValue",
    "Granularity",
    "Mod",
    "RefValue",
    "SetValue",
    "Timex",
    "TimexType",
    "resolve",
    "tag",
]

SUPPORTED_LANGUAGES = ("en",)


@functools.cache
def _compiled(language: str) -> tuple[_rules.RuleSet, Builder, dict[int, tuple[int, _rules.Rule]]]:
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"no temporal rules for language {language!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    rs = _rules.load(language)
    by_group = {gi: (i, rs.rules[i]) for i, rs_rule in enumerate(rs.rules) if (gi := rs.scanner.groupindex[f"R{i}"])}
    return rs, Builder(rs), by_group


def find(text: str, language: str = "en") -> list[Timex]:
    """Every expression the rules find in ``text``, unresolved (relative ones keep a spec)."""
    rs, builder, by_group = _compiled(language)
    out: list[Timex] = []
    for m in rs.scanner.finditer(text):
        gi = m.lastindex
        if gi is None:
            continue
        idx, rule = by_group[gi]
        if rule.reject:
            continue
        try:
            out.append(builder.build(rule, m, idx, text))
        except BuildError:
            continue
    return out


def tag(
    text: str,
    published: dt.date | None = None,
    *,
    anchors: Mapping[str, dt.date] | None = None,
    language: str = "en",
    narrative: bool = False,
) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text``.

    Returns timexes sorted by start, non-overlapping, with ``text[t.start:t.end] == t.text``.
    Absolute dates always get a value; relative ones get one when ``published`` (or, for
    war-relative ones, ``anchors``) allows, and otherwise keep ``value=None`` and a spec.
    """
    timexes = find(text, language)
    _resolve(timexes, published, anchors, narrative=narrative)
    return timexes


def resolve(
    timexes: list[Timex],
    reference: dt.date | None,
    anchors: Mapping[str, dt.date] | None = None,
    *,
    narrative: bool = False,
) -> None:
    """Fill ``value`` in place for every resolvable relative timex (see :mod:`.resolve`)."""
    _resolve(timexes, reference, anchors, narrative=narrative)
