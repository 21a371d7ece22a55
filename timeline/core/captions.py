"""Photo captions told from article text: the one place that knows them, ``captions.yaml``.

Two stages ask, each its own question of the one file (its header says why the lists differ):

- the events: ``credits`` are removed from every text shown (:mod:`timeline.events.cleaning` runs
  them before its own rules), and a line holding one is a caption line; ``sentences`` are
  sentences written as captions with nothing of their credit left (the ranking weighs both down);
- the anchoring: ``marks`` make a line a caption line for the publication-date clues
  (:meth:`timeline.anchoring.mentions.Layout.in_caption`); nothing is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .datafile import Items, Record, Regex, Text, pattern_rules, read, rule_fields

PATH = Path(__file__).with_name("captions.yaml")

# A rule that removes what it matches, as events/cleaning.yaml writes them too.
STRIP_RULES = pattern_rules(
    Regex(re.MULTILINE),
    Items(Record(required={"in": Text(), "out": Text(empty=True)}), least=1),
    optional={"replace": Text(empty=True)},
)
# A rule that only recognizes: examples that must match and examples that must not.
_RECOGNIZE = pattern_rules(
    Regex(),
    Record(required={"caption": Items(Text(), least=1), "not_caption": Items(Text(), least=1)}),
)
SCHEMA = Record(required={"credits": STRIP_RULES, "marks": _RECOGNIZE, "sentences": _RECOGNIZE})


@dataclass(frozen=True)
class CaptionRule:
    """A rule of ``marks`` or ``sentences``."""

    id: str
    why: str
    pattern: re.Pattern[str]
    caption: tuple[str, ...]  # examples that must match
    not_caption: tuple[str, ...]  # examples that must not


@cache
def _document() -> Any:
    return read(PATH, SCHEMA, "the caption rules")


def credits() -> list[dict[str, Any]]:
    """The ``credits`` as written (checked): :mod:`timeline.events.cleaning` makes them cleaning rules."""
    return list(_document()["credits"])


def _rules(key: str) -> tuple[CaptionRule, ...]:
    return tuple(
        CaptionRule(
            **rule_fields(item),
            caption=tuple(item["examples"]["caption"]),
            not_caption=tuple(item["examples"]["not_caption"]),
        )
        for item in _document()[key]
    )


def mark_rules() -> tuple[CaptionRule, ...]:
    return _rules("marks")


def caption_sentence_rules() -> tuple[CaptionRule, ...]:
    return _rules("sentences")


def _any_of(rules: tuple[CaptionRule, ...]) -> re.Pattern[str]:
    """One pattern that finds what any of ``rules`` finds (one search instead of one a rule)."""
    return re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules) if rules else r"(?!x)x")


@cache
def caption_marks() -> re.Pattern[str]:
    """The ``marks``, joined: found anywhere in a line, it makes the line a caption line."""
    return _any_of(mark_rules())


@cache
def _sentence_pattern() -> re.Pattern[str]:
    return _any_of(caption_sentence_rules())


def caption_sentence(sentence: str) -> bool:
    """Whether one sentence is written as a photo caption even with no credit left on its line
    ("..., Ukraine, Friday, March 4, 2022.", "In this photo provided by ..."): the ``sentences``.
    Used for ranking (:mod:`timeline.events.rank`), not to drop anything."""
    return _sentence_pattern().search(sentence) is not None
