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

from ..core.results import ArticleResult
from ..temporal.values import AnchorKind, DateValue, Timex, TimexType

# Stands in a summary's timex list for a timex no event points to (indexes stay valid).
LEFT_OUT = Timex(start=0, end=0, text="", type=TimexType.DATE, rule="left-out", anchor=AnchorKind.NONE)


class Shared:
    """Equal values of different summaries as one object (one per build): tens of thousands of
    events have a few thousand distinct dates, and their timexes a few thousand distinct words."""

    def __init__(self) -> None:
        self.dates: dict[DateValue, DateValue] = {}
        self.words: dict[tuple[object, ...], Timex] = {}

    def date(self, value: DateValue) -> DateValue:
        return self.dates.setdefault(value, value)

    def timex(self, t: Timex) -> Timex:
        """What a summary keeps of a timex an event points to: its words and anchor, which the merge
        and the event lists read; not where it is, its value or its notes (see the full result)."""
        key = (t.text, t.type, t.rule, t.anchor, t.anchor_name)
        found = self.words.get(key)
        if found is None:
            found = self.words[key] = Timex(0, 0, t.text, t.type, t.rule, t.anchor, anchor_name=t.anchor_name)
        return found


def summary(result: ArticleResult, shared: Shared | None = None) -> ArticleResult:
    """``result`` without its text and its evidence; of its timexes, only the words and anchor of
    those its events point to, the others :data:`LEFT_OUT`. Everything else is in the full result
    (:meth:`timeline.core.results.Timeline.full`). Summaries share equal dates and timexes (``shared``):
    nothing may change them."""
    shared = shared or Shared()
    used = {e.timex for e in result.events}
    slug = result.article.slug
    for event in result.events:
        event.date = shared.date(event.date)
        if event.article == slug:
            event.article = slug  # one string per article, not an equal copy per event
    return ArticleResult(
        dataclasses.replace(result.article, text="", body="", junk=[], digest=""),
        dataclasses.replace(result.published, evidence=[]),
        [shared.timex(t) if i in used else LEFT_OUT for i, t in enumerate(result.timexes)],
        result.events,
        result.terms,
    )


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
