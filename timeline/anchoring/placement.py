"""Place values that are not dates on the calendar, so that every timex a reader sees has days.

"Now" is the publication day; "recently" is some time before it, "in the future" some time
after. A length of time is placed only where the words around it say where it sits ("has ruled
for two decades" ends on the publication day, "the blitz has lasted just a week" starts on the
blitz's first day); the word rules live in ``durations.yaml``. Anything else stays a bare
length with no days, and its notes say why.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.core.datafile import Choice, Items, Record, Regex, Text, read
from timeline.temporal.relative import shift_date
from timeline.temporal.specs import ChronologyRef
from timeline.temporal.values import SUB_DAY_UNITS, AnchorKind, DurationUnit, DurationValue, RefValue, Timex

from .model import PublicationEstimate

UNTIL = "until-publication"
FROM = "from-publication"
_BEFORE_REACH = 80
PATH = Path(__file__).with_name("durations.yaml")
_PLACE = Choice((UNTIL, FROM))
_BRACKETED = Text(form=r"[^\[\]]*\[[^\[\]]+\][^\[\]]*", what="a sentence with the timex in [brackets]")
SCHEMA = Record(
    required={
        "rules": Items(
            Record(
                required={
                    "id": Text(form=r"[a-z0-9_]+", what="an id (lower case, digits, _)"),
                    "place": _PLACE,
                    "examples": Items(
                        Record(required={"text": _BRACKETED, "place": _PLACE}),
                        least=1,
                    ),
                },
                optional={"before": Regex(re.I), "text": Regex(re.I), "after": Regex(re.I)},
            )
        )
    },
    optional={"unplaced_examples": Items(_BRACKETED)},
)


@dataclass(frozen=True)
class PlacementRule:
    id: str
    place: str
    before: re.Pattern[str] | None
    text: re.Pattern[str] | None
    after: re.Pattern[str] | None

    def matches(self, source: str, start: int, end: int) -> bool:
        if self.text is not None and not self.text.match(source, start, end):
            return False
        if self.before is not None and not self.before.search(source[max(0, start - _BEFORE_REACH) : start]):
            return False
        return self.after is None or bool(self.after.match(source[end : end + _BEFORE_REACH]))


@functools.cache
def load_rules() -> tuple[tuple[PlacementRule, ...], dict[str, Any]]:
    """The rules of ``durations.yaml`` and the raw file (for its executable examples)."""
    raw = read(PATH, SCHEMA, "the duration placement rules")

    def rx(key: str, item: dict[str, Any]) -> re.Pattern[str] | None:
        return re.compile(item[key], re.I) if key in item else None

    rules = []
    for item in raw["rules"]:
        rules.append(
            PlacementRule(item["id"], item["place"], rx("before", item), rx("text", item), rx("after", item))
        )
    return tuple(rules), raw


def duration_place(source: str, start: int, end: int) -> PlacementRule | None:
    """The first rule that places the length ``source[start:end]``, or None."""
    return next((r for r in load_rules()[0] if r.matches(source, start, end)), None)


def place(tx: Timex, estimate: PublicationEstimate, anchors: dict[str, dt.date], source: str | None) -> None:
    """Give ``tx`` a period (and its anchor) when its value is a reference or a length."""
    pub_lo = estimate.earliest or estimate.value
    pub_hi = estimate.latest or estimate.value
    value = tx.value
    if isinstance(value, RefValue):
        tx.anchor = AnchorKind.PUBLICATION
        if pub_lo is None or pub_hi is None:
            tx.notes.append("not placed: the publication date is unknown")
        elif value.ref == "PRESENT_REF":
            tx.period = (pub_lo, pub_hi)
            tx.notes.append("the time of writing")
        elif value.ref == "PAST_REF":
            tx.period = (None, pub_hi)
            tx.notes.append("some time before the article was written (no earliest day)")
        else:
            tx.period = (pub_lo, None)
            tx.notes.append("some time after the article was written (no latest day)")
        return
    if not isinstance(value, DurationValue):
        return
    if isinstance(tx.spec, ChronologyRef):  # "the blitz has lasted just a week": from the blitz
        known = {k.lower(): v for k, v in anchors.items()}
        names = tx.spec.candidates or (tx.spec.anchor_name,)
        day = next((known[n.lower()] for n in names if n.lower() in known), None)
        if day is not None:
            tx.period = (day, shift_date(day, value, 1))
        return
    rule = duration_place(source, tx.start, tx.end) if source is not None else None
    if rule is None:
        tx.notes.append("a length of time; the text does not place it on the calendar")
        return
    tx.anchor = AnchorKind.PUBLICATION
    if pub_lo is None or pub_hi is None:
        tx.notes.append(f"{_phrase(rule.place)}, but the publication date is unknown")
        return
    length = value
    if value.amount is None and value.unit in SUB_DAY_UNITS:  # "recent hours": within a day or so
        length = DurationValue(1, DurationUnit.DAY)
    if rule.place == UNTIL:
        tx.period = (shift_date(pub_lo, length, -1), pub_hi)
    else:
        tx.period = (pub_lo, shift_date(pub_hi, length, 1))
    tx.notes.append(f"{_phrase(rule.place)} (rule {rule.id})")


def _phrase(place: str) -> str:
    return (
        "a span that ends when the article was written"
        if place == UNTIL
        else "a span that starts when the article was written"
    )
