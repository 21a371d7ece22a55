"""Full per-article results parked on disk while one build runs, so memory does not grow with them.

The merge and every page except an article's own need only a little of each result: its metadata,
its events and the few timexes those events point to. :func:`summary` keeps that much in memory;
:class:`ResultStore` keeps the rest (the text twice over, every timex, the evidence: about 90% of
a result) in one unnamed temporary file, from which the article's page and the name index read it
back one article at a time. The file disappears when the store is closed, or with the process.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import tempfile
from pathlib import Path
from types import TracebackType

from .model import ArticleResult
from .temporal.values import AnchorKind, DateValue, Timex, TimexType

# Stands in a summary's timex list for a timex no event points to (indexes stay valid).
LEFT_OUT = Timex(start=0, end=0, text="", type=TimexType.DATE, rule="left-out", anchor=AnchorKind.NONE)


def summary(result: ArticleResult, shared: dict[DateValue, DateValue] | None = None) -> ArticleResult:
    """``result`` without its text and its evidence; of its timexes, only where the ones its events
    point to are and their words and anchor (what the merge and the event lists read), the others
    :data:`LEFT_OUT`. Everything else is in the full result (:meth:`timeline.model.Timeline.full`).

    Events that fall on equal dates share one date object from ``shared`` (one dict per build):
    tens of thousands of events have a few thousand distinct dates.
    """
    used = {e.timex for e in result.events}
    slug = result.article.slug
    for event in result.events:
        if event.article == slug:
            event.article = slug  # one string per article, not an equal copy per event
        if shared is not None:
            event.date = shared.setdefault(event.date, event.date)
    return ArticleResult(
        dataclasses.replace(result.article, text="", body="", junk=[], digest=""),
        dataclasses.replace(result.published, evidence=[]),
        [_slim(t) if i in used else LEFT_OUT for i, t in enumerate(result.timexes)],
        result.events,
    )


def _slim(t: Timex) -> Timex:
    return Timex(t.start, t.end, t.text, t.type, t.rule, t.anchor, anchor_name=t.anchor_name)


class ResultStore:
    """Pickled full results by article slug, in one temporary file (appended, read at an offset)."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".timeline-results-")  # noqa: SIM115  (closed by close())
        self._where: dict[str, tuple[int, int, int]] = {}  # slug -> offset, text and result sizes
        self._end = 0

    def put(self, result: ArticleResult) -> None:
        # The visible text also on its own: the name index reads every article's, and unpickling
        # whole results (timexes) for it would cost a second pass of loads.
        text = result.article.body_text.encode("utf-8", "surrogatepass")
        data = pickle.dumps(result, protocol=5)
        os.pwrite(self._file.fileno(), text + data, self._end)
        self._where[result.article.slug] = (self._end, len(text), len(data))
        self._end += len(text) + len(data)

    def get(self, slug: str) -> ArticleResult:
        offset, text, size = self._where[slug]
        data = os.pread(self._file.fileno(), size, offset + text)
        return pickle.loads(data)  # type: ignore[no-any-return]

    def body_text(self, slug: str) -> str:
        """The article's visible text (:attr:`~timeline.content.Article.body_text`)."""
        offset, text, _ = self._where[slug]
        return os.pread(self._file.fileno(), text, offset).decode("utf-8", "surrogatepass")

    def __contains__(self, slug: object) -> bool:
        return slug in self._where

    def __len__(self) -> int:
        return len(self._where)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
