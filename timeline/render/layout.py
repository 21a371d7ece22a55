"""Where every generated page lives, and links between them.

Paths are relative to ``docs_dir`` (``timeline/months/2022-03.md``), so one function computes a
relative link between any two pages. MkDocs rewrites ``.md`` links written in Markdown (and checks
them under ``--strict``); raw HTML (article text, the chart) needs the final ``.html`` URL, which
is fixed because mkdocs.yml sets ``use_directory_urls: false`` for both builds.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..config import Settings
from ..core.results import ArticleResult, Event, Timeline
from ..core.thresholds import TRUSTED_CONFIDENCE
from ..temporal.values import DateValue, Granularity
from .dates import month_key

HOME_SNIPPET = ".home.md"  # embedded by site_src/index.md (pymdownx.snippets); dot files are not pages
_SAFE = re.compile(r"[^a-z0-9-]+")
_RESERVED = {"index", "tags", "readme"}


def safe_slug(value: str, fallback: str = "page") -> str:
    """A file-name-safe slug for any input (the loader's slug is checked again, not trusted)."""
    slug = _SAFE.sub("-", value.lower()).strip("-")[:80].strip("-") or fallback
    return f"{slug}-page" if slug in _RESERVED else slug


def event_anchor(event: Event) -> str:
    """The anchor of an event on its month page: ``ev-<slug of its id>``."""
    return "ev-" + safe_slug(event.id)


def event_sort_key(event: Event) -> tuple[dt.date, int, dt.date, str]:
    return (event.date.earliest, -int(event.date.granularity), event.date.latest, event.id)


@dataclass(frozen=True, order=True)
class Section:
    """A heading on a month page: one day, one week, the whole month, or a longer period.

    Orders coarse before fine on the same first day, so "During March 2022" precedes 1 March (the
    "also mentioned" list). A month page's days and weeks are read in
    :func:`~timeline.render.pages.months.reading_order` instead: a week after its days.
    """

    earliest: dt.date
    coarseness: int  # minus the granularity
    latest: dt.date
    kind: str  # "day" | "week" | "month" | "period"

    @property
    def anchor(self) -> str:
        if self.kind == "day":
            return self.earliest.isoformat()  # the stable day permalink: #2022-03-22
        if self.kind == "week":
            year, week, _ = self.earliest.isocalendar()
            return f"{year:04d}-w{week:02d}"
        if self.kind == "month":
            return month_key(self.earliest)
        return f"period-{self.earliest.isoformat()}-{self.latest.isoformat()}"


def rank_key(event: Event) -> tuple[float, int, int, tuple[dt.date, int, dt.date, str]]:
    """Most newsworthy first: ranking score, then sources, then the most precise date."""
    return (-event.score, -len(event.sources), event.date.width_days, event_sort_key(event))


def highlights(events: list[Event], limit: int, per_day: int = 1) -> list[Event]:
    """The ``limit`` most newsworthy events in date order, at most ``per_day`` from one day while
    other days have some left (a busy day's tenth report is not a key event of the war): the key
    events of the home, phase and month pages, and the TimelineJS slides. A month or a season
    ("in February 2022") is never a key event: it is the news of no day (issue 17)."""
    ranked = sorted((e for e in events if not vague(section_of(e.date))), key=rank_key)
    taken: dict[dt.date, int] = defaultdict(int)
    chosen: list[Event] = []
    rest: list[Event] = []
    for event in ranked:
        if len(chosen) == limit:
            break
        day = event.date.earliest
        if taken[day] < per_day:
            taken[day] += 1
            chosen.append(event)
        else:
            rest.append(event)
    chosen += rest[: limit - len(chosen)]  # few days: then more than per_day from some
    return sorted(chosen, key=event_sort_key)


def day_section(day: dt.date) -> Section:
    return Section(day, -int(Granularity.DAY), day, "day")


def section_of(value: DateValue) -> Section:
    """The section that shows a date value (an event's date): its day, week, month or period."""
    g = value.granularity
    if g <= Granularity.DAY:
        return day_section(value.earliest)
    if g == Granularity.WEEK:
        return Section(value.earliest, -int(g), value.latest, "week")
    if g == Granularity.MONTH:
        return Section(value.earliest, -int(g), value.latest, "month")
    return Section(value.earliest, -int(g), value.latest, "period")


VAGUE_DAYS = 14  # an inferred publication interval wider than this is shown as the interval, not a day


def vague_publication(result: ArticleResult) -> bool:
    """Weak inference: say "between A and B" instead of naming a day (a confident wrong day is worse)."""
    pub = result.published
    if pub.source == "metadata" and pub.value is not None:
        return False
    wide = (
        pub.earliest is not None
        and pub.latest is not None
        and (pub.latest - pub.earliest).days + 1 > VAGUE_DAYS
    )
    return pub.value is None or pub.confidence < TRUSTED_CONFIDENCE or wide


def listed_day(result: ArticleResult) -> dt.date | None:
    """The day an article sorts by in lists: its publication date, or the earliest it can have
    been written; None when nothing is known (each list says where those go)."""
    return result.published.value or result.published.earliest


def publication_day(result: ArticleResult) -> dt.date | None:
    """The day an article is listed on in the chronology: given, or inferred firmly enough; else None."""
    pub = result.published
    if pub.value is None or pub.source not in ("metadata", "inferred") or vague_publication(result):
        return None
    return pub.value


def vague(section: Section) -> bool:
    """A month or a longer period ("this spring", "in March"): not an event of any one day, so
    listed after the month's days, collapsed, never above precisely dated events (issue 17)."""
    return section.kind in ("month", "period")


@dataclass
class MonthPart:
    """One page of a month: whole days (a busy day's events by rank over pages of its own), and
    after the last day the vaguely dated events (``vague``), on the last page or, when there are
    many, on pages of their own (no ``events``)."""

    key: str  # "2022-03"
    number: int  # 1-based part number
    count: int  # parts in this month
    events: list[Event]  # dated to a day or a week
    path: str  # docs-relative page path
    published: list[tuple[dt.date, str]] = field(default_factory=list)  # (day, article slug), sorted
    vague: list[Event] = field(default_factory=list)
    # (first, last) once asked: the part is complete by then (plan() fills ``published`` without asking)
    _span: tuple[dt.date, dt.date] | None = field(default=None, repr=False, compare=False)

    @property
    def first(self) -> dt.date:
        return self._bounds()[0]

    @property
    def last(self) -> dt.date:
        return self._bounds()[1]

    def _bounds(self) -> tuple[dt.date, dt.date]:
        if self._span is None:
            days = [e.date.earliest for e in self.events] + [d for d, _ in self.published]
            self._span = (min(days), max(days))
        return self._span


@dataclass
class SiteMap:
    root: str  # settings.output, e.g. "timeline"
    article_paths: dict[str, str] = field(default_factory=dict)  # article slug -> page path
    months: dict[str, list[MonthPart]] = field(default_factory=dict)
    day_page: dict[dt.date, str] = field(default_factory=dict)  # days with a section -> page path
    event_page: dict[str, str] = field(default_factory=dict)
    section_page: dict[str, str] = field(default_factory=dict)  # section anchor -> first page holding it
    _tag_pages: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def path(self, *parts: str) -> str:
        return posixpath.join(self.root, *parts)

    def month_page(self, key: str) -> str | None:
        parts = self.months.get(key)
        return parts[0].path if parts else None

    @property
    def index(self) -> str:
        return self.path("index.md")

    @property
    def home(self) -> str:
        return self.path(HOME_SNIPPET)

    def phase_page(self, phase_id: str) -> str:
        return self.path("phases", f"{phase_id}.md")

    def tag_page(self, entity_id: str) -> str:
        page = self._tag_pages.get(entity_id)
        if page is None:  # asked for once per name on every page that lists it
            page = self._tag_pages[entity_id] = self.path("tags", f"{entity_id}.md")
        return page

    def download(self, name: str) -> str:
        return self.path(name)


@lru_cache(maxsize=4096)  # bounded: most links of a page go to a few pages (months, tags, index)
def _relative(from_dir: str, to_path: str) -> str:
    """posixpath.relpath for docs-relative paths, without touching the file system (it is hot)."""
    source = [p for p in from_dir.split("/") if p]
    target = to_path.split("/")
    common = 0
    while common < min(len(source), len(target) - 1) and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


def link(from_page: str, to_path: str, anchor: str = "", *, html: bool = False) -> str:
    """Relative link from page ``from_page`` to ``to_path`` (both docs-relative).

    ``from_page`` is where the Markdown is rendered: for the home snippet that is ``index.md``.
    """
    rel = _relative(from_page.rpartition("/")[0], to_path)  # the folder ("a/b" or "a/b/": same parts)
    if html and rel.endswith(".md"):
        rel = rel[:-3] + ".html"
    return f"{rel}#{anchor}" if anchor else rel


def plan(timeline: Timeline, settings: Settings) -> SiteMap:
    site = SiteMap(root=settings.output)
    used: set[str] = set()
    for result in sorted(timeline.articles, key=lambda r: (r.article.slug, r.article.path)):
        base = safe_slug(result.article.slug, "article")
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        site.article_paths[result.article.slug] = site.path("articles", f"{slug}.md")
    by_month: dict[str, list[Event]] = defaultdict(list)
    for event in sorted(timeline.events, key=event_sort_key):
        by_month[month_key(event.date.earliest)].append(event)
    # Articles are listed on their publication day (issue 6: the article itself is a dated item).
    published: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for result in timeline.articles:
        day = publication_day(result)
        if day is not None:
            published[month_key(day)].append((day, result.article.slug))
    limit = max(1, settings.month_page_limit)
    for key in sorted(set(by_month) | set(published)):
        events = by_month.get(key, [])
        precise: list[Event] = []
        coarse: list[Event] = []
        for event in events:
            (coarse if vague(section_of(event.date)) else precise).append(event)
        coarse.sort(key=rank_key)
        chunks = _split(precise, limit) or [[]]
        names = _page_names(key, chunks)
        parts = [
            MonthPart(key, n, len(chunks), chunk, site.path("months", f"{name}.md"))
            for n, (chunk, name) in enumerate(zip(chunks, names, strict=True), start=1)
        ]
        if len(parts[-1].events) + len(coarse) <= limit:
            parts[-1].vague = coarse  # after the last day, collapsed
        else:  # pages of their own, best-ranked first: months/2022-03-also.md, -also-2.md
            for n, start in enumerate(range(0, len(coarse), limit), start=1):
                name = f"{key}-also" if n == 1 else f"{key}-also-{n}"
                parts.append(MonthPart(key, 0, 0, [], site.path("months", f"{name}.md")))
                parts[-1].vague = coarse[start : start + limit]
            for n, part in enumerate(parts, start=1):
                part.number, part.count = n, len(parts)
        site.months[key] = parts
        # each part's first and last day as its articles are placed (the days it covers grow)
        span = {id(p): (min(e.date.earliest for e in p.events), max(e.date.earliest for e in p.events))
                for p in parts if p.events}  # fmt: skip
        for day, slug in sorted(published.get(key, [])):
            # the part whose days cover it, else the last part starting before it, else the first
            home = next((p for p in parts if p.events and span[id(p)][0] <= day <= span[id(p)][1]), None)
            home = home or next((p for p in reversed(parts) if p.events and span[id(p)][0] <= day), parts[0])
            home.published.append((day, slug))
            if home.events:
                first, last = span[id(home)]
                span[id(home)] = (min(first, day), max(last, day))
            site.day_page.setdefault(day, home.path)
        for part in parts:
            for event in part.events + part.vague:
                site.event_page[event.id] = part.path
                site.section_page.setdefault(section_of(event.date).anchor, part.path)
                if section_of(event.date).kind == "day":
                    site.day_page.setdefault(event.date.earliest, part.path)
    return site


def _page_names(key: str, chunks: list[list[Event]]) -> list[str]:
    """A month's first page is the month ("2022-03"), every later one is named by its first day
    ("2022-03-14", then "2022-03-14-2" for a busy day's next page): a new article moves few
    names, and a name never looks like a day it does not start on."""
    names = [key]
    for chunk in chunks[1:]:
        name = base = min(e.date.earliest for e in chunk).isoformat()
        n = 1
        while name in names:
            n += 1
            name = f"{base}-{n}"
        names.append(name)
    return names


def _split(events: list[Event], limit: int) -> list[list[Event]]:
    """Pages of about ``limit`` events, cut only between days: the sections that start on one
    day (that day, its week) stay on one page, so no two pages share a day and their labels (the
    days they cover) never repeat. A day with more than ``limit`` events has pages of its own,
    its events by rank (the best on its first page). ``events`` come in date order
    (:func:`event_sort_key`), and each day keeps that order."""
    days: dict[dt.date, list[Event]] = defaultdict(list)
    for event in events:
        days[event.date.earliest].append(event)
    chunks: list[list[Event]] = [[]]
    for day in sorted(days):
        group = days[day]
        if len(group) > limit:
            ranked = sorted(group, key=rank_key)
            chunks += [ranked[i : i + limit] for i in range(0, len(ranked), limit)] + [[]]
            continue
        if chunks[-1] and len(chunks[-1]) + len(group) > limit:
            chunks.append([])
        chunks[-1].extend(group)
    return [c for c in chunks if c]
