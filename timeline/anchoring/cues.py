"""Cues for the publication date: what each dated clue in a text says about when it was written.

Each cue is a likelihood over candidate publication days, kept as a default value plus
ranges that override it (so a cue costs only the days it talks about). The numbers are
deliberately soft: every cue leaves some room for being wrong (an old date quoted as
background, a scheduled date in the future, a tagging mistake), so that one misleading
clue cannot produce a confident wrong date on its own.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from timeline.calendar_math import WEEKDAY_NAMES, add_months, day_text, month_name
from timeline.chronology import Chronology
from timeline.temporal.resolution import shift_date
from timeline.temporal.specs import ChronologyRef, Deictic, Shift, WeekdayRef, YearlessDate
from timeline.temporal.tense import FUTURE_WORDS
from timeline.temporal.values import UNIT_DAYS, AnchorKind, DateValue, DurationValue, Granularity, Mod, Timex

from .mentions import Layout, Mention
from .model import Evidence


class CueKind(StrEnum):
    """What a cue is read from (the value is its name in cache keys and tests)."""

    WAR_RELATIVE = "war-relative"  # "five weeks into the war", said of the time of writing
    DATED = "dated"  # a date the article follows soon after ("on March 22")
    CAPTION = "caption"  # a photo caption's date (the day the picture was taken)
    DEICTIC_DATE = "deictic-date"  # "yesterday (March 21)": the day of writing itself
    EVENT_OFFSET = "event-offset"  # a known event "two weeks ago" or "yesterday"
    EVENT = "event"  # a known event is mentioned: the article is from after it
    LOWER_BOUND = "lower-bound"  # a date told as past: the article is from after it
    UPPER_BOUND = "upper-bound"  # the article is from before a date (an id in its address)
    FUTURE = "future"  # a date told as future: the article is from before it
    LAST_DATE = "last-date"  # "last November 24": weeks to a year before the article
    YEAR = "year"  # the year (or month) after a known event ("the invasion last year")
    MONTH = "month"  # a month without a year, or "earlier this month" next to a date
    SEASON = "season"  # "this winter", "last summer"
    WEEKDAY = "weekday"  # "on Tuesday"
    LATEST_YEAR = "latest-year"  # the latest year the text names
    DATELINE = "dateline"  # "KYIV, March 22 (Reuters) -", or a "Published ..." line
    UPDATED = "updated"  # an "Updated ..." line: published then or before
    URL = "url"  # a date in the article's address
    URL_MONTH = "url-month"  # a year and month in the address
    URL_ID = "url-id"  # an outlet's article number or a record id in the address
    NEWS = "news"  # news of a known day ("the talks in Istanbul")
    CORPUS = "corpus"  # dated articles of the pile that report the same news
    CORPUS_PROFILE = "corpus-profile"  # the days the article's rare words were news


# How soon after a dated event an article about it appears: share of the "recent" mass on
# day 0, 1, 2, ... after the date (news is mostly written the same or the next day).
_RECENT = (0.30, 0.30, 0.13, 0.07, 0.05, 0.04, 0.03, 0.025, 0.02, 0.015, 0.012, 0.01, 0.008, 0.006, 0.004)
# A partial date ("on July 21") is often a few weeks old when the article is written: this much
# likelihood per day from two to eleven weeks after it.
_PARTIAL_TAIL = 0.2 / 60
# How likely, relative to the latest year a text names and the year after, the article is from
# two years later, and from any later year.
_TWO_YEARS_LATER = 0.5
_LATER_YEARS = 0.25
# Photo captions are dated the day the picture was taken: even closer to publication.
_CAPTION_RECENT = (0.35, 0.35, 0.15, 0.07, 0.04, 0.02, 0.01, 0.01)
# "on Tuesday" in a past-tense report: how many days before publication that Tuesday was.
_WEEKDAY_PAST = (0.26, 0.26, 0.15, 0.10, 0.08, 0.08, 0.07)
_WEEKDAY_LAST = (0.02, 0.30, 0.18, 0.13, 0.13, 0.12, 0.12)
_WEEKDAY_FUTURE = (0.15, 0.35, 0.20, 0.10, 0.08, 0.06, 0.06)
# Typical spread (days, one sigma) of "N units into the war", by unit.
_SIGMA = {"D": 1.0, "W": 2.5, "M": 8.0, "Y": 40.0}

# Spread (days, one sigma, times the square root of the amount) of "N units ago" counted from
# an event: writers round these more loosely than "N units into the war".
_AGO_SIGMA = {"D": 1.0, "W": 3.0, "M": 12.0, "Y": 45.0}
_AGO_RULES = frozenset({"anchoring.began_ago"})

# Kinds whose peak can confirm an estimate (lower bounds and weekdays only shape it).
POINT_KINDS = frozenset(
    {
        CueKind.WAR_RELATIVE,
        CueKind.DATED,
        CueKind.CAPTION,
        CueKind.DEICTIC_DATE,
        CueKind.EVENT_OFFSET,
        CueKind.URL,
        CueKind.URL_ID,
        CueKind.DATELINE,
        CueKind.UPDATED,
    }
)


def anchor_for(tx: Timex, chronology: Chronology, context: str | None = None) -> dt.date | None:
    """The date a war-relative timex counts from (see :func:`find_anchor`)."""
    found = find_anchor(tx, chronology, context)
    return found[1] if found else None


def find_anchor(tx: Timex, chronology: Chronology, context: str | None = None) -> tuple[str, dt.date] | None:
    """The anchor a war-relative timex counts from, as (alias, date): the longest alias in its
    own words, or in ``context`` (the words just before it: "as the Ukrainian raid enters the
    third day"; the tagger shortens the name to "the raid"), else its anchor name."""
    words = " " + " ".join(re.findall(r"[\w'-]+", (context or tx.text).lower().replace("’", "'"))) + " "
    best: tuple[str, dt.date] | None = None
    for alias, day in chronology.anchors.items():
        core = alias[4:] if alias.startswith("the ") else alias
        if alias != "default" and f" {core} " in words and (best is None or len(alias) > len(best[0])):
            best = (alias, day)
    if best is not None:
        return best
    spec = tx.spec
    name = (
        tx.anchor_name or (spec.anchor_name if isinstance(spec, ChronologyRef) else None) or "default"
    ).lower()
    named = chronology.anchors.get(name)
    return (name, named) if named is not None else None


fmt = day_text  # how cue reasons write a day: "22 March 2022"


@dataclass
class Cue:
    kind: CueKind
    evidence: Evidence
    default: float = 1.0  # likelihood on days no range covers
    ranges: list[tuple[dt.date, dt.date, float]] = field(default_factory=list)  # later ones win
    daily: dict[dt.date, float] = field(default_factory=dict)  # single days, win over ranges
    group: str = ""  # cues with the same group are duplicates: only the first counts
    # periodic cue ("on Tuesday"): (weekday, table of P(days between), counts forward)
    weekday: tuple[int, tuple[float, ...], bool] | None = None
    # the days a "dated" cue says the article follows soon after (one per fitting year)
    points: tuple[dt.date, ...] = ()
    # helps pick the day, but its probabilities are not calibrated: it moves neither the interval
    # nor the confidence (see infer.estimate_from_cues)
    rank_only: bool = False

    def at(self, day: dt.date) -> float:
        if day in self.daily:
            return self.daily[day]
        for lo, hi, v in reversed(self.ranges):
            if lo <= day <= hi:
                return v
        return self.default


def shift(day: dt.date, offset: DurationValue, sign: int = 1) -> dt.date | None:
    """``day`` moved by ``offset`` as the resolver moves it; None for units other than days,
    weeks, months and years (the cues know the spread of no other)."""
    if offset.unit not in _SIGMA:
        return None
    return shift_date(day, offset, sign)


def _bell(cue: Cue, center: dt.date, sigma: float, mass: float, skew: int = 0) -> None:
    """Put ``mass`` as a (possibly one-sided) bell around ``center``; skew>0 only after it."""
    offsets, weights, total = _bell_weights(sigma, skew)
    default = cue.default
    cue.daily.update(
        zip([center + k for k in offsets], [mass * w / total + default for w in weights], strict=True)
    )


@functools.lru_cache(maxsize=1024)
def _bell_weights(sigma: float, skew: int) -> tuple[list[dt.timedelta], list[float], float]:
    """The bell's day offsets, unnormalized weights, and their sum (the same for many cues)."""
    span = max(1, round(3 * sigma))
    weights = {}
    for k in range(-span, span + 1):
        if (skew > 0 and k < 0) or (skew < 0 and k > 0):
            continue
        weights[k] = math.exp(-0.5 * (k / sigma) ** 2)
    return [dt.timedelta(days=k) for k in weights], list(weights.values()), sum(weights.values())


class CueFinder:
    """Turns the timexes of one text (tagged without a publication date) into cues."""

    def __init__(self, text: str, chronology: Chronology, layout: Layout, mentions: list[Mention]) -> None:
        self.text = text
        self.chronology = chronology
        self.layout = layout
        self.mentions = mentions
        self.lo, self.hi = chronology.window[0], chronology.window[1]
        # the main anchor's date is quoted as background in countless articles ("since February 24")
        self.background = {chronology.anchors[k] for k in ("default",) if k in chronology.anchors}
        self._sentence_timexes: dict[int, list[Timex]] = {}
        self._partners: dict[int, tuple[Timex, int] | None] = {}  # by sentence
        self._made: set[str] = set()  # groups of the cues made so far (later ones are duplicates)
        self._future: dict[int, tuple[float, set[int]] | None] = {}  # by sentence, see _future_ends
        self.days = (self.hi - self.lo).days + 1

    def evidence(self, start: int, end: int, reason: str) -> Evidence:
        return Evidence(self.text[start:end], start, end, reason)

    def span_evidence(self, tx: Timex, reason: str) -> Evidence:
        return self.evidence(tx.start, tx.end, reason)

    # ---- the cue kinds -----------------------------------------------------------------
    def cues(self, timexes: list[Timex], horizon: tuple[dt.date, dt.date]) -> list[Cue]:
        self.lo, self.hi = horizon
        self.days = (self.hi - self.lo).days + 1
        out: list[Cue] = []
        by_sentence: dict[int, list[Timex]] = {}
        for tx in timexes:
            by_sentence.setdefault(self.layout.sentence(tx.start), []).append(tx)
        self._sentence_timexes = by_sentence
        self._partners, self._future, self._made = {}, {}, set()
        for tx in timexes:
            for cue in self.timex_cues(tx, by_sentence.get(self.layout.sentence(tx.start), [])):
                out.append(cue)
                self._made.add(cue.group)
        out.extend(self.event_cues(by_sentence))
        out.extend(self.latest_year(timexes))
        seen: set[str] = set()
        unique = []
        for cue in out:
            if cue.group and cue.group in seen:
                continue
            seen.add(cue.group)
            unique.append(cue)
        later = sorted({b for o in unique if o.kind in (CueKind.DATED, CueKind.CAPTION) for b in o.points})
        return [_superseded(cue, later) for cue in unique]

    def timex_cues(self, tx: Timex, sentence: list[Timex]) -> Iterable[Cue]:
        if self.layout.line_matches(_LINK_LINE, tx.start):
            return  # dates in "related articles" blocks can be later than the article itself
        spec = tx.spec
        value = tx.value
        if tx.anchor == AnchorKind.NONE and isinstance(value, DateValue):
            yield from self.absolute(tx, value)
        elif isinstance(spec, ChronologyRef):
            yield from self.war_relative(tx, spec)
        elif isinstance(spec, YearlessDate) and spec.month is not None:
            yield from self.partial(tx, spec, sentence)
        elif (
            isinstance(spec, YearlessDate) and spec.season in _SEASON_START and spec.relation in _SEASON_SPAN
        ):
            yield self.season(tx, spec.season, spec.relation)
        elif isinstance(spec, WeekdayRef):
            cue = self.weekday(tx, spec)
            if cue is not None:
                yield cue
        elif isinstance(spec, Deictic) and spec.unit == "Y" and spec.offset == -1:
            yield from self.year_deictic(tx, spec, sentence)
        elif isinstance(spec, Deictic) and spec.unit == "M" and spec.offset in (0, -1):
            yield from self.month_deictic(tx, spec, sentence)
        elif isinstance(spec, Shift) and spec.sign < 0 and spec.offset.unit == "Y" and spec.offset.amount:
            yield from self.years_ago(tx, spec, sentence)

    def season(self, tx: Timex, season: str, relation: str) -> Cue:
        """ "this winter": written in the winter or the weeks before it; "the coming spring":
        in the months before it; "last summer": in the months after it."""
        first, last, factor, when = _SEASON_SPAN[relation]
        name = _SEASON_NAME[season]
        cue = Cue(
            CueKind.SEASON,
            self.span_evidence(tx, f"'{tx.text}': the article was probably written {when.format(name)}"),
            group=f"s:{season}:{relation}",
        )
        for year in range(self.lo.year - 1, self.hi.year + 2):
            start = dt.date(year, _SEASON_START[season], 1)
            end = add_months(start, last) - dt.timedelta(days=1)
            cue.ranges.append((add_months(start, first), end, factor))
        return cue

    def latest_year(self, timexes: list[Timex]) -> Iterable[Cue]:
        """News writes about recent years: the latest year a text names as past or present
        ("in 2023, about 90% came from China") is probably the year of writing or the one before."""
        named = [
            tx
            for tx in timexes
            if tx.anchor == AnchorKind.NONE
            and isinstance(tx.value, DateValue)
            and Granularity.DAY <= tx.value.granularity <= Granularity.YEAR
            and tx.value.mod not in (Mod.BEFORE, Mod.AFTER, Mod.ON_OR_AFTER)
            and self.lo.year <= tx.value.earliest.year <= self.hi.year
        ]
        # latest first; the sentence checks (costly on long texts) only until one passes
        named.sort(key=lambda t: (-t.value.earliest.year, t.start))  # type: ignore[union-attr]
        found = next(
            (
                tx
                for tx in named
                if not self.layout.line_matches(_LINK_LINE, tx.start) and not self.future_sentence(tx)
            ),
            None,
        )
        if found is None:
            return
        tx = found
        year = tx.value.earliest.year  # type: ignore[union-attr]
        cue = Cue(
            CueKind.LATEST_YEAR,
            self.span_evidence(
                tx,
                f"{year} is the latest year the text names: the article is probably from {year} or "
                f"{year + 1}",
            ),
            default=_LATER_YEARS,
            group=f"ly:{year}",
        )
        cue.ranges.append((dt.date.min, dt.date(year + 1, 12, 31), 1.0))
        cue.ranges.append((dt.date(year + 2, 1, 1), dt.date(year + 2, 12, 31), _TWO_YEARS_LATER))
        yield cue

    def month_deictic(self, tx: Timex, spec: Deictic, sentence: list[Timex]) -> Iterable[Cue]:
        """ "earlier this month" next to "June 6": the article is from June; "last month" -> July."""
        months = {
            o.spec.month for o in sentence if isinstance(o.spec, YearlessDate) and o.spec.month is not None
        }
        if len(months) != 1:
            return
        month = (months.pop() - 1 - spec.offset) % 12 + 1
        name = month_name(month)
        cue = Cue(
            CueKind.MONTH,
            self.span_evidence(
                tx,
                f"'{tx.text}' next to a date in {month_name((month - 1 + spec.offset) % 12 + 1)}: "
                f"the article is probably from {name}",
            ),
            group=f"md:{month}",
        )
        for y in range(self.lo.year, self.hi.year + 1):
            first = dt.date(y, month, 1)
            cue.ranges.append((first, dt.date(y, month, calendar.monthrange(y, month)[1]), 10.0))
        yield cue

    def years_ago(self, tx: Timex, spec: Shift, sentence: list[Timex]) -> Iterable[Cue]:
        """ "in 2014, eight years ago": the article is from 2022."""
        years = {
            o.value.earliest.year
            for o in sentence
            if o.anchor == AnchorKind.NONE
            and isinstance(o.value, DateValue)
            and o.value.granularity <= Granularity.YEAR
        }
        amount = spec.offset.amount
        if len(years) != 1 or amount is None or not float(amount).is_integer():
            return
        then = years.pop()
        year = then + int(amount)
        if not self.lo.year <= year <= self.hi.year:
            return
        cue = Cue(
            CueKind.YEAR,
            self.span_evidence(tx, f"'{tx.text}' next to {then}: the article is probably from {year}"),
            group=f"y:{year}",
        )
        cue.ranges.append((dt.date(year, 1, 1), dt.date(year, 12, 31), 10.0))
        yield cue

    def year_deictic(self, tx: Timex, spec: Deictic, sentence: list[Timex]) -> Iterable[Cue]:
        """ "last year" next to "2021": the article is from 2022."""
        years = {
            o.value.earliest.year
            for o in sentence
            if o.anchor == AnchorKind.NONE
            and isinstance(o.value, DateValue)
            and o.value.granularity in (Granularity.YEAR, Granularity.MONTH, Granularity.DAY)
        }
        if len(years) != 1:
            return
        year = years.pop() - spec.offset
        if not self.lo.year <= year <= self.hi.year:
            return
        cue = Cue(
            CueKind.YEAR,
            self.span_evidence(
                tx,
                f"'{tx.text}' in the same sentence as {year + spec.offset}: "
                f"the article is probably from {year}",
            ),
            group=f"y:{year}",
        )
        cue.ranges.append((dt.date(year, 1, 1), dt.date(year, 12, 31), 10.0))
        yield cue

    def absolute(self, tx: Timex, value: DateValue) -> Iterable[Cue]:
        if value.granularity <= Granularity.DAY:
            day = value.earliest
            if value.mod in (Mod.BEFORE, Mod.AFTER, Mod.ON_OR_AFTER) or day < self.lo:
                return  # "June 22, 1941" is history, not a hint about when the article was written
            caption = self.layout.in_caption(tx.start)
            deictic = self.deictic_partner(tx)
            stamp = self.stamp(tx)
            if stamp is not None:
                yield self.stamped(tx, [day], stamp)
            elif self.is_dateline(tx):
                yield self.dateline(tx, [day])
            elif deictic is not None:
                cue = self.deictic_date(tx, day, deictic)
                if cue is not None:
                    yield cue
            elif self.future_sentence(tx):
                yield self.future_date(tx, day)
            else:
                yield self.dated(tx, day, caption=caption)
        elif value.granularity in (
            Granularity.MONTH,
            Granularity.SEASON,
            Granularity.QUARTER,
            Granularity.YEAR,
        ):
            if value.mod in (Mod.BEFORE,) or self.future_sentence(tx) or value.earliest <= self.lo:
                return  # a year before the window says nothing about when the article was written
            cue = Cue(
                CueKind.LOWER_BOUND,
                self.span_evidence(
                    tx,
                    f"'{tx.text}' is mentioned, so the article is probably from "
                    f"{value.earliest.year if value.granularity == Granularity.YEAR else fmt(value.earliest)}"
                    " or later",
                ),
                group=f"lb:{value.earliest}",
            )
            cue.ranges.append((dt.date.min, value.earliest - dt.timedelta(days=1), 0.05))
            yield cue

    def dated(self, tx: Timex, day: dt.date, *, caption: bool) -> Cue:
        background = day in self.background and not caption
        profile = _CAPTION_RECENT if caption else _RECENT
        recent = 0.75 if caption else (0.03 if background else 0.5)
        broad = (1 - recent) / 1000
        if caption:
            reason = (
                f"the photo caption is dated {fmt(day)}: the article is probably from that day or soon after"
            )
        elif background:
            reason = (
                f"{fmt(day)} is a key date of the chronology, often quoted as background: a weak lower bound"
            )
        else:
            reason = (
                f"'{tx.text}' is a full date: the article was probably written on or soon after {fmt(day)}"
            )
        cue = Cue(
            CueKind.CAPTION if caption else CueKind.DATED,
            self.span_evidence(tx, reason),
            default=broad,
            group=f"d:{day}:{caption}",
            points=() if background else (day,),
        )
        cue.ranges.append((dt.date.min, day - dt.timedelta(days=31), 1e-5))
        cue.ranges.append((day - dt.timedelta(days=30), day - dt.timedelta(days=1), 0.03 / 30))
        for k, share in enumerate(profile):
            cue.daily[day + dt.timedelta(days=k)] = recent * share + broad
        return cue

    def future_date(self, tx: Timex, day: dt.date) -> Cue:
        cue = Cue(
            CueKind.FUTURE,
            self.span_evidence(
                tx,
                f"'{tx.text}' is spoken of as still to come: the article is probably from before {fmt(day)}",
            ),
            default=0.05 / 1000,
            group=f"f:{day}",
        )
        cue.ranges.append((day - dt.timedelta(days=30), day, 0.7 / 31))
        cue.ranges.append((dt.date.min, day - dt.timedelta(days=31), 0.25 / 1000))
        return cue

    def stamp(self, tx: Timex) -> str | None:
        """ "published" or "updated" when ``tx`` is the date of a short line such as "Published
        13 May 2022", "Updated: 14:03 BST, 13 May 2022" or "By A. Writer | Posted on May 13"."""
        # only short lines: look no further than that around the date (a long line is never one)
        line_start = self.text.rfind("\n", max(0, tx.start - _STAMP_LINE_MAX), tx.start) + 1
        line_end = self.text.find("\n", tx.end, line_start + _STAMP_LINE_MAX + 1)
        if line_end < 0:
            line_end = len(self.text)
        if (line_start == 0 and tx.start > _STAMP_LINE_MAX) or line_end - line_start > _STAMP_LINE_MAX:
            return None
        m = _STAMP.match(self.text, line_start, line_end)
        if m is None or m.end() > tx.start:
            return None
        return "updated" if m.group("word").lower() in _UPDATE_WORDS else "published"

    def stamped(self, tx: Timex, days: list[dt.date], stamp: str) -> Cue:
        """A "Published ..." line dates the article; an "Updated ..." line is a ceiling close to it."""
        if stamp == "published":
            cue = self.dateline(tx, days)
            cue.evidence = self.span_evidence(
                tx,
                f"the line '{self.layout.line(tx.start).strip()[:60]}' gives the day of publication"
                + ("" if len(days) == 1 else f" (without a year: {len(days)} years fit)"),
            )
            return cue
        rest = 1 - sum(_UPDATED_PROFILE.values())
        cue = Cue(
            CueKind.UPDATED,
            self.span_evidence(
                tx,
                f"the line '{self.layout.line(tx.start).strip()[:60]}' says when the article was last "
                "updated: it was published then or before",
            ),
            default=rest / self.days,
            group=f"up:{tx.text}",
        )
        for d in days:
            cue.ranges.append((d + dt.timedelta(days=1), dt.date.max, 0.01 / self.days))
            for k, share in _UPDATED_PROFILE.items():
                cue.daily[d + dt.timedelta(days=k)] = share + rest / self.days
        return cue

    def is_dateline(self, tx: Timex) -> bool:
        """The date of a dateline opening the article: "MINSK, 21 July (BelTA) -",
        "KYIV, July 21 (Reuters) -" (the place in capitals, or an agency in brackets)."""
        if tx.start > _DATELINE_REACH:
            return False
        line_start = self.text.rfind("\n", 0, tx.start) + 1
        before = self.text[line_start : tx.start]
        after = self.text[tx.end : tx.end + 40]
        place = _DATELINE_PLACE.fullmatch(before)
        tail = _DATELINE_TAIL.match(after)
        if place is None or tail is None:
            return False
        return bool(tail.group("agency")) or _CAPITALS.match(before) is not None

    def dateline(self, tx: Timex, days: list[dt.date]) -> Cue:
        """A dated dateline is the day of publication (or the day after, across time zones)."""
        if len(days) == 1:
            reason = f"the dateline '{tx.text}' dates the article {fmt(days[0])}"
        else:
            reason = (
                f"the dateline '{tx.text}' gives the day of publication (without a year: "
                f"{len(days)} years fit)"
            )
        rest = 1 - sum(_DATELINE_PROFILE.values())
        cue = Cue(
            CueKind.DATELINE, self.span_evidence(tx, reason), default=rest / self.days, group=f"dl:{tx.text}"
        )
        for d in days:
            for k, share in _DATELINE_PROFILE.items():
                cue.daily[d + dt.timedelta(days=k)] = share + rest / self.days
        return cue

    def deictic_partner(self, tx: Timex) -> tuple[Timex, int] | None:
        """A "today"/"yesterday"/"tomorrow" in the same sentence as a dated mention (the
        sentence's first; once per sentence: a sentence may hold thousands of dates)."""
        s = self.layout.sentence(tx.start)
        if s not in self._partners:
            self._partners[s] = self._find_partner(s)
        return self._partners[s]

    def _find_partner(self, s: int) -> tuple[Timex, int] | None:
        for other in self._sentence_timexes.get(s, []):
            spec = other.spec
            if (
                isinstance(spec, Deictic)
                and spec.unit == "D"
                and spec.offset in (-1, 0, 1)
                and _DAY_WORD.search(other.text)
            ):
                return other, spec.offset
        return None

    def deictic_date(self, tx: Timex, day: dt.date, partner: tuple[Timex, int]) -> Cue | None:
        other, offset = partner
        pub = day - dt.timedelta(days=offset)
        if f"dd:{pub}" in self._made:
            return None  # a duplicate, dropped anyway: its evidence may span a long sentence
        lo, _hi = sorted((tx.start, other.start))
        end = max(tx.end, other.end)
        word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[offset]
        ev = self.evidence(
            lo,
            end,
            f"'{other.text}' next to {fmt(day)}: {word} is {fmt(day)}, so the article is from {fmt(pub)}",
        )
        cue = Cue(CueKind.DEICTIC_DATE, ev, default=0.08 / self.days, group=f"dd:{pub}")
        cue.ranges.append((dt.date.min, pub - dt.timedelta(days=1), 0.01 / self.days))
        _bell(cue, pub, 0.6, 0.85)
        return cue

    def partial(self, tx: Timex, spec: YearlessDate, sentence: list[Timex]) -> Iterable[Cue]:
        month = spec.month
        assert month is not None
        if spec.day is None:
            if spec.granularity == Granularity.MONTH and not spec.future:
                yield self.partial_month(tx, month)
            return
        years = [y for y in range(self.lo.year, self.hi.year + 1) if _valid(y, month, spec.day)]
        if spec.weekday is not None:
            fitting = [y for y in years if dt.date(y, month, spec.day).weekday() == spec.weekday]
            if fitting:
                years = fitting
        days = [dt.date(y, month, spec.day) for y in years]
        days = [d for d in days if self.lo - dt.timedelta(days=30) <= d <= self.hi + dt.timedelta(days=30)]
        if not days:
            return
        wd = "" if spec.weekday is None else f" ({WEEKDAY_NAMES[spec.weekday]})"
        named = f"{month_name(month)} {spec.day}{wd}"
        stamp = self.stamp(tx)
        if stamp is not None:
            yield self.stamped(tx, days, stamp)
            return
        if self.is_dateline(tx):
            yield self.dateline(tx, days)
            return
        partner = self.deictic_partner(tx)
        if spec.future or self.future_sentence(tx):
            cue = Cue(
                CueKind.FUTURE,
                self.span_evidence(tx, f"'{tx.text}' is still to come when written"),
                default=0.3 / 365,
                group=f"pf:{month}:{spec.day}",
            )
            for d in days:
                cue.ranges.append((d - dt.timedelta(days=30), d, 0.7 / 31))
            yield cue
            return
        if spec.relation == "last" and partner is None:
            # "last November 24": a November 24 that has passed some time ago, not days ago
            cue = Cue(
                CueKind.LAST_DATE,
                self.span_evidence(
                    tx,
                    f"'{tx.text}': a {named} some weeks to a year before the article was written",
                ),
                default=0.1 / 365,
                group=f"pl:{month}:{spec.day}",
            )
            for d in days:
                cue.ranges.append((d + dt.timedelta(days=14), d + dt.timedelta(days=380), 0.9 / 366))
            yield cue
            return
        if partner is not None:
            other, offset = partner
            if f"pd:{month}:{spec.day}:{offset}" in self._made:
                return  # a duplicate, dropped anyway: its evidence may span a long sentence
            word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[offset]
            cue = Cue(
                CueKind.DEICTIC_DATE,
                self.evidence(
                    min(tx.start, other.start),
                    max(tx.end, other.end),
                    f"'{other.text}' next to {named}: the article is from the day {word} refers to",
                ),
                default=0.08 / self.days,
                group=f"pd:{month}:{spec.day}:{offset}",
            )
            for d in days:
                _bell(cue, d - dt.timedelta(days=offset), 0.6, 0.85)
            yield cue
            return
        years_text = ", ".join(str(d.year) for d in days) if len(days) <= 3 else "several years"
        if spec.weekday is not None and len(days) <= 3:
            reason = (
                f"'{tx.text}': {named} fits {years_text}; the article was probably written on or soon "
                f"after it"
            )
        else:
            reason = f"'{tx.text}' (no year): the article was probably written on or soon after a {named}"
        background = any(d in self.background for d in days)
        # a likelihood: "March 22" fits the days after every March 22 equally, however many years
        # the window holds (the years compete in the posterior, not inside the clue)
        recent = (0.03 if background else 0.5) if spec.weekday is None else 0.6
        broad = 0.4 / 365
        cue = Cue(
            CueKind.DATED,
            self.span_evidence(tx, reason),
            default=broad,
            group=f"p:{month}:{spec.day}:{spec.weekday}",
            points=() if background else tuple(days),
        )
        for d in days:
            # the weeks after the date stay more likely than the rest of the year
            tail = (d + dt.timedelta(days=len(_RECENT)), d + dt.timedelta(days=75))
            cue.ranges.append((*tail, broad + _PARTIAL_TAIL))
            for k, share in enumerate(_RECENT):
                cue.daily[d + dt.timedelta(days=k)] = recent * share + broad
        yield cue

    def partial_month(self, tx: Timex, month: int) -> Cue:
        name = month_name(month)
        cue = Cue(
            CueKind.MONTH,
            self.span_evidence(tx, f"'{tx.text}' (no year): a recent {name} is likely, a weak hint"),
            group=f"pm:{month}",
        )
        for y in range(self.lo.year, self.hi.year + 1):
            start = dt.date(y, month, 1)
            cue.ranges.append((start, start + dt.timedelta(days=75), 2.0))
        return cue

    def weekday(self, tx: Timex, spec: WeekdayRef) -> Cue | None:
        name = WEEKDAY_NAMES[spec.weekday]
        partner = self.deictic_partner(tx)
        if partner is not None and spec.relation == "nearest":
            other, offset = partner  # "yesterday (Tuesday)": written on a Wednesday
            if f"wd:{spec.weekday}:{offset}" in self._made:
                return None  # a duplicate, dropped anyway: its evidence may span a long sentence
            table = tuple(0.94 if k == -offset % 7 else 0.01 for k in range(7))
            written = WEEKDAY_NAMES[(spec.weekday - offset) % 7]
            cue = Cue(
                CueKind.WEEKDAY,
                self.evidence(
                    min(tx.start, other.start),
                    max(tx.end, other.end),
                    f"'{other.text}' is a {name}: the article was written on a {written}",
                ),
                group=f"wd:{spec.weekday}:{offset}",
            )
            cue.weekday = (spec.weekday, table, False)
            return cue
        if spec.future or spec.relation == "next":
            table, reason = _WEEKDAY_FUTURE, f"'{tx.text}': the coming {name}, a day or so after writing"
        elif spec.relation == "last":
            table, reason = _WEEKDAY_LAST, f"'{tx.text}': the article was written in the days after a {name}"
        else:
            table, reason = (
                _WEEKDAY_PAST,
                f"'{tx.text}': the article was probably written on or within a few days after a {name}",
            )
        cue = Cue(
            CueKind.WEEKDAY,
            self.span_evidence(tx, reason),
            group=f"w:{spec.weekday}:{spec.future}:{spec.relation}",
        )
        cue.weekday = (spec.weekday, table, spec.future or spec.relation == "next")
        return cue

    def war_relative(self, tx: Timex, spec: ChronologyRef) -> Iterable[Cue]:
        sentence_start = self.layout.sentence_span(self.layout.sentence(tx.start))[0]
        context = self.text[max(sentence_start, tx.start - 40) : tx.end]
        found = find_anchor(tx, self.chronology, context)
        if found is None:
            return
        alias, anchor = found
        label = "the start of the war" if alias == "default" else alias
        anchor_id = self.chronology.anchor_ids.get(alias, "")
        main_id = self.chronology.anchor_ids.get("default")
        if anchor_id not in ("", main_id) and anchor_id.replace("-", " ") not in alias:
            label += f", the {anchor_id.replace('-', ' ')}"
        if spec.offset is None or spec.offset.amount is None:
            if spec.relation in ("since", "after", "at"):
                cue = Cue(
                    CueKind.LOWER_BOUND,
                    self.span_evidence(
                        tx,
                        f"'{tx.text}' refers back to {label} ({fmt(anchor)}): the article is from after it",
                    ),
                    group=f"lb:{anchor}",
                )
                cue.ranges.append((dt.date.min, anchor - dt.timedelta(days=1), 0.02))
                yield cue
            return
        center = shift(anchor, spec.offset)
        if center is None:
            return
        unit = spec.offset.unit
        amount = float(spec.offset.amount)
        sigma = _SIGMA.get(unit, 10.0)
        if unit == "D":
            sigma = 0.8 if amount <= 14 else max(1.0, amount * 0.04)
        elif unit == "M":  # writers round months: "18-month-old" is said from about 17 months on
            sigma = 5.0 if amount <= 2 else max(sigma, 1.5 * amount)
        elif unit == "W":
            sigma = max(sigma, 0.5 * amount)
        if tx.rule in _AGO_RULES:  # "the war began three months ago": as loose as "invaded ... months ago"
            sigma = max(sigma, _AGO_SIGMA.get(unit, 30.0) * max(1.0, amount**0.5))
        skew = 0
        mod = spec.offset.mod
        if mod in (Mod.AFTER, Mod.ON_OR_AFTER):  # "over a month", "more than 30 days"
            skew, sigma = 1, max(sigma, UNIT_DAYS.get(unit, 7) * 0.6)
        elif mod == Mod.BEFORE:  # "almost a month", "nearly five weeks"
            skew, sigma = -1, max(sigma, UNIT_DAYS.get(unit, 7) * 0.4)
        elif mod == Mod.APPROX:
            sigma *= 1.5
        if unit == "Y" and skew == 0:  # "two years into the war" is said for months after the anniversary
            skew, sigma = 1, 120.0
        if unit in ("W", "M", "Y") and _ORDINAL_UNIT.search(tx.text):  # "in its fifth month": 4 to 5 months
            skew, sigma = 1, max(sigma, UNIT_DAYS[unit] * 0.6)
        if spec.relation == "before":
            return
        if spec.present and not self.layout.in_caption(tx.start):
            give = max(1, round(1.5 * sigma))
            where = {1: f"on or after {fmt(center)}", -1: f"shortly before {fmt(center)}"}.get(
                skew, f"around {fmt(center)} (give or take {give} day{'s' if give > 1 else ''})"
            )
            reason = f"'{tx.text}' counts from {label} ({fmt(anchor)}): it puts the article {where}"
            cue = Cue(
                CueKind.WAR_RELATIVE,
                self.span_evidence(tx, reason),
                default=0.05 / self.days,
                group=f"wr:{center}:{skew}",
            )
            _bell(cue, center, sigma, 0.9, skew)
            yield cue
        else:
            lb = center - dt.timedelta(days=round(2 * sigma)) if skew <= 0 else center
            cue = Cue(
                CueKind.LOWER_BOUND,
                self.span_evidence(
                    tx, f"'{tx.text}' ({fmt(center)}) is told as past: the article is from after it"
                ),
                group=f"lb:{lb}",
            )
            cue.ranges.append((dt.date.min, lb - dt.timedelta(days=1), 0.05))
            yield cue

    def event_cues(self, by_sentence: dict[int, list[Timex]]) -> Iterable[Cue]:
        for m in self.mentions:
            event_day = m.event.date.earliest
            day_precise = m.event.date.granularity == Granularity.DAY
            for tx in by_sentence.get(m.sentence, []):
                spec = tx.spec
                if isinstance(spec, Shift) and spec.sign < 0 and tx.anchor == AnchorKind.PUBLICATION:
                    center = shift(event_day, spec.offset)
                    if center is None or spec.offset.amount is None:
                        continue
                    unit = spec.offset.unit
                    sigma = _AGO_SIGMA.get(unit, 30.0) * max(1.0, float(spec.offset.amount) ** 0.5)
                    if not day_precise:
                        sigma += 10
                    reason = (
                        f"{m.event.title} ({fmt(event_day)}) is said to be '{tx.text}': "
                        f"that puts the article around {fmt(center)}"
                    )
                    cue = self.event_offset(m, tx, reason, center, 0.1)
                    _bell(
                        cue, center, sigma, 0.85, 1 if spec.offset.mod in (Mod.AFTER, Mod.ON_OR_AFTER) else 0
                    )
                    yield cue
                elif isinstance(spec, Deictic) and spec.unit in ("Y", "M") and spec.offset == -1:
                    # "the invasion last year": written the year (or month) after the event
                    if spec.unit == "Y":
                        lo_day, hi_day = (
                            dt.date(event_day.year + 1, 1, 1),
                            dt.date(event_day.year + 1, 12, 31),
                        )
                        when = str(event_day.year + 1)
                    else:
                        lo_day = add_months(event_day.replace(day=1), 1)
                        hi_day = add_months(lo_day, 1) - dt.timedelta(days=1)
                        when = f"{month_name(lo_day.month)} {lo_day.year}"
                    reason = (
                        f"{m.event.title} ({_event_date(m)}) is placed '{tx.text}': "
                        f"the article is probably from {when}"
                    )
                    cue = Cue(
                        CueKind.YEAR,
                        self.evidence(min(m.start, tx.start), max(m.end, tx.end), reason),
                        group=f"el:{m.event.id}:{spec.unit}",
                    )
                    cue.ranges.append((lo_day, hi_day, 10.0))
                    yield cue
                elif isinstance(spec, Deictic) and spec.unit == "D" and spec.offset == -1 and day_precise:
                    pub = event_day + dt.timedelta(days=1)
                    reason = (
                        f"{m.event.title} ({fmt(event_day)}) is reported as '{tx.text}': "
                        f"that puts the article on {fmt(pub)}"
                    )
                    cue = self.event_offset(m, tx, reason, pub, 0.3)
                    cue.ranges.append((dt.date.min, event_day - dt.timedelta(days=1), 0.01 / self.days))
                    _bell(cue, pub, 0.7, 0.6)
                    yield cue
            # every mention is also a lower bound, linked to a distance or not
            cue = Cue(
                CueKind.EVENT,
                self.evidence(
                    m.start,
                    m.end,
                    f"mentions {m.event.title.rstrip('.')} ({_event_date(m)}): the article is from after it",
                ),
                group=f"ev:{m.event.id}",
            )
            main = event_day in self.background
            cue.ranges, cue.default = _event_ranges(event_day, main)
            yield cue

    def event_offset(self, m: Mention, tx: Timex, reason: str, day: dt.date, rest: float) -> Cue:
        """A cue that puts the article near ``day``, from a mention and a distance to it; ``rest``
        is the share of the likelihood left for every other day."""
        evidence = self.evidence(min(m.start, tx.start), max(m.end, tx.end), reason)
        return Cue(CueKind.EVENT_OFFSET, evidence, default=rest / self.days, group=f"eo:{day}")

    def future_sentence(self, tx: Timex) -> bool:
        """Whether the sentence speaks of the future before ``tx`` ("will", "is due to", ...)."""
        index = self.layout.sentence(tx.start)
        lo, hi = self.layout.sentence_span(index)
        if index not in self._future:
            self._future[index] = _future_ends(self.text[lo:hi])
        found = self._future[index]
        if found is None:  # lower-casing changes lengths or depends on context: the plain way
            before = self.text[lo : tx.start].lower()
            return any(f" {w} " in f" {before} " for w in FUTURE_WORDS)
        first_inside, at_end = found
        k = tx.start - lo
        return first_inside < k or k in at_end


def _future_ends(sentence: str) -> tuple[float, set[int]] | None:
    """Where the future words of ``sentence`` end, so that "does the text before offset k hold
    one, as a whole word between spaces or the ends?" costs O(1) for every date of a long
    sentence: true when a word ends, followed by a space, before k (the first such end is
    returned), or ends exactly at k (the set). None when lower-casing does not keep offsets
    (some characters lower-case to two; a capital sigma depends on what follows)."""
    lower = sentence.lower()
    if len(lower) != len(sentence) or "\u03a3" in sentence:
        return None
    first_inside: float = math.inf
    at_end: set[int] = set()
    for w in FUTURE_WORDS:
        q = lower.find(w)
        while q >= 0:
            e = q + len(w)
            if q == 0 or lower[q - 1] == " ":
                at_end.add(e)
                if e < len(lower) and lower[e] == " ":
                    first_inside = min(first_inside, e)
            q = lower.find(w, q + 1)
    return first_inside, at_end


# Seasons named relative to the time of writing: the first month of each season, and for each
# relation the months (counted from the season's first month, end excluded) in which such an
# article is most likely written, and how much more likely than elsewhere.
_SEASON_START = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}
_SEASON_NAME = {"WI": "winter", "SP": "spring", "SU": "summer", "FA": "autumn"}
_SEASON_SPAN = {
    "this": (-2, 3, 3.0, "in the {0} or the weeks before it"),
    "next": (-6, 0, 3.0, "in the months before the {0}"),
    "last": (3, 12, 2.0, "in the months after the {0}"),
}

