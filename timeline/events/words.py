"""The word lists of ``words.yml``, loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: same data, ~10x faster


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
    data = yaml.load(resources.files(__package__).joinpath("words.yml").read_text("utf-8"), Loader=_LOADER)
    return Words(
        abbreviations=frozenset(str(w).lower() for w in data["abbreviations"]),
        span_words=tuple(str(w).lower() for w in data["span_words"]),
        writing_time=re.compile("|".join(f"(?:{p})" for p in data["writing_time"])),
        reporting_verbs=frozenset(str(w).lower() for w in data["reporting_verbs"]),
        stopwords=frozenset(str(w).lower() for w in data["stopwords"]),
        raw=data,
    )
