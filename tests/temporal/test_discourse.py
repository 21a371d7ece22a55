"""One resolution path for news and narrative: each partial date counts from the publication date
or from the time the text is about (timeline/temporal/discourse.py, rules/en/discourse.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import temporal
from timeline.anchoring import anchor_text
from timeline.core.chronology import load_chronology
from timeline.temporal import rules
from timeline.temporal.discourse import NOTE, cues

EXAMPLES = [(lang, e) for lang in rules.languages() for e in cues(lang).examples]


@pytest.mark.parametrize(
    ("language", "example"), EXAMPLES, ids=[f"{g}:{e['text'][:40]}" for g, e in EXAMPLES]
)
def test_discourse_examples(language: str, example: dict) -> None:
    found = {
        t.text: t.timex3() for t in temporal.tag(example["text"], example["published"], language=language)
    }
    for e in example["expect"]:
        assert found.get(e["text"]) == e["value"], (example["text"], found)


def _values(text: str, published: dt.date) -> list[tuple[str, str | None]]:
    return [(t.text, t.timex3()) for t in temporal.tag(text, published)]


def test_a_background_paragraph_and_the_way_back() -> None:
    text = (
        "Russian troops shelled Kharkiv on Tuesday, officials said.\n"
        "In 2014 Russia annexed Crimea. In April, separatists seized buildings in Donetsk, and by "
        "the end of the year the fighting had killed thousands.\n"
        "Today the city is quiet. In April, the mayor said, schools will reopen."
    )
    assert _values(text, dt.date(2022, 3, 10)) == [
        ("Tuesday", "2022-03-08"),
        ("2014", "2014"),
        ("April", "2014-04"),  # the paragraph is about 2014
        ("the end of the year", "2014"),
        ("Today", "2022-03-10"),
        ("April", "2022-04"),  # back in the time of writing (future tense: the coming April)
    ]


def test_news_about_its_own_time_counts_from_publication() -> None:
    """An explicit date a few months before publication is the article's own time: "in December"
    is the nearest December before publication, not one taken from an aside about the past."""
    text = (
        "Shares fell on Monday after the company said profit dropped in the fourth quarter. "
        "The board approved a buyback on Jan. 5, 1998. Its founder had left in 1987. "
        "Sales rose in December, the company said."
    )
    assert dict(_values(text, dt.date(1998, 2, 6)))["December"] == "1997-12"


def test_a_narrative_carries_its_year_forward() -> None:
    text = (
        "The war began in July 1914. On 7 August, French troops invaded Togoland. In September the "
        "front stopped on the Marne, and that winter both armies dug trenches. By 1915 the war had "
        "spread. In May, Italy joined the Entente."
    )
    values = dict(_values(text, dt.date(2009, 12, 19)))
    assert values["7 August"] == "1914-08-07"  # not the August before the page was written
    assert values["September"] == "1914-09"
    assert values["May"] == "1915-05"


def test_the_note_says_what_the_date_counts_from() -> None:
    text = "In 2014 Russia annexed Crimea. In April, separatists seized buildings in Donetsk."
    placed = anchor_text(text, dt.date(2022, 3, 1), load_chronology(None), today=dt.date(2022, 3, 1))
    april = next(t for t in placed.timexes if t.text == "April")
    assert april.timex3() == "2014-04"
    assert any(n.startswith(NOTE) and "'2014'" in n for n in april.notes), april.notes
    assert not any("publication date 2022-03-01" in n for n in april.notes), april.notes


def test_until_in_a_sentence_told_in_the_past_looks_back() -> None:
    """ "Until" points ahead only in a sentence about what is to come: "the fighting lasted until
    16 August" in a history of 1918 is August 1918, and "during the last week of August" is not
    the week before publication (which would bring the text back to its own time)."""
    text = (
        "The offensive opened on 8 August 1918. During the last week of August the press was heavy, "
        "and fighting around Lassigny lasted until 16 August."
    )
    assert dict(_values(text, dt.date(2009, 12, 19)))["16 August"] == "1918-08-16"
    news = "Talks in Geneva were postponed until 16 August, officials said on Monday."
    assert dict(_values(news, dt.date(2022, 7, 20)))["16 August"] == "2022-08-16"


def test_a_weekday_right_after_a_past_verb_is_not_the_coming_one() -> None:
    """Published on a Thursday, "said Friday" is last Friday; "will meet Friday" is tomorrow."""
    thursday = dt.date(1998, 8, 20)
    assert (
        dict(_values("New Zealand said Friday that it backed the strikes.", thursday))["Friday"]
        == "1998-08-14"
    )
    assert dict(_values("The ministers will meet Friday in Wellington.", thursday))["Friday"] == "1998-08-21"


def test_resolving_again_makes_the_choice_anew() -> None:
    """The text is tagged before its publication date is known, then resolved with it: the note of
    the first choice does not stay on a date the second one counts from publication."""
    text = "Talks began on March 3, 2022. In April, the delegations will meet again."
    placed = anchor_text(text, dt.date(2022, 3, 10), load_chronology(None), today=dt.date(2022, 3, 10))
    april = next(t for t in placed.timexes if t.text == "April")
    assert april.timex3() == "2022-04"
    assert not any(n.startswith(NOTE) for n in april.notes), april.notes
    assert any("publication date 2022-03-10" in n for n in april.notes), april.notes


def test_background_inside_a_news_paragraph() -> None:
    text = (
        "Russian forces attacked Kharkiv on Thursday. In 2014 Russia annexed Crimea; in April, "
        "separatists seized buildings in Donetsk."
    )
    assert _values(text, dt.date(2022, 2, 26)) == [
        ("Thursday", "2022-02-24"),
        ("2014", "2014"),
        ("April", "2014-04"),
    ]


def test_as_soon_as_points_ahead_even_in_the_past_tense() -> None:
    wednesday = dt.date(2022, 3, 2)
    text = "Brokers expected buyers to return as soon as trading opened Monday."
    assert dict(_values(text, wednesday))["Monday"] == "2022-03-07"


def test_an_aside_about_the_past_does_not_make_news_a_narrative() -> None:
    """A news story whose first explicit date is an aside ("posting videos ... since 2014") is not
    a history: its "late March" and "15 April" are the weeks before publication. Before the whole
    text was weighed, the aside set the time told and every later date followed it into 2014."""
    text = (
        "One video was filmed by a blogger who has posted from Russian-held areas since 2014.\n"
        "Another was filmed by a journalist who began posting videos from the city in late March. "
        "The earliest was uploaded on 15 April, officials said on Tuesday, and the next on 18 April."
    )
    values = dict(_values(text, dt.date(2022, 4, 28)))
    assert values["late March"] == "2022-03"
    assert values["15 April"] == "2022-04-15"
    assert values["18 April"] == "2022-04-18"
    # a history that opens its sentences with the years it tells is still one
    story = "In 2014 Russia annexed Crimea. In April, separatists seized buildings in Donetsk."
    assert dict(_values(story, dt.date(2022, 4, 28)))["April"] == "2014-04"


@pytest.mark.parametrize(
    ("language", "text", "published", "expect"),
    [
        (
            "uk",
            "Росія атакувала Київ у п'ятницю, повідомили у КМВА.\n"
            "У 2014 році Росія окупувала Крим. У квітні бойовики захопили адмінбудівлі в Донецьку, "
            "а в травні провели так званий референдум.\n"
            "Минулого тижня, 13 листопада, удар припав на Одесу.",
            dt.date(2026, 11, 18),
            {
                "п'ятницю": "2026-11-13",
                "квітні": "2014-04",
                "травні": "2014-05",
                "13 листопада": "2026-11-13",
            },
        ),
        (
            "ru",
            "Россия атаковала Киев в пятницу, сообщили в КГВА.\n"
            "В 2014 году Россия оккупировала Крым. В апреле боевики захватили админздания в Донецке, "
            "а в мае провели так называемый референдум.\n"
            "На прошлой неделе, 13 ноября, удар пришелся на Одессу.",
            dt.date(2026, 11, 18),
            {"пятницу": "2026-11-13", "апреле": "2014-04", "мае": "2014-05", "13 ноября": "2026-11-13"},
        ),
    ],
)
def test_a_background_paragraph_in_ukrainian_and_russian_news(
    language: str, text: str, published: dt.date, expect: dict[str, str]
) -> None:
    """News, a background paragraph about 2014 and back: the paragraph opens its sentence with the
    year ("У 2014 році", "В 2014 году": the openers of its language), so its months are of 2014;
    "минулого тижня" / "на прошлой неделе" bring the text back to the week of publication."""
    found = {t.text: t.timex3() for t in temporal.tag(text, published, language=language)}
    assert {k: found.get(k) for k in expect} == expect, found


def test_a_history_points_ahead_from_the_time_it_tells() -> None:
    """ "until 26 November" in a 1938 narrative is November 1938, not the November after the page
    was written; "the same year" and "two years before" count from the text's last year."""
    text = (
        "The Nationalists reached the sea in April 1938. The Republicans tried to reconnect their "
        "territory in the Battle of the Ebro, from 24 July until 26 November. In 1948 the French "
        "created the State of Vietnam. In the same year, the French also granted independence to "
        "Laos. Two years before, they had refused a similar status."
    )
    values = dict(_values(text, dt.date(2009, 12, 19)))
    assert values["24 July"] == "1938-07-24"
    assert values["26 November"] == "1938-11-26"
    assert values["the same year"] == "1948"
    assert values["Two years before"] == "1946"


