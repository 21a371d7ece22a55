"""An article's text as HTML with every date expression marked.

Timex offsets index into ``Article.text``/``Article.body`` (same length; ``body`` has front matter
and boilerplate blanked out). Paragraphs are runs of non-blank lines of ``body``; text between
marks is HTML-escaped, so nothing in the article can become markup. Each mark is
``<a class="tl-date" id="t<index>" href="<day>" title="<value> — <reason>">words</a>`` (a
``<span>`` when no page shows that date), so event sources can link to the exact words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.results import ArticleResult
from ..events import clean_text
from ..temporal.values import DateValue, Timex
from .dates import describe
from .text import attr, clean, html_text, shows_text

_SPACES = re.compile(r"\s(?:(?<! )\s*|\s+)")  # every whitespace run -> " " (a lone space is left as it is)


def paragraph_spans(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines from ``start`` on; linear in the text's length
    (masked boilerplate can be long runs of spaces, which a regex would backtrack over)."""
    out: list[tuple[int, int]] = []
    first: int | None = None
    last = start
    pos, size = start, len(text)
    while pos <= size:
        end = text.find("\n", pos)
        end = size if end < 0 else end
        blank = pos == end or text[pos:end].isspace()
        if blank and first is not None:
            out.append((first, last))
            first = None
        elif not blank:
            first = pos if first is None else first
            last = end
        pos = end + 1
    if first is not None:
        out.append((first, last))
    return out


def _title(timex: Timex, reason: str) -> str:
    value = timex.value
    if value is None:
        return f"not resolved: {reason}"
    shown = value.timex3()
    if isinstance(value, DateValue):
        shown = f"{shown} ({describe(value)})"
    return f"{shown} — {reason}"


def _mark(index: int, timex: Timex, words: str, href: str | None, reason: str) -> str:
    kind = "tl-date" if isinstance(timex.value, DateValue) else "tl-date tl-date-other"
    if timex.value is None:
        kind = "tl-date tl-date-unresolved"
    title = attr(_title(timex, reason))
    if href:
        return f'<a class="{kind}" id="t{index}" href="{attr(href)}" title="{title}">{words}</a>'
    return f'<span class="{kind}" id="t{index}" title="{title}">{words}</span>'


def article_html(
    result: ArticleResult,
    href: Callable[[DateValue], str | None],
    reason: Callable[[Timex], str],
) -> tuple[str, set[int]]:
    """The HTML, and the indexes of the timexes it marks (those in junk or the title are not shown)."""
    body = result.article.body
    start_at = result.article.body_start
    marks = sorted(
        (
            (t.start, t.end, i, t)
            for i, t in enumerate(result.timexes)
            if start_at <= t.start < t.end <= len(body)
        ),
        key=lambda m: (m[0], -m[1], m[2]),
    )
    paragraphs: list[str] = []
    shown: set[int] = set()
    cursor = 0  # index into marks
    for p_start, p_end in paragraph_spans(body, start_at):
        text = body[p_start:p_end]
        if not shows_text(clean_text(text)):  # only junk left (caption markup, credits): nothing to show
            while cursor < len(marks) and marks[cursor][0] < p_end:
                cursor += 1
            continue
        pieces: list[str] = []
        pos = p_start
        while cursor < len(marks) and marks[cursor][0] < p_end:
            m_start, m_end, index, timex = marks[cursor]
            cursor += 1
            if m_start < pos or m_end > p_end:  # overlaps the previous mark or the paragraph end
                continue
            pieces.append(html_text(_SPACES.sub(" ", body[pos:m_start]), collapse=False))
            words = html_text(clean(body[m_start:m_end]))
            value = timex.value
            target = href(value) if isinstance(value, DateValue) else None
            pieces.append(_mark(index, timex, words, target, reason(timex)))
            shown.add(index)
            pos = m_end
        pieces.append(html_text(_SPACES.sub(" ", body[pos:p_end]), collapse=False))
        paragraphs.append("<p>" + "".join(pieces).strip() + "</p>")
    if not paragraphs:
        paragraphs.append("<p><em>No text.</em></p>")
    return '<div class="tl-article-text">\n' + "\n".join(paragraphs) + "\n</div>", shown
