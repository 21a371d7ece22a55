"""The chronology index and one page per phase of the war, each listing its months."""

from __future__ import annotations

from ...core.chronology import Phase
from ...core.results import Event
from ..context import Context, front_matter, highlight_lines, plural
from ..dates import MONTHS, day_short, describe, month_name
from ..layout import link, section_of, vague
from ..text import md


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
    published = [d for p in parts for d, _ in p.published if phase is None or phase.contains(d)]
    extra = f", {plural(len(published), 'article')} published" if published else ""
    extra += f", in {len(parts)} parts" if len(parts) > 1 else ""
    events = _events_in(ctx, key, phase)
    return f"- [{month_name(key)}]({link(page, parts[0].path)}): {plural(events, 'event')}{extra}"


MONTHS_LISTED = 12  # a phase with more months than this lists them by year, a line a year


def month_lines(ctx: Context, page: str, months: list[str], phase: Phase | None = None) -> list[str]:
    """A line a month; for a long phase (the eight years before the invasion), a line a year
    with its months inline, so the page does not open with a hundred one-event months."""
    if len(months) <= MONTHS_LISTED:
        return [month_line(ctx, page, k, phase) for k in months]
    years: dict[str, list[str]] = {}
    for key in months:
        years.setdefault(key[:4], []).append(key)
    out = []
    for year, keys in years.items():
        counts = {k: _events_in(ctx, k, phase) for k in keys}
        listed = " · ".join(
            f"[{MONTHS[int(k[5:7]) - 1]}]({link(page, ctx.site.months[k][0].path)}) {counts[k]:,}"
            for k in keys
        )
        out.append(f"- **{year}** ({plural(sum(counts.values()), 'event')}): {listed}")
    return out


def _events_in(ctx: Context, key: str, phase: Phase | None) -> int:
    return sum(
        1 for p in ctx.site.months[key] for e in p.events if phase is None or phase.contains(e.date.earliest)
    )


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
        out += month_lines(ctx, page, months, phase) or ["No events from the articles in this phase."]
        out.append("")
        placed.update(months)
    rest = [k for k in ctx.site.months if k not in placed]
    if rest:
        out += ["## Outside the phases" if phases else "## Months", ""]
        out += month_lines(ctx, page, rest)
        out.append("")
    if not ctx.timeline.events:
        out += ["No dated events yet. Add articles to `content/articles/` and build again.", ""]
    return "\n".join(out)


def phase_page(ctx: Context, phase: Phase, previous: Phase | None, following: Phase | None) -> str:
    page = ctx.site.phase_page(phase.id)
    out = front_matter(phase.title)
    out += [f"# {md(phase.title)}", "", f"{phase_dates(phase)}.", ""]
    reported = [e for e in phase_events(ctx, phase) if not vague(section_of(e.date))]
    if reported:
        intro = "The phase's best-ranked events (most outlets, most specific), one a day:"
        out += ["## Most reported", "", intro, ""]
        out += highlight_lines(ctx, page, reported, ctx.settings.key_events)
        out.append("")
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
    out += month_lines(ctx, page, phase_months(ctx, phase), phase) or [
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
