"""'Today' and the open chronology window (issue 14): where today comes from, what it allows, and
that a pinned today gives the same pages whatever the clock says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.config import ConfigError, load_settings
from timeline.core.chronology import PROVISIONAL_END, ChronologyError, load_chronology
from timeline.core.today import ENV, TodayError, epoch_day, resolve_today

from ..conftest import ROOT
from ..project import make_project

D = dt.date
TODAY = D(2026, 12, 3)
EPOCH_TODAY = "1796256000"  # 2026-12-03 00:00:00 UTC
ZELENSKY = (
    "Zelensky meets European leaders in Berlin\n\n"
    "On Monday, November 16, 2026, President Zelensky met European leaders in Berlin to discuss "
    "security guarantees and air defence. Nearly four years into the war, Ukraine still asks its "
    "partners for more Patriot systems.\n"
)
# only a lower bound ("four years into the war": after 24 February 2026), nothing that ends it
LOWER_BOUND_ONLY = (
    "Air defence\n\nNearly four years into the war, Ukraine still asks its partners for more air defence.\n"
)
SINCE_THE_WAR = "Air defence\n\nSince the war began, Ukraine has asked its partners for more air defence.\n"
NOTHING = "A quiet statement\n\nThe minister said the talks were useful and would continue.\n"


def _no_clock() -> dt.date:
    raise AssertionError("the clock was read although today was pinned")


def _extract(args: list[str], capsys: pytest.CaptureFixture[str], **kw: object) -> tuple[list[dict], str]:
    code = main(["extract", "--json", *args], **kw)  # type: ignore[arg-type]
    out, err = capsys.readouterr()
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()], err


def _article(folder: Path, name: str, published: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: {name}\npublished: {published}\n---\n{body}\n", "utf-8")
    return path


# ---- where today comes from -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("option", "setting", "environ", "expected", "source"),
    [
        (D(2026, 1, 1), D(2026, 2, 2), {ENV: EPOCH_TODAY}, D(2026, 1, 1), "--today"),
        (None, D(2026, 2, 2), {ENV: EPOCH_TODAY}, D(2026, 2, 2), "extra.timeline.today"),
        (None, None, {ENV: EPOCH_TODAY}, TODAY, ENV),
        (None, None, {ENV: ""}, D(2030, 5, 5), "the clock"),  # empty counts as unset
        (None, None, {}, D(2030, 5, 5), "the clock"),
    ],
)
def test_precedence_option_then_setting_then_source_date_epoch_then_clock(
    option: dt.date | None, setting: dt.date | None, environ: dict[str, str], expected: dt.date, source: str
) -> None:
    clock = (lambda: D(2030, 5, 5)) if source == "the clock" else _no_clock
    today = resolve_today(option, setting, environ, clock)
    assert today == (expected, source)


def test_source_date_epoch_is_read_as_a_utc_date() -> None:
    assert epoch_day("0") == D(1970, 1, 1)
    assert epoch_day(EPOCH_TODAY) == TODAY
    assert epoch_day(str(int(EPOCH_TODAY) + 86399)) == TODAY  # 23:59:59 UTC is still that day
    assert epoch_day(" 1796342400\n") == D(2026, 12, 4)


@pytest.mark.parametrize("value", ["abc", "1.5", "-1", "2026-12-03", "1e9", "99999999999999999"])
def test_bad_source_date_epoch_is_refused_even_when_not_used(value: str) -> None:
    with pytest.raises(TodayError, match=f"{ENV}=") as info:
        resolve_today(D(2026, 1, 1), None, {ENV: value}, _no_clock)
    assert "seconds since 1970-01-01" in str(info.value)


@pytest.mark.parametrize(
    "value", ["2026-13-01", "'2026-13-01'", "2026-02-30", "20261203", "2026-12-03 10:00:00"]
)
def test_bad_today_setting_says_what_was_expected(tmp_path: Path, value: str) -> None:
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(f"site_name: x\nextra:\n  timeline:\n    today: {value}\n", "utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    message = str(info.value)
    assert message.startswith(f"{cfg}: extra.timeline.today must be a date YYYY-MM-DD, got ")
    assert value.strip("'") in message


def test_today_setting_quoted_or_not(tmp_path: Path) -> None:
    cfg = tmp_path / "mkdocs.yml"
    for value in ("2026-12-03", "'2026-12-03'"):
        cfg.write_text(f"extra:\n  timeline:\n    today: {value}\n", "utf-8")
        assert load_settings(cfg).today == TODAY
    cfg.write_text("extra:\n  timeline:\n    today: null\n", "utf-8")
    assert load_settings(cfg).today is None


# ---- a bad today on the command line, in each of its three forms ------------------------------
def test_bad_today_option_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, {"a.txt": NOTHING})
    for command in (["build", "--config", str(project / "mkdocs.yml")], ["extract", str(tmp_path)]):
        with pytest.raises(SystemExit) as exc:
            main([*command, "--today", "2026-13-01"], environ={}, clock=_no_clock)
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert "argument --today: '2026-13-01' is not a date; write YYYY-MM-DD" in err
        assert "Traceback" not in err


def test_bad_source_date_epoch_stops_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, {"a.txt": NOTHING})
    code = main(["build", "--config", str(project / "mkdocs.yml")], environ={ENV: "abc"}, clock=_no_clock)
    err = capsys.readouterr().err
    assert code == 2
    assert "timeline build: SOURCE_DATE_EPOCH='abc' is not a whole number of seconds since 1970-01-01" in err
    assert "Traceback" not in err and "internal error" not in err
    assert not (project / "site_src" / "timeline").exists()


@pytest.mark.parametrize("value", ["2026-02-30", '"2026-13-01"'])
def test_bad_today_in_mkdocs_yml_stops_build_and_extract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    project = make_project(tmp_path, {"a.txt": NOTHING})
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text("utf-8").replace("today: 2026-11-01", f"today: {value}"), "utf-8")
    article = str(project / "content" / "articles" / "a.txt")
    for command in (["build", "--config", str(cfg)], ["extract", "--config", str(cfg), article]):
        code = main(command, environ={}, clock=_no_clock)
        err = capsys.readouterr().err
        assert code == 1, err
        assert f"{cfg}: extra.timeline.today must be a date YYYY-MM-DD, got '{value.strip(chr(34))}'" in err
        assert "Traceback" not in err and "internal error" not in err


# ---- what today allows ------------------------------------------------------------------------
def test_published_up_to_today_plus_one_day_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [
        _article(tmp_path, "before.md", "2026-11-20", "The council met on Tuesday."),
        _article(tmp_path, "tomorrow.md", "2026-12-04", "The mayor spoke to reporters."),
        _article(tmp_path, "later.md", "2026-12-10", "The minister visited the port."),
    ]
    records, err = _extract(["--today", "2026-12-03", *map(str, paths)], capsys, environ={}, clock=_no_clock)
    published = {Path(r["path"]).name: r["published"] for r in records}
    assert (published["before.md"]["source"], published["before.md"]["value"]) == ("metadata", "2026-11-20")
    assert (published["tomorrow.md"]["source"], published["tomorrow.md"]["value"]) == (
        "metadata",
        "2026-12-04",
    )
    assert published["later.md"]["source"] != "metadata" and published["later.md"]["value"] != "2026-12-10"
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert warnings == [
        f"{paths[2].as_posix()}:3: warning: 'published' 2026-12-10 is in the future (today is 2026-12-03) "
        "and was ignored (check the year, or the day given as today; the date will be inferred from the "
        "text instead)"
    ]


def test_build_keeps_recent_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(
        tmp_path,
        {
            "recent.md": "---\ntitle: Recent\npublished: 2026-11-20\n---\nThe council met on Tuesday.\n",
            "later.md": "---\ntitle: Later\npublished: 2026-12-10\n---\nThe minister visited the port.\n",
        },
    )
    code = main(["build", "--config", str(project / "mkdocs.yml"), "--today", "2026-12-03"], environ={})
    err = capsys.readouterr().err
    assert code == 0, err
    assert "(today 2026-12-03, from --today)" in err
    assert "articles/later.md:3: warning: 'published' 2026-12-10 is in the future" in err
    assert "recent.md" not in err
    page = (project / "site_src" / "timeline" / "articles" / "recent.md").read_text("utf-8")
    assert "| Published | 20 November 2026 &#40;given&#41; |" in page


def test_extract_honours_today_from_mkdocs_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "mkdocs.yml"
    article = _article(tmp_path, "a.md", "2026-12-04", "The mayor spoke to reporters.")
    for pinned, source in (("2026-12-03", "metadata"), ("2026-12-01", "unknown")):
        cfg.write_text(f"site_name: x\nextra:\n  timeline:\n    today: {pinned}\n", "utf-8")
        [record], _ = _extract(["--config", str(cfg), str(article)], capsys, environ={}, clock=_no_clock)
        assert record["published"]["source"] == source


def test_extract_and_build_date_a_file_identically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, {"air.txt": LOWER_BOUND_ONLY})  # today: 2026-11-01 in mkdocs.yml
    cfg = str(project / "mkdocs.yml")
    article = str(project / "content" / "articles" / "air.txt")
    [record], _ = _extract(["--config", cfg, article], capsys, environ={ENV: "0"})  # the setting wins
    [pinned], _ = _extract(["--today", "2026-11-01", article], capsys, environ={})
    [later], _ = _extract(["--today", "2026-12-03", article], capsys, environ={})
    assert record["published"] == pinned["published"] != later["published"]
    assert main(["build", "--config", cfg], environ={ENV: "0"}, clock=_no_clock) == 0
    page = (project / "site_src" / "timeline" / "articles" / "air-defence.md").read_text("utf-8")
    for key in ("earliest", "latest"):
        day = D.fromisoformat(record["published"][key])
        assert f"{day.day} {day:%B %Y}" in page


def test_recent_undated_article_is_placed_near_its_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "berlin.txt"
    path.write_text(ZELENSKY, "utf-8")
    [record], _ = _extract(["--today", "2026-12-03", str(path)], capsys, environ={}, clock=_no_clock)
    pub = record["published"]
    assert pub["source"] == "inferred"
    assert "2026-11-16" <= pub["value"] <= "2026-11-20"
    assert pub["earliest"] <= "2026-11-16" <= pub["latest"] <= "2026-12-03"


def test_weakly_placed_article_interval_runs_towards_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only "since the war began" (after 24 February 2022): the days up to today stay possible, so
    the interval reaches past 2025-12-31 (the end of the old window) and moves with today."""
    path = tmp_path / "air.txt"
    path.write_text(SINCE_THE_WAR, "utf-8")
    latest = []
    for today in ("2026-12-03", "2028-03-01"):
        [record], _ = _extract(["--today", today, str(path)], capsys, environ={}, clock=_no_clock)
        pub = record["published"]
        assert pub["value"] is None and pub["earliest"] == "2022-02-24"
        assert "2025-12-31" < pub["latest"] <= today
        latest.append(pub["latest"])
    assert latest[0] < latest[1]


