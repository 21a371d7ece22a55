"""Places, people and organizations: a page per name from the gazetteer, and their index."""

from __future__ import annotations

from collections import defaultdict

from ...core.gazetteer import KIND_TITLES, KINDS, Entity
from ...core.results import ArticleResult, Event
from ..context import NOT_SEARCHED, Context, front_matter, plural
from ..dates import describe
from ..layout import highlights, link, listed_day
from ..text import md, shorten


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


TAG_LIMIT = 300  # events, and articles, listed on one name's page


def tag_page(ctx: Context, entity: Entity, events: list[Event], articles: list[ArticleResult]) -> str:
    page = ctx.site.tag_page(entity.id)
    out = front_matter(entity.name)
    kind = KIND_TITLES[entity.kind].lower().rstrip("s") if entity.kind != "people" else "person"
    out += [f"# {md(entity.name)}", ""]
    also = f" Also written {', '.join(md(a) for a in entity.aliases)}." if entity.aliases else ""
    out += [f"A {kind} named in {plural(len(articles), 'article')}.{also}", ""]
    if events:
        out += [f"## Events {NOT_SEARCHED}", ""]  # searched on the month pages
        shown = events
        if len(events) > TAG_LIMIT:  # Putin: 4,000 events of the dev corpus, a 1.3 MB page
            shown = highlights(events, TAG_LIMIT, per_day=3)
            out += [
                f"The {len(shown):,} best-ranked of the {len(events):,} events that name it, at most "
                "three a day (the month pages have them all):",
                "",
            ]
        for e in shown:
            href = ctx.event_href(page, e)
            out.append(f"- **[{describe(e.date)}]({href})** {md(shorten(ctx.text(e), 200))}")
        out.append("")
    out += [f"## Articles {NOT_SEARCHED}", ""]  # searched on their own pages
    listed = articles
    if len(articles) > TAG_LIMIT:
        # the articles about it: those whose titles name it, then the latest of the others
        about = {
            r.article.slug for r in articles if entity in ctx.gazetteer.entities_in(ctx.title(r.article.slug))
        }
        listed = sorted(articles, key=lambda r: (r.article.slug not in about, -_day(r), r.article.slug))
        listed = sorted(listed[:TAG_LIMIT], key=lambda r: (_day(r), r.article.slug))
        out += [
            f"{len(listed):,} of the {len(articles):,} articles that name it: those whose titles name it "
            f"({len(about):,}), then the latest of the others; search finds the rest.",
            "",
        ]
    for r in listed:
        out.append(f"- {ctx.article_link(page, r.article.slug)}")
    return "\n".join([*out, ""])


def _day(result: ArticleResult) -> int:
    day = listed_day(result)
    return day.toordinal() if day else 0  # unknown: first in date order, last when latest first


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
