"""Sequential article numbers in addresses, read as a clock.

Many news sites number stories in the order they create them ("...-rcna153874",
"/news/uk-67838297", "/article-12147711/"). ``outlet_ids.yaml`` holds, per site, a pattern that
finds the number and a few stories whose number and publication day are known; an unknown
number is placed between its neighbours by linear interpolation. The answer is an interval as
wide as the interpolation was wrong on the calibration points themselves (leave one out), and
beyond the first/last point only a bound: a number past the last point says "after", not when.

Reuters ids ("idUSKBN2S51V8") carry a day counter instead of a running count (``per_day: 1``):
there the day is the counter plus a constant, exact to a day either side.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import median
from typing import Any

from timeline.core.datafile import Anything, DataFileError, Items, Record, read

DEFAULT_PATH = Path(__file__).with_name("outlet_ids.yaml")

# The smallest half-width we ever claim: calibration days are themselves only good to a day or
# so (time zones, a story posted to the dataset hours after it went up).
MIN_MARGIN_DAYS = 2
PER_DAY_MIN_MARGIN_DAYS = 1
# Share of leave-one-out misses the interval must cover (nearest rank): all of them; the
# points are few and one wide miss in a sparse stretch is exactly the case to stay humble about.
MARGIN_QUANTILE = 1.0

_FIELDS = ("name", "hosts", "pattern", "base", "per_day", "step", "example", "points")
# the keys an outlet may have (their values are checked one by one below, with their own messages)
_OUTLET = Record(
    optional={key: Anything() for key in _FIELDS},
    what="each outlet must be a mapping with name, hosts, pattern, base, points",
)
SCHEMA = Record(required={"outlets": Items(_OUTLET)})


class OutletIdError(DataFileError):
    """The outlet table is malformed; the message names the file and line and what to fix."""


@dataclass(frozen=True)
class Point:
    number: int  # the id as an integer (base-36 ids decoded)
    day: dt.date
    line: int  # where it stands in the file, for error messages


@dataclass(frozen=True)
class Outlet:
    name: str
    hosts: tuple[str, ...]
    pattern: re.Pattern[str]
    base: int
    per_day: bool
    points: tuple[Point, ...]
    example_url: str
    example_day: dt.date
    # interpolating outlets: days of margin beyond MIN_MARGIN_DAYS per unit of bridge distance
    # (see _bridge); per_day outlets: the margin in days. From leave-one-out errors on points.
    margin_rate: float
    per_day_offset: int  # day ordinal minus id, per_day outlets only (0 otherwise)
    # like margin_rate, but the median of the leave-one-out misses: how far off an interpolated
    # day usually is (the margin is how far off it can be)
    typical_rate: float = 0.0


@dataclass(frozen=True)
class OutletDate:
    """What an address's article number says about the publication day.

    ``best`` is None when the number lies outside the calibrated range; then only one of
    ``earliest`` ("after") and ``latest`` ("before") is set.
    """

    outlet: str
    part: str  # the matched characters of the address
    number: int
    earliest: dt.date | None
    best: dt.date | None
    latest: dt.date | None
    basis: str  # "interpolated" | "day-counter" | "after-last" | "before-first"
    spread: float = 1.0  # the usual miss in days at this number (half the misses are smaller)


# -- loading ------------------------------------------------------------------------------


def load_outlets(path: Path | str = DEFAULT_PATH) -> tuple[Outlet, ...]:
    """Read and check an outlet table; :class:`OutletIdError` names file:line on any fault."""
    return _load(str(path))


@lru_cache(maxsize=8)
def _load(path: str) -> tuple[Outlet, ...]:
    doc = read(path, SCHEMA, "the outlet table", OutletIdError)
    outlets = [_outlet(path, entry) for entry in doc["outlets"]]
    names = [o.name for o in outlets]
    for name in set(names):
        if names.count(name) > 1:
            raise OutletIdError(f"{path}: outlet name {name!r} appears twice")
    return tuple(outlets)


def _outlet(path: str, entry: Any) -> Outlet:
    line = getattr(entry, "line", 0)

    def fail(msg: str, at: int = line) -> OutletIdError:
        return OutletIdError(f"{path}:{at}: {msg}")

    name = entry.get("name")
    if not isinstance(name, str) or not name:
        raise fail("'name' must be a non-empty string")
    hosts = entry.get("hosts")
    if not isinstance(hosts, list) or not hosts or not all(isinstance(h, str) and h for h in hosts):
        raise fail(f"{name}: 'hosts' must be a non-empty list of host suffixes")
    raw_pattern = entry.get("pattern")
    if not isinstance(raw_pattern, str):
        raise fail(f"{name}: 'pattern' must be a string")
    try:
        pattern = re.compile(raw_pattern)
    except re.error as exc:
        raise fail(f"{name}: 'pattern' is not a valid regex ({exc})") from None
    if "id" not in pattern.groupindex:
        raise fail(f"{name}: 'pattern' needs a named group (?P<id>...) for the number")
    base = entry.get("base")
    if base not in (10, 36):
        raise fail(f"{name}: 'base' must be 10 or 36, not {base!r}")
    per_day_raw = entry.get("per_day", 0)
    if per_day_raw not in (0, 1):
        raise fail(f"{name}: 'per_day' must be 1 (one id step a day) or absent")
    per_day = per_day_raw == 1
    raw_points = entry.get("points")
    if not isinstance(raw_points, list) or len(raw_points) < 2:
        raise fail(f"{name}: 'points' must list at least two [id, YYYY-MM-DD] pairs")
    points = tuple(_point(path, name, base, p, line) for p in raw_points)
    for before, after in itertools.pairwise(points):
        if after.number <= before.number:
            raise fail(
                f"{name}: ids must increase; this id is not above the one on line {before.line}", after.line
            )
        if after.day < before.day:
            raise fail(
                f"{name}: day {after.day} is before {before.day} (line {before.line}) although its "
                "id is higher; check both dates or drop the stray point",
                after.line,
            )
    example = entry.get("example")
    if not isinstance(example, dict) or not isinstance(example.get("url"), str):
        raise fail(f"{name}: 'example' must be {{url: ..., date: YYYY-MM-DD}}")
    example_day = _day(path, name, example.get("date"), getattr(example, "line", line))
    margin_rate, offset = calibrate(points, per_day)
    return Outlet(
        name=name,
        hosts=tuple(h.lower().lstrip(".") for h in hosts),
        pattern=pattern,
        base=base,
        per_day=per_day,
        points=points,
        example_url=example["url"],
        example_day=example_day,
        margin_rate=margin_rate,
        per_day_offset=offset,
        typical_rate=typical_rate(points, per_day),
    )


def _point(path: str, name: str, base: int, raw: Any, outer_line: int) -> Point:
    line = getattr(raw, "line", outer_line)
    if not isinstance(raw, list) or len(raw) != 2:
        raise OutletIdError(f"{path}:{line}: {name}: a point is [id, YYYY-MM-DD], got {raw!r}")
    ident, when = raw
    if base == 36:
        if not isinstance(ident, str):  # YAML would read '0A1' fine but '247' as a number
            raise OutletIdError(f"{path}:{line}: {name}: base-36 ids must be quoted strings, got {ident!r}")
        try:
            number = int(ident, 36)
        except ValueError:
            raise OutletIdError(f"{path}:{line}: {name}: {ident!r} is not a base-36 number") from None
    else:
        if isinstance(ident, bool) or not isinstance(ident, int) or ident < 0:
            raise OutletIdError(f"{path}:{line}: {name}: id must be a whole number, got {ident!r}")
        number = ident
    return Point(number, _day(path, name, when, line), line)


def _day(path: str, name: str, when: Any, line: int) -> dt.date:
    try:
        if not isinstance(when, str):
            raise ValueError
        return dt.date.fromisoformat(when)
    except ValueError:
        raise OutletIdError(f"{path}:{line}: {name}: {when!r} is not a date; write YYYY-MM-DD") from None


# -- the arithmetic -----------------------------------------------------------------------


def _interpolate(a: Point, b: Point, number: int) -> float:
    """Day ordinal (fractional) of ``number`` on the straight line through a and b."""
    span = b.number - a.number
    return a.day.toordinal() + (number - a.number) / span * (b.day.toordinal() - a.day.toordinal())


def _bridge(a: Point, b: Point, day: float) -> float:
    """sqrt((t - a)(b - t) / (b - a)) in days: how far from both neighbours a day lies. Under a
    random-walk publication rate the interpolation error grows like this, so it is zero at a
    calibration point and largest mid-gap."""
    lo, hi = a.day.toordinal(), b.day.toordinal()
    if hi <= lo:
        return 0.0
    t = min(max(day, lo), hi)
    return math.sqrt((t - lo) * (hi - t) / (hi - lo))


def loo_errors(points: tuple[Point, ...], per_day: bool) -> list[tuple[float, float]]:
    """For each point that can be hidden: (signed error in days when it is predicted from the
    others, the bridge distance of the predicted day between the points used instead). Interior
    points only for interpolation; every point for a day counter (distance 0)."""
    out: list[tuple[float, float]] = []
    if per_day:
        for i, p in enumerate(points):
            rest = points[:i] + points[i + 1 :]
            offset = median(q.day.toordinal() - q.number for q in rest)
            out.append((p.number + offset - p.day.toordinal(), 0.0))
        return out
    for i in range(1, len(points) - 1):
        a, p, b = points[i - 1], points[i], points[i + 1]
        where = _interpolate(a, b, p.number)
        # distance taken at the predicted day, as it will be when the margin is applied
        out.append((where - p.day.toordinal(), _bridge(a, b, where)))
    return out


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def calibrate(points: tuple[Point, ...], per_day: bool) -> tuple[float, int]:
    """(margin_rate, per_day_offset) learnt from ``points`` by leaving each out in turn. With no
    interior point to learn from (two points) the rate is a loose 1 day per unit of distance."""
    errors = loo_errors(points, per_day)
    if per_day:
        offset = round(median(p.day.toordinal() - p.number for p in points))
        worst = _quantile([abs(e) for e, _ in errors], MARGIN_QUANTILE) if errors else 0.0
        return max(float(PER_DAY_MIN_MARGIN_DAYS), worst), offset
    # Margin = the floor (noise in the calibration days themselves) + rate x bridge distance;
    # the rate is what the hidden points needed beyond the floor, per unit of distance (at least
    # one unit, so misses next to a same-day neighbour count too).
    rates = [max(0.0, abs(e) - MIN_MARGIN_DAYS) / max(h, 1.0) for e, h in errors]
    return (_quantile(rates, MARGIN_QUANTILE) if rates else 1.0), 0


def typical_rate(points: tuple[Point, ...], per_day: bool) -> float:
    """The median leave-one-out miss beyond the floor, per unit of bridge distance (per_day
    outlets: the median miss in days). Shapes the clue: most of its weight within this."""
    errors = loo_errors(points, per_day)
    if not errors:
        return 1.0
    if per_day:
        return median(abs(e) for e, _ in errors)
    return median(max(0.0, abs(e) - 1.0) / max(h, 1.0) for e, h in errors)


def _host_and_rest(url: str) -> tuple[str, str]:
    rest = url.split("://", 1)[-1]
    cut = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    host = rest[:cut].rsplit("@", 1)[-1].split(":", 1)[0].lower()
    return host, rest[cut:]


def _outlet_for(host: str, outlets: tuple[Outlet, ...]) -> Outlet | None:
    for outlet in outlets:
        if any(host == h or host.endswith("." + h) for h in outlet.hosts):
            return outlet
    return None


def date_number(outlet: Outlet, number: int, part: str = "") -> OutletDate:
    """The interval an article number of ``outlet`` gives."""
    first, last = outlet.points[0], outlet.points[-1]
    slack = PER_DAY_MIN_MARGIN_DAYS if outlet.per_day else MIN_MARGIN_DAYS
    if number > last.number:
        start = last.day - dt.timedelta(days=slack)
        return OutletDate(outlet.name, part, number, start, None, None, "after-last")
    if number < first.number:
        end = first.day + dt.timedelta(days=slack)
        return OutletDate(outlet.name, part, number, None, None, end, "before-first")
    if outlet.per_day:
        best = dt.date.fromordinal(number + outlet.per_day_offset)
        margin = math.ceil(outlet.margin_rate)
        spread = max(1.0, outlet.typical_rate)
        basis = "day-counter"
    else:
        i = next(k for k in range(1, len(outlet.points)) if outlet.points[k].number >= number)
        a, b = outlet.points[i - 1], outlet.points[i]
        where = _interpolate(a, b, number)
        best = dt.date.fromordinal(round(where))
        margin = MIN_MARGIN_DAYS + math.ceil(outlet.margin_rate * _bridge(a, b, where))
        spread = 1.0 + outlet.typical_rate * _bridge(a, b, where)
        basis = "interpolated"
    width = dt.timedelta(days=margin)
    return OutletDate(outlet.name, part, number, best - width, best, best + width, basis, round(spread, 2))


def outlet_id_dates(url: str | None, path: Path | str = DEFAULT_PATH) -> OutletDate | None:
    """What the article number in ``url`` says about its publication day; None when the host
    is not in the table or the address carries no number of the outlet's shape."""
    if not url:
        return None
    host, rest = _host_and_rest(url.strip())
    outlet = _outlet_for(host, load_outlets(path))
    if outlet is None:
        return None
    m = outlet.pattern.search(rest)
    if m is None:
        return None
    raw = m.group("id")
    number = int(raw, outlet.base)
    return date_number(outlet, number, m.group())
