"""Pure rendering: Timeline -> {path inside the output folder: page or download}. No I/O here.

``render_site`` is what ``timeline build`` calls; the writer (:mod:`timeline.site`) puts the files
into ``site_src/<settings.output>/``. The same Timeline always gives byte-identical files.
"""

from __future__ import annotations

import posixpath

from ..config import Settings
from ..gazetteer import Gazetteer, default_gazetteer
from ..model import Timeline
from .exports import render_exports
from .pages import make_context, render_pages

__all__ = ["render_site"]


def render_site(
    timeline: Timeline, settings: Settings, gazetteer: Gazetteer | None = None
) -> dict[str, str | bytes]:
    ctx = make_context(timeline, settings, gazetteer or default_gazetteer())
    files = {**render_pages(ctx), **render_exports(ctx)}
    out: dict[str, str | bytes] = {}
    for path in sorted(files):
        rel = posixpath.relpath(path, settings.output)
        out[rel] = files[path]
    return out
