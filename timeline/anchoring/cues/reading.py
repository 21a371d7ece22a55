"""One text being read for cues: its words and layout, the horizon of candidate days, and what
the cue families ask of it more than once (a scraped page can be one "sentence" with thousands
of dates, so per-sentence answers are computed once per sentence)."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import Protocol

from timeline.core.chronology import Chronology
from timeline.temporal.rules import languages
from timeline.temporal.specs import Deictic
from timeline.temporal.tense import FUTURE_WORDS, tense
from timeline.temporal.values import Timex

from ..mentions import Layout, Mention
from ..model import Evidence

# The words for the day of writing and the days next to it ("yesterday", "вчора", "вчера") are
# what each language's rule deictic.relday finds. The English words are also named, for
# "this morning" (another rule's, whose "that morning" is not the day of writing).
_DAY_RULE = "deictic.relday"
_DAY_WORD = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|last night)\b", re.I
)


class _Span(Protocol):
    """Words of the text at ``start:end`` (a timex, a mention)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Reading:
    """The text, its chronology and layout, the horizon ``lo``..``hi`` (``days`` long), and the
    groups of the cues made so far (``made``: later ones with the same group are duplicates)."""

    def __init__(self, text: str, chronology: Chronology, layout: Layout, mentions: list[Mention]) -> None:
        self.text = text
        self.chronology = chronology
        self.layout = layout
        self.mentions = mentions
        self.lo, self.hi = chronology.window[0], chronology.window[1]
        # the main anchor's date is quoted as background in countless articles ("since February 24")
        self.background = {chronology.anchors[k] for k in ("default",) if k in chronology.anchors}
        self.sentence_timexes: dict[int, list[Timex]] = {}
        self._partners: dict[int, tuple[Timex, int] | None] = {}  # by sentence
        self.made: set[str] = set()  # groups of the cues made so far (later ones are duplicates)
        self._future: dict[int, tuple[float, set[int]] | None] = {}  # by sentence, see _future_ends
        self._future_other: dict[int, int | None] = {}  # by sentence, see _other_future_words
        self.days = (self.hi - self.lo).days + 1

    def start(self, timexes: list[Timex], horizon: tuple[dt.date, dt.date]) -> dict[int, list[Timex]]:
        """Begin reading ``timexes`` for publication days within ``horizon``: their sentences."""
        self.lo, self.hi = horizon
        self.days = (self.hi - self.lo).days + 1
        by_sentence: dict[int, list[Timex]] = {}
        for tx in timexes:
            by_sentence.setdefault(self.layout.sentence(tx.start), []).append(tx)
        self.sentence_timexes = by_sentence
        self._partners, self._future, self._future_other, self.made = {}, {}, {}, set()
        return by_sentence

    def sentence_of(self, tx: Timex) -> list[Timex]:
        """The timexes of the sentence ``tx`` is in."""
        return self.sentence_timexes.get(self.layout.sentence(tx.start), [])

    def evidence(self, start: int, end: int, reason: str) -> Evidence:
        return Evidence(self.text[start:end], start, end, reason)

    def span_evidence(self, tx: Timex, reason: str) -> Evidence:
        return self.evidence(tx.start, tx.end, reason)

    def pair_evidence(self, a: _Span, b: _Span, reason: str) -> Evidence:
        """Evidence from the first of ``a`` and ``b`` to the end of the later-ending one ("yesterday
        ... March 21", "the invasion ... last year")."""
        return self.evidence(min(a.start, b.start), max(a.end, b.end), reason)

    def deictic_partner(self, tx: Timex) -> tuple[Timex, int] | None:
        """A "today"/"yesterday"/"tomorrow" in the same sentence as a dated mention (the
        sentence's first; once per sentence: a sentence may hold thousands of dates)."""
        s = self.layout.sentence(tx.start)
        if s not in self._partners:
            self._partners[s] = self._find_partner(s)
        return self._partners[s]

    def _find_partner(self, s: int) -> tuple[Timex, int] | None:
        for other in self.sentence_timexes.get(s, []):
            spec = other.spec
            if (
                isinstance(spec, Deictic)
                and spec.unit == "D"
                and spec.offset in (-1, 0, 1)
                and (other.rule == _DAY_RULE or _DAY_WORD.search(other.text))
            ):
                return other, spec.offset
        return None

    def future_sentence(self, tx: Timex) -> bool:
        """Whether the sentence speaks of the future before ``tx`` ("will", "is due to", ...)."""
        index = self.layout.sentence(tx.start)
        lo, hi = self.layout.sentence_span(index)
        if index not in self._future_other:
            m = _other_future_words().search(self.text, lo, hi)
            self._future_other[index] = None if m is None else m.end()
        other_end = self._future_other[index]
        if other_end is not None and other_end <= tx.start:
            return True
        if index not in self._future:
            self._future[index] = _future_ends(self.text[lo:hi])
        found = self._future[index]
        if found is None:  # lower-casing changes lengths or depends on context: the plain way
            before = self.text[lo : tx.start].lower()
            return any(f" {w} " in f" {before} " for w in FUTURE_WORDS)
        first_inside, at_end = found
        k = tx.start - lo
        return first_inside < k or k in at_end


@functools.cache
def _other_future_words() -> re.Pattern[str]:
    """The future words of every language but English ("буде", "будуть", "будет", "планирует"),
    whole words, as one regex: the reading does not know the text's language, and the words of
    one language do not occur in another's text. (Theirs are regexes of verb forms, in each
    language's rules/<lang>/tense.yaml; the English ones are read below, fast, as plain words.)"""
    words = [w for lang in languages() if lang != "en" for w in tense(lang).future_words]
    return re.compile(r"(?<!\w)(?:" + ("|".join(words) or r"(?!)") + r")(?!\w)", re.I)


def _future_ends(sentence: str) -> tuple[float, set[int]] | None:
    """Where the future words of ``sentence`` end, so that "does the text before offset k hold
    one, as a whole word between spaces or the ends?" costs O(1) for every date of a long
    sentence: true when a word ends, followed by a space, before k (the first such end is
    returned), or ends exactly at k (the set). None when lower-casing does not keep offsets
    (some characters lower-case to two; a capital sigma depends on what follows)."""
    lower = sentence.lower()
    if len(lower) != len(sentence) or "\u03a3" in sentence:
        return None
    first_inside: float = math.inf
    at_end: set[int] = set()
    for w in FUTURE_WORDS:
        q = lower.find(w)
        while q >= 0:
            e = q + len(w)
            if q == 0 or lower[q - 1] == " ":
                at_end.add(e)
                if e < len(lower) and lower[e] == " ":
                    first_inside = min(first_inside, e)
            q = lower.find(w, q + 1)
    return first_inside, at_end
