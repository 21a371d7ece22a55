"""Turn one match of a rule into a :class:`Timex` with a typed value or a spec.

Each match is built by the builder its rule names in ``value: {kind: ...}``. Builders read
the rule's named groups through the word tables (:mod:`.captures`), so the knowledge stays
in the YAML files and the code only does arithmetic. A value that needs a reference date
keeps a spec, which :mod:`.resolution` turns into a date later.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .captures import BuildError, CaptureReader, Getter, anchor_candidates
from .numeric import parse_numeric_date
from .rules import Rule, RuleSet
from .specs import (
    ChronologyRef,
    DayOfMonth,
    Deictic,
    HolidayRef,
    SameQuarterIn,
    Shift,
    WeekdayRef,
    YearlessDate,
    holiday_date,
)
from .tense import tense
from .values import (
    UNIT_GRANULARITY,
    AnchorKind,
    BCValue,
    DateValue,
    DurationUnit,
    DurationValue,
    Granularity,
    Mod,
    RefValue,
    SetValue,
    Timex,
    TimexType,
)

__all__ = ["BuildError", "Builder"]


class Builder(CaptureReader):
    """Turns one match of one rule into a Timex (or raises BuildError)."""

    def __init__(self, rs: RuleSet) -> None:
        super().__init__(rs)
        self.tense = tense(rs.language)
        self.kinds: dict[str, Callable[[Rule, Getter, dict[str, Any]], tuple[Any, Any, list[str]]]] = {
            "date": self._date,
            "numeric": self._numeric,
            "deictic": self._deictic,
            "weekday": self._weekday,
            "dayofmonth": self._dayofmonth,
            "shift": self._shift,
            "duration": self._duration,
            "ref": self._ref,
            "set": self._set,
            "chronology": self._chronology,
            "bc": self._bc,
            "none": self._none,
            "year_words": self._year_words,
            "holiday": self._holiday,
            "year_period": self._year_period,
            "lasted": self._lasted,
            "noon": self._noon,
        }

    # ---- kinds -----------------------------------------------------------
    def _date(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        mod = self.mod(g("mod")) or (Mod(p["mod"]) if p.get("mod") else None)
        year_s, month_s, day_s = g("year"), g("month"), g("day")
        weekday = self.rs.lookup("weekdays", g("weekday") or "") if g("weekday") else None
        season = self.rs.lookup("seasons", g("season") or "") if g("season") else None
        quarter = self.ordinal(g("quarter") or "") if g("quarter") else None
        if quarter == -1:
            quarter = 4
        half = self.ordinal(g("half") or "") if g("half") else None
        if half == -1:
            half = 2
        pod = self.pod(g("pod"))
        month = self.month(month_s) if month_s else None
        day = int(re.sub(r"\D", "", day_s)) if day_s else None
        if g("dayw"):
            day = self.ordinal(g("dayw") or "")
        if g("decade_word"):
            start = int(self.rs.lookup("decade_words", g("decade_word") or ""))
            return DateValue.decade(start, mod), None, []
        if g("decade"):
            d = (g("decade") or "").lstrip("'\u2019")
            start = int(d[:4]) if len(d) >= 4 else self.year(d[:2])
            return DateValue.decade(start - start % 10, mod), None, []
        if g("century"):
            c = self.ordinal(g("century") or "")
            return DateValue.century((c - 1) * 100, mod), None, []
        rel = (g("rel") or p.get("relation") or "nearest").lower()
        rel = {"past": "last", "previous": "last", "coming": "next", "current": "this"}.get(rel, rel)
        clock = self.clock(g)
        if year_s and g("start_yy") and int(year_s) <= int(g("start_yy") or 0):
            raise BuildError("a range ends after it starts")
        if year_s:
            year = self.year(year_s, g("century_of"))
            try:
                if day is not None and month is not None and p.get("week_of"):
                    return DateValue.week(dt.date(year, month, day)), None, []
                if day is not None and month is not None:
                    value = DateValue.day(dt.date(year, month, day), mod)
                    if pod or clock:
                        gran = Granularity.MINUTE if clock else Granularity.PART_OF_DAY
                        d0 = value.earliest
                        value = DateValue(gran, d0, d0, mod, part_of_day=pod, clock=clock)
                    notes = []
                    if weekday is not None and value.earliest.weekday() != weekday:
                        notes.append("weekday does not match the date")
                    return value, None, notes
                if month is not None:
                    return DateValue.month(year, month, mod), None, []
            except ValueError as exc:
                raise BuildError(str(exc)) from exc
            if season:
                return DateValue.season_of(year, str(season), mod), None, []
            if quarter:
                return DateValue.quarter_of(year, quarter, mod), None, []
            if half:
                return DateValue.half_of(year, half, mod), None, []
            return DateValue.year(year, mod), None, []
        # no year: resolve later from the reference date
        if month is not None and day is not None and p.get("week_of"):
            gran = Granularity.WEEK
        elif month is not None and day is not None:
            if not 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
                raise BuildError("no such day")
            gran = Granularity.MINUTE if clock else Granularity.PART_OF_DAY if pod else Granularity.DAY
        elif month is not None:
            gran = Granularity.MONTH
        elif season:
            gran = Granularity.SEASON
        elif quarter:
            gran = Granularity.QUARTER
        elif half:
            gran = Granularity.HALF
        else:
            raise BuildError("nothing to build a date from")
        spec = YearlessDate(
            gran,
            month=month,
            day=day,
            weekday=weekday,
            season=str(season) if season else None,
            quarter=quarter,
            half=half,
            part_of_day=pod,
            clock=clock,
            mod=mod,
            relation=rel,
            year_offset=int(self.rs.lookup("deictic_offsets", g("yrel") or "")) if g("yrel") else None,
        )
        return None, spec, []

    def _bc(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        if g("century"):
            c = self.ordinal(g("century") or "")
            return BCValue(c * 100 - 1, Granularity.CENTURY), None, []
        return BCValue(int(g("year") or "0")), None, []

    def _year_words(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        words = re.split(r"[\s-]+", (g("yw") or "").lower())
        if words[:2] == ["two", "thousand"]:
            rest = [w for w in words[2:] if w != "and"]
            year = 2000 + int(self.number(" ".join(rest), default=0) or 0) if rest else 2000
        else:
            century = int(self.number(words[0]) or 0)
            rest = [w for w in words[1:] if w not in ("oh", "hundred")]
            year = century * 100 + (int(self.number(" ".join(rest)) or 0) if rest else 0)
        if g("month"):
            return DateValue.month(year, self.month(g("month") or "")), None, []
        if g("season"):
            return DateValue.season_of(year, str(self.rs.lookup("seasons", g("season") or ""))), None, []
        return DateValue.year(year), None, []

    def _holiday(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        how = str(self.rs.lookup("holidays", g("holiday") or ""))
        rel = (g("rel") or "nearest").lower()
        if g("year"):
            day = holiday_date(how, int(g("year") or 0))
            return DateValue.day(day), None, []
        return None, HolidayRef(how, rel), []

    def _year_period(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        year = int(g("year") or 0)
        if g("quarter"):
            q = self.ordinal(g("quarter") or "")
            return DateValue.quarter_of(year, 4 if q == -1 else q), None, []
        return None, SameQuarterIn(year, quarter=bool(g("qword"))), []

    def _lasted(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        value, _, _ = self._duration(rule, g, p)
        names = anchor_candidates(g("anchor"))
        spec = ChronologyRef(names[0], value, present=True, relation="after", candidates=names)
        return value, spec, []

    def _noon(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        word = (g("noon") or "").lower()
        clock = "24:00" if word == "midnight" else "12:00"
        if g("weekday"):
            wd = int(self.rs.lookup("weekdays", g("weekday") or ""))
            return None, WeekdayRef(wd, "nearest", None, clock), []
        return None, Deictic("D", 0, None, None, clock), []

    def _none(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        return None, None, []

    def _numeric(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        d = parse_numeric_date(g("t") or g("all") or "")
        if d is None:
            raise BuildError("not a numeric date")
        return DateValue.day(d), None, []

    def _deictic(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        pod: str | None
        if g("lastnight"):
            offset, unit, pod = -1, "D", "NI"
        elif g("relday"):
            offset = int(self.rs.lookup("relative_days", g("relday") or ""))
            unit = "D"
            pod = "NI" if (g("relday") or "").lower() == "tonight" else None
        else:
            unit = str(p.get("unit") or self.rs.lookup("calendar_units", g("unit") or ""))
            rel = self.rs.lookup("deictic_offsets", g("rel") or "") if g("rel") else None
            offset = int(rel) if rel is not None else int(p.get("offset", 0))
            pod = None
        pod = self.pod(g("pod")) or p.get("pod") or pod
        mod = self.mod(g("mod")) or (Mod(p["mod"]) if p.get("mod") else None)
        return None, Deictic(unit, offset, mod, pod, self.clock(g), named=bool(p.get("named"))), []

    def _weekday(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        wd = self.rs.lookup("weekdays", g("weekday") or "")
        if wd is None:
            raise BuildError("no weekday")
        rel = (g("rel") or p.get("relation") or "nearest").lower()
        rel = {
            "past": "last",
            "previous": "last",
            "preceding": "last",
            "coming": "next",
            "following": "next",
        }.get(rel, rel)
        days = {"before": -1, "after": 1}.get((g("dir") or "").lower(), 0)
        return None, WeekdayRef(int(wd), rel, self.pod(g("pod")), self.clock(g), days=days), []

    def _dayofmonth(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        day = int(re.sub(r"\D", "", g("day") or ""))
        return None, DayOfMonth(day), []

    def _offset(self, g: Getter, p: dict[str, Any]) -> DurationValue:
        word = g("unit")
        unit = str(p["unit"]) if p.get("unit") else self.unit(word) if word else "D"
        vague = g("vague") is not None or ("amount" in p and p["amount"] is None)
        amount = None if vague else self.number(g("num"), default=p.get("amount", 1))
        if unit == "FN":
            unit, amount = "W", (amount * 2 if amount is not None else None)
        if unit == "WE":
            unit = "D"
            amount = amount * 2 if amount is not None else None
        return DurationValue(amount, DurationUnit(unit))

    def _shift(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        off = self._offset(g, p)
        sign = int(p.get("sign", -1))
        if g("dir"):
            d = (g("dir") or "").lower()
            sign = (
                -1 if d in ("ago", "earlier", "before", "previously", "prior", "previous", "preceding") else 1
            )
        if p.get("granularity") == "unit":
            # "the previous year" is a year, not the month it follows a year back; a day or week
            # after a coarse date keeps the coarse unit (resolution)
            gran = UNIT_GRANULARITY.get(off.unit) if off.unit == "Y" else None
        else:
            gran = Granularity[p["granularity"].upper()] if p.get("granularity") else None
        pod = self.pod(g("pod"))
        if pod:
            gran = Granularity.PART_OF_DAY
        mod = Mod.APPROX if g("approx") else None
        return None, Shift(off, sign, gran, mod), []

    def _duration(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        off = self._offset(g, p)
        if g("half"):
            if off.amount is None:
                raise BuildError("half of vague")
            off = DurationValue(off.amount + 0.5, off.unit)
        mod = None
        a = (g("approx") or "").lower().strip()
        if a in ("about", "around", "roughly", "approximately", "some", "nearly", "almost"):
            mod = Mod.APPROX
        elif a in ("more than", "over", "at least"):
            mod = Mod.AFTER if a != "at least" else Mod.ON_OR_AFTER
        elif a in ("less than", "under", "fewer than", "at most"):
            mod = Mod.BEFORE
        if off.amount is None and off.unit == "DE":
            off = DurationValue(None, DurationUnit.YEAR, mod)  # "decades": some number of years
        elif off.amount is not None and off.unit in ("DE", "CE"):
            off = DurationValue(off.amount * (10 if off.unit == "DE" else 100), DurationUnit.YEAR, mod)
        return DurationValue(off.amount, off.unit, mod), None, []

    def _ref(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        return RefValue(str(p["ref"])), None, []

    def _set(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        if g("weekday"):
            wd = int(self.rs.lookup("weekdays", g("weekday") or ""))
            return SetValue(f"XXXX-WXX-{wd + 1}", p.get("quant")), None, []
        if g("month"):
            return SetValue(f"XXXX-{self.month(g('month') or ''):02d}", p.get("quant")), None, []
        if g("pod"):
            return SetValue(f"XXXX-XX-XXT{self.pod(g('pod'))}", p.get("quant")), None, []
        if g("adverb"):
            return SetValue(str(self.rs.lookup("set_adverbs", g("adverb") or "")), None), None, []
        if p.get("value"):
            return SetValue(str(p["value"]), p.get("quant")), None, []
        off = self._offset(g, p)
        return SetValue(off.timex3(), p.get("quant")), None, []

    def _chronology(self, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
        if g("anchor"):
            candidates = anchor_candidates(g("anchor"))
        elif p.get("anchor"):
            candidates = (str(p["anchor"]),)
        else:
            candidates = ("default",)
        name = candidates[0]
        offset = None
        if g("unit") or p.get("unit"):
            offset = self._offset(g, p)
            if g("ord"):
                n = self.ordinal(g("ord") or "")
                offset = DurationValue(float(n - 1), offset.unit)
            elif p.get("day_number"):
                offset = DurationValue((offset.amount or 1) - 1, offset.unit)
        relation = str(p.get("relation", "at"))
        if g("dir"):
            relation = "before" if (g("dir") or "").lower() == "before" else "after"
        ref = ChronologyRef(
            name, offset, bool(p.get("present", False)), relation, candidates, bool(p.get("lasting"))
        )
        return None, ref, []

    # ---- entry -----------------------------------------------------------
    def build(self, rule: Rule, m: re.Match[str], prefix: str, text: str) -> Timex:

        def g(name: str) -> str | None:
            for full in (name, name + "2", name + "3", name + "4", name + "5"):
                if full in rule.group_names:
                    v = m.group(prefix + full)
                    if v is not None:
                        return v
            return None

        if "t" in rule.group_names and m.group(prefix + "t") is not None:
            start, end = m.span(prefix + "t")
        else:
            start, end = m.span()
        kind = rule.value.get("kind", "date")
        try:
            value, spec, notes = self.kinds[kind](rule, g, rule.value)
        except ValueError as exc:  # impossible calendar values ("year 0", "February 30")
            raise BuildError(str(exc)) from exc
        anchor = rule.anchor
        if value is not None:
            anchor = AnchorKind.NONE if rule.anchor != AnchorKind.CHRONOLOGY else anchor
        cues = self.tense
        if isinstance(spec, YearlessDate | WeekdayRef) and cues.looks_back(text, start):
            spec = replace(spec, past=True)  # "since March"
        elif (
            isinstance(spec, WeekdayRef)
            and cues.told_before(text, start, end)
            and not cues.ahead_before(text, start)
        ):
            # "was announced Wednesday, they have said they will appeal": the verb that tells of
            # the weekday wins over a future later in the sentence (not "as soon as trading opened
            # Monday")
            spec = replace(spec, past=True)
        elif isinstance(spec, YearlessDate | WeekdayRef | DayOfMonth | HolidayRef) and cues.future_context(
            text, start, end
        ):
            spec = _with_future(spec)
        elif isinstance(spec, YearlessDate) and cues.past_context(text, start, end):
            spec = replace(spec, past=True)
        ttype = rule.type or TimexType.DATE
        if kind == "shift" and isinstance(spec, Shift) and spec.offset.unit in ("H", "MIN"):
            ttype = TimexType.TIME
        timex = Timex(
            start=start,
            end=end,
            text=text[start:end],
            type=ttype,
            rule=rule.id,
            anchor=anchor if spec is not None else AnchorKind.NONE,
            value=value,
            spec=spec,
            anchor_name=spec.anchor_name if isinstance(spec, ChronologyRef) else None,
            notes=notes,
        )
        if isinstance(spec, ChronologyRef) and spec.present:
            timex.notes.append("present: describes the time of writing")
        return timex


def _with_future(spec: Any) -> Any:
    return replace(spec, future=True)
