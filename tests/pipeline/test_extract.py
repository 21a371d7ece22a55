"""`timeline extract --json`: one JSON line per file, in the documented shape, offsets into the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

from ..conftest import ROOT

ARTICLES = sorted((ROOT / "content" / "articles").glob("*.txt"))
TIMEX_KEYS = {"start", "end", "text", "type", "value", "earliest", "latest", "anchor", "rule", "notes"}


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict]:
    assert main(["extract", "--json", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_shape_and_offsets_on_the_bundled_articles(capsys: pytest.CaptureFixture[str]) -> None:
    records = _run([str(p) for p in ARTICLES], capsys)
    assert len(records) == len(ARTICLES) == 5
    for record, path in zip(records, ARTICLES, strict=True):
        text = path.read_text("utf-8")
        assert set(record) == {"path", "title", "published", "timexes", "events"}
        pub = record["published"]
        assert set(pub) == {"value", "earliest", "latest", "source", "confidence", "evidence"}
        assert pub["source"] in ("inferred", "unknown")
        assert 0 <= pub["confidence"] <= 1
        for ev in pub["evidence"]:
            assert set(ev) == {"text", "start", "end", "reason", "source"} and ev["reason"]
            assert ev["source"] == "text"  # the samples have no url
            assert text[ev["start"] : ev["end"]] == ev["text"]
        assert record["timexes"], f"{path.name}: no date expressions found"
        for t in record["timexes"]:
            assert set(t) == TIMEX_KEYS
            assert text[t["start"] : t["end"]] == t["text"]
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET")
            assert t["anchor"] in ("none", "publication", "previous", "chronology")
        for e in record["events"]:
            assert set(e) == {"date", "earliest", "latest", "text", "timex"}
            assert 0 <= e["timex"] < len(record["timexes"])


def test_published_option_makes_metadata_and_resolves_relative_dates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    kirby = next(p for p in ARTICLES if p.name.startswith("001_"))
    [record] = _run(["--published", "2022-03-24", str(kirby)], capsys)
    assert record["published"]["source"] == "metadata"
    assert record["published"]["value"] == "2022-03-24"
    values = {t["text"]: t["value"] for t in record["timexes"]}
    assert values["Tuesday, March 22"] == "2022-03-22" or values.get("March 22") == "2022-03-22"


def test_front_matter_offsets_count_from_the_file_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Briefing\npublished: 2022-03-26\n---\n"
        "In a briefing on March 25, General Rudskoy spoke.\n",
        "utf-8",
    )
    [record] = _run([str(path)], capsys)
    [timex] = [t for t in record["timexes"] if "March 25" in t["text"]]
    assert path.read_text("utf-8")[timex["start"] : timex["end"]] == timex["text"]
    assert timex["value"] == "2022-03-25" and timex["earliest"] == timex["latest"] == "2022-03-25"


def test_url_evidence_names_the_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Talks\nurl: https://example.com/2022/05/13/world/talks-resume.html\n---\n"
        "Negotiators met again on Friday, officials said.\n",
        "utf-8",
    )
    [record] = _run([str(path)], capsys)
    url_evidence = [e for e in record["published"]["evidence"] if e["source"] == "url"]
    assert url_evidence and "2022/05/13" in url_evidence[0]["text"]
    assert record["published"]["earliest"] <= "2022-05-13" <= record["published"]["latest"]


def test_missing_file_is_an_error_with_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--json", "no/such/file.txt"]) == 1
    assert "no/such/file.txt: error: no such file" in capsys.readouterr().err


def test_console_script_entry_point_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", "--json", str(ARTICLES[0])],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert json.loads(out.stdout)["title"].startswith("Putin may ABANDON")
