"""Read the words a rule captured: numbers, units, months, ordinals, position modifiers,
parts of the day, clock times, years, and the names of a chronology anchor.

Each reading goes through the language's word tables (``tables.yaml``), so the words stay
in the rule files; a word that is in no table makes the match invalid (:class:`BuildError`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .rules import RuleSet
from .values import Mod

Getter = Callable[[str], str | None]


class BuildError(ValueError):
    """The captured groups do not make a valid value (e.g. "February 30"): drop the match."""


class CaptureReader:
    """The captured words of one rule set's matches, read through its word tables."""

    def __init__(self, rs: RuleSet) -> None:
        self.rs = rs

    def number(self, word: str | None, default: float | None = 1) -> float | None:
        if word is None:
            return default
        w = re.sub(r"\s+", " ", word.lower().strip())
        if w.replace(".", "", 1).isdigit():
            return float(w)
        if w in self.rs.tables["vague_numbers"]:
            return None
        v = self.rs.tables["numbers"].get(w)
        if v is not None:
            return float(v)
        parts = re.split(r"[\s-]+", w)
        total = 0.0
        for p in parts:
            pv = self.rs.tables["numbers"].get(p)
            if pv is None:
                raise BuildError(f"not a number: {word!r}")
            total += float(pv)
        return total

    def unit(self, word: str) -> str:
        u = self.rs.lookup("units", word)
        if u is None:
            raise BuildError(f"not a unit: {word!r}")
        return str(u)

    def month(self, word: str) -> int:
        if word.isdigit():
            return int(word)
        m = self.rs.lookup("months", word)
        if m is None:
            raise BuildError(word)
        return int(m)

    def ordinal(self, word: str) -> int:
        w = word.lower()
        digits = re.match(r"(\d+)", w)
        if digits:
            return int(digits.group(1))
        v = self.rs.lookup("ordinals", w)
        if v is None:
            raise BuildError(word)
        return int(v)

    def mod(self, word: str | None) -> Mod | None:
        if not word:
            return None
        v = self.rs.lookup("position_mods", word.strip(" -").strip())
        if v is None:
            v = self.rs.lookup("position_mods", word.strip())
        return Mod(v) if v else None

    def pod(self, word: str | None) -> str | None:
        return str(self.rs.lookup("parts_of_day", word)) if word else None

    @staticmethod
    def clock(g: Getter) -> str | None:
        """ "4:30 p.m." -> "16:30"; None when no clock time was captured."""
        hour_s = g("hour")
        if not hour_s:
            return None
        h, _, mi = hour_s.partition(":")
        hour, minute = int(h), int(mi or 0)
        ampm = (g("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            raise BuildError("no such time")
        return f"{hour:02d}:{minute:02d}"

    @staticmethod
    def year(word: str, century_of: str | None = None) -> int:
        w = word.lstrip("'\u2019")
        y = int(w)
        if len(w) == 2 and century_of:
            return int(century_of[:2]) * 100 + y
        if len(w) == 2:
            y += 1900 if y >= 50 else 2000
        return y


_ANCHOR_ADJECTIVES = (
    r"\b(?:russian|ukrainian|current|latest|ongoing|illegal|unprovoked|brutal|so-called|all-out) "
)


def anchor_candidates(phrase: str | None) -> tuple[str, ...]:
    """Names for a chronology anchor phrase, most specific first:
    "the Ukrainian raid" -> ("the ukrainian raid", "the raid");
    "Russia's full-scale invasion of Ukraine" -> ("the full-scale invasion", "the full-scale invasion of
    ukraine", "the invasion"). The first is the timex's ``anchor_name``."""
    if not phrase:
        return ("default",)
    p = re.sub(r"\s+", " ", phrase.lower().replace("\u2019", "'")).strip()
    p = re.sub(r"^(?:the|this|its|their|[a-z]+'s) ", "", p)
    with_place = "the " + p
    bare = re.sub(r"\s+(?:of|in|on|into) [a-z]+$", "", p)
    names = ["the " + bare, with_place]
    stripped = re.sub(_ANCHOR_ADJECTIVES, "", bare).strip()
    names.append("the " + stripped)
    names.append("the " + stripped.split()[-1])
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return tuple(out)
