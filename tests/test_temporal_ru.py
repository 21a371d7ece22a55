"""The ru rules: every rule's executable examples hold, and the tagger path takes the language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from timeline import temporal
from timeline.temporal import rules as rules_mod

from .rule_examples import check_rule

RULES = rules_mod.load("ru").rules


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule: rules_mod.Rule) -> None:
    check_rule(rule, "ru")


def test_the_language_is_a_rules_folder() -> None:
    assert "ru" in rules_mod.languages()
    assert all(r.source.startswith("ru/") for r in RULES)


GOLD = Path(__file__).parent / "data" / "gold_ru.yaml"
ANCHORS = {"the war": dt.date(2022, 2, 24), "the full-scale invasion": dt.date(2022, 2, 24)}


def score_gold(path: Path, language: str) -> tuple[int, int, list[str]]:
    """(expressions, found with their extent and value, the misses) of a self-made gold file."""
    data = yaml.safe_load(path.read_text("utf-8"))
    total = right = 0
    misses = []
    for s in data["sentences"]:
        published = s.get("published", data["published"])
        found = {
            t.text: t.timex3() for t in temporal.tag(s["text"], published, anchors=ANCHORS, language=language)
        }
        for e in s["expect"]:
            total += 1
            if found.get(e["text"]) == e["value"]:
                right += 1
            else:
                misses.append(f"{e['text']!r}: {found.get(e['text'])} != {e['value']} in {s['text']!r}")
    return total, right, misses


def test_self_made_gold_value_accuracy() -> None:
    total, right, misses = score_gold(GOLD, "ru")
    assert total >= 150
    assert right / total >= 0.90, "\n".join(misses)
