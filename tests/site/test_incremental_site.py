"""site_build/incremental.py: a site build that keeps unchanged pages equals a cold `mkdocs build`
(issue 18), hosted and offline, after articles are added, edited and deleted."""

from __future__ import annotations

import re
from pathlib import Path

from ..conftest import ROOT
from ..sitebuild import DayBefore, build, built_sites, make_project, run, same_files

SCRIPT = str(ROOT / "site_build" / "incremental.py")


def site_build(project: Path, *, offline: bool = False) -> tuple[int, int, str]:
    """(pages rendered, pages kept, full or incremental) of one run of the script."""
    env = {"OFFLINE": "true"} if offline else {}
    site = "site-offline" if offline else "site"
    done = run([SCRIPT, "--quiet", "--site-dir", site], project, **env)
    found = re.search(r"(\w+) site build: (\d+) pages rendered, (\d+) kept", done.stderr)
    assert found, done.stderr
    return int(found[2]), int(found[3]), found[1]


def test_incremental_site_builds_equal_cold_ones(tmp_path):
    day = DayBefore.make(tmp_path)
    project = day.project
    run(["-m", "timeline", "build"], project)
    for offline in (False, True):  # the site of the day before: no record yet, a full build
        rendered, kept, kind = site_build(project, offline=offline)
        assert (kind, kept) == ("full", 0) and rendered > 50

    # a new article and an edited one: only the pages `timeline build` rewrote are rendered again
    day.catch_up()
    written = run(["-m", "timeline", "build"], project).stderr
    changed = int(re.search(r"(\d+) written", written)[1])  # type: ignore[index]
    for cold, offline in ((built_sites().hosted, False), (built_sites().offline, True)):
        rendered, kept, kind = site_build(project, offline=offline)
        assert kind == "incremental" and kept > rendered
        assert rendered <= changed + 3  # the home page and the tags index draw on other pages
        same_files(cold, project / ("site-offline" if offline else "site"))

    # nothing changed: nothing but the pages that draw on others is rendered
    assert site_build(project)[:2] == (2, rendered + kept - 2)

    # an article deleted: its page goes, the rest follows it, as in a cold build of that content
    (project / "content" / "articles" / day.articles[1]).unlink()
    run(["-m", "timeline", "build"], project)
    assert site_build(project)[2] == "incremental"
    other = make_project(tmp_path / "cold", project / "content")
    run(["-m", "timeline", "build"], other)
    same_files(build(other), project / "site")


def test_a_changed_config_or_a_touched_page_is_rendered_again(tmp_path):
    project = make_project(tmp_path / "p")
    run(["-m", "timeline", "build"], project)
    site_build(project)
    page = next((project / "site" / "timeline" / "articles").rglob("*.html"))
    page.write_text("stale", "utf-8")  # an output file changed by hand is not trusted
    rendered, _, kind = site_build(project)
    assert kind == "incremental" and rendered == 3 and page.read_text("utf-8") != "stale"
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("site_description:", "site_description: New."), "utf-8")
    assert site_build(project)[1:] == (0, "full")
    assert "New." in (project / "site" / "index.html").read_text("utf-8")
