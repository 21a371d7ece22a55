"""The generated pages: home summary, chronology, phases, months, articles and tags.

Each function returns Markdown for one page; :func:`render_pages` returns them all keyed by their
docs-relative path. Untrusted text passes through :mod:`.text` on its way in, every time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from ..chronology import Phase
from ..config import Settings
from ..gazetteer import KIND_TITLES, KINDS, Entity, Gazetteer
from ..model import ArticleEvent, ArticleResult, Event, Timeline
from ..temporal.values import AnchorKind, DateValue, Granularity, Timex, TimexType
from ..thresholds import HIGH_CONFIDENCE, TRUSTED_CONFIDENCE
from .article_text import article_html
from .chart import overview_svg
from .dates import BADGES, day_long, day_short, describe, month_key, month_name, precision, span
from .layout import (
    MonthPart,
    Section,
    SiteMap,
    event_sort_key,
    link,
    plan,
    safe_slug,
    section_of,
    vague_publication,
)
from .text import attr, clean, display_text, md, safe_url, shorten, yaml_str, yaml_title

EXPORTS = (
    ("timeline.json", "TimelineJS", "the merged events in TimelineJS' JSON format"),
    ("events.csv", "CSV", "one row per event: date, precision, text, sources"),
    ("timeline.ics", "iCalendar", "the events as all-day calendar entries (RFC 5545)"),
    ("chronology.json", "JSON", "merged events with every member sentence and why they were merged"),
)


@dataclass
class Context:
    timeline: Timeline
    settings: Settings
    site: SiteMap
    gazetteer: Gazetteer
    results: dict[str, ArticleResult] = field(default_factory=dict)
    event_entities: dict[str, list[Entity]] = field(default_factory=dict)
    article_entities: dict[str, list[Entity]] = field(default_factory=dict)

    events: list[Event] = field(default_factory=list)  # sorted by date
    article_events: dict[str, list[Event]] = field(default_factory=dict)  # article slug -> its events

    def title(self, slug: str) -> str:
        result = self.results.get(slug)
        return (clean(result.article.title) or result.article.path) if result else slug

    def published_words(self, slug: str) -> str:
        """ "(published 9 November 2026)" for an article whose date is known, else ""."""
        result = self.results.get(slug)
        value = result.published.value if result else None
        return f"(published {day_short(value)})" if value else ""

    def timex(self, member: ArticleEvent) -> Timex | None:
        result = self.results.get(member.article)
        if result is None or not 0 <= member.timex < len(result.timexes):
            return None
        return result.timexes[member.timex]

    def day_href(self, page: str, value: DateValue, *, html: bool = False) -> str | None:
        """Where a date value is shown: its day (week, month) section, else its month page, else None."""
        g = value.granularity
        if g <= Granularity.DAY and value.earliest in self.site.day_page:
            return link(page, self.site.day_page[value.earliest], value.earliest.isoformat(), html=html)
        if g in (Granularity.WEEK, Granularity.MONTH):
            anchor = Section(
                value.earliest, -int(g), value.latest, "week" if g == Granularity.WEEK else "month"
            ).anchor
            if anchor in self.site.section_page:
                return link(page, self.site.section_page[anchor], anchor, html=html)
        target = self.site.month_page(month_key(value.earliest))
        if target is not None and g <= Granularity.MONTH:
            return link(page, target, html=html)
        return None


def make_context(timeline: Timeline, settings: Settings, gazetteer: Gazetteer) -> Context:
    ctx = Context(timeline, settings, plan(timeline, settings), gazetteer)
    ctx.results = {r.article.slug: r for r in timeline.articles}
    ctx.events = sorted(timeline.events, key=event_sort_key)
    for event in ctx.events:  # indexes instead of scans: pages stay linear in articles and events
        for slug in event.sources:
            ctx.article_events.setdefault(slug, []).append(event)
    for event in timeline.events:
        ctx.event_entities[event.id] = gazetteer.entities_in(display_text(event.text))
    for result in timeline.articles:  # read back one article's text at a time
        ctx.article_entities[result.article.slug] = gazetteer.entities_in(timeline.body_text(result))
    return ctx


def front_matter(title: str, tags: Iterable[Entity] = (), extra: str = "") -> list[str]:
    lines = ["---", f"title: {yaml_title(title)}"]
    names = sorted({e.name for e in tags})
    if names:
        lines.append("tags:")
        lines += [f"  - {yaml_str(name)}" for name in names]
    if extra:
        lines.append(extra)
    return [*lines, "---", ""]


def badge(value: DateValue) -> str:
    key = precision(value)
    return f'<span class="tl-badge tl-badge-{key}" title="{describe(value)}">{BADGES[key]}</span>'


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


# ---- the home summary (embedded in site_src/index.md) -------------------------------------------


def home_snippet(ctx: Context) -> str:
    page = "index.md"  # the snippet is rendered as part of the hand-written home page
    site, events = ctx.site, ctx.events
    out: list[str] = []
    n_articles = len(ctx.timeline.articles)
    if events:
        first, last = events[0].date.earliest, max(e.date.latest for e in events)
        out.append(
            f'<p class="tl-stats"><strong>{n_articles}</strong> articles · '
            f"<strong>{len(events)}</strong> events · "
            f"from <strong>{day_short(first)}</strong> to <strong>{day_short(last)}</strong></p>"
        )
    else:
        out.append(f'<p class="tl-stats"><strong>{n_articles}</strong> articles · no dated events yet</p>')
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
        out += ["## Key events", "", "The events reported by most sources, most precisely dated:", ""]
        ranked = sorted(
            events, key=lambda e: (-e.score, -len(e.sources), e.date.width_days, event_sort_key(e))
        )
        for event in sorted(ranked[: ctx.settings.key_events], key=event_sort_key):
            href = link(page, site.event_page[event.id], "ev-" + safe_slug(event.id))
            out.append(
                f"- **[{describe(event.date)}]({href})** {badge(event.date)} "
                f"{md(shorten(display_text(event.text), 160))} "
                f"<small>({plural(len(event.sources), 'source')})</small>"
            )
        out.append("")
    out += phases_table(ctx, page)
    out += [
        "## Downloads",
        "",
        "Everything on this site, as data (built with the pages, identical on every build):",
        "",
    ]
    for name, kind, what in EXPORTS:
        out.append(f"- [`{name}`]({link(page, site.download(name))}) ({kind}): {what}")
    out += [
        "",
        f"Browse [the chronology]({link(page, site.index)}), [all articles]"
        f"({link(page, site.path('articles', 'index.md'))}) or [places, people and organizations]"
        f"({link(page, site.path('tags', 'index.md'))}).",
        "",
    ]
    return "\n".join(out)


def phase_events(ctx: Context, phase: Phase) -> list[Event]:
    return [e for e in ctx.events if phase.contains(e.date.earliest)]


def phase_months(ctx: Context, phase: Phase) -> list[str]:
    return [
        k
        for k in ctx.site.months
        if any(phase.contains(e.date.earliest) for p in ctx.site.months[k] for e in p.events)
        or any(phase.contains(day) for p in ctx.site.months[k] for day, _ in p.published)
    ]


def phase_dates(phase: Phase) -> str:
    return (
        f"{day_short(phase.start)} to {day_short(phase.end)}"
        if phase.end
        else f"since {day_short(phase.start)}"
    )


def phases_table(ctx: Context, page: str) -> list[str]:
    phases = ctx.timeline.chronology.phases
    if not phases:
        return []
    out = ["## Phases", "", "| Phase | Dates | Events |", "|---|---|---:|"]
    for phase in phases:
        out.append(
            f"| [{md(phase.title)}]({link(page, ctx.site.phase_page(phase.id))}) | {phase_dates(phase)} | "
            f"{len(phase_events(ctx, phase))} |"
        )
    return [*out, ""]


# ---- chronology and phases ------------------------------------------------------------------------


def month_line(ctx: Context, page: str, key: str, phase: Phase | None = None) -> str:
    parts = ctx.site.months[key]
    events = [e for p in parts for e in p.events if phase is None or phase.contains(e.date.earliest)]
    published = [d for p in parts for d, _ in p.published if phase is None or phase.contains(d)]
    extra = f", {plural(len(published), 'article')} published" if published else ""
    extra += f", in {len(parts)} parts" if len(parts) > 1 else ""
    return f"- [{month_name(key)}]({link(page, parts[0].path)}): {plural(len(events), 'event')}{extra}"


def chronology_index(ctx: Context) -> str:
    page = ctx.site.index
    out = front_matter("Chronology")
    out += [
        "# Chronology",
        "",
        "Every dated event found in the articles, by phase of the war and by month. Each month page has a "
        "section per day; each event links to the articles that report it and shows the words its date "
        "came from.",
        "",
    ]
    phases = ctx.timeline.chronology.phases
    placed: set[str] = set()
    for phase in phases:
        months = phase_months(ctx, phase)
        out += [
            f"## [{md(phase.title)}]({link(page, ctx.site.phase_page(phase.id))})",
            "",
            f"{phase_dates(phase)}.",
            "",
        ]
        out += [month_line(ctx, page, k, phase) for k in months] or [
            "No events from the articles in this phase."
        ]
        out.append("")
        placed.update(months)
    rest = [k for k in ctx.site.months if k not in placed]
    if rest:
        out += ["## Outside the phases" if phases else "## Months", ""]
        out += [month_line(ctx, page, k) for k in rest]
        out.append("")
    if not ctx.timeline.events:
        out += ["No dated events yet. Add articles to `content/articles/` and build again.", ""]
    return "\n".join(out)


def phase_page(ctx: Context, phase: Phase, previous: Phase | None, following: Phase | None) -> str:
    page = ctx.site.phase_page(phase.id)
    out = front_matter(phase.title)
    out += [f"# {md(phase.title)}", "", f"{phase_dates(phase)}.", ""]
    key_events = [
        k
        for k in ctx.timeline.chronology.events
        if k.phase == phase.id or (k.phase is None and phase.contains(k.date.earliest))
    ]
    if key_events:
        out += [
            "## Key events of the chronology",
            "",
            "Reference dates from `content/chronology.yml` (not extracted from the articles):",
            "",
        ]
        for k in key_events:
            out.append(f"- **{describe(k.date)}**: {md(k.title)}")
        out.append("")
    out += ["## Months", ""]
    out += [month_line(ctx, page, k, phase) for k in phase_months(ctx, phase)] or [
        "No events from the articles in this phase."
    ]
    out.append("")
    nav = []
    if previous:
        nav.append(f"[← {md(previous.title)}]({link(page, ctx.site.phase_page(previous.id))})")
    if following:
        nav.append(f"[{md(following.title)} →]({link(page, ctx.site.phase_page(following.id))})")
    if nav:
        out += [" · ".join(nav), ""]
    return "\n".join(out)


# ---- month pages ------------------------------------------------------------------------------------


def section_title(section: Section) -> str:
    if section.kind == "day":
        return day_long(section.earliest)
    if section.kind == "week":
        return f"Week of {day_long(section.earliest)}"
    if section.kind == "month":
        return f"During {month_name(month_key(section.earliest))}"
    return f"Between {span(section.earliest, section.latest)}"


def source_line(ctx: Context, page: str, member: ArticleEvent) -> str:
    result = ctx.results.get(member.article)
    title = md(shorten(ctx.title(member.article), 120))
    target = ctx.site.article_paths.get(member.article)
    name = f"[{title}]({link(page, target, f't{member.timex}')})" if target else title
    timex = ctx.timex(member)
    words = f"“{md(timex.text)}”" if timex else "its date"
    source = result.article.source if result else None
    by = f" <small>({md(source)})</small>" if source else ""
    return f"- {name}{by}: from {words}, read as {describe(member.date)}"


def event_block(ctx: Context, page: str, event: Event) -> list[str]:
    eid = "ev-" + safe_slug(event.id)
    out = [
        f'<div class="tl-event" id="{eid}" markdown="1">',
        "",
        f"{badge(event.date)} {md(display_text(event.text))}",
        "",
    ]
    members = sorted(event.members, key=lambda m: (m.article, m.start, m.timex))
    out += [source_line(ctx, page, m) for m in members]
    out.append("")
    if event.conflicts:
        out += ['!!! warning "The sources disagree on the date"', ""]
        for c in sorted(event.conflicts, key=lambda m: (m.date.earliest, m.article, m.start)):
            target = ctx.site.article_paths.get(c.article)
            title = md(shorten(ctx.title(c.article), 120))
            name = f"[{title}]({link(page, target, f't{c.timex}')})" if target else title
            timex = ctx.timex(c)
            words = f" (from “{md(timex.text)}”)" if timex else ""
            out.append(
                f"    - {name} dates a similar report to **{describe(c.date)}**{words}: "
                f"“{md(shorten(display_text(c.text), 200))}”"
            )
        out.append("")
    out += ["</div>", ""]
    return out


def published_block(ctx: Context, page: str, slugs: list[str]) -> list[str]:
    """The articles published on a day (given, or inferred firmly enough), listed as dated items too."""
    out = ['<div class="tl-published" markdown="1">', "", "**Published this day:**", ""]
    for slug in slugs:
        result = ctx.results[slug]
        how = "given" if result.published.source == "metadata" else "inferred, see the evidence"
        source = f" ({md(result.article.source)})" if result.article.source else ""
        title = md(shorten(ctx.title(slug), 120))
        out.append(f"- [{title}]({link(page, ctx.site.article_paths[slug])}){source} <small>({how})</small>")
    return [*out, "", "</div>", ""]


def month_page(ctx: Context, part: MonthPart, keys: list[str]) -> str:
    page = part.path
    name = month_name(part.key)
    title = name if part.count == 1 else f"{name} (part {part.number} of {part.count})"
    entities = [e for ev in part.events for e in ctx.event_entities.get(ev.id, [])]
    out = front_matter(title, entities)
    out += [f"# {title}", ""]
    days = [e.date.earliest for e in part.events] + [d for d, _ in part.published]
    phases = [p for p in ctx.timeline.chronology.phases if any(p.contains(d) for d in days)]
    sources = sorted({s for e in part.events for s in e.sources})
    info = [plural(len(part.events), "event") + " from " + plural(len(sources), "article")]
    if part.published:
        info.append(plural(len(part.published), "article") + " published")
    info += [f"phase: [{md(p.title)}]({link(page, ctx.site.phase_page(p.id))})" for p in phases]
    out += [" · ".join(info), ""]
    if part.count > 1:
        pager = []
        for other in ctx.site.months[part.key]:
            label = f"{other.first.day}–{other.last.day} {name}"
            pager.append(f"**{label}**" if other is part else f"[{label}]({link(page, other.path)})")
        out += ["Parts: " + " · ".join(pager), ""]
    key_events = [k for k in ctx.timeline.chronology.events if month_key(k.date.earliest) == part.key]
    if key_events and part.number == 1:
        out += ['!!! abstract "This month in the chronology"', ""]
        out += [f"    - **{describe(k.date)}**: {md(k.title)}" for k in key_events]
        out.append("")
    sections: dict[Section, list[Event]] = defaultdict(list)
    for event in part.events:
        sections[section_of(event)].append(event)
    published: dict[Section, list[str]] = defaultdict(list)
    for day, slug in part.published:
        published[Section(day, -int(Granularity.DAY), day, "day")].append(slug)
    for section in sorted(set(sections) | set(published)):
        out += [f"## {section_title(section)} {{ #{section.anchor} }}", ""]
        for event in sorted(sections.get(section, []), key=event_sort_key):
            out += event_block(ctx, page, event)
        if section in published:
            out += published_block(ctx, page, sorted(published[section]))
    index = keys.index(part.key)
    nav = []
    if index > 0:
        nav.append(
            f"[← {month_name(keys[index - 1])}]({link(page, ctx.site.months[keys[index - 1]][-1].path)})"
        )
    nav.append(f"[Chronology]({link(page, ctx.site.index)})")
    if index + 1 < len(keys):
        nav.append(
            f"[{month_name(keys[index + 1])} →]({link(page, ctx.site.months[keys[index + 1]][0].path)})"
        )
    out += ["---", "", " · ".join(nav), ""]
    return "\n".join(out)


# ---- articles -----------------------------------------------------------------------------------------


def confidence_words(confidence: float) -> str:
    return (
        "high" if confidence >= HIGH_CONFIDENCE else "medium" if confidence >= TRUSTED_CONFIDENCE else "low"
    )


def published_summary(result: ArticleResult) -> str:
    pub = result.published
    if pub.source == "metadata" and pub.value:
        return f"{day_short(pub.value)} (given)"
    if pub.source == "inferred" and (pub.value or pub.earliest):
        how = f"(inferred, {confidence_words(pub.confidence)} confidence)"
        if vague_publication(result) and pub.earliest and pub.latest:
            return f"{span(pub.earliest, pub.latest)} {how}"
        if pub.value:
            return f"about {day_short(pub.value)} {how}"
    return "unknown"


def published_section(
    result: ArticleResult,
    shown: set[int] | None = None,
    article_link: Callable[[str], tuple[str, str, str] | None] | None = None,
) -> list[str]:
    """Where the publication date came from; evidence quotes link to the highlighted words (``shown``),
    and corpus evidence to the dated articles it names (``article_link``: slug -> (title, href,
    when published)), one per line under it."""
    shown = shown or set()
    pub = result.published
    out = ["## When it was published", ""]
    if pub.source == "metadata" and pub.value:
        out += [f"**{day_short(pub.value)}**, as given in the article's metadata (`published`).", ""]
        return out
    if pub.source == "inferred" and (pub.value or pub.earliest):
        how = f"({confidence_words(pub.confidence)} confidence: {pub.confidence:.2f})"
        if vague_publication(result) and pub.earliest and pub.latest:
            best = f" around {day_short(pub.value)}" if pub.value else ""
            text = (
                f"The article carries no date, and its text places it only roughly: sometime between "
                f"**{day_short(pub.earliest)}** and **{day_short(pub.latest)}** {how}. The best single guess"
                f'{best} is too uncertain to rely on; dates counted from it ("yesterday") are as uncertain.'
                if pub.value
                else f"The article carries no date; its text places it between **{day_short(pub.earliest)}** "
                f"and **{day_short(pub.latest)}** {how}."
            )
            out += [text, ""]
        else:
            window = ""
            if pub.earliest and pub.latest and pub.earliest != pub.latest:
                window = f", between {day_short(pub.earliest)} and {day_short(pub.latest)}"
            out += [
                f"The article carries no date. From its text it was most likely published around "
                f"**{day_short(pub.value)}**{window} {how}.",  # type: ignore[arg-type]
                "",
            ]
    else:
        out += [
            "Unknown. The article carries no date, and nothing in its text places it in time. Its relative "
            'dates ("yesterday", "last week") are therefore not shown as days.',
            "",
        ]
    if pub.evidence:
        out += ["How this was worked out:", ""]
        for ev in pub.evidence:
            if ev.source == "corpus":  # no words of this article: the dated articles it resembles
                out.append(f"- {md(ev.reason)}")
                found = [article_link(slug) for slug in ev.articles] if article_link else []
                out += [
                    f"    - [{md(shorten(title, 100))}]({href}) {when}"
                    for title, href, when in filter(None, found)
                ]
                continue
            quote = f"“{md(shorten(ev.text, 160))}”"
            inside = [i for i in sorted(shown) if ev.start <= result.timexes[i].start < ev.end]
            if inside:  # link to the highlighted words in the text below
                quote = f"[{quote}](#t{inside[0]})"
            out.append(f"- {quote}: {md(ev.reason)}")
        out.append("")
    return out


def metadata_table(ctx: Context, result: ArticleResult) -> list[str]:
    a = result.article
    rows = [("Published", md(published_summary(result)))]
    if a.source:
        rows.append(("Source", md(a.source)))
    url = safe_url(a.url)
    if url:
        rows.append(("Original", f'<a href="{attr(url)}" rel="nofollow noopener">{md(shorten(url, 80))}</a>'))
    elif a.url:
        rows.append(("Original", md(shorten(a.url, 80)) + " <small>(not a web link; not linked)</small>"))
    rows.append(("File", md(a.path)))
    rows.append(("Language", md(a.language)))
    if a.tags:
        rows.append(("Tags", ", ".join(md(t) for t in sorted(a.tags))))
    found = ctx.article_entities.get(a.slug, [])
    if found:
        page = ctx.site.article_paths[a.slug]
        rows.append(
            ("Names", ", ".join(f"[{md(e.name)}]({link(page, ctx.site.tag_page(e.id))})" for e in found))
        )
    rows.append(("Dates found", str(sum(1 for t in result.timexes if t.value is not None))))
    return ["| About this article | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows), ""]


def article_page(ctx: Context, result: ArticleResult) -> str:
    a = result.article
    page = ctx.site.article_paths[a.slug]
    title = ctx.title(a.slug)  # never empty: the file name when the article has no title
    out = front_matter(title, ctx.article_entities.get(a.slug, []))
    out += [f"# {md(title)}", ""]
    out += [f"[← All articles]({link(page, ctx.site.path('articles', 'index.md'))})", ""]
    text, shown = article_html(result, lambda value: ctx.day_href(page, value, html=True), _reason)
    out += metadata_table(ctx, result)
    out += published_section(
        result,
        shown,
        lambda slug: (
            (ctx.title(slug), link(page, ctx.site.article_paths[slug]), ctx.published_words(slug))
            if slug in ctx.site.article_paths
            else None
        ),
    )
    events = ctx.article_events.get(a.slug, [])
    if events:
        out += ["## Events it reports", ""]
        for e in events:
            href = link(page, ctx.site.event_page[e.id], "ev-" + safe_slug(e.id))
            out.append(
                f"- **[{describe(e.date)}]({href})** {badge(e.date)} {md(shorten(display_text(e.text), 200))}"
            )
        out.append("")
    out += [
        "## Text",
        "",
        '<p class="tl-legend">Highlighted: every date expression found. Hover for its value and how it was '
        "worked out; click to go to that day.</p>",
        "",
    ]
    out += [text, ""]
    out += timex_table(result, shown)
    return "\n".join(out)


def timex_table(result: ArticleResult, shown: set[int]) -> list[str]:
    """Every date expression as a table (collapsed): words, value, interval, what it counts from, rule."""
    if not result.timexes:
        return []
    out = [f'??? info "All {plural(len(result.timexes), "date expression")} found in this article"', ""]
    out += ["    | Words | Value | Interval | Worked out | Rule |", "    |---|---|---|---|---|"]
    for i, t in enumerate(result.timexes):
        words = f"“{md(shorten(t.text, 60))}”"
        if i in shown:
            words = f"[{words}](#t{i})"
        value = md(t.timex3() or "unresolved")
        interval = span(t.earliest, t.latest) if t.earliest and t.latest else "—"
        out.append(f"    | {words} | {value} | {interval} | {md(shorten(_reason(t), 140))} | {md(t.rule)} |")
    return [*out, ""]


def _reason(timex: Timex) -> str:
    if timex.notes:
        return "; ".join(timex.notes)
    if timex.type is TimexType.DURATION:
        return "a length of time, not a date"
    if timex.type is TimexType.SET:
        return "a repetition, not a date"
    if timex.value is None:
        return "no reference date to count from"
    if timex.anchor is AnchorKind.NONE:
        return "written out in full"
    if timex.anchor is AnchorKind.PUBLICATION:
        return "counted from the publication date"
    if timex.anchor is AnchorKind.PREVIOUS:
        return "counted from the previous date in the text"
    return f"counted from {timex.anchor_name or 'a chronology anchor'}"


def articles_index(ctx: Context) -> str:
    page = ctx.site.path("articles", "index.md")
    out = front_matter("Articles")
    out += [
        "# Articles",
        "",
        f"{plural(len(ctx.timeline.articles), 'article')}, with the publication date and where it came from.",
        "",
    ]
    with_source = any(r.article.source for r in ctx.timeline.articles)  # no empty column
    out += (
        ["| Article | Source | Published | Events |", "|---|---|---|---:|"]
        if with_source
        else ["| Article | Published | Events |", "|---|---|---:|"]
    )
    counts: dict[str, int] = defaultdict(int)
    for e in ctx.timeline.events:
        for slug in e.sources:
            counts[slug] += 1

    def order(r: ArticleResult) -> tuple[dt.date, str]:
        return (r.published.value or r.published.earliest or dt.date.max, r.article.slug)

    for r in sorted(ctx.timeline.articles, key=order):
        a = r.article
        out.append(
            f"| [{md(shorten(ctx.title(a.slug), 120))}]({link(page, ctx.site.article_paths[a.slug])}) | "
            + (f"{md(a.source or '')} | " if with_source else "")
            + f"{md(published_summary(r))} | {counts[a.slug]} |"
        )
    return "\n".join([*out, ""])


# ---- tags ------------------------------------------------------------


def tags_index(ctx: Context, used: dict[str, tuple[list[Event], list[ArticleResult]]]) -> str:
    page = ctx.site.path("tags", "index.md")
    out = front_matter("Tags")
    out += [
        "# Places, people and organizations",
        "",
        "Names found in the articles with the project's gazetteer (`timeline/data/gazetteer.yaml`, which "
        "knows "
        "spellings such as Kyiv/Kiev and Zelensky/Zelenskyy). Each page lists the events and articles that "
        "name it.",
        "",
    ]
    for kind in KINDS:
        entities = [e for e in ctx.gazetteer.entities if e.kind == kind and e.id in used]
        if not entities:
            continue
        out += [f"## {KIND_TITLES[kind]}", ""]
        for e in sorted(entities, key=lambda e: (e.name.lower(), e.id)):
            events, articles = used[e.id]
            out.append(
                f"- [{md(e.name)}]({link(page, ctx.site.tag_page(e.id))}): "
                f"{plural(len(events), 'event')}, {plural(len(articles), 'article')}"
            )
        out.append("")
    if not used:
        out += ["No names found yet.", ""]
    out += ["## Pages by tag", "", "<!-- material/tags -->", ""]
    return "\n".join(out)


def tag_page(ctx: Context, entity: Entity, events: list[Event], articles: list[ArticleResult]) -> str:
    page = ctx.site.tag_page(entity.id)
    out = front_matter(entity.name)
    kind = KIND_TITLES[entity.kind].lower().rstrip("s") if entity.kind != "people" else "person"
    out += [f"# {md(entity.name)}", ""]
    also = f" Also written {', '.join(md(a) for a in entity.aliases)}." if entity.aliases else ""
    out += [f"A {kind} named in {plural(len(articles), 'article')}.{also}", ""]
    if events:
        out += ["## Events", ""]
        for e in events:
            href = link(page, ctx.site.event_page[e.id], "ev-" + safe_slug(e.id))
            out.append(f"- **[{describe(e.date)}]({href})** {md(shorten(display_text(e.text), 200))}")
        out.append("")
    out += ["## Articles", ""]
    for r in articles:
        slug = r.article.slug
        out.append(f"- [{md(shorten(ctx.title(slug), 120))}]({link(page, ctx.site.article_paths[slug])})")
    return "\n".join([*out, ""])


# ---- all pages ------------------------------------------------------------


def names_index(ctx: Context) -> dict[str, tuple[list[Event], list[ArticleResult]]]:
    """Gazetteer entity id -> the events and the articles (by slug) that name it, in gazetteer order."""
    by_entity: dict[str, tuple[list[Event], list[ArticleResult]]] = defaultdict(lambda: ([], []))
    for event in ctx.events:
        for entity in ctx.event_entities[event.id]:
            by_entity[entity.id][0].append(event)
    for result in sorted(ctx.timeline.articles, key=lambda r: r.article.slug):
        for entity in ctx.article_entities[result.article.slug]:
            by_entity[entity.id][1].append(result)
    return {e.id: by_entity[e.id] for e in ctx.gazetteer.entities if e.id in by_entity}


def page_makers(ctx: Context) -> dict[str, Callable[[], str]]:
    """Every page, keyed by docs-relative path, as a function that renders it: pages are made one
    at a time, when the writer asks for them, and each article's full result is read back only for
    its own page (see :meth:`timeline.model.Timeline.full`)."""
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
    for result in ctx.timeline.articles:
        pages[site.article_paths[result.article.slug]] = partial(_full_article_page, ctx, result)
    used = names_index(ctx)
    for entity in ctx.gazetteer.entities:
        if entity.id in used:
            pages[site.tag_page(entity.id)] = partial(tag_page, ctx, entity, *used[entity.id])
    pages[site.path("tags", "index.md")] = partial(tags_index, ctx, used)
    return pages


def _full_article_page(ctx: Context, result: ArticleResult) -> str:
    return article_page(ctx, ctx.timeline.full(result))


def render_pages(ctx: Context) -> dict[str, str]:
    """Every page, keyed by docs-relative path."""
    return {path: make() for path, make in page_makers(ctx).items()}
