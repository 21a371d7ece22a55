"""The renderer on hand-built Timelines: pages, links, anchors, splitting, exports, determinism."""

from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import io
import json
import random
import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from timeline.config import Settings
from timeline.core.results import ArticleEvent, Event, Timeline
from timeline.render import render_site
from timeline.render.dates import day_long, describe, precision
from timeline.render.layout import highlights
from timeline.render.pages import articles as article_pages
from timeline.render.pages import tags as tag_pages
from timeline.temporal.values import DateValue, Mod

from ..render_helpers import inspect_html, sample_timeline, to_html

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    return render_site(sample_timeline(), Settings())


def text(files: dict[str, str | bytes], path: str) -> str:
    value = files[path]
    assert isinstance(value, str)
    return value


def test_pages_and_exports_exist(files):
    expected = {
        ".home.md", "index.md", "months/2022-02.md", "months/2022-03.md", "articles/index.md",
        "articles/kirby.md", "articles/briefing.md", "phases/invasion-kyiv.md", "phases/prelude.md",
        "phases/donbas.md", "tags/index.md", "tags/kherson.md", "tags/zelensky.md",
        "timeline.json", "events.csv", "timeline.ics", "chronology.json",
    }  # fmt: skip
    assert expected <= set(files)


def test_day_sections_have_stable_anchor_and_readable_heading(files):
    page = text(files, "months/2022-03.md")
    assert "## Tuesday 22 March 2022 { #2022-03-22 }" in page
    html = to_html(page)
    assert '<h2 id="2022-03-22">Tuesday 22 March 2022</h2>' in html
    # days in order, a week's section after the days it contains (21-27 March)
    order = [m.group(1) for m in re.finditer(r'<h2 id="([^"]+)"', html)]
    assert order == ["2022-03-22", "2022-03-25", "2022-03-26", "2022-w12", "2022-03-29", "2022-03-30"]


def test_articles_are_listed_on_their_publication_day(files):
    html = to_html(text(files, "months/2022-03.md"))
    given = html[html.index('id="2022-03-26"') : html.index('id="2022-03-29"')]
    assert "Published this day" in given and 'href="../articles/briefing.md"' in given and "(given)" in given
    inferred = html[html.index('id="2022-03-30"') :]
    assert 'href="../articles/kirby.md"' in inferred and "inferred" in inferred
    assert "2 articles published" in html


def test_event_shows_sentence_badge_expression_and_sources(files):
    html = to_html(text(files, "months/2022-03.md"))
    block = html[html.index('id="ev-2022-03-22-kirby"') :]
    block = block[: block.index('id="ev-2022-03-25')]
    assert "Pentagon spokesperson John Kirby said" in block
    assert 'class="tl-badge tl-badge-day"' in block and "exact day" in block
    assert "“Tuesday, March 22”" in block  # the words the date came from
    assert 'href="../articles/kirby.md#t0"' in block  # the source article, at those words
    # the conflict: the other article dates the same report a day later
    assert "The sources disagree on the date" in block
    assert 'href="../articles/briefing.md#t1"' in block and "23 March 2022" in block


def test_precision_badges():
    assert precision(DateValue.day(dt.date(2022, 3, 22))) == "day"
    assert precision(DateValue.day(dt.date(2022, 3, 22), Mod.APPROX)) == "about"
    assert precision(DateValue.week(dt.date(2022, 3, 22))) == "week"
    assert precision(DateValue.month(2022, 3)) == "month"
    assert precision(DateValue.year(2022)) == "period"
    assert describe(DateValue.month(2022, 3, Mod.START)) == "early March 2022"
    assert describe(DateValue.week(dt.date(2022, 3, 23))) == "week of 21 March 2022"
    assert day_long(dt.date(2022, 3, 22)) == "Tuesday 22 March 2022"


def test_article_page_highlights_dates_with_value_reason_and_day_link(files):
    html = to_html(text(files, "articles/kirby.md"))
    marks = [attrs for tag, attrs in inspect_html(html).tags if "tl-date" in attrs.get("class", "")]
    assert len(marks) == 5
    first = marks[0]
    assert first["id"] == "t0"
    assert first["href"] == "../months/2022-03.html#2022-03-22"
    assert first["title"].startswith("2022-03-22") and "year from the publication date" in first["title"]
    week = next(m for m in marks if m["id"] == "t4")
    assert week["href"] == "../months/2022-03.html#2022-w12"
    duration = next(m for m in marks if m["id"] == "t2")
    assert "href" not in duration and duration["title"].startswith("P5W")


