"""Hostile articles: HTML, scripts, javascript: links and Markdown syntax in titles, text and metadata.

Each page is rendered with the site's Markdown extensions and inspected as HTML: no element, attribute
or link may come from the article. Exports are checked in the way each format is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re

import pytest
import yaml

from timeline.anchoring.model import Evidence, PublicationEstimate
from timeline.config import Settings
from timeline.core.problems import Problems
from timeline.core.results import ArticleResult, Event, Timeline
from timeline.render import render_site
from timeline.render.layout import safe_slug
from timeline.render.text import md, safe_url
from timeline.temporal.values import AnchorKind, DateValue

from ..render_helpers import article, chronology, inspect_html, member, timex_of, to_html

MARK = "PWNED"
HOSTILE_TITLE = (
    f'</title><script>alert("{MARK}")</script> <img src=x onerror=alert("{MARK}")> '
    f"[click](javascript:alert('{MARK}')) **bold** {{ #evil .x onclick=alert('{MARK}') }} | a | b | "
    f"<!-- --> ]]> `code` \"quotes\" 'single' & &amp; \\ ---"
)
HOSTILE_TEXT = f"""{HOSTILE_TITLE}
On March 22 <script>alert("{MARK}")</script> troops moved. <a href="javascript:alert('{MARK}')">link</a>

