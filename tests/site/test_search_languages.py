"""Site search finds Ukrainian and Russian words (issue 19): mkdocs.yml's search `lang` gives lunr the
Cyrillic word characters; without it every Cyrillic word is trimmed away. A site built from our two
articles, searched in chromium. Skips like tests/site/test_browser.py when chromium or playwright is missing.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT
from ..sitebuild import build, run

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DATA = Path(__file__).parents[1] / "data"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # the base class's name
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("search-languages")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("timeline"))
    (project / "content" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "chronology.yml", project / "content" / "chronology.yml")
    for name in ("article_uk.txt", "article_ru.txt"):
        shutil.copy(DATA / name, project / "content" / "articles" / name)
    run(["-m", "timeline", "build", "--today", "2026-12-04"], project)
    site = build(project)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (Debian: apt-get install chromium, or `make browser-deps`)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.mark.parametrize(
    ("word", "shown"),
    [
        ("вторгнення", "вторгнення"),  # Ukrainian: "Від початку повномасштабного вторгнення ..."
        ("Одессе", "Одесс"),  # Russian: "удар пришёлся по Одессе", "в Одессе повреждён порт"
        # no stemmer: another case form is found by typing the word's start ("минулого тижня",
        # "на прошлой неделе"), as the last word typed is also matched as a prefix
        ("тижн", "тижня"),
        ("недел", "неделе"),
    ],
)
def test_search_finds_a_cyrillic_word(browser: Any, site_url: str, word: str, shown: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + "index.html")
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    meta = "document.querySelector('.md-search-result__meta').textContent.startsWith('Type')"
    page.wait_for_function(f"() => {meta}", timeout=30000)  # the index is loaded ("Initializing" before)
    box = page.locator("input.md-search__input")
    box.press_sequentially(word, delay=50)
    # Cyrillic letters are inserted as text, without key events; Material searches on a key event
    box.press("End")
    page.wait_for_function(f"() => !{meta}", timeout=30000)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
    results = page.locator(".md-search-result").inner_text()
    assert "matching document" in results and shown in results
    assert errors == []
    page.close()
