"""Article pages kept from the last build when what they were rendered from is unchanged.

An article page is rendered from the article's whole result and a few things of the rest of the
site (:func:`timeline.render.pages.articles.article_page_inputs`: its path and title, the links of
its dates, its names, its events and their links, the articles its evidence names). The result is
named by its extraction cache key (file bytes, path, code, chronology, today: pipeline/cache.py).
After a build, ``.cache/timeline/pages.json`` records each page's key (a hash of both) and the size
and time of its file; the next build leaves a page whose key and file are unchanged as it is,
without rendering it or reading the file. Rendering the 10,000 article pages was about a quarter
of a one-article build at 10,000 real articles (issue 18). Every other page and download is
rendered as before (the writer then writes only what changed).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from ..core.atomic import write_atomic
from ..core.results import ArticleResult, Timeline

RECORD = "pages.json"
FORMAT = 1


def _state(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


class PageCache:
    """The keys of this build's article pages and the record of the last build's.

    A page's key is worked out when the writer first asks whether to keep the page, in the
    process that renders it (output/writer.py may render pages in worker processes): it reads the
    article's full result, which the page then reads again from memory. The keys a worker worked
    out come back to this process (:meth:`taken`, :meth:`learn`) for :meth:`remember`.
    """

    def __init__(
        self,
        cache_dir: Path,
        out: Path,
        timeline: Timeline,
        result_keys: Mapping[str, str],
        page_of: Callable[[str], str | None],
        inputs: Callable[[ArticleResult], object],
        settings: object,
    ) -> None:
        """``page_of``: an article's page in the output folder (by slug), or None; ``inputs``: what
        its page reads besides its full result (render's ``article_page_inputs``); ``settings``:
        the build's settings (part of every key)."""
        self.record = cache_dir / RECORD
        self.out = out
        self.keys: dict[str, str] = {}  # path in the output folder -> key of the page
        self._new: dict[str, str] = {}  # keys worked out since the last taken()
        self._timeline, self._inputs, self._settings = timeline, inputs, settings
        try:
            last = json.loads(self.record.read_text("utf-8"))
            self.last: dict[str, list[object]] = last["pages"] if last.get("format") == FORMAT else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.last = {}
        self._pages: dict[str, tuple[ArticleResult, str]] = {}  # path -> (summary, result key)
        for result in timeline.articles:
            slug = result.article.slug
            rel = page_of(slug)
            if slug in result_keys and rel is not None:
                self._pages[rel] = (result, result_keys[slug])

    def key(self, rel: str) -> str | None:
        """The key of the page at ``rel`` (None: not a page kept across builds)."""
        key = self.keys.get(rel)
        if key is None and rel in self._pages:
            result, result_key = self._pages[rel]
            slug = result.article.slug
            full = self._timeline.full(result)
            raw = repr((FORMAT, self._settings, result_key, slug, self._inputs(full)))
            key = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
            self.keys[rel] = self._new[rel] = key
        return key

    def __call__(self, rel: str) -> bool:
        """Whether the file at ``rel`` is the page this build would render (the writer's ``keep``:
        :class:`~timeline.output.writer.Keeper`)."""
        key = self.key(rel)
        old = self.last.get(rel)
        return key is not None and old is not None and old[0] == key and old[1:] == _state(self.out / rel)

    def taken(self) -> dict[str, str]:
        """The keys worked out here since the last call (a worker sends them back)."""
        new, self._new = self._new, {}
        return new

    def learn(self, what: object) -> None:
        """Keys a worker worked out (what its :meth:`taken` gave)."""
        if isinstance(what, dict):
            self.keys.update(what)

    def forget(self) -> None:
        """Before writing: a build that stops half-way leaves no record to trust."""
        with contextlib.suppress(OSError):
            self.record.unlink()

    def remember(self) -> None:
        """After writing: each page's key with the size and time of its file."""
        pages: dict[str, list[object]] = {}
        for rel in sorted(self._pages):
            key = self.key(rel)
            state = _state(self.out / rel)
            if key is not None and state is not None:
                pages[rel] = [key, *state]
        with contextlib.suppress(OSError):  # without a record the next build renders every page
            os.makedirs(self.record.parent, exist_ok=True)
            write_atomic(self.record, json.dumps({"format": FORMAT, "pages": pages}).encode())
