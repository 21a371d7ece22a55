"""Events of the client's bundled articles, through the real pipeline (tagger, anchoring, events, merge)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from timeline.events import event_record
from timeline.temporal.values import Granularity

from ..conftest import ROOT

D = dt.date


@pytest.fixture(scope="module")
def timeline():
    from timeline.pipeline.read_phase import collect

    return collect(ROOT / "content")


def article(timeline, number: str):
    [result] = [r for r in timeline.articles if r.article.path.split("/")[-1].startswith(number + "_")]
    return result


def event_with(result, words: str):
    found = [e for e in result.events if words in e.text]
    assert len(found) == 1, f"expected one event with {words!r} in {result.article.path}: {found}"
    return found[0]


def test_pentagon_remark_on_22_march_2022(timeline):
    event = event_with(article(timeline, "001"), "Pentagon spokesperson John Kirby said")
    assert event.date.granularity == Granularity.DAY
    assert event.date.earliest == event.date.latest == D(2022, 3, 22)


def test_general_staff_briefing_on_25_march_2022(timeline):
    event = event_with(article(timeline, "004"), "General Sergei Rudskoy")
    assert event.date.earliest == event.date.latest == D(2022, 3, 25)


def test_announced_withdrawal_the_day_before_publication(timeline):
    result = article(timeline, "002")
    event = event_with(result, "withdraw troops from the Kyiv region")
    assert event.date.granularity == Granularity.DAY
    assert event.date.earliest == result.published.value - dt.timedelta(days=1)
    assert event.date.earliest == D(2022, 3, 29)  # the Istanbul talks, where Russia announced it


def test_invasion_start_on_24_february_2022(timeline):
    event = event_with(article(timeline, "002"), "invasion of Ukraine began on February 24")
    assert event.date.earliest == event.date.latest == D(2022, 2, 24)
    merged = next(e for e in timeline.events if event in e.members)
    assert "invasion" in merged.anchors


def test_time_of_writing_sentences_are_not_events(timeline):
    texts = [e.text for r in timeline.articles for e in r.events]
    assert not any("five weeks into the war" in t for t in texts)
    assert not any("30 days in" in t for t in texts)
    assert not any("lasted just a week" in t for t in texts)


def test_the_day_of_writing_told_as_news_is_an_event_of_the_articles_date(timeline):
    """ "A Ministry of Defence briefing this morning relayed ..." and "Peskov played down any hopes of
    a breakthrough today": a verb in the past, so news of the article's own day."""
    for number, words in [("001", "briefing this morning"), ("002", "breakthrough today")]:
        result = article(timeline, number)
        event = event_with(result, words)
        assert result.published.value is not None
        assert event.date.earliest == event.date.latest == result.published.value


def test_caption_reports_are_events_and_picture_descriptions_are_not(timeline):
    result = article(timeline, "003")
    event = event_with(result, "acknowledged Ukrainian troops had pierced deep into the Kursk border region")
    assert event.caption
    assert event.date.earliest == D(2024, 8, 11)
    assert "Photo" not in event.text and "AFP" not in event.text
    assert not any(e.text.startswith("A man reacts") for e in result.events)
    assert not any("drone operators" in e.text.lower() and "assemble" in e.text for e in result.events)


def test_event_texts_are_clean(timeline):
    junk = [
        "[/caption]",
        "via REUTERS",
        "Photo by",
        "Getty Images",
        "Read Full Article",
        "sign-up",
        "AD BOX",
        "TPX IMAGES",
        "  ",
    ]
    for result in timeline.articles:
        for e in result.events:
            assert not any(j in e.text for j in junk), e.text
            assert e.text == e.text.strip() and e.text[-1] in '.”’"!?', e.text


def test_offsets_point_at_the_sentence(timeline):
    for result in timeline.articles:
        for e in result.events:
            raw = result.article.text[e.start : e.end]
            assert raw.split()[0] == e.text.split()[0]
            timex = result.timexes[e.timex]
            assert e.start <= timex.start < timex.end <= e.end
            # the event's date is the timex's, or a coarser one that holds it (weak publication estimate)
            assert e.date.earliest <= timex.value.earliest and timex.value.latest <= e.date.latest


def test_merged_chronology_keeps_every_candidate_and_is_sorted(timeline):
    candidates = [(e.article, e.start) for r in timeline.articles for e in r.events]
    members = [(m.article, m.start) for e in timeline.events for m in e.members]
    assert sorted(candidates) == sorted(members)
    assert len({e.id for e in timeline.events}) == len(timeline.events)
    keys = [(e.date.earliest, -e.score, e.id) for e in timeline.events]
    assert keys == sorted(keys)
    records = [json.loads(json.dumps(event_record(e))) for e in timeline.events]
    assert all(r["members"] and r["sources"] for r in records)


def test_withdrawal_event_links_the_chronology_key_event_on_its_date(timeline):
    event = next(e for e in timeline.events if "withdraw troops from the Kyiv region" in e.text)
    linked = [timeline.chronology.event(a) for a in event.anchors]
    assert any(k is not None and k.date.earliest == D(2022, 3, 29) for k in linked)
    same_day = [e for e in timeline.events if e.date.earliest == e.date.latest == event.date.earliest]
    assert max(e.score for e in same_day) == event.score  # a sourced, exact event heads its day


INVENTED = """Shelling resumes around Kharkiv
Peace talks will resume tomorrow in Istanbul, Turkish officials said. Zelensky will address the US Congress \
next week. Negotiators meet again next Monday.
Since March 1, more than a million people have fled Kharkiv. Russia wants to take the Donbas \
by the end of April.
On Monday, March 28, Russian forces shelled Kharkiv, regional governor Oleh Synehubov said.
Two days later, the strikes resumed near Izium.
Officials said today that the toll had risen. The Kremlin said this morning that talks were useful.
The city has been under fire for three weeks and sirens sound every night.
At 4:30 a.m. on Sunday, explosions were heard in Lviv, the mayor said.
"""


def test_invented_article_through_the_real_tagger_and_anchoring(timeline):
    from timeline.anchoring import anchor_text
    from timeline.content.article import Article
    from timeline.events import article_events

    title_end = INVENTED.index("\n") + 1
    art = Article(
        path="articles/k.txt", slug="k", text=INVENTED, body=INVENTED, title="Shelling", body_start=title_end
    )
    anchored = anchor_text(INVENTED, D(2022, 3, 30), timeline.chronology, today=D(2025, 12, 31))
    events = article_events(art, anchored.timexes, anchored.published)
    got = [(e.date.timex3(), e.text) for e in events]
    assert got == [
        (
            "2022-03-28",
            "On Monday, March 28, Russian forces shelled Kharkiv, regional governor Oleh Synehubov said.",
        ),
        ("2022-03-30", "Two days later, the strikes resumed near Izium."),
        ("2022-03-30", "Officials said today that the toll had risen."),
        ("2022-03-30TMO", "The Kremlin said this morning that talks were useful."),
        ("2022-03-27T04:30", "At 4:30 a.m. on Sunday, explosions were heard in Lviv, the mayor said."),
    ]
