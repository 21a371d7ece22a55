"""Properties that hold for any text: offsets, order, no overlaps, and that scanning only the
windows around trigger words finds exactly what scanning everything finds."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import temporal

WORDS = [
    "the", "war", "invasion", "since", "began", "March", "may", "May", "22", "2022", "1990s", "Tuesday",
    "last", "next", "week", "weeks", "days", "a", "year", "ago", "five", "into", "in", "on", "early",
    "mid-March", "today", "yesterday", "4:30", "a.m.", "local", "time", "every", "day", "quarter",
    "third", "-", ",", ".", "\n", "3rd", "22nd", "Brigade", "miles", "400,000", "3G", "The", "Sun",
    "later", "two", "the previous day", "30", "now", "recently", "BC", "1915-17", "24/02/2022",
]  # fmt: skip

texts = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_offsets_order_and_overlap(text: str) -> None:
    found = temporal.tag(text, dt.date(2022, 3, 30), anchors={"the war": dt.date(2022, 2, 24)})
    last_end = 0
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.start >= last_end
        assert t.rule
        last_end = t.end


@settings(max_examples=150, deadline=None)
@given(texts)
def test_windows_find_what_a_full_scan_finds(text: str) -> None:
    a = [(t.start, t.end, t.rule) for t in temporal.find(text)]
    b = [(t.start, t.end, t.rule) for t in temporal.find(text, full_scan=True)]
    assert a == b


@settings(max_examples=100, deadline=None)
@given(texts, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_tag_with_date_equals_tag_then_resolve(text: str, day: dt.date) -> None:
    direct = temporal.tag(text, day)
    later = temporal.tag(text)
    temporal.resolve(later, day, text=text)  # the text: discourse anchoring reads it, as tag() does
    assert [(t.start, t.timex3()) for t in direct] == [(t.start, t.timex3()) for t in later]


@settings(max_examples=150, deadline=None)
@given(texts)
def test_scanner_and_rule_matchers_agree(text: str) -> None:
    """The combined scanner and each rule's own regex find the same span (none is lost)."""
    from timeline.temporal import rules

    rs = rules.load("en")
    for m in rs.scanner.finditer(text):
        _prefix, rule = rs.index_to_rule[m.lastindex or 0]
        again = rs.matchers[rule.id].match(text, m.start())
        assert again is not None and again.end() == m.end(), rule.id
