"""Event-level anchoring (issue 14): a happening the dated articles date, told by an undated
article as "yesterday" or "on Sunday", gives the day it was written.

Invented articles, written for these tests: a drone strike on a bridge told on the day after it
by one dated outlet, followed up by others over the next days (so the nearest dated articles
spread over a week), and undated stories that tell it or only recall it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.anchoring.corpus import CorpusIndex, DatedArticle, news_terms
from timeline.anchoring.happening_words import (
    EARLIER_MONTH,
    EARLIER_WEEK,
    LAST_WEEK,
    WEEKDAY,
    YESTERDAY,
    happening_day,
    relative_code,
    written_after,
)
from timeline.anchoring.happening_words import TODAY as SAME_DAY

from .test_corpus_dating import _extract, _md, _pile

STRIKE_SUNDAY = dt.date(2026, 11, 8)
BRIDGE = {  # published on, text
    "bridge0": (
        dt.date(2026, 11, 9),
        "A Shahed drone struck the Zatoka road bridge over the Dniester estuary on Sunday, cutting the "
        "only road to Bilhorod-Dnistrovskyi, governor Oleh Kiper said.\n"
        "Buses to Bilhorod-Dnistrovskyi were sent on a detour through Maiaky.",
    ),
    "bridge1": (
        dt.date(2026, 11, 11),
        "Engineers began repairs of the Zatoka road bridge over the Dniester estuary, and a pontoon "
        "ferry started carrying buses to Bilhorod-Dnistrovskyi, Oleh Kiper said.",
    ),
    "bridge2": (
        dt.date(2026, 11, 13),
        "Repairs of the Zatoka bridge over the Dniester estuary will take a month, Oleh Kiper said, as "
        "the pontoon ferry to Bilhorod-Dnistrovskyi carried its first lorries.",
    ),
}
UNDATED = (
    "Drone cuts the road to Bilhorod-Dnistrovskyi\n\n"
    "A Shahed drone struck the Zatoka road bridge over the Dniester estuary yesterday, cutting the only "
    "road to Bilhorod-Dnistrovskyi, governor Oleh Kiper said.\n"
    "Residents queued for the detour through Maiaky as repairs of the bridge were planned.\n"
)
# weeks later, the strike only recalled, with no word that counts from the day of writing
RECALL = (
    "Zatoka bridge reopens to lorries\n\n"
    "Lorries crossed the Zatoka road bridge over the Dniester estuary again after repairs of a month.\n"
    "A Shahed drone struck the bridge in November, cutting the only road to Bilhorod-Dnistrovskyi, "
    "governor Oleh Kiper said at the time.\n"
)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("A drone struck the Zatoka bridge on Sunday, the governor said.", WEEKDAY + 6),
        ("Missiles hit the Pivdennyi port overnight, wounding 14 workers.", YESTERDAY),
        ("The governor said yesterday that 14 workers were wounded.", YESTERDAY),
        ("Parliament voted this morning to extend martial law.", SAME_DAY),
        ("Talks will resume on Monday in Istanbul.", None),  # still to come
        ("The delegations meet again next Tuesday.", None),
        ("Ferries run every Saturday to the island.", None),
        ("Lloyd Austin speaks at the Pentagon, Friday, Jan.", None),  # a dated photo caption
        ("Kyiv said on Monday that the strike of Sunday killed two.", None),  # two days disagree
        ("A drone struck the bridge in November.", None),
    ],
)
def test_the_words_that_date_a_happening_from_the_day_of_writing(sentence: str, code: int | None) -> None:
    assert relative_code(sentence) == code


def test_the_day_of_a_happening_counts_back_from_the_day_of_writing() -> None:
    monday = dt.date(2026, 11, 9)
    assert happening_day(WEEKDAY + 6, monday) == STRIKE_SUNDAY  # "on Sunday", written Monday
    assert happening_day(WEEKDAY + 0, monday) == monday  # "on Monday", written that day
    assert happening_day(YESTERDAY, monday) == STRIKE_SUNDAY
    assert happening_day(SAME_DAY, monday) == monday


def _index(extra: dict[str, tuple[dt.date, str]] | None = None) -> tuple[CorpusIndex, list[DatedArticle]]:
    items = {**BRIDGE, **(extra or {})}
    dated = [
        (DatedArticle(slug, f"Bridge story {slug}", day), news_terms(text))
        for slug, (day, text) in items.items()
    ]
    filler = [
        (DatedArticle(f"bg{n}", "Background", dt.date(2026, 10, 1 + n)), news_terms(f"Story {n} {text}"))
        for n, text in enumerate(
            [
                "Farmers in Vinnytsia finished the maize harvest early on Sunday.",
                "Heavy snow closed roads across the Carpathian region on Sunday.",
                "A beekeepers' fair in Poltava drew visitors to taste linden honey.",
            ]
        )
    ]
    return CorpusIndex.build([*dated, *filler], [news_terms(UNDATED), news_terms(RECALL)]), [
        d for d, _ in dated
    ]


SPAN = (dt.date(2020, 1, 1), dt.date(2026, 12, 3))


def test_an_undated_yesterday_is_the_day_after_the_happening_the_corpus_dates() -> None:
    index, _ = _index()
    cue = index.happening_cue(news_terms(UNDATED), SPAN)
    assert cue is not None
    best = max(cue.daily, key=lambda d: (cue.daily[d], -d.toordinal()))
    assert best == STRIKE_SUNDAY + dt.timedelta(days=1)
    assert cue.evidence.articles == ("bridge0",)
    assert cue.evidence.reason.startswith(
        "tells, as 'yesterday', the same happening as 'Bridge story bridge0' (published 9 November 2026),"
        " which dates it 8 November 2026: probably written 9 November 2026"
    )
    # a soft clue: the likeliest day is a few times likelier than a day it says nothing of
    assert 2 < cue.daily[best] / cue.default < 20


def test_a_weekday_that_disagrees_with_the_dated_day_is_another_happening() -> None:
    index, _ = _index()
    assert index.happenings is not None
    keys = news_terms(UNDATED.replace("yesterday", "on Saturday"))[2]
    assert keys and keys[0][0] == WEEKDAY + 5
    assert index.happenings.matches(*keys[0]) == []  # the corpus dates it to a Sunday
    sunday = news_terms(UNDATED.replace("yesterday", "on Sunday"))[2]
    assert [m.happening.day for m in index.happenings.matches(*sunday[0])] == [STRIKE_SUNDAY]


def test_a_later_copy_of_the_sentence_does_not_move_the_happening() -> None:
    # a dated article of 16 November repeats the first report word for word, "on Sunday" and all
    copy = (dt.date(2026, 11, 16), BRIDGE["bridge0"][1])
    index, _ = _index({"copy": copy})
    cue = index.happening_cue(news_terms(UNDATED), SPAN)
    assert cue is not None
    assert max(cue.daily, key=lambda d: (cue.daily[d], -d.toordinal())) == dt.date(2026, 11, 9)


def test_old_news_recalled_without_a_relative_word_is_not_a_happening_clue() -> None:
    index, _ = _index()
    assert news_terms(RECALL)[2] == ()
    assert index.happening_cue(news_terms(RECALL), SPAN) is None


def _bridge_pile(folder: Path) -> list[Path]:
    paths = _pile(folder)
    for slug, (day, text) in BRIDGE.items():
        paths.append(folder / f"{slug}.md")
        paths[-1].write_text(_md(f"Zatoka bridge {slug}", day.isoformat(), text), "utf-8")
    return paths


def _placed(folder: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    """The publication estimate of ``text``, undated, extracted with the bridge pile as its corpus."""
    paths = _bridge_pile(folder)
    (folder / name).write_text(text, "utf-8")
    return _extract([*paths, folder / name], capsys)[name]["published"]


def test_the_happening_places_the_undated_article_and_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = _placed(tmp_path, "undated.txt", UNDATED, capsys)
    assert pub["value"] == "2026-11-09"
    assert (
        dt.date.fromisoformat(pub["earliest"]) <= dt.date(2026, 11, 9) <= dt.date.fromisoformat(pub["latest"])
    )
    told = [e for e in pub["evidence"] if e["source"] == "corpus" and e["reason"].startswith("tells")]
    assert len(told) == 1 and told[0]["articles"] == ["zatoka-bridge-bridge0"]
    assert "which dates it 8 November 2026" in told[0]["reason"]


def test_old_news_recalled_is_not_pulled_onto_the_happening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = _placed(tmp_path, "recall.txt", RECALL, capsys)
    assert not [e for e in pub["evidence"] if e["reason"].startswith("tells")]
    assert pub["value"] != "2026-11-09"


# a follow-up a few days on: the strike is "last week", the article is about the repairs
FOLLOW_UP = (
    "Ferry replaces the Zatoka bridge\n\n"
    "A pontoon ferry now carries lorries across the Dniester estuary to Bilhorod-Dnistrovskyi.\n"
    "A Shahed drone struck the Zatoka road bridge over the Dniester estuary last week, cutting the only "
    "road to Bilhorod-Dnistrovskyi, governor Oleh Kiper said.\n"
)


def test_the_calendar_words_place_the_day_of_writing_after_the_happening() -> None:
    wednesday = dt.date(2026, 11, 4)
    assert [d for d, _ in written_after(LAST_WEEK, wednesday)] == [
        dt.date(2026, 11, 9) + dt.timedelta(days=n) for n in range(7)
    ]
    assert [d for d, _ in written_after(EARLIER_WEEK, wednesday)] == [
        dt.date(2026, 11, 5) + dt.timedelta(days=n) for n in range(4)
    ]
    assert written_after(EARLIER_MONTH, wednesday)[-1][0] == dt.date(2026, 11, 30)
    assert written_after(EARLIER_WEEK, STRIKE_SUNDAY) == []  # a Sunday is never earlier this week
    with pytest.raises(ValueError, match="not on one day"):
        happening_day(LAST_WEEK, wednesday)


def test_a_follow_up_that_tells_the_happening_as_last_week_is_placed_the_week_after() -> None:
    index, _ = _index()
    terms = news_terms(FOLLOW_UP)
    assert [code for code, _ in terms[2]] == [LAST_WEEK]
    cue = index.happening_cue(terms, SPAN)
    assert cue is not None
    week_after = {STRIKE_SUNDAY + dt.timedelta(days=n) for n in range(1, 8)}  # 9 to 15 November
    best = max(cue.daily.values())
    assert {d for d, v in cue.daily.items() if v == best} == week_after
    assert cue.evidence.reason.startswith(
        "tells, as 'last week', the same happening as 'Bridge story bridge0' (published 9 November 2026),"
        " which dates it 8 November 2026: probably written 9-15 November 2026"
    )
    assert 2 < best / cue.default < 20  # soft, as the other happenings
    # told as "earlier this week", the Sunday strike cannot be it: no clue
    assert index.happening_cue(news_terms(FOLLOW_UP.replace("last week", "earlier this week")), SPAN) is None


def test_a_dated_last_week_dates_no_happening() -> None:
    # a dated follow-up of 20 November says "last week": it tells no one day, so it is not indexed
    later = (dt.date(2026, 11, 20), FOLLOW_UP.split("\n\n", 1)[1])
    index, _ = _index({"later": later})
    assert index.happenings is not None
    assert {index.happenings.happenings[n].article for n in range(len(index.happenings.happenings))} == {0}


def test_the_follow_up_is_placed_after_the_first_reports_and_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = _placed(tmp_path, "follow.txt", FOLLOW_UP, capsys)
    assert dt.date(2026, 11, 9) <= dt.date.fromisoformat(pub["value"]) <= dt.date(2026, 11, 15)
    told = [e for e in pub["evidence"] if e["source"] == "corpus" and e["reason"].startswith("tells")]
    assert len(told) == 1 and "as 'last week'" in told[0]["reason"]
    assert pub["confidence"] < 0.8
