"""Merging event candidates across invented articles: sources, conflicts, ids, anchors, ranking."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

from timeline.content.article import Article
from timeline.core.chronology import KeyEvent
from timeline.core.results import ArticleEvent, ArticleResult
from timeline.events import content_tokens, event_record, jaccard, merge_events, name_clash, similar
from timeline.temporal.values import DateValue

D = dt.date
CHRONOLOGY = SimpleNamespace(
    window=(D(2014, 1, 1), D(2025, 12, 31)),
    events=[
        KeyEvent(
            "invasion",
            DateValue.day(D(2022, 2, 24)),
            "Russia invades Ukraine",
            ("full-scale invasion", "invasion of Ukraine", "Russia's invasion"),
        ),
        KeyEvent(
            "kyiv-withdrawal",
            DateValue.day(D(2022, 3, 29)),
            "Russia announces it will pull back from Kyiv",
            ("withdraw troops from the Kyiv region", "withdrawal from Kyiv"),
        ),
        KeyEvent(
            "kherson-liberated",
            DateValue.day(D(2022, 11, 11)),
            "Kherson is liberated",
            ("retook Kherson", "liberation of Kherson"),
        ),
    ],
)


def result(slug: str, *events: tuple[DateValue, str]) -> ArticleResult:
    text = "\n".join(t for _, t in events)
    article = Article(path=f"articles/{slug}.txt", slug=slug, text=text, body=text, title=slug)
    found, pos = [], 0
    for i, (date, sentence) in enumerate(events):
        found.append(ArticleEvent(slug, date, sentence, pos, pos + len(sentence), i))
        pos += len(sentence) + 1
    return ArticleResult(article=article, published=None, timexes=[], events=found)  # type: ignore[arg-type]


def day(m: int, d: int, y: int = 2022) -> DateValue:
    return DateValue.day(D(y, m, d))


KREMLIN_A = "The Kremlin announced that it plans to withdraw troops from the Kyiv region."
KREMLIN_B = "The Kremlin has announced plans to withdraw troops from the Kyiv region, officials said."
KHARKIV = "Russian forces shelled residential districts of Kharkiv overnight, regional governor said."
MYKOLAIV = "Russian forces shelled residential districts of Mykolaiv overnight, regional governor said."


def test_similar_text_on_the_same_day_merges_with_every_source():
    results = [
        result("mirror", (day(3, 29), KREMLIN_A)),
        result("express", (day(3, 29), KREMLIN_B)),
        result("sun", (day(3, 29), KHARKIV)),
    ]
    events = merge_events(results, CHRONOLOGY)
    assert len(events) == 2
    kremlin = next(e for e in events if "Kremlin" in e.text)
    assert kremlin.sources == ["express", "mirror"]
    assert kremlin.date == day(3, 29)
    assert kremlin.anchors == ["kyiv-withdrawal"]
    assert kremlin.conflicts == []


def test_day_merges_into_overlapping_month_and_keeps_the_precise_date():
    results = [
        result(
            "a",
            (
                DateValue.month(2022, 3),
                "Earlier this month, Ukraine claimed Putin had sacked eight top generals.",
            ),
        ),
        result(
            "b", (day(3, 10), "On March 10, Ukraine claimed that Putin had sacked eight of his top generals.")
        ),
    ]
    [event] = merge_events(results, CHRONOLOGY)
    assert event.date == day(3, 10)
    assert [m.article for m in event.members] == ["b", "a"]


def test_different_places_do_not_merge():
    results = [result("a", (day(3, 22), KHARKIV)), result("b", (day(3, 22), MYKOLAIV))]
    a, b = content_tokens(KHARKIV), content_tokens(MYKOLAIV)
    assert jaccard(a, b) > 0.5  # the wording alone is alike
    assert name_clash(a, b) and similar(a, b) == 0
    assert len(merge_events(results, CHRONOLOGY)) == 2


def test_similar_text_with_conflicting_dates_is_flagged_on_both():
    results = [
        result("a", (day(3, 29), KREMLIN_A)),
        result("b", (day(3, 25), KREMLIN_A)),
    ]
    events = merge_events(results, CHRONOLOGY)
    assert [e.date.earliest for e in events] == [D(2022, 3, 25), D(2022, 3, 29)]
    early, late = events
    assert [c.article for c in early.conflicts] == ["a"]
    assert [c.article for c in late.conflicts] == ["b"]
    (alone,) = merge_events([result("b", (day(3, 25), KREMLIN_A))], CHRONOLOGY)
    assert early.score < alone.score  # the conflict costs ranking


def test_recurring_events_in_one_article_are_not_conflicts():
    results = [result("a", (day(3, 20), KHARKIV), (day(3, 21), KHARKIV))]
    events = merge_events(results, CHRONOLOGY)
    assert len(events) == 2 and all(not e.conflicts for e in events)


def test_ids_are_stable_and_order_independent():
    one = [
        result("a", (day(3, 29), KREMLIN_A)),
        result("b", (day(3, 29), KREMLIN_B)),
        result("c", (day(3, 22), KHARKIV)),
    ]
    two = list(reversed(one))
    first, second = merge_events(one, CHRONOLOGY), merge_events(two, CHRONOLOGY)
    assert [e.id for e in first] == [e.id for e in second]
    assert [event_record(e) for e in first] == [event_record(e) for e in second]
    assert first[0].id.startswith("2022-03-22-") and len(first[0].id) == len("2022-03-22-") + 8


def test_sorted_by_date_then_score():
    results = [
        result("a", (day(3, 29), KREMLIN_A), (day(3, 29), KHARKIV)),
        result("b", (day(3, 29), KREMLIN_B)),
        result(
            "c", (day(2, 24), "Since Russia's invasion of Ukraine began on February 24, millions have fled.")
        ),
    ]
    events = merge_events(results, CHRONOLOGY)
    assert [(e.date.earliest, len(e.sources)) for e in events] == [
        (D(2022, 2, 24), 1),
        (D(2022, 3, 29), 2),
        (D(2022, 3, 29), 1),
    ]
    assert events[0].anchors == ["invasion"]


def test_score_puts_a_day_above_a_month_and_ignores_the_chronology():
    results = [
        result("a", (day(11, 11), "Ukrainian troops retook Kherson after a long counteroffensive.")),
        result("b", (day(11, 12), "Ukrainian soldiers entered the centre of Kherson and raised flags.")),
        result(
            "c", (DateValue.month(2022, 11), "Residents of Kherson celebrated in the streets with soldiers.")
        ),
    ]
    by_source = {e.sources[0]: e for e in merge_events(results, CHRONOLOGY)}
    assert by_source["a"].anchors == ["kherson-liberated"]
    # the ranking is the corpus's (timeline/events/rank.py): the key event of the chronology adds nothing
    assert by_source["a"].score == by_source["b"].score
    assert by_source["c"].score < by_source["b"].score  # a month is background, not the news of a day


def test_record_lists_members_and_conflicts_as_json():
    results = [
        result("mirror", (day(3, 29), KREMLIN_A)),
        result("express", (day(3, 29), KREMLIN_B)),
        result("star", (day(3, 28), KREMLIN_A)),
    ]
    events = merge_events(results, CHRONOLOGY)
    merged = next(e for e in events if len(e.members) == 2)
    record = json.loads(json.dumps(event_record(merged)))
    assert record["date"] == "2022-03-29" and record["granularity"] == "day"
    assert sorted(m["article"] for m in record["members"]) == ["express", "mirror"]
    assert [(c["article"], c["date"]) for c in record["conflicts"]] == [("star", "2022-03-28")]
    assert all(0.5 <= m["similarity"] <= 1 for m in record["members"])


def test_extra_names_on_one_side_do_not_block_a_merge():
    a = content_tokens("Kirby said the Ukrainians are going on the offensive near Kherson.")
    b = content_tokens(
        "Pentagon spokesperson John Kirby said the Ukrainians are going on the offensive near Kherson."
    )
    assert not name_clash(a, b) and similar(a, b) >= 0.5


def test_background_outside_the_chronology_window_is_left_out():
    results = [
        result(
            "a",
            (DateValue.month(1990, 12), "Mr Alibek said that in December of 1990 a new weapon was tested."),
        ),
        result(
            "b",
            (
                day(12, 20, 2013),
                "Protesters filled the Maidan in Kyiv on December 20, 2013, organisers said.",
            ),
        ),
        result("c", (day(3, 22), KHARKIV)),
    ]
    assert [e.sources for e in merge_events(results, CHRONOLOGY)] == [["c"]]


def test_template_text_with_distinct_names_never_merges():
    # 1,000 sentences that differ only by a village name: alike in wording, different events
    results = [
        result(
            f"a{n:03d}",
            *[
                (day(3, 1 + (k % 28)), f"Shelling hit the village of Selo{n}x{k} near the front.")
                for k in range(10)
            ],
        )
        for n in range(100)
    ]
    events = merge_events(results, CHRONOLOGY)
    assert len(events) == 1000 and all(len(e.members) == 1 for e in events)
