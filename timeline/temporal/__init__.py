"""The temporal tagger: find date expressions in text and give them typed values.

The steps, one module each: :mod:`.rules` loads a language's YAML rules and compiles them into
one scanner regex; :mod:`.scanner` finds the spans; :mod:`.builders` turns each span into a
typed value (or a spec of a relative one), with :mod:`.tense` telling past from future;
:mod:`.resolution` gives relative specs a calendar value once the reference date is known.

>>> import datetime as dt
>>> [t.timex3() for t in tag("On Tuesday, March 22, Kirby said", dt.date(2022, 3, 30))]
['2022-03-22']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .resolution import resolve
from .scanner import find
from .values import Timex

# the tagger's types are in .values, the specs of relative dates in .specs
__all__ = ["find", "resolve", "tag"]


def tag(
    text: str,
    published: dt.date | None = None,
    *,
    anchors: Mapping[str, dt.date] | None = None,
    language: str = "en",
) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text``.

    Returns timexes sorted by start, non-overlapping, with ``text[t.start:t.end] == t.text``.
    Absolute dates always get a value; relative ones get one when ``published`` (or, for
    war-relative ones, ``anchors``) allows, and otherwise keep ``value=None`` and a spec. One
    path for news and narrative: each partial date counts from the publication date or from the
    time the text is about (:mod:`.discourse`).
    """
    timexes = find(text, language)
    resolve(timexes, published, anchors, language=language, text=text)
    return timexes
