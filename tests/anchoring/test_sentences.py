"""Per-sentence answers are computed once per sentence (a scraped page can be one "sentence" with
thousands of dates): "is the future spoken of before this date?" must equal the plain check
on the text before it, in any spelling."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.anchoring.cues.reading import Reading
from timeline.anchoring.infer import find_cues
from timeline.anchoring.mentions import Layout
from timeline.core.chronology import load_chronology
from timeline.temporal import tag
from timeline.temporal.tense import FUTURE_WORDS
from timeline.temporal.values import AnchorKind, Timex, TimexType

from ..conftest import ROOT

CHRON = load_chronology(ROOT / "content" / "chronology.yml")


def plain_future(text: str, layout: Layout, offset: int) -> bool:
    lo, _hi = layout.sentence_span(layout.sentence(offset))
    before = text[lo:offset].lower()
    return any(f" {w} " in f" {before} " for w in FUTURE_WORDS)


PIECES = [*FUTURE_WORDS, "WILL", "Due To", "willing", "swill", "is", "to", "due", "ΣΙΣ", "İ", "x", "."]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=20),
    st.sampled_from([" ", "  ", "\n", ". ", ""]),
)
def test_future_sentence_equals_the_plain_check(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    layout = Layout(text)
    reading = Reading(text, CHRON, layout, [])
    reading.start([], (dt.date(2014, 1, 1), dt.date(2025, 12, 31)))
    for offset in range(len(text) + 1):
        tx = Timex(offset, offset, "", TimexType.DATE, "x", AnchorKind.NONE)
        assert reading.future_sentence(tx) == plain_future(text, layout, offset), (text, offset)


def test_one_long_sentence_with_many_dates() -> None:
    """Every deictic date of a long sentence pairs with its first "yesterday"; the duplicates
    are dropped and the first keeps its evidence."""
    text = "Yesterday, March 3, 2022, troops moved, " + ", ".join(f"on March {d}, 2022" for d in range(4, 28))
    text += ", and it will end on April 2, 2022."
    cues = find_cues(text, tag(text, None, anchors=CHRON.anchors), CHRON, dt.date(2025, 12, 31))
    deictic = [c for c in cues if c.kind == "deictic-date"]
    assert len({c.group for c in deictic}) == len(deictic) >= 1
    assert deictic[0].evidence.text.startswith("Yesterday, March 3")
    assert any(c.evidence.text.endswith("April 2, 2022") for c in deictic)