def test_article_with_nothing_that_places_it_ends_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nothing.txt"
    path.write_text(NOTHING, "utf-8")
    [record], _ = _extract(["--today", "2026-12-03", str(path)], capsys, environ={}, clock=_no_clock)
    assert record["published"]["value"] is None
    assert record["published"]["latest"] == "2026-12-03"


def test_build_keeps_events_after_the_old_window_end(tmp_path: Path) -> None:
    article = (
        "---\ntitle: Drone strike\npublished: 2026-11-20\n---\nOn November 18, 2026, a Russian drone "
        "struck a power station in Odesa, cutting electricity to 40,000 homes.\n"
    )
    project = make_project(tmp_path, {"strike.md": article})
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--today", "2026-12-03"], environ={}) == 0
    data = json.loads((project / "site_src" / "timeline" / "timeline.json").read_text("utf-8"))
    assert data["events"], "the event of 18 November 2026 is missing from the timeline"


# ---- the open chronology window ----------------------------------------------------------------
def test_shipped_and_builtin_windows_end_today() -> None:
    for path in (ROOT / "content" / "chronology.yml", None):
        assert load_chronology(path, today=TODAY).window == (D(2014, 1, 1), TODAY)
        assert load_chronology(path).open_end
        assert load_chronology(path).window[1] == PROVISIONAL_END  # no today given: provisional
        assert load_chronology(path).until(D(2027, 6, 1)).window[1] == D(2027, 6, 1)


