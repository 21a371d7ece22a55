"""Hand-built Timelines for renderer tests (rendering is pure: no pipeline needed)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import markdown

from timeline.anchoring.model import Evidence, PublicationEstimate
from timeline.content import Article
from timeline.core.chronology import Chronology, KeyEvent, Phase
from timeline.core.problems import Problems
from timeline.core.results import ArticleEvent, ArticleResult, Event, Timeline
from timeline.temporal.values import AnchorKind, DateValue, DurationValue, Timex, TimexType

INVASION = dt.date(2022, 2, 24)


def chronology() -> Chronology:
    return Chronology(
        anchors={"default": INVASION, "the war": INVASION},
        events=[KeyEvent("invasion", DateValue.day(INVASION), "Russia launches its full-scale invasion")],
        phases=[
            Phase("prelude", "Prelude", dt.date(2014, 2, 20), dt.date(2022, 2, 23)),
            Phase("invasion-kyiv", "Invasion and the battle for Kyiv", INVASION, dt.date(2022, 4, 17)),
            Phase("donbas", "Battle of Donbas", dt.date(2022, 4, 18), None),
        ],
        window=(dt.date(2014, 1, 1), dt.date(2025, 12, 31)),
    )


def article(
    slug: str,
    title: str,
    text: str,
    *,
    source: str | None = "Example News",
    url: str | None = "https://example.org/a",
    published: dt.date | None = None,
    tags: list[str] | None = None,
) -> Article:
    """``text``'s first line is the title line; the body starts after it."""
    body_start = text.index("\n") + 1 if "\n" in text else len(text)
    return Article(
        path=f"articles/{slug}.txt", slug=slug, text=text, body=text, title=title, body_start=body_start,
        source=source, url=url, published=published, tags=tags or [],
    )  # fmt: skip


def timex_of(
    a: Article,
    words: str,
    value: DateValue | DurationValue | None,
    *,
    notes: list[str] | None = None,
    anchor: AnchorKind = AnchorKind.NONE,
    kind: TimexType = TimexType.DATE,
    nth: int = 0,
) -> Timex:
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(words, start + 1)
    return Timex(start, start + len(words), words, kind, "test-rule", anchor, value, notes=notes or [])


def member(a: Article, timexes: list[Timex], index: int) -> ArticleEvent:
    t = timexes[index]
    sentence_start = a.text.rfind("\n", 0, t.start) + 1
    sentence_end = a.text.find("\n", t.end)
    sentence_end = len(a.text) if sentence_end < 0 else sentence_end
    assert isinstance(t.value, DateValue)
    return ArticleEvent(
        a.slug, t.value, a.text[sentence_start:sentence_end], sentence_start, sentence_end, index
    )


KIRBY = """Ukraine takes back city east of Kyiv
On Tuesday, March 22, Pentagon spokesperson John Kirby said the Ukrainians are on the offensive near Kherson.
The Kremlin announced yesterday that it plans to withdraw troops from the Kyiv region.
The fighting has gone on for five weeks, since the invasion began on February 24.
Last week, a Russian-occupied airfield in the region was pictured with smoke.
"""

BRIEFING = """PUTIN CUTS HIS LOSSES: focus is now on Donbas
In a briefing on March 25, General Sergei Rudskoy said the first stage was complete.
Zelenskiy said on March 23 that Kirby was right about the counterattack near Kherson.
"""


def sample_timeline() -> Timeline:
    """Two articles, one given and one inferred publication date, five events, one conflict."""
    a = article("kirby", "Ukraine takes back city east of Kyiv", KIRBY, url="https://example.org/kirby")
    t_a = [
        timex_of(
            a,
            "Tuesday, March 22",
            DateValue.day(dt.date(2022, 3, 22)),
            notes=["year from the publication date"],
            anchor=AnchorKind.PUBLICATION,
        ),
        timex_of(a, "yesterday", DateValue.day(dt.date(2022, 3, 29)), anchor=AnchorKind.PUBLICATION),
        timex_of(a, "five weeks", DurationValue(5, "W"), kind=TimexType.DURATION),
        timex_of(a, "February 24", DateValue.day(INVASION), anchor=AnchorKind.PUBLICATION),
        timex_of(a, "Last week", DateValue.week(dt.date(2022, 3, 23)), anchor=AnchorKind.PUBLICATION),
    ]
    pub_a = PublicationEstimate(
        dt.date(2022, 3, 30), dt.date(2022, 3, 29), dt.date(2022, 3, 31), "inferred", 0.62,
        [Evidence("five weeks", t_a[2].start, t_a[2].end,
                  "'five weeks' into the war puts the article around 30 March 2022")],
    )  # fmt: skip
    b = article(
        "briefing",
        "PUTIN CUTS HIS LOSSES: focus is now on Donbas",
        BRIEFING,
        published=dt.date(2022, 3, 26),
        source="Daily Example",
        url="https://example.com/briefing",
    )
    t_b = [
        timex_of(b, "March 25", DateValue.day(dt.date(2022, 3, 25)), anchor=AnchorKind.PUBLICATION),
        timex_of(b, "March 23", DateValue.day(dt.date(2022, 3, 23)), anchor=AnchorKind.PUBLICATION),
    ]
    pub_b = PublicationEstimate(
        dt.date(2022, 3, 26), dt.date(2022, 3, 26), dt.date(2022, 3, 26), "metadata", 1.0
    )
    ev_a = [member(a, t_a, 0), member(a, t_a, 1), member(a, t_a, 3), member(a, t_a, 4)]
    ev_b = [member(b, t_b, 0), member(b, t_b, 1)]
    events = [
        Event("2022-03-22-kirby", ev_a[0].date, ev_a[0].text, [ev_a[0]], conflicts=[ev_b[1]], score=3.0),
        Event("2022-03-29-withdraw", ev_a[1].date, ev_a[1].text, [ev_a[1]], score=2.0),
        Event("2022-02-24-invasion", ev_a[2].date, ev_a[2].text, [ev_a[2]], score=5.0, anchors=["invasion"]),
        Event("2022-w11-airfield", ev_a[3].date, ev_a[3].text, [ev_a[3]], score=0.5),
        Event("2022-03-25-rudskoy", ev_b[0].date, ev_b[0].text, [ev_b[0]], score=1.0),
    ]
    results = [ArticleResult(a, pub_a, t_a, ev_a), ArticleResult(b, pub_b, t_b, ev_b)]
    return Timeline(results, events, chronology(), Problems())


# ---- rendering Markdown as the site does, and inspecting the HTML --------------------

EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details"]


def to_html(page: str) -> str:
    """A generated page's Markdown (front matter removed) rendered with the site's extensions."""
    if page.startswith("---\n"):
        page = page[page.index("\n---\n", 4) + 5 :]
    return markdown.markdown(page, extensions=EXTENSIONS)


class Inspector(HTMLParser):
    """Collects tags with their attributes, and script contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def inspect_html(html: str) -> Inspector:
    parser = Inspector()
    parser.feed(html)
    parser.close()
    return parser