def test_an_aside_in_a_history_leaves_the_time_told() -> None:
    """A later year inside a sentence of a history ("declassified in 2005") is an aside: the next
    day without a year is still in the year being told (it was 2005-08-04)."""
    text = (
        "The destroyer was attacked on 2 August 1964. On 3 August 1964 the ships reported more "
        "contacts. Documents declassified in 2005, however, revealed that there was no attack on "
        "4 August. In 1965 the war widened."
    )
    assert dict(_values(text, dt.date(2009, 12, 19)))["4 August"] == "1964-08-04"


def test_news_keeps_a_future_date_ahead() -> None:
    """News that recalls past years is not a history for the future: "a summit set for April" is
    the coming April even after "since 1949 ... in 1982"."""
    text = (
        "Since 1949, NATO has been expanded to include Greece and Turkey in 1952 and Spain in 1982. "
        "The issue is expected to dominate a NATO summit set for Washington in April."
    )
    assert dict(_values(text, dt.date(1999, 3, 12)))["April"] == "1999-04"


def test_a_history_date_takes_the_year_written_just_after_it() -> None:
    """ "the spring and early summer of 1943" in a narrative then in 1944 is spring 1943; a year
    behind a comma or "since" is not its own ("in November since the 2003 invasion")."""
    text = (
        "By the end of March 1944, the Allies had completed both objectives. In April, they "
        "launched an operation in New Guinea. In the Soviet Union, both sides spent the spring and "
        "early summer of 1943 making preparations."
    )
    assert dict(_values(text, dt.date(2009, 12, 19)))["the spring"] == "1943-SP"
    later = (
        "In 2009 the toll fell. In May 2009 the army moved north. Deaths fell to their lowest level "
        "in November since the 2003 invasion."
    )
    assert dict(_values(later, dt.date(2009, 12, 19)))["November"] == "2009-11"


