"""The overview chart: events per week as an SVG drawn at build time (no JavaScript).

Colours come from CSS (``site_src/assets/timeline.css``: Material's palette variables and
``currentColor``), so the same markup reads in the light and the dark palette. Every month with a
page is a link; phases are shaded bands with their names. The SVG carries a title and a
description; the page adds a table of the same numbers as the text alternative.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence

from ..core.chronology import Phase
from .dates import MONTHS, day_short, month_key
from .text import attr, html_text

WIDTH, HEIGHT = 1000, 220
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 26, 30  # plot margins
BAR_AREA = HEIGHT - TOP - BOTTOM


def _n(x: float) -> str:
    """Fixed-precision numbers: identical bytes on every build."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    out, day = [], start.replace(day=1)
    while day <= end:
        out.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def chart_range(days: Sequence[dt.date]) -> tuple[dt.date, dt.date] | None:
    """Whole months, from the first event's month to the last one's (weeks start on Monday)."""
    if not days:
        return None
    first = min(days).replace(day=1)
    last = max(days)
    end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return _monday(first), _monday(end) + dt.timedelta(days=6)


def overview_svg(
    days: Sequence[dt.date],
    phases: Sequence[Phase],
    month_href: Callable[[str], str | None],
    phase_href: Callable[[str], str],
) -> str:
    """The chart for events dated ``days`` (one entry per event; its first day)."""
    span = chart_range(days)
    if span is None:
        return ""
    start, end = span
    weeks = (end - start).days // 7 + 1
    per_week = Counter((_monday(d) - start).days // 7 for d in days)
    per_month = Counter(month_key(d) for d in days)
    top = max(per_week.values())
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / weeks
    total_days = (end - start).days + 1

    def x(day: dt.date) -> float:
        return LEFT + plot_w * max(0, min(total_days, (day - start).days)) / total_days

    out = [
        f'<svg class="tl-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="tl-chart-title tl-chart-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="tl-chart-title">Events per week</title>',
        f'<desc id="tl-chart-desc">{len(days)} events from {day_short(min(days))} to {day_short(max(days))}; '
        f"the busiest week has {top}. Shaded bands are the phases of the war; each month links to its page. "
        "The same numbers are in the table below the chart.</desc>",
    ]
    for n, phase in enumerate(p for p in phases if (p.end or end) >= start and p.start <= end):
        x0, x1 = x(phase.start), x((phase.end or end) + dt.timedelta(days=1))
        label = html_text(phase.title)
        out.append(
            f'<a href="{attr(phase_href(phase.id))}" aria-label="{attr(phase.title)}">'
            f'<rect class="tl-chart-phase tl-chart-phase-{n % 2}" '
            f'x="{_n(x0)}" y="{TOP}" width="{_n(max(x1 - x0, 0.5))}" height="{BAR_AREA}">'
            f"<title>{label}</title></rect></a>"
        )
        if x1 - x0 > 7 * len(phase.title) * 0.6 + 8:  # the name fits inside the band
            out.append(f'<text class="tl-chart-label" x="{_n(x0 + 3)}" y="{TOP - 8}">{label}</text>')
    # gridline and axis labels: the count scale on the left
    out.append(
        f'<line class="tl-chart-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + BAR_AREA}" '
        f'y2="{TOP + BAR_AREA}"/>'
    )
    out.append(f'<text class="tl-chart-tick" x="{LEFT - 4}" y="{TOP + 8}" text-anchor="end">{top}</text>')
    out.append(f'<text class="tl-chart-tick" x="{LEFT - 4}" y="{TOP + BAR_AREA}" text-anchor="end">0</text>')
    for week in sorted(per_week):
        count = per_week[week]
        h = max(1.5, BAR_AREA * count / top)
        monday = start + dt.timedelta(days=7 * week)
        out.append(
            f'<rect class="tl-chart-bar" x="{_n(LEFT + week * step)}" y="{_n(TOP + BAR_AREA - h)}" '
            f'width="{_n(max(step * 0.8, 2))}" height="{_n(h)}"><title>week of {day_short(monday)}: '
            f"{count} event{'s' if count != 1 else ''}</title></rect>"
        )
    months = _months(start + dt.timedelta(days=6), end)
    yearly = len(months) > 18  # long ranges: one label per year; short ones: every month
    for n, first in enumerate(months):
        key = month_key(first)
        x0 = x(first)
        x1 = x((first.replace(day=28) + dt.timedelta(days=4)).replace(day=1))
        if first.month == 1 or n == 0:
            out.append(
                f'<line class="tl-chart-year" x1="{_n(x0)}" x2="{_n(x0)}" y1="{TOP}" '
                f'y2="{TOP + BAR_AREA + 6}"/>'
            )
        text = None
        if not yearly:
            text = MONTHS[first.month - 1][:3] + (f" {first.year}" if first.month == 1 or n == 0 else "")
        elif first.month == 1:
            text = str(first.year)
        elif n == 0 and first.month <= 10:  # room before the next January's label
            text = f"{MONTHS[first.month - 1][:3]} {first.year}"
        if text:
            out.append(f'<text class="tl-chart-tick" x="{_n(x0 + 2)}" y="{HEIGHT - 10}">{text}</text>')
        href = month_href(key)
        if href is None:
            continue
        count = per_month[key]
        label = f"{MONTHS[first.month - 1]} {first.year}: {count} event{'s' if count != 1 else ''}"
        out.append(
            f'<a href="{attr(href)}" class="tl-chart-month-link" aria-label="{label}">'
            f'<rect class="tl-chart-month" x="{_n(x0)}" y="{TOP}" width="{_n(max(x1 - x0, 2))}" '
            f'height="{BAR_AREA}"><title>{label} (open the month)</title></rect></a>'
        )
    out.append("</svg>")
    return "".join(out)
