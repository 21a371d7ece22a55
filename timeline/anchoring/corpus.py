"""Dates learned from the corpus itself: the dated articles of a pile teach when the undated ones
were written.

In a real pile of news most articles carry a date, and many outlets report the same news on the
same days. An undated article that shares the rare words, names, figures and quoted phrases of
dated articles was probably written near their days. This works for any period and any topic,
so it keeps working after the bundled news tables end.

Two passes, as the build runs:

1. Every article gets a fingerprint (:func:`news_terms`, computed with its extraction, so it is
   cached and runs in parallel): its words that are not common in news, pairs of such words
   ("kerch bridge"), and four-word phrases (quotes and wire copy are repeated word for word).
   Words in the title and the opening count three times: that is where an article's own news is.
2. :class:`CorpusIndex` weighs every term by how rare it is in the pile (inverse document
   frequency) and by how bursty it is among the dated articles (the share of its dated articles
   within five days of one another: "Shishimarin" is news of one week, "sanctions" of every
   week). An undated article's nearest dated articles are found through an inverted index on
   those terms, never by comparing all pairs. Their days, weighted by similarity, become one
   more soft clue in the likelihood of :mod:`timeline.anchoring.infer`: most of its weight on
   those days and the two either side, some over the weeks around (follow-ups of a story), the
   rest spread over every day, so old news recalled later cannot force a wrong day.
3. The profile (:meth:`CorpusIndex.profile`): how much more common the article's terms are among
   each day's dated articles than in the whole pile. It ranks days well but its probabilities are
   not calibrated, so it only helps pick the day among those the other clues leave likely; a
   weekday in the text ("on Tuesday") does the rest.

Evaluation (``timeline eval-published FILE --hide 0.2``) runs this same code through
:func:`timeline.pipeline.collect`, as ``timeline build`` does.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from timeline.core.sentences import split_sentences

from .cues import Cue, CueKind, fmt
from .happenings import HappeningIndex, Relative, relative_sentences
from .happenings import span as _span
from .happenings import term_hash as _hash
from .model import Evidence, EvidenceSource
from .newsdays import load_words

# A fingerprint: sorted term hashes (CRC-32 of the term: the same in every process, unlike hash())
# and their weights, as compact arrays (tens of thousands stay in memory during a build), and the
# sentences that date a happening relative to the day of writing (:mod:`.happenings`).
NewsTerms = tuple[array, array, tuple[Relative, ...]]  # type: ignore[type-arg]

LEAD_SENTENCES = 3  # the title and the first sentences: the article's own news
LEAD_WEIGHT = 3.0
PHRASE_WORDS = 4  # word-for-word phrases of this length (quotes, wire copy)
NEIGHBOURS = 5  # dated articles whose days make the clue
# Each dated article is indexed by its DATED_TERMS weightiest terms and an undated one looks them
# up by its QUERY_TERMS weightiest (weights stay those of the whole vector): the light terms move
# the similarity little and make the index long (on the January-June 2022 corpus this keeps the
# figures and makes the pass four times faster).
DATED_TERMS = 200
QUERY_TERMS = 100
BURST_DAYS = 2  # a term is bursty when its dated articles fall within +-2 days of one another
MIN_SIMILARITY = 0.08  # below this cosine similarity a dated article reports other news
# Where the clue puts a neighbour's weight, by days after the neighbour's publication day: the
# same news is reported on the same day or the next, sometimes a day or two either side ...
KERNEL = ((-2, 0.1), (-1, 0.2), (0, 0.35), (1, 0.25), (2, 0.1))
# ... or it is a follow-up of the same story weeks apart (on the January-June 2022 corpus a fifth
# of the nearest dated articles are more than a week from the undated one): a share spread over
# a month either side, falling off with the distance (DRIFT_DAYS: the e-folding distance).
NEAR_SHARE, DRIFT_SHARE = 0.6, 0.3
DRIFT_SPAN, DRIFT_DAYS = 45, 15.0
SHARE_SCALE = 3.0  # the clue reaches its full strength when the best similarity is 1/3 or more
THIN = 0.2  # a best similarity below this is thin evidence, and the reason says so
# Half of the clue's centre days are the nearest articles' days; the other half are the FIT_DAYS
# days whose dated articles fit the article best (the profile below, smoothed with FIT_MU
# articles' worth of the pile, so that a day is ranked by how many of its articles share the
# article's terms rather than by how few lack them). Alone, those days are within 3 days of the
# truth more often than the nearest article's (59% against 53% of the hidden fifth of the
# January-June 2022 corpus, seed 1); together they add 1.2 points to the pipeline (three seeds).
FIT_SHARE = 0.5
FIT_DAYS = 5
FIT_MU = 500.0
# The profile: how common the article's terms are among the dated articles of each day (a
# language model per day, smoothed with MU articles' worth of the whole pile: Dirichlet
# smoothing), over its PROFILE_TERMS weightiest terms, counted over a day either side. Scores
# become probabilities as exp(PROFILE_SHARPNESS x score); they rank days well but are not
# calibrated, so the profile only helps pick the day (Cue.rank_only).
PROFILE_TERMS = 80
PROFILE_MU = 5.0
PROFILE_SHARPNESS = 0.3
PROFILE_KEEP = 1e-4  # days with less than this share of the profile count as the floor
# Only days whose dated articles (a day either side) share at least one of those terms are scored.
# Scoring every day let the quietest ones win: the smoothing penalises a day for the articles
# that lack the terms, so a day with one article and no match beat a day of 90 articles with
# some (on the January-June 2022 corpus the first days of the pile topped a third of profiles).

_TOKEN = re.compile(r"\d[\d,.]*\d|[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], dict[str, str]]:
    words = load_words()
    return frozenset(words.news) | words.common, words.spellings


def news_terms(text: str) -> NewsTerms:
    """The fingerprint of one article's text (see the module): term hashes and weights."""
    common, spellings = _vocabulary()
    counts: dict[int, float] = {}
    parts = [text[start:end] for start, end in split_sentences(text, every_stop=True)]
    sentences: list[list[str | None]] = []
    for index, sentence in enumerate(parts):
        weight = LEAD_WEIGHT if index < LEAD_SENTENCES else 1.0
        words = []
        for raw in _TOKEN.findall(sentence):
            word = raw.lower().replace("’", "'")
            if word.endswith("'s") and len(word) > 2:
                word = word[:-2]
            words.append(spellings.get(word, word))
        kept = [w if w not in common and not (w.isdigit() and len(w) < 2) else None for w in words]
        sentences.append(kept)
        for w in kept:
            if w:
                k = _hash(w)
                counts[k] = counts.get(k, 0.0) + weight
        for a, b in itertools.pairwise(kept):
            if a and b:
                k = _hash(f"{a} {b}")
                counts[k] = counts.get(k, 0.0) + weight
        for i in range(len(words) - PHRASE_WORDS + 1):
            if any(kept[i : i + PHRASE_WORDS]):
                k = _hash("#" + " ".join(words[i : i + PHRASE_WORDS]))
                counts[k] = counts.get(k, 0.0) + weight
    keys = sorted(counts)
    relative = tuple(relative_sentences(sentences, parts))
    return array("I", keys), array("f", [counts[k] for k in keys]), relative


