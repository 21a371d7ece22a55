"""Ranking merged events by newsworthiness (timeline/events/rank.py): invented, real-looking reports."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from timeline.content.article import Article
from timeline.core.results import ArticleEvent, ArticleResult, Event
from timeline.events import merge_events
from timeline.events.cleaning import caption_sentence, caption_sentence_rules
from timeline.events.rank import happened, lists, lowered_as, outlet_of
from timeline.temporal.values import DateValue

D = dt.date
DAY = D(2022, 4, 1)
CHRONOLOGY = SimpleNamespace(window=(D(2014, 1, 1), D(2025, 12, 31)), events=[])


def article(
    slug: str, outlet: str, title: str, sentences: list[str], published: dt.date = DAY, date: dt.date = DAY
) -> ArticleResult:
    """An article of ``outlet``: its title line, then one paragraph a sentence, each dated ``date``."""
    text = title + "\n\n" + "\n".join(sentences)
    found, pos = [], len(title) + 2
    for i, sentence in enumerate(sentences):
        found.append(ArticleEvent(slug, DateValue.day(date), sentence, pos, pos + len(sentence), i))
        pos += len(sentence) + 1
    art = Article(
        path=f"articles/{slug}.txt",
        slug=slug,
        text=text,
        body=text,
        title=title,
        source=outlet,
        published=published,
    )
    return ArticleResult(article=art, published=None, timexes=[], events=found)  # type: ignore[arg-type]


def ranked(results: list[ArticleResult], day: dt.date = DAY) -> list[Event]:
    events = [e for e in merge_events(results, CHRONOLOGY) if e.date.earliest == day]
    return sorted(events, key=lambda e: (-e.score, e.id))


LEAD = (
    "Russian forces withdrew from the town of Bucha on Friday after a month of occupation, the regional "
    "governor said."
)
CAPTION = "A woman walks past a destroyed apartment block in Irpin, Ukraine, Friday, April 1, 2022."
FILLER = [
    "The town lies on the northwestern edge of the capital and had about 37,000 residents before the war.",
    "Many of them fled in the first days of the fighting, and few have returned.",
    "Residents described weeks without power, water or heating, and long queues for bread.",
    "Volunteers have been bringing food and medicine to the villages around the town.",
    "Aid groups say the needs of the region will grow as more people return to their homes.",
]


def test_the_lead_ranks_above_a_photo_caption_repeated_by_three_outlets():
    results = [
        article("wire-1", "wire.example", "Russian troops leave Bucha", [LEAD, *FILLER]),
        *(
            article(f"gallery-{k}", f"outlet{k}.example", f"In pictures: the war, day 37 ({k})", [CAPTION])
            for k in range(3)
        ),
    ]
    events = ranked(results)
    caption = next(e for e in events if e.text == CAPTION)
    assert len(caption.sources) == 3 and len(caption.members) == 3  # kept, with every member
    assert events[0].text == LEAD
    assert caption.score < events[0].score


def test_a_running_tally_ranks_below_the_days_event():
    tally = (
        "On Friday, the United Nations said that 1,276 civilians have been killed since the start of the "
        "invasion."
    )
    event = "A missile struck the regional administration building in Mykolaiv on Friday, killing 12 people."
    results = [
        article("daily-1", "daily.example", "Missile hits Mykolaiv administration", [event]),
        article("daily-2", "post.example", "UN figures on the war", [tally]),
    ]
    assert lowered_as(tally) == ["tally"] and lowered_as(event) == []
    events = ranked(results)
    assert [e.text for e in events] == [event, tally]


def test_two_outlets_rank_above_one():
    shared = "Ukraine and Russia held a new round of peace talks in Istanbul on Friday."
    other = "The mayor of Lviv opened a new shelter for displaced families on Friday."
    results = [
        article("a-1", "first.example", "Talks in Istanbul", [shared]),
        article("b-1", "second.example", "Istanbul talks resume", [shared]),
        article("c-1", "third.example", "A shelter in Lviv", [other]),
    ]
    events = ranked(results)
    assert [(e.text, len(e.sources)) for e in events] == [(shared, 2), (other, 1)]


def test_many_pages_of_one_outlet_count_as_one_outlet():
    """The same background box under ten articles of one outlet does not outrank two outlets' lead."""
    box = "On Friday, the health ministry reported that shelling had damaged 23 hospitals across the country."
    lead = "Ukraine and Russia held a new round of peace talks in Istanbul on Friday."
    results = [
        *(
            article(f"box-{k}", "tabloid.example", f"Live: the war, page {k}", [*FILLER, box])
            for k in range(10)
        ),
        article("a-1", "first.example", "Talks in Istanbul", [lead]),
        article("b-1", "second.example", "Istanbul talks resume", [lead]),
    ]
    assert ranked(results)[0].text == lead


