"""Making untrusted text safe for every place the site puts it.

Article text, titles and metadata come from whatever lands in ``content/``. Each output context
has one function here, and the renderer uses nothing else:

- :func:`md` for inline Markdown: every character that means something to Markdown, HTML or the
  attr_list/toc extensions becomes a numeric character reference, so the text can neither add
  markup nor end the construct it sits in (headings, tables, links, ``{ #id }`` lists);
- :func:`html_text` / :func:`attr` for raw HTML blocks (article text, the chart);
- :func:`yaml_title` for front matter (MkDocs puts ``title`` into ``<title>`` *without* escaping
  it, so it is HTML-escaped first, then quoted as a YAML string);
- :func:`safe_url` refuses anything but http(s) URLs (``javascript:``, ``data:`` ...).

All of them first drop characters YAML, HTML and calendars cannot carry (controls, surrogates,
non-characters) and collapse whitespace.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from ..events import clean_text

_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
# Markdown, HTML, attr_list and table syntax; letters, digits and spaces stay readable.
_MD_SPECIAL = "\\`*_{}[]()#+-.!|<>~^=:&\"'$%@/;?"
_MD_TABLE = {ord(c): f"&#{ord(c)};" for c in _MD_SPECIAL}
# The same titles, event texts and names are cleaned on many pages; remembering the most recent
# few thousand gets most of the gain. A larger cache fills with one-off texts (at 10,000 articles,
# 131,072 entries held about 30 MB for the whole build).
CACHED = 4096


@lru_cache(maxsize=CACHED)
def clean(text: str) -> str:
    """One line of displayable text: no control or non-characters, whitespace collapsed."""
    text = _BAD_CHARS.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


@lru_cache(maxsize=CACHED)
def md(text: str) -> str:
    """Inline Markdown that shows ``text`` literally and cannot inject anything."""
    return clean(text).translate(_MD_TABLE)


def html_text(text: str, *, collapse: bool = True) -> str:
    """Text for an HTML element's content."""
    value = clean(text) if collapse else _BAD_CHARS.sub("", text)
    return html.escape(value, quote=True)


def attr(text: str) -> str:
    """Text for a double-quoted HTML attribute value (``|`` too: the attribute may sit in a table row)."""
    return html.escape(clean(text), quote=True).replace("|", "&#124;")


def yaml_title(text: str) -> str:
    """A front-matter ``title:`` value: HTML-escaped (MkDocs does not escape it), YAML-quoted."""
    return json.dumps(html.escape(clean(text), quote=True), ensure_ascii=True)


def yaml_str(text: str) -> str:
    """A YAML double-quoted string (JSON syntax is valid YAML)."""
    return json.dumps(clean(text), ensure_ascii=True)


@lru_cache(maxsize=CACHED)
def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link with a host, else None (no ``javascript:``, ``data:``)."""
    if not url:
        return None
    url = url.strip()
    if _BAD_CHARS.search(url) or any(c.isspace() for c in url) or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def shorten(text: str, limit: int = 90) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return (cut or text[: limit - 1]) + "…"


def shows_text(text: str) -> bool:
    """Whether ``clean(text)`` is not empty; not cached, for the many texts only tested once
    (article paragraphs), which would otherwise fill the caches."""
    return bool(_BAD_CHARS.sub("", unicodedata.normalize("NFC", text)).split())


@lru_cache(maxsize=CACHED)
def display_text(text: str) -> str:
    """An event or quote as shown: the events module's cleaning (one cleaning everywhere), one line."""
    return clean(clean_text(text))
