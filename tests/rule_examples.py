"""Run the executable examples of one language's rule files (shared by the per-language tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from timeline import temporal
from timeline.temporal import rules as rules_mod


def expects(example: dict[str, Any]) -> list[dict[str, Any]]:
    exp = example.get("expect")
    if exp is None:
        return []
    return exp if isinstance(exp, list) else [exp]


def check_rule(rule: rules_mod.Rule, language: str) -> None:
    """Every example of ``rule`` holds when tagged as ``language``: each expected expression is
    found with its value, type and anchor, one of them by this rule; an ``absent`` piece is not."""
    for ex in rule.examples:
        text = ex["text"]
        found = temporal.tag(text, ex.get("published"), anchors=ex.get("anchors"), language=language)
        by_text = {t.text: t for t in found}
        if "absent" in ex:
            a = text.index(ex["absent"])
            b = a + len(ex["absent"])
            overlapping = [t.text for t in found if t.start < b and a < t.end]
            assert not overlapping, f"{rule.id}: {ex['absent']!r} must not be tagged, got {overlapping}"
        wanted = expects(ex)
        if not wanted:
            assert "absent" in ex, f"{rule.id}: an example needs expect or absent"
            continue
        from_rule = False
        for e in wanted:
            assert e["text"] in by_text, (
                f"{rule.id}: {e['text']!r} not found in {text!r}; got {list(by_text)}"
            )
            t = by_text[e["text"]]
            from_rule = from_rule or t.rule == rule.id
            if "value" in e:
                assert t.timex3() == e["value"], f"{rule.id}: {e['text']!r} -> {t.timex3()} != {e['value']}"
            if "type" in e:
                assert t.type.value == e["type"], f"{rule.id}: {e['text']!r} is {t.type.value}"
            if "anchor" in e:
                assert t.anchor.value == e["anchor"], f"{rule.id}: {e['text']!r} anchor {t.anchor.value}"
            if "anchor_name" in e:
                assert t.anchor_name == e["anchor_name"], f"{rule.id}: {e['text']!r} anchor {t.anchor_name}"
        assert rule.reject or from_rule, f"{rule.id}: no expected expression came from this rule in {text!r}"


ANCHORS = {
    "the war": dt.date(2022, 2, 24),
    "the full-scale invasion": dt.date(2022, 2, 24),
    "the kursk operation": dt.date(2024, 8, 6),
}


def score_gold(path: Path, language: str) -> tuple[int, int, list[str]]:
    """(expressions, found with their extent and value, the misses) of a self-made gold file."""
    data = yaml.safe_load(path.read_text("utf-8"))
    total = right = 0
    misses = []
    for s in data["sentences"]:
        published = s.get("published", data["published"])
        tagged = temporal.tag(s["text"], published, anchors=ANCHORS, language=language)
        found = {t.text: t.timex3() for t in tagged}
        for e in s["expect"]:
            total += 1
            if found.get(e["text"]) == e["value"]:
                right += 1
            else:
                misses.append(f"{e['text']!r}: {found.get(e['text'])} != {e['value']} in {s['text']!r}")
    return total, right, misses
