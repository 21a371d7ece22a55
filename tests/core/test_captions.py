"""Photo captions in one place (timeline/core/captions.yaml): every example of its `marks` and
`sentences` runs here (the `credits` clean their examples in tests/events/test_cleaning.py), and
each stage asks its own list: the anchoring a line's marks, the events the credits they remove."""

from __future__ import annotations

import pytest

from timeline.anchoring.mentions import Layout
from timeline.core.captions import caption_marks, caption_sentence, caption_sentence_rules, mark_rules
from timeline.events import clean_text, is_caption
from timeline.events.cleaning import load_cleaning_rules

MARKS = mark_rules()
SENTENCES = caption_sentence_rules()


@pytest.mark.parametrize("rule", MARKS, ids=lambda r: r.id)
def test_mark_examples(rule):
    for line in rule.caption:
        assert rule.pattern.search(line) and caption_marks().search(line), line
    for line in rule.not_caption:
        assert not rule.pattern.search(line), line


@pytest.mark.parametrize("rule", SENTENCES, ids=lambda r: r.id)
def test_caption_sentence_examples(rule):
    for sentence in rule.caption:
        assert rule.pattern.search(sentence) and caption_sentence(sentence), sentence
    for sentence in rule.not_caption:
        assert not rule.pattern.search(sentence), sentence


def test_a_date_on_a_marked_line_is_on_a_caption_line():
    text = (
        "Officials said on Tuesday, March 22, that the talks would resume.\n"
        "Residents queue for water in the square on March 21. EPA\n"
        "The mayor said the water supply was restored on Wednesday."
    )
    layout = Layout(text)
    assert [layout.in_caption(text.index(day)) for day in ("Tuesday", "March 21", "Wednesday")] == [
        False,
        True,
        False,
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Residents queue for water in the square on March 21. EPA",
        "The foreign minister, pictured on Friday, arrives for the talks.",
        "The bridge after the strike on Sunday. Picture: Jane Doe",
    ],
)
def test_a_mark_is_not_removed_from_the_text_shown(line):
    # marks only tell the date clues that a line is a caption: the events keep its words, and only a
    # credit (removed by the cleaning) makes it a caption line for them
    assert caption_marks().search(line)
    assert clean_text(line) == line
    assert not is_caption(line)


def test_every_credit_makes_a_caption_line_for_the_events():
    credits = [r for r in load_cleaning_rules() if r.caption]
    assert [r.id for r in credits][:2] == ["caption-markup", "photo-by-parenthesis"]  # run first
    for rule in credits:
        for source, cleaned in rule.examples:
            assert is_caption(source) == (source != cleaned), (rule.id, source)
