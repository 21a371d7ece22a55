"""Data downloads built beside the pages: TimelineJS JSON, CSV, iCalendar and the merged chronology.

Deterministic: sorted, no clock (the iCalendar DTSTAMP is derived from the data), fixed line ends.
Text is made safe for how each format is read: HTML-escaped where TimelineJS renders HTML, spreadsheet
formulas neutralised in CSV, RFC 5545 escaping and folding in iCalendar.

Each download is produced in pieces (lines, rows, records) that the writer streams to disk: they
grow with the number of events, so none is ever held whole in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import json
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from ..core.chronology import Phase
from ..core.results import ArticleEvent, Event
from ..events import event_record
from .context import Context, sorted_members
from .dates import BADGES, describe, precision
from .layout import event_sort_key, highlights, rank_key
from .text import clean, safe_url, shorten

PRODID = "-//news-timeline//timeline build//EN"


def _member(ctx: Context, m: ArticleEvent) -> tuple[object, ...]:
    result = ctx.results.get(m.article)
    article = result.article if result is not None else None
    timex = ctx.timex(m)
    return (
        m.article,
        repr(m.date),
        m.text,
        m.start,
        m.end,
        m.timex,
        m.caption,
        (article.title, article.url, article.source, article.path) if article is not None else None,
        timex.text if timex is not None else None,
    )


def event_key(ctx: Context, event: Event) -> str:
    """A hash of everything of ``event`` and of the site that its download pieces show (worked out
    once per build and event; render/pieces.py keeps the pieces by it)."""
    key = ctx.event_keys.get(event.id)
    if key is None:
        raw = repr(
            (
                event.id,
                repr(event.date),
                event.text,
                event.score,
                event.anchors,
                ctx.text(event),
                [_member(ctx, m) for m in event.members],
                [_member(ctx, m) for m in event.conflicts],
            )
        )
        key = hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        ctx.event_keys[event.id] = key
    return key


class Encoded(str):
    """A value already encoded by :func:`_one` (a download's piece kept from the last build)."""


def _one(value: Any) -> str:
    if isinstance(value, Encoded):
        return value
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Lossless for JSON readers, inert if a page ever inlines the file: no raw <, > or &.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _dumps(data: dict[str, Any]) -> Iterator[str]:
    """Sorted JSON, one list item per line: diffs stay readable, and the C encoder stays in use
    (``indent=`` would switch json to its pure-Python encoder, several times slower). A list
    may be given as an iterator: its items are encoded one at a time, as lines."""
    yield "{\n"
    keys = sorted(data)
    for n, key in enumerate(keys):
        value = data[key]
        comma = "," if n + 1 < len(keys) else ""
        items = iter(value) if isinstance(value, list | Iterator) else None
        first = next(items, _END) if items is not None else _END
        if items is None or first is _END:
            yield f"{_one(key)}:{_one([] if items is not None else value)}{comma}\n"
            continue
        yield f"{_one(key)}:[\n"
        item = first
        for following in items:
            yield _one(item) + ",\n"
            item = following
        yield _one(item) + "\n"
        yield f"]{comma}\n"
    yield "}\n"


_END = object()


def _tl_date(day: dt.date, with_day: bool = True) -> dict[str, int]:
    out = {"year": day.year, "month": day.month}
    if with_day:
        out["day"] = day.day
    return out


def timelinejs(ctx: Context) -> Iterator[str]:
    """TimelineJS3's JSON: title, events, eras (the phases). Its text fields are HTML, so escaped.
    Only the ranked highlights become slides (``timelinejs_events``): a reader cannot browse
    thousands, and every event stays in ``chronology.json``. TimelineJS refuses an era without
    an end, so an open phase ends at the last slide."""
    events = highlights(ctx.timeline.events, ctx.settings.timelinejs_events, per_day=3)
    last = max((e.date.latest for e in events), default=None)
    eras = [
        {
            "start_date": _tl_date(p.start),
            # TimelineJS drops an end equal to the start, and then refuses the era
            "end_date": _tl_date(p.end or max(last, p.start + dt.timedelta(days=1))),
            "text": {"headline": html.escape(clean(p.title))},
        }
        for p in ctx.timeline.chronology.phases
        if last is not None and p.start <= last  # a phase after the last slide shows nothing
    ]
    total = len(ctx.timeline.events)
    shown = (
        f"the {len(events):,} highest-ranked of {total:,} events"
        if len(events) < total
        else f"{total:,} events"
    )
    data = {
        "title": {
            "text": {
                "headline": html.escape(clean(ctx.settings.site_title)),
                "text": f"{shown} from {len(ctx.timeline.articles)} articles",
            }
        },
        "events": _timelinejs_events(ctx, events),
        "eras": eras,
    }
    return _dumps(data)


def _timelinejs_events(ctx: Context, events: list[Event]) -> Iterator[dict[str, Any]]:
    phases: dict[dt.date, Phase | None] = {}  # many events share a day
    for e in events:
        text = ctx.text(e)
        exact = precision(e.date) in ("day", "about")
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _tl_date(e.date.earliest, exact or e.date.width_days <= 7),
            "display_date": describe(e.date),
            "text": {"headline": html.escape(shorten(text, 90)), "text": _sources_html(ctx, e, text)},
        }
        if not exact:
            item["end_date"] = _tl_date(e.date.latest, e.date.width_days <= 7)
        day = e.date.earliest
        if day not in phases:
            phases[day] = ctx.timeline.chronology.phase_of(day)
        phase = phases[day]
        if phase:
            item["group"] = html.escape(clean(phase.title))
        yield item


