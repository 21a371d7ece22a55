"""The ``require`` pieces of timeline/anchoring/phrases.yaml only skip texts that cannot match:
war-relative phrases are found exactly as without them, in any letter case and spelling."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.anchoring import phrases as phrases_module
from timeline.anchoring.phrases import find_phrases, load_phrases
from timeline.temporal.values import AnchorKind, Timex, TimexType


def without_requirements(text: str, taken: list[Timex]) -> list[Timex]:
    numbers, phrases = load_phrases()
    plain = tuple(dataclasses.replace(p, require=()) for p in phrases)
    original = phrases_module.load_phrases
    phrases_module.load_phrases = lambda: (numbers, plain)  # type: ignore[assignment]
    try:
        return find_phrases(text, taken)
    finally:
        phrases_module.load_phrases = original


def spans(found: list[Timex]) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.rule, str(t.spec)) for t in found]


EXAMPLES = [str(e["text"]) for p in load_phrases()[1] for e in p.examples]
SPELLINGS = [
    "THE WAR BEGAN THREE MONTHS AGO",
    "the War Has Been Raging For Over Two Years",
    "Russia's invasion, WHICH HAS ENTERED \u0130TS THIRD YEAR",  # dotted capital I
    "the conflict, now in \u0131ts 5th month",  # dotless i
    "the blitz ha\u017f la\u017fted only a week",  # long s
    "the 18-month-old\u00a0war",
    "the war\nbegan\t2 weeks\nago",
    "the siege has already gone on 30 days",
]
FRAGMENTS = [
    *EXAMPLES,
    *SPELLINGS,
    "its  second  week",
    "began",
    "ago",
    "its",
    "old",
    "has lasted",
    "the war",
]
FRAGMENTS += [" ", "\n", ",", "'s"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=12), st.sampled_from([" ", "", "\n"])
)
def test_requirements_change_nothing(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    assert spans(find_phrases(text, [])) == spans(without_requirements(text, []))


@pytest.mark.parametrize("text", [*EXAMPLES, *SPELLINGS])
def test_every_phrase_example_and_spelling_is_found(text: str) -> None:
    assert find_phrases(text, []), text


def test_overlap_with_a_tagger_timex_skips_the_phrase() -> None:
    text = "Months later, the war began three months ago, they said."
    [found] = find_phrases(text, [])
    inside = Timex(found.start + 4, found.start + 7, "war", TimexType.DATE, "x", AnchorKind.CHRONOLOGY)
    other = Timex(0, 6, "Months", TimexType.DATE, "x", AnchorKind.PUBLICATION)
    assert find_phrases(text, [inside]) == []
    assert spans(find_phrases(text, [other])) == spans([found])
    before = Timex(0, found.start, text[: found.start], TimexType.DATE, "x", AnchorKind.CHRONOLOGY)
    assert spans(find_phrases(text, [before])) == spans([found])  # touching is not overlapping
