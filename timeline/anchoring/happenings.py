"""Event-level anchoring: a happening the corpus dates, told by an undated article as "yesterday".

Article-level similarity (:mod:`timeline.anchoring.corpus`) finds the week an article's news
belongs to, but follow-ups of one story share most of their words, so it often misses the day.
A sharper clue is in the sentences that date a happening relative to the day of writing: "a
blast hit the Kerch bridge on Saturday", "Russian missiles struck Odesa overnight". A dated
article's such sentence dates the happening (published 9 October, "on Saturday": 8 October);
an undated article that tells the same happening (rare names, places and figures in common, in
one sentence) with "yesterday" was written the day after it.

:func:`relative_sentences` finds those sentences (the words and the calendar arithmetic are in
:mod:`.happening_words`) and keeps their rare terms as part of the article's fingerprint;
:class:`HappeningIndex` indexes the dated ones by their rare terms (never all pairs) and turns
the matches of an undated article into one soft clue, explained in words. The relative words of
both sentences must agree: a dated "on Saturday" that fell on a Friday is another happening, and
is not used. Sentences that recall old news carry no such word ("since the dam was destroyed in
June 2023") and so add nothing.

A follow-up tells the happening as "last week", "earlier this week" or "earlier this month":
it was written in that window after the day the corpus dates, not on the day of the first
reports whose words it shares.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import zlib
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .cues import Cue, CueKind, fmt
from .happening_words import CALENDAR, WEEKDAY, happening_day, relative_code, said, written_after
from .model import Evidence, EvidenceSource

# A relative sentence: (what it says of the day of writing, a code of :mod:`.happening_words`,
# and its rare-term hashes, sorted).
Relative = tuple[int, array]  # type: ignore[type-arg]

MIN_TERMS = 3  # a sentence with fewer rare terms names no happening one can recognise
MIN_SHARED = 3  # rare terms a dated sentence must share with the undated one
MIN_SIMILARITY = 0.35  # cosine of the two sentences' weighted rare terms
MAX_MATCHES = 5  # the best dated sentences that make the clue
TWIN = 0.9  # dated sentences this close to the best match tell the same thing
# The clue makes the likeliest day at most 1 + BOOST times as likely as a day it says nothing of:
# enough to pick the day in the week the other clues (the nearest dated articles) give, not
# enough to pull an article away from them when one name made two happenings look alike
# ("House Speaker Nancy Pelosi ... Thursday" is news of many Thursdays).
BOOST = 8.0
FULL = 0.6  # the similarity at which the clue has its full strength


def relative_sentences(sentences: Sequence[Sequence[str | None]], raw: Sequence[str]) -> list[Relative]:
    """The sentences among ``raw`` that date a happening relative to the day of writing, with
    their rare words (``sentences``: each sentence's words, None where a word is common)."""
    out: list[Relative] = []
    for words, text in zip(sentences, raw, strict=True):
        code = relative_code(text)
        if code is None:
            continue
        keys = {_hash(w) for w in words if w} | {
            _hash(f"{a} {b}") for a, b in itertools.pairwise(words) if a and b
        }
        if sum(1 for w in words if w) >= MIN_TERMS:
            out.append((code, array("I", sorted(keys))))
    return out


def term_hash(term: str) -> int:
    """A term's key: CRC-32 of its text (the same in every process, unlike hash())."""
    return zlib.crc32(term.encode("utf-8"))


_hash = term_hash


@dataclass(frozen=True)
class Happening:
    """A dated sentence: the day of what it tells, and the dated article it is in (by index)."""

    day: dt.date
    article: int


@dataclass
class Match:
    happening: Happening
    similarity: float


@dataclass
class HappeningIndex:
    """The relative sentences of the dated articles, indexed by their rare terms."""

    idf: Mapping[int, float]
    burst: Mapping[int, float]  # how bursty each term is among the dated articles (see corpus)
    happenings: list[Happening] = field(default_factory=list)
    postings: dict[int, list[tuple[int, float]]] = field(default_factory=dict)

    def add(self, article: int, written: dt.date, sentences: Sequence[Relative]) -> None:
        """Index the relative sentences of dated article number ``article``."""
        for code, keys in sentences:
            vector = self._vector(keys)
            if len(vector) < MIN_SHARED or code in CALENDAR:  # "last week" dates no happening
                continue
            n = len(self.happenings)
            self.happenings.append(Happening(happening_day(code, written), article))
            for k, w in vector.items():
                self.postings.setdefault(k, []).append((n, w))

    def _vector(self, keys: Sequence[int]) -> dict[int, float]:
        idf, burst = self.idf.get, self.burst.get
        raw = {k: x * burst(k, 0.5) for k in keys if (x := idf(k)) is not None}
        norm = math.sqrt(sum(x * x for x in raw.values())) or 1.0
        return {k: x / norm for k, x in raw.items()}

    def matches(self, code: int, keys: Sequence[int]) -> list[Match]:
        """The dated happenings told by an undated sentence with these ``keys`` and ``code``, best
        first: at least :data:`MIN_SHARED` rare terms and :data:`MIN_SIMILARITY` in common, on a
        day the sentence's own word allows (a dated Friday for its "on Saturday" is another one)."""
        vector = self._vector(keys)
        if len(vector) < MIN_SHARED:
            return []
        scores: dict[int, float] = {}
        shared: dict[int, int] = {}
        for k, x in vector.items():
            for n, y in self.postings.get(k, ()):
                scores[n] = scores.get(n, 0.0) + x * y
                shared[n] = shared.get(n, 0) + 1
        found = []
        for n, s in scores.items():
            if s < MIN_SIMILARITY or shared[n] < MIN_SHARED:
                continue
            happening = self.happenings[n]
            if code >= WEEKDAY and happening.day.weekday() != code - WEEKDAY:
                continue
            if code in CALENDAR and not written_after(code, happening.day):
                continue  # a happening of a Sunday is never "earlier this week"
            found.append(Match(happening, s))
        found.sort(key=lambda m: (-m.similarity, m.happening.day, m.happening.article))
        return found

    def cue(
        self,
        sentences: Sequence[Relative],
        horizon: tuple[dt.date, dt.date],
        describe: Callable[[int], tuple[str, str, dt.date]],
    ) -> Cue | None:
        """The clue of an undated article's relative sentences, or None when no dated article
        tells the same happening. ``describe`` gives a dated article's slug, title and day."""
        best: list[tuple[float, int, Happening]] = []
        for code, keys in sentences:
            found = self.matches(code, keys)
            if not found:
                continue
            # the same sentence in dated articles of several days: the first telling dates the
            # happening, the later ones copied it with their "yesterday" unchanged
            close = [m for m in found if m.similarity >= TWIN * found[0].similarity]
            first = min(close, key=lambda m: (m.happening.day, m.happening.article))
            best.append((found[0].similarity, code, first.happening))
        if not best:
            return None
        best.sort(key=lambda b: (-b[0], b[2].day, b[2].article))
        best = best[:MAX_MATCHES]
        total = sum(s for s, _, _ in best)
        mass: dict[dt.date, float] = {}
        for s, code, happening in best:
            for day, p in written_after(code, happening.day):
                mass[day] = mass.get(day, 0.0) + p * s / total
        boost = BOOST * min(1.0, best[0][0] / FULL)
        days = (horizon[1] - horizon[0]).days + 1
        _, top_code, top = best[0]
        _, title, published = describe(top.article)
        slugs = tuple(dict.fromkeys(describe(h.article)[0] for _, _, h in best))
        peak = max(mass.values())
        likely = sorted(d for d, m in mass.items() if m >= 0.5 * peak)
        title = title if len(title) <= 90 else title[:87].rstrip() + "..."
        others = len(slugs) - 1
        also = f" (and {others} other dated article{'s' if others != 1 else ''})" if others else ""
        reason = (
            f"tells, as '{said(top_code)}', the same happening as '{title}'"
            f" (published {fmt(published)}){also}, which dates it {fmt(top.day)}:"
            f" probably written {span(likely)}"
        )
        cue = Cue(CueKind.CORPUS, Evidence("", 0, 0, reason, EvidenceSource.CORPUS, slugs))
        cue.default = 1.0 / days
        cue.daily = {d: cue.default * (1.0 + boost * m / peak) for d, m in sorted(mass.items())}
        return cue


def span(days: Sequence[dt.date]) -> str:
    """The first to the last of sorted ``days``, in words: "9 November 2026", "8-10 November 2026"."""
    if days[0] == days[-1]:
        return fmt(days[0])
    if (days[0].year, days[0].month) == (days[-1].year, days[-1].month):
        return f"{days[0].day}-{fmt(days[-1])}"
    return f"{fmt(days[0])} to {fmt(days[-1])}"
