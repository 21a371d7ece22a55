"""Publication-date inference on invented articles, one kind of cue at a time.

The timexes are built by hand here (as the tagger would produce them), so these tests pin
down the reasoning of the anchoring alone; tests/anchoring/test_tagged.py runs the same
kind of text through the real tagger.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.anchoring import PublicationEstimate
from timeline.anchoring.infer import infer_publication
from timeline.anchoring.resolve import resolve_timexes
from timeline.core.chronology import load_chronology
from timeline.temporal.specs import ChronologyRef, Deictic, Shift, WeekdayRef, YearlessDate
from timeline.temporal.values import AnchorKind, DateValue, DurationValue, Granularity, Mod, Timex, TimexType

from ..conftest import ROOT, TODAY

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
D = dt.date


def at(
    text: str,
    phrase: str,
    *,
    spec: object = None,
    value: object = None,
    nth: int = 0,
    anchor: AnchorKind | None = None,
    anchor_name: str | None = None,
    ttype: TimexType = TimexType.DATE,
) -> Timex:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    if anchor is None:
        anchor = (
            AnchorKind.CHRONOLOGY
            if isinstance(spec, ChronologyRef)
            else AnchorKind.PUBLICATION
            if spec is not None
            else AnchorKind.NONE
        )
    return Timex(
        start,
        start + len(phrase),
        phrase,
        ttype,
        "test",
        anchor,
        value,  # type: ignore[arg-type]
        spec,
        anchor_name or (spec.anchor_name if isinstance(spec, ChronologyRef) else None),
    )


def infer(text: str, timexes: list[Timex]) -> PublicationEstimate:
    return infer_publication(text, timexes, CHRON, TODAY)


def within(est: PublicationEstimate, day: dt.date, days: int) -> bool:
    return est.value is not None and abs((est.value - day).days) <= days


def covers(est: PublicationEstimate, day: dt.date) -> bool:
    return est.earliest is not None and est.latest is not None and est.earliest <= day <= est.latest


def test_no_cues_gives_unknown_and_no_guess() -> None:
    text = "Officials met in a grey building and talked for a long time about grain and fertiliser."
    est = infer(text, [])
    assert est.value is None and est.source == "unknown" and est.confidence == 0.0
    assert est.earliest is None and est.evidence == []
    assert est.latest == TODAY  # written some time up to today: the interval ends today


def test_present_war_relative_statement() -> None:
    text = "Five weeks into the war, Russian units have pulled back to Belarus to regroup."
    spec = ChronologyRef("the war", DurationValue(5, "W"), present=True)
    est = infer(text, [at(text, "Five weeks into the war", spec=spec)])
    assert within(est, D(2022, 3, 31), 3)
    assert covers(est, D(2022, 3, 31)) and est.latest is not None and est.latest <= D(2022, 4, 15)
    assert est.confidence < 0.8  # one clue alone is never "confident"
    [ev] = est.evidence
    assert ev.text == "Five weeks into the war" and text[ev.start : ev.end] == ev.text
    assert "puts the article around 31 March 2022 (give or take" in ev.reason


def test_days_in_with_implicit_default_anchor() -> None:
    text = "But 30 days in, the offensive has stalled on every front."
    spec = ChronologyRef("default", DurationValue(30, "D"), present=True)
    est = infer(text, [at(text, "30 days in", spec=spec)])
    assert within(est, D(2022, 3, 26), 1)


def test_war_relative_in_the_past_is_only_a_lower_bound() -> None:
    text = "A month after the invasion began, the convoy stalled north of the capital. Talks go on."
    spec = ChronologyRef("the invasion", DurationValue(1, "M"), present=False, relation="after")
    est = infer(text, [at(text, "A month after the invasion began", spec=spec)])
    assert est.value is None or est.confidence < 0.2  # it says nothing about how much later
    assert est.earliest is not None and est.earliest >= D(2022, 3, 1)


def test_latest_full_date_is_a_lower_bound_with_modest_confidence() -> None:
    text = "The ministry said on March 3, 2023 that the bridge had been repaired. Traffic resumed."
    est = infer(text, [at(text, "March 3, 2023", value=DateValue.day(D(2023, 3, 3)))])
    assert est.value is not None and D(2023, 3, 3) <= est.value <= D(2023, 3, 6)
    assert est.earliest is not None and est.earliest >= D(2023, 2, 1)
    assert 0 < est.confidence < 0.8


def test_dated_photo_caption() -> None:
    text = (
        "Rescuers search the rubble.\n"
        "Firefighters at the scene in Dnipro, Ukraine, January 15, 2023. REUTERS/Clodagh Kilcoyne\n"
        "The strike killed dozens of residents."
    )
    est = infer(text, [at(text, "January 15, 2023", value=DateValue.day(D(2023, 1, 15)))])
    assert est.value is not None and D(2023, 1, 15) <= est.value <= D(2023, 1, 17)
    assert "photo caption" in est.evidence[0].reason


def test_yesterday_next_to_a_partial_date() -> None:
    text = "The Kremlin said yesterday, March 29, that it would cut back operations. Few believed it."
    timexes = [
        at(text, "yesterday", spec=Deictic("D", -1)),
        at(text, "March 29", spec=YearlessDate(Granularity.DAY, month=3, day=29)),
        at(text, "operations", spec=None, value=None),  # noise: not a date at all, ignored
    ]
    five_weeks = ChronologyRef("the war", DurationValue(5, "W"), present=True)
    text2 = text + " Five weeks into the war, the front is static."
    timexes.append(at(text2, "Five weeks into the war", spec=five_weeks))
    est = infer(text2, timexes)
    assert est.value == D(2022, 3, 30)
    assert est.confidence >= 0.8  # two independent kinds of clue agree
    assert any("yesterday" in e.reason and "March 29" in e.reason for e in est.evidence)


def test_weekday_and_date_pick_the_year_and_the_invasion_bounds_it() -> None:
    text = (
        "On Tuesday, March 22, the Pentagon said Ukrainian forces were going on the offensive "
        "since the invasion began."
    )
    timexes = [
        at(text, "Tuesday, March 22", spec=YearlessDate(Granularity.DAY, month=3, day=22, weekday=1)),
        at(text, "since the invasion began", spec=ChronologyRef("the invasion", None, relation="since")),
    ]
    est = infer(text, timexes)
    assert est.value is not None and D(2022, 3, 22) <= est.value <= D(2022, 3, 25)
    assert est.earliest is not None and est.earliest >= D(2022, 2, 24)  # not 2016: the invasion came first
    assert any("fits 2016, 2022" in e.reason for e in est.evidence)


def test_weekday_date_alone_is_ambiguous_between_years() -> None:
    text = "On Tuesday, March 22, the spokesman said talks were going well."
    est = infer(
        text, [at(text, "Tuesday, March 22", spec=YearlessDate(Granularity.DAY, month=3, day=22, weekday=1))]
    )
    # 22 March was a Tuesday in 2016 and in 2022: the interval must keep both open.
    assert covers(est, D(2016, 3, 23)) and covers(est, D(2022, 3, 23))
    assert est.confidence < 0.5


def test_mention_of_a_chronology_event_is_a_lower_bound() -> None:
    text = "After the withdrawal from Kherson, Russian forces dug in on the left bank of the Dnipro."
    est = infer(text, [])
    assert est.earliest is not None and est.earliest >= D(2022, 11, 1)
    assert est.confidence < 0.2
    assert "withdrawal from Kherson" in est.evidence[0].text
    assert "after it" in est.evidence[0].reason


def test_event_with_years_ago_points_to_an_anniversary() -> None:
    text = "Wagner's founder Prigozhin died in a plane crash a year ago, and his fighters are scattered."
    shift = Shift(DurationValue(1, "Y"), -1)
    est = infer(text, [at(text, "a year ago", spec=shift)])
    assert est.value is not None and abs((est.value - D(2024, 8, 23)).days) <= 45
    assert covers(est, D(2024, 8, 23))
    assert any("a year ago" in e.reason for e in est.evidence)


def test_last_year_next_to_a_year_number() -> None:
    text = "Exports fell last year, in 2022, and officials now expect a recovery."
    timexes = [at(text, "last year", spec=Deictic("Y", -1)), at(text, "2022", value=DateValue.year(2022))]
    est = infer(text, timexes)
    assert covers(est, D(2023, 6, 1))
    assert est.earliest is not None and est.earliest >= D(2022, 1, 1)
    assert any("probably from 2023" in e.reason for e in est.evidence)


def test_future_date_is_an_upper_bound() -> None:
    text = "The summit will take place on July 11, 2023 in Vilnius, officials said."
    est = infer(text, [at(text, "July 11, 2023", value=DateValue.day(D(2023, 7, 11)))])
    assert est.value is not None and D(2023, 6, 10) <= est.value <= D(2023, 7, 11)


def test_conflicting_cues_lower_confidence_and_say_so() -> None:
    text = (
        "Five weeks into the war, the army is regrouping.\n"
        "Soldiers near Sumy, Ukraine, August 11, 2024. REUTERS/Someone\n"
    )
    timexes = [
        at(
            text,
            "Five weeks into the war",
            spec=ChronologyRef("the war", DurationValue(5, "W"), present=True),
        ),
        at(text, "August 11, 2024", value=DateValue.day(D(2024, 8, 11))),
    ]
    est = infer(text, timexes)
    assert est.confidence < 0.5
    assert any("does not fit the other clues" in e.reason for e in est.evidence)
    # whichever reading wins, the interval does not pretend the other is impossible
    assert est.earliest is not None and est.latest is not None
    assert est.earliest <= D(2022, 3, 31) or est.latest >= D(2024, 8, 11)


def test_weekday_mentions_alone_give_no_date() -> None:
    text = "On Monday the minister flew to Brussels; on Tuesday she met her counterparts."
    timexes = [at(text, "Monday", spec=WeekdayRef(0)), at(text, "Tuesday", spec=WeekdayRef(1))]
    est = infer(text, timexes)
    assert est.value is None
    assert est.width_days is not None and est.width_days > 365 * 5


def test_weekday_refines_a_partial_date() -> None:
    # 25 March 2022 was a Friday; "on Saturday" says the article is from the 26th or later.
    text = (
        "In a briefing on March 25, the general said the first stage was over. "
        "On Saturday, officials in Kyiv dismissed the claim. 30 days in, the war goes on."
    )
    timexes = [
        at(text, "March 25", spec=YearlessDate(Granularity.DAY, month=3, day=25)),
        at(text, "Saturday", spec=WeekdayRef(5)),
        at(text, "30 days in", spec=ChronologyRef("default", DurationValue(30, "D"), present=True)),
    ]
    est = infer(text, timexes)
    assert est.value in (D(2022, 3, 26), D(2022, 3, 27))


def test_over_a_month_is_one_sided() -> None:
    text = "The war started over a month ago and the capital still stands."
    spec = ChronologyRef("the war", DurationValue(1, "M", Mod.AFTER), present=True)
    est = infer(text, [at(text, "The war started over a month ago", spec=spec)])
    assert est.value is not None and D(2022, 3, 24) <= est.value <= D(2022, 4, 24)
    assert est.earliest is not None and est.earliest >= D(2022, 3, 20)


# ---- resolving timexes ---------------------------------------------------------------------


def test_resolution_uses_the_estimate_and_notes_the_anchor() -> None:
    text = "Five weeks into the war, the Kremlin announced yesterday that it would pull back."
    timexes = [
        at(
            text,
            "Five weeks into the war",
            spec=ChronologyRef("the war", DurationValue(5, "W"), present=True),
        ),
        at(text, "yesterday", spec=Deictic("D", -1)),
    ]
    est = infer(text, timexes)
    resolve_timexes(timexes, est, CHRON)
    assert est.value is not None
    assert timexes[1].value == DateValue.day(est.value - dt.timedelta(days=1))
    assert any("inferred publication date" in n for n in timexes[1].notes)
    assert timexes[0].earliest == D(2022, 3, 31)
    assert any("anchored to the war (2022-02-24)" in n for n in timexes[0].notes)


def test_without_any_estimate_deictic_timexes_stay_unresolved() -> None:
    text = "Yesterday the minister resigned."
    timexes = [at(text, "Yesterday", spec=Deictic("D", -1))]
    est = infer(text, timexes)
    resolve_timexes(timexes, est, CHRON)
    assert timexes[0].value is None
    assert any("unresolved" in n for n in timexes[0].notes)


def test_partial_date_year_from_weekday_when_publication_is_unknown() -> None:
    # 24 February 2022 was a Thursday; no other year of the window has that weekday there except 2011/2028.
    text = "It began on Thursday, February 24."
    timexes = [
        at(text, "Thursday, February 24", spec=YearlessDate(Granularity.DAY, month=2, day=24, weekday=3))
    ]
    est = PublicationEstimate(None, None, None, "unknown", 0.0, [])
    resolve_timexes(timexes, est, CHRON)
    assert timexes[0].value == DateValue.day(D(2022, 2, 24))
    assert any("weekday" in n for n in timexes[0].notes)


def test_war_relative_resolves_from_the_alias_in_its_words() -> None:
    text = "Day 3 of the Kursk incursion saw heavy fighting."
    spec = ChronologyRef("the incursion", DurationValue(2, "D"), present=False)
    timexes = [at(text, "Day 3 of the Kursk incursion", spec=spec)]
    resolve_timexes(timexes, PublicationEstimate(None, None, None, "unknown", 0.0, []), CHRON)
    assert timexes[0].value == DateValue.day(D(2024, 8, 8))


@pytest.mark.parametrize("today", [D(2022, 4, 1), D(2030, 1, 1)])
def test_today_bounds_the_interval(today: dt.date) -> None:
    text = "Since the war began, millions have fled."
    spec = ChronologyRef("the war", None, relation="since")
    est = infer_publication(text, [at(text, "Since the war began", spec=spec)], CHRON, today)
    assert est.latest is not None and est.latest <= today


def test_earlier_this_month_next_to_a_partial_date() -> None:
    text = "Earlier this month, on June 6, the dam was destroyed. Since the war began, nothing like it."
    timexes = [
        at(text, "Earlier this month", spec=Deictic("M", 0)),
        at(text, "June 6", spec=YearlessDate(Granularity.DAY, month=6, day=6)),
        at(text, "Since the war began", spec=ChronologyRef("the war", None, relation="since")),
    ]
    est = infer(text, timexes)
    assert est.value is not None and est.value.month == 6
    assert any("probably from June" in e.reason for e in est.evidence)


def test_years_ago_next_to_a_year() -> None:
    text = "Crimea was seized in 2014, eight years ago, and the world barely reacted."
    timexes = [
        at(text, "2014", value=DateValue.year(2014)),
        at(text, "eight years ago", spec=Shift(DurationValue(8, "Y"), -1)),
    ]
    est = infer(text, timexes)
    assert covers(est, D(2022, 6, 1))
    assert any("probably from 2022" in e.reason for e in est.evidence)


def test_phrase_file_examples() -> None:
    from timeline.anchoring.phrases import find_phrases, load_phrases

    _, phrases = load_phrases()
    for phrase in phrases:
        assert phrase.examples, f"phrase {phrase.id} has no example"
        for example in phrase.examples:
            [found] = [t for t in find_phrases(example["text"], []) if t.rule == f"anchoring.{phrase.id}"]
            assert isinstance(found.spec, ChronologyRef) and found.spec.offset is not None
            assert found.spec.offset.timex3() == example["offset"], example
            if "anchor" in example:
                assert example["text"][found.start : found.end].startswith(example["anchor"])


def test_blitz_has_lasted_a_week_counts_from_the_kursk_incursion() -> None:
    text = "The Ukrainian blitz has lasted just a week but dozens of villages have been taken."
    est = infer(text, [])
    assert est.value is not None and abs((est.value - D(2024, 8, 13)).days) <= 3
    assert "6 August 2024" in est.evidence[0].reason


def test_years_before_the_window_are_not_evidence() -> None:
    text = "The treaty of 1815 and the crisis of 1956 are often compared."
    timexes = [at(text, "1815", value=DateValue.year(1815)), at(text, "1956", value=DateValue.year(1956))]
    assert infer(text, timexes).source == "unknown"


def test_a_clock_time_is_not_today() -> None:
    # "10 pm" is tagged relative to the day of writing, but it does not say the date is today.
    text = "Sirens sounded at 10 pm on October 31, officials said."
    timexes = [
        at(text, "10 pm", spec=Deictic("D", 0, clock="22:00")),
        at(text, "October 31", spec=YearlessDate(Granularity.DAY, month=10, day=31)),
    ]
    est = infer(text, timexes)
    assert all("today refers to" not in e.reason for e in est.evidence)


def test_event_last_year() -> None:
    text = "Since the Kakhovka dam collapse last year, farmers downstream have had no water."
    est = infer(text, [at(text, "last year", spec=Deictic("Y", -1))])
    assert covers(est, D(2024, 6, 1))
    assert est.earliest is not None and est.earliest >= D(2023, 6, 1)
    assert any("probably from 2024" in e.reason for e in est.evidence)


def test_yesterday_named_as_a_weekday_gives_the_weekday_of_writing() -> None:
    text = "Yesterday, Tuesday, the council met. Five weeks into the war, the city is calm."
    timexes = [
        at(text, "Yesterday", spec=Deictic("D", -1)),
        at(text, "Tuesday", spec=WeekdayRef(1)),
        at(
            text,
            "Five weeks into the war",
            spec=ChronologyRef("the war", DurationValue(5, "W"), present=True),
        ),
    ]
    est = infer(text, timexes)
    assert est.value == D(2022, 3, 30)  # the Wednesday closest to 31 March 2022
    assert any("written on a Wednesday" in e.reason for e in est.evidence)


def test_dates_in_related_article_links_are_ignored() -> None:
    text = "Troops advanced.\nRelated articles: Kyiv under fire, May 12, 2024\nThe mayor spoke."
    est = infer(text, [at(text, "May 12, 2024", value=DateValue.day(D(2024, 5, 12)))])
    assert est.source == "unknown"


def test_partial_date_in_a_future_sentence() -> None:
    text = "The court will hear the case on June 18, her lawyer said. Since the war began, trials are rare."
    timexes = [
        at(text, "June 18", spec=YearlessDate(Granularity.DAY, month=6, day=18)),
        at(text, "Since the war began", spec=ChronologyRef("the war", None, relation="since")),
    ]
    est = infer(text, timexes)
    assert any("still to come" in e.reason for e in est.evidence)


def test_caption_and_sentence_with_the_same_date_are_one_clue() -> None:
    text = (
        "Russia on August 11, 2024 acknowledged the attack.\n"
        "Soldiers near Sumy, Ukraine, August 11, 2024. REUTERS/Someone\n"
    )
    timexes = [
        at(text, "August 11, 2024", value=DateValue.day(D(2024, 8, 11))),
        at(text, "August 11, 2024", value=DateValue.day(D(2024, 8, 11)), nth=1),
    ]
    est = infer(text, timexes)
    assert est.value is not None and D(2024, 8, 11) <= est.value <= D(2024, 8, 13)
    assert est.confidence <= 0.7


def test_two_strong_clues_eight_days_apart_are_not_confident() -> None:
    text = "Five weeks into the war, officials said yesterday, March 22, 2022, that talks had stalled."
    timexes = [
        at(
            text,
            "Five weeks into the war",
            spec=ChronologyRef("the war", DurationValue(5, "W"), present=True),
        ),
        at(text, "yesterday", spec=Deictic("D", -1)),
        at(text, "March 22, 2022", value=DateValue.day(D(2022, 3, 22))),
    ]
    est = infer(text, timexes)
    assert est.confidence < 0.8
    assert est.value is not None and D(2022, 3, 23) <= est.value <= D(2022, 3, 31)


def test_today_before_the_window_gives_no_confident_date() -> None:
    text = "Five weeks into the war, the front is static."
    spec = ChronologyRef("the war", DurationValue(5, "W"), present=True)
    est = infer_publication(text, [at(text, "Five weeks into the war", spec=spec)], CHRON, D(2010, 1, 1))
    assert est.value is None and est.confidence < 0.1
    assert est.latest is not None and est.latest <= D(2010, 1, 1)


def test_previous_day_after_a_partial_date_placed_by_its_weekday() -> None:
    text = "On Thursday, February 24, troops crossed the border. The previous day, sirens sounded."
    timexes = [
        at(text, "Thursday, February 24", spec=YearlessDate(Granularity.DAY, month=2, day=24, weekday=3)),
        at(text, "The previous day", spec=Shift(DurationValue(1, "D"), -1), anchor=AnchorKind.PREVIOUS),
    ]
    resolve_timexes(timexes, PublicationEstimate(None, None, None, "unknown", 0.0, []), CHRON)
    assert timexes[0].value == DateValue.day(D(2022, 2, 24))
    assert timexes[1].value == DateValue.day(D(2022, 2, 23))
