"""Month pages: a section per day (week, month, period) with its events and the articles published then."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from ...core.results import ArticleEvent, Event
from ..context import (
    SEARCH_SKIPPED,
    Context,
    badge,
    front_matter,
    highlight_lines,
    plural,
    sorted_members,
    unsearched,
)
from ..dates import MONTHS, day_long, describe, month_key, month_name, span
from ..layout import (
    MonthPart,
    Section,
    day_section,
    event_anchor,
    link,
    rank_key,
    section_of,
)
from ..text import display_text, md, shorten


def section_title(section: Section) -> str:
    if section.kind == "day":
        return day_long(section.earliest)
    if section.kind == "week":
        return f"Week of {day_long(section.earliest)}"
    if section.kind == "month":
        return f"During {month_name(month_key(section.earliest))}"
    return f"From {span(section.earliest, section.latest)}"  # "From 1 March to 31 May 2022"


def source_line(ctx: Context, page: str, member: ArticleEvent) -> str:
    result = ctx.results.get(member.article)
    name = ctx.article_link(page, member.article, f"t{member.timex}")
    timex = ctx.timex(member)
    words = f"“{md(timex.text)}”" if timex else "its date"
    source = result.article.source if result else None
    by = f" <small>({md(source)})</small>" if source else ""
    return f"- {name}{by}: from {words}, read as {describe(member.date)}"


def event_block(ctx: Context, page: str, event: Event) -> list[str]:
    out = [
        f'<div class="tl-event" id="{event_anchor(event)}" markdown="1">',
        "",
        f"{badge(event.date)} {md(ctx.text(event))}"
        + (" " + unsearched(f"<small>({ctx.reported(event)})</small>") if len(event.sources) > 1 else ""),
        "",
    ]
    # the sources (article titles, the dating words) and any disagreement: on the page, not in the
    # search index, which keeps the event's words (article titles are searched on their own pages)
    out += [f'<div markdown="1" {SEARCH_SKIPPED}>', ""]
    out += [source_line(ctx, page, m) for m in sorted_members(event)]
    out.append("")
    if event.conflicts:
        out += ['!!! warning "The sources disagree on the date"', ""]
        for c in sorted(event.conflicts, key=lambda m: (m.date.earliest, m.article, m.start)):
            name = ctx.article_link(page, c.article, f"t{c.timex}")
            timex = ctx.timex(c)
            words = f" (from “{md(timex.text)}”)" if timex else ""
            out.append(
                f"    - {name} dates a similar report to **{describe(c.date)}**{words}: "
                f"“{md(shorten(display_text(c.text), 200))}”"
            )
        out.append("")
    out += ["</div>", "", "</div>", ""]
    return out


def published_block(ctx: Context, page: str, slugs: list[str]) -> list[str]:
    """The articles published on a day (given, or inferred firmly enough), listed as dated items too."""
    out = [f'<div class="tl-published" markdown="1" {SEARCH_SKIPPED}>', "", "**Published this day:**", ""]
    for slug in slugs:
        result = ctx.results[slug]
        how = "given" if result.published.source == "metadata" else "inferred, see the evidence"
        source = f" ({md(result.article.source)})" if result.article.source else ""
        out.append(f"- {ctx.article_link(page, slug)}{source} <small>({how})</small>")
    return [*out, "", "</div>", ""]


ALSO = "also-"  # the anchor of a month's vaguely dated events: #also-2022-03
PAGE_TAGS = 10
DAY_SHOWN = 5  # a day's best-ranked events shown open; the rest of its reports are collapsed
MONTH_KEY_EVENTS = 8  # the month's best-ranked events listed at the top of its first page


def part_label(part: MonthPart, parts: list[MonthPart], short: bool = False) -> str:
    """'8–14 March', '8 March', for a day too busy for one page '24 February (2 of 7)', and for
    a page of vaguely dated events 'also mentioned'; ``short``, for the list of a month's pages:
    '8–14', '8', '24 (2/7)'."""
    if not part.events and not part.published:
        also = [p for p in parts if p.vague and not p.events and not p.published]
        return "also mentioned" + (f" ({also.index(part) + 1} of {len(also)})" if len(also) > 1 else "")
    first, last = part.first, part.last
    label = f"{first.day}" if first == last else f"{first.day}–{last.day}"
    if not short:
        label += f" {MONTHS[first.month - 1]}"
    same = [p for p in parts if p.events and p.first == p.last == first]
    if first == last and len(same) > 1:
        k, n = same.index(part) + 1, len(same)
        label += f" ({k}/{n})" if short else f" ({k} of {n})"
    return label


def day_events(ctx: Context, page: str, section: Section, events: list[Event], shown: int) -> list[str]:
    """The section's events, best-ranked first; after the first ``shown``, collapsed."""
    ranked = sorted(events, key=rank_key)
    out: list[str] = []
    for event in ranked[:shown]:
        out += event_block(ctx, page, event)
    rest = ranked[shown:]
    if rest:
        day = day_long(section.earliest)
        when = day if section.kind == "day" else f"the week of {day}"
        what = plural(len(rest), "more report" if shown else "report")
        # shown, but searched only through the day's best-ranked events: every report of every day
        # would make the index, loaded whole before the first result, grow with the corpus (issue 18)
        out += [
            f'<details class="note" markdown="1" {SEARCH_SKIPPED}>',
            f"<summary>{what} of {when}</summary>",
            "",
        ]
        for event in rest:
            out += event_block(ctx, page, event)
        out += ["</details>", ""]
    return out


