"""Moving a date by a length of time is done once (``temporal.relative.shift_date``), for the
resolver and for the publication-date cues alike."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.anchoring.cues import shift
from timeline.temporal.relative import resolve_chronology, shift_date
from timeline.temporal.specs import ChronologyRef
from timeline.temporal.values import DurationUnit, DurationValue

INVASION = dt.date(2022, 2, 24)


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (1, DurationUnit.MONTH, dt.date(2022, 3, 24)),  # whole months follow the calendar
        (1, DurationUnit.YEAR, dt.date(2023, 2, 24)),
        (1.5, DurationUnit.YEAR, dt.date(2023, 8, 24)),  # 18 whole months
        (2, DurationUnit.QUARTER, dt.date(2022, 8, 24)),
        (3, DurationUnit.WEEK, dt.date(2022, 3, 17)),
        (10, DurationUnit.DAY, dt.date(2022, 3, 6)),
        (48, DurationUnit.HOUR, dt.date(2022, 2, 26)),
        (2.5, DurationUnit.MONTH, dt.date(2022, 5, 11)),  # 76 days, not round(2.5) = 2 months
        (3.5, DurationUnit.MONTH, dt.date(2022, 6, 11)),  # 107 days, not round(3.5) = 4 months
    ],
)
def test_shift_date(amount: float, unit: DurationUnit, expected: dt.date) -> None:
    assert shift_date(INVASION, DurationValue(amount, unit), 1) == expected
    assert shift_date(expected, DurationValue(amount, unit), -1) in (
        INVASION,
        INVASION + dt.timedelta(days=1),
    )


def test_a_fraction_of_a_month_counts_days_for_the_resolver_and_the_cues_alike() -> None:
    """The resolver rounded "two and a half months" to a whole number of months (Python's round,
    which rounds 2.5 down to 2) while the cues counted 2.5 mean months of 30.44 days: the same
    phrase had two dates. Both count days now."""
    two_and_a_half = DurationValue(2.5, DurationUnit.MONTH)
    value = resolve_chronology(ChronologyRef("invasion", two_and_a_half), {"invasion": INVASION})
    assert value is not None and value.earliest == dt.date(2022, 5, 11)
    assert shift(INVASION, two_and_a_half) == value.earliest


def test_cues_shift_only_by_units_they_know_the_spread_of() -> None:
    assert shift(INVASION, DurationValue(72, DurationUnit.HOUR)) is None
    assert shift(INVASION, DurationValue(1, DurationUnit.QUARTER)) is None
    assert shift(INVASION, DurationValue(None, DurationUnit.MONTH)) is None


def test_a_shift_off_the_calendar_is_none() -> None:
    assert shift_date(dt.date(9999, 12, 1), DurationValue(2, DurationUnit.MONTH), 1) is None
    assert shift_date(dt.date(1, 1, 5), DurationValue(1, DurationUnit.WEEK), -1) is None