def test_a_plan_or_a_date_in_brackets_is_an_aside_in_a_history() -> None:
    """ "a planned campaign in 1976" and "(1790)" leave the time told: the next "11 March" is in
    1975 and "17 August" in 1793 (they were 1976 and 1790)."""
    plan = (
        "In 1974 the war went on. On 10 March 1975, General Dung launched Campaign 275. If the town "
        "could be taken, the road to the coast would be exposed for a planned campaign in 1976. The "
        "army proved incapable of resisting, and its forces collapsed on 11 March."
    )
    assert dict(_values(plan, dt.date(2009, 12, 19)))["11 March"] == "1975-03-11"
    brackets = (
        "In 1792 the monarchy fell. In 1793 the Convention ruled. The Church had been hurt by the "
        "Civil Constitution of the Clergy (1790) and broke into revolt. On 17 August, the Convention "
        "voted for general conscription."
    )
    assert dict(_values(brackets, dt.date(2009, 12, 19)))["17 August"] == "1793-08-17"
    later = (
        "In 1794 Robespierre fell. On 28 July 1794 he was executed. The Convention approved the new "
        "constitution on 29 Messidor (17 August 1795). It was ratified by a plebiscite in September."
    )
    assert dict(_values(later, dt.date(2009, 12, 19)))["September"] == "1795-09"
