"""The built site in a real browser: Debian's chromium driven by Playwright's Python package.

Both builds are opened: the offline one from file:// and the hosted one over a local HTTP server
on 127.0.0.1. Every request the pages make is recorded (and anything external is blocked and
reported); console errors fail the test. Screenshots go to test-artifacts/ (look at them).
Skips with a message when chromium or playwright is missing (`make browser-deps` installs chromium).
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT
from ..sitebuild import built_sites

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (Debian: apt-get install chromium, or `make browser-deps`)")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def hosted_url() -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built_sites().hosted))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(params=["offline", "hosted"])
def site(request: pytest.FixtureRequest, browser: Any) -> Iterator[Site]:
    if request.param == "offline":
        base = built_sites().offline.as_uri() + "/"
    else:
        base = request.getfixturevalue("hosted_url")
    visit = Site(browser, request.param, base)
    yield visit
    visit.close()
    visit.check()


def _local(url: str) -> bool:
    return url.startswith(("file://", "data:", "blob:", "about:")) or bool(
        re.match(r"^https?://127\.0\.0\.1(:\d+)?/", url)
    )


class Site:
    """One browser context on one build: records requests and console errors."""

    def __init__(self, browser: Any, mode: str, base: str, *, dark: bool = False) -> None:
        self.mode, self.base = mode, base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900},
                                           color_scheme="dark" if dark else "light")  # fmt: skip
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.route(re.compile(r"^(https?|wss?)://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, rel: str) -> Any:
        self.page.goto(self.base + rel, wait_until="load")
        return self.page

    def shot(self, name: str, *, full: bool = True) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{self.mode}-{name}.png"), full_page=full)

    def close(self) -> None:
        self.context.close()

    def check(self) -> None:
        assert self.requests, "no request was recorded"
        external = [u for u in self.requests if not _local(u)]
        assert external == [], f"requests to external hosts: {external}"
        assert self.errors == [], f"console errors: {self.errors}"


def in_viewport(page: Any, selector: str) -> bool:
    return bool(page.evaluate(
        """(sel) => { const el = document.getElementById(sel);
             if (!el) return false;
             const r = el.getBoundingClientRect();
             return r.top >= 0 && r.top < window.innerHeight / 2; }""",
        selector,
    ))  # fmt: skip


def test_home_renders(site: Site):
    page = site.open("index.html")
    assert "sourced chronology" in page.title()
    assert page.locator(".tl-stats").inner_text().startswith("5 articles")
    chart = page.locator("svg.tl-chart")
    assert chart.is_visible() and chart.bounding_box()["width"] > 600
    assert page.locator("svg.tl-chart a[href$='months/2022-03.html']").count() == 1
    site.shot("home")


def test_day_permalink_lands_on_its_section(site: Site):
    page = site.open("timeline/months/2022-03.html#2022-03-22")
    heading = page.locator("h2[id='2022-03-22']")
    assert heading.inner_text().startswith("Tuesday 22 March 2022")
    page.wait_for_function("() => document.getElementById('2022-03-22').getBoundingClientRect().top >= 0")
    assert in_viewport(page, "2022-03-22")
    site.shot("month-permalink", full=False)


def test_search_finds_kherson(site: Site):
    page = site.open("index.html")
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(
        "Kherson", delay=20
    )  # Material reads key events
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15000)
    assert results.count() >= 1
    assert "Kherson" in page.locator(".md-search-result").inner_text()
    site.shot("search", full=False)


def test_article_page_highlights_its_dates(site: Site):
    page = site.open("timeline/articles/index.html")
    page.locator("article a[href*='putin-humiliated']").first.click()
    page.wait_for_load_state("load")
    dates = page.locator(".tl-date")
    assert dates.count() >= 5
    first = page.locator("a.tl-date[href$='#2022-03-22']").first
    title = first.get_attribute("title") or ""
    assert title.startswith("2022-03-22") and "—" in title
    first.hover()
    site.shot("article")
    first.click()
    page.wait_for_url(re.compile(r"months/2022-03\.html#2022-03-22$"))
    page.wait_for_function("() => document.getElementById('2022-03-22').getBoundingClientRect().top >= 0")
    assert in_viewport(page, "2022-03-22")


def test_dark_palette_screenshots(browser: Any):
    visit = Site(browser, "offline-dark", built_sites().offline.as_uri() + "/", dark=True)
    try:
        for rel, name in (("index.html", "home"), ("timeline/months/2022-03.html", "month")):
            page = visit.open(rel)
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
            visit.shot(name)
        # chart bars take the accent colour in the dark palette (readable on the dark background)
        visit.open("index.html")
        fill = visit.page.evaluate(
            "getComputedStyle(document.querySelector('svg.tl-chart .tl-chart-bar')).fill"
        )
        assert fill not in ("", "none", "rgb(0, 0, 0)")
    finally:
        visit.close()
    visit.check()
