"""Dates in an article's address as publication-date clues (timeline/anchoring/urls.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.anchoring import anchor_text
from timeline.anchoring.urls import url_dates
from timeline.core.chronology import load_chronology

from ..conftest import ROOT, TODAY

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
D = dt.date


@pytest.mark.parametrize(
    ("url", "day", "part"),
    [
        ("https://www.example-times.com/2022/05/13/world/europe/held.html", D(2022, 5, 13), "2022/05/13"),
        ("https://www.example-news.com/2022/11/02/europe/helicopter-video/index.html", D(2022, 11, 2), None),
        ("https://www.example-guardian.com/world/2022/may/28/town-falls", D(2022, 5, 28), "2022/may/28"),
        ("https://news.example.org/2023/Sept/4/grain-deal", D(2023, 9, 4), None),
        ("https://example.net/story-20230415-kyiv-strike", D(2023, 4, 15), "20230415"),
        ("https://example.net/a/b-2024-02-24-anniversary", D(2024, 2, 24), None),
        # a MongoDB object id: 0x62b58274 seconds after 1970 is 24 June 2022 (UTC)
        ("https://www.example-post.com/entry/army-leaves_n_62b58274e4b0cdccbe69d502", D(2022, 6, 24), None),
    ],
)
def test_dates_in_addresses(url: str, day: dt.date, part: str | None) -> None:
    found = url_dates(url)
    assert found and found[0].day == day and found[0].granularity == "day"
    if part:
        assert found[0].part == part


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://www.example-mirror.co.uk/news/world-news/peace-deal-26487938",
        "https://example.com/story?id=83408291",
        "https://example.com/article/id-2022513x",  # not a whole date
        "https://20220513.example.com/news",  # the host never holds the date
        "https://example.com/news/2022/13/45/x",  # no month 13
    ],
)
def test_addresses_without_dates(url: str | None) -> None:
    assert url_dates(url) == []


def test_year_and_month_in_the_path() -> None:
    (found,) = url_dates("https://blog.example.org/2023/07/drones-over-the-border/")
    assert found.granularity == "month" and found.day == D(2023, 7, 1)


TEXT = "Officials said on Friday that talks would go on. The war has cost thousands of lives.\n"


def test_an_address_date_places_an_article_without_other_clues() -> None:
    url = "https://www.example-times.com/2022/05/13/world/europe/talks.html"
    result = anchor_text(TEXT, None, CHRON, today=TODAY, url=url)
    pub = result.published
    assert pub.value == D(2022, 5, 13) and pub.source == "inferred"
    assert pub.earliest is not None and pub.latest is not None
    assert pub.earliest <= D(2022, 5, 13) <= pub.latest
    # one kind of clue alone never gives high confidence
    assert 0.5 <= pub.confidence <= 0.7
    (ev,) = [e for e in pub.evidence if e.source == "url"]
    assert ev.text == "2022/05/13" and ev.start == ev.end == 0
    assert "13 May 2022" in ev.reason
    for other in pub.evidence:
        if other.source == "text":
            assert TEXT[other.start : other.end] == other.text
    # the resolved "on Friday" now counts from the address date: 13 May 2022 was a Friday
    friday = next(t for t in result.timexes if t.text.endswith("Friday"))
    assert friday.value is not None and friday.earliest == D(2022, 5, 13)


def test_an_address_date_and_an_agreeing_text_date_give_high_confidence() -> None:
    text = "Kyiv, May 13, 2022: the council met today and said the talks would go on.\n"
    url = "https://www.example-times.com/2022/05/13/world/europe/talks.html"
    pub = anchor_text(text, None, CHRON, today=TODAY, url=url).published
    assert pub.value == D(2022, 5, 13) and pub.confidence >= 0.8


def test_address_date_outside_the_window_is_ignored() -> None:
    pub = anchor_text(TEXT, None, CHRON, today=TODAY, url="https://example.com/2009/05/13/old").published
    assert all(e.source == "text" for e in pub.evidence)


def test_metadata_still_wins_over_the_address() -> None:
    url = "https://www.example-times.com/2022/05/13/world/europe/talks.html"
    pub = anchor_text(TEXT, D(2022, 5, 14), CHRON, today=TODAY, url=url).published
    assert pub.value == D(2022, 5, 14) and pub.source == "metadata"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/item/123456789012345678901234",  # digits only: a number, not an id
        "https://example.com/item/x62b58274e4b0cdccbe69d502",  # part of a longer token
        "https://example.com/item/62b58274e4b0cdccbe69d502abc",
    ],
)
def test_object_ids_must_be_whole_hex_tokens(url: str) -> None:
    assert url_dates(url) == []


# ---- article numbers (timeline/anchoring/outlet_ids.yaml) -----------------------------------


def test_an_article_number_peaks_inside_its_interval_and_stays_soft() -> None:
    from timeline.anchoring.outlet_ids import OutletDate
    from timeline.anchoring.urls import id_cues

    found = OutletDate(
        "Example Daily", "1612345", 1612345, D(2022, 5, 17), D(2022, 5, 20), D(2022, 5, 23), "interpolated"
    )
    (cue,) = id_cues(found, D(2014, 1, 1), TODAY)
    assert cue.kind == "url-id" and cue.evidence.source == "url" and cue.evidence.text == "1612345"
    assert cue.at(D(2022, 5, 20)) > cue.at(D(2022, 5, 18)) > cue.at(D(2022, 5, 17)) > cue.at(D(2022, 5, 16))
    inside = sum(cue.at(D(2022, 5, 17) + dt.timedelta(days=k)) for k in range(7))
    assert 0.8 < inside < 0.9  # the rest is spread over every other day: a wrong number is survivable
    assert "around 20 May 2022" in cue.evidence.reason


def test_an_article_number_past_the_calibration_is_only_a_lower_bound() -> None:
    from timeline.anchoring.outlet_ids import OutletDate
    from timeline.anchoring.urls import id_cues

    found = OutletDate("Example Daily", "1999999", 1999999, D(2024, 6, 3), None, None, "after-last")
    (cue,) = id_cues(found, D(2014, 1, 1), TODAY)
    assert cue.kind == "lower-bound"
    assert cue.at(D(2024, 6, 2)) < cue.at(D(2024, 6, 3)) == cue.at(D(2025, 6, 3))
    assert "after it" in cue.evidence.reason


def test_the_calibrated_examples_place_articles_through_the_whole_inference() -> None:
    """Each outlet's example address (with its known day) gives an estimate near that day."""
    from timeline.anchoring.outlet_ids import load_outlets

    for outlet in load_outlets():
        result = anchor_text(
            "Officials spoke about the war.", None, CHRON, today=TODAY, url=outlet.example_url
        )
        pub = result.published
        assert pub.earliest is not None and pub.latest is not None, outlet.name
        assert pub.earliest <= outlet.example_day <= pub.latest, (outlet.name, pub)
        assert pub.confidence < 0.8  # an address alone never makes a confident date
        assert any(e.source == "url" for e in pub.evidence)
