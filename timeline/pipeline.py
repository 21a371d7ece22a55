"""The read phase: content folder -> :class:`~timeline.model.Timeline`. Nothing is written here.

Phases, as in MkDocs' own build: collect (load and validate every article), extract (tag and
anchor each article independently, so it can run in parallel or come from a cache), then merge
(events across articles). Rendering and writing happen afterwards, elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from .anchoring import anchor_text
from .chronology import Chronology, load_chronology
from .content import Article, load_articles
from .events import article_events, merge_events
from .model import ArticleResult, Timeline
from .problems import Problems


def reference_today(chronology: Chronology, today: dt.date | None) -> dt.date:
    """The injected 'today': the configured one, else the end of the chronology window."""
    return today or chronology.window[1]


def extract_article(article: Article, chronology: Chronology, today: dt.date) -> ArticleResult:
    """Tag, anchor and find the events of one article (pure; safe to run in a worker process)."""
    anchored = anchor_text(article.body, article.published, chronology, today=today)
    events = article_events(article, anchored.timexes)
    return ArticleResult(article, anchored.published, anchored.timexes, events)


def collect(
    content_dir: Path,
    *,
    today: dt.date | None = None,
    problems: Problems | None = None,
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
) -> Timeline:
    """Read and resolve everything in ``content_dir``."""
    problems = problems if problems is not None else Problems()
    chronology_file = content_dir / "chronology.yml"
    chronology = load_chronology(chronology_file if chronology_file.exists() else None)
    ref = reference_today(chronology, today)
    articles = load_articles(content_dir, problems, today=ref)
    items: Iterable[Article] = progress(articles) if progress else articles
    results = [extract_article(a, chronology, ref) for a in items]
    events = merge_events(results, chronology)
    return Timeline(results, events, chronology, problems)
