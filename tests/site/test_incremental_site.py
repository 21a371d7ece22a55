"""site_build/incremental.py: a site build that keeps unchanged pages equals a cold `mkdocs build`
(issue 18), hosted and offline, after articles are added, edited and deleted."""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

from ..conftest import ROOT
from ..sitebuild import build, built_sites, make_project, run

SCRIPT = str(ROOT / "site_build" / "incremental.py")


def site_build(project: Path, *, offline: bool = False) -> tuple[int, int, str]:
    """(pages rendered, pages kept, full or incremental) of one run of the script."""
    env = {"OFFLINE": "true"} if offline else {}
    site = "site-offline" if offline else "site"
    done = run([SCRIPT, "--quiet", "--site-dir", site], project, **env)
    found = re.search(r"(\w+) site build: (\d+) pages rendered, (\d+) kept", done.stderr)
    assert found, done.stderr
    return int(found[2]), int(found[3]), found[1]


def assert_same_site(cold: Path, site: Path) -> None:
    """Every file byte for byte, and no other file; MkDocs' sitemap aside (it records the build date)."""

    def files(root: Path) -> list[Path]:
        return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())

    assert files(site) == files(cold)
    pages = [p for p in files(cold) if not p.name.startswith("sitemap.xml")]
    assert len(pages) > 50
    _, mismatch, errors = filecmp.cmpfiles(cold, site, pages, shallow=False)
    assert mismatch == [] and errors == []


def test_incremental_site_builds_equal_cold_ones(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    articles = sorted((content / "articles").iterdir())
    held_back = articles[-1].read_bytes()
    articles[-1].unlink()
    edited = articles[0].read_bytes()
    articles[0].write_bytes(edited + b"\nOn March 9, 2022, the TV tower was hit.\n")
    project = make_project(tmp_path / "p", content)
    run(["-m", "timeline", "build"], project)
    for offline in (False, True):  # the site of the day before: no record yet, a full build
        rendered, kept, kind = site_build(project, offline=offline)
        assert (kind, kept) == ("full", 0) and rendered > 50

    # a new article and an edited one: only the pages `timeline build` rewrote are rendered again
    (project / "content" / "articles" / articles[-1].name).write_bytes(held_back)
    (project / "content" / "articles" / articles[0].name).write_bytes(edited)
    written = run(["-m", "timeline", "build"], project).stderr
    changed = int(re.search(r"(\d+) written", written)[1])  # type: ignore[index]
    for cold, offline in ((built_sites().hosted, False), (built_sites().offline, True)):
        rendered, kept, kind = site_build(project, offline=offline)
        assert kind == "incremental" and kept > rendered
        assert rendered <= changed + 3  # the home page and the tags index draw on other pages
        assert_same_site(cold, project / ("site-offline" if offline else "site"))

    # nothing changed: nothing but the pages that draw on others is rendered
    assert site_build(project)[:2] == (2, rendered + kept - 2)

    # an article deleted: its page goes, the rest follows it, as in a cold build of that content
    (project / "content" / "articles" / articles[1].name).unlink()
    run(["-m", "timeline", "build"], project)
    assert site_build(project)[2] == "incremental"
    other = make_project(tmp_path / "cold", project / "content")
    run(["-m", "timeline", "build"], other)
    assert_same_site(build(other), project / "site")


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
