"""Anchoring never fails on odd input, and its evidence always quotes the text exactly."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.anchoring import anchor_text
from timeline.core.chronology import load_chronology

CHRON = load_chronology(None)
WORDS = [
    "five weeks into the war",
    "yesterday",
    "Tuesday, March 22",
    "March 22, 2022",
    "30 days in",
    "the invasion",
    "a year ago",
    "on Friday",
    "2014",
    "REUTERS",
    "\n",
    ".",
    "Kherson",
    "may",
    "21 miles",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=25),
    st.dates(dt.date(2014, 1, 1), dt.date(2040, 12, 31)),
)
def test_anchor_text_is_total_and_quotes_exactly(parts: list[str], today: dt.date) -> None:
    text = " ".join(parts)
    result = anchor_text(text, None, CHRON, today=today)
    pub = result.published
    assert 0.0 <= pub.confidence <= 1.0
    assert pub.source in ("inferred", "unknown")
    if pub.value is not None:
        assert (
            pub.earliest is not None and pub.latest is not None and pub.latest <= max(today, CHRON.window[0])
        )
    for ev in pub.evidence:
        assert text[ev.start : ev.end] == ev.text
