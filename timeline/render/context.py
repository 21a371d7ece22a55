"""What every page shares: the render context (the site map, indexes over the Timeline, titles and
date links), front matter, precision badges and counted words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..config import Settings
from ..core.gazetteer import Entity, Gazetteer
from ..core.results import ArticleEvent, ArticleResult, Event, Timeline
from ..events.memo import remembered
from ..events.rank import outlet_of
from ..temporal.values import DateValue, Granularity, Timex
from .dates import BADGES, day_short, describe, month_key, precision
from .layout import SiteMap, event_anchor, event_sort_key, highlights, link, plan, section_of
from .pieces import Pieces
from .text import clean, display_text, md, shorten, yaml_str, yaml_title


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
    # event id -> its text as shown: cleaned once, then read by the month pages and each download
    # (an LRU cache of the cleaning missed nearly every time over tens of thousands of events)
    texts: dict[str, str] = field(default_factory=dict)
    # the downloads' pieces, kept from the last build by what they show (pieces.py)
    pieces: Pieces = field(default_factory=Pieces)
    event_keys: dict[str, str] = field(default_factory=dict)  # event id -> pieces.event_key

    def text(self, event: Event) -> str:
        """``display_text(event.text)``, cleaned once per build."""
        shown = self.texts.get(event.id)
        return shown if shown is not None else display_text(event.text)

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
            anchor = section_of(value).anchor
            if anchor in self.site.section_page:
                return link(page, self.site.section_page[anchor], anchor, html=html)
        target = self.site.month_page(month_key(value.earliest))
        if target is not None and g <= Granularity.MONTH:
            return link(page, target, html=html)
        return None

    def event_href(self, page: str, event: Event) -> str:
        """The link from ``page`` to the event on its month page."""
        return link(page, self.site.event_page[event.id], event_anchor(event))

    def outlets(self, event: Event) -> list[str]:
        """The outlets that report ``event`` (an article's source, else its web site): a wire story
        or a recycled caption in ten articles of one outlet is one outlet."""
        found = [self.results[s].article for s in event.sources if s in self.results]
        return sorted({outlet_of(a.source, a.url, a.slug) for a in found})

    def reported(self, event: Event) -> str:
        """'3 outlets, 5 articles', '2 articles', '1 article'."""
        articles = plural(len(event.sources), "article")
        outlets = len(self.outlets(event))
        return f"{plural(outlets, 'outlet')}, {articles}" if outlets > 1 else articles

    def article_link(self, page: str, slug: str, anchor: str = "") -> str:
        """The article's title (shortened), linked from ``page`` to its page (at ``anchor``) if it has one."""
        title = md(shorten(self.title(slug), 120))
        target = self.site.article_paths.get(slug)
        return f"[{title}]({link(page, target, anchor)})" if target else title


# each event's text as shown, remembered from one build to the next (events/memo.py)
shown_text = remembered("shown")(display_text)


def make_context(timeline: Timeline, settings: Settings, gazetteer: Gazetteer) -> Context:
    ctx = Context(timeline, settings, plan(timeline, settings), gazetteer)
    ctx.results = {r.article.slug: r for r in timeline.articles}
    ctx.events = sorted(timeline.events, key=event_sort_key)
    for event in ctx.events:  # indexes instead of scans: pages stay linear in articles and events
        for slug in event.sources:
            ctx.article_events.setdefault(slug, []).append(event)
    for event in timeline.events:
        ctx.texts[event.id] = shown_text(event.text)
        ctx.event_entities[event.id] = gazetteer.entities_in(ctx.texts[event.id])
    for result in timeline.articles:  # read back one article's text at a time
        ctx.article_entities[result.article.slug] = gazetteer.entities_in(timeline.body_text(result))
    return ctx


# A heading's attribute that keeps its section (up to the next heading) out of the search index
# (Material's search plugin skips it): full article texts and the lists that repeat the month pages
# made the index about 10 MB at 1,000 real articles, all loaded before the first result (issue 18).
NOT_SEARCHED = "{ data-search-exclude }"
SEARCH_SKIPPED = "data-search-exclude"  # the same on an HTML block of a page
# Front matter of a page the search index leaves out entirely (lists of titles found elsewhere).
SEARCH_EXCLUDED = "search:\n  exclude: true"


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
    # a label, not something a reader searches for: kept out of the index like every page furniture
    attrs = f'class="tl-badge tl-badge-{key}" title="{describe(value)}" {SEARCH_SKIPPED}'
    return f"<span {attrs}>{BADGES[key]}</span>"


def unsearched(html: str) -> str:
    """Inline text shown on the page but left out of the search index (labels, file names, counts)."""
    return f"<span {SEARCH_SKIPPED}>{html}</span>"


def sorted_members(event: Event) -> list[ArticleEvent]:
    """An event's member sentences in a fixed order: by article, then place in the article."""
    return sorted(event.members, key=lambda m: (m.article, m.start, m.timex))


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def highlight_lines(ctx: Context, page: str, events: list[Event], limit: int) -> list[str]:
    """The ``limit`` best-ranked of ``events`` as a list in date order, each linked to its place
    on a month page, with its date, precision and number of sources (home, phase, month pages)."""
    return [
        f"- **[{describe(event.date)}]({ctx.event_href(page, event)})** {badge(event.date)} "
        f"{md(shorten(ctx.text(event), 160))} "
        f"<small>({ctx.reported(event)})</small>"
        for event in highlights(events, limit)
    ]
