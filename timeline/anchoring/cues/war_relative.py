"""Cues from time counted from a chronology anchor: "five weeks into the war" said of the time
of writing puts the article around that day; "since the invasion" or a count told as past
("the second month of the war saw ...") is a lower bound. Which anchor a phrase counts from is
:func:`anchoring.anchors.find_anchor`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from timeline.temporal.specs import ChronologyRef
from timeline.temporal.values import UNIT_DAYS, DurationValue, Mod, Timex

from ..anchors import find_anchor
from .base import AGO_SIGMA, SIGMA, Cue, CueKind, bell, fmt, shift
from .reading import Reading

# Rules whose counts are "N units ago" from the anchor ("the war began three months ago").
_AGO_RULES = frozenset({"anchoring.began_ago"})
# An ordinal count ("the fifth month of the war", "п'ятий місяць війни") is said from the
# unit's start: the rules that count so have "nth" in their id, in every language.
_ORDINAL_MARK = "nth"


def war_relative(r: Reading, tx: Timex, spec: ChronologyRef) -> Iterable[Cue]:
    sentence_start = r.layout.sentence_span(r.layout.sentence(tx.start))[0]
    context = r.text[max(sentence_start, tx.start - 40) : tx.end]
    found = find_anchor(tx, r.chronology, context)
    if found is None:
        return
    alias, anchor = found
    label = "the start of the war" if alias == "default" else alias
    anchor_id = r.chronology.anchor_ids.get(alias, "")
    main_id = r.chronology.anchor_ids.get("default")
    if anchor_id not in ("", main_id) and anchor_id.replace("-", " ") not in alias:
        label += f", the {anchor_id.replace('-', ' ')}"
    if spec.offset is None or spec.offset.amount is None:
        if spec.relation in ("since", "after", "at"):
            cue = Cue(
                CueKind.LOWER_BOUND,
                r.span_evidence(
                    tx, f"'{tx.text}' refers back to {label} ({fmt(anchor)}): the article is from after it"
                ),
                group=f"lb:{anchor}",
            )
            cue.ranges.append((dt.date.min, anchor - dt.timedelta(days=1), 0.02))
            yield cue
        return
    center = shift(anchor, spec.offset)
    if center is None:
        return
    if spec.relation == "before":
        return
    sigma, skew = _spread(tx, spec.offset, float(spec.offset.amount))
    if spec.present and not r.layout.in_caption(tx.start):
        give = max(1, round(1.5 * sigma))
        where = {1: f"on or after {fmt(center)}", -1: f"shortly before {fmt(center)}"}.get(
            skew, f"around {fmt(center)} (give or take {give} day{'s' if give > 1 else ''})"
        )
        reason = f"'{tx.text}' counts from {label} ({fmt(anchor)}): it puts the article {where}"
        cue = Cue(
            CueKind.WAR_RELATIVE,
            r.span_evidence(tx, reason),
            default=0.05 / r.days,
            group=f"wr:{center}:{skew}",
        )
        bell(cue, center, sigma, 0.9, skew)
        yield cue
    else:
        lb = center - dt.timedelta(days=round(2 * sigma)) if skew <= 0 else center
        cue = Cue(
            CueKind.LOWER_BOUND,
            r.span_evidence(tx, f"'{tx.text}' ({fmt(center)}) is told as past: the article is from after it"),
            group=f"lb:{lb}",
        )
        cue.ranges.append((dt.date.min, lb - dt.timedelta(days=1), 0.05))
        yield cue


def _spread(tx: Timex, offset: DurationValue, amount: float) -> tuple[float, int]:
    """How far (days, one sigma) around the counted day a writer says ``offset`` (``amount``
    units), and to which side: 1 only after it ("over a month"), -1 only before it ("almost
    a month"), 0 both."""
    unit = offset.unit
    sigma = SIGMA.get(unit, 10.0)
    if unit == "D":
        sigma = 0.8 if amount <= 14 else max(1.0, amount * 0.04)
    elif unit == "M":  # writers round months: "18-month-old" is said from about 17 months on
        sigma = 5.0 if amount <= 2 else max(sigma, 1.5 * amount)
    elif unit == "W":
        sigma = max(sigma, 0.5 * amount)
    if tx.rule in _AGO_RULES:  # "the war began three months ago": as loose as "invaded ... months ago"
        sigma = max(sigma, AGO_SIGMA.get(unit, 30.0) * max(1.0, amount**0.5))
    skew = 0
    mod = offset.mod
    if mod in (Mod.AFTER, Mod.ON_OR_AFTER):  # "over a month", "more than 30 days"
        skew, sigma = 1, max(sigma, UNIT_DAYS.get(unit, 7) * 0.6)
    elif mod == Mod.BEFORE:  # "almost a month", "nearly five weeks"
        skew, sigma = -1, max(sigma, UNIT_DAYS.get(unit, 7) * 0.4)
    elif mod == Mod.APPROX:
        sigma *= 1.5
    if unit == "Y" and skew == 0:  # "two years into the war" is said for months after the anniversary
        skew, sigma = 1, 120.0
    # "in its fifth month": 4 to 5 months
    if unit in ("W", "M", "Y") and _ORDINAL_MARK in tx.rule.rpartition(".")[2]:
        skew, sigma = 1, max(sigma, UNIT_DAYS[unit] * 0.6)
    return sigma, skew
