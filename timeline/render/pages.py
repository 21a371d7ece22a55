"""First cut of the generated pages (index, one page per article, one per month)."""

from __future__ import annotations

from collections import defaultdict

from ..config import Settings
from ..model import Timeline
from .markdown import escape


def render_site(timeline: Timeline, settings: Settings) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    by_month = defaultdict(list)
    for event in timeline.events:
        by_month[event.date.earliest.strftime("%Y-%m")].append(event)
    lines = [f"# {escape(settings.site_title)}", "", f"{len(timeline.articles)} articles, "
             f"{len(timeline.events)} events.", "", "## Months", ""]
    for month in sorted(by_month):
        lines.append(f"- [{month}](months/{month}.md) ({len(by_month[month])} events)")
    lines += ["", "## Articles", ""]
    for result in sorted(timeline.articles, key=lambda r: r.article.slug):
        lines.append(f"- [{escape(result.article.title)}](articles/{result.article.slug}.md)")
        files[f"articles/{result.article.slug}.md"] = f"# {escape(result.article.title)}\n"
    files["index.md"] = "\n".join(lines) + "\n"
    for month, events in sorted(by_month.items()):
        body = [f"# {month}", ""]
        for e in sorted(events, key=lambda e: (e.date.earliest, e.id)):
            body.append(f"- **{e.date.timex3()}** {escape(e.text)}")
        files[f"months/{month}.md"] = "\n".join(body) + "\n"
    return files
