"""Dates learned from the corpus itself: the dated articles of a pile teach when the undated ones
were written.

In a real pile of news most articles carry a date, and many outlets report the same news on the
same days. An undated article that shares the rare words, names, figures and quoted phrases of
dated articles was probably written near their days. This works for any period and any topic,
so it keeps working after the bundled news tables end.

Two passes, as the build runs:

1. Every article gets a fingerprint (:func:`.fingerprint.news_terms`, computed with its
   extraction, so it is cached and runs in parallel): its words that are not common in news,
   pairs of such words ("kerch bridge"), and four-word phrases (quotes and wire copy are repeated
   word for word). Words in the title and the opening count three times.
2. :class:`CorpusIndex` weighs every term by how rare it is in the pile (inverse document
   frequency) and by how bursty it is among the dated articles (the share of its dated articles
   within five days of one another: "Shishimarin" is news of one week, "sanctions" of every
   week). An undated article's nearest dated articles are found through an inverted index on
   those terms, never by comparing all pairs. Their days, weighted by similarity, become one
   more soft clue (:mod:`.corpus_clue`) in the likelihood of :mod:`timeline.anchoring.infer`:
   most of its weight on those days and the two either side, some over the weeks around
   (follow-ups of a story), the rest spread over every day, so old news recalled later cannot
   force a wrong day.
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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from .corpus_clue import DatedArticle as DatedArticle
from .corpus_clue import Neighbour, corpus_cue, profile_cue
from .cues import Cue
from .fingerprint import NewsTerms as NewsTerms
from .fingerprint import news_terms as news_terms
from .happenings import HappeningIndex

NEIGHBOURS = 5  # dated articles whose days make the clue
# Each dated article is indexed by its DATED_TERMS weightiest terms and an undated one looks them
# up by its QUERY_TERMS weightiest (weights stay those of the whole vector): the light terms move
# the similarity little and make the index long (on the January-June 2022 corpus this keeps the
# figures and makes the pass four times faster).
DATED_TERMS = 200
QUERY_TERMS = 100
BURST_DAYS = 2  # a term is bursty when its dated articles fall within +-2 days of one another
MIN_SIMILARITY = 0.08  # below this cosine similarity a dated article reports other news ...
# ... unless no dated article reaches it: then the nearest above WEAK_SIMILARITY still say a little
# (a feature or a local story of a topic the pile covers on other days; the clue is weak, as its
# strength grows with the best similarity, and its reason says the evidence is thin). On the
# January-June 2022 corpus (seed 1) 8% of the hidden articles had no corpus clue and half of
# those no single day; with it: within 3 days 60.5% -> 62.0%, coverage 90.8% -> 91.3%.
WEAK_SIMILARITY = 0.03
# Half of the clue's centre days are the nearest articles' days; the other half are the FIT_DAYS
# days whose dated articles fit the article best (the profile below, smoothed with FIT_MU
# articles' worth of the pile, so that a day is ranked by how many of its articles share the
# article's terms rather than by how few lack them). Alone, those days are within 3 days of the
# truth more often than the nearest article's (59% against 53% of the hidden fifth of the
# January-June 2022 corpus, seed 1); together they add 1.2 points to the pipeline (three seeds).
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
        """The :data:`NEIGHBOURS` most similar dated articles (cosine), best first; ties by day.
        Only those above :data:`MIN_SIMILARITY`, or :data:`WEAK_SIMILARITY` when none is."""
        scores: dict[int, float] = {}
        postings = self.postings
        for k, x in self.vector(terms).items():
            for n, y in postings.get(k, ()):
                scores[n] = scores.get(n, 0.0) + x * y
        least = MIN_SIMILARITY if any(s >= MIN_SIMILARITY for s in scores.values()) else WEAK_SIMILARITY
        ranked = sorted(
            ((s, n) for n, s in scores.items() if s >= least),
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
        return corpus_cue(found, horizon, best, weak=found[0].similarity < MIN_SIMILARITY)

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
        return profile_cue(shares, horizon) if shares else None


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
