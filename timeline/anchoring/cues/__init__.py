"""Cues for the publication date: what each dated clue in a text says about when it was written.

Each cue is a likelihood over candidate publication days, kept as a default value plus
ranges that override it (so a cue costs only the days it talks about). The numbers are
deliberately soft: every cue leaves some room for being wrong (an old date quoted as
background, a scheduled date in the future, a tagging mistake), so that one misleading
clue cannot produce a confident wrong date on its own.

``base`` is the model (``Cue``, ``CueKind``) and the arithmetic and tables the families share;
``reading`` the text being read; one module a family: ``dated`` (dates with a year),
``yearless`` (dates without one, seasons), ``weekdays``, ``years`` (the year or month of
writing), ``war_relative`` (counts from a chronology anchor), ``known_events`` (mentions of the
chronology's events), ``datelines`` (datelines, "Published"/"Updated" lines) with the English
page furniture in ``furniture``; ``finder`` sends each timex to its family.
"""

from ..anchors import anchor_for, find_anchor
from .base import POINT_KINDS, Cue, CueKind, fmt, shift
from .finder import CueFinder

__all__ = ["POINT_KINDS", "Cue", "CueFinder", "CueKind", "anchor_for", "find_anchor", "fmt", "shift"]