# "Published 13 May 2022" / "Updated: 13 May 2022" lines that scrapers keep.
_STAMP_LINE_MAX = 90
_STAMP = re.compile(
    r"[ \t]*(?:by\s[^|\n]{2,40}[|\u2022\u00b7-]\s*)?"
    r"(?P<word>first published|published|posted|last updated|updated|last modified|modified)\b"
    r"(?:\s+on)?\s*:?",
    re.I,
)
_UPDATE_WORDS = frozenset({"last updated", "updated", "last modified", "modified"})
# How many days before an "updated" date the article was published (0 = the same day).
_UPDATED_PROFILE = {0: 0.5, -1: 0.2, -2: 0.08, -3: 0.05, -4: 0.03, -5: 0.02, -6: 0.02}

# Datelines: a place (and region) at the start of one of the first lines, then the date,
# an optional agency in brackets and a dash.
_DATELINE_REACH = 800
_DATELINE_PLACE = re.compile(
    r"[ \t]*[A-Z][A-Za-z'.-]+(?:[ -][A-Za-z'.-]+){0,3},\s*(?:[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2},\s*)?"
)
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\((?P<agency>[A-Z][A-Za-z .'-]{1,30})\)[ \t]*)?[-–—]")
_CAPITALS = re.compile(r"[ \t]*[A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+)*,")
_DATELINE_PROFILE = {0: 0.78, 1: 0.12}

_LINK_LINE = re.compile(
    r"\b(?:related (?:articles?|stories|topics|content|coverage)|read more|latest from|other topics"
    r"|most read|recommended for you|more from|you may also like|more on this story)\b",
    re.I,
)
_DAY_WORD = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|last night)\b", re.I
)
_ORDINAL_UNIT = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))"
    r"\s+(?:week|month|year)\b",
    re.I,
)


