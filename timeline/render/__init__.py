"""Pure rendering: Timeline -> {path inside the output folder: page or download}. No I/O here.

``site_files`` is what ``timeline build`` calls: a mapping whose values are rendered only when
they are looked up, which the writer (:mod:`timeline.output.writer`) does one file at a time, in path
order, straight into ``site_src/<settings.output>/``; so the site is never held in memory whole.
``render_site`` renders everything at once (tests, small sites). The same Timeline always gives
byte-identical files.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping

from ..config import Settings
from ..core.gazetteer import Gazetteer, default_gazetteer
from ..core.results import Timeline
from .context import Context, make_context
from .exports import export_makers
from .pages import page_makers

__all__ = ["SiteFiles", "render_site", "site_files"]


class SiteFiles(Mapping[str, str | Iterable[str]]):
    """Generated files by path inside the output folder; a file is rendered each time it is looked
    up (a page as a string, a download as an iterable of pieces), never kept."""

    def __init__(
        self,
        makers: dict[str, Callable[[], str | Iterable[str]]],
        ctx: Context | None = None,
        pages: frozenset[str] = frozenset(),
    ) -> None:
        self._makers = makers
        self.ctx = ctx  # what the pages were made from (the build's page cache asks it, pipeline/pages.py)
        # the paths whose rendering only reads ``ctx``: any process may render them (the downloads
        # record their pieces in ``ctx.pieces`` for the next build, so they stay in the builder's)
        self.pages = pages

    def __getitem__(self, path: str) -> str | Iterable[str]:
        return self._makers[path]()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._makers))

    def __len__(self) -> int:
        return len(self._makers)


def site_files(timeline: Timeline, settings: Settings, gazetteer: Gazetteer | None = None) -> SiteFiles:
    ctx = make_context(timeline, settings, gazetteer or default_gazetteer())
    pages = page_makers(ctx)
    makers: dict[str, Callable[[], str | Iterable[str]]] = {**pages, **export_makers(ctx)}
    return SiteFiles(
        {posixpath.relpath(path, settings.output): make for path, make in makers.items()},
        ctx,
        frozenset(posixpath.relpath(path, settings.output) for path in pages),
    )


def render_site(
    timeline: Timeline, settings: Settings, gazetteer: Gazetteer | None = None
) -> dict[str, str | bytes]:
    """Every file, rendered now."""
    files = site_files(timeline, settings, gazetteer)
    out: dict[str, str | bytes] = {}
    for path in files:
        content = files[path]
        out[path] = content if isinstance(content, str) else "".join(content)
    return out
