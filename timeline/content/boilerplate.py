"""Mask scraper boilerplate lines, keeping character offsets intact.

The rules live in ``boilerplate.yaml`` (data, with examples the tests run). Masked lines are replaced
by spaces of the same length so that every offset the tagger reports still points into the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..core.datafile import Flag, Items, Record, Regex, Text, pattern_rules, read, rule_fields

PATH = Path(__file__).with_name("boilerplate.yaml")
SCHEMA = Record(
    required={
        "rules": pattern_rules(
            Regex(re.IGNORECASE),
            Record(
                optional={"junk": Items(Text(), least=1), "keep": Items(Text(), least=1)},
                what="a mapping with junk: [lines to mask] and keep: [lines to leave]",
            ),
            optional={"case_sensitive": Flag()},
        )
    }
)


@dataclass(frozen=True)
class BoilerplateRule:
    id: str
    why: str
    pattern: re.Pattern[str]
    junk_examples: tuple[str, ...]
    keep_examples: tuple[str, ...]


@cache
def load_rules() -> tuple[BoilerplateRule, ...]:
    data = read(PATH, SCHEMA, "the boilerplate rules")
    rules = []
    for item in data["rules"]:
        examples = item["examples"]
        rules.append(
            BoilerplateRule(
                **rule_fields(item, 0 if item.get("case_sensitive") else re.IGNORECASE),
                junk_examples=tuple(examples.get("junk", ())),
                keep_examples=tuple(examples.get("keep", ())),
            )
        )
    return tuple(rules)


def junk_rule(line: str) -> BoilerplateRule | None:
    """The rule that marks ``line`` as boilerplate, or None when it is article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 2000:
        return None
    for rule in load_rules():
        if rule.pattern.fullmatch(stripped):
            return rule
    return None


def junk_spans(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of every boilerplate line in ``text[start:]``."""
    spans = []
    pos = start
    for line in text[start:].splitlines(keepends=True):
        rule = junk_rule(line)
        if rule is not None:
            body = line.rstrip("\r\n")
            spans.append((pos, pos + len(body), rule.id))
        pos += len(line)
    return spans


def mask(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with each span replaced by spaces (same length, same offsets)."""
    if not spans:
        return text
    parts = []
    last = 0
    for start, end, _ in spans:
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)