_SUPERSEDE_DAYS = 45
_SUPERSEDED_PULL = 0.3


def _superseded(cue: Cue, later: list[dt.date]) -> Cue:
    """A dated mention followed by a later dated mention (or photo caption) within weeks is
    mostly a lower bound: "soon after" belongs to the latest date (counting both would make two
    correlated clues look like independent confirmation). For a partial date this holds year
    by year: only the fitting years that have a later date are weakened. ``later`` holds the
    points of every dated cue and caption, sorted (a cue's own points are years apart)."""
    if cue.kind != CueKind.DATED or not cue.points:
        return cue
    covered = []
    for a in cue.points:
        i = bisect.bisect_right(later, a)
        if i < len(later) and (later[i] - a).days <= _SUPERSEDE_DAYS:
            covered.append(a)
    if not covered:
        return cue
    ev = cue.evidence
    reason = ev.reason
    kind: CueKind = cue.kind
    if len(covered) == len(cue.points):
        first = min(cue.points)
        when = fmt(first) if len(cue.points) == 1 else f"a {month_name(first.month)} {first.day}"
        reason = f"'{ev.text}' ({when}) comes before a later date in the text: the article is from after it"
        kind = CueKind.LOWER_BOUND
    weak = Cue(
        kind,
        Evidence(ev.text, ev.start, ev.end, reason),
        default=cue.default,
        ranges=list(cue.ranges),
        daily=dict(cue.daily),
        group=cue.group,
        points=tuple(a for a in cue.points if a not in covered),
    )
    # keep the bound, and only a little of the pull towards the days just after the date
    for a in covered:
        for k in range(len(_RECENT)):
            d = a + dt.timedelta(days=k)
            if d in weak.daily:
                weak.daily[d] = cue.default + _SUPERSEDED_PULL * (weak.daily[d] - cue.default)
    return weak


