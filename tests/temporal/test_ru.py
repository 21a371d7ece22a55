"""The ru rules: every rule's executable examples hold, and the tagger path takes the language."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.temporal import rules as rules_mod

from ..rule_examples import check_rule, score_gold

RULES = rules_mod.load("ru").rules


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule: rules_mod.Rule) -> None:
    check_rule(rule, "ru")


def test_the_language_is_a_rules_folder() -> None:
    assert "ru" in rules_mod.languages()
    assert all(r.source.startswith("ru/") for r in RULES)


GOLD = Path(__file__).parents[1] / "data" / "gold_ru.yaml"


def test_self_made_gold_value_accuracy() -> None:
    total, right, misses = score_gold(GOLD, "ru")
    assert total >= 150
    assert right / total >= 0.90, "\n".join(misses)
