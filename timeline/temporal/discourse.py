"""What a date without its own year is counted from: the publication date or the time the text
is about.

News writes from its publication day, but a background paragraph is a narrative ("In 2014 Russia
annexed Crimea. In April, separatists seized buildings": April 2014), and a history article is one
from start to end. :class:`Discourse` follows a text in order: the last explicit date (one with
its year) is the time the text is about, and dates counted from it carry it forward. A partial
date counts from it when it lies well before the publication date (``past_days``); words tied to
the time of writing ("today", "last week", "this spring") count from the publication date and
bring the text back to it. The words and the distance are data: ``rules/<lang>/discourse.yaml``,
whose examples the tests run.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from timeline.core.datafile import Choice, Items, Number, Record, Text

from .rules import TAGGED_EXAMPLES, read_words
from .specs import DayOfMonth, Deictic, HolidayRef, WeekdayRef, YearlessDate
from .tense import tense
from .values import AnchorKind, DateValue, Granularity, RefValue, Timex

NOTE = "anchored to the time the text is about"  # the start of the note a discourse anchor leaves

_WORDS = Items(Text(form=r"[^\W\d_A-ZА-ЯІЇЄҐЁ]+(?:['’ʼ][^\W\d_A-ZА-ЯІЇЄҐЁ]+)*", what="a lower-case word"))
SCHEMA = Record(
    required={
        "past_days": Number(low=0),
        "forward_days": Number(low=0),
        "publication_words": _WORDS,
        "discourse_words": _WORDS,
        "openers": _WORDS,
        "plan_words": _WORDS,
        "own_year_chars": Number(low=0),
        "year_stops": _WORDS,
        "the_units": Items(Choice(("D", "W", "WE", "M", "Q", "H", "Y", "DE", "CE"))),
        "pointing_words": _WORDS,
        "examples": TAGGED_EXAMPLES,
    }
)


@dataclass(frozen=True)
class Cues:
    """One language's discourse data."""

    past_days: int
    forward_days: int  # a date this far before the time told is in the next year
    publication: frozenset[str]
    discourse: frozenset[str]
    the_units: frozenset[str]
    openers: frozenset[str]
    plan_words: frozenset[str]  # "a planned campaign in 1976": an aside about a plan
    own_year_chars: int  # "the spring and early summer of 1943": how far a date's own year may be
    year_stops: frozenset[str]  # "in November since the 2003 invasion": not its own year
    pointing: frozenset[str]  # "the": "the end of the year", "the next spring" point back
    examples: list[dict[str, Any]]


@functools.cache
def cues(language: str = "en") -> Cues:
    """The discourse data of ``language`` (a language without the file: the English one)."""
    data = read_words(language, "discourse.yaml", SCHEMA)
    return Cues(
        int(data["past_days"]),
        int(data["forward_days"]),
        frozenset(data["publication_words"]),
        frozenset(data["discourse_words"]),
        frozenset(data["the_units"]),
        frozenset(data["openers"]),
        frozenset(data["plan_words"]),
        int(data["own_year_chars"]),
        frozenset(data["year_stops"]),
        frozenset(data["pointing_words"]),
        list(data["examples"]),
    )


# a word in any script, with an inner apostrophe ("don't", "п'ятницю")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


@dataclass
class _Tally:
    """Explicit dates well before publication against marks of the time of writing."""

    past: int = 0
    present: int = 0

    def in_past(self, ties: bool = False) -> bool:
        """More dates well before publication than marks of the time of writing (or as many)."""
        return self.past > self.present or (ties and self.past >= self.present and self.past > 0)


