"""Event candidates from invented articles, with timexes built by hand (the tagger is tested elsewhere)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.content.article import Article
from timeline.events import article_events
from timeline.events.words import words
from timeline.temporal.specs import ChronologyRef, Deictic, Shift, WeekdayRef, YearlessDate
from timeline.temporal.values import (
    AnchorKind,
    DateValue,
    DurationValue,
    Granularity,
    RefValue,
    SetValue,
    Timex,
    TimexType,
)

PUBLISHED = dt.date(2022, 3, 30)
D = dt.date


def make_article(body: str, title: str = "Kremlin signals retreat from Kyiv") -> Article:
    text = f"{title}\n\n{body}"
    return Article(
        path="articles/x.txt",
        slug="kremlin-signals",
        text=text,
        body=text,
        title=title,
        body_start=len(title) + 1,
    )


def tx(article: Article, phrase: str, value, *, spec=None, type_=TimexType.DATE, nth: int = 0) -> Timex:
    """A timex for the ``nth`` occurrence of ``phrase`` in the article."""
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(phrase, start + 1)
    anchor = AnchorKind.PUBLICATION if spec is not None else AnchorKind.NONE
    return Timex(start, start + len(phrase), phrase, type_, "test", anchor, value=value, spec=spec)


def day(y: int, m: int, d: int) -> DateValue:
    return DateValue.day(D(y, m, d))


def test_reporting_sentence_lands_on_its_date():
    a = make_article(
        "On Tuesday, March 22, Pentagon spokesperson John Kirby said: “We have seen indications that the "
        "Ukrainians are going a bit more on the offensive now.”"
    )
    timexes = [
        tx(
            a,
            "Tuesday, March 22",
            day(2022, 3, 22),
            spec=YearlessDate(Granularity.DAY, month=3, day=22, weekday=1),
        ),
        tx(a, "now", RefValue("PRESENT_REF")),
    ]
    [event] = article_events(a, timexes)
    assert (event.date.earliest, event.date.latest) == (D(2022, 3, 22), D(2022, 3, 22))
    assert event.timex == 0
    assert event.text.startswith("On Tuesday, March 22, Pentagon spokesperson John Kirby said:")
    assert a.text[event.start : event.end].endswith("offensive now.”")
    assert event.article == "kremlin-signals" and not event.caption


def test_yesterday_is_the_day_before_publication():
    a = make_article("The Kremlin announced yesterday that it plans to withdraw troops from the Kyiv region.")
    timexes = [tx(a, "yesterday", day(2022, 3, 29), spec=Deictic("D", -1))]
    [event] = article_events(a, timexes)
    assert event.date == day(2022, 3, 29)


def estimate(value, earliest, latest, confidence, source="inferred"):
    from timeline.anchoring.model import PublicationEstimate

    return PublicationEstimate(value, earliest, latest, source, confidence)


def test_weak_publication_estimate_coarsens_dates_counted_from_it():
    a = make_article(
        "The Kremlin announced yesterday that it plans to withdraw troops from the Kyiv region. "
        "On March 22, Pentagon spokesperson John Kirby said the Ukrainians were going on the offensive."
    )
    timexes = [
        tx(a, "yesterday", day(2022, 3, 29), spec=Deictic("D", -1)),
        tx(a, "March 22", day(2022, 3, 22), spec=YearlessDate(Granularity.DAY, 3, 22)),
    ]
    # published around 30 March, give or take three days, with low confidence: "yesterday" is 26 March
    # at the earliest and 1 April at the latest, so no week or month holds it and it is dropped.
    weak = estimate(D(2022, 3, 30), D(2022, 3, 27), D(2022, 4, 2), 0.3)
    [kirby] = article_events(a, timexes, weak)
    assert kirby.date == day(2022, 3, 22)  # a calendar date does not move with the estimate
    # a narrower weak estimate keeps the event, as the week that holds every possible day
    narrow = estimate(D(2022, 3, 30), D(2022, 3, 30), D(2022, 4, 1), 0.3)
    first = article_events(a, timexes, narrow)[0]
    assert first.date.granularity == Granularity.WEEK
    assert (first.date.earliest, first.date.latest) == (D(2022, 3, 28), D(2022, 4, 3))
    # a trusted estimate or a metadata date keep the day
    for good in (
        estimate(D(2022, 3, 30), D(2022, 3, 27), D(2022, 4, 2), 0.9),
        estimate(D(2022, 3, 30), D(2022, 3, 30), D(2022, 3, 30), 1.0, "metadata"),
    ):
        assert article_events(a, timexes, good)[0].date == day(2022, 3, 29)


def test_dates_counted_from_the_article_cannot_fall_after_it():
    a = make_article(
        "I hope police are better prepared than the Capitol Police were on Jan. 6, the writer said. "
        "But on Aug. 25, the station was cut off from outside power sources for the first time."
    )
    timexes = [
        tx(a, "Jan. 6", day(2023, 1, 6), spec=YearlessDate(Granularity.DAY, 1, 6)),
        tx(a, "Aug. 25", day(2022, 8, 25), spec=YearlessDate(Granularity.DAY, 8, 25)),
    ]
    # published (metadata) in October 2022: "Jan. 6" resolved to 2023 cannot be reported yet
    [event] = article_events(
        a, timexes, estimate(D(2022, 10, 24), D(2022, 10, 24), D(2022, 10, 24), 1, "metadata")
    )
    assert event.date == day(2022, 8, 25)
    # a weak estimate spanning years leaves the year of "Aug. 25" a guess: no event
    vague = estimate(D(2022, 10, 24), D(2022, 3, 1), D(2024, 12, 31), 0.05)
    assert article_events(a, timexes, vague) == []


def test_a_plan_or_forecast_written_before_its_date_is_not_an_event():
    """An article of June 2022 says the next contest is "scheduled for May 2023": what was expected
    then, not what happened, so not an event of May 2023 (the 2022h1 dev site listed such plans up
    to 2024). Once the day has passed, the same words are news of it."""
    a = make_article(
        "Ukraine won the right to stage the next contest, scheduled for May 2023. "
        "The city council met on June 16 to plan the celebrations, the mayor said."
    )
    timexes = [
        tx(a, "May 2023", DateValue.month(2023, 5)),
        tx(a, "June 16", day(2022, 6, 16), spec=YearlessDate(Granularity.DAY, 6, 16)),
    ]
    written = estimate(D(2022, 6, 17), D(2022, 6, 17), D(2022, 6, 17), 1, "metadata")
    assert [e.date for e in article_events(a, timexes, written)] == [day(2022, 6, 16)]
    later = estimate(D(2023, 6, 1), D(2023, 6, 1), D(2023, 6, 1), 1, "metadata")
    assert [e.date for e in article_events(a, timexes, later)] == [DateValue.month(2023, 5), day(2022, 6, 16)]


def test_time_of_writing_is_not_an_event():
    a = make_article(
        "Kremlin spokesman Dmitry Peskov is expected to brief reporters on the talks today. "
        "The streets of the Ukrainian capital are quiet this morning after a night of sirens. "
        "But five weeks into the war, some Russian units have suffered heavy losses. "
        "Russia is now focused on the Donbas region."
    )
    timexes = [
        tx(a, "today", DateValue.day(PUBLISHED), spec=Deictic("D", 0)),
        tx(
            a,
            "this morning",
            DateValue(Granularity.PART_OF_DAY, PUBLISHED, PUBLISHED, part_of_day="MO"),
            spec=Deictic("D", 0, part_of_day="MO"),
            type_=TimexType.TIME,
        ),
        tx(
            a,
            "five weeks into the war",
            day(2022, 3, 31),
            spec=ChronologyRef("invasion", DurationValue(5, "W"), present=True),
        ),
        tx(a, "now", RefValue("PRESENT_REF")),
    ]
    assert article_events(a, timexes) == []


@pytest.mark.parametrize("kind", ["news", "not_news"])
def test_the_day_of_writing_told_as_news_is_an_event_of_that_day(kind):
    """ "Russian forces this morning shelled Kharkiv" is news of the article's day, like "on Tuesday"
    in an article of that Tuesday; "Today marks 100 days" is only the time of writing (words.yaml)."""
    for sentence in words().raw["day_of_writing_examples"][kind]:
        a = make_article(sentence)
        phrase = next(p for p in ("Earlier today", "this morning", "today", "Today") if p in sentence)
        spec = Deictic("D", 0)
        timex = tx(a, phrase, DateValue.day(PUBLISHED), spec=spec)
        events = article_events(a, [timex])
        if kind == "news":
            assert [e.date for e in events] == [DateValue.day(PUBLISHED)], sentence
        else:
            assert events == [], sentence


def test_durations_sets_and_coarse_values_make_no_events():
    a = make_article(
        "Andrei Soldatov has monitored the Russian secret service for two decades. "
        "Air raid sirens sound in Kyiv every day. "
        "Russia has been fighting a proxy war in the Donbas since 2014. "
        "Grozny was pummelled by Russian forces in the 1990s. "
        "Ukraine's army was rebuilt in 2015 with Western help."
    )
    timexes = [
        tx(a, "two decades", DurationValue(20, "Y"), type_=TimexType.DURATION),
        tx(a, "every day", SetValue("P1D", "EVERY"), type_=TimexType.SET),
        tx(a, "2014", DateValue.year(2014)),
        tx(a, "the 1990s", DateValue.decade(1990)),
        tx(a, "2015", DateValue.year(2015)),
    ]
    assert article_events(a, timexes) == []


def test_what_is_announced_for_later_is_not_an_event_yet():
    a = make_article(
        "Peace talks between the two delegations will resume tomorrow in Istanbul. "
        "Zelensky is due to address the US Congress next week. "
        "Negotiators will meet again next Monday, Turkish officials said."
    )
    timexes = [
        tx(a, "tomorrow", day(2022, 3, 31), spec=Deictic("D", 1)),
        tx(a, "next week", DateValue.week(D(2022, 4, 4)), spec=Deictic("W", 1)),
        tx(a, "next Monday", day(2022, 4, 4), spec=WeekdayRef(0, relation="next")),
    ]
    assert article_events(a, timexes) == []


def test_span_bounds_are_not_event_dates():
    a = make_article(
        "Ukrainian forces have defended Kyiv since the war started over a month ago. "
        "Russia wants to take the whole Donbas by the end of April, officials said. "
        "Since March 1, more than a million people have fled Kharkiv."
    )
    timexes = [
        tx(a, "since the war started", day(2022, 2, 24), spec=ChronologyRef("invasion", relation="since")),
        tx(a, "over a month ago", DateValue.month(2022, 2), spec=Shift(DurationValue(1, "M"), -1)),
        tx(a, "the end of April", DateValue.month(2022, 4)),
        tx(a, "March 1", day(2022, 3, 1), spec=YearlessDate(Granularity.DAY, month=3, day=1)),
    ]
    assert article_events(a, timexes) == []


def test_invasion_start_in_a_since_clause_is_dated_by_its_verb():
    a = make_article(
        "Since Russia's invasion of Ukraine began on February 24, the country has suffered widespread damage."
    )
    [event] = article_events(
        a, [tx(a, "February 24", day(2022, 2, 24), spec=YearlessDate(Granularity.DAY, 2, 24))]
    )
    assert event.date == day(2022, 2, 24)


def test_first_precise_date_outside_quotes_wins():
    a = make_article(
        "Last week, officials said: “The strike on March 20 killed 12 people.” "
        "Zelensky said on Monday that the convoy reached Bucha on March 27."
    )
    timexes = [
        tx(a, "Last week", DateValue.week(D(2022, 3, 21)), spec=Deictic("W", -1)),
        tx(a, "March 20", day(2022, 3, 20), spec=YearlessDate(Granularity.DAY, 3, 20)),
        tx(a, "Monday", day(2022, 3, 28), spec=WeekdayRef(0)),
        tx(a, "March 27", day(2022, 3, 27), spec=YearlessDate(Granularity.DAY, 3, 27)),
    ]
    first, second = article_events(a, timexes)
    # the quoted March 20 is what the officials said, the sentence is dated by its main clause's week
    assert first.date == DateValue.week(D(2022, 3, 21)) and first.timex == 0
    assert second.date == day(2022, 3, 28) and second.timex == 2


def test_week_and_month_events_keep_their_precision():
    a = make_article("Earlier this month, Ukraine claimed Putin had sacked eight top generals.")
    [event] = article_events(a, [tx(a, "Earlier this month", DateValue.month(2022, 3), spec=Deictic("M", 0))])
    assert event.date.granularity == Granularity.MONTH
    assert (event.date.earliest, event.date.latest) == (D(2022, 3, 1), D(2022, 3, 31))


def test_unresolved_timex_makes_no_event():
    a = make_article(
        "Wagner mercenaries head to Kursk as the Ukrainian raid enters the third day of fighting."
    )
    t = tx(a, "the third day", None, spec=ChronologyRef("kursk-incursion", DurationValue(2, "D")))
    assert article_events(a, [t]) == []


CAPTIONS = (
    "Tanks rolled into the Kursk region on August 8, 2024, sparking chaos at the Kremlin[/caption]\n"
    "A man reacts next to burnt-out cars in Kursk, Russia August 11, 2024. Kommersant Photo/Anatoliy Zhdanov "
    "via REUTERS RUSSIA OUT. NO COMMERCIAL OR EDITORIAL SALES IN RUSSIA.\n"
    "Drone operators assemble a drone in the Sumy region on August 11, 2024. Russia on August 11, 2024 "
    "acknowledged Ukrainian troops had pierced deep into the Kursk border region. "
    "(Photo by Roman PILIPEY / AFP)"
    "Drone operators are a key cog in the battlePhoto by ROMAN PILIPEY/AFP via Getty Images\n"
    "Ukrainian troops crossed into the Kursk region on August 6, 2024, officials said."
)


def test_captions_are_marked_and_only_reports_become_events():
    a = make_article(CAPTIONS)
    timexes = [
        tx(a, "August 8, 2024", day(2024, 8, 8)),
        tx(a, "August 11, 2024", day(2024, 8, 11), nth=0),
        tx(a, "August 11, 2024", day(2024, 8, 11), nth=1),
        tx(a, "August 11, 2024", day(2024, 8, 11), nth=2),
        tx(a, "August 6, 2024", day(2024, 8, 6)),
    ]
    events = article_events(a, timexes)
    assert [(e.date.earliest, e.caption, e.timex) for e in events] == [
        (D(2024, 8, 11), True, 3),
        (D(2024, 8, 6), False, 4),
    ]
    assert events[0].text == (
        "Russia on August 11, 2024 acknowledged Ukrainian troops had pierced deep into the Kursk border "
        "region."
    )


def test_event_text_is_cleaned_but_offsets_point_to_the_file():
    a = make_article(
        "Ukraine’s troops retook Kherson on November 11, 2022 [/caption] after a long counteroffensiveReuters"
    )
    [event] = article_events(a, [tx(a, "November 11, 2022", day(2022, 11, 11))])
    assert event.text == "Ukraine’s troops retook Kherson on November 11, 2022 after a long counteroffensive"
    assert event.caption
    assert a.text[event.start : event.end].startswith("Ukraine’s troops retook Kherson")


def test_masked_boilerplate_is_not_event_text():
    title = "Kyiv update"
    body = "3 months ago 3\nRussia shelled Kharkiv on Monday, regional officials said.\n"
    text = f"{title}\n{body}"
    masked = text.replace("3 months ago 3", " " * len("3 months ago 3"))
    a = Article(
        path="a.txt", slug="kyiv-update", text=text, body=masked, title=title, body_start=len(title) + 1
    )
    monday = text.index("Monday")
    t = Timex(
        monday, monday + 6, "Monday", TimexType.DATE, "test", AnchorKind.PUBLICATION, value=day(2022, 3, 28)
    )
    [event] = article_events(a, [t])
    assert event.text == "Russia shelled Kharkiv on Monday, regional officials said."


def _tagged_events(body: str, published: dt.date = dt.date(2022, 6, 1)) -> list:
    from timeline.temporal import tag

    a = make_article(body, title="Rubizhne falls after weeks of shelling")
    return article_events(a, tag(a.text, published))


def test_relative_date_counted_from_a_year_keeps_the_year():
    # issue 17: "invaded in 2014 ... two minutes earlier" became an exact-day event on 1 January 2014,
    # and "the next day" after it 2 January 2014
    body = (
        "Russia invaded Crimea in 2014 and the first column crossed two minutes earlier than planned. "
        "The next day, soldiers without insignia seized the parliament building in Simferopol."
    )
    assert not any(e.date.granularity <= Granularity.DAY for e in _tagged_events(body))


def test_relative_date_counted_from_a_day_keeps_the_day():
    body = (
        "Russian troops took the bridge at Bilohorivka on 10 May after three days of fighting. "
        "The next day, Ukrainian engineers reported that the crossing had been blown up."
    )
    dates = [e.date for e in _tagged_events(body)]
    assert dates == [day(2022, 5, 10), day(2022, 5, 11)]


def test_explicit_date_in_the_same_phrase_wins_over_a_relative_one():
    # issue 17: "The next day, 11 May, Rubizhne fell" was dated by "the next day", counted from a wrong
    # earlier date, though the phrase gives the day itself
    a = make_article(
        "The next day, 11 May, Rubizhne fell to Russian and separatist forces after weeks of shelling."
    )
    relative = tx(a, "The next day", day(2014, 1, 2), spec=Shift(DurationValue(1, "D"), 1))
    relative.anchor = AnchorKind.PREVIOUS
    explicit = tx(a, "11 May", day(2022, 5, 11), spec=YearlessDate(Granularity.DAY, month=5, day=11))
    [event] = article_events(a, [relative, explicit])
    assert event.date == day(2022, 5, 11) and event.timex == 1
    # alone, the relative date still dates its sentence
    [alone] = article_events(a, [relative])
    assert alone.date == day(2014, 1, 2)
