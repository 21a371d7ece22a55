"""Pure rendering: Timeline -> {relative path: Markdown}. No I/O here."""

from __future__ import annotations

from ..config import Settings
from ..model import Timeline
from .pages import render_site

__all__ = ["Settings", "Timeline", "render_site"]
