"""Every YAML rule carries executable examples, and every example holds."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from timeline import temporal
from timeline.temporal import rules as rules_mod
from timeline.temporal import values

from ..rule_examples import check_rule

RULESET = rules_mod.load("en")
RULES = RULESET.rules


def test_every_rule_has_an_example() -> None:
    missing = [r.id for r in RULES if not r.examples]
    assert not missing, f"rules without examples: {missing}"


def test_every_rule_declares_its_anchor_and_type() -> None:
    for r in RULES:
        assert isinstance(r.anchor, values.AnchorKind), r.id
        if not r.reject:
            assert r.type is not None, r.id


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule: rules_mod.Rule) -> None:
    check_rule(rule, "en")


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


BROKEN_RULES = {
    # a fragment no file defines: the rule's own line and id
    "unknown fragment": (
        "  - id: test.broken\n    pattern: '{no_such_fragment} days'\n    type: DURATION\n"
        "    value: {kind: duration}\n    examples:\n      - text: 'It took 3 days.'\n",
        r"rules\.yaml:\d+: rule 'test\.broken': unknown fragment",
    ),
    # no type: once a KeyError traceback
    "missing type": (
        "  - id: test.untyped\n    pattern: 'fortnight'\n    value: {kind: duration}\n"
        "    examples:\n      - text: 'It took a fortnight.'\n",
        r"rules\.yaml:\d+: .*'type'",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_RULES))
def test_a_malformed_rule_file_names_the_rule(case, tmp_path, monkeypatch) -> None:
    """Through load(), as the tagger reads its rules, on a copy of the English rules with one bad
    rule appended."""
    rule, message = BROKEN_RULES[case]
    shutil.copytree(rules_mod.RULES_DIR / "en", tmp_path / "en")
    path = tmp_path / "en" / "rules.yaml"
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + rule, "utf-8")
    monkeypatch.setattr(rules_mod, "RULES_DIR", tmp_path)
    with pytest.raises(rules_mod.RuleError, match=message):
        rules_mod.load.__wrapped__("en")  # not the cached rule set of the real files


def test_examples_are_real_dates() -> None:
    for rule in RULES:
        for ex in rule.examples:
            if "published" in ex:
                assert isinstance(ex["published"], dt.date), rule.id
