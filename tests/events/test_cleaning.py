"""Cleaning: the data files' examples, and scraped caption lines (sentences: tests/content)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import clean_text, is_caption, junk_spans, mask_junk
from timeline.events.cleaning import _apply, load_cleaning_rules, required_literals
from timeline.events.extract import reports_something
from timeline.events.words import words

RULE_EXAMPLES = [(rule.id, src, out) for rule in load_cleaning_rules() for src, out in rule.examples]


def test_every_cleaning_rule_has_an_example():
    assert all(rule.examples for rule in load_cleaning_rules())


@pytest.mark.parametrize(
    ("rule_id", "src", "expected"), RULE_EXAMPLES, ids=[f"{r}:{s[:30]}" for r, s, _ in RULE_EXAMPLES]
)
def test_cleaning_rule_examples(rule_id, src, expected):
    assert clean_text(src) == expected


def test_clean_text_removes_boilerplate_lines_and_keeps_story():
    text = (
        "Kyiv was shelled overnight.\n"
        "ARTICLE AD BOX\n"
        "3 months ago 3\n"
        "Officials counted the damage on Monday.\n"
        "Source: Read Full Article"
    )
    assert clean_text(text) == "Kyiv was shelled overnight.\n\nOfficials counted the damage on Monday."


def test_scraped_caption_line_cleans_to_its_words():
    line = (
        "Drone operators assemble a drone near the border, on August 11, 2024. Russia on August 11, 2024 "
        "acknowledged Ukrainian troops had pierced deep into the Kursk border region. (Photo by Roman "
        "PILIPEY / AFP) (Photo by ROMAN PILIPEY/AFP via Getty Images)Drone operators are a key cog in the "
        "battlePhoto by ROMAN PILIPEY/AFP via Getty Images"
    )
    assert is_caption(line)
    assert clean_text(line) == (
        "Drone operators assemble a drone near the border, on August 11, 2024. Russia on August 11, 2024 "
        "acknowledged Ukrainian troops had pierced deep into the Kursk border region. Drone operators are "
        "a key cog in the battle"
    )


def test_ordinary_prose_is_not_a_caption_and_is_unchanged():
    line = "Reuters reported that AFP and AP photographers saw the convoy near Kyiv on Tuesday, March 22."
    assert not is_caption(line)
    assert clean_text(line) == line


def test_mask_junk_keeps_length_and_offsets():
    text = "Tanks rolled into Russia[/caption] on Tuesday.\nA worried Vlad is redirecting troopsEPA"
    masked = mask_junk(text)
    assert len(masked) == len(text)
    assert masked.index("on Tuesday") == text.index("on Tuesday")
    assert "[/caption]" not in masked and "EPA" not in masked
    assert [rule for _, _, rule in junk_spans(text)] == ["caption-markup", "glued-agency"]


@pytest.mark.parametrize("sentence", words().raw["caption_examples"]["reportable"])
def test_reportable_captions(sentence):
    assert reports_something(sentence)


@pytest.mark.parametrize("sentence", words().raw["caption_examples"]["not_reportable"])
def test_descriptive_captions(sentence):
    assert not reports_something(sentence)


# ---- the literal prefilter: skipping a rule must never change what it finds -------------------------

_PIECES = [
    "[caption id=1]", "[/caption]", "(Photo by Ann Lee)", "Photo: by Ann Lee", "Photo/Reuters via REUTERS",
    "AFP OUT.", "NO SALES.", "MANDATORY  CREDIT", " via Getty Images", "Reuters", "AP", "a man walks",
    "an area", "Sign up to our daily newsletter.", "Read Full Article", " [VIDEO]", "• ", "..", "Mr.",
    " .", "  ", "\t", "\u00a0", "\n", "\r\n", "\u2028", "Kyiv", "The", "ARTICLE AD BOX", "Images", "x",
]  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ("abc", ("abc",)),
        ("a|b", ("a", "b")),
        ("(?i)abc", None),
        ("a(?i:b)c", ("a",)),
        ("x*", None),
        ("(?:abc){0,2}d", ("d",)),
        ("(?:abc){1,2}", ("abc",)),
        (r"[^a]x", ("x",)),
        (r"\d+foo", ("foo",)),
        ("[•·]", ("·", "•")),
        ("a|", None),
    ],
)
def test_required_literals(pattern, needs):
    assert required_literals(pattern) == needs


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_prefilter_skips_only_rules_that_cannot_match(text):
    for rule in load_cleaning_rules():
        plain = [(m.start(), m.end()) for m in rule.pattern.finditer(text)]
        assert [(m.start(), m.end()) for m in rule.finditer(text)] == plain, rule.id
        if plain and rule.needs is not None:
            assert any(s in text for s in rule.needs), rule.id


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
@settings(max_examples=300, deadline=None)
def test_clean_text_tidies_like_the_line_by_line_definition(text):
    """Spaces are tidied on the whole text at once; the result is as if each line were tidied alone."""
    import re

    spaces = re.compile(r"[ \t\u00a0\u2009\u200b]+")
    before_punct = re.compile(r"\s+([.,;:!?])(?=\s|$)")
    expected = text
    for _ in range(4):
        lines: list[str] = []
        for line in _apply(expected).split("\n"):
            line = before_punct.sub(r"\1", spaces.sub(" ", line)).strip()
            if line or (lines and lines[-1]):
                lines.append(line)
        cleaned = "\n".join(lines).strip("\n")
        if cleaned == expected:
            break
        expected = cleaned
    assert clean_text(text) == expected
