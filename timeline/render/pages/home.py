"""The home summary, embedded in the hand-written ``site_src/index.md``."""

from __future__ import annotations

from ..chart import overview_svg
from ..context import Context, highlight_lines
from ..dates import day_short, month_name
from ..exports import DOWNLOADS
from ..layout import link
from .phases import phases_table


def home_snippet(ctx: Context) -> str:
    page = "index.md"  # the snippet is rendered as part of the hand-written home page
    site, events = ctx.site, ctx.events
    out: list[str] = []
    n_articles = len(ctx.timeline.articles)
    if events:
        first, last = events[0].date.earliest, max(e.date.latest for e in events)
        out.append(
            f'<p class="tl-stats"><strong>{n_articles:,}</strong> articles · '
            f"<strong>{len(events):,}</strong> events · "
            f"from <strong>{day_short(first)}</strong> to <strong>{day_short(last)}</strong></p>"
        )
    else:
        out.append(f'<p class="tl-stats"><strong>{n_articles:,}</strong> articles · no dated events yet</p>')
    out.append("")
    if events:
        out += ["## Overview", ""]
        svg = overview_svg(
            [e.date.earliest for e in events],
            ctx.timeline.chronology.phases,
            lambda key: link(page, p, html=True) if (p := site.month_page(key)) else None,
            lambda pid: link(page, site.phase_page(pid), html=True),
        )
        out += [f'<figure class="tl-chart-figure">{svg}</figure>', ""]
        out += [
            '??? note "The chart as a table: events per month"',
            "",
            "    | Month | Events |",
            "    |---|---:|",
        ]
        for key, parts in site.months.items():
            count = sum(len(p.events) for p in parts)
            out.append(f"    | [{month_name(key)}]({link(page, parts[0].path)}) | {count} |")
        out.append("")
        out += ["## Key events", "", "The best-ranked events (most outlets, most specific), one a day:", ""]
        out += highlight_lines(ctx, page, events, ctx.settings.key_events)
        out.append("")
    out += phases_table(ctx, page)
    out += [
        "## Downloads",
        "",
        "Everything on this site, as data (built with the pages, identical on every build):",
        "",
    ]
    for name, kind, what, _ in DOWNLOADS:
        out.append(f"- [`{name}`]({link(page, site.download(name))}) ({kind}): {what}")
    out += [
        "",
        f"Browse [the chronology]({link(page, site.index)}), [all articles]"
        f"({link(page, site.path('articles', 'index.md'))}) or [places, people and organizations]"
        f"({link(page, site.path('tags', 'index.md'))}).",
        "",
    ]
    return "\n".join(out)
