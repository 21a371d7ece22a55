"""The words that date a happening from the day of writing are data (happenings.yaml): each
example of the file holds, and a broken copy of the file is reported as ``file:line: ...``."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.anchoring.happening_words import (
    EARLIER_MONTH,
    EARLIER_WEEK,
    LAST_WEEK,
    PATH,
    TODAY,
    WEEKDAY,
    YESTERDAY,
    load_words,
    relative_code,
)
from timeline.core.calendar_math import WEEKDAY_NAMES
from timeline.core.datafile import DataFileError

CODES = {
    "yesterday": YESTERDAY,
    "today": TODAY,
    "last_week": LAST_WEEK,
    "earlier_week": EARLIER_WEEK,
    "earlier_month": EARLIER_MONTH,
} | {name.lower(): WEEKDAY + n for n, name in enumerate(WEEKDAY_NAMES)}


@pytest.mark.parametrize(("sentence", "says"), load_words().examples)
def test_each_example_of_the_file_says_what_it_is_written_to(sentence: str, says: str | None) -> None:
    assert relative_code(sentence) == (None if says is None else CODES[says])


def test_the_examples_cover_each_kind_of_word() -> None:
    said = {says for _, says in load_words().examples}
    assert {"yesterday", "today", "last_week", "earlier_week", "earlier_month", None} <= said
    assert said & {name.lower() for name in WEEKDAY_NAMES}


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = PATH.read_text("utf-8")
    assert old in text
    path = tmp_path / "happenings.yaml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def test_a_word_the_prefilter_would_skip_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _broken(
        tmp_path, "[yesterday, last night, overnight]", "[yesterday, last night, overnight, earlier]"
    )
    with pytest.raises(
        DataFileError, match=rf"happenings.yaml:{_line(path, 'overnight, earlier')}: 'earlier' holds none"
    ):
        load_words(path)


def test_an_example_with_an_unknown_day_word_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "says: sunday}", "says: sundy}")
    with pytest.raises(DataFileError, match=rf"happenings.yaml:{_line(path, 'sundy')}: says: 'sundy'"):
        load_words(path)


def test_a_regex_that_does_not_compile_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "  - scheduled\n", "  - schedul(ed\n")
    with pytest.raises(
        DataFileError, match=rf"happenings.yaml:{_line(path, 'schedul(ed')}: .*does not compile"
    ):
        load_words(path)


def test_a_missing_list_is_refused(tmp_path: Path) -> None:
    path = _broken(tmp_path, "not_past: [next, coming, following, previous, every, each, until]\n", "")
    with pytest.raises(DataFileError, match=r"happenings.yaml:\d+: missing key 'not_past'"):
        load_words(path)
