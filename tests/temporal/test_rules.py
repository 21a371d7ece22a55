"""Every YAML rule carries executable examples, and every example holds."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import temporal
from timeline.temporal import rules as rules_mod
from timeline.temporal.rules.patterns import expand

RULESET = rules_mod.load("en")
RULES = RULESET.rules


def _expects(example: dict) -> list[dict]:
    exp = example.get("expect")
    if exp is None:
        return []
    return exp if isinstance(exp, list) else [exp]


def test_every_rule_has_an_example() -> None:
    missing = [r.id for r in RULES if not r.examples]
    assert not missing, f"rules without examples: {missing}"


def test_every_rule_declares_its_anchor_and_type() -> None:
    for r in RULES:
        assert isinstance(r.anchor, temporal.AnchorKind), r.id
        if not r.reject:
            assert r.type is not None, r.id


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule: rules_mod.Rule) -> None:
    for ex in rule.examples:
        text = ex["text"]
        published = ex.get("published")
        anchors = ex.get("anchors")
        found = temporal.tag(text, published, anchors=anchors)
        by_text = {t.text: t for t in found}
        if "absent" in ex:
            a = text.index(ex["absent"])
            b = a + len(ex["absent"])
            overlapping = [t.text for t in found if t.start < b and a < t.end]
            assert not overlapping, f"{rule.id}: {ex['absent']!r} must not be tagged, got {overlapping}"
        expects = _expects(ex)
        if not expects:
            assert "absent" in ex, f"{rule.id}: an example needs expect or absent"
            continue
        from_rule = False
        for e in expects:
            assert e["text"] in by_text, (
                f"{rule.id}: {e['text']!r} not found in {text!r}; got {list(by_text)}"
            )
            t = by_text[e["text"]]
            from_rule = from_rule or t.rule == rule.id
            if "value" in e:
                assert t.timex3() == e["value"], f"{rule.id}: {e['text']!r} -> {t.timex3()} != {e['value']}"
            if "type" in e:
                assert t.type.value == e["type"], rule.id
            if "anchor" in e:
                assert t.anchor.value == e["anchor"], rule.id
            if "anchor_name" in e:
                assert t.anchor_name == e["anchor_name"], rule.id
        if not rule.reject:
            assert from_rule, (
                f"{rule.id}: example {text!r} is found by another rule: {[t.rule for t in found]}"
            )


def test_examples_resolve_the_same_later() -> None:
    """tag(text, d) equals tag(text) followed by resolve(..., d) for every example."""
    for rule in RULES:
        for ex in rule.examples:
            published = ex.get("published")
            if published is None:
                continue
            direct = temporal.tag(ex["text"], published, anchors=ex.get("anchors"))
            later = temporal.tag(ex["text"], anchors=ex.get("anchors"))
            temporal.resolve(later, published, ex.get("anchors"), text=ex["text"])
            assert [(t.start, t.end, t.timex3()) for t in direct] == [
                (t.start, t.end, t.timex3()) for t in later
            ]


def test_a_malformed_rule_file_names_the_rule(tmp_path, monkeypatch) -> None:
    with pytest.raises(rules_mod.RuleError, match="unknown fragment"):
        expand("{no_such_fragment}", {}, "en/rules.yaml: rule 'x'")


def test_examples_are_real_dates() -> None:
    for rule in RULES:
        for ex in rule.examples:
            if "published" in ex:
                assert isinstance(ex["published"], dt.date), rule.id
