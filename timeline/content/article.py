"""The Article: one input file, decoded, with its metadata and the text to tag."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Article:
    """One article as read from ``content/``.

    ``text`` is the file's text exactly as read (universal newlines, BOM removed), so offsets
    reported anywhere index into it. ``body`` is the same text with front matter, markup and
    boilerplate lines replaced by spaces: the same length, so offsets stay valid.
    """

    path: str  # relative to the content folder, POSIX separators: "articles/001.txt"
    slug: str
    text: str
    body: str
    title: str
    body_start: int = 0
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str = "en"
    tags: list[str] = field(default_factory=list)
    junk: list[tuple[int, int, str]] = field(default_factory=list)  # masked spans and their rule id
    digest: str = ""  # content hash of the file's bytes

    @property
    def body_text(self) -> str:
        """The visible article text (masked parts removed), for display."""
        return self.body[self.body_start :]
