"""Split article text into sentences, keeping character offsets.

Every line is a hard boundary (scraped news puts one paragraph per line). Inside a line a sentence
ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets, and the stray ``,`` or ``:`` that
scraped pages glue a caption on with: "the crisis center.: Zelenskyy on Saturday ...") followed by a
space and a capital, digit, quote or bracket, or glued to a capitalized word after a lowercase word
("he said.Stoltenberg added": a lost line break), except after an abbreviation ("Mr.", "Feb."), an
initial ("John F.") or a dotted acronym ("U.S.", "a.m."). The abbreviations, and examples the
tests run, live in ``sentences.yaml``.

It is the one splitter of the package: events cut an article into the sentences they date,
anchoring asks which sentence a clue or a key event's name stands in, the corpus pass weighs an
article's first sentences, the tense cues read the words of a date's sentence. The last two keep
the cut they were tuned with, by a named parameter (:func:`split_sentences` says why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .datafile import Items, Record, Text, read

PATH = Path(__file__).with_name("sentences.yaml")
SCHEMA = Record(
    required={
        "abbreviations": Items(Text(what="a word")),
        "examples": Items(Record(required={"text": Text(), "sentences": Items(Text(), least=1)})),
    }
)


@dataclass(frozen=True)
class Abbreviations:
    words: frozenset[str]
    raw: dict[str, Any]  # the whole file, for the tests that run its examples


@cache
def abbreviations() -> Abbreviations:
    data = read(PATH, SCHEMA, "the sentence splitter's abbreviations")
    return Abbreviations(frozenset(str(w).lower() for w in data["abbreviations"]), data)


_END = re.compile(
    # Stray punctuation a scraper left between a caption and the next sentence ("... Moscow, Russia,
    # June 5, 2019. ' ,' ) Beijing then ...", "... 2021. 'T Putin told ..."): the sentence ends at the
    # full stop, the debris (with a lone letter glued to it) belongs to neither side.
    r"(?<=[a-z0-9]{2})[.!?](?P<junk>\s+[’'‘\",:;)\]–—-]+(?:\s+[’'‘\",:;)\]–—-]+)*[A-Z]?[:?]?)"
    r"(?=\s+[\"“A-Z])"
    r"|[.!?]+[\"'”’»)\]]*[,:]*(?=\s+[\"“‘«(\[A-Z0-9А-ЯЁІЇЄҐ])"  # Latin or Cyrillic capital after a space
    r"|(?<=[a-z]{2}[.!?])[\"”’]*(?=[A-Z][a-z])"  # or glued on: "he said.Stoltenberg added"
    # or a lowercase word after a full stop and a space: the scraper dropped the next sentence's first
    # word, a link ("... in late February. [NATO] expansion has been ..."), or its drop capital
    r"|(?<=[a-z]{3})[.!?](?=\s+[a-z][a-z'’]+\s)"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?$")


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the full stop at ``line[dot]`` belongs to a word rather than ending the sentence."""
    if line[dot] != ".":
        return False
    m = _WORD_BEFORE.search(line, max(0, dot - 40), dot)  # a bounded look back keeps splitting linear
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    if "." in word and _ACRONYM.fullmatch(word + "."):  # "U.S.", "a.m."
        return True
    return word.lower() in abbreviations().words


# Every full stop, ! or ? before a space (closing quotes or brackets left out of the sentence).
_EVERY_STOP = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")


# The cut the tense cues were tuned with: a full stop, ! or ? (and closing quotes) before a space,
# but a full stop not before a lower-case word ("Roe vs. Wade ... killed") nor after an initial or a
# short title ("U.S. officials", "Mr. Kirby"); never inside "99.3%". Read on the whole text, so the
# look back sees what stands before a window.
_TENSE_STOP = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:vs|Mr|Ms|Dr|St|Co|No|Lt))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Inc|Ltd))"
    r"(?<!\b(?:Capt|Prof|Corp))\.[\"'”’»)\]]*(?=\s)(?!\s+[a-zа-яіїєґё])|[!?][\"'”’»)\]]*(?=\s)"
)


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    every_stop: bool = False,
    tense_cut: bool = False,
) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text[start:end]``, whitespace trimmed, in order.

    ``every_stop`` cuts at every full stop, ! or ? before a space, abbreviations and lower-case
    continuations too, as the corpus fingerprint (:mod:`timeline.anchoring.corpus`) was tuned
    with: its weights of an article's first sentences are fitted to that cut, and the careful one
    moved eval-published on the 2022h1 dev corpus from 60.2% to 59.8% within 3 days (4 Dec 2026).

    ``tense_cut`` cuts as the tense cues (:mod:`timeline.temporal.tense`) were tuned with: at a stop
    before a capital or a digit too ("Feb. 24", "Jan. Officials"), and knowing only initials and
    a few titles, in Latin and Cyrillic text alike; the careful cut read some dates' sentences
    otherwise and changed the events of 13 pages of 1,000 articles of 2022h1 (4 Dec 2026)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if tense_cut:
            _tense_line(text, pos, line_end, out)
        else:
            _split_line(text, pos, line_end, out, every_stop)
        pos = line_end + 1
    return out


def _tense_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """One line cut as the tense cues read it: the stop and its closing quotes end the sentence."""
    cut = start
    for m in _TENSE_STOP.finditer(text, start, end):
        _add(text, cut, m.end(), out)
        cut = m.end()
    _add(text, cut, end, out)


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]], every_stop: bool) -> None:
    line = text[start:end]
    cut = 0
    if every_stop:
        for m in _EVERY_STOP.finditer(line):
            _add(text, start + cut, start + m.start(), out)
            cut = m.end()
        _add(text, start + cut, end, out)
        return
    for m in _END.finditer(line):
        if _is_abbreviation(line, m.start()):
            continue
        junk = m.start("junk") if m.group("junk") else m.end()
        _add(text, start + cut, start + junk, out)
        cut = m.end()
    _add(text, start + cut, end, out)


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
