"""Turn one match of a rule into a :class:`Timex` with a typed value or a spec.

Each match is built by the kind its rule names in ``value: {kind: ...}``: a unit of the calendar
(:mod:`.calendar_kinds`) or a day counted from another, a length of time, a recurrence
(:mod:`.relative_kinds`). Kinds read the rule's named groups through the word tables
(:mod:`.captures`), so the knowledge stays in the YAML files and the code only does arithmetic. A
value that needs a reference date keeps a spec, which :mod:`.resolution` turns into a date later;
here the words around the date say whether that spec looks back or ahead (:mod:`.tense`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from . import calendar_kinds, relative_kinds
from .captures import BuildError, CaptureReader, Getter
from .rules import Rule, RuleSet
from .specs import ChronologyRef, DayOfMonth, HolidayRef, Shift, WeekdayRef, YearlessDate
from .tense import tense
from .values import AnchorKind, Timex, TimexType

# What builds one kind: (value, spec, notes) from the reader, the rule, its captures and its `value:`.
Kind = Callable[[CaptureReader, Rule, Getter, dict[str, Any]], tuple[Any, Any, list[str]]]

__all__ = ["BuildError", "Builder"]


class Builder(CaptureReader):
    """Turns one match of one rule into a Timex (or raises BuildError)."""

    def __init__(self, rs: RuleSet) -> None:
        super().__init__(rs)
        self.tense = tense(rs.language)
        self.kinds: dict[str, Kind] = {
            "date": calendar_kinds.date,
            "numeric": calendar_kinds.numeric,
            "bc": calendar_kinds.bc,
            "none": calendar_kinds.no_value,
            "year_words": calendar_kinds.year_words,
            "holiday": calendar_kinds.holiday,
            "year_period": calendar_kinds.year_period,
            "deictic": relative_kinds.deictic,
            "weekday": relative_kinds.weekday,
            "dayofmonth": relative_kinds.dayofmonth,
            "shift": relative_kinds.shift,
            "duration": relative_kinds.duration,
            "ref": relative_kinds.ref,
            "set": relative_kinds.recurring,
            "chronology": relative_kinds.chronology,
            "lasted": relative_kinds.lasted,
            "noon": relative_kinds.noon,
        }

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
            value, spec, notes = self.kinds[kind](self, rule, g, rule.value)
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
