"""Extraction of one article: tag, anchor, find events. Pure, so it can run anywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .anchoring import anchor_text
from .anchoring.corpus import news_terms
from .anchoring.cues import Cue
from .anchoring.mentions import Layout
from .anchoring.newsdays import recalls
from .chronology import Chronology
from .content import Article
from .events import article_events
from .model import ArticleResult
from .temporal.values import Timex


def reference_today(chronology: Chronology, today: dt.date | None) -> dt.date:
    """The injected 'today'. The command line always resolves one (:mod:`timeline.today`); library
    calls without one get the end of the chronology window (provisional when the window is open)."""
    return today or chronology.window[1]


def extract_article(
    article: Article, chronology: Chronology, today: dt.date, extra: Sequence[Cue] = ()
) -> ArticleResult:
    """Tag, anchor and find the events of one article (no I/O, no clock). ``extra``: clues from
    outside the article (the corpus clue, see :func:`timeline.pipeline.date_from_corpus`)."""
    anchored = anchor_text(
        article.body, article.published, chronology, today=today, url=article.url, extra=extra
    )
    events = article_events(article, anchored.timexes, anchored.published)
    terms = news_terms(f"{article.title}\n\n{_news_text(article, anchored.timexes)}")
    return ArticleResult(article, anchored.published, anchored.timexes, events, terms)


def _news_text(article: Article, timexes: Sequence[Timex]) -> str:
    """The text whose news dates the article. For an undated article, the sentences that date what
    they tell as past ("since the dam was destroyed in June 2023") are left out: they recall old
    news, and matching them would pull the article onto that old day. A dated article keeps them:
    it is evidence of what was news on its own day."""
    if article.published is not None:
        return article.body_text
    body, first = article.body, article.body_start
    layout = Layout(body)
    spans = sorted({layout.sentence_span(layout.sentence(t.start)) for t in timexes if recalls(t)})
    pieces, at = [], first
    for start, end in spans:
        if start >= at:
            pieces += [body[at:start], "\n"]
            at = end
    return "".join([*pieces, body[at:]])
