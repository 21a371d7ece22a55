"""The one text-cleaning function for everything shown to readers: events, article pages, exports.

Rules are data (``cleaning.yml``, with examples the tests run). Cleaning is expressed as spans to
replace, so :func:`junk_spans` can also mask text in place (same length) when offsets must stay valid,
for instance on an article page that highlights dates by offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..content.boilerplate import junk_rule


@dataclass(frozen=True)
class CleaningRule:
    id: str
    why: str
    pattern: re.Pattern[str]
    replace: str
    caption: bool
    examples: tuple[tuple[str, str], ...]


@cache
def load_cleaning_rules() -> tuple[CleaningRule, ...]:
    data = yaml.safe_load(resources.files(__package__).joinpath("cleaning.yml").read_text("utf-8"))
    return tuple(
        CleaningRule(
            id=item["id"],
            why=item["why"],
            pattern=re.compile(item["pattern"], re.MULTILINE),
            replace=item.get("replace", " "),
            caption=bool(item.get("caption", False)),
            examples=tuple((ex["in"], ex["out"]) for ex in item.get("examples", ())),
        )
        for item in data["rules"]
    )


_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])(?=\s|$)")


def junk_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of every span of ``text`` that is not article text, in order, disjoint.

    Whole boilerplate lines (``content/boilerplate.yml``) come first, then the inline rules. A later
    rule never matches inside a span an earlier rule already took.
    """
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        line_rule = junk_rule(line)
        if line_rule is not None:
            spans.append((pos, pos + len(line.rstrip("\r\n")), line_rule.id))
        pos += len(line)
    for rule in load_cleaning_rules():
        spans.sort()
        starts = [s for s, _, _ in spans]
        taken = list(spans)  # disjoint and sorted: only the span starting last before a match can overlap it
        for m in rule.pattern.finditer(text):
            if m.end() == m.start():
                continue
            i = bisect_left(starts, m.end())
            if i > 0 and taken[i - 1][1] > m.start():
                continue
            spans.append((m.start(), m.end(), rule.id))
    spans.sort()
    return spans


MAX_PASSES = 4  # removing junk can expose more ("...Mr.Reuters[/caption]"): repeat until nothing changes


def mask_junk(text: str) -> str:
    """``text`` with every junk span replaced by spaces: same length, offsets stay valid."""
    for _ in range(MAX_PASSES):
        spans = [(s, e) for s, e, _ in junk_spans(text) if text[s:e].strip()]
        if not spans:
            break
        chars = list(text)
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        text = "".join(chars)
    return text


def _apply(text: str) -> str:
    replace = {rule.id: rule.replace for rule in load_cleaning_rules()}
    parts: list[str] = []
    last = 0
    for start, end, rule_id in junk_spans(text):
        parts.append(text[last:start])
        parts.append(replace.get(rule_id, ""))  # boilerplate lines vanish
        last = end
    parts.append(text[last:])
    return "".join(parts)


def clean_text(text: str) -> str:
    """Readable text: junk removed, runs of spaces collapsed, lines trimmed, no space before a full stop.

    Line breaks are kept (each line is tidied separately); runs of empty lines become one. Cleaning
    repeats until nothing changes, so cleaning clean text changes nothing.
    """
    for _ in range(MAX_PASSES):
        lines: list[str] = []
        for line in _apply(text).split("\n"):
            line = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", line)).strip()
            if line or (lines and lines[-1]):
                lines.append(line)
        cleaned = "\n".join(lines).strip("\n")
        if cleaned == text:
            break
        text = cleaned
    return text


def is_caption(line: str) -> bool:
    """Whether a line carries photo-caption furniture (a credit, caption markup, glued agency name)."""
    return any(rule.caption and rule.pattern.search(line) for rule in load_cleaning_rules())
