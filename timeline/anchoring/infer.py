"""Infer when an article was written from the cues in its text.

Every cue is a likelihood over candidate days between the chronology window's start and
``today``; their product is a posterior over publication days. The best estimate is its
peak, the interval the smallest set of days holding 90% of it, and the confidence the share
within three days of the peak -- capped unless two different kinds of cue agree, because a
confident wrong date is the worst outcome.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import math
from collections.abc import Sequence

from timeline.core.chronology import Chronology
from timeline.temporal.values import Timex

from .about import gate
from .corpus_clue import THIN_GROUP
from .cues import POINT_KINDS, Cue, CueFinder, fmt
from .mentions import EventMatcher, Layout
from .model import EstimateSource, Evidence, PublicationEstimate
from .newsdays import NewsMatcher, news_cues, news_matcher, recalls
from .phrases import find_phrases
from .urls import url_cues

INTERVAL_MASS = 0.9
MIN_PEAK_MASS = 0.05  # below this share within a week of the peak, give no single date
MAX_CONFIDENCE = 0.95  # text alone never proves a date
SINGLE_KIND_CAP = 0.7  # one kind of clue alone never reaches high confidence
# Prior: the articles this tool reads are news about the war, so a day before the main anchor
# (24 February 2022) is this much less likely than a day after it, before any clue is read.
# It settles ties that the clues leave open ("Thursday, June 9" fits 2016 and 2022) without
# ruling the earlier years out.
BEFORE_ANCHOR_PRIOR = 0.2

_matchers: dict[int, tuple[Chronology, EventMatcher]] = {}


def event_matcher(chronology: Chronology) -> EventMatcher:
    cached = _matchers.get(id(chronology))
    if cached is None or cached[0] is not chronology:
        cached = (chronology, EventMatcher(chronology))
        _matchers[id(chronology)] = cached
    return cached[1]


def find_cues(
    text: str,
    timexes: list[Timex],
    chronology: Chronology,
    today: dt.date,
    url: str | None = None,
    news: NewsMatcher | None = None,
) -> list[Cue]:
    """Every clue in the text and address; ``news`` replaces the shipped news-day tables."""
    layout = Layout(text)
    mentions = event_matcher(chronology).find(text, layout)
    span = horizon(chronology, today)
    extra = find_phrases(text, timexes)
    if extra:
        timexes = sorted([*timexes, *extra], key=lambda t: (t.start, t.end))
    recalled = {layout.sentence(t.start) for t in timexes if recalls(t)}
    matches = (news or news_matcher()).find(text, layout)
    # war-relative phrases count only from the anchors of the war the text is about (about.py)
    about = dataclasses.replace(chronology, anchors=gate(chronology.anchors, chronology, text, timexes))
    return [
        *url_cues(url, *span),
        *CueFinder(text, about, layout, mentions).cues(timexes, span),
        *news_cues(matches, text, span, recalled),
    ]


# A posterior over days as runs of equal days: ``(spans, values)``, where every day in
# ``spans[e]`` (a range of day indices, every day or every seventh) has the value ``values[e]``.
Runs = tuple[list[range], list[float]]


def _log_runs(cues: list[Cue], lo: dt.date, hi: dt.date, anchor: dt.date | None) -> Runs:
    """The unnormalized log posterior over the days lo..hi. Every cue is piecewise constant
    (weekday cues periodic), so only the days where some cue changes start a new run (split by
    weekday when a weekday cue is present). Each value is still summed cue by cue in the cues'
    order, as a day-by-day loop would sum it, so the result is the same to the last bit
    (tests/anchoring/test_posterior.py)."""
    n = (hi - lo).days + 1
    lo_o, hi_o = lo.toordinal(), hi.toordinal()
    prior_end = min(n, (anchor - lo).days) if anchor is not None and anchor > lo else 0
    low = math.log(BEFORE_ANCHOR_PRIOR)
    cuts = {0, n, prior_end}
    # per cue: its pieces (start, stop, log ratio) in override order, or (weekday cues) its
    # values by day index mod 7
    pieces: list[tuple[list[tuple[int, int, float]], list[float] | None]] = []
    weekly = False
    first = lo.weekday()
    for cue in cues:
        if cue.weekday is not None:
            weekday, table, forward = cue.weekday
            logs = [math.log(7 * p) for p in table]
            wds = [(first + r) % 7 for r in range(7)]
            pieces.append(([], [logs[(weekday - wd) % 7 if forward else (wd - weekday) % 7] for wd in wds]))
            weekly = True
            continue
        base = math.log(cue.default)
        own = list(_range_pieces(tuple(cue.ranges), base, lo_o, hi_o))
        for day, v in cue.daily.items():  # single days win over ranges: they come last
            i = day.toordinal() - lo_o
            if 0 <= i < n:
                own.append((i, i + 1, math.log(v) - base))
        for start, stop, _ in own:
            cuts.add(start)
            cuts.add(stop)
        pieces.append((own, None))
    bounds = sorted(cuts)
    runs = len(bounds) - 1
    where = {b: j for j, b in enumerate(bounds)}
    if weekly:  # a run's days differ by weekday: one span per weekday (at most seven)
        spans = [
            range(bounds[j] + k, bounds[j + 1], 7)
            for j in range(runs)
            for k in range(min(7, bounds[j + 1] - bounds[j]))
        ]
        run_of = [j for j in range(runs) for _ in range(min(7, bounds[j + 1] - bounds[j]))]
    else:
        spans = [range(bounds[j], bounds[j + 1]) for j in range(runs)]
    logp = [low if r.start < prior_end else 0.0 for r in spans]
    for own, by_phase in pieces:
        if by_phase is not None:
            logp = [x + by_phase[r.start % 7] for x, r in zip(logp, spans, strict=True)]
            continue
        column: list[float | None] = [None] * runs  # None: the cue says nothing new about that run
        for start, stop, c in own:
            j, k = where[start], where[stop]
            column[j:k] = [c] * (k - j)
        if weekly:
            column = [column[j] for j in run_of]
        logp = [x if c is None else x + c for x, c in zip(logp, column, strict=True)]
    return spans, logp


@functools.lru_cache(maxsize=256)
def _range_pieces(
    ranges: tuple[tuple[dt.date, dt.date, float], ...], base: float, lo_o: int, hi_o: int
) -> tuple[tuple[int, int, float], ...]:
    """A cue's ranges as (first day, day after, log ratio) within lo..hi, day numbers counted
    from lo (ordinals: the same as date arithmetic, faster). Cached: every mention of an event
    brings the same 150 ranges."""
    n = hi_o - lo_o + 1
    own = []
    for a, b, v in ranges:
        ao, bo = a.toordinal(), b.toordinal()
        start = max(0, max(ao, lo_o) - lo_o) if ao <= hi_o else n
        end = min(n - 1, min(bo, hi_o) - lo_o) if bo >= lo_o else -1
        if start <= end:
            own.append((start, end + 1, math.log(v) - base))
    return tuple(own)


def _expand(spans: list[range], values: list[float]) -> list[float]:
    """The values of all days, in order."""
    if all(r.step == 1 for r in spans):  # the spans follow each other
        return list(itertools.chain.from_iterable(map(itertools.repeat, values, map(len, spans))))
    out = [0.0] * (spans[-1].stop if spans else 0)
    for r, v in zip(spans, values, strict=True):
        out[r.start : r.stop : r.step] = [v] * len(r)
    return out


def _window(spans: list[range], values: list[float], start: int, stop: int) -> list[float]:
    """``_expand(spans, values)[start:stop]`` without expanding every day."""
    stop = min(stop, spans[-1].stop)
    out = [0.0] * max(0, stop - start)
    # span starts ascend; the (up to seven) spans of the run holding ``start`` come just before
    k = max(0, bisect.bisect_right([r.start for r in spans], start) - 7)
    for r, v in zip(spans[k:], values[k:], strict=True):
        if r.start >= stop:
            break
        first = r.start if r.start >= start else r.start - (r.start - start) // r.step * r.step
        for d in range(first, min(r.stop, stop), r.step):
            out[d - start] = v
    return out


def _posterior_runs(cues: list[Cue], lo: dt.date, hi: dt.date, anchor: dt.date | None = None) -> Runs:
    spans, logp = _log_runs(cues, lo, hi, anchor)
    top = max(logp)
    weights = [math.exp(x - top) for x in logp]
    total = sum(_expand(spans, weights))  # day by day, in order: the same rounding as a plain loop
    return spans, [w / total for w in weights]


def posterior(cues: list[Cue], lo: dt.date, hi: dt.date, anchor: dt.date | None = None) -> list[float]:
    """Normalized posterior over the days lo..hi: uniform prior, or with days before ``anchor``
    (the chronology's main anchor) down-weighted by :data:`BEFORE_ANCHOR_PRIOR`."""
    return _expand(*_posterior_runs(cues, lo, hi, anchor))


def _interval(spans: list[range], values: list[float]) -> tuple[int, int]:
    """First and last day of the most probable days that hold :data:`INTERVAL_MASS` of the
    posterior, taken from the most probable down (equal ones earliest first). Like sorting all
    days, but days with equal values are added in one go (still one by one, for the rounding)."""
    order = sorted(range(len(values)), key=values.__getitem__, reverse=True)
    acc = 0.0
    first = last = -1
    i = 0
    while i < len(order):
        v = values[order[i]]
        j = i + 1
        while j < len(order) and values[order[j]] == v:
            j += 1
        days = [spans[e] for e in order[i:j]]
        i = j
        count = sum(len(r) for r in days)
        if count == 1:
            sums = [acc, acc + v]
        else:
            sums = list(itertools.accumulate(itertools.repeat(v, count), initial=acc))
        reached = bisect.bisect_left(sums, INTERVAL_MASS, 1)
        lo_day = min(r.start for r in days)
        first = lo_day if first < 0 else min(first, lo_day)
        if reached <= count:  # the reached-th of these days (in day order) completes the mass
            ordered = days[0] if len(days) == 1 else sorted(itertools.chain.from_iterable(days))
            return first, max(last, ordered[reached - 1])
        last = max(last, max(r[-1] for r in days))
        acc = sums[-1]
    return first, last


def estimate_from_cues(
    cues: list[Cue], lo: dt.date, hi: dt.date, anchor: dt.date | None = None
) -> PublicationEstimate:
    """The estimate from ``cues`` (see the module). Ranking-only cues (``Cue.rank_only``) help pick
    the day among those the other clues leave likely, but not the interval or the confidence: their
    probabilities are not calibrated (the corpus profile of :mod:`timeline.anchoring.corpus`)."""
    if not cues:  # nothing places it: it was written some time up to the last candidate day
        return PublicationEstimate(None, None, hi, EstimateSource.UNKNOWN, 0.0, [])
    calibrated = [c for c in cues if not c.rank_only]
    spans, values = _posterior_runs(calibrated, lo, hi, anchor)
    top = max(values)
    peak = min(r.start for r, v in zip(spans, values, strict=True) if v == top)  # the earliest of equals
    near7 = sum(_window(spans, values, max(0, peak - 7), peak + 8))
    stands_out = near7 >= MIN_PEAK_MASS
    if stands_out and len(calibrated) < len(cues):
        ranked_spans, ranked = _posterior_runs(cues, lo, hi, anchor)
        best_value = max(ranked)
        peak = min(r.start for r, v in zip(ranked_spans, ranked, strict=True) if v == best_value)
    near3 = sum(_window(spans, values, max(0, peak - 3), peak + 4))
    if any(c.group == THIN_GROUP for c in calibrated):  # thin evidence may pick the day, not vouch for it
        rest = [c for c in calibrated if c.group != THIN_GROUP]
        rest_spans, rest_values = _posterior_runs(rest, lo, hi, anchor)
        near3 = min(near3, sum(_window(rest_spans, rest_values, max(0, peak - 3), peak + 4)))
    first, last = _interval(spans, values)
    first, last = min(first, peak), max(last, peak)
    earliest, latest = lo + dt.timedelta(days=first), lo + dt.timedelta(days=last)
    best = lo + dt.timedelta(days=peak)

    # a caption and a sentence giving the same date are one clue, not two
    supporting = {
        "dated" if c.kind == "caption" else c.kind
        for c in cues
        if c.kind in POINT_KINDS and _supports(c, best)
    }
    # clues that lower the confidence when they point elsewhere: a corpus clue speaks for the
    # dated articles that report the same news, so a date they contradict is not a sure one
    strong = [c for c in cues if c.kind in (POINT_KINDS - {"dated"}) | {"corpus"}]
    conflicts = sum(1 for c in strong if not _supports(c, best))
    confidence = near3 if len(supporting) >= 2 else min(near3, SINGLE_KIND_CAP)
    confidence = min(confidence, MAX_CONFIDENCE) * 0.8**conflicts
    value: dt.date | None = best
    if not stands_out:  # then the peak is the calibrated one, whose 7-day mass near7 is
        value = None
        confidence = min(confidence, near7)
    evidence = [_explain(c, best if value else None) for c in sorted(cues, key=lambda c: _rank(c, best))]
    return PublicationEstimate(
        value, earliest, latest, EstimateSource.INFERRED, round(confidence, 3), evidence
    )


def infer_publication(
    text: str,
    timexes: list[Timex],
    chronology: Chronology,
    today: dt.date,
    url: str | None = None,
    extra: Sequence[Cue] = (),
) -> PublicationEstimate:
    """Estimate the publication date of ``text`` from its (unresolved) timexes and, when
    given, the dates in its address ``url`` and ``extra`` clues from outside the text (the
    corpus clue of :mod:`timeline.anchoring.corpus`)."""
    cues = [*find_cues(text, timexes, chronology, today, url), *extra]
    return estimate_from_cues(cues, *horizon(chronology, today), chronology.anchors.get("default"))


def horizon(chronology: Chronology, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last candidate publication day."""
    return _earliest(chronology, today), _latest(chronology, today)


def _earliest(chronology: Chronology, today: dt.date) -> dt.date:
    """The first candidate day: the window's start, or ten years before a ``today`` that
    comes before the window (then nothing in the window is plausible)."""
    return min(chronology.window[0], today - dt.timedelta(days=3653))


def _latest(chronology: Chronology, today: dt.date) -> dt.date:
    """The last candidate day: ``today``, but no more than ten years past the window (a far-off
    ``today`` would only make every interval longer and the computation slow)."""
    cap = chronology.window[1] + dt.timedelta(days=3653)
    return min(today, cap)


def _rank(cue: Cue, best: dt.date) -> tuple[int, int]:
    """Evidence order for readers: clues that place the date, then bounds, then the rest."""
    if cue.kind in POINT_KINDS | {"news", "corpus"} and _supports(cue, best):
        return (0, cue.evidence.start)
    if cue.kind in ("lower-bound", "upper-bound", "event", "year", "future"):
        return (1, cue.evidence.start)
    return (2, cue.evidence.start)


def _supports(cue: Cue, day: dt.date) -> bool:
    """The cue favours ``day``: well above its own background and near its own peak."""
    peak = max([cue.default, *cue.daily.values(), *(v for _, _, v in cue.ranges)])
    return cue.at(day) >= max(3 * cue.default, 0.1 * peak)


def _explain(cue: Cue, best: dt.date | None) -> Evidence:
    reason = cue.evidence.reason
    if best is not None:
        if cue.kind in POINT_KINDS | {"news", "corpus"} and not _supports(cue, best):
            reason += f"; does not fit the other clues, which point to {fmt(best)}, so it counts for less"
        elif cue.kind in ("lower-bound", "upper-bound", "event") and cue.at(best) < cue.default:
            reason += "; contradicted by stronger clues"
    return dataclasses.replace(cue.evidence, reason=reason)
