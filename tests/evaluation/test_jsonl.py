"""The evaluation sets' one JSON Lines reader (timeline/evaluation/jsonl.py), as both readers use it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from timeline.evaluation.published import EvalInputError, read_articles
from timeline.evaluation.timelines import ReferenceError_, read_reference

ARTICLE = {"id": "kyiv-1", "published": "2022-03-01T09:30:00", "title": "Kyiv", "text": "Sirens sounded."}


def test_plain_and_gzipped_files_give_the_same_articles(tmp_path: Path) -> None:
    body = json.dumps(ARTICLE) + "\n\n" + json.dumps({**ARTICLE, "id": "kyiv-2", "url": 7}) + "\n"
    plain = tmp_path / "a.jsonl"
    plain.write_text(body, encoding="utf-8")
    packed = tmp_path / "a.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as handle:
        handle.write(body)
    articles = read_articles(plain)
    assert articles == read_articles(packed)
    assert [a["id"] for a in articles] == ["kyiv-1", "kyiv-2"]  # the blank line is skipped
    assert str(articles[0]["published"]) == "2022-03-01" and articles[1]["url"] is None


def test_a_bad_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "ref.jsonl"
    path.write_text(
        json.dumps({"date": "2022-03-01", "text": "Russian forces shelled Kharkiv. (Reuters)"})
        + "\n"
        + json.dumps({"date": "1 March", "text": "x"})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceError_, match=r"ref\.jsonl:2: expected a JSON object with 'date'"):
        read_reference(path)
    path.write_text("[1, 2]\n", encoding="utf-8")  # not an object: a message, not a traceback
    with pytest.raises(EvalInputError, match=r"ref\.jsonl:1: expected a JSON object with 'published'"):
        read_articles(path)
    with pytest.raises(EvalInputError, match=r"absent\.jsonl: cannot read \("):
        read_articles(tmp_path / "absent.jsonl")