WINDOWED = """\
window:
  start: 2014-01-01{end}
anchors:
  - id: invasion
    date: 2022-02-24
    default: true
events:
  - id: later
    date: 2028-05
    title: Something later
phases:
  - id: war
    title: War
    start: 2022-02-24
    end: null
"""


@pytest.mark.parametrize("end", ["", "\n  end: null", "\n  end: ~", "\n  end:"])
def test_window_without_end_is_open(tmp_path: Path, end: str) -> None:
    path = tmp_path / "chronology.yml"
    path.write_text(WINDOWED.format(end=end), "utf-8")
    chron = load_chronology(path)
    assert chron.open_end and chron.window == (D(2014, 1, 1), D(2028, 12, 31))  # holds what it names
    assert load_chronology(path, today=TODAY).window == (D(2014, 1, 1), TODAY)


def test_closed_window_is_kept_and_errors_still_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "chronology.yml"
    path.write_text(WINDOWED.format(end="\n  end: 2030-12-31"), "utf-8")
    assert load_chronology(path, today=TODAY).window == (D(2014, 1, 1), D(2030, 12, 31))
    path.write_text(WINDOWED.format(end="\n  end: 2025-12-31"), "utf-8")
    with pytest.raises(ChronologyError, match=rf"^{path}:10: event 'later' lies outside the window"):
        load_chronology(path)
    path.write_text(WINDOWED.format(end="\n  end: 2026-02-30"), "utf-8")
    with pytest.raises(ChronologyError, match=rf"^{path}:3: window end '2026-02-30' is not a real date"):
        load_chronology(path)


