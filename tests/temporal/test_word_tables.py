"""Word tables compile to character tries (fast in Python's engine) that prefer the same word as
the flat alternation sorted by length did: the longest table word that lets the rest of the
pattern match. Case-sensitive words that prefix another word keep the flat alternation."""

from __future__ import annotations

import re

import pytest

from timeline.temporal.rules.patterns import _flat_alternation, explicit_case, table_regex

# Russian ordinals in several case forms, some prefixes of others
ORDINALS = ["тридцать", "тридцатый", "тридцатого", "тридцатому", "третий", "третьего", "три"]


def _compiled(body: str, after: str = "") -> re.Pattern[str]:
    return re.compile(explicit_case(f"(?P<w>{body}){after}"))


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("тридцатого дня", ""),  # the longest form, not "тридцат..." cut short
        ("Тридцатому дню", " дню"),  # capitalised, and the rest of the pattern must follow
        ("три дня", " дня"),
        ("третьего числа", " числа"),
        ("тридцать дней", r"\s\w+"),
    ],
)
def test_the_trie_picks_what_the_flat_alternation_picked(text: str, after: str) -> None:
    trie = _compiled(table_regex(ORDINALS, set()), after).match(text)
    flat = _compiled(_flat_alternation(ORDINALS, set()), after).match(text)
    assert trie is not None and flat is not None
    assert trie.group("w") == flat.group("w")
    assert trie.group("w").lower() in ORDINALS


def test_backtracks_to_a_shorter_word_when_the_rest_needs_it() -> None:
    # "тридцатого" is the longest word here, but only "три" lets "дцатого!" follow
    rx = _compiled(table_regex(ORDINALS, set()), "дцатого!")
    m = rx.match("тридцатого!")
    assert m is not None and m.group("w") == "три"


def test_a_trie_is_used_and_a_case_sensitive_prefix_keeps_the_flat_form() -> None:
    # shared prefixes written once (four times in the flat form)
    assert table_regex(ORDINALS, set()).count("дцат") == 1
    assert _flat_alternation(ORDINALS, set()).count("дцат") == 4
    # "Мая" (case-sensitive) is a prefix of "маяк"-like words: the flat form keeps the order
    words = ["мая", "маяк"]
    assert table_regex(words, {"мая"}) == _flat_alternation(words, {"мая"})
    cs = _compiled(table_regex(words, {"мая"}))
    assert cs.fullmatch("Мая") and cs.fullmatch("маяк") and not cs.fullmatch("мая")


def test_spaces_in_table_words_match_any_horizontal_space() -> None:
    rx = _compiled(table_regex(["в этом году", "в этом"], set()))
    m = rx.match("в  этом\tгоду")
    assert m is not None and m.group("w") == "в  этом\tгоду"
    assert rx.match("в этом\nгоду").group("w") == "в этом"  # type: ignore[union-attr]