def test_a_report_written_weeks_later_ranks_below_one_of_the_day():
    fresh = "Russian forces withdrew from the town of Bucha on Friday, the regional governor said."
    recalled = "On April 1, Russian troops shelled the outskirts of Chernihiv, residents recalled."
    results = [
        article("fresh", "first.example", "Troops leave Bucha", [fresh]),
        article("later", "second.example", "A month after", [recalled], published=D(2022, 5, 2)),
    ]
    assert [e.text for e in ranked(results)] == [fresh, recalled]


def test_reports_of_one_story_worded_alike_are_not_the_days_whole_top():
    """A near-repeat is discounted below a different story (one happening, one place), but kept."""
    a = "Russian forces withdrew from the town of Bucha on Friday, the regional governor said."
    b = "Officials said Russian forces had withdrawn from Bucha, a town near the capital, on Friday."
    other = "The parliament in Kyiv voted on Friday to ban the pro-Russian party."
    results = [
        article("one", "first.example", "Bucha", [a]),
        article("two", "second.example", "Bucha", [b]),
        article("three", "third.example", "Parliament vote", [other]),
    ]
    events = ranked(results)
    assert len(events) == 3
    assert events[-1].text in (a, b)


@pytest.mark.parametrize("name", ["tally", "setting", "state", "clutter"])
def test_ranking_list_examples(name):
    examples = lists().raw[f"{name}_examples"]
    for sentence in examples["lowered"]:
        assert name in lowered_as(sentence), sentence
    for sentence in examples["kept"]:
        assert name not in lowered_as(sentence), sentence


def test_happened_examples():
    examples = lists().raw["happened_examples"]
    assert all(happened(s) for s in examples["raised"])
    assert not any(happened(s) for s in examples["not_raised"])


def test_what_happened_ranks_above_what_was_said_of_the_same_weight():
    action = "On Friday the regional guard captured the old bridge at Zatoka."
    statement = "On Friday a spokesman for the coast guard told reporters Zatoka was calm."
    results = [
        article("one", "first.example", "From the coast", [action]),
        article("two", "second.example", "From the coast", [statement]),
    ]
    assert [e.text for e in ranked(results)] == [action, statement]


@pytest.mark.parametrize("rule", caption_sentence_rules(), ids=lambda r: r.id)
def test_caption_sentence_examples(rule):
    for sentence in rule.caption:
        assert rule.pattern.search(sentence), sentence
        assert caption_sentence(sentence)
    for sentence in rule.not_caption:
        assert not rule.pattern.search(sentence), sentence


def test_outlets_by_name_host_or_article():
    assert outlet_of("BBC.com", None, "x") == "bbc.com"
    assert outlet_of(None, "https://www.example.org/2022/04/01/story", "x") == "example.org"
    assert outlet_of(None, None, "some-slug") == "some-slug"


def test_a_merged_event_is_as_much_a_happening_as_its_best_report():
    # the reports of one happening joined across outlets: the headline may be the one that only says
    # what was said, the event still ranks as what happened (rank._report_texts)
    from timeline.events.rank import HAPPENED_WEIGHT, event_score

    statement = "A spokesman for the coast guard told reporters on Friday that Zatoka was quiet."
    action = "The coast guard destroyed the old bridge at Zatoka with explosives on Friday."
    remark = "A spokesman for the coast guard told reporters on Friday that Zatoka was calm."

    def event(second: str) -> Event:
        members = [
            ArticleEvent("one", DateValue.day(DAY), statement, 0, len(statement), 0),
            ArticleEvent("two", DateValue.day(DAY), second, 0, len(second), 0),
        ]
        return Event(id="x", date=DateValue.day(DAY), text=statement, members=members)

    assert happened(action) and not happened(statement) and not happened(remark)
    assert event_score(event(action), {}) == pytest.approx(HAPPENED_WEIGHT * event_score(event(remark), {}))