def test_today_before_the_window_is_an_error() -> None:
    with pytest.raises(ChronologyError, match="is not after the chronology window's start"):
        load_chronology(None, today=D(2013, 1, 1))


# ---- determinism -------------------------------------------------------------------------------
def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _build(folder: Path, environ: dict[str, str], clock_day: dt.date) -> dict[str, bytes]:
    project = make_project(folder, {"air.txt": SINCE_THE_WAR, "berlin.txt": ZELENSKY})
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text("utf-8").replace("    today: 2026-11-01\n", ""), "utf-8")  # no pin
    assert main(["build", "--config", str(cfg)], environ=environ, clock=lambda: clock_day) == 0
    return _tree(project / "site_src" / "timeline")


def test_source_date_epoch_gives_identical_pages_whatever_the_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pinned = {ENV: EPOCH_TODAY}
    one = _build(tmp_path / "one", pinned, D(2026, 12, 10))
    two = _build(tmp_path / "two", pinned, D(2027, 6, 1))
    assert one == two
    assert capsys.readouterr().err.count("(today 2026-12-03, from SOURCE_DATE_EPOCH)") == 2
    # the control: without the pin the clock decides, and the pages show it
    three = _build(tmp_path / "three", {}, D(2026, 12, 10))
    four = _build(tmp_path / "four", {}, D(2027, 6, 1))
    assert three != four and three != one
    assert {k for k in three if three[k] != four[k]} >= {"articles/air-defence.md"}
