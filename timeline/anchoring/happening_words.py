"""What a sentence says of the day it was written: the words of ``happenings.yaml`` and the
calendar arithmetic of event-level anchoring (:mod:`.happenings`).

Two kinds of word. Exact ones date a happening to one day counted from the day of writing:
"yesterday", "this morning", "on Sunday". Calendar ones only place it in the week or month
before: "last week", "earlier this week", "earlier this month". A dated article's exact word
dates a happening; an undated article's word of either kind, told of a happening the corpus
dates, says when the undated one was written. A follow-up written days after the news ("the
strike on the bridge last week") is thus placed after it, not on the day of the first reports
that share its words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline.core.calendar_math import WEEKDAY_NAMES
from timeline.core.datafile import Anything, Items, Record, Regex, Text, fail, read

# What a sentence says of the day of writing: TODAY, YESTERDAY, WEEKDAY + the weekday (0 =
# Monday) for "on Saturday" (exact: a happening of one day), or LAST_WEEK, EARLIER_WEEK,
# EARLIER_MONTH (calendar: the day of writing is in a window after the happening).
TODAY, YESTERDAY, LAST_WEEK, EARLIER_WEEK, EARLIER_MONTH, WEEKDAY = 0, 1, 2, 3, 4, 10
CALENDAR = frozenset({LAST_WEEK, EARLIER_WEEK, EARLIER_MONTH})

PATH = Path(__file__).with_name("happenings.yaml")  # the words, with executable examples
_WORDS = Items(Text(what="a word or words"), least=1)
_KINDS = {  # the file's lists of words, and the code each says
    "yesterday": YESTERDAY,
    "today": TODAY,
    "last_week": LAST_WEEK,
    "earlier_week": EARLIER_WEEK,
    "earlier_month": EARLIER_MONTH,
}
SCHEMA = Record(
    required={
        **{kind: _WORDS for kind in _KINDS},
        "not_past": _WORDS,
        "ahead": Items(Regex(re.IGNORECASE), least=1),
        "dated_weekday": Regex(re.IGNORECASE),
        "prefilter": _WORDS,
        "examples": Items(
            Record(required={"text": Text(what="a sentence"), "says": Anything("a day word or null")}),
            least=1,
        ),
    }
)
_NAMES = tuple(name.lower() for name in WEEKDAY_NAMES)
SAYS: Mapping[str, int] = {**_KINDS, **{name: WEEKDAY + n for n, name in enumerate(_NAMES)}}


@dataclass(frozen=True)
class Words:
    """The words of ``happenings.yaml``, compiled (see the file for what each says)."""

    relative: re.Pattern[str]  # one group per kind of _KINDS, and weekday
    ahead: re.Pattern[str]
    not_past: frozenset[str]
    prefilter: tuple[str, ...]
    examples: tuple[tuple[str, str | None], ...]  # (sentence, what it says), run by the tests


@functools.cache
def load_words(path: Path = PATH) -> Words:
    """The words of ``happenings.yaml``; a mistake is a :class:`DataFileError` naming file:line."""
    raw = read(path, SCHEMA, "the happening words")
    for key in _KINDS:
        for i, word in enumerate(raw[key]):
            if not any(p in word.lower() for p in raw["prefilter"]):
                raise fail(
                    path, raw[key], i, f"{word!r} holds none of the prefilter words", "one of them in it"
                )
    for i, example in enumerate(raw["examples"]):
        if example["says"] is not None and example["says"] not in SAYS:
            raise fail(path, raw["examples"], i, f"says: {example['says']!r}", "one of " + ", ".join(SAYS))
    if not all(any(p in name for p in raw["prefilter"]) for name in _NAMES):
        raise fail(path, raw, "prefilter", "a weekday name holds none of these words", "'day' among them")

    def alternatives(words: Sequence[str]) -> str:
        # longest first: "earlier this week" before any shorter word it holds
        return "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))

    groups = [f"(?P<{kind}>{alternatives(raw[kind])})" for kind in _KINDS]
    groups.append(f"(?P<weekday>{alternatives(_NAMES)})")
    relative = re.compile(rf"\b(?:{'|'.join(groups)})(?:'s)?\b", re.IGNORECASE)
    ahead = re.compile(rf"\b(?:{'|'.join(raw['ahead'])})\b|{raw['dated_weekday']}", re.IGNORECASE)
    examples = tuple((e["text"], e["says"]) for e in raw["examples"])
    return Words(relative, ahead, frozenset(raw["not_past"]), tuple(raw["prefilter"]), examples)


def relative_code(sentence: str) -> int | None:
    """What ``sentence`` says of the day of writing (a code above), or None: no such word,
    several that disagree, or it looks ahead. An exact word wins over a calendar one ("on
    Sunday, a week after the strike last week": Sunday)."""
    words = load_words()
    lower = sentence.lower()
    if not any(word in lower for word in words.prefilter):  # most sentences: no regex at all
        return None
    exact, loose = set(), set()
    ruled_out = False  # "until last week": a calendar word that dates no happening
    for m in words.relative.finditer(lower):
        kind = str(m.lastgroup)
        before = lower[max(0, m.start() - 12) : m.start()].split()
        blocked = bool(before) and before[-1] in words.not_past
        if kind == "weekday":
            if blocked:
                return None  # "next Monday", "every Saturday": not a happening of the past week
            exact.add(WEEKDAY + _NAMES.index(m[kind]))
        elif kind in CALENDAR_KINDS:
            ruled_out |= blocked
            loose.add(_KINDS[kind])
        else:
            exact.add(_KINDS[kind])
    codes = exact or (set() if ruled_out else loose)
    if len(codes) != 1 or words.ahead.search(sentence):
        return None
    return codes.pop()


CALENDAR_KINDS = frozenset(kind for kind, code in _KINDS.items() if code in CALENDAR)


def happening_day(code: int, written: dt.date) -> dt.date:
    """The day a happening told with an exact ``code`` by an article written on ``written`` took
    place ("on Saturday": the last Saturday up to the day of writing)."""
    if code == TODAY:
        return written
    if code == YESTERDAY:
        return written - dt.timedelta(days=1)
    if code >= WEEKDAY:
        return written - dt.timedelta(days=(written.weekday() - (code - WEEKDAY)) % 7)
    raise ValueError(f"code {code} places a happening in a week or a month, not on one day")


# When an undated article was written, by days after the happening: "yesterday" the day after
# (or the same day for a reader in another time zone), "today" that day or the next, "on Friday"
# in the week after it, mostly within two days (the weekday table of the anchoring cues).
_AFTER: Mapping[int, tuple[float, ...]] = {
    TODAY: (0.75, 0.25),
    YESTERDAY: (0.15, 0.75, 0.1),
    WEEKDAY: (0.26, 0.30, 0.15, 0.10, 0.08, 0.06, 0.05),
}


def written_after(code: int, happened: dt.date) -> list[tuple[dt.date, float]]:
    """The days an article telling a happening of ``happened`` with ``code`` may have been written,
    with their shares: the table above for an exact word; for a calendar word, every day of its
    window alike ("last week": the Monday to Sunday after the happening's week; "earlier this
    week": the rest of its week; "earlier this month": the rest of its month). Empty when the
    word cannot tell that happening (a Sunday is never "earlier this week")."""
    if code not in CALENDAR:
        table = _AFTER[min(code, WEEKDAY)]
        return [(happened + dt.timedelta(days=offset), p) for offset, p in enumerate(table)]
    if code == LAST_WEEK:
        first = happened + dt.timedelta(days=7 - happened.weekday())
        last = first + dt.timedelta(days=6)
    elif code == EARLIER_WEEK:
        first = happened + dt.timedelta(days=1)
        last = happened + dt.timedelta(days=6 - happened.weekday())
    else:
        first = happened + dt.timedelta(days=1)
        last = happened.replace(day=calendar.monthrange(happened.year, happened.month)[1])
    days = (last - first).days + 1
    return [(first + dt.timedelta(days=n), 1.0 / days) for n in range(days)] if days > 0 else []


def said(code: int) -> str:
    """The word of ``code``, for the evidence: "yesterday", "on Sunday", "last week"."""
    return f"on {WEEKDAY_NAMES[code - WEEKDAY]}" if code >= WEEKDAY else _SAID[code]


_SAID = {
    TODAY: "today",
    YESTERDAY: "yesterday",
    LAST_WEEK: "last week",
    EARLIER_WEEK: "earlier this week",
    EARLIER_MONTH: "earlier this month",
}