def test_article_page_explains_inferred_and_given_publication_dates(files):
    inferred = to_html(text(files, "articles/kirby.md"))
    assert "most likely published around <strong>30 March 2022</strong>" in inferred
    assert "between 29 March 2022 and 31 March 2022" in inferred and "0.62" in inferred
    assert "five weeks" in inferred and "puts the article around 30 March 2022" in inferred
    given = to_html(text(files, "articles/briefing.md"))
    assert "<strong>26 March 2022</strong>, as given in the article" in given
    assert 'href="https://example.com/briefing"' in given


def test_gazetteer_tags_on_pages(files):
    # an article names its people and places in its Names row, each linked to the name's page
    briefing = text(files, "articles/briefing.md")
    names = next(line for line in briefing.splitlines() if line.startswith("| Names |"))
    for name, page in [("Volodymyr Zelensky", "zelensky"), ("John Kirby", "kirby"), ("Kherson", "kherson")]:
        assert f"[{name}](../tags/{page}.md)" in names  # Zelenskiy in the text
    assert "Sergei Rudskoy" in names
    # not as front-matter tags: Material's list of pages by tag would name every article page
    assert "tags" not in yaml.safe_load(briefing.split("---\n")[1])
    # month pages carry them
    assert "Kherson" in yaml.safe_load(text(files, "months/2022-03.md").split("---\n")[1])["tags"]
    tag_page = to_html(text(files, "tags/kherson.md"))
    assert "../months/2022-03.md#ev-2022-03-22-kirby" in tag_page
    assert "<!-- material/tags -->" in text(files, "tags/index.md")


def test_home_summary_counts_chart_key_events_and_downloads(files):
    home = text(files, ".home.md")
    assert "<strong>2</strong> articles · <strong>5</strong> events" in home
    assert "from <strong>24 February 2022</strong> to <strong>29 March 2022</strong>" in home
    for name in ("timeline.json", "events.csv", "timeline.ics", "chronology.json"):
        assert f"](timeline/{name})" in home  # relative to site_src/index.md, which embeds it
    assert "## Key events" in home and "timeline/months/2022-03.md#ev-2022-03-22-kirby" in home
    assert "[Invasion and the battle for Kyiv](timeline/phases/invasion-kyiv.md)" in home


def test_chart_is_valid_svg_with_month_links_and_text_alternative(files):
    home = text(files, ".home.md")
    svg = re.search(r"<svg.*?</svg>", home, re.S)
    assert svg
    root = ET.fromstring(svg.group())
    assert root.get("role") == "img" and root.find(f"{SVG}title") is not None
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "5 events" in (desc.text or "")
    links = {a.get("href") for a in root.iter(f"{SVG}a")}
    assert "timeline/months/2022-03.html" in links and "timeline/months/2022-02.html" in links
    assert "timeline/phases/invasion-kyiv.html" in links
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "tl-chart-bar"]
    assert len(bars) == 3  # weeks of 21 February, 21 March (three events) and 28 March
    assert "fill=" not in svg.group()  # colours come from CSS (light and dark palettes)
    assert "| [March 2022](timeline/months/2022-03.md) | 4 |" in home  # the table alternative