def test_an_event_of_pictures_only_takes_no_support_of_the_day():
    # a caption repeated by the agencies' pages (a summit's "From left, ..." line) drew the day's words
    # around it and headed the day; an event with no report but pictures is lowered as a whole
    from timeline.events.rank import CAPTION_WEIGHT, PICTURE_WEIGHT, event_score

    text = "Leaders pose for a family photo at the alliance summit in Madrid on Wednesday."

    def event(caption: bool) -> Event:
        members = [ArticleEvent("a", DateValue.day(DAY), text, 0, len(text), 0, caption=caption)]
        return Event(id="x", date=DateValue.day(DAY), text=text, members=members)

    assert event_score(event(True), {}) == pytest.approx(
        CAPTION_WEIGHT * PICTURE_WEIGHT * event_score(event(False), {})
    )


def test_a_paraphrase_of_a_better_story_is_discounted_below_another_story():
    """Two outlets word one vote differently (few shared tokens, but the rare ones): the second is
    discounted by the rarity-weighted overlap of their words, so the day's top three are three
    stories (with the token Jaccard alone it was third)."""
    a = "The Senate voted on Thursday to pass an additional $40 billion in aid for Ukraine, 86 to 11."
    b = "Senators overwhelmingly approved a $40 billion emergency package on Thursday by 86 votes to 11."
    other = "A missile struck a fuel depot in the western city of Lviv on Thursday, the governor said."
    results = [
        article("one", "first.example", "Senate vote", [a, *FILLER[:2]]),
        article("two", "second.example", "Aid package", [b, *FILLER[2:4]]),
        article("three", "third.example", "Lviv", [other, FILLER[4]]),
    ]
    top = [e.text for e in ranked(results)[:3]]
    assert top[:2] == [a, other]
    assert b not in top


def test_a_long_roundup_sentence_does_not_outrank_the_report_of_one_story():
    """Support of the day counts a sentence's best-supported words, not all of them: a roundup naming
    every running story (sanctions, talks, refugees, prices: in the titles every day) must not outweigh
    the one report that the day's titles carry."""
    strike = "A missile struck the railway station in Kramatorsk on Friday, killing 50 people."
    roundup = (
        "On Friday Washington and Brussels weighed new sanctions as Moscow and Kyiv held talks in Istanbul, "
        "refugees crowded trains to Poland and Moldova, Berlin debated gas imports, oil prices swung, "
        "Finland and Sweden discussed membership and the Pentagon briefed reporters about convoys."
    )
    strike_titles = ["Kramatorsk station strike kills 50", "Railway station in Kramatorsk struck by missile"]
    running = [
        "Sanctions weighed in Washington and Brussels; talks in Istanbul",
        "Refugees crowd trains to Poland and Moldova; Berlin gas imports",
        "Oil prices swing; Finland and Sweden membership; Pentagon convoys",
        "Sanctions, Istanbul talks, refugees: Poland, Moldova trains",
        "Berlin debates gas imports as oil prices swing",
        "Finland, Sweden membership and Pentagon convoys briefing; Washington, Brussels",
    ]
    results = [
        article("wire-1", "wire.example", "Missile hits Kramatorsk railway station", [strike]),
        article("daily-1", "daily.example", "Friday roundup", [roundup]),
        *(article(f"s-{k}", f"s{k}.example", t, [FILLER[k]]) for k, t in enumerate(strike_titles)),
        *(article(f"r-{k}", f"r{k}.example", t, [FILLER[k % 5]]) for k, t in enumerate(running)),
        # the running stories were in the titles of the days before too
        *(
            article(
                f"o-{k}",
                f"x{k}.example",
                t,
                [FILLER[k % 5]],
                published=D(2022, 3, 1 + k),
                date=D(2022, 3, 1 + k),
            )
            for k, t in enumerate(running * 3)
        ),
    ]
    assert [e.text for e in ranked(results)[:2]] == [strike, roundup]