def _sources_html(ctx: Context, event: Event, text: str) -> str:
    parts = [f"<p>{html.escape(text)}</p>", "<ul>"]
    for m in sorted_members(event):
        a = ctx.results[m.article].article if m.article in ctx.results else None
        title = html.escape(clean(a.title if a else m.article))
        url = safe_url(a.url) if a else None
        name = f'<a href="{html.escape(url, quote=True)}">{title}</a>' if url else title
        parts.append(f"<li>{name}</li>")
    parts.append("</ul>")
    return "".join(parts)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """CSV cell; a leading formula character is quoted so spreadsheets show it as text, and
    angle brackets become ‹ › (as in the calendar) so no viewer can take a cell for markup."""
    value = clean(value).replace("<", "‹").replace(">", "›")
    return "'" + value if value.startswith(_FORMULA) else value


def events_csv(ctx: Context) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def row_text() -> str:  # the rows written so far, then start again
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        return text

    writer.writerow(
        [
            "id",
            "date",
            "earliest",
            "latest",
            "precision",
            "text",
            "sources",
            "source_titles",
            "source_urls",
            "date_expressions",
            "conflicting_dates",
        ]
    )
    yield row_text()

    def row(e: Event) -> str:
        members = sorted_members(e)
        titles = [ctx.title(m.article) for m in members]
        urls = [
            (safe_url(ctx.results[m.article].article.url) or "") if m.article in ctx.results else ""
            for m in members
        ]
        words = [(t.text if (t := ctx.timex(m)) else "") for m in members]
        conflicts = sorted({c.date.timex3() for c in e.conflicts})
        cells = [
            e.id,
            e.date.timex3(),
            e.date.earliest.isoformat(),
            e.date.latest.isoformat(),
            BADGES[precision(e.date)],
            ctx.text(e),
            " | ".join(m.article for m in members),
            " | ".join(clean(t) for t in titles),
            " | ".join(urls),
            " | ".join(clean(w) for w in words),
            " | ".join(conflicts),
        ]
        writer.writerow([_cell(str(v)) for v in cells])
        return row_text()

    for e in sorted(ctx.timeline.events, key=event_sort_key):
        yield ctx.pieces.get("csv " + event_key(ctx, e), partial(row, e))


def _ics_text(value: str) -> str:
    """RFC 5545 TEXT. Angle brackets become ‹ › because some calendar apps render descriptions as HTML."""
    value = clean(value).replace("<", "‹").replace(">", "›")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines of at most 75 octets, continued with a leading space; never split a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return [line]
    parts: list[bytes] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # inside a multi-byte character: back off
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # continuation lines start with a space
    return [parts[0].decode("utf-8"), *(" " + p.decode("utf-8") for p in parts[1:])]


