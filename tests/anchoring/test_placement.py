"""Values that are not dates get days where the text allows (timeline/anchoring/placement.py):
"now" is the publication interval, "recently" ends there, a length of time is placed only when
the words around it say where it sits (the executable examples of durations.yaml)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.anchoring import anchor_text
from timeline.anchoring.placement import FROM, UNTIL, load_rules
from timeline.core.chronology import load_chronology
from timeline.temporal.values import AnchorKind, DurationValue, Timex

from ..conftest import ROOT, TODAY

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
PUB = dt.date(2023, 5, 10)


def bracketed(sentence: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence without brackets and the spans the brackets marked."""
    text, spans = "", []
    for piece in sentence.split("["):
        if "]" in piece:
            inside, rest = piece.split("]", 1)
            spans.append((len(text), len(text) + len(inside)))
            text += inside + rest
        else:
            text += piece
    return text, spans


def timex_at(timexes: list[Timex], span: tuple[int, int]) -> Timex:
    found = [t for t in timexes if (t.start, t.end) == span]
    assert found, f"no timex at {span}: {[(t.start, t.end, t.text) for t in timexes]}"
    return found[0]


RULE_EXAMPLES = [(rule["id"], ex) for rule in load_rules()[1]["rules"] for ex in rule["examples"]]


@pytest.mark.parametrize(
    ("rule_id", "example"), RULE_EXAMPLES, ids=[f"{r}:{e['text'][:30]}" for r, e in RULE_EXAMPLES]
)
def test_rule_examples_place_their_length(rule_id: str, example: dict[str, str]) -> None:
    text, spans = bracketed(example["text"])
    result = anchor_text(text, PUB, CHRON, today=TODAY)
    tx = timex_at(result.timexes, spans[0])
    assert isinstance(tx.value, DurationValue)
    assert tx.anchor == AnchorKind.PUBLICATION
    assert tx.period is not None
    if example["place"] == UNTIL:
        assert tx.latest == PUB and (tx.earliest is None or tx.earliest < PUB)
    else:
        assert example["place"] == FROM
        assert tx.earliest == PUB and (tx.latest is None or tx.latest > PUB)
    assert any(rule_id in n for n in tx.notes), tx.notes


@pytest.mark.parametrize("sentence", load_rules()[1]["unplaced_examples"])
def test_unplaced_lengths_stay_bare(sentence: str) -> None:
    text, spans = bracketed(sentence)
    result = anchor_text(text, PUB, CHRON, today=TODAY)
    for span in spans:
        tx = timex_at(result.timexes, span)
        assert tx.period is None and tx.earliest is None and tx.latest is None
        assert tx.anchor == AnchorKind.NONE
        assert any("does not place it" in n for n in tx.notes)


def test_two_decades_ends_at_publication_with_its_length() -> None:
    text = "said Andrei Soldatov, who has monitored the Russian secret service for two decades."
    tx = timex_at(anchor_text(text, PUB, CHRON, today=TODAY).timexes, (text.index("two"), text.index(".")))
    assert tx.period == (dt.date(2003, 5, 10), PUB)


def test_now_recently_and_the_future_around_the_publication_date() -> None:
    text = "Now the city is quiet. Recently, prices rose. In the near future, talks may resume."
    by_text = {t.text: t for t in anchor_text(text, PUB, CHRON, today=TODAY).timexes}
    assert (by_text["Now"].earliest, by_text["Now"].latest) == (PUB, PUB)
    assert (by_text["Recently"].earliest, by_text["Recently"].latest) == (None, PUB)
    assert (by_text["the near future"].earliest, by_text["the near future"].latest) == (PUB, None)
    assert all(t.anchor == AnchorKind.PUBLICATION for t in by_text.values())


def test_now_takes_the_inferred_interval_and_stays_unplaced_without_one() -> None:
    dated = "Five weeks into the war, Russian troops are now pulling back from Kyiv."
    result = anchor_text(dated, None, CHRON, today=TODAY)
    now = next(t for t in result.timexes if t.text == "now")
    assert result.published.earliest is not None
    assert (now.earliest, now.latest) == (result.published.earliest, result.published.latest)

    bare = "The city is now quiet."
    result = anchor_text(bare, None, CHRON, today=TODAY)
    now = next(t for t in result.timexes if t.text == "now")
    assert now.period is None and any("publication date is unknown" in n for n in now.notes)


def test_a_length_counted_from_a_named_operation_starts_on_its_day() -> None:
    text = "The Ukrainian blitz has lasted just a week."
    result = anchor_text(text, None, CHRON, today=TODAY)
    week = next(t for t in result.timexes if t.text == "just a week")
    assert week.anchor == AnchorKind.CHRONOLOGY
    assert week.period == (dt.date(2024, 8, 6), dt.date(2024, 8, 13))


def test_every_timex_of_the_bundled_articles_is_anchored_and_dates_have_days() -> None:
    files = sorted(str(p) for p in (ROOT / "content" / "articles").glob("*.txt"))
    out = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", "--json", *files],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(files) == 5
    for rec in records:
        for t in rec["timexes"]:
            assert t["anchor"] in ("none", "publication", "previous", "chronology")
            assert t["value"], t
            if t["type"] in ("DATE", "TIME") and rec["published"]["earliest"]:
                assert t["earliest"] or t["latest"], (rec["path"], t)
            if t["earliest"] is None and t["latest"] is None:
                assert t["notes"], (rec["path"], t)  # says why it has no days
    placed = {
        (Path(r["path"]).name, t["text"]): (t["earliest"], t["latest"]) for r in records for t in r["timexes"]
    }
    assert placed[("004_d3cec943476c7b40.txt", "weeks")][1] == "2022-03-27"  # "For weeks now"


def test_every_placement_rule_has_an_example() -> None:
    rules = load_rules()[1]["rules"]
    assert rules
    assert all(rule.get("examples") for rule in rules), [r["id"] for r in rules if not r.get("examples")]