@functools.lru_cache(maxsize=1024)
def _event_pull(event_day: dt.date, main: bool) -> tuple[tuple[tuple[dt.date, dt.date, float], ...], float]:
    """The likelihood ranges of a mentioned event (the same for every mention: computed once)."""
    ranges = [(dt.date.min, event_day - dt.timedelta(days=1), 0.01)]
    # events unfold over days ("the last stronghold fell this week" before the day the
    # chronology gives for the fall): the week before the date is unlikely, not ruled out
    ranges.append((event_day - dt.timedelta(days=7), event_day - dt.timedelta(days=1), 0.2))
    # News mostly mentions recent events: a mild pull towards the months after it
    # (slower for the war's start, which every article mentions as background).
    tau, floor = (365.0, 0.5) if main else (120.0, 0.25)
    for k in range(0, 6 * 365, 15):
        block = event_day + dt.timedelta(days=k)
        pull = floor + (1 - floor) * math.exp(-k / tau)
        ranges.append((block, block + dt.timedelta(days=14), pull))
    return tuple(ranges), floor


def _event_ranges(event_day: dt.date, main: bool) -> tuple[list[tuple[dt.date, dt.date, float]], float]:
    ranges, floor = _event_pull(event_day, main)
    return list(ranges), floor


def _valid(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def _event_date(m: Mention) -> str:
    d = m.event.date
    if d.granularity == Granularity.DAY:
        return fmt(d.earliest)
    return f"{month_name(d.earliest.month)} {d.earliest.year}"
