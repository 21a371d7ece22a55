"""timeline.json in the real TimelineJS (3.9.11, from npm) in headless Chromium: it must render
slides, not TimelineJS' error banner ("All eras must have start and end dates" stopped it once).

`make browser-deps` fetches TimelineJS with npm into TIMELINEJS_DIR (default
~/.cache/news-timeline/timelinejs-3.9.11); without it, or without chromium and playwright, the
tests skip with a message saying so. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from timeline.config import Settings
from timeline.render import render_site
from timeline.temporal.values import DateValue

from ..conftest import ROOT
from ..render_helpers import sample_timeline
from ..sitebuild import built_sites

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMELINEJS = Path(os.environ.get("TIMELINEJS_DIR", Path.home() / ".cache/news-timeline/timelinejs-3.9.11"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (`make browser-deps`)")
    if not (TIMELINEJS / "dist/js/timeline.js").exists():
        pytest.skip(f"TimelineJS is not in {TIMELINEJS} (`make browser-deps` fetches it with npm)")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield instance
        instance.close()


def show(browser: Any, data: str, tmp_path: Path, name: str) -> tuple[int, list[str], list[str]]:
    """Load ``data`` (timeline.json's text) into TimelineJS as its embed does; the number of
    slides, the texts of TimelineJS' message banner, and the page's errors."""
    dist = TIMELINEJS / "dist"
    page = tmp_path / "index.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{(dist / "css/timeline.css").as_uri()}">'
        f'<script src="{(dist / "js/timeline.js").as_uri()}"></script></head><body>'
        '<div id="tl" style="width: 1000px; height: 600px"></div>'
        # font: null keeps TimelineJS from fetching its web font from a CDN
        f'<script>window.tl = new TL.Timeline("tl", {data}, {{font: null}});</script>'
        "</body></html>",
        "utf-8",
    )
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    tab.goto(page.as_uri())
    tab.wait_for_selector(".tl-slide, .tl-message-content", state="attached", timeout=15000)
    tab.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"timelinejs-{name}.png"))
    slides = tab.locator(".tl-slide").count()
    banner = [t for t in tab.locator(".tl-message-content").all_inner_texts() if t.strip()]
    tab.close()
    return slides, banner, errors


def test_bundled_sites_export_renders_in_timelinejs(browser: Any, tmp_path: Path):
    data = (built_sites().project / "site_src/timeline/timeline.json").read_text("utf-8")
    slides, banner, errors = show(browser, data, tmp_path, "bundled")
    assert banner == [] and errors == []
    assert slides == len(json.loads(data)["events"]) + 1  # the title slide, then one per event


def test_a_large_timeline_exports_its_highlights_and_renders(browser: Any, tmp_path: Path):
    # 1,200 events over a year: TimelineJS gets the 300 best-ranked, and shows them
    timeline = sample_timeline()
    base = timeline.events[0]
    timeline.events = [
        dataclasses.replace(
            base,
            id=f"e{n}",
            date=DateValue.day(dt.date(2022, 3, 1) + dt.timedelta(days=n % 365)),
            score=float(n % 97),
        )
        for n in range(1200)
    ]
    files = render_site(timeline, Settings(timelinejs_events=300))
    data = files["timeline.json"]
    assert isinstance(data, str)
    assert len(json.loads(data)["events"]) == 300
    slides, banner, errors = show(browser, data, tmp_path, "1200-events")
    assert banner == [] and errors == []
    assert slides == 301
