"""One page per article (its text with every date marked, and where its publication date came from),
and the index of all articles."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from ...core.results import ArticleResult
from ...core.thresholds import HIGH_CONFIDENCE, TRUSTED_CONFIDENCE
from ...temporal.values import AnchorKind, DateValue, Timex, TimexType
from ..article_text import article_html
from ..context import NOT_SEARCHED, SEARCH_EXCLUDED, Context, badge, front_matter, plural, unsearched
from ..dates import day_short, describe, month_key, month_name, span
from ..layout import link, listed_day, vague_publication
from ..text import attr, md, safe_url, shorten


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
    out = [f"## When it was published {NOT_SEARCHED}", ""]
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
    # the address, file and language are shown but not searched: the index is loaded whole before
    # the first result, and 10,000 addresses alone would fill a megabyte of it (issue 18)
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
    searched = {"Published", "Source", "Tags", "Names"}
    return [
        f"| {unsearched('About this article')} | |",
        "|---|---|",
        *(f"| {k} | {v} |" if k in searched else f"| {unsearched(k)} | {unsearched(v)} |" for k, v in rows),
        "",
    ]


def article_page(ctx: Context, result: ArticleResult) -> str:
    a = result.article
    page = ctx.site.article_paths[a.slug]
    title = ctx.title(a.slug)  # never empty: the file name when the article has no title
    # no tags in the front matter: the Names row links each name to its page, and Material's
    # list of pages by tag would name every article page (6.6 MB of HTML at 5,495 articles)
    out = front_matter(title)
    out += [f"# {md(title)}", ""]
    out += [unsearched(f"[← All articles]({link(page, ctx.site.path('articles', 'index.md'))})"), ""]
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
        out += [f"## Events it reports {NOT_SEARCHED}", ""]  # the month pages index them
        for e in events:
            out.append(
                f"- **[{describe(e.date)}]({ctx.event_href(page, e)})** {badge(e.date)} "
                f"{md(shorten(ctx.text(e), 200))}"
            )
        out.append("")
    out += [
        f"## Text {NOT_SEARCHED}",  # the title, date, source and names are what is searched
        "",
        '<p class="tl-legend">Highlighted: every date expression found. Hover for its value and how it was '
        "worked out; click to go to that day.</p>",
        "",
    ]
    out += [text, ""]
    out += timex_table(result, shown)
    return "\n".join(out)


def article_page_inputs(ctx: Context, result: ArticleResult) -> tuple[object, ...]:
    """What :func:`article_page` reads of ``ctx`` for ``result`` (its full result), as plain values:
    equal inputs and an equal result give the same page, so a build can keep it (pipeline/pages.py).
    Keep it in step with article_page."""
    slug = result.article.slug
    page = ctx.site.article_paths[slug]
    corpus = [s for ev in result.published.evidence if ev.source == "corpus" for s in ev.articles]
    return (
        page,
        ctx.title(slug),
        ctx.site.path("articles", "index.md"),
        [ctx.day_href(page, t.value, html=True) for t in result.timexes if isinstance(t.value, DateValue)],
        [(e.name, ctx.site.tag_page(e.id)) for e in ctx.article_entities.get(slug, [])],
        [(s, ctx.title(s), ctx.site.article_paths.get(s), ctx.published_words(s)) for s in corpus],
        [(repr(e.date), e.text, ctx.event_href(page, e)) for e in ctx.article_events.get(slug, [])],
    )


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


ARTICLES_PER_PAGE = 500  # above this the article index lists months, a page each


def article_month(result: ArticleResult) -> str | None:
    """The month an article is listed under: of its publication date, given or inferred; None
    when only an interval is known."""
    value = result.published.value
    return month_key(value) if value else None


def articles_index(ctx: Context) -> str:
    page = ctx.site.path("articles", "index.md")
    out = front_matter("Articles")
    articles = ctx.timeline.articles
    out += ["# Articles", ""]
    months = article_months(ctx)
    if not months:
        out += [f"{plural(len(articles), 'article')}, with the publication date and where it came from.", ""]
        return "\n".join([*out, *article_table(ctx, page, list(articles)), ""])
    counts = Counter(article_month(r) for r in articles)
    out += [
        f"{plural(len(articles), 'article')}, by month of publication (given, or inferred from the "
        "text); each month's page lists its articles with the date and where it came from.",
        "",
        "| Month | Articles |",
        "|---|---:|",
    ]
    for key in months:
        name = month_name(key) if key else "Date not known"
        out.append(f"| [{name}]({link(page, articles_month_page(ctx, key))}) | {counts[key]:,} |")
    return "\n".join([*out, ""])


def articles_month_page(ctx: Context, key: str | None) -> str:
    """The docs-relative path of the article list of one month (``None``: date not known)."""
    return ctx.site.path("articles", "by-month", f"{key or 'undated'}.md")


def articles_of_month(ctx: Context, key: str | None) -> str:
    page = articles_month_page(ctx, key)
    name = month_name(key) if key else "Date not known"
    chosen = [r for r in ctx.timeline.articles if article_month(r) == key]
    out = front_matter(f"Articles: {name}", extra=SEARCH_EXCLUDED)  # the article pages are searched
    out += [
        f"# Articles: {name}",
        "",
        f"[← All articles]({link(page, ctx.site.path('articles', 'index.md'))})",
        "",
    ]
    out += [f"{plural(len(chosen), 'article')}, with the publication date and where it came from.", ""]
    return "\n".join([*out, *article_table(ctx, page, chosen), ""])


def article_months(ctx: Context) -> list[str | None]:
    """The months with an article list of their own (none while one index page holds them all)."""
    if len(ctx.timeline.articles) <= ARTICLES_PER_PAGE:
        return []
    return sorted({article_month(r) for r in ctx.timeline.articles}, key=lambda k: (k is None, k or ""))


def article_table(ctx: Context, page: str, articles: list[ArticleResult]) -> list[str]:
    with_source = any(r.article.source for r in articles)  # no empty column
    out = (
        ["| Article | Source | Published | Events |", "|---|---|---|---:|"]
        if with_source
        else ["| Article | Published | Events |", "|---|---|---:|"]
    )

    def order(r: ArticleResult) -> tuple[dt.date, str]:
        return (listed_day(r) or dt.date.max, r.article.slug)  # unknown dates last

    for r in sorted(articles, key=order):
        a = r.article
        out.append(
            f"| {ctx.article_link(page, a.slug)} | "
            + (f"{md(a.source or '')} | " if with_source else "")
            + f"{md(published_summary(r))} | {len(ctx.article_events.get(a.slug, ()))} |"
        )
    return out


def full_article_page(ctx: Context, result: ArticleResult) -> str:
    return article_page(ctx, ctx.timeline.full(result))
