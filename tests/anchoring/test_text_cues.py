"""Publication-date clues added for real scraped news: datelines, the prior after the invasion,
"the war began N months ago", "now in its fifth month", and correlated dates counted once.
The texts are invented; they run through the real tagger."""

from __future__ import annotations

import datetime as dt

from timeline.anchoring import anchor_text
from timeline.core.chronology import load_chronology

from ..conftest import ROOT, TODAY

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
D = dt.date


def published(text: str):  # type: ignore[no-untyped-def]
    return anchor_text(text, None, CHRON, today=TODAY).published


def test_a_dateline_with_an_agency_gives_the_day() -> None:
    text = (
        "Talks on grain corridor resume\n\n"
        "ISTANBUL, 14 March (Anadolu) - Delegations met again to discuss shipments from the war zone.\n\n"
        "The full-scale invasion has disrupted exports, officials said.\n"
    )
    pub = published(text)
    # 14 March fits every year; the invasion mention and the prior favour the first after it
    assert pub.value == D(2022, 3, 14)
    assert pub.evidence[0].reason.startswith("the dateline '14 March'")
    # several years still fit: the confidence says so
    assert pub.confidence < 0.5
    assert pub.earliest is not None and pub.latest is not None and pub.latest.year > 2022


def test_a_dateline_in_capitals_with_a_full_date() -> None:
    text = "Strikes hit the port\n\nODESA, Ukraine, July 21, 2023 - Drones struck grain silos overnight.\n"
    pub = published(text)
    assert pub.value == D(2023, 7, 21)
    assert any(e.reason.startswith("the dateline") for e in pub.evidence)


def test_an_opening_clause_is_not_a_dateline() -> None:
    text = "Ministers meet\n\nOn Monday, July 21 - as planned - ministers met in the capital.\n"
    pub = published(text)
    assert not any(e.reason.startswith("the dateline") for e in pub.evidence)


def test_weekday_consistent_years_before_the_invasion_are_not_preferred() -> None:
    # 9 June was a Thursday in 2016 and in 2022: news about the war is from 2022
    text = "Shelling goes on\n\nOn Thursday, June 9, explosions were reported in Chernihiv.\n"
    pub = published(text)
    assert pub.value == D(2022, 6, 9)
    # 2016 is unlikely, not ruled out: the clue alone does not make the estimate confident
    assert pub.confidence <= 0.7


def test_the_war_began_months_ago() -> None:
    pub = published("The front\n\nThe war began three months ago, and Kharkiv has been under fire since.\n")
    assert pub.value is not None and abs((pub.value - D(2022, 5, 24)).days) <= 3
    assert pub.earliest is not None and pub.latest is not None
    # "three months ago" is loosely rounded: the interval spans weeks, not days
    assert (pub.latest - pub.earliest).days >= 21
    assert pub.earliest <= D(2022, 5, 10) and pub.latest >= D(2022, 6, 7)


def test_now_in_its_fifth_month() -> None:
    pub = published("Displaced\n\nThe invasion, now in its fifth month, has displaced millions.\n")
    assert pub.earliest is not None and pub.latest is not None
    # the fifth month runs from 24 June to 24 July 2022
    assert D(2022, 6, 24) <= pub.earliest <= D(2022, 7, 1) and D(2022, 7, 10) <= pub.latest <= D(2022, 8, 15)


def test_two_close_dates_are_not_two_confirmations() -> None:
    text = (
        "Front holds\n\n"
        "On Monday, November 21, officials said the front was holding.\n\n"
        "Speaking on Tuesday, November 22, the minister said supplies were arriving.\n"
    )
    pub = published(text)
    assert pub.value is not None and D(2022, 11, 22) <= pub.value <= D(2022, 11, 24)
    bound = [e for e in pub.evidence if e.text == "Monday, November 21"]
    assert bound and "comes before a later date" in bound[0].reason
    # one kind of clue (dates in the text), so no high confidence
    assert pub.confidence <= 0.7


def test_the_latest_year_named_makes_later_years_less_likely() -> None:
    text = (
        "Exports\n\n"
        "In 2023, about 90% of the parts came from abroad, officials said on Friday. "
        "The war goes on.\n"
    )
    pub = published(text)
    ev = [e for e in pub.evidence if e.text == "2023"]
    assert any("latest year the text names" in e.reason for e in ev)
    assert pub.earliest is not None and pub.latest is not None
    # 2023 or 2024 is the likely year; 2025 is less likely but not excluded outright
    assert pub.earliest >= D(2023, 1, 1) and pub.latest >= D(2024, 12, 1)


def test_a_published_line_dates_the_article() -> None:
    pub = published("Strikes on Odesa\nPublished 13 May 2022\n\nDrones hit the port, officials said.\n")
    assert pub.value == D(2022, 5, 13)
    assert pub.evidence[0].reason == "the line 'Published 13 May 2022' gives the day of publication"


def test_an_updated_line_is_a_ceiling() -> None:
    text = "Strikes on Odesa\nBy Jane Roe | Updated: 14:03 BST, 13 May 2022\n\nDrones hit the port.\n"
    pub = published(text)
    assert pub.value == D(2022, 5, 13)
    assert pub.latest is not None and pub.latest <= D(2022, 5, 14)
    assert any("last updated" in e.reason for e in pub.evidence)


def test_published_inside_a_sentence_is_not_a_stamp() -> None:
    text = "Strikes\n\nThe report was published on the Kremlin website on May 13, 2022, and more followed.\n"
    pub = published(text)
    assert not any("gives the day of publication" in e.reason for e in pub.evidence)
    assert pub.latest is not None and pub.latest > D(2022, 6, 1)  # a full date in a sentence is a lower bound


def test_this_winter_favours_winter_and_the_weeks_before() -> None:
    from timeline.anchoring.infer import find_cues
    from timeline.temporal import tag

    text = "Grid\n\nUkraine faces a hard fight this winter, officials say.\n"
    cues = find_cues(text, tag(text, None, anchors=CHRON.anchors), CHRON, TODAY)
    (cue,) = [c for c in cues if c.kind == "season"]
    assert cue.at(D(2022, 11, 15)) == cue.at(D(2023, 1, 20)) > cue.at(D(2023, 6, 1))
    assert cue.at(D(2023, 3, 10)) == cue.at(D(2023, 6, 1))
    assert "in the winter or the weeks before it" in cue.evidence.reason


def test_last_with_a_day_is_not_days_ago() -> None:
    """ "last November 24" has passed some weeks or months before: not a 'written soon after'."""
    text = (
        "Drone strikes on the capital\n\n"
        "The agreement, signed last November 24 in Kyiv, has not stopped the full-scale invasion.\n"
    )
    pub = published(text)
    for year in range(2022, 2026):
        day = D(year, 11, 24)
        assert pub.value is None or not day <= pub.value <= day + dt.timedelta(days=13)
    assert any("some weeks to a year before" in e.reason for e in pub.evidence)
    plain = published(text.replace("last November 24", "November 24"))
    assert plain.value is not None and plain.value.month == 11 and 24 <= plain.value.day <= 30


def test_the_annexation_of_crimea_is_not_the_annexation_of_four_regions() -> None:
    """ "The illegal annexation of Crimea" named the annexation of four regions (30 September 2022)
    through a too general alias, and pushed an article of February 2022 past that day."""
    text = (
        "Western leaders have not forgotten the illegal annexation of Crimea, the minister said on "
        "Tuesday, as Russian troops massed near the border."
    )
    pub = published(text)
    assert not any("four" in e.reason for e in pub.evidence)
    assert any("annexes Crimea" in e.reason for e in pub.evidence)
