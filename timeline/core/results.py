"""The data the read phase produces and the render phase consumes.

Nothing here reads files or the clock: a :class:`Timeline` is a pure value built by
:mod:`timeline.pipeline.read_phase` and turned into pages by :mod:`timeline.render`. Where the full results
are parked while a build runs is the pipeline's business (:class:`timeline.pipeline.store.ResultStore`);
a :class:`Timeline` only knows it as :class:`FullResults`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..content import Article
from ..temporal.values import DateValue, Timex
from .problems import Problems

if TYPE_CHECKING:
    from ..anchoring import PublicationEstimate
    from ..anchoring.corpus import NewsTerms
    from .chronology import Chronology


@dataclass(slots=True)  # tens of thousands stay in memory for the whole build
class ArticleEvent:
    """A dated sentence of one article: an event candidate."""

    article: str  # Article.slug
    date: DateValue
    text: str  # the cleaned sentence
    start: int  # sentence offsets into Article.text
    end: int
    timex: int  # index into the article's timexes
    caption: bool = False  # the sentence is a photo caption


@dataclass(slots=True)
class Event:
    """One event of the merged chronology, with every article that reports it."""

    id: str
    date: DateValue
    text: str
    members: list[ArticleEvent]
    conflicts: list[ArticleEvent] = field(default_factory=list)  # similar text, incompatible date
    score: float = 0.0
    anchors: list[str] = field(default_factory=list)  # chronology key-event ids it mentions

    @property
    def sources(self) -> list[str]:
        return sorted({m.article for m in self.members})


@dataclass
class ArticleResult:
    """Everything the pipeline found in one article."""

    article: Article
    published: PublicationEstimate
    timexes: list[Timex]
    events: list[ArticleEvent]
    terms: NewsTerms | None = None  # the news it reports, for dating others (anchoring.corpus)


class FullResults(Protocol):
    """Where the full results of a build are, by article slug, when the :class:`Timeline` holds
    only summaries (:class:`timeline.pipeline.store.ResultStore` is one)."""

    def get(self, slug: str) -> ArticleResult:
        """The article's whole result: its text, every timex and the evidence."""
        ...

    def body_text(self, slug: str) -> str:
        """The article's visible text (:attr:`~timeline.content.Article.body_text`)."""
        ...


@dataclass
class Timeline:
    """The whole read phase's result.

    With a ``store`` (what ``timeline build`` uses), ``articles`` holds summaries (see
    :func:`timeline.pipeline.store.summary`: no text, no evidence, only the timexes events point
    to) and :meth:`full` asks the store for an article's whole result; without one, ``articles``
    holds the full results.
    """

    articles: list[ArticleResult]
    events: list[Event]
    chronology: Chronology
    problems: Problems
    store: FullResults | None = None
    # the last full result read back: a page's key and the page itself read the same one in turn
    _last: tuple[str, ArticleResult] | None = field(default=None, repr=False, compare=False)

    def full(self, result: ArticleResult) -> ArticleResult:
        """``result`` with its text, every timex and the evidence (nothing may change it)."""
        if self.store is None:
            return result
        slug = result.article.slug
        if self._last is None or self._last[0] != slug:
            self._last = (slug, self.store.get(slug))
        return self._last[1]

    def body_text(self, result: ArticleResult) -> str:
        """The article's visible text (:attr:`~timeline.content.Article.body_text`), even of a summary."""
        return (
            self.store.body_text(result.article.slug) if self.store is not None else result.article.body_text
        )
