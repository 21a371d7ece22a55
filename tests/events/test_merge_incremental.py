"""The merge with the last build's memory (events/probes.py) gives exactly a cold merge's events,
and probes again only what changed: articles added, edited and removed, on real-looking reports."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import multiprocessing
import random
import re
from types import SimpleNamespace

import pytest

import timeline.events.merge as merge_mod
from timeline.content.article import Article
from timeline.core.chronology import KeyEvent
from timeline.core.results import ArticleEvent, ArticleResult, Event
from timeline.events import merge_events, probing
from timeline.events.probes import MergeMemory
from timeline.temporal.values import DateValue

from ..conftest import shared_path

D = dt.date
CHRONOLOGY = SimpleNamespace(
    window=(D(2022, 1, 1), D(2022, 12, 31)),
    events=[
        KeyEvent(
            "kyiv-withdrawal",
            DateValue.day(D(2022, 3, 29)),
            "Russia announces it will pull back from Kyiv",
            ("withdraw troops from the Kyiv region", "withdrawal from Kyiv"),
        )
    ],
)
PLACES = [
    "Kharkiv", "Mykolaiv", "Kherson", "Odesa", "Izium", "Mariupol", "Chernihiv", "Sumy", "Irpin", "Bucha",
    "Zaporizhzhia", "Dnipro", "Lviv", "Kramatorsk", "Sloviansk", "Severodonetsk", "Lysychansk", "Bakhmut",
    "Vinnytsia", "Zhytomyr", "Poltava", "Kryvyi Rih", "Melitopol", "Berdyansk", "Enerhodar", "Kremenchuk",
]  # fmt: skip
SAYERS = [
    "the regional governor", "Ukraine's military", "the mayor", "the defence ministry", "officials",
    "the general staff", "emergency services", "police", "a presidential adviser", "local authorities",
]  # fmt: skip
THINGS = [
    "a school", "a hospital", "a railway station", "an oil depot", "a shopping centre", "a bridge",
    "a grain terminal", "an apartment block", "a power substation", "a water plant", "a church", "a market",
]  # fmt: skip
REPORTS = [
    "Russian forces shelled {thing} in {place} overnight, {sayer} said.",
    "At least {n} civilians were killed when missiles struck {thing} in {place}, {sayer} said.",
    "Ukrainian troops retook {n} villages near {place}, according to {sayer}.",
    "A drone attack damaged {thing} in {place}, leaving {n} homes without electricity.",
    "The Kremlin announced that it plans to withdraw troops from the Kyiv region.",
    "Air raid sirens sounded across {place} as {sayer} urged residents to stay in shelters.",
    "Talks between the delegations resumed in Istanbul, {sayer} said.",
    "Aid convoys reached {place} after {n} days of fighting, {sayer} said.",
    "Rescuers pulled {n} people from the rubble of {thing} in {place}, {sayer} said.",
    "Fire broke out at {thing} near {place} after an explosion, {sayer} reported.",
]
ENDINGS = [
    "",
    " on Monday",
    " early on Tuesday",
    ", witnesses said",
    " in the latest attack",
    " for a second day",
]


def _date(rng: random.Random) -> DateValue:
    start = D(2022, 3, 1) + dt.timedelta(days=rng.randrange(70))
    kind = rng.random()
    if kind < 0.8:
        return DateValue.day(start)
    if kind < 0.9:
        return DateValue.month(start.year, start.month)
    return DateValue.week(start)


def _sentence(rng: random.Random) -> str:
    text = rng.choice(REPORTS).format(
        place=rng.choice(PLACES), sayer=rng.choice(SAYERS), thing=rng.choice(THINGS), n=rng.randrange(2, 40)
    )
    return text[:-1] + rng.choice(ENDINGS) + "."


def article(slug: str, rng: random.Random, size: int = 6) -> ArticleResult:
    """An article of ``size`` dated reports; some are the wire's words again (exact repeats)."""
    events: list[tuple[DateValue, str]] = [(_date(rng), _sentence(rng)) for _ in range(size)]
    text = "\n".join(t for _, t in events)
    page = Article(path=f"articles/{slug}.txt", slug=slug, text=text, body=text, title=slug)
    found, pos = [], 0
    for i, (date, sentence) in enumerate(events):
        found.append(ArticleEvent(slug, date, sentence, pos, pos + len(sentence), i))
        pos += len(sentence) + 1
    return ArticleResult(article=page, published=None, timexes=[], events=found)  # type: ignore[arg-type]


