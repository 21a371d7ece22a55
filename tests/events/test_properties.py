"""Properties of sentence splitting and cleaning on arbitrary text (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import clean_text, mask_junk, split_sentences

# Text made of news-like pieces, so that the rules actually fire, plus arbitrary characters.
PIECES = st.sampled_from([
    "Mr.", "U.S.", "a.m.", "Feb.", " ", "  ", "\n", ".", "!", "?", "”", "“", "\"", "(", ")", "[/caption]",
    "Reuters", "EPA", "AFP", "via REUTERS", "Photo by ", "Kommersant Photo/Anatoliy Zhdanov", "RUSSIA OUT.",
    "a man in a suit", "Kyiv", "on Tuesday", "said", "The", "A", "..", "•", "Read Full Article",
    "ARTICLE AD BOX", "We use your sign-up to provide content", "More info", "22", "March", "2022",
])  # fmt: skip
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_sentences_are_ordered_trimmed_and_cover_the_text(text):
    spans = split_sentences(text)
    last = 0
    covered = set()
    for start, end in spans:
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and "\n" not in piece
        covered.update(range(start, end))
        last = end
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_cleaning_is_tidy_idempotent_and_masking_keeps_offsets(text):
    cleaned = clean_text(text)
    assert "  " not in cleaned.replace("\n", "")
    assert all(line == line.strip() for line in cleaned.split("\n"))
    assert clean_text(cleaned) == cleaned
    masked = mask_junk(text)
    assert len(masked) == len(text)
    assert mask_junk(masked) == masked
    assert all(m == c or m == " " for m, c in zip(masked, text, strict=True))