def test_month_pages_split_above_the_limit_without_splitting_days():
    timeline = sample_timeline()
    base = timeline.events[0]
    extra = []
    for n in range(7):
        day = dt.date(2022, 3, 1 + n // 2)  # two events a day, 1-4 March
        m = dataclasses.replace(base.members[0], date=DateValue.day(day))
        extra.append(Event(f"2022-03-0{day.day}-x{n}", m.date, f"Event number {n}.", [m]))
    timeline.events += extra
    files = render_site(timeline, Settings(month_page_limit=4))
    parts = sorted(p for p in files if p.startswith("months/2022-03"))
    # the first page is the month, later ones are named by the day they start on
    assert parts == ["months/2022-03-03.md", "months/2022-03-22.md", "months/2022-03.md"]
    sections = {p: re.findall(r"\{ #([0-9w-]+) \}", text(files, p)) for p in parts}
    seen = [s for p in parts for s in sections[p]]
    assert len(seen) == len(set(seen))  # no day spans two pages here
    assert all(len(re.findall(r'class="tl-event"', text(files, p))) <= 4 for p in parts)
    # each page is labelled by the days it covers, and no label repeats
    pager = re.search(r"^Pages of March 2022: (.*)$", text(files, "months/2022-03.md"), re.M)
    assert pager
    labels = re.findall(r"\*\*([^*]+)\*\*|\[([^\]]+)\]", pager.group(1))
    names = [bold or linked for bold, linked in labels]
    assert names[0] == "1–2" and len(names) == 3 and len(set(names)) == 3
    assert text(files, "months/2022-03.md").startswith('---\ntitle: "March 2022: 1\\u20132 March"')
    # article links go to the part that holds the day
    article = text(files, "articles/kirby.md")
    target = next(p for p in parts if "2022-03-22" in sections[p])
    assert f"../{target[:-3]}.html#2022-03-22" in article


def sample_with(date: DateValue, words: str, count: int) -> Timeline:
    """The sample timeline and ``count`` more events on ``date``: "{words} 0" scoring 0, "{words} 1"
    scoring 1, and so on."""
    timeline = sample_timeline()
    member = dataclasses.replace(timeline.events[0].members[0], date=date)
    timeline.events += [
        Event(f"{date.earliest}-{words[:6].lower()}{n}", date, f"{words} {n}.", [member], score=float(n))
        for n in range(count)
    ]
    return timeline


def test_a_day_too_busy_for_one_page_gets_numbered_pages_by_rank():
    timeline = sample_with(DateValue.day(dt.date(2022, 3, 14)), "Report number", 9)
    files = render_site(timeline, Settings(month_page_limit=4))
    pages = {p: text(files, p) for p in files if p.startswith("months/2022-03")}
    holding = sorted((p for p, page in pages.items() if "{ #2022-03-14 }" in page), key=lambda p: (len(p), p))
    titles = [re.search(r"^# (.*)$", pages[p], re.M).group(1) for p in holding]  # type: ignore[union-attr]
    assert titles == [f"March 2022: 14 March ({k} of 3)" for k in (1, 2, 3)]
    assert "**14 (1/3)** · [14 (2/3)](" in pages[holding[0]]  # the month's list of pages, short
    days = [pages[p].split("{ #2022-03-14 }")[1] for p in holding]  # after the key events list
    ranks = [[int(n) for n in re.findall(r"Report number (\d)", day)] for day in days]
    assert ranks == [[8, 7, 6, 5], [4, 3, 2, 1], [0]]  # the best on the first page
    assert "(continued)" in pages[holding[1]] and "(continued)" not in pages[holding[0]]
    assert pages[holding[1]].index("<details") < pages[holding[1]].index("Report number 4")


def test_busy_day_stays_on_one_page_best_first_and_vague_mentions_come_last_collapsed():
    timeline = sample_with(DateValue.day(dt.date(2022, 3, 14)), "Report number", 9)
    base = timeline.events[0]
    spring = DateValue.season_of(2022, "SP")
    vague = Event("2022-sp-weather", spring, "Cafes reopened in the spring weather.",
                  [dataclasses.replace(base.members[0], date=spring)], score=50.0)  # fmt: skip
    timeline.events.append(vague)
    files = render_site(timeline, Settings(month_page_limit=10))
    pages = {p: text(files, p) for p in files if p.startswith("months/2022-03")}
    holding = [p for p, page in pages.items() if "{ #2022-03-14 }" in page]
    assert len(holding) == 1  # nine events, limit ten: the day is not cut
    day = pages[holding[0]].split("{ #2022-03-14 }")[1].split("\n## ")[0]
    shown, collapsed = day.split("<details")
    # best-ranked first, five open, four more collapsed under a summary that says so
    assert [int(n) for n in re.findall(r"Report number (\d)", shown)] == [8, 7, 6, 5, 4]
    assert "<summary>4 more reports of Monday 14 March 2022</summary>" in collapsed
    assert sorted(int(n) for n in re.findall(r"Report number (\d)", collapsed)) == [0, 1, 2, 3]
    # a day is searched by the events shown open: the collapsed ones stay out of the search index
    assert collapsed.startswith(' class="note" markdown="1" data-search-exclude>')
    # the spring mention, though it scores highest, is on no day: at the end of the month's last
    # page, collapsed, and every page links to it
    last = next(p for p in pages if "Also mentioned in March 2022" in pages[p])
    body = pages[last]
    assert body.index("Also mentioned in March 2022") > body.rindex("{ #2022-03-")
    assert body.index("<details", body.index("Also mentioned")) < body.index("Cafes reopened")
    assert "## Also mentioned in March 2022 { #also-2022-03 data-search-exclude }" in body  # not searched
    assert all("vaguely dated mention" in page for page in pages.values())
    assert sum("Cafes reopened" in page for page in pages.values()) == 1
    # the first page opens with the month's key events, the best-ranked first among them
    first = pages["months/2022-03.md"]
    key = first.split("## Key events of March 2022")[1].split("\n## ")[0]
    assert "Report number 8" in key and "Cafes reopened" not in key


def test_phase_page_lists_its_most_reported_events_before_the_reference_dates(files):
    page = text(files, "phases/invasion-kyiv.md")
    reported = page.split("## Most reported")[1].split("\n## ")[0]
    # the phase's events (24 February to 17 April), best-ranked, linked to their month sections
    assert "../months/2022-03.md#ev-2022-03-22-kirby" in reported
    assert "../months/2022-02.md#ev-2022-02-24-invasion" in reported
    assert page.index("## Most reported") < page.index("## Key events of the chronology")
    assert "## Most reported" not in text(files, "phases/prelude.md")  # no article event there


def test_month_page_tags_are_its_ten_most_mentioned_names():
    timeline = sample_timeline()
    base = timeline.events[0]
    places = ["Kharkiv", "Odesa", "Lviv", "Mariupol", "Kherson", "Mykolaiv", "Dnipro", "Bucha",
              "Irpin", "Chernihiv", "Sumy", "Zaporizhzhia"]  # fmt: skip
    day = DateValue.day(dt.date(2022, 3, 10))
    member = dataclasses.replace(base.members[0], date=day)
    timeline.events += [Event("2022-03-10-all", day, f"Shelling hit {', '.join(places)}.", [member])]
    timeline.events += [
        Event(f"2022-03-10-kyiv{n}", day, f"Sirens sounded in Kyiv and Sumy, report {n}.", [member])
        for n in range(3)
    ]
    files = render_site(timeline, Settings())
    tags = yaml.safe_load(text(files, "months/2022-03.md").split("---\n")[1])["tags"]
    assert len(tags) == 10 and {"Kyiv", "Sumy"} <= set(tags)


def test_highlights_take_one_event_a_day_while_other_days_have_some():
    base = sample_timeline().events[0]
    day = lambda d, n, score: dataclasses.replace(  # noqa: E731
        base, id=f"{d}-{n}", date=DateValue.day(dt.date(2022, 2, d)), score=score
    )
    invasion = [day(24, n, 10.0 - n) for n in range(5)]  # the busiest day's five reports
    quieter = [day(25, 0, 2.0), day(26, 0, 1.0)]
    assert [e.id for e in highlights(invasion + quieter, 3)] == ["24-0", "25-0", "26-0"]
    # no more days: the rest by rank, in date order
    assert [e.id for e in highlights(invasion + quieter, 5)] == ["24-0", "24-1", "24-2", "25-0", "26-0"]
    assert [e.id for e in highlights(invasion, 2, per_day=3)] == ["24-0", "24-1"]


def test_a_week_follows_the_days_it_spans_on_a_month_page():
    """ "Last week, a Russian-occupied airfield burned" is less precise than the days of that week:
    its section comes after them, never above a day's precisely dated news."""
    timeline = sample_timeline()
    base = timeline.events[0]
    member = base.members[0]
    monday, sunday = dt.date(2022, 3, 14), dt.date(2022, 3, 20)
    week = DateValue.week(monday)
    timeline.events += [
        Event("w", week, "Last week, an airfield in the region burned for two days.", [member]),
        Event("mon", DateValue.day(monday), "Shelling hit the centre of Kharkiv on Monday.", [member]),
        Event("sun", DateValue.day(sunday), "Sirens sounded in Lviv on Sunday night.", [member]),
    ]
    page = text(render_site(timeline, Settings()), "months/2022-03.md")
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    titles = [h for h in headings if "14 March" in h or "20 March" in h]
    assert [t.split(" {")[0] for t in titles] == [
        "## Monday 14 March 2022",
        "## Sunday 20 March 2022",
        "## Week of Monday 14 March 2022",
    ]


def test_a_month_or_a_season_is_never_a_key_event():
    """ "Those regions were attacked ... in February 2022" ranks among the few events of a small
    corpus, yet it is the news of no day: the key events are dated to a day or a week."""
    base = sample_timeline().events[0]
    february = dataclasses.replace(base, id="feb", date=DateValue.month(2022, 2), score=50.0)
    spring = dataclasses.replace(base, id="spring", date=DateValue.season_of(2022, "SP"), score=40.0)
    week = dataclasses.replace(base, id="week", date=DateValue.week(dt.date(2022, 3, 14)), score=3.0)
    strike = dataclasses.replace(base, id="day", date=DateValue.day(dt.date(2022, 3, 22)), score=2.0)
    assert [e.id for e in highlights([february, spring, week, strike], 4)] == ["week", "day"]


def test_many_vague_mentions_get_pages_of_their_own_best_first():
    timeline = sample_with(DateValue.month(2022, 3), "Background remark", 7)
    files = render_site(timeline, Settings(month_page_limit=4))
    first = text(files, "months/2022-03.md")
    also = [text(files, "months/2022-03-also.md"), text(files, "months/2022-03-also-2.md")]
    assert "[7 vaguely dated mentions](2022-03-also.md#also-2022-03)" in first
    assert "Background remark" not in first
    ranks = [[int(n) for n in re.findall(r"Background remark (\d)", page)] for page in also]
    assert ranks == [[6, 5, 4, 3], [2, 1, 0]]
    assert also[0].startswith('---\ntitle: "March 2022: also mentioned (1 of 2)"')
    assert "<details" not in also[0]  # a page of their own: shown, not collapsed
    assert "4 vaguely dated events from 1 article" in also[0]


def test_a_large_article_index_lists_months_each_with_its_page(monkeypatch):
    one_page = text(render_site(sample_timeline(), Settings()), "articles/index.md")
    assert "[Ukraine takes back city east of Kyiv](kirby.md)" in one_page
    monkeypatch.setattr(article_pages, "ARTICLES_PER_PAGE", 1)  # as if there were thousands
    files = render_site(sample_timeline(), Settings())
    index = text(files, "articles/index.md")
    assert "| [March 2022](by-month/2022-03.md) | 2 |" in index
    assert "kirby.md" not in index  # the articles are on the month's page
    march = text(files, "articles/by-month/2022-03.md")
    assert "[Ukraine takes back city east of Kyiv](../kirby.md)" in march
    assert "[← All articles](../index.md)" in march


def test_a_name_in_many_events_lists_the_best_ranked_and_the_articles_about_it(monkeypatch):
    monkeypatch.setattr(tag_pages, "TAG_LIMIT", 3)  # as if Kyiv were named thousands of times
    timeline = sample_with(DateValue.day(dt.date(2022, 3, 14)), "Sirens sounded in Kyiv, report", 6)
    page = text(render_site(timeline, Settings()), "tags/kyiv.md")
    events = page.split("## Events")[1].split("## Articles")[0]
    assert "The 3 best-ranked of the 7 events that name it" in events
    # at most three a day: the day's best three, in date order
    assert re.findall(r"report (\d)", events) == ["3", "4", "5"]
    # articles: those whose titles name it first, then the latest of the others
    monkeypatch.setattr(tag_pages, "TAG_LIMIT", 1)
    listed = text(render_site(timeline, Settings()), "tags/kherson.md").split("## Articles")[1]
    assert "1 of the 2 articles that name it: those whose titles name it (0)" in listed
    assert "kirby.md" in listed and "briefing.md" not in listed  # published 30 March, not 26
    briefing = next(r for r in timeline.articles if r.article.slug == "briefing")
    briefing.article = dataclasses.replace(briefing.article, title="Kherson holds out")
    listed = text(render_site(timeline, Settings()), "tags/kherson.md").split("## Articles")[1]
    assert "briefing.md" in listed and "kirby.md" not in listed


def test_an_event_says_how_many_outlets_and_articles_report_it():
    timeline = sample_timeline()
    kirby = next(e for e in timeline.events if e.id == "2022-03-22-kirby")
    kirby.members.append(dataclasses.replace(kirby.members[0], article="briefing"))
    files = render_site(timeline, Settings())
    assert "(2 outlets, 2 articles)</small>" in text(files, "months/2022-03.md")
    assert "(2 outlets, 2 articles)</small>" in text(files, ".home.md")
    assert "(1 article)</small>" in text(files, ".home.md")


def test_exports_timelinejs(files):
    data = json.loads(text(files, "timeline.json"))
    assert data["title"]["text"]["headline"]
    events = {e["unique_id"]: e for e in data["events"]}
    assert events["2022-03-22-kirby"]["start_date"] == {"year": 2022, "month": 3, "day": 22}
    assert "end_date" not in events["2022-03-22-kirby"]
    assert events["2022-w11-airfield"]["end_date"] == {"year": 2022, "month": 3, "day": 27}
    assert 'href="https://example.org/kirby"' in events["2022-03-22-kirby"]["text"]["text"]
    assert [e["text"]["headline"] for e in data["eras"]][:2] == [
        "Prelude",
        "Invasion and the battle for Kyiv",
    ]


def test_exports_timelinejs_holds_the_ranked_highlights_and_closes_every_era():
    # TimelineJS is for tens to hundreds of slides: only the best-ranked events, in date order
    files = render_site(sample_timeline(), Settings(timelinejs_events=2))
    data = json.loads(text(files, "timeline.json"))
    assert [e["unique_id"] for e in data["events"]] == ["2022-02-24-invasion", "2022-03-22-kirby"]
    assert data["title"]["text"]["text"].startswith("the 2 highest-ranked of 5 events")
    # "All eras must have start and end dates": the open last phase ends at the last slide
    assert all("end_date" in era and "start_date" in era for era in data["eras"])
    # the other downloads keep every event
    assert text(files, "events.csv").count("\r\n") == 6


def test_exports_csv(files):
    rows = list(csv.DictReader(io.StringIO(text(files, "events.csv"), newline="")))
    assert [r["date"] for r in rows] == ["2022-02-24", "2022-W12", "2022-03-22", "2022-03-25", "2022-03-29"]
    kirby = rows[2]
    assert kirby["precision"] == "exact day" and kirby["sources"] == "kirby"
    assert kirby["date_expressions"] == "Tuesday, March 22" and kirby["conflicting_dates"] == "2022-03-23"
    assert text(files, "events.csv").count("\r\n") == 6


def test_exports_ics_is_rfc5545_and_has_no_clock(files):
    ics = text(files, "timeline.ics")
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and ics.endswith("END:VCALENDAR\r\n")
    lines = ics.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "\n" not in ics.replace("\r\n", "")
    assert ics.count("BEGIN:VEVENT") == 5
    # DTSTAMP is derived from the data (the last day it mentions), never from the clock
    assert set(re.findall(r"DTSTAMP:(\S+)", ics)) == {"20220330T000000Z"}  # the inferred publication day
    assert "DTSTART;VALUE=DATE:20220321\r\nDTEND;VALUE=DATE:20220328" in ics  # the week, end exclusive
    unfolded = ics.replace("\r\n ", "")
    assert "UID:2022-03-22-kirby@news-timeline" in unfolded


def test_exports_chronology_json_lists_members(files):
    data = json.loads(text(files, "chronology.json"))
    kirby = next(e for e in data["events"] if e["id"] == "2022-03-22-kirby")
    assert kirby["members"] and kirby["members"][0]["article"] == "kirby"
    assert {a["slug"] for a in data["articles"]} == {"kirby", "briefing"}
    # each event's rank (1: the best-ranked: the invasion, score 5) and the outlets behind it
    ranks = {e["id"]: e["rank"] for e in data["events"]}
    assert ranks["2022-02-24-invasion"] == 1 and ranks["2022-03-22-kirby"] == 2
    assert sorted(ranks.values()) == [1, 2, 3, 4, 5]
    rudskoy = next(e for e in data["events"] if e["id"] == "2022-03-25-rudskoy")
    assert rudskoy["outlets"] == ["daily example"] and kirby["outlets"] == ["example news"]


def test_rendering_is_deterministic_whatever_the_input_order():
    first = render_site(sample_timeline(), Settings())
    shuffled = sample_timeline()
    rng = random.Random(7)
    rng.shuffle(shuffled.articles)
    rng.shuffle(shuffled.events)
    for event in shuffled.events:
        rng.shuffle(event.members)
    again = render_site(copy.deepcopy(shuffled), Settings())
    assert list(first) == sorted(first)
    assert first == again


def test_no_events_still_gives_every_index_page():
    timeline = sample_timeline()
    timeline.events = []
    for result in timeline.articles:
        result.events = []
    files = render_site(timeline, Settings())
    assert "no dated events yet" in text(files, ".home.md")
    assert "No dated events yet" in text(files, "index.md")
    assert [p for p in files if p.startswith("months/")] == ["months/2022-03.md"]  # publication days only
    assert "Published this day" in text(files, "months/2022-03.md")
    assert text(files, "events.csv").count("\r\n") == 1
    assert ArticleEvent  # the model is what the renderer consumes


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("index.md", "timeline/months/2022-03.md"),
        ("timeline/articles/a.md", "timeline/months/2022-03.md"),
        ("timeline/articles/index.md", "timeline/articles/b.md"),
        ("timeline/index.md", "timeline/index.md"),
        ("timeline/tags/kyiv.md", "guide/dates.md"),
        ("a/b/c/d.md", "a/x.md"),
    ],
)
def test_links_match_posix_relpath(source, target):
    import posixpath

    from timeline.render.layout import link

    expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
    assert link(source, target) == expected
    assert link(source, target, "x", html=True) == expected[:-3] + ".html#x"


