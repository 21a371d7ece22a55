"""Build the value of a rule's match that counts from another day or names a length of time:
"yesterday", "last Tuesday", "the 13th", "three days later", "for two weeks", "every Monday",
"five weeks into the war", "at noon".

One function a kind of ``value: {kind: ...}`` in the rule files (:mod:`.builders` sends each match
to its kind); what counts from a day keeps a spec for :mod:`.resolution`. Each returns (value,
spec, notes).
"""

from __future__ import annotations

import re
from typing import Any

from .captures import BuildError, CaptureReader, Getter, anchor_candidates
from .rules import Rule
from .specs import ChronologyRef, DayOfMonth, Deictic, Shift, WeekdayRef
from .values import UNIT_GRANULARITY, DurationUnit, DurationValue, Granularity, Mod, RefValue, SetValue


def deictic(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    pod: str | None
    if g("lastnight"):
        offset, unit, pod = -1, "D", "NI"
    elif g("relday"):
        offset = int(r.rs.lookup("relative_days", g("relday") or ""))
        unit = "D"
        pod = "NI" if (g("relday") or "").lower() == "tonight" else None
    else:
        unit = str(p.get("unit") or r.rs.lookup("calendar_units", g("unit") or ""))
        rel = r.rs.lookup("deictic_offsets", g("rel") or "") if g("rel") else None
        offset = int(rel) if rel is not None else int(p.get("offset", 0))
        pod = None
    pod = r.pod(g("pod")) or p.get("pod") or pod
    mod = r.mod(g("mod")) or (Mod(p["mod"]) if p.get("mod") else None)
    return None, Deictic(unit, offset, mod, pod, r.clock(g), named=bool(p.get("named"))), []


def weekday(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    wd = r.rs.lookup("weekdays", g("weekday") or "")
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
    return None, WeekdayRef(int(wd), rel, r.pod(g("pod")), r.clock(g), days=days), []


def dayofmonth(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    day = int(re.sub(r"\D", "", g("day") or ""))
    return None, DayOfMonth(day), []


def length_of(r: CaptureReader, g: Getter, p: dict[str, Any]) -> DurationValue:
    """The length of time a match names ("three days"; a fortnight is two weeks, a weekend two days;
    no amount when vague: "days")."""
    word = g("unit")
    unit = str(p["unit"]) if p.get("unit") else r.unit(word) if word else "D"
    vague = g("vague") is not None or ("amount" in p and p["amount"] is None)
    amount = None if vague else r.number(g("num"), default=p.get("amount", 1))
    if unit == "FN":
        unit, amount = "W", (amount * 2 if amount is not None else None)
    if unit == "WE":
        unit = "D"
        amount = amount * 2 if amount is not None else None
    return DurationValue(amount, DurationUnit(unit))


def shift(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    off = length_of(r, g, p)
    sign = int(p.get("sign", -1))
    if g("dir"):
        d = (g("dir") or "").lower()
        sign = -1 if d in ("ago", "earlier", "before", "previously", "prior", "previous", "preceding") else 1
    if p.get("granularity") == "unit":
        # "the previous year" is a year, not the month it follows a year back; a day or week
        # after a coarse date keeps the coarse unit (resolution)
        gran = UNIT_GRANULARITY.get(off.unit) if off.unit == "Y" else None
    else:
        gran = Granularity[p["granularity"].upper()] if p.get("granularity") else None
    pod = r.pod(g("pod"))
    if pod:
        gran = Granularity.PART_OF_DAY
    mod = Mod.APPROX if g("approx") else None
    return None, Shift(off, sign, gran, mod), []


def duration(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    off = length_of(r, g, p)
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


def ref(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    return RefValue(str(p["ref"])), None, []


def recurring(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    if g("weekday"):
        wd = int(r.rs.lookup("weekdays", g("weekday") or ""))
        return SetValue(f"XXXX-WXX-{wd + 1}", p.get("quant")), None, []
    if g("month"):
        return SetValue(f"XXXX-{r.month(g('month') or ''):02d}", p.get("quant")), None, []
    if g("pod"):
        return SetValue(f"XXXX-XX-XXT{r.pod(g('pod'))}", p.get("quant")), None, []
    if g("adverb"):
        return SetValue(str(r.rs.lookup("set_adverbs", g("adverb") or "")), None), None, []
    if p.get("value"):
        return SetValue(str(p["value"]), p.get("quant")), None, []
    off = length_of(r, g, p)
    return SetValue(off.timex3(), p.get("quant")), None, []


def chronology(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    if g("anchor"):
        candidates = anchor_candidates(g("anchor"))
    elif p.get("anchor"):
        candidates = (str(p["anchor"]),)
    else:
        candidates = ("default",)
    name = candidates[0]
    offset = None
    if g("unit") or p.get("unit"):
        offset = length_of(r, g, p)
        if g("ord"):
            n = r.ordinal(g("ord") or "")
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


def lasted(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    value, _, _ = duration(r, rule, g, p)
    names = anchor_candidates(g("anchor"))
    spec = ChronologyRef(names[0], value, present=True, relation="after", candidates=names)
    return value, spec, []


def noon(r: CaptureReader, rule: Rule, g: Getter, p: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    word = (g("noon") or "").lower()
    clock = "24:00" if word == "midnight" else "12:00"
    if g("weekday"):
        wd = int(r.rs.lookup("weekdays", g("weekday") or ""))
        return None, WeekdayRef(wd, "nearest", None, clock), []
    return None, Deictic("D", 0, None, None, clock), []
