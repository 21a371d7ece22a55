"""The generated pages, one module per kind: the home summary, the chronology and its phases, months,
articles and tags. Each maker returns Markdown for one page; untrusted text passes through
:mod:`timeline.render.text` on its way in, every time."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..context import Context
from .articles import (
    article_months,
    articles_index,
    articles_month_page,
    articles_of_month,
    full_article_page,
)
from .home import home_snippet
from .months import month_page
from .phases import chronology_index, phase_page
from .tags import names_index, tag_page, tags_index


def page_makers(ctx: Context) -> dict[str, Callable[[], str]]:
    """Every page, keyed by docs-relative path, as a function that renders it: pages are made one
    at a time, when the writer asks for them, and each article's full result is read back only for
    its own page (see :meth:`timeline.core.results.Timeline.full`)."""
    site = ctx.site
    pages: dict[str, Callable[[], str]] = {
        site.home: partial(home_snippet, ctx),
        site.index: partial(chronology_index, ctx),
    }
    phases = ctx.timeline.chronology.phases
    for n, phase in enumerate(phases):
        before, after = phases[n - 1] if n else None, phases[n + 1] if n + 1 < len(phases) else None
        pages[site.phase_page(phase.id)] = partial(phase_page, ctx, phase, before, after)
    keys = list(site.months)
    for parts in site.months.values():
        for part in parts:
            pages[part.path] = partial(month_page, ctx, part, keys)
    pages[site.path("articles", "index.md")] = partial(articles_index, ctx)
    for key in article_months(ctx):
        pages[articles_month_page(ctx, key)] = partial(articles_of_month, ctx, key)
    for result in ctx.timeline.articles:
        pages[site.article_paths[result.article.slug]] = partial(full_article_page, ctx, result)
    used = names_index(ctx)
    for entity in ctx.gazetteer.entities:
        if entity.id in used:
            pages[site.tag_page(entity.id)] = partial(tag_page, ctx, entity, *used[entity.id])
    pages[site.path("tags", "index.md")] = partial(tags_index, ctx, used)
    return pages
