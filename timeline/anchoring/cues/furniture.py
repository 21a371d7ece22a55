"""English page furniture that scrapers keep: "Published 13 May 2022" and "Updated ..." lines,
datelines ("KYIV, March 22 (Reuters) -") and "related articles" blocks. Patterns and the tests
that read them; the cues they make are in ``datelines``."""

from __future__ import annotations

import re

from timeline.temporal.values import Timex

from ..mentions import Layout

# "Published 13 May 2022" / "Updated: 13 May 2022" lines that scrapers keep.
_STAMP_LINE_MAX = 90
_STAMP = re.compile(
    r"[ \t]*(?:by\s[^|\n]{2,40}[|\u2022\u00b7-]\s*)?"
    r"(?P<word>first published|published|posted|last updated|updated|last modified|modified)\b"
    r"(?:\s+on)?\s*:?",
    re.I,
)
_UPDATE_WORDS = frozenset({"last updated", "updated", "last modified", "modified"})

# Datelines: a place (and region) at the start of one of the first lines, then the date,
# an optional agency in brackets and a dash.
_DATELINE_REACH = 800
_DATELINE_PLACE = re.compile(
    r"[ \t]*[A-Z][A-Za-z'.-]+(?:[ -][A-Za-z'.-]+){0,3},\s*(?:[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2},\s*)?"
)
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\((?P<agency>[A-Z][A-Za-z .'-]{1,30})\)[ \t]*)?[-–—]")
_CAPITALS = re.compile(r"[ \t]*[A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+)*,")

_LINK_LINE = re.compile(
    r"\b(?:related (?:articles?|stories|topics|content|coverage)|read more|latest from|other topics"
    r"|most read|recommended for you|more from|you may also like|more on this story)\b",
    re.I,
)


def in_link_block(layout: Layout, start: int) -> bool:
    """Whether offset ``start`` is on a "related articles" line, whose dates can be later than
    the article itself."""
    return layout.line_matches(_LINK_LINE, start)


def stamp(text: str, tx: Timex) -> str | None:
    """ "published" or "updated" when ``tx`` is the date of a short line such as "Published
    13 May 2022", "Updated: 14:03 BST, 13 May 2022" or "By A. Writer | Posted on May 13"."""
    # only short lines: look no further than that around the date (a long line is never one)
    line_start = text.rfind("\n", max(0, tx.start - _STAMP_LINE_MAX), tx.start) + 1
    line_end = text.find("\n", tx.end, line_start + _STAMP_LINE_MAX + 1)
    if line_end < 0:
        line_end = len(text)
    if (line_start == 0 and tx.start > _STAMP_LINE_MAX) or line_end - line_start > _STAMP_LINE_MAX:
        return None
    m = _STAMP.match(text, line_start, line_end)
    if m is None or m.end() > tx.start:
        return None
    return "updated" if m.group("word").lower() in _UPDATE_WORDS else "published"


def is_dateline(text: str, tx: Timex) -> bool:
    """The date of a dateline opening the article: "MINSK, 21 July (BelTA) -",
    "KYIV, July 21 (Reuters) -" (the place in capitals, or an agency in brackets)."""
    if tx.start > _DATELINE_REACH:
        return False
    line_start = text.rfind("\n", 0, tx.start) + 1
    before = text[line_start : tx.start]
    after = text[tx.end : tx.end + 40]
    place = _DATELINE_PLACE.fullmatch(before)
    tail = _DATELINE_TAIL.match(after)
    if place is None or tail is None:
        return False
    return bool(tail.group("agency")) or _CAPITALS.match(before) is not None
