"""No pattern backtracks catastrophically: long adversarial inputs finish quickly.

Not a benchmark: the bound is generous (an alarm of a few seconds per input) and only
catches exponential blow-ups.
"""

from __future__ import annotations

import signal

import pytest

from timeline import temporal


class _Timeout(Exception):
    pass


@pytest.fixture
def alarm():
    def handler(signum, frame):  # pragma: no cover - only on a blow-up
        raise _Timeout

    old = signal.signal(signal.SIGALRM, handler)
    yield lambda seconds: signal.alarm(seconds)
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_two_hundred_thousand_digits(alarm) -> None:
    alarm(8)
    assert temporal.tag("7" * 200_000) == []


def test_ago_ago_ago(alarm) -> None:
    alarm(8)
    assert temporal.tag("ago " * 50_000) == []


def test_near_misses_repeated(alarm) -> None:
    alarm(10)
    text = "five weeks into the " * 5_000 + "war"
    found = temporal.tag(text)
    assert [t.text for t in found] == ["five weeks into the war"]
    text = "March 22, " * 10_000
    found = temporal.tag(text)
    assert len(found) == 10_000
    assert {t.text for t in found} == {"March 22"}


def test_one_huge_word_and_blank_runs(alarm) -> None:
    alarm(8)
    assert temporal.tag("a" * 100_000 + " " * 100_000 + "today")[0].text == "today"
