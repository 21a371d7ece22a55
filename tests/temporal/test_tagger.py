"""The tagger on real-looking news sentences: every kind of the coverage list."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from timeline import temporal
from timeline.temporal import specs, values

PUB = dt.date(2022, 3, 30)
ANCHORS = {
    "the war": dt.date(2022, 2, 24),
    "the invasion": dt.date(2022, 2, 24),
    "default": dt.date(2022, 2, 24),
    "the raid": dt.date(2024, 8, 6),
}
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# (sentence, extent, type, TIMEX3 value with PUB as publication date)
CASES = [
    # full dates
    ("The invasion began on February 24, 2022, before dawn.", "February 24, 2022", "DATE", "2022-02-24"),
    ("It began on 24 February 2022 with missile strikes.", "24 February 2022", "DATE", "2022-02-24"),
    ("The leaked file is dated 2022-03-22 in the archive.", "2022-03-22", "DATE", "2022-03-22"),
    ("NATO ministers met on Mar. 22 in Brussels.", "Mar. 22", "DATE", "2022-03-22"),
    ("The order was signed 22/03/2022 by the governor.", "22/03/2022", "DATE", "2022-03-22"),
    ("Russia on August 11, 2024 acknowledged the incursion.", "August 11, 2024", "DATE", "2024-08-11"),
    # partial dates and weekdays
    (
        "In a briefing on March 25, General Sergei Rudskoy said the first stage was complete.",
        "March 25",
        "DATE",
        "2022-03-25",
    ),
    ("The convoy was spotted on the 22nd near Kyiv.", "the 22nd", "DATE", "2022-03-22"),
    (
        "On Tuesday, Pentagon spokesperson John Kirby said the Ukrainians were advancing.",
        "Tuesday",
        "DATE",
        "2022-03-29",
    ),
    ("Last Friday, officials confirmed the strike on the depot.", "Last Friday", "DATE", "2022-03-25"),
    (
        "On Tuesday, March 22, Pentagon spokesperson John Kirby said the Ukrainians were advancing.",
        "Tuesday, March 22",
        "DATE",
        "2022-03-22",
    ),
    # months, years, decades, seasons, parts
    ("Putin launched his full-scale invasion in February 2022.", "February 2022", "DATE", "2022-02"),
    ("Russia has been fighting a proxy war in the Donbas region since 2014.", "2014", "DATE", "2014"),
    ("Grozny was pummelled in the 1990s.", "the 1990s", "DATE", "199"),
    ("The counteroffensive that began last spring has stalled.", "last spring", "DATE", "2021-SP"),
    ("A new offensive is expected in early 2023.", "early 2023", "DATE", "2023"),
    ("Fighting around Kyiv intensified in mid-March.", "mid-March", "DATE", "2022-03"),
    ("Supplies will run out by the end of the month.", "the end of the month", "DATE", "2022-03"),
    # deictic
    (
        "Kremlin spokesman Dmitry Peskov played down any hopes of a breakthrough today.",
        "today",
        "DATE",
        "2022-03-30",
    ),
    ("The Kremlin announced yesterday that it plans to withdraw troops.", "yesterday", "DATE", "2022-03-29"),
    ("Zelensky will address the nation tonight.", "tonight", "DATE", "2022-03-30TNI"),
    (
        "A Ministry of Defence briefing this morning relayed the recent successes.",
        "this morning",
        "TIME",
        "2022-03-30TMO",
    ),
    (
        "This week, further images showed Russian helicopters had disappeared.",
        "This week",
        "DATE",
        "2022-W13",
    ),
    ("Last week, a Russian-occupied airfield was pictured by a satellite.", "Last week", "DATE", "2022-W12"),
    (
        "Earlier this month, Ukraine claimed Putin had sacked eight top generals.",
        "Earlier this month",
        "DATE",
        "2022-03",
    ),
    ("Negotiators will meet again next month.", "next month", "DATE", "2022-04"),
    (
        "At the start of the month, a supposed whistleblower wrote to a dissident.",
        "the start of the month",
        "DATE",
        "2022-03",
    ),
    ("Troops launched a series of offensives in recent days.", "recent days", "DURATION", "PXD"),
    # quantified relatives
    ("Prigozhin was allegedly assassinated in a plane crash a year ago.", "a year ago", "DATE", "2021"),
    ("The bridge was destroyed three months ago.", "three months ago", "DATE", "2021-12"),
    # durations, sets, times, refs
    (
        "Andrei Soldatov has monitored the Russian secret service for two decades.",
        "two decades",
        "DURATION",
        "P20Y",
    ),
    (
        "The Ukrainian blitz has lasted just a week but they have taken dozens of villages.",
        "just a week",
        "DURATION",
        "P1W",
    ),
    ("Missiles hit Kharkiv every day.", "every day", "SET", "P1D"),
    ("The ministry publishes its loss figures weekly.", "weekly", "SET", "P1W"),
    (
        "Air raid sirens sounded at 4:30 a.m. local time across the capital.",
        "4:30 a.m. local time",
        "TIME",
        "2022-03-30T04:30",
    ),
    ("With the war now largely a stalemate, Russia shifted its plans.", "now", "DATE", "PRESENT_REF"),
    ("Ukraine has recently retaken villages east of Kyiv.", "recently", "DATE", "PAST_REF"),
    ("Negotiators hope to meet again in the future.", "the future", "DATE", "FUTURE_REF"),
]


@pytest.mark.parametrize(("sentence", "extent", "ttype", "value"), CASES, ids=[c[1] for c in CASES])
def test_coverage(sentence: str, extent: str, ttype: str, value: str) -> None:
    found = {t.text: t for t in temporal.tag(sentence, PUB)}
    assert extent in found, f"{extent!r} not found; got {list(found)}"
    t = found[extent]
    assert t.type.value == ttype
    assert t.timex3() == value


PREVIOUS = [
    ("The town fell on 2 March 2022. Two days later, the convoy moved.", "Two days later", "2022-03-04"),
    (
        "Talks failed on 7 March 2022; the following week the shelling resumed.",
        "the following week",
        "2022-W11",
    ),
    (
        "Troops entered Bucha on 27 February 2022 and the previous day shelled Irpin.",
        "the previous day",
        "2022-02-26",
    ),
]


@pytest.mark.parametrize(("sentence", "extent", "value"), PREVIOUS, ids=[c[1] for c in PREVIOUS])
def test_previous_date_anchor(sentence: str, extent: str, value: str) -> None:
    # resolvable from the text alone: no publication date needed
    found = {t.text: t for t in temporal.tag(sentence)}
    t = found[extent]
    assert t.anchor is values.AnchorKind.PREVIOUS
    assert t.timex3() == value


WAR = [
    (
        "But five weeks into the war, some Russian units have suffered heavy losses.",
        "five weeks into the war",
        "the war",
        "2022-03-31",
        35,
        True,
    ),
    (
        "When he announced the invasion, Putin was clear, but 30 days in, Russia has made limited gains.",
        "30 days in",
        "default",
        "2022-03-26",
        30,
        True,
    ),
    (
        "On day 100 of the invasion, Zelensky addressed parliament.",
        "day 100 of the invasion",
        "the invasion",
        "2022-06-03",
        99,
        False,
    ),
    (
        "A month after the invasion began, the convoy was still stuck.",
        "A month after the invasion began",
        "the invasion",
        "2022-03-24",
        None,
        False,
    ),
    (
        "Ukrainian forces have been defending Kyiv since the war started over a month ago.",
        "since the war started",
        "the war",
        "2022-02-24",
        None,
        False,
    ),
    (
        "Wagner mercenaries head to Kursk as the Ukrainian raid enters the third day.",
        "the third day",
        "the ukrainian raid",
        "2024-08-08",
        2,
        True,
    ),
]


@pytest.mark.parametrize(
    ("sentence", "extent", "name", "value", "days", "present"), WAR, ids=[c[1] for c in WAR]
)
def test_war_relative(
    sentence: str, extent: str, name: str, value: str, days: int | None, present: bool
) -> None:
    bare = {t.text: t for t in temporal.tag(sentence)}
    t = bare[extent]
    assert t.anchor is values.AnchorKind.CHRONOLOGY
    assert t.anchor_name == name
    assert t.value is None  # no anchors given
    assert isinstance(t.spec, specs.ChronologyRef)
    assert t.spec.present is present
    if days is not None and t.spec.offset is not None and t.spec.offset.unit == "D":
        assert t.spec.offset.amount == days
    resolved = {t.text: t for t in temporal.tag(sentence, anchors=ANCHORS)}
    assert resolved[extent].timex3() == value


def test_unknown_anchor_alias_stays_unresolved() -> None:
    t = temporal.tag(
        "Five weeks into the siege, the city still stood.", anchors={"the war": dt.date(2022, 2, 24)}
    )[0]
    assert t.anchor_name == "the siege"
    assert t.value is None


def test_without_publication_date_relative_values_wait_with_a_spec() -> None:
    text = "On Tuesday, March 22, Kirby said the Kremlin announced yesterday that troops left last week."
    found = temporal.tag(text)
    assert [t.text for t in found] == ["Tuesday, March 22", "yesterday", "last week"]
    for t in found:
        assert t.value is None
        assert t.anchor is values.AnchorKind.PUBLICATION
        assert t.spec is not None
    assert found[0].spec == specs.YearlessDate(values.Granularity.DAY, month=3, day=22, weekday=1)
    temporal.resolve(found, PUB)
    assert [t.timex3() for t in found] == ["2022-03-22", "2022-03-29", "2022-W12"]


def test_weekday_picks_the_year_it_fits() -> None:
    # 22 March was a Tuesday in 2022, not in 2023: with a 2023 reference the weekday wins
    t = temporal.tag("On Tuesday, March 22, the talks began.", dt.date(2023, 1, 10))[0]
    assert t.timex3() == "2022-03-22"


def test_partial_date_prefers_the_past_in_news() -> None:
    t = temporal.tag("The report was filed on December 5 by the ministry.", dt.date(2022, 1, 10))[0]
    assert t.timex3() == "2021-12-05"
    t = temporal.tag("The summit will be held on April 2 in Kyiv.", dt.date(2022, 3, 30))[0]
    assert t.timex3() == "2022-04-02"


def test_intervals_and_granularity() -> None:
    t = temporal.tag("Fighting intensified in February 2022 around Kyiv.")[0]
    assert t.earliest == dt.date(2022, 2, 1)
    assert t.latest == dt.date(2022, 2, 28)
    assert t.granularity is values.Granularity.MONTH
    assert t.rule == "date.month_year"


NOT_DATES = [
    "Putin may abandon plans to capture Kyiv as countless Russian soldiers would be killed.",
    "Troops may march on the capital if talks fail.",
    "It is the second time Russia has tried, and it took a second to fail.",
    "We use your sign-up to provide content in ways you've consented to.",
    "Former British tank commander Colonel Hamish de Bretton Gordon told The Sun: it hurts.",
    "Ukraine takes back a city 21 miles east of Kyiv.",
    "They have taken as much as 400,000 square miles, according to Kyiv estimates.",
    "This may include adverts from us and 3rd parties based on our understanding.",
    "Drone operators of the 22nd Mechanized Brigade assemble a Poseidon drone.",
    "Russian troops had knocked out the 3G towers they needed.",
    "Desperate Putin pulls soldiers out of Ukraine\n\n3 months ago 3\nARTICLE AD BOX\n",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence: str) -> None:
    assert temporal.tag(sentence, PUB) == []


def test_contract_offsets_order_and_rules() -> None:
    text = (
        "On Tuesday, March 22, 2022, Kirby said. Two days later, at 4:30 a.m., strikes resumed; "
        "five weeks into the war the city held, as it has every day since 2014."
    )
    found = temporal.tag(text, PUB, anchors=ANCHORS)
    assert found
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.rule


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent (only on the team's machines)")
def test_seed_articles() -> None:
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ts = temporal.tag(text)
        assert temporal.find(text) == temporal.find(text, full_scan=True)
        for t in ts:
            assert text[t.start : t.end] == t.text
            found.setdefault(t.text, t)
    for extent in [
        "Tuesday, March 22",
        "five weeks into the war",
        "30 days in",
        "March 25",
        "2014",
        "the 1990s",
        "February 2022",
        "August 11, 2024",
        "a year ago",
        "since the war started",
        "just a week",
        "two decades",
        "yesterday",
        "this morning",
        "Last week",
        "Earlier this month",
    ]:
        assert extent in found, extent
    banned = {"may", "May", "We", "Sun", "21 miles", "400,000", "3rd", "22nd", "3G", "3 months ago", "second"}
    assert not banned & set(found)
    assert found["five weeks into the war"].spec.present is True


def test_windowed_scan_equals_full_scan_on_every_example() -> None:
    from timeline.temporal import rules as rules_mod

    for rule in rules_mod.load("en").rules:
        for ex in rule.examples:
            text = ex["text"]
            a = [(t.start, t.end, t.rule) for t in temporal.find(text)]
            b = [(t.start, t.end, t.rule) for t in temporal.find(text, full_scan=True)]
            assert a == b, rule.id


def test_unsupported_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no temporal rules for language 'xx'"):
        temporal.tag("demain", language="xx")


def test_has_lasted_is_a_duration_and_present_tense_evidence() -> None:
    text = "The Ukrainian blitz has lasted just a week but they've already taken over dozens of villages."
    t = temporal.tag(text, anchors={"the blitz": dt.date(2024, 8, 6)})[0]
    assert (t.text, t.type, t.timex3()) == ("just a week", values.TimexType.DURATION, "P1W")
    assert t.anchor is values.AnchorKind.CHRONOLOGY
    assert t.anchor_name == "the ukrainian blitz"
    assert "the blitz" in t.spec.candidates
    assert isinstance(t.spec, specs.ChronologyRef)
    assert t.spec.present is True
    assert t.spec.offset == values.DurationValue(1.0, "W")


def test_curly_possessive_anchor() -> None:
    text = "Since Russia\u2019s invasion of Ukraine began on February 24, the country has suffered."
    found = temporal.tag(text, dt.date(2022, 3, 30), anchors=ANCHORS)
    assert [(t.text, t.anchor_name, t.timex3()) for t in found] == [
        ("Since Russia\u2019s invasion of Ukraine began", "the invasion", "2022-02-24"),
        ("February 24", None, "2022-02-24"),
    ]


def test_timestamps_and_alias_case_are_accepted() -> None:
    found = temporal.tag(
        "Yesterday, five weeks into the war, troops regrouped.",
        dt.datetime(2022, 3, 30, 18, 45),
        anchors={"The War": dt.datetime(2022, 2, 24, 5, 0)},
    )
    assert [t.timex3() for t in found] == ["2022-03-29", "2022-03-31"]


def test_a_fraction_of_a_unit_is_written_in_whole_smaller_units() -> None:
    """TIMEX3 writes "5 1/2 hours" as PT5H30M and "2 1/2 years" as P2Y6M, not PT5.5H."""
    found = {
        t.text: t.timex3()
        for t in temporal.tag(
            "She spent about 5 1/2 hours in Nairobi; they lived in camps for 2 1/2 years and waited "
            "1.5 days.",
            dt.date(1998, 8, 17),
        )
    }
    assert found["5 1/2 hours"] == "PT5H30M"
    assert found["2 1/2 years"] == "P2Y6M"
    assert found["1.5 days"] == "P1DT12H"


def test_that_year_points_back_to_the_year_just_named_in_news() -> None:
    """News about its own time still means the year it just named by "that year"."""
    text = (
        "Imports of those watches totaled about $37.3 million in 1988, a small share of the "
        "$1.5 billion in U.S. watch imports that year, an aide said."
    )
    found = {t.text: t.timex3() for t in temporal.tag(text, dt.date(1989, 11, 2))}
    assert found["that year"] == "1988"


def test_a_range_of_two_days_with_their_months() -> None:
    """ "14 August-24 August": the second day after the hyphen is a date too (it was "August"
    alone); "F-16 March" (a capital before the hyphen) and "COVID-19" are not."""
    found = [
        (t.text, t.timex3())
        for t in temporal.tag(
            "The Battle of the Frontiers (14 August-24 August 1914) and Tannenberg (17 August-2 September "
            "1914).",
            dt.date(2009, 12, 19),
        )
    ]
    assert ("24 August 1914", "1914-08-24") in found
    assert ("2 September 1914", "1914-09-02") in found
    assert not temporal.tag("An F-16 March delivery and COVID-19 cases.", dt.date(2009, 12, 19))