def also_mentioned(ctx: Context, page: str, part: MonthPart, parts: list[MonthPart]) -> list[str]:
    """The events dated only to the month or a longer period, best-ranked first: collapsed after
    the last day, or open on a page of their own."""
    name = month_name(part.key)
    first = next(p for p in parts if p.vague) is part
    heading = f"Also mentioned in {name}" + ("" if first else " (continued)")
    # vague mentions ("this spring") are background, not what a reader searches for
    out = [f"## {heading} {{ #{ALSO}{part.key} {SEARCH_SKIPPED} }}", ""]
    what = (
        f"{plural(len(part.vague), 'event')} dated only to the month or a longer period "
        "(“in March”, “this spring”), best-ranked first"
    )
    collapsed = bool(part.events or part.published)
    if collapsed:
        out += ['<details class="note" markdown="1">', f"<summary>{what}</summary>", ""]
    else:
        out += [what + ":", ""]
    sections: dict[Section, list[Event]] = defaultdict(list)
    for event in part.vague:
        sections[section_of(event.date)].append(event)
    for section in sorted(sections):
        out += [f"### {section_title(section)} {{ #{section.anchor} {SEARCH_SKIPPED} }}", ""]
        for event in sorted(sections[section], key=rank_key):
            out += event_block(ctx, page, event)
    return out + (["</details>", ""] if collapsed else [])


def reading_order(section: Section) -> tuple[dt.date, int, dt.date]:
    """Days in order, a week after its last day: what "last week" or "this week" dates is less
    precise than the days it spans, so it never opens them (issue 17)."""
    if section.kind == "week":
        return (section.latest, 1, section.earliest)
    return (section.earliest, 0, section.latest)


def month_page(ctx: Context, part: MonthPart, keys: list[str]) -> str:
    page = part.path
    name = month_name(part.key)
    parts = ctx.site.months[part.key]
    title = name if part.count == 1 else f"{name}: {part_label(part, parts)}"
    # the page's main subjects as tags: the names most of its events mention (every name a busy
    # page mentions would push the day's news below a cloud of forty tags)
    mentions = Counter(e for ev in part.events + part.vague for e in ctx.event_entities.get(ev.id, []))
    out = front_matter(title, sorted(mentions, key=lambda e: (-mentions[e], e.name))[:PAGE_TAGS])
    out += [f"# {title}", ""]
    days = [e.date.earliest for e in part.events] + [d for d, _ in part.published]
    phases = [p for p in ctx.timeline.chronology.phases if any(p.contains(d) for d in days)]
    sources = sorted({s for e in part.events + part.vague for s in e.sources})
    counted = (
        plural(len(part.events), "event")
        if part.events or not part.vague
        else plural(len(part.vague), "vaguely dated event")
    )
    info = [counted + " from " + plural(len(sources), "article")]
    if part.published:
        info.append(plural(len(part.published), "article") + " published")
    coarse = [e for p in parts for e in p.vague]
    if coarse and (part.events or part.published):
        also = next(p for p in parts if p.vague).path
        info.append(f"[{plural(len(coarse), 'vaguely dated mention')}]({link(page, also, ALSO + part.key)})")
    info += [f"phase: [{md(p.title)}]({link(page, ctx.site.phase_page(p.id))})" for p in phases]
    out += [" · ".join(info), ""]
    if part.count > 1:
        pager = []
        for other in parts:
            label = part_label(other, parts, short=True)
            pager.append(f"**{label}**" if other is part else f"[{label}]({link(page, other.path)})")
        out += [f"Pages of {name}: " + " · ".join(pager), ""]
    key_events = [k for k in ctx.timeline.chronology.events if month_key(k.date.earliest) == part.key]
    if key_events and part.number == 1:
        out += ['!!! abstract "This month in the chronology"', ""]
        out += [f"    - **{describe(k.date)}**: {md(k.title)}" for k in key_events]
        out.append("")
    month_events = [e for p in parts for e in p.events] if part.number == 1 else []
    if len(month_events) > MONTH_KEY_EVENTS:
        out += [f"## Key events of {name} {{ #key-{part.key} {SEARCH_SKIPPED} }}", ""]  # the days index them
        out += ["The month's best-ranked events (most outlets, most specific), one a day:", ""]
        out += highlight_lines(ctx, page, month_events, MONTH_KEY_EVENTS)
        out.append("")
    sections: dict[Section, list[Event]] = defaultdict(list)
    for event in part.events:
        sections[section_of(event.date)].append(event)
    published: dict[Section, list[str]] = defaultdict(list)
    for day, slug in part.published:
        published[day_section(day)].append(slug)
    earlier = {e.date.earliest for p in parts[: parts.index(part)] for e in p.events}
    for section in sorted(set(sections) | set(published), key=reading_order):
        # a busy day's later pages go on with its less reported events, all collapsed
        again = section.earliest in earlier
        more = " (continued)" if again else ""
        out += [f"## {section_title(section)}{more} {{ #{section.anchor} }}", ""]
        out += day_events(ctx, page, section, sections.get(section, []), 0 if again else DAY_SHOWN)
        if section in published:
            out += published_block(ctx, page, sorted(published[section]))
    if part.vague:
        out += also_mentioned(ctx, page, part, parts)
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
