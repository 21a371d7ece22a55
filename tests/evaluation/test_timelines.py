"""`timeline eval-timeline`: events against a reference timeline (issue 17).

The metrics are checked on small invented timelines whose values are counted by hand; one run goes
through the whole pipeline on a small invented corpus, and one scores the real reference against
itself (../shared, skipped when absent).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.core.datafile import DataFileError, read
from timeline.evaluation.timelines import (
    SCHEMA,
    WORDS_PATH,
    Day,
    ReferenceError_,
    ReferenceItem,
    baseline_days,
    content_words,
    format_timeline_report,
    match_words,
    ranked,
    read_reference,
    run_timeline_eval,
    score_days,
)

from ..conftest import shared_path

D = dt.date(2022, 3, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n - 1)


def ref(n: int, text: str) -> ReferenceItem:
    return ReferenceItem(day(n), text, content_words(text))


def test_content_words_leave_out_stop_words_and_war_words() -> None:
    words = content_words("Russia's forces said on Tuesday they shelled the Kharkiv city council building.")
    assert words == {"shelled", "kharkiv", "city", "council", "building"}
    assert content_words("Ukrainian troops said the war goes on in Ukraine") == {"goes"}


def test_word_lists_are_lowercase_and_apart() -> None:
    lists = match_words()
    assert lists.stopwords and lists.generic
    assert not lists.stopwords & lists.generic
    assert all(w == w.lower() for w in lists.stopwords | lists.generic)
    assert "ukraine" in lists.generic and "said" in lists.generic


def test_a_broken_word_list_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "words.yaml"
    bad.write_text("stopwords: [the, a]\ngeneric: [ukraine]\nextra: [x]\n", "utf-8")
    with pytest.raises(DataFileError, match=r"words.yaml:3"):
        read(bad, SCHEMA, "the evaluation word lists")
    assert read(WORDS_PATH, SCHEMA, "the evaluation word lists")["generic"]


def test_reference_drops_the_cited_outlets_and_names_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "ref.jsonl"
    path.write_text(
        json.dumps({"date": "2022-03-02", "text": "Mariupol theatre struck by an airstrike. (Reuters) (BBC)"})
        + "\n\n"
        + json.dumps({"date": "2022-03-03", "text": "Kherson city captured by invading troops."})
        + "\n",
        "utf-8",
    )
    items = read_reference(path)
    assert [i.date for i in items] == [day(2), day(3)]
    assert items[0].words == {"mariupol", "theatre", "struck", "airstrike"}  # no "reuters", "bbc"
    path.write_text('{"date": "2 March", "text": "x"}\n', "utf-8")
    with pytest.raises(ReferenceError_, match=r"ref.jsonl:1: expected a JSON object with 'date'"):
        read_reference(path)


# A reference of four items on three days, and a system of four days. Counted by hand:
REFERENCE = [
    ref(2, "Explosions damage the Kherson airport runway overnight."),
    ref(2, "Zaporizhzhia nuclear plant shelled; reactor building catches fire."),
    ref(5, "Evacuation corridor from Mariupol opens for civilian buses."),
    ref(9, "Parliament approves martial law extension for ninety days."),
]


def system() -> list[Day]:
    return ranked(
        [
            # best day: its best event shares "zaporizhzhia nuclear plant shelled" with an item of
            # the same day -> right
            Day(
                day(2), 9.0, ["Zaporizhzhia nuclear plant shelled overnight by Russian forces, Ukraine said."]
            ),
            # second: its best event matches the corridor item one day later (day 5 vs 6: within one
            # day) -> right; it is also that item's match for recall
            Day(
                day(6),
                7.0,
                ["Civilian buses leave Mariupol through the evacuation corridor.", "Weather turns cold."],
            ),
            # third: a caption about the weather, nothing near -> wrong (and the top N stops here)
            Day(day(8), 5.0, ["Snow fell across the region, photo shows.", "Martial law extension approves"]),
            # fourth: outside the top 3 (N = 3 reference days); its second event would match the
            # airport item (day 3 is within one day of day 2), which recall at 10 counts
            Day(day(3), 2.0, ["Talks resume.", "Kherson airport runway damaged by explosions."]),
        ]
    )


def test_metrics_counted_by_hand() -> None:
    report = score_days(system(), REFERENCE)
    assert report["top_days"] == 3
    # top 3 days: day 2 right, day 6 right, day 8 wrong
    assert report["top_event_precision"] == round(2 / 3, 4)
    assert [w["day"] for w in report["wrong_top_events"]] == ["2022-03-08"]
    # recall at 10: the airport item (day 3's second event), the plant item (day 2), the corridor
    # (day 6) and the martial-law item (day 8, one day off: "martial law extension" shares 3 words)
    # -> 4 of 4; without day 8's second event it would be 3 of 4
    assert report["recall_at_10"] == 1.0
    # date F1: top days {2, 6, 8} against reference days {2, 5, 9}: 1 shared, P = R = 1/3
    assert report["date_precision"] == report["date_recall"] == round(1 / 3, 4)
    assert report["date_f1"] == round(1 / 3, 4)


def test_fewer_days_than_the_reference() -> None:
    days = [Day(day(2), 1.0, ["Zaporizhzhia nuclear plant reactor building fire."])]
    report = score_days(days, REFERENCE)
    assert report["top_event_precision"] == 1.0
    assert report["recall_at_10"] == 0.25
    # 1 of 1 predicted day is a reference day, 1 of 3 reference days predicted: F1 = 2 * 1 * 1/3 / (4/3)
    assert report["date_precision"] == 1.0
    assert report["date_recall"] == round(1 / 3, 4)
    assert report["date_f1"] == 0.5


def test_the_baseline_ranks_days_by_articles_and_picks_the_most_shared_sentence() -> None:
    articles = [
        (day(2), "Shelling hit the Zaporizhzhia nuclear plant overnight. Officials were calm."),
        (day(2), "The nuclear plant at Zaporizhzhia caught fire after shelling. Markets fell."),
        (day(2), "Firefighters reached the nuclear plant. Cafes reopened in the spring sun."),
        (day(5), "Buses left Mariupol through a corridor. It rained."),
        (dt.date(2021, 6, 16), "An old report outside the span with many articles."),
    ]
    days = baseline_days(articles, day(1), day(9))
    assert [(d.day, d.score) for d in days] == [(day(2), 3.0), (day(5), 1.0)]
    # "nuclear" and "plant" are in 3 articles, "zaporizhzhia" and "shelling" in 2, "fire" in 1:
    # the second sentence sums 3 + 3 + 2 + 2 + 1 + 1 (caught) = 12, the first 2 + 1 + 2 + 3 + 3 + 1 = 12
    # too ("hit", "overnight" in one article each); equal sums go in text order
    assert days[0].headlines[:2] == [
        "Shelling hit the Zaporizhzhia nuclear plant overnight.",
        "The nuclear plant at Zaporizhzhia caught fire after shelling.",
    ]
    assert days[0].headlines[-1] in {"Officials were calm.", "Markets fell."}
    assert days[1].headlines[0] == "Buses left Mariupol through a corridor."


ARTICLES = [
    {
        "id": "a1",
        "published": "2022-03-04",
        "url": "https://example.org/2022/03/04/plant",
        "title": "Fire at Zaporizhzhia nuclear plant after shelling",
        "text": "On 3 March 2022, shelling set fire to a training building at the Zaporizhzhia nuclear "
        "plant in Enerhodar, the plant's operator reported.\n"
        "Firefighters put out the blaze by morning, the regional governor wrote.",
    },
    {
        "id": "a2",
        "published": "2022-03-04",
        "url": "https://example.net/news/plant-fire",
        "title": "Nuclear plant fire put out",
        "text": "On 3 March 2022, shelling set fire to a training building at the Zaporizhzhia nuclear "
        "plant in Enerhodar, the plant's operator reported.\n"
        "Radiation levels stayed normal, inspectors in Vienna said.",
    },
    {
        "id": "a3",
        "published": "2022-03-06",
        "url": "https://example.com/corridor",
        "title": "Mariupol evacuation halted",
        "text": "On 5 March 2022, the evacuation of civilians from Mariupol was halted after the "
        "ceasefire along the corridor collapsed.\n"
        "Temperatures dropped below freezing in the city.",
    },
]


def _write(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        handle.write("".join(json.dumps(a) + "\n" for a in ARTICLES))
    reference = tmp_path / "reference.jsonl"
    items = [
        {
            "date": "2022-03-03",
            "text": "Shelling sets a training building of the Zaporizhzhia nuclear plant on fire.",
        },
        {
            "date": "2022-03-05",
            "text": "The Mariupol evacuation is halted as the ceasefire collapses. (Reuters)",
        },
    ]
    reference.write_text("".join(json.dumps(i) + "\n" for i in items), "utf-8")
    return corpus, reference


def test_a_small_corpus_through_the_pipeline(tmp_path: Path) -> None:
    corpus, reference = _write(tmp_path)
    report = run_timeline_eval(reference, corpus=corpus, today=dt.date(2026, 12, 4))
    assert report["articles"] == 3 and report["dated_articles"] == 3
    assert report["reference_days"] == 2 and report["span"] == ["2022-03-03", "2022-03-05"]
    system, baseline = report["system"], report["baseline"]
    # the system dates the fire to 3 March (two outlets) and the evacuation to 5 March: both top
    # events match their reference item on their own day
    assert system["top_event_precision"] == 1.0
    assert system["recall_at_10"] == 1.0
    assert system["date_f1"] == 1.0
    # the baseline knows only publication days: 4 March (2 articles, the fire: one day off, right)
    # and nothing else inside the span (the evacuation article appeared on the 6th, outside it)
    assert baseline["days"] == 1
    assert baseline["top_event_precision"] == 1.0
    assert baseline["recall_at_10"] == 0.5
    assert baseline["date_f1"] == 0.0
    text = format_timeline_report(report)
    assert "top-event precision" in text and "100.0%" in text


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, reference = _write(tmp_path)
    args = ["eval-timeline", str(reference), "--corpus", str(corpus), "--today", "2026-12-04"]
    assert main([*args, "--json", "--jobs", "1", "--config", str(tmp_path / "none.yml")], environ={}) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["system"]["top_event_precision"] == 1.0
    assert main([*args, "--content", str(tmp_path)], environ={}) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["eval-timeline", str(tmp_path / "missing.jsonl")], environ={}) == 2


def test_the_real_reference_scored_against_itself() -> None:
    path = shared_path("eval", "wikipedia-current-events", "2022h1.jsonl")
    items = read_reference(path)
    by_day: dict[dt.date, list[str]] = {}
    for item in items:
        by_day.setdefault(item.date, []).append(item.text)
    days = ranked(Day(d, float(len(texts)), texts) for d, texts in by_day.items())
    report = score_days(days, items)
    assert report["date_f1"] == 1.0
    # an item with fewer than 3 content words can match nothing: the ceiling is below 100%
    assert report["recall_at_10"] > 0.8 and report["top_event_precision"] > 0.8


def test_reachable_recall_counts_every_headline_of_a_day() -> None:
    # the airport item's only match is the day's eleventh headline: outside recall at 10, inside what a
    # better ranking of the same headlines could reach
    filler = [f"Officials reported routine patrol number {n} near the coast." for n in range(10)]
    days = [Day(day(3), 1.0, filler, more=["Kherson airport runway damaged by explosions."])]
    report = score_days(days, REFERENCE)
    assert report["recall_at_10"] == 0.0
    assert report["recall_any_rank"] == 0.25
    assert score_days(system(), REFERENCE)["recall_any_rank"] == 1.0
