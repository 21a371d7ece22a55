"""Page furniture in each language (anchoring/furniture.yaml): its examples run, a Ukrainian or
Russian "Опубліковано ..." line and a Cyrillic dateline date an article as the English ones do,
and a mistake in the file is reported with its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from timeline.anchoring import place_text, read_text
from timeline.anchoring.cues.furniture import (
    SCHEMA,
    WORDS,
    FurnitureWordsError,
    furniture,
    in_link_block,
    is_dateline,
    stamp,
)
from timeline.anchoring.mentions import Layout
from timeline.anchoring.model import PublicationEstimate
from timeline.core.chronology import load_chronology
from timeline.core.datafile import read
from timeline.temporal import find

from ..conftest import ROOT, TODAY

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
EXAMPLES = read(WORDS, SCHEMA, "the page furniture words")["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["text"][:30])
def test_the_examples_of_furniture_yaml(example: dict[str, Any]) -> None:
    text, language = example["text"], example["language"]
    timexes = find(text, language)
    assert timexes, f"no date found in {text!r}"
    if "stamp" in example:
        got = stamp(text, timexes[0]) or "none"
        assert got == example["stamp"], text
    if "related" in example:
        assert in_link_block(Layout(text), timexes[0].start) == example["related"], text


def _published(text: str, language: str) -> PublicationEstimate:
    reading = read_text(text, None, CHRON, today=TODAY, language=language)
    return place_text(reading, text, None, CHRON, today=TODAY).published


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Drones over Kyiv\n\nPublished 20 November 2025\n\nDrones attacked Kyiv at night.\n"),
        ("uk", "Дрони над Києвом\n\nОпубліковано 20 листопада 2025\n\nУночі дрони атакували Київ.\n"),
        ("ru", "Дроны над Киевом\n\nОпубликовано 20 ноября 2025\n\nНочью дроны атаковали Киев.\n"),
    ],
)
def test_a_published_line_dates_the_article(language: str, text: str) -> None:
    pub = _published(text, language)
    assert pub.value == dt.date(2025, 11, 20)
    # the stamp line is the first clue (without it the date is a full date in the text, 0.54)
    assert pub.evidence[0].reason.startswith("the line '")
    assert pub.evidence[0].reason.endswith("gives the day of publication")
    assert pub.confidence >= 0.7


@pytest.mark.parametrize(
    ("language", "text", "dateline"),
    [
        ("en", "KYIV, November 20 (Reuters) - Drones attacked the capital overnight.", True),
        ("uk", "КИЇВ, 20 листопада (Укрінформ) – Уночі дрони атакували столицю.", True),
        ("ru", "Киев, 20 ноября (ТАСС) – Ночью дроны атаковали столицу.", True),
        ("uk", "Київ, 20 листопада – за словами мера, дрони атакували столицю.", False),
    ],
)
def test_datelines_in_either_script(language: str, text: str, dateline: bool) -> None:
    tx = find(text, language)[0]
    assert is_dateline(text, tx) is dateline


def test_a_mistake_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "furniture.yaml"
    bad.write_text("languages:\n  uk:\n    byline: []\n    published: []\n", encoding="utf-8")
    with pytest.raises(FurnitureWordsError, match=r"furniture.yaml:\d+"):
        furniture(str(bad))
