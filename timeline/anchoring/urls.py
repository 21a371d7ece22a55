"""Dates in an article's address: the cheapest precise clue to when it was published.

News sites put the publication day into the path ("/2022/05/13/", "/2022/may/28/",
"-20220513-"); sites built on MongoDB put a record id into it whose first eight hex digits
are the second it was created ("_n_62b58274e4b0cdccbe69d502"). Each is a likelihood over
publication days like the text's clues (see :mod:`.cues`), soft enough that a wrong or
reused address cannot make a confident wrong date on its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass

from timeline.core.calendar_math import MONTH_NUMBERS, month_name

from .cues import Cue, CueKind, fmt
from .model import Evidence, EvidenceSource
from .outlet_ids import OutletDate, outlet_id_dates

_MONTH_WORD = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))

# /2022/05/13/ or /2022-05-13- (year, month, day with separators; not inside a longer number)
_YMD = re.compile(r"(?<![0-9])(20[0-4][0-9])([/_.-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12][0-9]|3[01])(?![0-9])")
# /2022/may/28/
_YMONTHD = re.compile(rf"(?<![0-9])(20[0-4][0-9])/({_MONTH_WORD})/(0?[1-9]|[12][0-9]|3[01])(?![0-9])", re.I)
# 20220513 as a whole token (not a slice of a longer id)
_COMPACT = re.compile(r"(?<![0-9A-Za-z])(20[0-4][0-9])(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9])")
# /2022/05/slug: the month only
_YM = re.compile(r"/(20[0-4][0-9])/(0[1-9]|1[0-2])/(?![0-9])")
# a MongoDB ObjectId: 24 lowercase hex digits (a whole token, with at least one letter), the
# first 8 a Unix time in seconds. A random hex token falls inside the window about one time in
# ten, so the clue stays soft and alone never reaches high confidence.
_OBJECT_ID = re.compile(r"(?<![0-9A-Za-z])(?=[0-9]*[a-f])([0-9a-f]{24})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class UrlDate:
    """A date found in an address: ``day`` (or the first of ``month`` when ``granularity`` is
    "month"), the characters of the address that say so, and what kind of part it was."""

    day: dt.date
    granularity: str  # "day" | "month"
    part: str  # the matched characters of the address
    kind: str  # "path" | "compact" | "object-id"


def url_dates(url: str | None) -> list[UrlDate]:
    """Every date the address spells out, most specific first; empty when there is none."""
    if not url:
        return []
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""  # the host never holds a date
    found: list[UrlDate] = []
    for m in _YMD.finditer(path):
        day = _day(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if day:
            found.append(UrlDate(day, "day", m.group(), "path"))
    for m in _YMONTHD.finditer(path):
        day = _day(int(m.group(1)), MONTH_NUMBERS[m.group(2).lower()], int(m.group(3)))
        if day:
            found.append(UrlDate(day, "day", m.group(), "path"))
    if not found:
        for m in _COMPACT.finditer(path):
            day = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if day:
                found.append(UrlDate(day, "day", m.group(), "compact"))
    if not found:
        for m in _YM.finditer(path):
            found.append(UrlDate(dt.date(int(m.group(1)), int(m.group(2)), 1), "month", m.group(), "path"))
    if not found:
        for m in _OBJECT_ID.finditer(path):
            seconds = int(m.group(1)[:8], 16)
            when = dt.datetime.fromtimestamp(seconds, dt.UTC).date()
            found.append(UrlDate(when, "day", m.group(1), "object-id"))
    return found


def url_evidence(part: str, reason: str) -> Evidence:
    """Evidence for a clue in the address: no offsets in the text (``source="url"``)."""
    return Evidence(part, 0, 0, reason, source=EvidenceSource.URL)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Share of a day-precise address date's mass on the days around it: mostly the day itself
# (the day after when the site dates by another time zone, or the article was updated).
_PATH_PROFILE = {-1: 0.03, 0: 0.70, 1: 0.12, 2: 0.03}
# An object id is made when the record is created, often a little before publication.
_OBJECT_ID_PROFILE = {-1: 0.03, 0: 0.55, 1: 0.20, 2: 0.05, 3: 0.03}


def url_cues(url: str | None, lo: dt.date, hi: dt.date) -> list[Cue]:
    """Cues from the dates in ``url`` that fall between ``lo`` and ``hi`` (the candidate days)."""
    days = (hi - lo).days + 1
    cues: list[Cue] = []
    for found in url_dates(url):
        if not lo <= found.day <= hi:
            continue  # an address date outside the window is an id that only looks like a date
        if found.granularity == "month":
            last = found.day.replace(day=calendar.monthrange(found.day.year, found.day.month)[1])
            reason = (
                f"the address contains '{found.part}': the article is probably from "
                f"{month_name(found.day.month)} {found.day.year}"
            )
            cue = Cue(
                CueKind.URL_MONTH,
                url_evidence(found.part, reason),
                default=0.2 / days,
                group=f"um:{found.day}",
            )
            cue.ranges.append((found.day, last, 0.8 / 30 + 0.2 / days))
            cues.append(cue)
            continue
        if found.kind == "object-id":
            profile = _OBJECT_ID_PROFILE
            reason = (
                f"the address holds a record id created on {fmt(found.day)} ('{found.part[:8]}...' is a "
                f"timestamp): the article was probably published that day or a day or two later"
            )
        else:
            profile = _PATH_PROFILE
            reason = (
                f"the address contains the date '{found.part}': the article was probably published "
                f"on {fmt(found.day)}"
            )
        rest = 1 - sum(profile.values())
        cue = Cue(CueKind.URL, url_evidence(found.part, reason), default=rest / days, group=f"u:{found.day}")
        for k, share in profile.items():
            cue.daily[found.day + dt.timedelta(days=k)] = share + rest / days
        cues.append(cue)
    if not cues:  # a date written in the address says more than a number that counts articles
        cues.extend(id_cues(outlet_id_dates(url), lo, hi))
    return cues


# How an article number's weight is spread: most of it close to the interpolated day (a
# double-exponential bell whose scale is the outlet's usual leave-one-out miss there), some over
# the whole interval (its worst miss), the rest over every day (an address copied from another
# outlet, a number reused, a calibration point wrong).
_ID_NEAR = 0.6
_ID_INTERVAL = 0.25
_ID_DAILY_LIMIT = 120  # wider intervals get no bell, only the flat interval


def id_cues(found: OutletDate | None, lo: dt.date, hi: dt.date) -> list[Cue]:
    """Cues from the article number in an address (``outlet_ids.yaml`` calibrates it)."""
    if found is None:
        return []
    days = (hi - lo).days + 1
    if found.best is None or found.earliest is None or found.latest is None:
        bound = found.earliest or found.latest
        if bound is None or not lo <= bound <= hi:
            return []
        after = found.earliest is not None
        reason = (
            f"{found.outlet} numbers its articles in order; number {found.number} is "
            f"{'later' if after else 'earlier'} than every number we know the date of, the "
            f"{'last' if after else 'first'} from {fmt(bound)}: the article is from "
            f"{'after' if after else 'before'} it"
        )
        cue = Cue(
            CueKind.LOWER_BOUND if after else CueKind.UPPER_BOUND,
            url_evidence(found.part, reason),
            group=f"ui:{bound}",
        )
        if after:
            cue.ranges.append((dt.date.min, bound - dt.timedelta(days=1), 0.05))
        else:
            cue.ranges.append((bound + dt.timedelta(days=1), dt.date.max, 0.05))
        return [cue]
    early, best, late = max(found.earliest, lo), found.best, min(found.latest, hi)
    if early > late or not early <= best <= late:
        return []
    width = (late - early).days + 1
    span = f"between {fmt(early)} and {fmt(late)}" if early != late else f"on {fmt(early)}"
    reason = (
        f"{found.outlet} numbers its articles in order: number {found.number} places the article "
        f"around {fmt(best)} ({span})"
    )
    rest = (1 - _ID_NEAR - _ID_INTERVAL) / days
    cue = Cue(CueKind.URL_ID, url_evidence(found.part, reason), default=rest, group=f"ui:{best}")
    if width > _ID_DAILY_LIMIT:
        cue.ranges.append((early, late, (_ID_NEAR + _ID_INTERVAL) / width + rest))
        return [cue]
    scale = max(found.spread, 0.5)
    bell = {
        early + dt.timedelta(days=k): math.exp(-abs(k - (best - early).days) / scale) for k in range(width)
    }
    total = sum(bell.values())
    for day, w in bell.items():
        cue.daily[day] = _ID_NEAR * w / total + _ID_INTERVAL / width + rest
    return [cue]
