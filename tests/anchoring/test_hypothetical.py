"""A hypothetical mention of a key event ("a potential Russian invasion") is not a mention of it:
rules and examples in timeline/anchoring/mentions.yaml (issue 14: pre-invasion articles of January
2022 were pushed past 24 February 2022)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.anchoring import anchor_text
from timeline.anchoring.mentions import EventMatcher, MentionRuleError, load_mention_rules
from timeline.core.chronology import load_chronology

from ..conftest import ROOT

CHRONOLOGY = load_chronology(ROOT / "content" / "chronology.yml", today=dt.date(2026, 12, 3))


@pytest.mark.parametrize("example", load_mention_rules().examples, ids=lambda e: e[0][:40])
def test_every_example_of_the_rules(example: tuple[str, str, bool, int]) -> None:
    text, alias, expected, line = example
    [event] = [e for e in CHRONOLOGY.events if alias.lower() in (a.lower() for a in e.aliases)]
    found = [m for m in EventMatcher(CHRONOLOGY).find(text) if m.event.id == event.id]
    assert bool(found) == expected, f"mentions.yaml:{line}: {text!r}"


def test_a_january_2022_article_about_a_feared_invasion_is_not_pushed_past_it() -> None:
    text = (
        "Blinken visits Kyiv as US boosts military aid\n\n"
        "The administration announced an additional $200 million in military aid for Ukraine on "
        "Wednesday, amid fears of a potential Russian invasion. Those war games could create yet "
        "another pathway for a Russian invasion of Ukraine, officials warned."
    )
    estimate = anchor_text(text, None, CHRONOLOGY, today=dt.date(2026, 12, 3)).published
    assert not any("full-scale invasion" in e.reason for e in estimate.evidence)
    assert estimate.earliest is not None and estimate.earliest < dt.date(2022, 2, 24)


def test_malformed_rules_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mentions.yaml"
    path.write_text("window: 2\nhypothetical_before: [a]\nexamples:\n  - {text: x, alias: y}\n", "utf-8")
    with pytest.raises(MentionRuleError, match=r"mentions.yaml:4: .*mention"):
        load_mention_rules(str(path))
    path.write_text("window: 9\nhypothetical_before: [a]\n", "utf-8")
    with pytest.raises(MentionRuleError, match=r"mentions.yaml:1: window: found 9; expected a whole number"):
        load_mention_rules(str(path))