@dataclass(frozen=True)
class DatedArticle:
    """What the index knows of one dated article: its day, its page and its title (for the evidence)."""

    slug: str
    title: str
    published: dt.date


@dataclass
class Neighbour:
    article: DatedArticle
    similarity: float


@dataclass
class CorpusIndex:
    """The dated articles of a pile, indexed by their rare terms (see the module)."""

    dated: list[DatedArticle]
    idf: dict[int, float]
    burst: dict[int, float]
    postings: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    per_day: Counter[int] = field(default_factory=Counter)  # dated articles by day (ordinal)
    ordinals: list[int] = field(default_factory=list)  # each dated article's day (ordinal)
    happenings: HappeningIndex | None = None  # the dated articles' relative sentences
    # the last query's fingerprint and vector: the clue and the profile of one article ask for it
    _last: tuple[NewsTerms, dict[int, float]] | None = field(default=None, repr=False, compare=False)
    _last_profiles: tuple[NewsTerms, dict[float, dict[dt.date, float]]] | None = field(
        default=None, repr=False, compare=False
    )

    @classmethod
    def build(
        cls, dated: Sequence[tuple[DatedArticle, NewsTerms]], undated: Sequence[NewsTerms] = ()
    ) -> CorpusIndex:
        """Index ``dated``; term rarity is counted over the whole pile (``undated`` too)."""
        total = len(dated) + len(undated)
        df: Counter[int] = Counter(
            itertools.chain(
                itertools.chain.from_iterable(terms[0] for _, terms in dated),
                itertools.chain.from_iterable(terms[0] for terms in undated),
            )
        )
        logs = {n: math.log(total / n) for n in set(df.values()) if n >= 2}  # one log per count
        idf = {k: logs[n] for k, n in df.items() if n >= 2}
        del df  # every term of the pile: by far the largest table here
        # each term's days, in order: the dated articles are visited by day
        days: dict[int, list[int]] = {}
        for n in sorted(range(len(dated)), key=lambda n: dated[n][0].published):
            article, terms = dated[n]
            day = article.published.toordinal()
            for k in filter(idf.__contains__, terms[0]):
                seen = days.get(k)
                if seen is None:
                    days[k] = [day]
                else:
                    seen.append(day)
        burst = dict(zip(days, map(_burstiness, days.values()), strict=True))
        del days
        index = cls([a for a, _ in dated], idf, burst)
        index.ordinals = [a.published.toordinal() for a, _ in dated]
        index.per_day.update(index.ordinals)
        postings = index.postings
        for n, (_, terms) in enumerate(dated):
            for k, w in index.vector(terms, DATED_TERMS).items():
                posting = postings.get(k)
                if posting is None:
                    postings[k] = [(n, w)]
                else:
                    posting.append((n, w))
        index.happenings = HappeningIndex(idf, burst)
        for n, (article, terms) in enumerate(dated):
            index.happenings.add(n, article.published, terms[2])
        return index

    def happening_cue(self, terms: NewsTerms, horizon: tuple[dt.date, dt.date]) -> Cue | None:
        """The clue of the happenings an undated article dates with "yesterday", "on Saturday"
        and the like, when dated articles date the same ones (:mod:`.happenings`), or None."""
        if self.happenings is None or not terms[2]:
            return None

        def describe(n: int) -> tuple[str, str, dt.date]:
            article = self.dated[n]
            return article.slug, article.title, article.published

        return self.happenings.cue(terms[2], horizon, describe)

    def vector(self, terms: NewsTerms, keep: int = QUERY_TERMS) -> dict[int, float]:
        """The ``keep`` weightiest terms seen at least twice, weighted (1 + log tf) x rarity x
        burstiness, divided by the length of the whole vector."""
        if keep == QUERY_TERMS and self._last is not None and self._last[0] is terms:
            return self._last[1]
        idf, burst = self.idf.get, self.burst.get
        log = math.log
        raw = [
            (k, (1.0 + log(tf)) * rarity * burst(k, 0.5))
            for k, tf in zip(terms[0], terms[1], strict=True)
            if (rarity := idf(k)) is not None
        ]
        norm = math.sqrt(sum([x * x for _, x in raw])) or 1.0
        if len(raw) > keep:
            # by weight, heaviest first; equal weights keep the fingerprint's order (its keys are
            # sorted), so ties go to the smaller key
            raw = sorted(raw, key=itemgetter(1), reverse=True)[:keep]
        vector = {k: x / norm for k, x in raw}
        if keep == QUERY_TERMS:
            self._last = (terms, vector)
        return vector

    def neighbours(self, terms: NewsTerms) -> list[Neighbour]:
        """The :data:`NEIGHBOURS` most similar dated articles (cosine), best first; ties by day."""
        scores: dict[int, float] = {}
        postings = self.postings
        for k, x in self.vector(terms).items():
            for n, y in postings.get(k, ()):
                scores[n] = scores.get(n, 0.0) + x * y
        ranked = sorted(
            ((s, n) for n, s in scores.items() if s >= MIN_SIMILARITY),
            key=lambda sn: (-sn[0], self.dated[sn[1]].published, self.dated[sn[1]].slug),
        )
        return [Neighbour(self.dated[n], round(s, 6)) for s, n in ranked[:NEIGHBOURS]]

    def cue(self, terms: NewsTerms, horizon: tuple[dt.date, dt.date]) -> Cue | None:
        """The corpus clue for an article with this fingerprint, or None when no dated article
        reports the same news."""
        found = self.neighbours(terms)
        if not found:
            return None
        fit = self.profile(terms, FIT_MU)
        best = sorted(fit.items(), key=lambda dv: (-dv[1], dv[0]))[:FIT_DAYS]
        return corpus_cue(found, horizon, best)

    def profile(self, terms: NewsTerms, mu: float = PROFILE_MU) -> dict[dt.date, float]:
        """How well each day's dated articles fit the article's terms, as probabilities over the
        days of the dated articles (see :data:`PROFILE_TERMS`; ``mu``: the smoothing, see
        :data:`FIT_MU`); empty when no term is shared. Both smoothings of the last fingerprint
        asked are worked out in one pass and kept: the clue and the profile of one article ask
        for both."""
        last = self._last_profiles
        if last is None or last[0] is not terms:
            last = self._last_profiles = (terms, self._profiles(terms, (PROFILE_MU, FIT_MU)))
        found = last[1].get(mu)
        return found if found is not None else self._profiles(terms, (mu,))[mu]

    def _profiles(self, terms: NewsTerms, mus: Sequence[float]) -> dict[float, dict[dt.date, float]]:
        vector = self.vector(terms)
        items = sorted(vector.items(), key=lambda kx: (-kx[1], kx[0]))[:PROFILE_TERMS]
        dated, ordinals = len(self.dated), self.ordinals
        scores: list[dict[int, float]] = [{} for _ in mus]
        weight = 0.0
        for k, x in items:
            posting = self.postings.get(k)
            if not posting:
                continue
            weight += x
            counts: dict[int, int] = {}
            for n, _ in posting:
                day = ordinals[n]
                counts[day] = counts.get(day, 0) + 1
            for mu, score in zip(mus, scores, strict=True):
                prior = mu * len(posting) / dated
                for day, c in counts.items():
                    gain = x * math.log(1.0 + c / prior)
                    for d in (day - 1, day, day + 1):
                        score[d] = score.get(d, 0.0) + gain
        out: dict[float, dict[dt.date, float]] = {}
        for mu, score in zip(mus, scores, strict=True):
            out[mu] = self._day_shares(score, weight, mu) if score else {}
        return out

    def _day_shares(self, score: dict[int, float], weight: float, mu: float) -> dict[dt.date, float]:
        first, last = min(self.per_day), max(self.per_day)
        per_day = self.per_day
        total = {
            d: score[d] + weight * math.log(mu / (per_day[d - 1] + per_day[d] + per_day[d + 1] + mu))
            for d in sorted(score)
            if first <= d <= last  # a day sharing no term is not a candidate (see PROFILE_MU)
        }
        top = max(total.values())
        raw = {d: math.exp(PROFILE_SHARPNESS * (v - top)) for d, v in total.items()}
        norm = sum(raw.values())
        return {dt.date.fromordinal(d): v / norm for d, v in raw.items() if v >= PROFILE_KEEP}

    def profile_cue(self, terms: NewsTerms, horizon: tuple[dt.date, dt.date]) -> Cue | None:
        """The profile as a ranking-only clue (see :data:`PROFILE_TERMS`), or None."""
        shares = self.profile(terms)
        if not shares:
            return None
        days = (horizon[1] - horizon[0]).days + 1
        best = max(shares.values())
        likely = sorted(d for d, v in shares.items() if v >= 0.5 * best)
        reason = (
            f"the rare words it shares with the dated articles are most frequent in those of {_span(likely)}"
            " (this only helps pick the day among those the other clues leave likely)"
        )
        cue = Cue(CueKind.CORPUS_PROFILE, Evidence("", 0, 0, reason, EvidenceSource.CORPUS), rank_only=True)
        cue.default = 0.1 / days
        cue.daily = {d: 0.9 * v + cue.default for d, v in sorted(shares.items())}
        return cue


