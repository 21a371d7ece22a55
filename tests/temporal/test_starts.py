"""The start table (rules/starts.py) finds what the one regex of all rules (assemble.py) finds:
same spans, same rules, in every language, on real-looking text, around triggers and everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import rules
from timeline.temporal.rules.ruleset import RuleSet
from timeline.temporal.rules.starts import ANY, OTHER, match_starts
from timeline.temporal.scanner import windows

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "articles").glob("*.txt"))]


def _one_regex(rs: RuleSet, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), rs.index_to_rule[m.lastindex or 0][1].id)
        for m in rs.scanner.finditer(text, start, end)
    ]


def _table(rs: RuleSet, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(s, e, rule.id) for s, e, rule in rs.starts.scan(text, start, end)]


def _agree(rs: RuleSet, text: str) -> int:
    spans = [(0, len(text)), *windows(text, rs.trigger)]
    found = 0
    for s, e in spans:
        expected = _one_regex(rs, text, s, e)
        assert _table(rs, text, s, e) == expected, (text[s:e], expected)
        found += len(expected)
    return found


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_every_rule_example_is_scanned_as_the_one_regex_scans_it(language: str) -> None:
    rs = rules.load(language)
    texts = [ex["text"] for rule in rs.rules for ex in rule.examples]
    assert len(texts) > 50
    assert sum(_agree(rs, text) for text in texts) > len(texts) // 2  # they are full of dates


def test_the_bundled_articles_are_scanned_as_the_one_regex_scans_them() -> None:
    rs = rules.load("en")
    assert sum(_agree(rs, text) for text in ARTICLES) > 50


WORDS = [
    "the", "The", "war", "since", "began", "March", "May", "22", "2022", "1990s", "Tuesday", "last",
    "next", "week", "days", "a", "an", "year", "ago", "five", "thirty", "into", "in", "on", "early",
    "mid-March", "today", "4:30", "a.m.", "p.m.", "quarter", "-", ",", ".", "\n", "3rd", "22nd",
    "400,000", "24/02/2022", "20.11.2022", "BC", "1915-17", "later", "earlier", "per", "second",
    "березня", "2022", "року", "минулого", "тижня", "марта", "вчера", "понеділок", "Київ",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join), st.sampled_from(["en", "uk", "ru"]))
def test_any_text_is_scanned_as_the_one_regex_scans_it(text: str, language: str) -> None:
    _agree(rules.load(language), text)


def test_match_starts_reads_the_first_characters_and_widens_what_it_cannot_read() -> None:
    assert match_starts("[tT][oO][dD][aA][yY]") == {"tod"}
    assert match_starts("(?:[aA]|[tT][hH][eE])(?:[^\\S\\n]+)[wW]") == {"a\0w", "a\0\0", "the"}
    assert match_starts("\\d{1,2}") == {"0", "00", "\0", "\0\0", "0\0", "\0" + "0"}
    assert match_starts("[a-z]?") == {"", *"abcdefghijklmnopqrstuvwxyz"}  # may match nothing
    assert match_starts("\\w+") == {ANY, ANY * 2, ANY * 3}  # any character, one or more
    assert match_starts("(?<=\\bonce )[eE][aA]") == {"ea"}  # a look-behind decides nothing here
    assert match_starts("[^\\S\\n]x") == {OTHER + "x"}  # horizontal white space: OTHER
