"""The posterior and the estimate are computed run by run (only where a cue changes); they must
equal, to the last bit, the plain day-by-day computation kept here as the reference."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.anchoring.cues import Cue
from timeline.anchoring.infer import (
    BEFORE_ANCHOR_PRIOR,
    INTERVAL_MASS,
    _posterior_runs,
    _window,
    estimate_from_cues,
    find_cues,
    posterior,
)
from timeline.anchoring.model import Evidence
from timeline.core.chronology import load_chronology
from timeline.temporal import tag

from ..conftest import ROOT

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
ANCHOR = dt.date(2022, 2, 24)


def reference_posterior(cues: list[Cue], lo: dt.date, hi: dt.date, anchor: dt.date | None) -> list[float]:
    """Every day, every cue, in order (the original implementation)."""
    n = (hi - lo).days + 1
    logp = [0.0] * n
    if anchor is not None and anchor > lo:
        for i in range(min(n, (anchor - lo).days)):
            logp[i] = math.log(BEFORE_ANCHOR_PRIOR)
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


def reference_interval(post: list[float]) -> tuple[int, int, int]:
    """Peak, and first and last day of the 90% set, by sorting every day."""
    n = len(post)
    peak = max(range(n), key=lambda i: (post[i], -i))
    acc, chosen = 0.0, []
    for i in sorted(range(n), key=lambda i: -post[i]):
        chosen.append(i)
        acc += post[i]
        if acc >= INTERVAL_MASS:
            break
    return peak, min(chosen), max(chosen)


def check(cues: list[Cue], lo: dt.date, hi: dt.date, anchor: dt.date | None) -> None:
    expected = reference_posterior(cues, lo, hi, anchor)
    assert posterior(cues, lo, hi, anchor) == expected  # bit for bit
    spans, values = _posterior_runs(cues, lo, hi, anchor)
    n = len(expected)
    for start in {0, 1, n // 3, n // 2, n - 9, n - 1}:
        if start >= 0:
            assert _window(spans, values, start, start + 15) == expected[start : start + 15]
    est = estimate_from_cues(cues, lo, hi, anchor)
    peak, first, last = reference_interval(expected)
    assert est.earliest == lo + dt.timedelta(days=first)
    assert est.latest == lo + dt.timedelta(days=last)
    near3 = sum(expected[max(0, peak - 3) : peak + 4])
    near7 = sum(expected[max(0, peak - 7) : peak + 8])
    if near7 >= 0.05:
        assert est.value == lo + dt.timedelta(days=peak)
    else:
        assert est.value is None
    assert est.confidence <= round(near3, 3)


EV = Evidence("x", 0, 1, "x")
days = st.dates(dt.date(2013, 6, 1), dt.date(2026, 6, 1))
likelihoods = st.sampled_from([1e-5, 0.001, 0.03 / 30, 0.05, 0.2, 0.5, 1.0, 2.0, 10.0]) | st.floats(
    1e-6, 20.0
)


@st.composite
def cues(draw: st.DrawFn) -> Cue:
    if draw(st.integers(0, 5)) == 0:
        table = tuple(draw(st.lists(st.floats(0.01, 0.5), min_size=7, max_size=7)))
        cue = Cue("weekday", EV)
        cue.weekday = (draw(st.integers(0, 6)), table, draw(st.booleans()))
        return cue
    cue = Cue("dated", EV, default=draw(likelihoods))
    for _ in range(draw(st.integers(0, 6))):
        a = draw(days | st.just(dt.date.min))
        b = draw(days | st.just(dt.date.max))
        cue.ranges.append((a, b, draw(likelihoods)))
    for day in draw(st.lists(days, max_size=20)):
        cue.daily[day] = draw(likelihoods)
    return cue


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(cues(), min_size=1, max_size=6),
    st.dates(dt.date(2013, 1, 1), dt.date(2016, 1, 1)),
    st.integers(1, 4500),
    st.none() | days,
)
def test_runs_equal_the_day_by_day_computation(
    found: list[Cue], lo: dt.date, n: int, anchor: dt.date | None
) -> None:
    check(found, lo, lo + dt.timedelta(days=n - 1), anchor)


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "content" / "articles").glob("*.txt")))
def test_runs_equal_the_day_by_day_computation_on_the_sample_articles(name: str) -> None:
    text = (ROOT / "content" / "articles" / name).read_text(encoding="utf-8")
    today = dt.date(2025, 12, 31)
    found = find_cues(text, tag(text, None, anchors=CHRON.anchors), CHRON, today)
    assert found, f"{name}: every sample article has publication clues"
    check(found, dt.date(2014, 1, 1), today, ANCHOR)
