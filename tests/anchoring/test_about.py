"""Chronology anchors apply only to texts about the chronology's war (anchoring/about.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.anchoring import anchor_text, place_text, read_text
from timeline.core.chronology import load_chronology

from ..conftest import ROOT, TODAY

HISTORY = (
    "The Russo-Japanese War began on 8 February 1904 with a Japanese attack on Port Arthur. At the "
    "start of the war, Russia held the port with a strong squadron. Five weeks into the war, Japanese "
    "troops landed in Korea, and by the end of April they had crossed the Yalu. On 4 May a second "
    "army landed near Port Arthur, and in winter the siege went on."
)


def _values(
    text: str, published: dt.date | None, chronology_file: Path | None = None
) -> dict[str, tuple[str | None, list[str]]]:
    chronology = load_chronology(chronology_file, today=TODAY)
    placed = anchor_text(text, published, chronology, today=TODAY)
    return {t.text: (t.timex3(), t.notes) for t in placed.timexes}


def test_the_start_of_another_war_is_not_the_invasion_of_ukraine() -> None:
    values = _values(HISTORY, dt.date(2009, 12, 19))
    value, notes = values["Five weeks into the war"]
    assert value is None
    assert any("names none of its conflict's places or parties" in n for n in notes)
    assert values["the start of the war"][0] is None
    assert values["the end of April"][0] == "1904-04"  # was 2010-04 from the publication date
    assert values["4 May"][0] == "1904-05-04"  # was 2009-05-04


def test_the_same_phrase_in_news_of_the_war_counts_from_the_invasion() -> None:
    text = "Five weeks into the war, Russian units in Ukraine have pulled back to Belarus to regroup."
    assert _values(text, None)["Five weeks into the war"][0] == "2022-03-31"
    # news that names neither side keeps the anchor: it dates nothing before the chronology
    short = "Five weeks into the war, the Kremlin said yesterday that it would pull back."
    assert _values(short, None)["Five weeks into the war"][0] == "2022-03-31"


def test_the_war_before_the_window_named_in_a_background_paragraph_keeps_the_anchor() -> None:
    text = (
        "Ukraine became independent in 1991. Five weeks into the war, Kyiv still stands, "
        "officials said on Wednesday."
    )
    assert _values(text, dt.date(2022, 3, 30))["Five weeks into the war"][0] == "2022-03-31"


def test_an_anchor_without_about_names_applies_to_every_text(tmp_path: Path) -> None:
    chronology = tmp_path / "chronology.yml"
    chronology.write_text(
        "window:\n  start: 2014-01-01\nanchors:\n  - id: invasion\n    date: 2022-02-24\n    default: true\n"
        "    aliases: [the war]\nevents: []\nphases: []\n",
        encoding="utf-8",
    )
    assert load_chronology(chronology).anchor_about == {}
    # written after the anchor (one written before it cannot recall it: see the next test)
    assert _values(HISTORY, dt.date(2023, 12, 19), chronology)["Five weeks into the war"][0] == "2022-03-31"
    with_about = chronology.read_text(encoding="utf-8").replace(
        "    aliases: [the war]\n", "    aliases: [the war]\n    about: [Ukraine, Kyiv]\n"
    )
    chronology.write_text(with_about, encoding="utf-8")
    assert load_chronology(chronology).anchor_about == {"invasion": ("ukraine", "kyiv")}
    assert _values(HISTORY, dt.date(2023, 12, 19), chronology)["Five weeks into the war"][0] is None


def test_an_anchor_later_than_the_article_is_not_what_it_recalls() -> None:
    """An article of 21 February 2022 cannot report the invasion of 24 February: "after Russia
    invaded Ukraine's Crimean Peninsula in 2014" recalls 2014 and gets no invasion date (it used to
    become an event of 24 February 2022, ranked among the day's first)."""
    text = (
        "The American sanctions were comparable to the actions the U.S. took after Russia invaded "
        "Ukraine's Crimean Peninsula in 2014. Western leaders announced more sanctions on Monday."
    )
    values = _values(text, dt.date(2022, 2, 21))
    value, notes = values["after Russia invaded Ukraine"]
    assert value is None
    assert any("the article was written before it (by 2022-02-21)" in n for n in notes)
    assert values["Monday"][0] == "2022-02-21"
    # written the day before (a day's grace for time zones) or after, the words count from it
    news = "Western leaders met after Russia invaded Ukraine, officials said."
    assert _values(news, dt.date(2022, 2, 23))["after Russia invaded Ukraine"][0] == "2022-02-24"
    assert _values(news, dt.date(2022, 3, 1))["after Russia invaded Ukraine"][0] == "2022-02-24"
    assert _values(news, dt.date(2022, 2, 22))["after Russia invaded Ukraine"][0] is None


def test_a_war_relative_phrase_whose_clause_names_another_year_recalls_that_war() -> None:
    """Written in June 2022, "after Russia invaded Ukraine's Crimean Peninsula in 2014" is 2014;
    a year of the anchor in the clause, or one in another sentence, leaves the anchor alone."""
    published = dt.date(2022, 6, 21)
    text = (
        "The sanctions match those the U.S. imposed after Russia invaded Ukraine's Crimean Peninsula "
        "in 2014, officials said."
    )
    value, notes = _values(text, published)["after Russia invaded Ukraine"]
    assert value is None and any("its clause names '2014'" in n for n in notes)
    same_year = "Prices have doubled since Russia invaded Ukraine in February 2022, officials said."
    assert _values(same_year, published)["since Russia invaded Ukraine"][0] == "2022-02-24"
    other_sentence = "Crimea was annexed in 2014. Prices have doubled since Russia invaded Ukraine."
    assert _values(other_sentence, published)["since Russia invaded Ukraine"][0] == "2022-02-24"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "uk",
            "У 1991 році Україна проголосила незалежність. На 30-й день війни окупанти відійшли від Києва.",
        ),
        ("ru", "В 1991 году Украина провозгласила независимость. На 30-й день войны войска отошли от Киева."),
    ],
)
def test_the_war_is_named_in_ukrainian_and_russian_too(language: str, text: str) -> None:
    """A Ukrainian or Russian article that recalls 1991 names Ukraine and Kyiv in its own words:
    the anchor's `about` names hold their case forms, so the day of the war still counts from 24
    February 2022 (it was left without a value: no English name in the text)."""
    chronology = load_chronology(ROOT / "content" / "chronology.yml", today=TODAY)
    published = dt.date(2022, 3, 26)
    reading = read_text(text, published, chronology, today=TODAY, language=language)
    placed = place_text(reading, text, published, chronology, today=TODAY)
    assert [t.timex3() for t in placed.timexes] == ["1991", "2022-03-25"]