def _view(events: list[Event]) -> list[tuple[object, ...]]:
    return [
        (
            e.id,
            e.date,
            e.text,
            e.score,
            e.anchors,
            [repr(m) for m in e.members],
            [repr(c) for c in e.conflicts],
        )
        for e in events
    ]


def _corpus(seed: int, n: int) -> list[ArticleResult]:
    rng = random.Random(seed)
    return [article(f"a{i:03d}", rng) for i in range(n)]


@pytest.mark.parametrize("limit", [merge_mod.POSTING_LIMIT, 3])
def test_merge_with_memory_equals_a_cold_merge_after_each_change(
    limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a small POSTING_LIMIT makes the cut of long posting lists bind, as on 10,000 real articles
    monkeypatch.setattr(merge_mod, "POSTING_LIMIT", limit)
    rng = random.Random(7)
    results = _corpus(1, 120)
    memory = MergeMemory()
    merge_events(results, CHRONOLOGY, memory)  # the first build: everything probed
    assert memory.probes is not None
    total, cold = len(memory.probes.uids), memory.compared
    assert memory.probed == total - sum(memory.probes.repeat)
    steps = [
        ("a new article", lambda rs: [*rs, article("new", rng)]),
        ("an edited article", lambda rs: [rs[0], article(rs[1].article.slug, rng), *rs[2:]]),
        ("a removed article", lambda rs: rs[:50] + rs[51:]),
        ("a near-copy of a report", lambda rs: [*rs, _copy_of(rs[10])]),
    ]
    for what, change in steps:
        results = change(results)
        warm = merge_events(results, CHRONOLOGY, memory)
        assert _view(warm) == _view(merge_events(results, CHRONOLOGY)), what
        # fewer pairs compared than a cold merge: in this small corpus of a few templates one article
        # moves the frequency order of many shared words, so many prefixes; real text: the test below
        assert 0 < memory.compared < cold, (what, memory.compared, cold)


def _copy_of(result: ArticleResult) -> ArticleResult:
    first = result.events[0]
    text = first.text.replace(" said", " told reporters")
    page = Article(path="articles/copy.txt", slug="copy", text=text, body=text, title="copy")
    event = ArticleEvent("copy", first.date, text, 0, len(text), 0)
    return ArticleResult(article=page, published=None, timexes=[], events=[event])  # type: ignore[arg-type]


def test_a_memory_of_other_candidates_gives_a_cold_merge() -> None:
    """A memory from a wholly different corpus (nothing in common) is harmless: every probe runs."""
    memory = MergeMemory()
    merge_events(_corpus(2, 60), CHRONOLOGY, memory)
    results = _corpus(3, 60)
    warm = merge_events(results, CHRONOLOGY, memory)
    assert _view(warm) == _view(merge_events(results, CHRONOLOGY))


def test_stale_edges_are_not_reused_when_an_earlier_report_is_removed() -> None:
    """Removing the first report of an event makes its copies probe again and form the event anew."""
    rng = random.Random(11)
    base = "Russian forces shelled residential districts of Kharkiv overnight, the regional governor said."
    day = DateValue.day(D(2022, 3, 14))
    copies = []
    for k, text in enumerate(
        [base, base.replace("overnight", "late on Sunday"), base.replace(" the", " its")]
    ):
        page = Article(path=f"articles/c{k}.txt", slug=f"c{k}", text=text, body=text, title=f"c{k}")
        event = ArticleEvent(f"c{k}", day, text, 0, len(text), 0)
        copies.append(ArticleResult(article=page, published=None, timexes=[], events=[event]))  # type: ignore[arg-type]
    others = [article(f"o{i}", rng) for i in range(30)]
    memory = MergeMemory()
    first = merge_events([*copies, *others], CHRONOLOGY, memory)
    shelled = [e for e in first if {"c0", "c1", "c2"} <= set(e.sources)]
    assert shelled, "the three copies are one event"
    warm = merge_events([*copies[1:], *others], CHRONOLOGY, memory)
    assert _view(warm) == _view(merge_events([*copies[1:], *others], CHRONOLOGY))
    assert any({"c1", "c2"} <= set(e.sources) and "c0" not in e.sources for e in warm)


def _real(row: dict[str, str], slug: str, extra: str = "") -> ArticleResult:
    """A real article's sentences of six words or more as its candidates, dated as reports are:
    the day it was published, the day before, a week, its month."""
    text = row["text"] + extra
    published = D.fromisoformat(row["published"][:10])
    found, pos = [], 0
    for k, sentence in enumerate(re.split(r"(?<=[.!?])\s+", text)[:40]):
        start = text.find(sentence, pos)
        pos = start + len(sentence)
        if len(sentence.split()) < 6:
            continue
        date = [
            DateValue.day(published),
            DateValue.day(published - dt.timedelta(days=1)),
            DateValue.week(published),
            DateValue.month(published.year, published.month),
        ][k % 4 if k % 5 else 0]
        found.append(ArticleEvent(slug, date, sentence, start, pos, len(found)))
    page = Article(
        path=f"articles/{slug}.txt", slug=slug, text=text, body=text, title=row.get("title") or slug
    )
    return ArticleResult(article=page, published=None, timexes=[], events=found)  # type: ignore[arg-type]


def test_real_articles_probe_again_only_near_the_change() -> None:
    """250 real articles of the dev corpus: a new, an edited and a removed article each give the
    cold merge's events, comparing a small share of the pairs a cold merge compares."""
    with gzip.open(shared_path("eval", "war-news-corpus", "2022h1.jsonl.gz"), "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(251), f, strict=False)]
    results = [_real(row, f"r{i:03d}") for i, row in enumerate(rows[:250])]
    memory = MergeMemory()
    merge_events(results, CHRONOLOGY, memory)
    assert memory.probes is not None
    assert len(memory.probes.uids) > 3000
    cold = memory.compared
    said = " On Monday, Russian forces shelled the centre of Kharkiv again, the regional governor said."
    steps = [
        ("a new article", lambda rs: [*rs, _real(rows[250], "new")]),
        ("an edited article", lambda rs: [*rs[:200], _real(rows[200], "r200", said), *rs[201:]]),
        ("a removed article", lambda rs: rs[:100] + rs[101:]),
    ]
    for what, change in steps:
        results = change(results)
        warm = merge_events(results, CHRONOLOGY, memory)
        assert _view(warm) == _view(merge_events(results, CHRONOLOGY)), what
        assert memory.compared < cold // 20, (what, memory.compared, cold)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_probes_split_among_worker_processes_give_a_serial_merges_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cold merge's probes run in forked workers when there are many (events/probing.py): the
    same edges, events and count of compared pairs as one process, in chunks that split clusters."""
    results = _corpus(3, 150)
    serial_memory = MergeMemory()
    serial = _view(merge_events(results, CHRONOLOGY, serial_memory))
    calls: list[int] = []
    real = probing.ProbeIndex.probe

    def counted(self: probing.ProbeIndex, i: int) -> tuple[list[tuple[int, float]], int]:
        calls.append(i)  # in a worker, this list is the worker's copy
        return real(self, i)

    monkeypatch.setattr(probing, "PARALLEL_PROBES", 10)
    monkeypatch.setattr(probing, "CHUNK", 37)
    monkeypatch.setattr(probing.ProbeIndex, "probe", counted)  # inherited by the forked workers
    parallel_memory = MergeMemory()
    assert _view(merge_events(results, CHRONOLOGY, parallel_memory)) == serial
    assert parallel_memory.compared == serial_memory.compared > 0
    assert parallel_memory.probes is not None and serial_memory.probes is not None
    assert parallel_memory.probes.edges == serial_memory.probes.edges
    assert calls == []  # the chunks ran in the workers, not here


def test_a_pair_refused_by_its_sizes_could_not_have_reached_the_threshold() -> None:
    """The size test before the intersection refuses only pairs whose Jaccard stays below the
    threshold: every pair of real-looking reports gets the edge a plain Jaccard gives."""
    rng = random.Random(11)
    texts = [_sentence(rng) for _ in range(150)]
    tokens = [merge_mod.content_tokens(t) for t in texts]
    names = [merge_mod.names_of(t) for t in texts]
    day = (D(2022, 3, 1), D(2022, 3, 1))
    index = probing.ProbeIndex([day] * len(texts), [], tokens, names, {}, dt.timedelta(days=31), 100, 0.5)
    kept = 0
    for i in range(len(texts)):
        for j in range(i):
            plain = merge_mod.similar(tokens[i], tokens[j])
            expected = plain if plain >= 0.5 else None
            assert index.similar(i, j) == expected, (texts[i], texts[j])
            kept += expected is not None
    assert kept > 20