def timeline_ics(ctx: Context) -> Iterator[str]:
    events = sorted(ctx.timeline.events, key=event_sort_key)
    # DTSTAMP must not come from the clock (identical builds): the last day the data mentions.
    days = [e.date.latest for e in events] + [
        r.published.value for r in ctx.timeline.articles if r.published.value
    ]
    stamp = (max(days) if days else ctx.timeline.chronology.window[1]).strftime("%Y%m%dT000000Z")
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(ctx.settings.site_title)}",
    ]
    yield "".join(part + "\r\n" for line in head for part in _fold(line))
    for e in events:
        yield ctx.pieces.get(f"ics {stamp} " + event_key(ctx, e), partial(_ics_event, ctx, e, stamp))
    yield "END:VCALENDAR\r\n"


def _ics_event(ctx: Context, e: Event, stamp: str) -> str:
    text = ctx.text(e)
    sources = [clean(ctx.title(m.article)) for m in sorted_members(e)]
    description = (
        f"{text}\\n\\nPrecision: {BADGES[precision(e.date)]} ({describe(e.date)}).\\nSources: "
        + "; ".join(sources)
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_ics_text(e.id)}@news-timeline",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{e.date.earliest.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(e.date.latest + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_ics_text(shorten(text, 120))}",
        "DESCRIPTION:" + _ics_text(description).replace("\\\\n", "\\n"),
        f"CATEGORIES:{_ics_text(BADGES[precision(e.date)])}",
        "END:VEVENT",
    ]
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


def chronology_json(ctx: Context) -> Iterator[str]:
    """The merged events with their members (the events module explains each merge), each with its
    rank among all events (1: the best, as the home page orders them) and the outlets that report
    it, and the articles."""
    ranks = {e.id: n for n, e in enumerate(sorted(ctx.timeline.events, key=rank_key), start=1)}

    def record(e: Event) -> Encoded:
        # the piece is the record without its rank, which one new event shifts for every event
        # ranked below it; the rank goes in at its place among the sorted keys, before "rule"
        def make() -> str:
            return _one(event_record(e) | {"outlets": ctx.outlets(e)})

        piece = ctx.pieces.get("json " + event_key(ctx, e), make)
        cut = piece.index(',"rule":')
        return Encoded(f'{piece[:cut]},"rank":{ranks[e.id]}{piece[cut:]}')

    events = (record(e) for e in sorted(ctx.timeline.events, key=event_sort_key))
    articles = (
        {
            "slug": r.article.slug,
            "path": r.article.path,
            "title": clean(r.article.title),
            "source": r.article.source,
            "url": safe_url(r.article.url),
            "published": r.published.record(),
        }
        for r in sorted(ctx.timeline.articles, key=lambda r: r.article.slug)
    )
    phases = [
        {"id": p.id, "title": p.title, "start": p.start.isoformat(), "end": _iso(p.end)}
        for p in ctx.timeline.chronology.phases
    ]
    return _dumps({"events": events, "articles": articles, "phases": phases})


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# Each download: file name, format, what it holds (listed on the home page), and its maker.
DOWNLOADS: tuple[tuple[str, str, str, Callable[[Context], Iterable[str]]], ...] = (
    ("timeline.json", "TimelineJS", "the merged events in TimelineJS' JSON format", timelinejs),
    ("events.csv", "CSV", "one row per event: date, precision, text, sources", events_csv),
    ("timeline.ics", "iCalendar", "the events as all-day calendar entries (RFC 5545)", timeline_ics),
    (
        "chronology.json",
        "JSON",
        "merged events with every member sentence and why they were merged",
        chronology_json,
    ),
)


def export_makers(ctx: Context) -> dict[str, Callable[[], Iterable[str]]]:
    """Each download, keyed by docs-relative path, as a function that yields it in pieces."""
    return {ctx.site.download(name): partial(make, ctx) for name, _, _, make in DOWNLOADS}
