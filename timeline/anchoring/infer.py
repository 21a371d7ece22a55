"""Infer when an article was written from the cues in its text.

Every cue is a likelihood over candidate days between the chronology window's start and
``today``; their product is a posterior over publication days. The best estimate is its
peak, the interval the smallest set of days holding 90% of it, and the confidence the share
within three days of the peak -- capped unless two different kinds of cue agree, because a
confident wrong date is the worst outcome.
"""

from __future__ import annotations

import datetime as dt
import math

from timeline.chronology import Chronology
from timeline.temporal.values import Timex

from .cues import POINT_KINDS, Cue, CueFinder, fmt
from .mentions import EventMatcher, Layout
from .model import Evidence, PublicationEstimate
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
    text: str, timexes: list[Timex], chronology: Chronology, today: dt.date, url: str | None = None
) -> list[Cue]:
    layout = Layout(text)
    mentions = event_matcher(chronology).find(text, layout)
    horizon = (_earliest(chronology, today), _latest(chronology, today))
    extra = find_phrases(text, timexes)
    if extra:
        timexes = sorted([*timexes, *extra], key=lambda t: (t.start, t.end))
    return [*url_cues(url, *horizon), *CueFinder(text, chronology, layout, mentions).cues(timexes, horizon)]


def posterior(cues: list[Cue], lo: dt.date, hi: dt.date, anchor: dt.date | None = None) -> list[float]:
    """Normalized posterior over the days lo..hi: uniform prior, or with days before ``anchor``
    (the chronology's main anchor) down-weighted by :data:`BEFORE_ANCHOR_PRIOR`."""
    n = (hi - lo).days + 1
    logp = [0.0] * n
    if anchor is not None and anchor > lo:
        low = math.log(BEFORE_ANCHOR_PRIOR)
        for i in range(min(n, (anchor - lo).days)):
            logp[i] = low
    for cue in cues:
        if cue.weekday is not None:
            weekday, table, forward = cue.weekday
            first = lo.weekday()
            logs = [math.log(7 * p) for p in table]
            for i in range(n):
                wd = (first + i) % 7
                logp[i] += logs[(weekday - wd) % 7 if forward else (wd - weekday) % 7]
            continue
        values: dict[int, float] = {}
        for a, b, v in cue.ranges:
            start = max(0, (max(a, lo) - lo).days) if a <= hi else n
            end = min(n - 1, (min(b, hi) - lo).days) if b >= lo else -1
            for i in range(start, end + 1):
                values[i] = v
        for day, v in cue.daily.items():
            if lo <= day <= hi:
                values[(day - lo).days] = v
        base = math.log(cue.default)
        for i, v in values.items():
            logp[i] += math.log(v) - base
    top = max(logp)
    weights = [math.exp(x - top) for x in logp]
    total = sum(weights)
    return [w / total for w in weights]


def estimate_from_cues(
    cues: list[Cue], lo: dt.date, hi: dt.date, anchor: dt.date | None = None
) -> PublicationEstimate:
    if not cues:
        return PublicationEstimate(None, None, None, "unknown", 0.0, [])
    post = posterior(cues, lo, hi, anchor)
    n = len(post)
    peak = max(range(n), key=lambda i: (post[i], -i))
    near3 = sum(post[max(0, peak - 3) : peak + 4])
    near7 = sum(post[max(0, peak - 7) : peak + 8])
    order = sorted(range(n), key=lambda i: -post[i])
    acc, chosen = 0.0, []
    for i in order:
        chosen.append(i)
        acc += post[i]
        if acc >= INTERVAL_MASS:
            break
    earliest, latest = lo + dt.timedelta(days=min(chosen)), lo + dt.timedelta(days=max(chosen))
    best = lo + dt.timedelta(days=peak)

    # a caption and a sentence giving the same date are one clue, not two
    supporting = {
        "dated" if c.kind == "caption" else c.kind
        for c in cues
        if c.kind in POINT_KINDS and _supports(c, best)
    }
    strong = [c for c in cues if c.kind in POINT_KINDS - {"dated"}]
    conflicts = sum(1 for c in strong if not _supports(c, best))
    confidence = near3 if len(supporting) >= 2 else min(near3, SINGLE_KIND_CAP)
    confidence = min(confidence, MAX_CONFIDENCE) * 0.8**conflicts
    value: dt.date | None = best
    if near7 < MIN_PEAK_MASS:
        value = None
        confidence = min(confidence, near7)
    evidence = [_explain(c, best if value else None) for c in sorted(cues, key=lambda c: _rank(c, best))]
    return PublicationEstimate(value, earliest, latest, "inferred", round(confidence, 3), evidence)


def infer_publication(
    text: str, timexes: list[Timex], chronology: Chronology, today: dt.date, url: str | None = None
) -> PublicationEstimate:
    """Estimate the publication date of ``text`` from its (unresolved) timexes and, when
    given, the dates in its address ``url``."""
    cues = find_cues(text, timexes, chronology, today, url)
    return estimate_from_cues(
        cues, _earliest(chronology, today), _latest(chronology, today), chronology.anchors.get("default")
    )


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
    if cue.kind in POINT_KINDS and _supports(cue, best):
        return (0, cue.evidence.start)
    if cue.kind in ("lower-bound", "event", "year", "future"):
        return (1, cue.evidence.start)
    return (2, cue.evidence.start)


def _supports(cue: Cue, day: dt.date) -> bool:
    """The cue favours ``day``: well above its own background and near its own peak."""
    peak = max([cue.default, *cue.daily.values(), *(v for _, _, v in cue.ranges)])
    return cue.at(day) >= max(3 * cue.default, 0.1 * peak)


def _explain(cue: Cue, best: dt.date | None) -> Evidence:
    reason = cue.evidence.reason
    if best is not None:
        if cue.kind in POINT_KINDS and not _supports(cue, best):
            reason += f"; does not fit the other clues, which point to {fmt(best)}, so it counts for less"
        elif cue.kind in ("lower-bound", "event") and cue.at(best) < cue.default:
            reason += "; contradicted by stronger clues"
    ev = cue.evidence
    return Evidence(ev.text, ev.start, ev.end, reason, ev.source)
