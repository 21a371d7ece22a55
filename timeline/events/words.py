"""The word lists of ``words.yaml``, loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..core.datafile import Items, Record, Regex, Text, read
from ..temporal.tense import FUTURE_WORDS

PATH = Path(__file__).with_name("words.yaml")
_WORDS = Items(Text(what="a word"))
SCHEMA = Record(
    required={
        "span_words": _WORDS,
        "writing_time": Items(Regex()),
        "day_of_writing": Items(Regex()),
        "past_verbs": _WORDS,
        "not_past": _WORDS,
        "more_future_words": _WORDS,
        "day_of_writing_examples": Record(required={"news": Items(Text()), "not_news": Items(Text())}),
        "reporting_verbs": _WORDS,
        "caption_examples": Record(required={"reportable": Items(Text()), "not_reportable": Items(Text())}),
        "stopwords": _WORDS,
    }
)


@dataclass(frozen=True)
class Words:
    span_words: tuple[str, ...]
    writing_time: re.Pattern[str]
    day_of_writing: re.Pattern[str]
    past_verbs: frozenset[str]
    not_past: frozenset[str]
    future: re.Pattern[str]  # a future word (the tense cues' and more_future_words), whole, any case
    reporting_verbs: frozenset[str]
    stopwords: frozenset[str]
    raw: dict[str, Any]  # the whole file, for the tests that run its examples


@cache
def words() -> Words:
    data = read(PATH, SCHEMA, "the word lists")
    future = (*FUTURE_WORDS, *(str(w) for w in data["more_future_words"]))
    return Words(
        span_words=tuple(str(w).lower() for w in data["span_words"]),
        writing_time=re.compile("|".join(f"(?:{p})" for p in data["writing_time"])),
        day_of_writing=re.compile("|".join(f"(?:{p})" for p in data["day_of_writing"])),
        past_verbs=frozenset(str(w).lower() for w in data["past_verbs"]),
        not_past=frozenset(str(w).lower() for w in data["not_past"]),
        future=re.compile(
            r"(?<![\w'’])(?:" + "|".join(re.escape(w) for w in future) + r")(?![\w'’])",
            re.IGNORECASE,
        ),
        reporting_verbs=frozenset(str(w).lower() for w in data["reporting_verbs"]),
        stopwords=frozenset(str(w).lower() for w in data["stopwords"]),
        raw=data,
    )
