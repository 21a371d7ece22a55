"""``timeline build``: settings -> read phase -> render and write, in that order.

Everything is read and resolved first (the read phase: every article, the merge); only then is
anything written, so an error in the content never leaves a half-built site. Pages are then
rendered one at a time as the writer asks for them, so memory holds one page, not the site; each
file is still written atomically, so an interruption leaves every page either old or new, and the
next build converges. The read phase parks each article's full result in a temporary
:class:`~timeline.pipeline.store.ResultStore`, which article pages read back.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..config import ConfigError, load_settings
from ..core.problems import Problems
from ..events import memo
from ..output.writer import write_output
from ..render import site_files
from ..render.pages.articles import article_page_inputs
from ..render.pieces import Pieces
from . import unchanged
from .executors import ExecutionPlan
from .merge_memory import MemoryFile
from .pages import PageCache
from .read_phase import collect, no_gc
from .store import ResultStore


def build(
    *,
    config_file: Path = Path("mkdocs.yml"),
    content_dir: Path | None = None,
    problems: Problems | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    plan: ExecutionPlan | None = None,
    use_cache: bool = True,
    today: dt.date | None = None,
) -> str:
    """Build the pages; returns a one-line summary. Problems go into ``problems``.

    ``today`` is the latest day an article can have been published; without one, the setting
    ``extra.timeline.today``, else the end of the chronology window. The command line always
    passes one (:mod:`timeline.core.today`); this function never reads the clock.
    """
    problems = problems if problems is not None else Problems()
    settings = load_settings(config_file)
    root = config_file.parent
    content = content_dir if content_dir is not None else root / settings.content_dir
    if not content.is_dir():
        raise ConfigError(f"content folder {content} does not exist; create it or pass --content DIR")
    cache_dir = root / settings.cache_dir if use_cache else None
    out = root / settings.docs_dir / settings.output
    key = None
    if cache_dir is not None:  # nothing changed since the last build: nothing to do (unchanged.py)
        key = unchanged.inputs_key(content, config_file, today if today is not None else settings.today)
        done = unchanged.replay(cache_dir, key, out, problems)
        if done is not None:
            return f"{done}: nothing changed since the last build, nothing written"
        unchanged.forget(cache_dir)
    before = len(problems.items)
    result_keys: dict[str, str] = {}
    memory = MemoryFile(cache_dir) if cache_dir is not None else None
    # Without the cyclic collector: the build's objects hold almost no cycles (a cold build of
    # 10,000 real articles: 18 full collections freed 0 to 14 objects each, and cost 2.4 s)
    try:
        with no_gc(), ResultStore(cache_dir) as store:
            timeline = collect(
                content,
                today=today if today is not None else settings.today,
                problems=problems,
                progress=progress,
                plan=plan,
                cache_dir=cache_dir,
                store=store,
                result_keys=result_keys,
                merge_memory=memory,
            )
            files = site_files(timeline, settings)
            if memory is not None and files.ctx is not None:  # the downloads' pieces of the last build
                files.ctx.pieces = Pieces(memory.pieces_for(settings))
            pages = None
            if cache_dir is not None and files.ctx is not None:  # keep unchanged article pages (pages.py)
                ctx = files.ctx
                paths = ctx.site.article_paths
                pages = PageCache(
                    cache_dir,
                    out,
                    timeline,
                    result_keys,
                    lambda slug: posixpath.relpath(paths[slug], settings.output) if slug in paths else None,
                    lambda full: article_page_inputs(ctx, full),
                    settings,
                )
                pages.forget()
            report = write_output(
                out,
                files,
                pages,
                parallel=files.pages,
                workers=_writers(plan),
            )
            if pages is not None:
                pages.remember()
            if memory is not None:  # after the pages: the event records' answers are in it too
                if files.ctx is not None:
                    memory.keep_pieces(settings, files.ctx.pieces.now)
                memory.save()
    finally:
        memo.clear()  # kept in the memory file, or not needed any more
    head = f"{len(timeline.articles)} articles, {len(timeline.events)} events -> {out}"
    if cache_dir is not None and key is not None:
        unchanged.remember(cache_dir, key, out, Problems(problems.items[before:]), head)
    return (
        f"{head}: {len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed"
    )


def _writers(plan: ExecutionPlan | None) -> int:
    """Processes that may write pages: as many as extract articles, one when extraction is serial."""
    plan = plan or ExecutionPlan()
    return 1 if plan.executor == "serial" else plan.workers()
