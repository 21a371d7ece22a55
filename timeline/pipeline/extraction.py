"""Extraction of one article: tag, anchor, find events. Pure, so it can run anywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..anchoring import Reading, place_text, read_text
from ..anchoring.corpus import NewsTerms, news_terms
from ..anchoring.cues import Cue
from ..anchoring.mentions import Layout
from ..anchoring.newsdays import recalls
from ..content import Article
from ..core.chronology import Chronology
from ..core.results import ArticleResult
from ..events import article_events
from ..temporal.rules import tagger_language
from ..temporal.values import Timex

Spans = tuple[tuple[int, int], ...]
# what the second pass of an undated article takes from its first (:class:`FirstReading`): the
# reading, dumped; the sentences left out of the fingerprint; the fingerprint
Kept = tuple[bytes, Spans, NewsTerms]


@dataclass
class FirstReading(ArticleResult):
    """The result of an undated article, with what its second pass needs from the first (see
    :func:`place_again`): its :class:`~timeline.anchoring.Reading`, dumped, and the sentences its
    fingerprint left out."""

    reading: bytes = b""
    recalled: Spans = ()

    def kept(self) -> Kept | None:
        return (self.reading, self.recalled, self.terms) if self.terms is not None else None


def reference_today(chronology: Chronology, today: dt.date | None) -> dt.date:
    """The injected 'today'. The command line always resolves one (:mod:`timeline.core.today`); library
    calls without one get the end of the chronology window (provisional when the window is open)."""
    return today or chronology.window[1]


def extract_article(
    article: Article,
    chronology: Chronology,
    today: dt.date,
    extra: Sequence[Cue] = (),
    *,
    keep_reading: bool = False,
) -> ArticleResult:
    """Tag, anchor and find the events of one article (no I/O, no clock). ``extra``: clues from
    outside the article (the corpus clue, see :func:`timeline.pipeline.read_phase.date_from_corpus`).
    ``keep_reading``: an undated article's result is a :class:`FirstReading`, which
    :func:`place_again` places again with the corpus clue without reading the text again."""
    language = tagger_language(article.language)
    reading = read_text(
        article.body, article.published, chronology, today=today, url=article.url, language=language
    )
    kept = reading.dump() if keep_reading and article.published is None else None
    anchored = place_text(reading, article.body, article.published, chronology, today=today, extra=extra)
    events = article_events(article, anchored.timexes, anchored.published)
    recalled = _recalled(article, anchored.timexes)
    terms = news_terms(f"{article.title}\n\n{_news_text(article, recalled)}")
    if kept is None:
        return ArticleResult(article, anchored.published, anchored.timexes, events, terms)
    return FirstReading(article, anchored.published, anchored.timexes, events, terms, kept, recalled)


def place_again(
    article: Article, kept: Kept, chronology: Chronology, today: dt.date, extra: Sequence[Cue]
) -> ArticleResult:
    """``extract_article(article, chronology, today, extra)`` for an undated article, from what its
    first result kept (:meth:`FirstReading.kept`): the same result, without tagging the text or
    looking for its clues again (neither depends on the publication date or on ``extra``), and with
    the same fingerprint when the same sentences are left out of it."""
    reading, first_recalled, terms = kept
    anchored = place_text(Reading.load(reading), article.body, None, chronology, today=today, extra=extra)
    events = article_events(article, anchored.timexes, anchored.published)
    recalled = _recalled(article, anchored.timexes)
    if recalled != first_recalled:
        terms = news_terms(f"{article.title}\n\n{_news_text(article, recalled)}")
    return ArticleResult(article, anchored.published, anchored.timexes, events, terms)


def _recalled(article: Article, timexes: Sequence[Timex]) -> Spans:
    """For an undated article, the sentences that date what they tell as past ("since the dam was
    destroyed in June 2023"), sorted: they recall old news, and matching them would pull the
    article onto that old day, so its fingerprint leaves them out (:func:`_news_text`). A dated
    article keeps them: it is evidence of what was news on its own day."""
    if article.published is not None:
        return ()
    layout = Layout(article.body)
    return tuple(sorted({layout.sentence_span(layout.sentence(t.start)) for t in timexes if recalls(t)}))


def _news_text(article: Article, recalled: Spans) -> str:
    """The text whose news dates the article: its text without the ``recalled`` sentences."""
    if article.published is not None:
        return article.body_text
    body, first = article.body, article.body_start
    pieces, at = [], first
    for start, end in recalled:
        if start >= at:
            pieces += [body[at:start], "\n"]
            at = end
    return "".join([*pieces, body[at:]])
