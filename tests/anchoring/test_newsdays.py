"""News days: the table of what was news when, its checks, the matcher and the clue it gives.

Invented texts run through the real tagger and inference; one test walks the shipped tables
and dates a one-line report of every twentieth entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.anchoring import anchor_text
from timeline.anchoring.infer import estimate_from_cues, find_cues
from timeline.anchoring.news_tables import (
    DEFAULT_DIR,
    NewsDay,
    NewsDayError,
    Term,
    load_news_days,
    load_words,
    specific_sets,
)
from timeline.anchoring.newsdays import NewsMatcher
from timeline.core.chronology import load_chronology
from timeline.temporal import tag

from ..conftest import ROOT, TODAY, output_under_hash_seed

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
HORIZON = (CHRON.window[0], TODAY)
D = dt.date

ENTRY = """\
- day: 2023-02-08
  what: A leader speaks to both Houses in Westminster Hall and asks for jets
  match:
    - [Zelensky, Westminster Hall]
    - ["Lindsay Hoyle", helmet]
  source: https://example.org/day-350
- day: 2023-02-10
  until: 2023-02-11
  what: A two-day meeting agrees to refurbish old tanks
  match:
    - [Leopard 1, refurbish*]
  source: https://example.org/day-352
"""


def write_month(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def matcher(tmp_path: Path) -> NewsMatcher:
    write_month(tmp_path / "news", "2023-02.yaml", ENTRY)
    return NewsMatcher(load_news_days(tmp_path / "news"), load_words())


# -- the shipped tables -------------------------------------------------------------------


def test_the_shipped_tables_load_and_cover_the_war() -> None:
    days = load_news_days(DEFAULT_DIR)
    months = {(d.first.year, d.first.month) for d in days}
    assert len(days) >= 200
    assert min(months) <= (2022, 3) and max(months) >= (2024, 8)
    assert all(d.source.startswith(("http://", "https://")) and d.what for d in days)


def test_every_twentieth_shipped_entry_dates_a_report_of_it() -> None:
    """A lead sentence made of a specific term set dates the article to that set's day or the
    two after it: no other day's entry outweighs it (sets with prefix terms are left out: a
    sentence cannot be made from them)."""
    missed = []
    usable: dict[str, tuple[NewsDay, tuple[Term, ...]]] = {}
    for news, terms, _ in specific_sets(load_news_days(DEFAULT_DIR), load_words()):
        if not any(p for t in terms for _, p in t):
            usable.setdefault(news.key, (news, terms))
    sample = list(usable.values())[::20]
    for news, terms in sample:
        words = [" ".join(term[0][0]) for term in terms]
        text = f"Report\n\nOfficials said {', '.join(words)} were confirmed, according to reports.\n"
        tx = tag(text, None, anchors=CHRON.anchors)
        est = estimate_from_cues(find_cues(text, tx, CHRON, TODAY), *HORIZON, CHRON.anchors["default"])
        if est.value is None or not news.first <= est.value <= news.last + dt.timedelta(days=2):
            missed.append((news.key, news.first, est.value))
    assert len(sample) >= 40
    assert len(missed) <= len(sample) // 10, missed


# -- checks that name the file and line ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- day: 2023-13-01\n  what: x\n  match: [[Kakhovka, dam]]\n  source: https://a.b\n", "YYYY-MM-DD"),
        ("- day: 2023-03-01\n  what: x\n  match: [[Kakhovka, dam]]\n  source: https://a.b\n", "2023-03.yaml"),
        ("- day: 2023-02-01\n  what: x\n  match: [[Kakhovka, dam]]\n", "'source'"),
        (
            "- day: 2023-02-01\n  what: x\n  match: [[Russian, missile, strike]]\n  source: https://a.b\n",
            "common",
        ),
        ("- day: 2023-02-01\n  what: x\n  match: Kakhovka\n  source: https://a.b\n", "list of term sets"),
        (
            "- day: 2023-02-01\n  wat: x\n  match: [[Kakhovka, dam]]\n  source: https://a.b\n",
            "unknown key 'wat'",
        ),
        ("- day: 2023-02-01\n  what: x\n  match: [[Kakhovka, dam]\n", "not valid YAML"),
        (
            "- day: 2023-02-01\n  what: x\n  match:\n    - [Sobyanin, 45,000]\n  source: https://a.b\n",
            "'45 000'",
        ),
    ],
)
def test_a_faulty_entry_is_reported_with_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    write_month(tmp_path / "news", "2023-02.yaml", ENTRY + text)
    with pytest.raises(NewsDayError) as err:
        load_news_days(tmp_path / "news")
    message = str(err.value)
    assert "2023-02.yaml:" in message and expected in message
    assert message.split("2023-02.yaml:")[1].split(":")[0] in {"13", "14", "15", "16"}


def test_quoted_or_spaced_thousands_are_one_term(tmp_path: Path) -> None:
    text = "- day: 2023-02-01\n  what: x\n  match:\n    - [Sobyanin, '45,000']\n    - [Sobyanin, 45 000]\n"
    write_month(tmp_path / "news", "2023-02.yaml", ENTRY + text + "  source: https://a.b\n")
    news = load_news_days(tmp_path / "news")[-1]
    assert [t[1] for t in news.sets] == [((("45", "000"), False),), ((("45", "000"), False),)]


def test_a_file_not_named_after_its_month_is_refused(tmp_path: Path) -> None:
    write_month(tmp_path / "news", "february.yaml", ENTRY)
    with pytest.raises(NewsDayError, match=r"YYYY-MM\.yaml"):
        load_news_days(tmp_path / "news")


# -- matching -----------------------------------------------------------------------------


def test_terms_match_in_one_sentence_across_spellings_and_possessives(matcher: NewsMatcher) -> None:
    text = "Mr Zelenskiy's speech in Westminster Hall drew a standing ovation. Nothing else."
    (m,) = matcher.find(text)
    assert m.news.first == D(2023, 2, 8)
    assert text[m.start : m.end] == "Zelenskiy's speech in Westminster Hall"


def test_terms_split_over_two_sentences_do_not_match(matcher: NewsMatcher) -> None:
    assert matcher.find("Zelensky arrived in London. Westminster Hall was full.") == []


def test_a_prefix_term_and_a_hyphenated_name_match(matcher: NewsMatcher) -> None:
    (m,) = matcher.find("Berlin will help refurbishing Leopard-1 tanks from industry stocks.")
    assert (m.news.first, m.news.last) == (D(2023, 2, 10), D(2023, 2, 11))


def test_a_term_needs_its_words_in_order(matcher: NewsMatcher) -> None:
    assert matcher.find("Zelensky visited the hall of Westminster.") == []


# -- the clue -----------------------------------------------------------------------------


def estimate(text: str, matcher: NewsMatcher):  # type: ignore[no-untyped-def]
    cues = find_cues(text, tag(text, None, anchors=CHRON.anchors), CHRON, TODAY, news=matcher)
    return estimate_from_cues(cues, *HORIZON, CHRON.anchors["default"])


def test_news_in_the_opening_with_a_weekday_gives_the_day(matcher: NewsMatcher) -> None:
    text = (
        "Leader asks Britain for jets\n\n"
        "Zelensky spoke in Westminster Hall on Wednesday and asked for fighter jets.\n\n"
        "Officials said a decision would take time.\n"
    )
    est = estimate(text, matcher)
    assert est.value == D(2023, 2, 8)
    assert est.evidence[0].reason.startswith("reports news of 8 February 2023")
    assert "https://example.org/day-350" in est.evidence[0].reason
    # one kind of clue never makes a confident date
    assert est.confidence <= 0.7


def test_news_recalled_with_a_month_is_only_a_lower_bound(matcher: NewsMatcher) -> None:
    text = (
        "A year of speeches\n\n"
        "Aid debates went on in several capitals this week.\n\n"
        "Officials recalled that in February Zelensky spoke in Westminster Hall.\n"
    )
    est = estimate(text, matcher)
    assert est.value is None or est.value != D(2023, 2, 8)
    (news,) = [e for e in est.evidence if "news of 8 February 2023" in e.reason]
    assert "from after it" in news.reason
    assert est.earliest is not None and est.earliest >= D(2023, 2, 1)


def test_news_low_in_the_text_counts_for_less_than_a_dated_opening(matcher: NewsMatcher) -> None:
    text = (
        "Tank deliveries\n\n"
        "KYIV, March 30, 2023 - The first tanks from the new coalition have arrived, officials said.\n\n"
        "Deliveries were slow at first.\n\nSome were old.\n\n"
        "Zelensky had spoken in Westminster Hall to ask for more.\n"
    )
    est = estimate(text, matcher)
    assert est.value is not None and abs((est.value - D(2023, 3, 30)).days) <= 1


def test_the_bundled_pipeline_reports_news_evidence() -> None:
    """Through anchor_text (what the build uses): a shipped entry's words give a 'news' clue."""
    news = next(d for d in load_news_days(DEFAULT_DIR) if not any(p for t in d.sets[0] for _, p in t))
    words = [" ".join(term[0][0]) for term in news.sets[0]]
    text = f"Update\n\nReports on Tuesday said {', '.join(words)} were confirmed.\n"
    pub = anchor_text(text, None, CHRON, today=TODAY).published
    assert any(e.reason.startswith("reports news of") for e in pub.evidence)


def test_the_quoted_words_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # both term sets of one day match one sentence; the earliest span is quoted, in every process
    write_month(tmp_path / "news", "2023-02.yaml", ENTRY)
    script = (
        "import sys; from pathlib import Path\n"
        "from timeline.anchoring.news_tables import load_news_days, load_words\n"
        "from timeline.anchoring.newsdays import NewsMatcher\n"
        "m = NewsMatcher(load_news_days(Path(sys.argv[1])), load_words())\n"
        "text = 'Speaker Lindsay Hoyle gave Zelensky a pilot helmet in Westminster Hall.'\n"
        "print([text[x.start : x.end] for x in m.find(text)])\n"
    )
    seen = {output_under_hash_seed(script, str(tmp_path / "news"), seed=seed).strip() for seed in "012345"}
    assert seen == {"['Lindsay Hoyle gave Zelensky a pilot helmet']"}
