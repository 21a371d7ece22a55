"""Cues from weekdays: "on Tuesday" in a past-tense report was written within days after a
Tuesday; "next Tuesday" a day or so before one; "yesterday (Tuesday)" on a Wednesday. A
weekday cue is periodic (``Cue.weekday``): it shapes the estimate, it does not place it."""

from __future__ import annotations

from timeline.core.calendar_math import WEEKDAY_NAMES
from timeline.temporal.specs import WeekdayRef
from timeline.temporal.values import Timex

from .base import Cue, CueKind
from .reading import Reading

# "on Tuesday" in a past-tense report: how many days before publication that Tuesday was.
_WEEKDAY_PAST = (0.26, 0.26, 0.15, 0.10, 0.08, 0.08, 0.07)
_WEEKDAY_LAST = (0.02, 0.30, 0.18, 0.13, 0.13, 0.12, 0.12)
_WEEKDAY_FUTURE = (0.15, 0.35, 0.20, 0.10, 0.08, 0.06, 0.06)


def weekday(r: Reading, tx: Timex, spec: WeekdayRef) -> Cue | None:
    name = WEEKDAY_NAMES[spec.weekday]
    partner = r.deictic_partner(tx)
    if partner is not None and spec.relation == "nearest":
        other, offset = partner  # "yesterday (Tuesday)": written on a Wednesday
        if f"wd:{spec.weekday}:{offset}" in r.made:
            return None  # a duplicate, dropped anyway: its evidence may span a long sentence
        table = tuple(0.94 if k == -offset % 7 else 0.01 for k in range(7))
        written = WEEKDAY_NAMES[(spec.weekday - offset) % 7]
        cue = Cue(
            CueKind.WEEKDAY,
            r.pair_evidence(
                tx,
                other,
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
        r.span_evidence(tx, reason),
        group=f"w:{spec.weekday}:{spec.future}:{spec.relation}",
    )
    cue.weekday = (spec.weekday, table, spec.future or spec.relation == "next")
    return cue
