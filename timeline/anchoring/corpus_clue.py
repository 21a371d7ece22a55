"""The corpus clues in words and numbers: where the days of the nearest dated articles put the
probability of an undated article's day, and how the page says why (:mod:`.corpus` finds them)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .cues import Cue, CueKind, fmt
from .happenings import span as _span
from .model import Evidence, EvidenceSource

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
FIT_SHARE = 0.5  # the share of the clue centred on the best-fitting days (see corpus.FIT_MU)
# The group of a clue made from weak neighbours only (corpus.WEAK_SIMILARITY): it may pick the
# day, but :func:`timeline.anchoring.infer.estimate_from_cues` never lets it raise the confidence.
THIN_GROUP = "corpus:thin"


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


def corpus_cue(
    found: Sequence[Neighbour],
    horizon: tuple[dt.date, dt.date],
    fit: Sequence[tuple[dt.date, float]] = (),
    weak: bool = False,
) -> Cue:
    """A clue from the days of the nearest dated articles and, when given, the days whose dated
    articles fit the article best (``fit``: days and shares; see :data:`FIT_MU`). ``weak``: the
    neighbours are only the weak ones (the clue is in :data:`THIN_GROUP`)."""
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
    evidence = Evidence("", 0, 0, _reason(found, near, weak), EvidenceSource.CORPUS, slugs)
    cue = Cue(CueKind.CORPUS, evidence, group=THIN_GROUP if weak else "")
    cue.default = (1.0 - share * (NEAR_SHARE + DRIFT_SHARE)) / days
    cue.daily = {day: share * m + cue.default for day, m in sorted(mass.items())}
    return cue


def _drift() -> tuple[tuple[int, float], ...]:
    raw = [(o, math.exp(-abs(o) / DRIFT_DAYS)) for o in range(-DRIFT_SPAN, DRIFT_SPAN + 1)]
    total = sum(p for _, p in raw)
    return tuple((o, p / total) for o, p in raw)


_DRIFT = _drift()


def _reason(found: Sequence[Neighbour], mass: dict[dt.date, float], weak: bool) -> str:
    """The clue in words. It claims only what the similarity bears: "reports the same news" when
    a dated article shares the news, "may report" when few words are shared, and for weak
    neighbours only that some words are (the reader must not take a loose likeness for a report)."""
    first = found[0].article
    others = len(found) - 1
    peak = max(mass.values())
    when = _span(sorted(d for d, m in mass.items() if m >= 0.5 * peak))
    title = first.title if len(first.title) <= 90 else first.title[:87].rstrip() + "..."
    also = f" and {others} other dated article{'s' if others != 1 else ''}" if others else ""
    cited = f"'{title}' (published {fmt(first.published)}){also}"
    if weak:
        return (
            f"shares a few words with {cited}, though none reports the same news: perhaps written {when}"
            " (weak evidence: it only helps pick the day among those the other clues allow)"
        )
    if found[0].similarity < THIN or len(found) < 2:
        return (
            f"may report the same news as {cited}: probably written {when}"
            " (thin evidence: few words in common, so it counts for little)"
        )
    return f"reports the same news as {cited}: probably written {when}"


def profile_cue(shares: dict[dt.date, float], horizon: tuple[dt.date, dt.date]) -> Cue:
    """The profile (days and shares, see :meth:`.corpus.CorpusIndex.profile`) as a ranking-only clue."""
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
