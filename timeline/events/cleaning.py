"""The one text-cleaning function for everything shown to readers: events, article pages, exports.

Rules are data, with examples the tests run: the photo credits of ``core/captions.yaml``, then
``cleaning.yaml``. Cleaning is expressed as spans to
replace, so :func:`junk_spans` can also mask text in place (same length) when offsets must stay valid,
for instance on an article page that highlights dates by offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from re import _constants as sre_c  # type: ignore[attr-defined]  # the parser's opcodes (stable since 3.11)
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from ..content.boilerplate import junk_rule
from ..core import captions
from ..core.captions import caption_sentence as caption_sentence
from ..core.captions import caption_sentence_rules as caption_sentence_rules
from ..core.datafile import Record, read, rule_fields

PATH = Path(__file__).with_name("cleaning.yaml")
SCHEMA = Record(required={"rules": captions.STRIP_RULES})


@dataclass(frozen=True)
class CleaningRule:
    id: str
    why: str
    pattern: re.Pattern[str]
    replace: str
    caption: bool
    examples: tuple[tuple[str, str], ...]
    # Every match contains one of these strings (derived from the pattern, see required_literals):
    # texts with none of them skip the regex. None: no such set is known.
    needs: tuple[str, ...] | None = None

    def _skips(self, text: str) -> bool:
        """Whether ``text`` holds none of the needed strings (substring tests: on a whole article,
        half the time of one regex of them all)."""
        return self.needs is not None and not any(s in text for s in self.needs)

    def search(self, text: str) -> re.Match[str] | None:
        """The pattern's first match; a text with none of the needed strings is not scanned."""
        return None if self._skips(text) else self.pattern.search(text)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """The pattern's matches; a text with none of the needed strings is not scanned."""
        return [] if self._skips(text) else list(self.pattern.finditer(text))


@cache
def load_cleaning_rules() -> tuple[CleaningRule, ...]:
    """The photo credits of ``core/captions.yaml`` (a line holding one is a caption), then the rules
    of ``cleaning.yaml``, in this order."""
    own = read(PATH, SCHEMA, "the cleaning rules")["rules"]
    return tuple(
        CleaningRule(
            **rule_fields(item, re.MULTILINE),
            needs=required_literals(item["pattern"], re.MULTILINE),
            replace=item.get("replace", " "),
            caption=caption,
            examples=tuple((ex["in"], ex["out"]) for ex in item["examples"]),
        )
        for rules, caption in ((captions.credits(), True), (own, False))
        for item in rules
    )


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains at least one, or None if none are known.

    A sound over-approximation from the regex parse tree (like RE2's prefilter): a sequence needs
    what any one of its parts needs (a run of literal characters, a group, a repeat of at least
    one), an alternation needs one of what its branches need. Case-insensitive patterns get None.
    """
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _needs(list(parsed))
    return tuple(sorted(found)) if found else None


def _needs(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is sre_c.LITERAL:
            run.append(chr(av))
            continue
        end_run()
        need: frozenset[str] | None = None
        if op is sre_c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & re.IGNORECASE:
                need = _needs(list(sub))
        elif op is sre_c.IN and all(kind is sre_c.LITERAL for kind, _ in av):
            need = frozenset(chr(c) for _, c in av)
        elif op is sre_c.BRANCH:
            branches = [_needs(list(b)) for b in av[1]]
            if branches and all(b for b in branches):
                need = frozenset[str]().union(*(b for b in branches if b))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                need = _needs(list(sub))
        if need:
            options.append(need)
    end_run()
    if not options:
        return None
    # Any one option is sound; the most selective is the one whose shortest string is longest.
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


@cache
def _gate() -> tuple[tuple[CleaningRule, ...], Callable[[str], re.Match[str] | None]]:
    """The rules outside the gate, and one search for the needed strings of all selective rules at
    once (most texts have none of them, so their rules are skipped with one scan); rules that need
    a single letter stay outside."""
    rules = load_cleaning_rules()
    gated = [
        r.needs is not None and not any(len(s) == 1 and s.isascii() and s.isalnum() for s in r.needs)
        for r in rules
    ]
    needs = sorted({s for r, g in zip(rules, gated, strict=True) if g for s in r.needs or ()})
    ungated = tuple(r for r, g in zip(rules, gated, strict=True) if not g)
    return ungated, re.compile("|".join(re.escape(s) for s in needs) or r"(?!x)x").search


# A run of spaces becomes one space: only runs of two or more and other space characters are
# matched (the same result as every run), so a single space costs no replacement.
# (Written to start with a character class, so the regex engine can skip ahead to candidates.)
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b](?:(?<! )[ \t\u00a0\u2009\u200b]*|[ \t\u00a0\u2009\u200b]+)")
# Never across a line break: the whole text is tidied at once, but as if line by line.
_SPACE_BEFORE_PUNCT = re.compile(r"[^\S\n][^\S\n]*([.,;:!?])(?=\s|$)")


def junk_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of every span of ``text`` that is not article text, in order, disjoint.

    Whole boilerplate lines (``content/boilerplate.yaml``) come first, then the inline rules. A later
    rule never matches inside a span an earlier rule already took.
    """
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        line_rule = junk_rule(line)
        if line_rule is not None:
            spans.append((pos, pos + len(line.rstrip("\r\n")), line_rule.id))
        pos += len(line)
    taken = sorted(spans)  # disjoint and sorted: only the span starting last before a match can overlap it
    starts = [s for s, _, _ in taken]
    ungated, gate = _gate()
    # Without any of the gated rules' needed strings, only the other rules can match (order kept).
    for rule in load_cleaning_rules() if gate(text) is not None else ungated:
        added = False
        for m in rule.finditer(text):
            if m.end() == m.start():
                continue
            i = bisect_left(starts, m.end())
            if i > 0 and taken[i - 1][1] > m.start():
                continue
            spans.append((m.start(), m.end(), rule.id))
            added = True
        if added:  # re-sort only when this rule took something (most texts have no junk at all)
            taken = sorted(spans)
            starts = [s for s, _, _ in taken]
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


@cache
def _replacements() -> dict[str, str]:
    return {rule.id: rule.replace for rule in load_cleaning_rules()}


def _apply(text: str) -> str:
    spans = junk_spans(text)
    if not spans:
        return text
    replace = _replacements()
    parts: list[str] = []
    last = 0
    for start, end, rule_id in spans:
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
        tidy = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", _apply(text)))
        if "\n" not in tidy:  # one line (most texts): the loop below would only strip it
            cleaned = tidy.strip()
        else:
            lines: list[str] = []
            for line in tidy.split("\n"):
                line = line.strip()
                if line or (lines and lines[-1]):
                    lines.append(line)
            cleaned = "\n".join(lines).strip("\n")
        if cleaned == text:
            break
        text = cleaned
    return text


def is_caption(line: str) -> bool:
    """Whether a line carries photo-caption furniture: one of the ``credits`` of ``core/captions.yaml``
    (a credit, caption markup, a glued agency name)."""
    return any(rule.caption and rule.search(line) for rule in load_cleaning_rules())