class Discourse:
    """The time a text is about, followed expression by expression (see the module).

    The text is in the past when, in the text so far or in its current paragraph (a news article's
    background paragraph), explicit dates well before publication outnumber the marks of its own
    time: explicit dates near publication and "today", "last week", "on Tuesday" (in a paragraph,
    as many are enough). The text so far counts only in a text that is a narrative as a whole
    (:meth:`_narrative`): a news story whose first date is an aside ("posting videos since 2014")
    must not count its "late March" from 2014."""

    def __init__(
        self,
        reference: dt.date | None,
        language: str = "en",
        text: str | None = None,
        timexes: list[Timex] | None = None,
    ) -> None:
        self.reference = reference
        self.cues = cues(language)
        self.tense = tense(language)
        self.text = text
        self.narrative = timexes is None or self._narrative(timexes)
        self.about: DateValue | None = None  # the time the text is about, when it is not "now"
        self.source = ""  # the words that set it
        self.whole, self.paragraph = _Tally(), _Tally()
        self.at = 0  # where the last timex seen starts

    def _narrative(self, timexes: list[Timex]) -> bool:
        """Whether the whole text tells the past: more explicit dates well before publication than
        marks of its own time ("today", "on Tuesday", "last week", explicit dates near it)."""
        if self.reference is None:
            return True
        past = present = 0
        for t in timexes:
            value = t.value
            if t.anchor == AnchorKind.NONE and isinstance(value, DateValue):
                if (self.reference - value.latest).days < self.cues.past_days:
                    present += 1
                else:
                    past += 1
            elif t.anchor == AnchorKind.PUBLICATION and isinstance(t.spec, WeekdayRef):
                present += 1  # "on Tuesday"
            elif t.anchor == AnchorKind.PUBLICATION and isinstance(t.spec, Deictic):
                # "yesterday", "last week", "two years ago"; not "the end of the year", which a
                # narrative counts from the year it tells
                words = set(_WORD.findall(t.text.lower()))
                present += bool(t.spec.offset or words & self.cues.publication)
            elif isinstance(t.value, RefValue) and t.value.ref == "PRESENT_REF":
                present += 1  # "now", "currently"
        return past > present

    def anchor(self, t: Timex) -> tuple[dt.date | None, bool]:
        """The day a publication-anchored timex counts from, and whether it is the time the text
        is about (then ``t`` gets a note saying so) rather than the publication date (None when
        neither is known)."""
        self._move_to(t)
        if any(n.startswith(NOTE) for n in t.notes):  # resolved again: the choice is made anew
            t.notes[:] = [n for n in t.notes if not n.startswith(NOTE)]
        about = self.about
        if about is None or not self._follows(t, about):
            return self.reference, False
        t.notes.append(f"{NOTE}, {about.timex3()} (from {self.source!r}), not the publication date")
        return about.earliest, True

    def _follows(self, t: Timex, about: DateValue) -> bool:
        """Whether ``t`` counts from the time the text is about rather than from publication."""
        spec = t.spec
        if self.reference is not None:
            if (self.reference - about.latest).days < self.cues.past_days:
                return False  # the text is about its own time
            # a paragraph that has opened a sentence with a past date as often as it spoke of
            # its own time is telling the past since then ("Russia attacked on Thursday. In
            # 2014 it annexed Crimea; in April, ...")
            if not ((self.narrative and self.whole.in_past()) or self.paragraph.in_past(ties=True)):
                return False
        words = set(_WORD.findall(t.text.lower()))
        if isinstance(spec, YearlessDate) and spec.relation in ("last", "next"):
            # "the previous April", "the following spring", "the next spring" (not "next spring"):
            # before or after the time being told
            told = bool(words & self.cues.discourse) or self._word_before(t) in self.cues.pointing
            return told and spec.year_offset is None and not spec.future
        if words & self.cues.publication:
            return False
        if isinstance(spec, YearlessDate) and spec.year_offset is not None:
            # "наступної весни": a language without an article reads a year away from the time
            # told when it says so ("наступної" is a discourse word there), else from publication
            return bool(words & self.cues.discourse) and not spec.future
        # a history points ahead from the time it tells ("from 24 July until 26 November"): there
        # the date is the next one after that time (resolution), not one after publication
        # ("is expected to dominate a summit set for April" stays the coming April)
        ahead_ok = (self.reference is None or (self.narrative and self.whole.in_past())) and not (
            self.text is not None and self.tense.strong_future(self.text, t.start, t.end)
        )
        if isinstance(spec, YearlessDate):
            return spec.relation == "nearest" and spec.year_offset is None and (not spec.future or ahead_ok)
        if isinstance(spec, DayOfMonth | HolidayRef):
            return not spec.future or ahead_ok
        if isinstance(spec, Deictic):
            # "the end of the month", "that afternoon", "the year": the unit the text is in
            back = bool(words & self.cues.discourse) or (
                bool(words & self.cues.pointing) and spec.unit in self.cues.the_units
            )
            return spec.offset == 0 and back
        return False

    def _aside(self, t: Timex, value: DateValue) -> bool:
        """Whether an explicit date inside a history's sentence is an aside that leaves the time
        told as it was: in brackets ("the Civil Constitution of the Clergy (1790)"), or coarser than
        that time and far from it or a plan ("On 10 March 1975 ... for a planned campaign in 1976.
        Its forces collapsed on 11 March": 1975)."""
        about = self.about
        if (
            about is None
            or t.anchor != AnchorKind.NONE
            or not self.narrating()
            or value.earliest <= about.earliest <= value.latest
            or self.text is None
        ):
            return False
        brackets = self.text[max(0, t.start - 1) : t.start] == "(" and self.text[t.end : t.end + 1] == ")"
        if brackets and value.latest < about.earliest:
            return True  # "the Civil Constitution of the Clergy (1790)" looks back; a later date moves on
        if value.granularity <= about.granularity or self._opens(t):
            return False
        far = abs(value.earliest.year - about.earliest.year) >= 3  # "declassified in 2005"
        before = set(_WORD.findall(self.text[max(0, t.start - 25) : t.start].lower()))
        return (
            far or bool(before & self.cues.plan_words) or self.tense.future_context(self.text, t.start, t.end)
        )

    def own_year(self, t: Timex, nxt: Timex | None) -> int | None:
        """The year written just after a date without one, in its clause (``nxt`` is the next
        expression): "the spring and early summer of 1943", "German Spring Offensive of 1918";
        not across a comma or a word of another time ("in November since the 2003 invasion")."""
        if self.text is None or nxt is None or nxt.anchor != AnchorKind.NONE:
            return None
        v = nxt.value
        if (
            not isinstance(v, DateValue)
            or v.granularity < Granularity.MONTH
            or v.earliest.year != v.latest.year
        ):
            return None
        between = self.text[t.end : nxt.start]
        if len(between) > self.cues.own_year_chars or any(c in between for c in ".,;:()\n"):
            return None
        if set(_WORD.findall(between.lower())) & self.cues.year_stops:
            return None
        return v.earliest.year

    def narrating(self) -> bool:
        """Whether the text is a narrative as a whole and has moved into the past (a history)."""
        return self.about is not None and self.narrative and self.whole.in_past()

    def _word_before(self, t: Timex) -> str:
        if self.text is None:
            return ""
        words = _WORD.findall(self.text[max(0, t.start - 12) : t.start].lower())
        return words[-1] if words else ""

    def _move_to(self, t: Timex) -> None:
        """A new paragraph starts a new tally."""
        if self.text is not None and "\n" in self.text[self.at : t.start]:
            self.paragraph = _Tally()
        self.at = max(self.at, t.start)

    def _opens(self, t: Timex) -> bool:
        """Whether ``t`` opens its sentence ("In 2014, Russia annexed Crimea"): a date a sentence
        is about, not an aside in it ("the March 3, 1991, ceasefire", "has ruled since 1999")."""
        if self.text is None:
            return True
        before = self.text[max(0, t.start - 40) : t.start]
        cut = max(before.rfind(c) for c in ".!?\n")
        if cut < 0 and t.start > 40:
            return False
        return set(_WORD.findall(before[cut + 1 :].lower())) <= self.cues.openers

    def saw(self, t: Timex, followed: bool) -> None:
        """Move on past ``t`` (resolved): an explicit date with its year, or one counted from the
        time the text is about, is now that time; one counted from publication brings the text
        back to its own time."""
        self._move_to(t)
        value = t.value
        if not isinstance(value, DateValue) or value.granularity > Granularity.YEAR:
            return
        if t.anchor == AnchorKind.NONE or followed:
            if not self._aside(t, value):
                self.about, self.source = value, t.text
            if t.anchor == AnchorKind.NONE and self.reference is not None:
                near = (self.reference - value.latest).days < self.cues.past_days
                self.whole.present += near
                self.whole.past += not near
                self.paragraph.present += near
                self.paragraph.past += not near and self._opens(t)
        elif t.anchor == AnchorKind.PUBLICATION and isinstance(t.spec, YearlessDate | DayOfMonth):
            self.whole.present += 1  # a date of the past months counted from publication
            self.paragraph.present += 1
        elif t.anchor == AnchorKind.PUBLICATION and isinstance(t.spec, Deictic | WeekdayRef):
            first = _WORD.match(t.text.lower())
            if isinstance(t.spec, Deictic) and self.narrating() and first and first[0] in self.cues.pointing:
                return  # "in the last month of World War II": the final one, not last month
            self.about = None  # "today", "last week", "on Tuesday": back to the time of writing
            self.whole.present += 1
            self.paragraph.present += 1
