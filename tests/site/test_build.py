"""Integration: `timeline build` on the bundled articles, then `mkdocs build --strict` (as `make site`)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT
from ..render_helpers import inspect_html
from ..sitebuild import DayBefore, build, built_sites, make_project, run, same_files

pytestmark = pytest.mark.slow


def read(path: Path) -> str:
    return path.read_text("utf-8")


def test_expected_pages_exist():
    site = built_sites().hosted
    for rel in (
        "index.html", "timeline/index.html", "timeline/months/2022-03.html", "timeline/articles/index.html",
        "timeline/tags/index.html", "timeline/tags/kherson.html", "timeline/tags/kyiv.html",
        "guide/adding-articles.html", "guide/downloads.html", "search/search_index.json",
        "timeline/timeline.json", "timeline/events.csv", "timeline/timeline.ics", "timeline/chronology.json",
        "assets/timeline.css", "assets/vendor/iframe-worker/shim.js",
    ):  # fmt: skip
        assert (site / rel).is_file(), rel
    articles = sorted((site / "timeline" / "articles").glob("*.html"))
    assert len(articles) == 6  # five bundled articles and the index
    assert not (site / "timeline" / ".home.html").exists()  # the embedded summary is not a page of its own


def test_home_page_embeds_the_generated_summary():
    home = read(built_sites().hosted / "index.html")
    assert re.search(r"<strong>5</strong> articles · <strong>\d+</strong> events", home)
    assert '<svg class="tl-chart"' in home and 'href="timeline/months/2022-03.html"' in home
    assert 'href="timeline/timeline.json"' in home and 'href="timeline/timeline.ics"' in home
    assert "--8&lt;--" not in home and "--8<--" not in home


def test_day_permalink_and_article_highlights():
    site = built_sites().hosted
    month = read(site / "timeline" / "months" / "2022-03.html")
    assert re.search(
        r'<h2 id="2022-03-22">Tuesday 22 March 2022<a class="headerlink" href="#2022-03-22"', month
    )
    kyiv_article = next(p for p in (site / "timeline" / "articles").glob("putin-humiliated*.html"))
    page = read(kyiv_article)
    marks = [a for t, a in inspect_html(page).tags if "tl-date" in a.get("class", "")]
    assert len(marks) >= 5
    assert any(a.get("href") == "../months/2022-03.html#2022-03-22" for a in marks)
    assert all(a.get("title") for a in marks)


def test_search_index_covers_generated_pages():
    index = read(built_sites().hosted / "search" / "search_index.json")
    assert '"location":"timeline/months/2022-03.html' in index
    assert "Kherson" in index


def test_search_index_keeps_titles_and_names_not_article_texts():
    """The browser loads the whole index before its first result: an article is found by its title,
    date and names; its text, the evidence of its date and the lists that repeat the month pages stay
    out (issue 18: 10 MB at 1,000 real articles)."""
    site = built_sites().hosted
    docs = json.loads(read(site / "search" / "search_index.json"))["docs"]
    page = "timeline/articles/putin-humiliated-with-invasion-in-tatters-as-ukraine-takes-b.html"
    entries = [d for d in docs if d["location"].split("#")[0] == page]
    assert [d["location"] for d in entries] == [page]  # the page's top: title and its facts
    assert entries[0]["title"].startswith("Putin humiliated with invasion in tatters")
    assert "Kyiv" in entries[0]["text"]  # the Names row
    body = "allowed them to reoccupy defensive positions"
    assert body in read(site / page)  # still on the page
    assert not any(body in d["text"] for d in docs)
    assert not any(d["location"].startswith("timeline/tags/kherson.html#") for d in docs)
    assert any(d["location"] == "timeline/tags/kherson.html" for d in docs)
    months = [d for d in docs if d["location"].startswith("timeline/months/")]
    assert any("Kherson" in d["text"] for d in months)  # the events' words
    assert "read as" in read(site / "timeline" / "months" / "2022-03.html")  # an event's sources ...
    assert not any("read as" in d["text"] or "Published this day" in d["text"] for d in months)  # ... not
    # labels and file names are shown, not searched (each would be on every entry)
    labels = ("exact day", "About this article", "Dates found", "articles/")
    shown = read(site / page) + read(site / "timeline" / "months" / "2022-03.html")
    assert all(word in shown.replace("&#47;", "/") for word in labels)
    generated = [d for d in docs if d["location"].startswith("timeline/")]
    assert not any(word in d["text"] for d in generated for word in labels)
    assert "Published" in entries[0]["text"]  # the date stays


def test_build_is_byte_identical_twice(tmp_path):
    first = built_sites().project
    second = make_project(tmp_path / "again")
    run(["-m", "timeline", "build"], second)
    same_files(first / "site_src" / "timeline", second / "site_src" / "timeline", least=20)
    same_files(built_sites().hosted, build(second))  # the published site too


def test_sites_after_an_incremental_build_equal_cold_ones(tmp_path):
    """A new article and an edited one through `timeline build` with a warm cache, then the no-op
    build: the hosted and the offline site equal the cold build of the same content (issue 18)."""
    day = DayBefore.make(tmp_path)
    run(["-m", "timeline", "build"], day.project)
    build(day.project)  # the site of the day before
    day.catch_up()
    run(["-m", "timeline", "build"], day.project)
    assert "nothing changed since the last build" in run(["-m", "timeline", "build"], day.project).stderr
    for cold, offline in ((built_sites().hosted, False), (built_sites().offline, True)):
        same_files(cold, build(day.project, offline=offline))


MARK = "PWNED"
HOSTILE = f"""---
title: '</title><script>alert("{MARK}")</script> [x](javascript:alert(1)) {{ #id onclick=alert(1) }}'
source: '<img src=x onerror=alert("{MARK}")>'
url: 'https://example.org/"><script>alert("{MARK}")</script>'
published: 2022-03-30
tags: ['<script>alert("{MARK}")</script>']
---
<script>alert("{MARK}")</script> On Tuesday, March 22, Kirby said <b onclick=alert("{MARK}")>this</b>
in Kherson.