# Not a heading {{ #2022-03-22 }}
[x](javascript:alert("{MARK}")) ![img](https://evil.example/{MARK}.png) <iframe src="https://evil.example/{MARK}"></iframe>
=HYPERLINK("https://evil.example/{MARK}") On March 23 the <style>body{{background:url(https://evil.example/{MARK})}}
</style> end.
<svg onload=alert("{MARK}")></svg> ;,\\ BEGIN:VEVENT
END:VCALENDAR
"""


def hostile_timeline(
    url: str | None = f"javascript:alert('{MARK}')", slug: str = "../../evil index"
) -> Timeline:
    a = article(slug, HOSTILE_TITLE, HOSTILE_TEXT, source=f"<b onmouseover=alert('{MARK}')>Src</b>", url=url,
                tags=[f"<script>{MARK}</script>", "*tag*"])  # fmt: skip
    t = [
        timex_of(a, "March 22", DateValue.day(dt.date(2022, 3, 22)), anchor=AnchorKind.PUBLICATION,
                 notes=[f'"><script>alert("{MARK}")</script>']),
        timex_of(a, "March 23", DateValue.day(dt.date(2022, 3, 23)), anchor=AnchorKind.PUBLICATION),
    ]  # fmt: skip
    pub = PublicationEstimate(
        dt.date(2022, 3, 24),
        dt.date(2022, 3, 23),
        dt.date(2022, 3, 25),
        "inferred",
        0.4,
        [Evidence(HOSTILE_TITLE, 0, 10, f"<img src=x onerror=alert('{MARK}')>")],
    )
    members = [member(a, t, 0), member(a, t, 1)]
    events = [
        Event(f"2022-03-22 <script>{MARK}", members[0].date, members[0].text + " " + HOSTILE_TITLE,
              [members[0]],
              conflicts=[members[1]]),
        Event("2022-03-23-b", members[1].date, members[1].text, [members[1]]),
    ]  # fmt: skip
    return Timeline([ArticleResult(a, pub, t, members)], events, chronology(), Problems())


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    return render_site(hostile_timeline(), Settings())


def pages(files: dict[str, str | bytes]) -> dict[str, str]:
    return {p: v for p, v in files.items() if p.endswith(".md") and isinstance(v, str)}


def assert_inert(html: str, where: str) -> None:
    found = inspect_html(html)
    for tag, attrs in found.tags:
        assert tag not in ("script", "iframe", "img", "style", "object", "embed"), (
            where,
            tag,
            attrs,
        )
        if tag == "svg":
            assert attrs.get("class") == "tl-chart", where  # only our chart
        for name, value in attrs.items():
            assert not name.startswith("on"), (where, tag, name)
            assert MARK not in value or name == "title", (where, tag, name, value)
            if name in ("href", "src"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (
                    where,
                    value,
                )
                assert "evil.example" not in value, (where, value)
    # the article's own headings and ids never appear: one h1 per page, ours
    assert not re.search(r'id="evil"', html), where


def test_every_page_renders_the_hostile_article_inertly(files):
    assert any(MARK in page for page in pages(files).values())  # the text IS shown, escaped
    for path, page in pages(files).items():
        assert_inert(to_html(page), path)


def test_front_matter_stays_valid_and_titles_are_escaped(files):
    for path, page in pages(files).items():
        if not page.startswith("---\n"):
            continue
        meta = yaml.safe_load(page[4 : page.index("\n---\n", 4)])
        assert set(meta) <= {"title", "tags"}, path
        assert "<" not in meta["title"] and ">" not in meta["title"], path  # MkDocs does not escape it
        assert "&lt;/title&gt;&lt;script&gt;" in meta["title"] or MARK not in meta["title"]


def test_article_text_marks_dates_but_not_article_markup(files):
    page = pages(files)["articles/evil-index.md"]
    html = to_html(page)
    marks = [a for tag, a in inspect_html(html).tags if "tl-date" in a.get("class", "")]
    assert [m["id"] for m in marks] == ["t0", "t1"]
    assert marks[0]["href"].endswith("#2022-03-22")
    assert "&lt;script&gt;alert(&quot;PWNED&quot;)&lt;/script&gt;" in html  # shown, as text


def test_slugs_are_safe_for_any_title():
    files = render_site(hostile_timeline(), Settings())
    for path in files:
        assert re.fullmatch(r"[a-z0-9.][a-z0-9/._-]*", path), path
        assert ".." not in path.split("/")
    assert safe_slug("../../etc/passwd") == "etc-passwd"
    assert safe_slug("index") == "index-page"  # would collide with articles/index.md
    assert safe_slug("") == "page" and safe_slug("Київ") == "page"


def test_unsafe_urls_are_never_linked():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JaVaScRiPt:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url("https://example.org/a b") is None
    assert safe_url("//example.org") is None
    assert safe_url("https://example.org/x?y=1#z") == "https://example.org/x?y=1#z"
    files = render_site(hostile_timeline(url='https://example.org/"><script>x</script>|'), Settings())
    page = files["articles/evil-index.md"]
    assert isinstance(page, str)
    html = to_html(page)
    links = [
        a["href"] for t, a in inspect_html(html).tags if t == "a" and a.get("href", "").startswith("http")
    ]
    assert links == ['https://example.org/"><script>x</script>|']  # one attribute, decoded intact


def test_markdown_escape_leaves_nothing_active():
    for raw in (
        "*a* _b_ `c` [d](e) ![f](g) <h> {: #i } # j | k | ~~l~~ \\m &amp; 1. n",
        "---",
        "===",
        "<b>x</b>",
    ):
        rendered = to_html(f"x {md(raw)}")
        assert rendered.startswith("<p>") and rendered.count("<") == 2  # one paragraph, nothing inside it
        assert html.unescape(rendered[3:-4]) == "x " + raw


def test_exports_carry_the_text_safely(files):
    data = json.loads(files["timeline.json"])  # type: ignore[arg-type]
    for event in data["events"]:
        for value in (event["text"]["headline"], event["text"]["text"]):
            assert_inert(value, "timeline.json")  # TimelineJS renders these as HTML
    rows = list(csv.reader(io.StringIO(files["events.csv"], newline="")))  # type: ignore[arg-type]
    assert all(len(r) == len(rows[0]) for r in rows)
    cells = [c for r in rows[1:] for c in r]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    ics = files["timeline.ics"]
    assert isinstance(ics, str)
    names = [
        line.split(":", 1)[0].split(";", 1)[0] for line in ics.split("\r\n")[:-1] if not line.startswith(" ")
    ]
    assert names.count("BEGIN") == 3 and names.count("END") == 3  # the article's BEGIN:VEVENT is text
    assert set(names) <= {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME", "UID", "DTSTAMP",
                          "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "CATEGORIES"}  # fmt: skip
    chron = json.loads(files["chronology.json"])  # type: ignore[arg-type]
    assert chron["articles"][0]["url"] is None  # the javascript: URL is not passed on


def test_an_article_without_title_gets_its_file_name():
    timeline = hostile_timeline()
    article = timeline.articles[0].article
    article.title = " \x00 \x1f "
    files = render_site(timeline, Settings())
    page = files["articles/evil-index.md"]
    assert isinstance(page, str)
    assert f"\n# {md(article.path)}\n" in page
    meta = yaml.safe_load(page[4 : page.index("\n---\n", 4)])
    assert meta["title"] == "articles/../../evil index.txt"
