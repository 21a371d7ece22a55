"""Page furniture that scrapers keep: "Published 13 May 2022" / "Оновлено: 14 травня 2022" lines,
datelines ("KYIV, March 22 (Reuters) -", "КИЇВ, 20 листопада (Укрінформ) -") and "related
articles" blocks. Patterns and the tests that read them; the words of each language are in
``anchoring/furniture.yaml``; the cues they make are in ``datelines``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from timeline.core.datafile import DataFileError, Flag, Items, Record, Table, Text, read
from timeline.temporal.values import Timex

from ..mentions import Layout

WORDS = Path(__file__).parents[1] / "furniture.yaml"
_WORD_LIST = Items(Text(what="a word or phrase"))
_KEYS = ("byline", "published", "updated", "after", "related")
SCHEMA = Record(
    required={
        "languages": Table(
            values=Record(
                required={
                    "byline": _WORD_LIST,
                    "published": Items(Text(what="a word or phrase"), least=1),
                    "updated": _WORD_LIST,
                    "after": _WORD_LIST,
                    "related": _WORD_LIST,
                }
            )
        )
    },
    optional={
        "examples": Items(
            Record(
                required={"text": Text(), "language": Text()},
                optional={"stamp": Text(form="published|updated|none"), "related": Flag()},
            )
        )
    },
)


class FurnitureWordsError(DataFileError):
    """``furniture.yaml`` is malformed; the message names the file and line."""


@dataclass(frozen=True)
class _Furniture:
    stamp: re.Pattern[str]
    update_words: frozenset[str]
    link_line: re.Pattern[str]


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cache
def furniture(path: str = str(WORDS)) -> _Furniture:
    """The stamp and related-line patterns of every language in ``furniture.yaml`` together."""
    doc = read(path, SCHEMA, "the page furniture words", FurnitureWordsError)
    langs = doc["languages"].values()
    words = {key: {w.lower() for lang in langs for w in lang[key]} for key in _KEYS}
    byline = (
        rf"(?:(?:{_alternation(words['byline'])})\s[^|\n]{{2,40}}[|\u2022\u00b7-]\s*)?"
        if words["byline"]
        else ""
    )
    after = rf"(?:\s+(?:{_alternation(words['after'])}))?" if words["after"] else ""
    stamp = re.compile(
        rf"[ \t]*{byline}(?P<word>{_alternation(words['published'] | words['updated'])})\b{after}\s*:?",
        re.I,
    )
    link_line = re.compile(rf"\b(?:{_alternation(words['related'])})\b", re.I)
    return _Furniture(stamp, frozenset(words["updated"]), link_line)


# "Published 13 May 2022" / "Updated: 13 May 2022" lines that scrapers keep.
_STAMP_LINE_MAX = 90

# Datelines: a place (and region) at the start of one of the first lines, then the date,
# an optional agency in brackets and a dash. Latin or Cyrillic capitals.
_UP = "A-ZА-ЯЁІЇЄҐ"
_LETTER = "A-Za-zА-яЁёІіЇїЄєҐґ"
_DATELINE_REACH = 800
_DATELINE_PLACE = re.compile(
    rf"[ \t]*[{_UP}][{_LETTER}'.-]+(?:[ -][{_LETTER}'.-]+){{0,3}},\s*"
    rf"(?:[{_UP}][{_LETTER}.]+(?: [{_UP}][{_LETTER}.]+){{0,2}},\s*)?"
)
_DATELINE_TAIL = re.compile(rf"[ \t]*(?:\((?P<agency>[{_UP}][{_LETTER} .'-]{{1,30}})\)[ \t]*)?[-–—]")
_CAPITALS = re.compile(rf"[ \t]*[{_UP}][{_UP}'.-]+(?:[ -][{_UP}][{_UP}'.-]+)*,")


def in_link_block(layout: Layout, start: int) -> bool:
    """Whether offset ``start`` is on a "related articles" line, whose dates can be later than
    the article itself."""
    return layout.line_matches(furniture().link_line, start)


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
    f = furniture()
    m = f.stamp.match(text, line_start, line_end)
    if m is None or m.end() > tx.start:
        return None
    return "updated" if m.group("word").lower() in f.update_words else "published"


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