--8<-- "../mkdocs.yml"
--8<-- "mkdocs.yml"

[link](javascript:alert("{MARK}")) <iframe src="https://evil.example/{MARK}"></iframe> ![x](https://evil.example/x.png)

# Heading {{ #2022-03-22 }}

=cmd|' /C calc'!A0 on March 25, 2022 the <style>*{{background:url(https://evil.example/{MARK})}}</style> end.
"""


def test_hostile_article_builds_inertly(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "articles" / "zz hostile <script>.md").write_text(HOSTILE, "utf-8")
    project = make_project(tmp_path / "project", content)
    run(["-m", "timeline", "build"], project)
    site = build(project)
    checked = 0
    for page in site.rglob("*.html"):
        found = inspect_html(read(page))
        for script in found.scripts:
            assert MARK not in script, page
        for tag, attrs in found.tags:
            for name, value in attrs.items():
                assert not (name.startswith("on") and MARK in value), (page, tag, name)
                if name in ("href", "src"):
                    assert not value.lower().startswith("javascript:"), (page, tag, value)
                    assert "evil.example" not in value, (page, tag, value)
            assert not (tag in ("iframe", "img", "style") and MARK in str(attrs)), (page, tag)
        checked += 1
    assert checked > 20
    # snippet lines in an article (pymdownx.snippets is on for the home page) include no file
    assert not [p for p in site.rglob("*.html") if "use_directory_urls" in read(p)]
    shown = [p for p in site.rglob("*.html") if "&lt;script&gt;alert" in read(p)]
    assert shown  # the article is published, its markup shown as text
    # exports: TimelineJS renders HTML (escaped there), calendar apps may (no angle brackets), CSV cells
    # that a spreadsheet would run are quoted; chronology.json is data (JSON-escaped, read by programs)
    assert "<script>" not in read(site / "timeline" / "timeline.json")
    # the decoded headline/text carries the markup as HTML-escaped text for TimelineJS to show
    assert "&lt;script&gt;" in json.dumps(json.loads(read(site / "timeline" / "timeline.json")))
    assert "<" not in read(site / "timeline" / "timeline.ics")
    csv_text = read(site / "timeline" / "events.csv")
    assert not re.search(r"(^|,)=cmd", csv_text, re.M)


def test_every_hand_written_page_is_in_the_nav():
    """Generated pages are reached by links; hand-written ones must be listed in mkdocs.yml's nav."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    listed: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            listed.add(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(config["nav"])
    docs = ROOT / "site_src"
    pages = {
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.md")
        if p.relative_to(docs).parts[0] != "timeline"
    }
    assert pages - listed == set(), "add these pages to nav in mkdocs.yml"
    generated = {p for p in listed if p.startswith("timeline/")}
    assert generated == {"timeline/index.md", "timeline/articles/index.md", "timeline/tags/index.md"}


def test_no_broken_internal_links_or_anchors():
    """Every relative link in the built site, Markdown-made or raw HTML (article text, chart), resolves:
    the file exists and, when there is a #fragment, an element with that id is on the target page."""
    from urllib.parse import unquote, urlsplit

    site = built_sites().hosted
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    for page in site.rglob("*.html"):
        found = inspect_html(read(page))
        ids[page.resolve()] = {a["id"] for _, a in found.tags if a.get("id")}
        if page.name != "404.html":  # MkDocs' 404 page links from the site root (/...), by design
            links += [(page, a["href"]) for tag, a in found.tags if tag == "a" and a.get("href")]
    broken = []
    checked = 0
    for page, href in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("mailto:"):
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
        if target.is_dir():
            target = target / "index.html"
        checked += 1
        if not target.exists() or (
            parts.fragment
            and target.suffix == ".html"
            and unquote(parts.fragment) not in ids.get(target, set())
        ):
            broken.append((str(page.relative_to(site)), href))
    assert checked > 500
    assert broken == [], "\n".join(f"{p}: {h}" for p, h in broken)
