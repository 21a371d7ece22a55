"""Compatibility smoke test: the same mkdocs.yml and site_src/ build with Zensical, Material's successor.

Skips when zensical is not installed (it is optional: `pip install zensical`).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from ..render_helpers import inspect_html
from ..sitebuild import built_sites, run

pytestmark = pytest.mark.slow


@pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None, reason="zensical is not installed (optional)"
)
def test_zensical_builds_the_same_sources(tmp_path: Path):
    source = built_sites().project  # after `timeline build`: the generated pages are in site_src/timeline
    project = tmp_path / "zensical"
    project.mkdir()
    shutil.copy(source / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(source / "site_src", project / "site_src")
    run(["-m", "zensical", "build", "-f", "mkdocs.yml", "--strict"], project)
    site = project / "site"
    home = (site / "index.html").read_text("utf-8")
    assert "<strong>5</strong> articles" in home and 'class="tl-chart"' in home  # the embedded summary
    month = (site / "timeline" / "months" / "2022-03.html").read_text("utf-8")
    assert '<h2 id="2022-03-22">' in month
    article = next((site / "timeline" / "articles").glob("putin-humiliated*.html")).read_text("utf-8")
    assert sum("tl-date" in a.get("class", "") for _, a in inspect_html(article).tags) >= 5
    for name in ("timeline.json", "events.csv", "timeline.ics", "chronology.json"):
        assert (site / "timeline" / name).is_file()