def test_article_page_lists_every_date_expression_and_links_evidence(files):
    page = text(files, "articles/kirby.md")
    assert '??? info "All 5 date expressions found in this article"' in page
    html = to_html(page)
    assert "P5W" in html and "a length of time, not a date" in html
    # the evidence quote links to its highlighted words in the text
    assert '<a href="#t2">“five weeks”</a>' in html


def test_paragraphs_are_found_in_linear_time_on_huge_inputs():
    from timeline.render.article_text import paragraph_spans as paragraphs

    text = "Title\nOne line\nstill one\n\n   \n" + " " * 1_000_000 + "\nTwo" + "x" * 1_000_000 + "\n\n"
    found = paragraphs(text, 6)
    assert text[found[0][0] : found[0][1]] == "One line\nstill one"
    assert len(found) == 2 and text[found[1][0] : found[1][0] + 4] == "Twox"
    assert paragraphs("", 0) == [] and paragraphs("a", 0) == [(0, 1)]


def test_weak_publication_estimates_are_shown_as_an_interval_not_a_day():
    timeline = sample_timeline()
    pub = timeline.articles[0].published
    pub.earliest, pub.latest, pub.confidence = dt.date(2022, 3, 1), dt.date(2022, 4, 30), 0.3
    files = render_site(timeline, Settings())
    html = to_html(text(files, "articles/kirby.md"))
    assert "sometime between <strong>1 March 2022</strong> and <strong>30 April 2022</strong>" in html
    assert "too uncertain to rely on" in html
    assert "| Published | 1 March to 30 April 2022 &#40;inferred, low confidence&#41; |" in text(
        files, "articles/kirby.md"
    )
    assert "most likely published around" not in html


def test_a_long_phase_lists_its_months_by_year():
    """The prelude (2014-2022) on a real pile has a hundred months of one or two events each: the
    chronology lists them a line a year, each month linked with its count; a short phase keeps a
    line a month."""
    timeline = sample_timeline()
    base = timeline.events[0]
    for year in range(2015, 2017):
        for month in range(1, 13):
            day = DateValue.day(dt.date(year, month, 10))
            member = dataclasses.replace(base.members[0], date=day)
            timeline.events.append(
                Event(f"{year}-{month}-old", day, f"Shelling near Donetsk {month}.", [member])
            )
    files = render_site(timeline, Settings())
    index = text(files, "index.md")
    prelude = index.split("## [Prelude")[1].split("\n## ")[0]
    assert (
        "- **2015** (12 events): [January](months/2015-01.md) 1 · [February](months/2015-02.md) 1" in prelude
    )
    assert prelude.count("\n- **") == 2 and "- [January 2015]" not in prelude
    invasion = index.split("## [Invasion")[1].split("\n## ")[0]
    assert "- [March 2022](months/2022-03.md):" in invasion  # a short phase: a line a month
    assert "- **2016** (12 events)" in text(files, "phases/prelude.md")
