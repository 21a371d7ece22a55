# ruff: noqa: E501  (the TimeML sample lines are long on purpose)
"""TimeML reading, TempEval-3 scoring and writing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from timeline.evaluation import format_report, read, run_eval

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
TBAQ = SHARED / "eval" / "tempeval3-tbaq"
WIKIWARS = SHARED / "eval" / "wikiwars-timeml" / "train"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>t1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" temporalFunction="false" functionInDocument="CREATION_TIME">19980206</TIMEX3></DCT>
<TEXT>
Officials <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> that talks AT&amp;T held <TIMEX3 tid="t2" type="DATE" value="1997">last year</TIMEX3> failed, and that the deal runs for <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3> from <TIMEX3 tid="t4" type="DATE" value="1998-03">March</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""


def _write(tmp_path: Path, text: str = DOC) -> Path:
    gold = tmp_path / "gold" / "sub"
    gold.mkdir(parents=True)
    (gold / "doc.tml").write_text(text, encoding="utf-8")
    return tmp_path / "gold"


def test_read_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    doc = read(_write(tmp_path) / "sub" / "doc.tml")
    assert doc.dct == dt.date(1998, 2, 6)
    assert "AT&T" in doc.text
    assert "<" not in doc.text
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Thursday", "DATE", "1998-02-05"),
        ("last year", "DATE", "1997"),
        ("two years", "DURATION", "P2Y"),
        ("March", "DATE", "1998-03"),
    ]
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text


def test_scores_a_small_document(tmp_path: Path) -> None:
    report = run_eval(_write(tmp_path))
    assert report["documents"] == 1
    assert report["gold_timexes"] == 4
    assert report["system_timexes"] == 4
    assert report["strict"]["f1"] == 100.0
    # "March" in a text written on 6 February 1998: the nearest March is a month ahead (1998-03)
    assert report["value"]["accuracy"] == 100.0
    assert report["type"]["f1"] == 100.0
    table = format_report(report)
    assert "strict" in table and "value" in table


def test_relaxed_and_strict_differ_on_extents(tmp_path: Path) -> None:
    text = DOC.replace(
        '<TIMEX3 tid="t2" type="DATE" value="1997">last year</TIMEX3>',
        'last <TIMEX3 tid="t2" type="DATE" value="1997">year</TIMEX3>',
    )
    report = run_eval(_write(tmp_path, text))
    assert report["relaxed"]["f1"] == 100.0
    assert report["strict"]["precision"] == 75.0
    assert report["strict"]["recall"] == 75.0


def test_write_timeml_with_our_tags(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_eval(_write(tmp_path), write_dir=out)
    written = (out / "sub" / "doc.tml").read_text(encoding="utf-8")
    assert "<EVENT" not in written
    assert "<TLINK" not in written
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-02-05"' in written
    assert "AT&amp;T" in written
    assert 'functionInDocument="CREATION_TIME"' in written  # the DCT element is kept
    # the written file reads back with our tags as its gold, and scores perfectly against itself
    again = run_eval(out)
    assert again["strict"]["f1"] == 100.0
    assert again["value"]["f1"] == 100.0


def test_missing_dir_is_a_clear_error(tmp_path: Path) -> None:
    from timeline.evaluation import TimeMLError

    with pytest.raises(TimeMLError, match=r"no \.tml files"):
        run_eval(tmp_path)


def test_report_is_json_serialisable(tmp_path: Path) -> None:
    json.dumps(run_eval(_write(tmp_path)))


@pytest.mark.skipif(not TBAQ.is_dir(), reason="../shared/eval/tempeval3-tbaq is absent (team machines only)")
def test_tempeval3_targets() -> None:
    report = run_eval(TBAQ)
    assert report["gold_timexes"] == 1822
    assert report["strict"]["f1"] >= 82.0, format_report(report)
    assert report["value"]["f1"] >= 80.0, format_report(report)


@pytest.mark.skipif(
    not WIKIWARS.is_dir(), reason="../shared/eval/wikiwars-timeml is absent (team machines only)"
)
def test_wikiwars_target() -> None:
    """Through the product path, with no narrative mode: only the value strings are compared the
    TIMEX2 way."""
    report = run_eval(WIKIWARS)
    assert report["timex2"] is True
    assert report["type"] is None
    assert report["value"]["f1"] >= 80.0, format_report(report)


def _dev_documents() -> list[Path]:
    return sorted(TBAQ.rglob("*.tml")) + sorted(WIKIWARS.rglob("*.tml"))


@pytest.mark.skipif(
    not (TBAQ.is_dir() and WIKIWARS.is_dir()),
    reason="../shared/eval TimeML sets are absent (team machines only)",
)
def test_eval_scores_what_extract_returns_on_every_development_document(tmp_path: Path) -> None:
    """`timeline eval` and `timeline extract --published DCT` give identical timexes, offsets and all."""
    from timeline.core.chronology import load_chronology
    from timeline.core.problems import Problems
    from timeline.evaluation.score import document_timexes
    from timeline.json_view import extract_files

    chronology = load_chronology(None)
    today = chronology.window[1]
    checked = 0
    for path in _dev_documents():
        doc = read(path)
        txt = tmp_path / f"{path.stem}.txt"
        txt.write_text(doc.text, encoding="utf-8")
        ours = [
            (t.start, t.end, t.text, t.type.value, t.timex3(), t.anchor.value)
            for t in document_timexes(txt.name, doc.text, doc.dct, chronology, today)
        ]
        records = list(extract_files([txt], published=doc.dct, problems=Problems(), today=today))
        extracted = [
            (t["start"], t["end"], t["text"], t["type"], t["value"], t["anchor"])
            for r in records
            for t in r["timexes"]
        ]
        assert ours == extracted, path.name
        checked += 1
    assert checked == 272


def test_a_week_number_without_its_leading_zero_is_the_same_week(tmp_path: Path) -> None:
    text = DOC.replace(
        '<TIMEX3 tid="t2" type="DATE" value="1997">last year</TIMEX3>',
        '<TIMEX3 tid="t2" type="DATE" value="1998-W5">last week</TIMEX3>',
    )
    report = run_eval(_write(tmp_path, text))
    assert report["strict"]["f1"] == 100.0
    assert report["value"]["accuracy"] == 100.0  # ours is 1998-W05


TIMEX2_DOC = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2009-12-19" temporalFunction="false" functionInDocument="CREATION_TIME">20091219</TIMEX3></DCT>
<TEXT>
Troops arrived at a rate of 900 <TIMEX3 tid="t1" type="DATE" value="P1D">per day</TIMEX3> in <TIMEX3 tid="t2" type="DATE" value="1917">1917</TIMEX3>, and the guns fired <TIMEX3 tid="t3" type="DATE" value="XXXX-XX-XX">every day</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timex2_gold_writes_a_recurrence_either_way(tmp_path: Path) -> None:
    """TIMEX2 writes "per day" as P1D and "every day" as XXXX-XX-XX; our P1D matches both."""
    report = run_eval(_write(tmp_path, TIMEX2_DOC))
    assert report["timex2"] is True
    assert report["system_timexes"] == 3
    assert report["value"]["accuracy"] == 100.0
