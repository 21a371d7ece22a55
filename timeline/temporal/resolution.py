"""Give every relative timex of a text its calendar value: what each one counts from.

Publication-anchored expressions count from the reference date, or from the time the text is
about when it has moved into the past (:mod:`.discourse`); "the previous day" from the nearest
preceding date of the text; war-relative ones from the chronology's anchors. The value of one
spec from that day is :mod:`.relative`'s arithmetic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .discourse import Discourse
from .relative import (
    day_in_month,
    resolve_chronology,
    resolve_dayofmonth,
    resolve_deictic,
    resolve_holiday,
    resolve_shift,
    resolve_weekday,
    resolve_yearless,
    yearless_in,
)
from .specs import (
    ChronologyRef,
    DayOfMonth,
    Deictic,
    HolidayRef,
    SameQuarterIn,
    Shift,
    WeekdayRef,
    YearlessDate,
)
from .values import AnchorKind, DateValue, Granularity, RefValue, Timex, TimexType


def resolve(
    timexes: list[Timex],
    reference: dt.date | None,
    anchors: Mapping[str, dt.date] | None = None,
    *,
    language: str = "en",
    text: str | None = None,
) -> None:
    """Fill ``value`` in place for every relative timex that can be resolved.

    Publication-anchored expressions count from ``reference``, or from the time the text is
    about when it has moved well into the past (:class:`.discourse.Discourse`: "In 2014 ... In
    April" is April 2014); "the previous day" and "two days later" use the nearest preceding
    resolved date in the text (falling back to the reference); war-relative ones use ``anchors``.
    """
    if isinstance(reference, dt.datetime):  # a timestamp is fine too: only its day counts
        reference = reference.date()
    if anchors:
        anchors = {k.lower(): (v.date() if isinstance(v, dt.datetime) else v) for k, v in anchors.items()}
    last: DateValue | None = None
    last_quarter: DateValue | None = None
    ref_value = DateValue.day(reference) if reference is not None else None
    discourse = Discourse(reference, language, text, timexes)
    for i, t in enumerate(timexes):
        spec = t.spec
        followed = False
        if spec is not None:
            value: DateValue | RefValue | None = None
            local_ref = reference
            if t.anchor == AnchorKind.PUBLICATION:
                local_ref, followed = discourse.anchor(t)
            if isinstance(spec, ChronologyRef) and t.type == TimexType.DURATION:
                continue  # "has lasted just a week": the value is the duration; the spec is evidence
            if isinstance(spec, ChronologyRef):
                value = resolve_chronology(spec, anchors)
            elif isinstance(spec, SameQuarterIn):
                if spec.quarter and last_quarter is not None and last_quarter.quarter:
                    # "earned $376,000 in the 1988 quarter" after "its third-quarter earnings":
                    # the quarter last named, even with "last year" between
                    value = DateValue.quarter_of(spec.year, last_quarter.quarter)
                elif last is not None and last.granularity == Granularity.QUARTER and last.quarter:
                    value = DateValue.quarter_of(spec.year, last.quarter)
                else:
                    value = DateValue.year(spec.year)
            elif isinstance(spec, Shift):
                if t.anchor == AnchorKind.PREVIOUS:
                    base = last or ref_value
                    if spec.granularity == Granularity.QUARTER and last_quarter is not None:
                        base = last_quarter  # "the year-ago quarter": of the quarter last named
                    if (
                        spec.offset.unit == "Y"
                        and ref_value is not None
                        and base is not None
                        and base.granularity >= Granularity.YEAR
                        and not discourse.narrating()  # a history's "two years before" is before 1948
                        and spec.offset.amount != 0  # "in 1988, ... imports that year": 1988
                    ):
                        base = ref_value  # "year-earlier results" compares with now, not with "in 1988"
                    value = resolve_shift(spec, base, from_previous=last is not None) if base else None
                elif ref_value is not None:
                    value = resolve_shift(spec, ref_value, from_previous=False, last=last)
            elif isinstance(spec, Deictic) and spec.named and last_quarter is not None:
                value = last_quarter  # "the fiscal first quarter ... in the quarter"
            elif (
                isinstance(spec, WeekdayRef)
                and t.anchor == AnchorKind.PREVIOUS
                and spec.relation != "nearest"
            ):
                # "the previous Friday": before the day the text is talking about
                day = last.earliest if last is not None and last.granularity <= Granularity.DAY else reference
                value = resolve_weekday(spec, day) if day is not None else None
            elif (
                isinstance(spec, Deictic)
                and t.anchor == AnchorKind.PREVIOUS
                and last is not None
                and last.granularity <= Granularity.DAY
            ):
                # a clock time alone ("at 10 p.m.") is on the day the text is talking about
                value = resolve_deictic(spec, last.earliest)
            elif local_ref is not None:
                if isinstance(spec, YearlessDate):
                    if followed and spec.relation == "nearest" and spec.year_offset is None:
                        # history narrates forward: a bare "September" is in the year being told
                        value = yearless_in(spec, local_ref.year)
                        if value is not None and (
                            (spec.future and value.earliest < local_ref)
                            or (local_ref - value.latest).days > discourse.cues.forward_days
                        ):
                            # "until January"; "in December 1916 ... their reply of 14 January"
                            value = yearless_in(spec, local_ref.year + 1)
                    else:
                        value = resolve_yearless(spec, local_ref)
                    year = discourse.own_year(t, timexes[i + 1] if i + 1 < len(timexes) else None)
                    if (
                        year is not None
                        and value is not None
                        and value.earliest.year != year
                        and discourse.narrating()
                    ):
                        value = yearless_in(spec, year)  # "the spring and early summer of 1943"
                elif isinstance(spec, WeekdayRef):
                    value = resolve_weekday(spec, local_ref)
                elif isinstance(spec, Deictic):
                    value = resolve_deictic(spec, local_ref)
                elif isinstance(spec, DayOfMonth) and followed:
                    value = day_in_month(spec.day, local_ref)  # "the 13th": of the month being told
                elif isinstance(spec, DayOfMonth):
                    value = resolve_dayofmonth(spec, local_ref)
                elif isinstance(spec, HolidayRef):
                    value = resolve_holiday(spec, local_ref)
            t.value = value
        discourse.saw(t, followed)
        if (
            isinstance(t.value, DateValue)
            and t.type in (TimexType.DATE, TimexType.TIME)
            and t.anchor != AnchorKind.CHRONOLOGY
            and not isinstance(spec, Shift | SameQuarterIn)  # "a year earlier" twice is not two years back
        ):
            last = t.value
            if last.granularity == Granularity.QUARTER:
                last_quarter = last
