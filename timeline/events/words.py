"""The word lists of ``words.yaml``, loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..core.datafile import Items, Record, Regex, Text, read

PATH = Path(__file__).with_name("words.yaml")
_WORDS = Items(Text(what="a word"))
SCHEMA = Record(
    required={
        "abbreviations": _WORDS,
        "sentence_examples": Items(Record(required={"text": Text(), "sentences": Items(Text(), least=1)})),
        "span_words": _WORDS,
        "writing_time": Items(Regex()),
        "reporting_verbs": _WORDS,
        "caption_examples": Record(required={"reportable": Items(Text()), "not_reportable": Items(Text())}),
        "stopwords": _WORDS,
    }
)


@dataclass(frozen=True)
class Words:
    abbreviations: frozenset[str]
    span_words: tuple[str, ...]
    writing_time: re.Pattern[str]
    reporting_verbs: frozenset[str]
    stopwords: frozenset[str]
    raw: dict[str, Any]  # the whole file, for the tests that run its examples


@cache
def words() -> Words:
    data = read(PATH, SCHEMA, "the word lists")
    return Words(
        abbreviations=frozenset(str(w).lower() for w in data["abbreviations"]),
        span_words=tuple(str(w).lower() for w in data["span_words"]),
        writing_time=re.compile("|".join(f"(?:{p})" for p in data["writing_time"])),
        reporting_verbs=frozenset(str(w).lower() for w in data["reporting_verbs"]),
        stopwords=frozenset(str(w).lower() for w in data["stopwords"]),
        raw=data,
    )
