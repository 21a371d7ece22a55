"""An article's fingerprint: the news it reports, as the terms :mod:`.corpus` weighs and indexes.

Its words that are not common in news, pairs of such words ("kerch bridge"), and four-word
phrases (quotes and wire copy are repeated word for word); words in the title and the opening
count three times, since that is where an article's own news is. It is computed with the
article's extraction, so it is cached and runs in parallel. The sentences that date a happening
from the day of writing come along (:mod:`.happenings`).
"""

from __future__ import annotations

import itertools
import re
from array import array
from functools import lru_cache

from timeline.core.sentences import split_sentences

from .happenings import Relative, relative_sentences
from .happenings import term_hash as _hash
from .news_tables import load_words

# A fingerprint: sorted term hashes (CRC-32 of the term: the same in every process, unlike hash())
# and their weights, as compact arrays (tens of thousands stay in memory during a build), and the
# sentences that date a happening relative to the day of writing (:mod:`.happenings`).
NewsTerms = tuple[array, array, tuple[Relative, ...]]  # type: ignore[type-arg]

LEAD_SENTENCES = 3  # the title and the first sentences: the article's own news
LEAD_WEIGHT = 3.0
PHRASE_WORDS = 4  # word-for-word phrases of this length (quotes, wire copy)
_TOKEN = re.compile(r"\d[\d,.]*\d|[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], dict[str, str]]:
    words = load_words()
    return frozenset(words.news) | words.common, words.spellings


def news_terms(text: str) -> NewsTerms:
    """The fingerprint of one article's text (see the module): term hashes and weights."""
    common, spellings = _vocabulary()
    counts: dict[int, float] = {}
    parts = [text[start:end] for start, end in split_sentences(text, every_stop=True)]
    sentences: list[list[str | None]] = []
    for index, sentence in enumerate(parts):
        weight = LEAD_WEIGHT if index < LEAD_SENTENCES else 1.0
        words = []
        for raw in _TOKEN.findall(sentence):
            word = raw.lower().replace("’", "'")
            if word.endswith("'s") and len(word) > 2:
                word = word[:-2]
            words.append(spellings.get(word, word))
        kept = [w if w not in common and not (w.isdigit() and len(w) < 2) else None for w in words]
        sentences.append(kept)
        for w in kept:
            if w:
                k = _hash(w)
                counts[k] = counts.get(k, 0.0) + weight
        for a, b in itertools.pairwise(kept):
            if a and b:
                k = _hash(f"{a} {b}")
                counts[k] = counts.get(k, 0.0) + weight
        for i in range(len(words) - PHRASE_WORDS + 1):
            if any(kept[i : i + PHRASE_WORDS]):
                k = _hash("#" + " ".join(words[i : i + PHRASE_WORDS]))
                counts[k] = counts.get(k, 0.0) + weight
    keys = sorted(counts)
    relative = tuple(relative_sentences(sentences, parts))
    return array("I", keys), array("f", [counts[k] for k in keys]), relative
