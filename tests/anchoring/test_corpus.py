"""The benchmark corpus generator: deterministic, parseable, and as tricky as the client's samples."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from timeline.content import load_articles
from timeline.core.problems import Problems

from ..conftest import ROOT

N = 20


def _load_corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus_module()
WEEKDAYS = corpus.WEEKDAYS
MONTHS = corpus.MONTHS


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    out = corpus.write_corpus(tmp_path_factory.mktemp("corpus"), N)
    truth = {}
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        truth[row["name"]] = row
    return out, truth


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    assert corpus.generate(N) == corpus.generate(N)
    assert corpus.generate(N, seed=1) != corpus.generate(N, seed=2)
    # article i depends only on (seed, i): the 5-article corpus is the start of the 20-article one
    assert corpus.generate(5) == corpus.generate(N)[:5]
    a = corpus.write_corpus(tmp_path / "a", N, seed=9)
    b = corpus.write_corpus(tmp_path / "b", N, seed=9)
    files_a = sorted((a / "articles").iterdir())
    assert [p.name for p in files_a] == sorted(p.name for p in (b / "articles").iterdir())
    assert all(p.read_bytes() == (b / "articles" / p.name).read_bytes() for p in files_a)


def test_cli_writes_articles_chronology_and_manifest(tmp_path: Path) -> None:
    assert corpus.main(["--n", "3", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in (tmp_path / "articles").iterdir())
    assert len(names) == 3 and all(re.fullmatch(r"\d{5}_[0-9a-f]{16}\.(txt|md)", n) for n in names)
    assert len((tmp_path / "manifest.jsonl").read_text().splitlines()) == 3
    if (ROOT / "content" / "chronology.yml").exists():
        assert (tmp_path / "chronology.yml").read_bytes() == (
            ROOT / "content" / "chronology.yml"
        ).read_bytes()


def test_every_article_loads_cleanly(written: tuple[Path, dict[str, dict]]) -> None:
    out, truth = written
    problems = Problems()
    articles = load_articles(out, problems, today=dt.date(2026, 1, 1))
    assert not list(problems), [str(p) for p in problems]
    assert len(articles) == N and len({a.slug for a in articles}) == N
    for article in articles:
        row = truth[Path(article.path).name]
        # front matter states the true date; the others leave it to inference
        expected = dt.date.fromisoformat(row["published"]) if row["front_matter"] else None
        assert article.published == expected
        assert article.title and not article.body_text.lstrip().startswith(
            article.title
        )  # headline is not body
        assert "ARTICLE AD BOX" not in article.body and "Read Full Article" not in article.body


def test_dates_span_the_war_and_most_articles_have_no_front_matter(
    written: tuple[Path, dict[str, dict]],
) -> None:
    _, truth = written
    dates = [dt.date.fromisoformat(r["published"]) for r in truth.values()]
    assert all(dt.date(2022, 2, 24) < d <= dt.date(2025, 12, 31) for d in dates)
    assert {d.year for d in dates} >= {2022, 2023, 2024, 2025}
    with_front = sum(r["front_matter"] for r in truth.values())
    assert 0 < with_front < N / 2


def test_the_tricky_features_of_the_samples_are_present(written: tuple[Path, dict[str, dict]]) -> None:
    out, _ = written
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((out / "articles").iterdir()))
    month = "|".join(MONTHS)
    expected = {
        "scraper junk": r"^\d{1,2} (?:hours|days|weeks|months) ago \d+$|^ARTICLE AD BOX$|Read Full Article",
        "caption with a full date": rf"(?:{month}) \d{{1,2}}, 20\d\d\.",
        "weekday with a date": rf"On (?:{'|'.join(WEEKDAYS)}), (?:{month}) \d{{1,2}},",
        "war-relative": r"\b\w+ (?:weeks|months|days) into the (?:war|invasion)\b|\b\d+ days in,",
        "deictic": r"\byesterday\b|\blast week\b|\bthis week\b",
        "distance, not a date": r"\b\d+ miles\b",
        "unit number, not a date": r"\b\d+(?:st|nd|rd|th) (?:\w+ )*(?:Brigade|Corps)\b",
        "quotes": r"“[^”]+”",
        "decade or since-year": r"in the 1990s|since 2014",
    }
    missing = [name for name, pattern in expected.items() if not re.search(pattern, text, re.M)]
    assert not missing


def test_relative_phrases_agree_with_the_true_date(written: tuple[Path, dict[str, dict]]) -> None:
    out, truth = written
    weekday_dates = war_weeks = 0
    for name, row in truth.items():
        text = (out / "articles" / name).read_text(encoding="utf-8")
        pub = dt.date.fromisoformat(row["published"])
        for m in re.finditer(rf"On ({'|'.join(WEEKDAYS)}), ({'|'.join(MONTHS)}) (\d{{1,2}}),", text):
            # the mentioned day is within the week before publication, with the right weekday
            candidates = [pub - dt.timedelta(days=k) for k in range(1, 8)]
            day = next(d for d in candidates if d.month == MONTHS.index(m[2]) + 1 and d.day == int(m[3]))
            assert WEEKDAYS[day.weekday()] == m[1], (name, m[0], pub)
            weekday_dates += 1
        for m in re.finditer(r"\b(\w+) weeks into the (?:war|invasion)", text, re.I):
            weeks = corpus.NUMBER_WORDS.index(m[1].lower())
            assert weeks == (pub - corpus.INVASION).days // 7, (name, m[0], pub)
            war_weeks += 1
    assert weekday_dates > 0