def _burstiness(days: list[int]) -> float:
    """Share of a term's dated articles within 2 x :data:`BURST_DAYS` days of one another (the
    densest such stretch), smoothed so that a term of one or two articles counts as middling."""
    if len(days) == 1:  # a quarter of the terms
        return _ONE_DAY
    best = start = 0
    for i, day in enumerate(days):
        while day - days[start] > 2 * BURST_DAYS:
            start += 1
        best = max(best, i - start + 1)
    return (best + 0.5) / (len(days) + 1)


_ONE_DAY = (1 + 0.5) / (1 + 1)


def corpus_cue(
    found: Sequence[Neighbour],
    horizon: tuple[dt.date, dt.date],
    fit: Sequence[tuple[dt.date, float]] = (),
) -> Cue:
    """A clue from the days of the nearest dated articles and, when given, the days whose dated
    articles fit the article best (``fit``: days and shares; see :data:`FIT_MU`)."""
    weights = [n.similarity**2 for n in found]
    total = sum(weights)
    knn_share = 1.0 - FIT_SHARE if fit else 1.0
    centres = [(n.article.published, knn_share * w / total) for n, w in zip(found, weights, strict=True)]
    fit_total = sum(v for _, v in fit)
    centres += [(day, FIT_SHARE * v / fit_total) for day, v in fit if fit_total > 0]
    near: dict[dt.date, float] = {}
    mass: dict[dt.date, float] = {}
    for centre, w in centres:
        for offset, p in KERNEL:
            day = centre + dt.timedelta(days=offset)
            near[day] = near.get(day, 0.0) + p * w
        for offset, p in _DRIFT:
            day = centre + dt.timedelta(days=offset)
            mass[day] = mass.get(day, 0.0) + DRIFT_SHARE * p * w
    for day, m in near.items():
        mass[day] = mass.get(day, 0.0) + NEAR_SHARE * m
    share = min(1.0, found[0].similarity * SHARE_SCALE)
    days = (horizon[1] - horizon[0]).days + 1
    slugs = tuple(n.article.slug for n in found)
    cue = Cue(CueKind.CORPUS, Evidence("", 0, 0, _reason(found, near), EvidenceSource.CORPUS, slugs))
    cue.default = (1.0 - share * (NEAR_SHARE + DRIFT_SHARE)) / days
    cue.daily = {day: share * m + cue.default for day, m in sorted(mass.items())}
    return cue


def _drift() -> tuple[tuple[int, float], ...]:
    raw = [(o, math.exp(-abs(o) / DRIFT_DAYS)) for o in range(-DRIFT_SPAN, DRIFT_SPAN + 1)]
    total = sum(p for _, p in raw)
    return tuple((o, p / total) for o, p in raw)


_DRIFT = _drift()


def _reason(found: Sequence[Neighbour], mass: dict[dt.date, float]) -> str:
    first = found[0].article
    others = len(found) - 1
    peak = max(mass.values())
    when = _span(sorted(d for d, m in mass.items() if m >= 0.5 * peak))
    title = first.title if len(first.title) <= 90 else first.title[:87].rstrip() + "..."
    also = f" and {others} other dated article{'s' if others != 1 else ''}" if others else ""
    text = f"reports the same news as '{title}' (published {fmt(first.published)}){also}"
    text += f": probably written {when}"
    if found[0].similarity < THIN or len(found) < 2:
        text += " (thin evidence: few words in common, so it counts for little)"
    return text
