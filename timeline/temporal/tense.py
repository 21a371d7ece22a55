"""Whether the words around a date speak of the past or the future, the one list of future words.

Two questions use the future words. The tagger asks whether a date without a year is upcoming
("will meet on Tuesday", "talks next month, on March 5"): it also looks after the date, and takes
words that only point ahead to a date (:data:`LOOKING_AHEAD`: "next", "until", "postponed").
The anchoring asks whether a sentence speaks of the future before a date (``anchoring.cues``):
only :data:`FUTURE_WORDS`, as whole words between spaces.
"""

from __future__ import annotations

import re

# Words that put what follows them in the future: "will", "is due to", "is scheduled for".
FUTURE_WORDS = (
    "will",
    "shall",
    "scheduled",
    "expected to",
    "due to",
    "set to",
    "is to",
    "are to",
    "plans to",
    "deadline",
    "upcoming",
)
# Words near a date that make it an upcoming one, besides the future words: "we'll", "going to",
# "until March 5", "postponed to", "heading into".
LOOKING_AHEAD = (
    "'ll",
    "going to",
    "plan to",
    "expected",
    "next",
    "until",
    "as soon as",
    "as early as",
    "to be held",
    "postponed",
    "heading",
    "headed",
)

_FUTURE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in FUTURE_WORDS + LOOKING_AHEAD) + r")\b", re.I)
# words that point ahead even in a sentence told in the past ("as soon as trading opened Monday")
STRONG_AHEAD = (*FUTURE_WORDS, "as soon as", "as early as", "to be held", "going to", "plan to")
_WILL = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in STRONG_AHEAD) + r")\b", re.I)
# a past-perfect or past auxiliary: "until Thursday, they had not called him" looks back
_LOOKED_BACK = re.compile(r"\b(?:had|hadn't|did|didn't|[a-z]{2,}[^e\W]ed)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?\n]")
_PAST = re.compile(r"\b(?:ended|was|were|had|did|began|started|closed|took place)\b", re.I)


def past_context(text: str, start: int) -> bool:
    """Whether the words just before [start) are in the past tense ("the year ended Jan. 31")."""
    before = text[max(0, start - 40) : start]
    cut = max(before.rfind("."), before.rfind("\n"), before.rfind(","))
    return bool(_PAST.search(before[cut + 1 :]))


def future_context(text: str, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) reads as future ("will meet on Tuesday")."""
    left = max(0, start - 80)
    before = text[left:start]
    cut = max(before.rfind("."), before.rfind("\n"), before.rfind("!"), before.rfind("?"))
    if cut >= 0:
        before = before[cut + 1 :]
    after = text[end : end + 40]
    m = _SENTENCE_END.search(after)
    if m:
        after = after[: m.start()]
    sentence = before + " " + after
    if not _FUTURE.search(sentence):
        return False
    # words that only point ahead ("until", "next") in a sentence told in the past ("had not
    # called until Thursday", "resisted until May 11") do not
    return bool(_WILL.search(sentence)) or not _LOOKED_BACK.search(_FUTURE.sub(" ", sentence))


# the word just before a weekday, when it tells of the past: "officials said Friday", "met on Monday"
_TOLD = re.compile(
    r"\b(?:said|told|met|was|were|had|did|went|came|took|gave|made|left|fell|began|held|[a-z]{2,}[^e\W]ed)"
    r"(?:\s+(?:on|late|early))?\s*$",
    re.I,
)


def told_before(text: str, start: int) -> bool:
    """Whether the words just before [start) are a verb in the past tense ("New Zealand said Friday")."""
    return bool(_TOLD.search(text[max(0, start - 30) : start]))
