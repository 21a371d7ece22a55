"""Whether the words around a date speak of the past or the future, per language.

Two questions use the future words. The tagger asks whether a date without a year is upcoming
("will meet on Tuesday", "talks next month, on March 5"): it also looks after the date, and takes
words that only point ahead to a date ("next", "until", "postponed"). The anchoring asks whether a
sentence speaks of the future before a date (``anchoring.cues``): only :data:`FUTURE_WORDS`, as
whole words between spaces. The words are data: ``rules/<lang>/tense.yaml``, whose examples the
tests run; a language whose verb may follow the date ("У п'ятницю Росія атакувала Київ") says so
with ``verb_anywhere``, and its past verb then counts anywhere in the date's clause.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from timeline.core.datafile import Flag, Items, Record, Regex, Text
from timeline.core.sentences import split_sentences

from .rules import TAGGED_EXAMPLES, read_words

_WORDS = Items(Text(what="a word or a regex piece"))
SCHEMA = Record(
    required={
        "future_words": _WORDS,
        "looking_ahead": _WORDS,
        "strong_ahead": _WORDS,
        "past_verb": Regex(),
        "past_words": _WORDS,
        "verb_anywhere": Flag(),
        "examples": TAGGED_EXAMPLES,
    },
    optional={"told": Regex(), "clause_words": _WORDS, "back_words": _WORDS, "past_in": Regex()},
)

_IN = re.compile(r"\bin\s+(?:the\s+)?$", re.I)  # a date after "in"
_NOT_TOLD = re.compile(r"\b(?:to|that|be)\b(?:\s+\w+)?", re.I)  # not told in the past: what follows
_REPORTED = re.compile(r"\b(?:said|says|say|told|tells|that)\b", re.I)  # what is reported follows
_OPENING = re.compile(r"\s*(?:\w+\s+){0,2}")  # at most two words before a date that opens its sentence


def _words(items: list[str]) -> str:
    return r"\b(?:" + "|".join(items) + r")\b"


@dataclass(frozen=True)
class Tense:
    """One language's tense cues (see the module)."""

    future_words: tuple[str, ...]
    future: re.Pattern[str]  # future words and words looking ahead
    strong: re.Pattern[str]  # words that point ahead even in a sentence told in the past
    only_ahead: re.Pattern[str]  # of those, the ones that are no verb ("as soon as")
    looked_back: re.Pattern[str]  # a past verb anywhere in the sentence
    past: re.Pattern[str]  # "the year ended Jan. 31"
    told: re.Pattern[str]  # a past verb just before a weekday, or anywhere in its clause
    verb_anywhere: bool
    clause: re.Pattern[str] | None  # a word opening a new clause ("що", "что")
    back: re.Pattern[str] | None  # a word just before a date that puts it in the past ("since")
    past_in: re.Pattern[str] | None  # a past verb that tells of a date after "in"
    examples: list[dict[str, Any]]

    def past_context(self, text: str, start: int, end: int) -> bool:
        """Whether the clause of [start, end) is in the past tense ("the year ended Jan. 31")."""
        if self.verb_anywhere:
            return self.told_before(text, start, end)
        before = text[max(0, start - 60) : start]
        cut = max(before.rfind("."), before.rfind("\n"), before.rfind(","))
        clause = before[cut + 1 :]
        if self.past.search(clause):
            return True
        if self.past_in is None:
            return False
        after_in = _IN.search(clause)
        # "Since KKR bought RJR in February"; not "expects to release ... in", "would be paid on a
        # date in January"
        if after_in and self.past_in.search(_NOT_TOLD.split(clause[: after_in.start()])[-1]):
            return True
        # a date that opens its sentence is told by the verb after it ("In January, American
        # Medical brought in a new chief executive"), not by what is reported ("On Tuesday, Kirby
        # said the troops left")
        opening, after = self._sentence(text, start, end, 60, 140)
        after = self.future.split(_REPORTED.split(after)[0])[0]  # "... brought in X, who will remain"
        return bool(_OPENING.fullmatch(opening) and self.past_in.search(after))

    def looks_back(self, text: str, start: int) -> bool:
        """Whether the word just before [start) puts the date in the past whatever the sentence
        says ("has been on patrol since March and was scheduled to return")."""
        return self.back is not None and bool(self.back.search(text[max(0, start - 20) : start]))

    def future_context(self, text: str, start: int, end: int) -> bool:
        """Whether the sentence around [start, end) reads as future ("will meet on Tuesday")."""
        sentence = " ".join(self._sentence(text, start, end, 80))
        if not self.future.search(sentence):
            return False
        # words that only point ahead ("until", "next") in a sentence told in the past ("had not
        # called until Thursday", "resisted until May 11") do not
        return bool(self.strong.search(sentence)) or not self.looked_back.search(
            self.future.sub(" ", sentence)
        )

    def strong_future(self, text: str, start: int, end: int) -> bool:
        """Whether the sentence of [start, end) has a word that points ahead even in the past
        ("will", "is expected to"), not only "until" or "next"."""
        return bool(self.strong.search(" ".join(self._sentence(text, start, end, 80))))

    def ahead_before(self, text: str, start: int) -> bool:
        """Whether a word that points ahead even in the past comes before [start) in its sentence
        ("as soon as trading opened Monday")."""
        # only the words that point ahead, not a future verb of a quote before "Mr. Gerstner said Friday"
        return bool(self.only_ahead.search(self._sentence(text, start, start, 80)[0]))

    def told_before(self, text: str, start: int, end: int) -> bool:
        """Whether a verb in the past tense tells of the date: just before it ("New Zealand said
        Friday") or, with ``verb_anywhere``, anywhere in its clause ("У п'ятницю Росія атакувала")."""
        if not self.verb_anywhere:
            return bool(self.told.search(text[max(0, start - 30) : start]))
        before, after = self._sentence(text, start, end, 60, 60)
        if self.clause is not None:  # "заявив, що в четвер ...": the verb of another clause
            cuts = list(self.clause.finditer(before))
            if cuts:
                before = before[cuts[-1].end() :]
            m = self.clause.search(after)
            if m:
                after = after[: m.start()]
        return bool(self.told.search(before) or self.told.search(after))

    @staticmethod
    def _sentence(text: str, start: int, end: int, width: int, ahead: int = 0) -> tuple[str, str]:
        """The words of the sentence before [start) (up to ``width``) and after [end) (up to
        ``ahead``, else half the width)."""
        lo = max(0, start - width)
        hi = min(len(text), end + (ahead or width // 2))
        sentences = split_sentences(text, lo, hi, tense_cut=True)
        first = max((s for s, _ in sentences if s <= start), default=lo)
        last = next((e for s, e in sentences if s <= end <= e), end)
        return text[first:start], text[end:last]


@functools.cache
def tense(language: str = "en") -> Tense:
    """The tense cues of ``language`` (a language without the file: the English ones)."""
    data = read_words(language, "tense.yaml", SCHEMA)
    future, ahead, strong = data["future_words"], data["looking_ahead"], data["strong_ahead"]
    clause = data.get("clause_words")
    back = data.get("back_words")
    past_in = data.get("past_in")
    told = data.get("told", data["past_verb"])
    return Tense(
        future_words=tuple(future),
        future=re.compile(_words(future + ahead), re.I),
        strong=re.compile(_words(future + strong), re.I),
        only_ahead=re.compile(_words(strong), re.I),
        looked_back=re.compile(_words([data["past_verb"]]), re.I),
        past=re.compile(_words(data["past_words"]), re.I),
        told=re.compile(_words([told]) if data["verb_anywhere"] else r"\b(?:" + told + r")\s*$", re.I),
        verb_anywhere=bool(data["verb_anywhere"]),
        clause=re.compile(_words(clause), re.I) if clause else None,
        past_in=re.compile(_words([past_in]), re.I) if past_in else None,
        back=re.compile(_words(back) + r"\s+$", re.I) if back else None,
        examples=list(data["examples"]),
    )


# the English future words, which the anchoring reads as whole words between spaces
FUTURE_WORDS = tense("en").future_words
