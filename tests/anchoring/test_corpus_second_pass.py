"""The corpus pass places an undated article again from what its first pass read (issue 14): the
same result as extracting it from the start with the corpus clues, without tagging it again."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from timeline.anchoring import anchor_text, infer_publication, read_text
from timeline.anchoring.corpus import CorpusIndex, DatedArticle, news_terms
from timeline.anchoring.infer import horizon
from timeline.content import Article
from timeline.content.loader import load_articles
from timeline.core.chronology import load_chronology
from timeline.core.problems import Problems
from timeline.core.results import ArticleResult
from timeline.pipeline.extraction import FirstReading, extract_article, place_again
from timeline.temporal import tag

from ..conftest import ROOT, TODAY
from .test_corpus_dating import BACKGROUND, STRIKE, STRIKE_DAY, UNDATED_REPORT

CHRONOLOGY = load_chronology(ROOT / "content" / "chronology.yml", today=TODAY)


def _undated() -> list[Article]:
    articles = load_articles(ROOT / "content", Problems(), today=TODAY)
    assert articles
    return [dataclasses.replace(a, published=None, url=None) for a in articles]


def _clues() -> tuple:  # type: ignore[type-arg]
    dated = [
        (DatedArticle(f"bg{n}", "Background", dt.date.fromisoformat(day)), news_terms(body))
        for n, (day, body) in enumerate(sorted(BACKGROUND.items()))
    ]
    dated += [(DatedArticle(f"strike{n}", "Strike", STRIKE_DAY), news_terms(b)) for n, b in enumerate(STRIKE)]
    terms = news_terms(UNDATED_REPORT)
    index = CorpusIndex.build(dated, [terms])
    span = horizon(CHRONOLOGY, TODAY)
    near, profile = index.cue(terms, span), index.profile_cue(terms, span)
    assert near is not None and profile is not None
    return (near, profile)


def _same(result: ArticleResult) -> str:
    assert result.terms is not None
    return repr(
        (result.published, result.timexes, result.events, list(result.terms[0]), list(result.terms[1]))
    )


@pytest.mark.parametrize("article", _undated(), ids=lambda a: a.slug)
def test_placing_again_from_the_first_reading_gives_the_full_extraction(article: Article) -> None:
    first = extract_article(article, CHRONOLOGY, TODAY, keep_reading=True)
    assert isinstance(first, FirstReading)
    assert _same(first) == _same(extract_article(article, CHRONOLOGY, TODAY))  # keeping changes nothing
    kept = first.kept()
    assert kept is not None
    clues = _clues()
    again = place_again(article, kept, CHRONOLOGY, TODAY, clues)
    assert _same(again) == _same(extract_article(article, CHRONOLOGY, TODAY, clues))
    # the kept reading is a copy: placing the article twice from it gives the same result
    assert _same(place_again(article, kept, CHRONOLOGY, TODAY, clues)) == _same(again)


def test_a_dated_article_keeps_no_reading() -> None:
    article = load_articles(ROOT / "content", Problems(), today=TODAY)[0]
    article = dataclasses.replace(article, published=dt.date(2022, 3, 1))
    assert type(extract_article(article, CHRONOLOGY, TODAY, keep_reading=True)) is ArticleResult


@pytest.mark.parametrize("article", _undated(), ids=lambda a: a.slug)
def test_anchor_text_infers_as_infer_publication_does(article: Article) -> None:
    """anchor_text finds the text's clues once (read_text) and weighs them with the others; that
    must stay what infer_publication does."""
    clues = _clues()
    placed = anchor_text(article.body, None, CHRONOLOGY, today=TODAY, url=article.url, extra=clues)
    timexes = tag(article.body, None, anchors=CHRONOLOGY.anchors)
    assert placed.published == infer_publication(article.body, timexes, CHRONOLOGY, TODAY, article.url, clues)
    reading = read_text(article.body, None, CHRONOLOGY, today=TODAY, url=article.url)
    assert repr(reading.timexes) == repr(tag(article.body, None, anchors=CHRONOLOGY.anchors))
