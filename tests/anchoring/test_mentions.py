"""Event mentions are found by first word (and pairs by bisection); the result must equal the
plain scan that tries every phrase length at every word, kept here as the reference."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.anchoring.mentions import EventMatcher, Layout, Mention, _find_seq, word_spans
from timeline.core.chronology import load_chronology

from ..conftest import ROOT

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
MATCHER = EventMatcher(CHRON)


def reference_find(matcher: EventMatcher, text: str) -> list[Mention]:
    layout = Layout(text)
    words = word_spans(text)
    tokens = [w for w, _, _ in words]
    found: dict[tuple[str, int], Mention] = {}
    for i in range(len(words)):
        if matcher.is_hypothetical(tokens, words, i, layout):
            continue  # "a potential Russian invasion" (timeline/anchoring/mentions.yaml)
        for n in range(min(matcher.max_len, len(words) - i), 0, -1):
            for event, alias in matcher.phrases.get(tuple(tokens[i : i + n]), ()):
                start, end = words[i][1], words[i + n - 1][2]
                key = (event.id, layout.sentence(start))
                found.setdefault(key, Mention(event, alias, start, end, key[1]))
    positions: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        positions.setdefault(token, []).append(i)
    for first, second, event, alias in matcher.pairs:
        for i in _find_seq(tokens, first, positions):
            s = layout.sentence(words[i][1])
            lo, hi = layout.sentence_span(s)
            for j in _find_seq(tokens, second, positions):
                if lo <= words[j][1] < hi and (event.id, s) not in found:
                    a, b = sorted((i, j))
                    end_word = b + (len(second) if b == j else len(first)) - 1
                    found[(event.id, s)] = Mention(event, alias, words[a][1], words[end_word][2], s)
    return sorted(found.values(), key=lambda m: (m.start, m.event.id))


ALIASES = sorted({alias for event in CHRON.events for alias in event.aliases})
PAIR_PARTS = sorted({p.strip() for a in ALIASES if "..." in a for p in a.split("...")})
assert PAIR_PARTS, "the chronology has no 'A ... B' aliases any more: pick another test chronology"
FILLER = ["said", "the", "The", ".", ". ", "\n", ",", "'", "’s", "in", "of", "Russia", "Ukraine", "war"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(ALIASES)
        | st.sampled_from(PAIR_PARTS)
        | st.sampled_from(FILLER)
        | st.text(max_size=6),
        max_size=30,
    ),
    st.booleans(),
)
def test_find_equals_the_plain_scan(parts: list[str], upper: bool) -> None:
    text = " ".join(p.upper() if upper else p for p in parts)
    assert MATCHER.find(text) == reference_find(MATCHER, text)


def test_find_equals_the_plain_scan_on_the_sample_articles() -> None:
    for path in sorted((ROOT / "content" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = MATCHER.find(text)
        assert found == reference_find(MATCHER, text)
    assert found  # the samples do mention events


def test_pair_alias_in_one_sentence_only() -> None:
    [alias] = [a for a in ALIASES if "..." in a][:1]
    first, second = (p.strip() for p in alias.split("..."))
    same = f"{first} was seen again, and then came the {second}."
    apart = f"{first} was seen again. Then came the {second}."
    assert any(m.alias == alias for m in MATCHER.find(same))
    assert not any(m.alias == alias for m in MATCHER.find(apart))
