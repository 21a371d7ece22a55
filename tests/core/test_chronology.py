"""The chronology file: the shipped default is valid and sound; mistakes name file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.core.chronology import ChronologyError, load_chronology
from timeline.temporal.values import Granularity

from ..conftest import ROOT

SHIPPED = ROOT / "content" / "chronology.yml"

MINIMAL = """\
window:
  start: 2014-01-01
  end: 2025-12-31
anchors:
  - id: invasion
    date: 2022-02-24
    default: true
    aliases: [the war, The Invasion]
events:
  - id: invasion
    date: 2022-02-24
    title: Russia invades
  - id: bakhmut
    date: 2023-05
    title: Bakhmut falls
phases:
  - id: before
    title: Before
    start: 2014-01-01
    end: 2022-02-23
  - id: war
    title: War
    start: 2022-02-24
    end: null
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "chronology.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_chronology_is_valid_and_rich() -> None:
    chron = load_chronology(SHIPPED)
    assert len(chron.events) >= 45
    years = {e.date.earliest.year for e in chron.events}
    assert {2014, 2015, 2022, 2023, 2024, 2025} <= years
    assert all(e.title and e.date.granularity in (Granularity.DAY, Granularity.MONTH) for e in chron.events)
    assert [e.date.earliest for e in chron.events] == sorted(e.date.earliest for e in chron.events)


@pytest.mark.parametrize(
    ("alias", "day"),
    [
        ("the war", dt.date(2022, 2, 24)),
        ("the invasion", dt.date(2022, 2, 24)),
        ("the full-scale invasion", dt.date(2022, 2, 24)),
        ("the conflict", dt.date(2022, 2, 24)),
        ("default", dt.date(2022, 2, 24)),
        ("the ukrainian raid", dt.date(2024, 8, 6)),
        ("the kursk incursion", dt.date(2024, 8, 6)),
    ],
)
def test_shipped_anchor_aliases(alias: str, day: dt.date) -> None:
    assert load_chronology(SHIPPED).anchors[alias] == day


@pytest.mark.parametrize(
    ("event_id", "day"),
    [
        ("crimea-annexation", dt.date(2014, 3, 18)),
        ("mh17", dt.date(2014, 7, 17)),
        ("minsk-ii", dt.date(2015, 2, 12)),
        ("invasion", dt.date(2022, 2, 24)),
        ("moskva-sunk", dt.date(2022, 4, 14)),
        ("kherson-liberated", dt.date(2022, 11, 11)),
        ("crimea-bridge-2022", dt.date(2022, 10, 8)),
        ("kakhovka-dam", dt.date(2023, 6, 6)),
        ("wagner-mutiny", dt.date(2023, 6, 24)),
        ("prigozhin-killed", dt.date(2023, 8, 23)),
        ("avdiivka-falls", dt.date(2024, 2, 17)),
        ("kursk-incursion", dt.date(2024, 8, 6)),
    ],
)
def test_shipped_key_events_have_the_right_dates(event_id: str, day: dt.date) -> None:
    event = load_chronology(SHIPPED).event(event_id)
    assert event is not None and event.date.earliest == day


def test_shipped_phases_are_consecutive_and_group_key_dates() -> None:
    chron = load_chronology(SHIPPED)
    for before, after in zip(chron.phases, chron.phases[1:], strict=False):
        assert before.end is not None and after.start == before.end + dt.timedelta(days=1)
    assert chron.phases[-1].end is None
    assert chron.phase_of(dt.date(2022, 3, 22)).id == "invasion-kyiv"  # type: ignore[union-attr]
    assert chron.phase_of(dt.date(2024, 8, 13)).id == "attrition-kursk"  # type: ignore[union-attr]
    assert chron.phase_of(dt.date(2015, 2, 12)).id == "prelude"  # type: ignore[union-attr]
    kherson = chron.event("kherson-liberated")
    assert kherson is not None and kherson.phase == "counteroffensives-2022"


def test_minimal_file_loads(tmp_path: Path) -> None:
    chron = load_chronology(write(tmp_path, MINIMAL))
    assert chron.anchors["the invasion"] == dt.date(2022, 2, 24)  # aliases are lowercased
    assert chron.window == (dt.date(2014, 1, 1), dt.date(2025, 12, 31))
    bakhmut = chron.event("bakhmut")
    assert bakhmut is not None and bakhmut.date.granularity == Granularity.MONTH
    assert bakhmut.date.latest == dt.date(2023, 5, 31) and bakhmut.phase == "war"


def test_missing_file_gives_builtin_invasion_anchor(tmp_path: Path) -> None:
    for chron in (load_chronology(None), load_chronology(tmp_path / "absent.yml")):
        assert chron.anchors["default"] == dt.date(2022, 2, 24)
        assert chron.anchors["the war"] == dt.date(2022, 2, 24)
        assert [e.id for e in chron.events] == ["invasion"]


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("    date: 2023-05\n", "    date: 2023-13\n", 14, "not a real date"),
        (
            "    date: 2022-02-24\n    title: Russia invades",
            "    date: 2022-02-30\n    title: Russia invades",
            11,
            "not a real date",
        ),
        (
            "    title: Bakhmut falls\n",
            "    title: Bakhmut falls\n    when: soon\n",
            16,
            "unknown key 'when'",
        ),
        ("  - id: bakhmut\n", "  - id: Bakhmut Falls\n", 13, "not a valid id"),
        ("  - id: bakhmut\n", "  - id: invasion\n", 13, "duplicate event id"),
        ("    end: 2022-02-23\n", "    end: 2022-03-01\n", 23, "overlaps phase"),
        ("    default: true\n", "", 5, "no anchor has default"),
        ("    date: 2023-05\n", "    date: 1990-05\n", 14, "outside the window"),
        ("    date: 2023-05\n", "    date: soon\n", 14, "is not a date"),
        ("    title: Russia invades\n", "    title: [Russia invades\n", 13, "invalid YAML"),
    ],
)
def test_errors_name_file_line_and_what_to_do(
    tmp_path: Path, old: str, new: str, line: int, words: str
) -> None:
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new, 1))
    with pytest.raises(ChronologyError) as info:
        load_chronology(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message
    assert message.endswith(")")  # every message carries a hint in parentheses


def test_empty_and_non_mapping_files(tmp_path: Path) -> None:
    with pytest.raises(ChronologyError, match=r":1: the file is empty"):
        load_chronology(write(tmp_path, "# nothing yet\n"))
    with pytest.raises(ChronologyError, match=r":1: the chronology file must be a mapping"):
        load_chronology(write(tmp_path, "- just\n- a list\n"))


def test_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    with pytest.raises(ChronologyError):
        load_chronology(write(tmp_path, MINIMAL + "evil: !!python/object/apply:os.system ['true']\n"))
