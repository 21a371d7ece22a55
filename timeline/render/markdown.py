"""Escaping for text that goes into Markdown pages (article text is never trusted)."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^=:])")


def escape(text: str) -> str:
    """Text safe to place inline in Markdown: HTML-escaped, Markdown syntax neutralised."""
    text = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True)).replace("&amp;", "&amp;")
