"""Where a text mentions a chronology event or anchor by one of its aliases, and text layout helpers.

Aliases are matched on words, ignoring case, quotes and punctuation, so "‘cut back’ operations
near" matches the alias "cut back operations near". An alias written "A ... B" matches when
both parts occur in the same sentence ("Prigozhin ... plane crash").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline.core.captions import caption_marks
from timeline.core.chronology import Chronology, KeyEvent
from timeline.core.datafile import DataFileError, Flag, Items, Number, Record, Text, line_of, read
from timeline.core.sentences import split_sentences

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Mention:
    event: KeyEvent
    alias: str
    start: int
    end: int
    sentence: int


class Layout:
    """Sentence and line boundaries of a text, for "in the same sentence" questions."""

    def __init__(self, text: str) -> None:
        self.text = text
        # the package's one splitter; a sentence runs on to the next one's start
        self.sentence_starts = [0] + [start for start, _ in split_sentences(text)[1:]]
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def sentence(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def sentence_span(self, index: int) -> tuple[int, int]:
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def line(self, offset: int) -> str:
        i = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return self.text[start:end]

    def line_matches(self, pattern: re.Pattern[str], offset: int) -> bool:
        """Whether ``pattern`` occurs in the line holding ``offset``, memoised per line: a text
        with thousands of dates on one long line must not search that line thousands of times."""
        key = (pattern.pattern, bisect.bisect_right(self.line_starts, offset) - 1)
        cache: dict[tuple[str, int], bool] = self.__dict__.setdefault("_line_matches", {})
        if key not in cache:
            cache[key] = bool(pattern.search(self.line(offset)))
        return cache[key]

    def in_caption(self, offset: int) -> bool:
        """True when the line holding ``offset`` looks like a photo caption or credit: one of the
        ``marks`` of ``core/captions.yaml`` is in it."""
        return self.line_matches(caption_marks(), offset)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    matches = list(_WORD.finditer(text))
    if not matches:
        return []
    # lower-cased all at once: joined by newlines, which no word holds and which end a word for
    # the context rules of lower() (a final capital sigma), so each word lower-cases as alone
    words = "\n".join([m.group() for m in matches]).lower().replace("’", "'").split("\n")
    return [(w, *m.span()) for w, m in zip(words, matches, strict=True)]


RULES = Path(__file__).with_name("mentions.yaml")
SCHEMA = Record(
    required={"window": Number(1, 5), "hypothetical_before": Items(Text(what="a word"), least=1)},
    optional={
        "clause_window": Number(1, 15),
        "hypothetical_in_clause": Items(Text(what="a word")),
        "examples": Items(Record(required={"text": Text(), "alias": Text(), "mention": Flag()})),
    },
)


class MentionRuleError(DataFileError):
    """``mentions.yaml`` is malformed; the message names the file and line."""


@dataclass(frozen=True)
class MentionRules:
    window: int
    hypothetical: frozenset[str]
    clause_window: int
    in_clause: frozenset[str]
    examples: tuple[tuple[str, str, bool, int], ...]  # text, alias, is a mention, line


@lru_cache(maxsize=2)
def load_mention_rules(path: str = str(RULES)) -> MentionRules:
    """The words that make an alias hypothetical ("a potential Russian invasion"), checked."""
    doc = read(path, SCHEMA, "the mention rules", MentionRuleError)
    examples = tuple(
        (ex["text"], ex["alias"], ex["mention"], line_of(ex)) for ex in doc.get("examples") or []
    )
    return MentionRules(
        doc["window"],
        frozenset(w.lower() for w in doc["hypothetical_before"]),
        doc.get("clause_window", 0),
        frozenset(w.lower() for w in doc.get("hypothetical_in_clause") or ()),
        examples,
    )


class EventMatcher:
    """Finds mentions of the chronology's key events (by alias) in texts."""

    def __init__(self, chronology: Chronology) -> None:
        rules = load_mention_rules()
        self.window, self.hypothetical = rules.window, rules.hypothetical
        self.clause_window, self.in_clause = rules.clause_window, rules.in_clause
        self.phrases: dict[tuple[str, ...], list[tuple[KeyEvent, str]]] = {}
        self.pairs: list[tuple[tuple[str, ...], tuple[str, ...], KeyEvent, str]] = []
        for event in chronology.events:
            for alias in event.aliases:
                parts = [tuple(w for w, _, _ in word_spans(p)) for p in alias.split("...")]
                parts = [p for p in parts if p]
                if len(parts) == 1:
                    self.phrases.setdefault(parts[0], []).append((event, alias))
                elif len(parts) == 2:
                    self.pairs.append((parts[0], parts[1], event, alias))
        self.max_len = max((len(k) for k in self.phrases), default=0)
        # first word -> the lengths of the phrases it starts, longest first: most words start
        # none, and are passed over with one lookup
        lengths: dict[str, set[int]] = {}
        for key in self.phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {w: sorted(ns, reverse=True) for w, ns in lengths.items()}
        self.pair_words = {part[0] for first, second, _, _ in self.pairs for part in (first, second)}

    def is_hypothetical(
        self, tokens: list[str], words: list[tuple[str, int, int]], i: int, layout: Layout
    ) -> bool:
        """Whether the words before token ``i`` make an alias starting there hypothetical: one of
        the near words just before it ("a potential Russian invasion"), or a word of anticipation
        earlier in its sentence ("Moscow denies any intention of invading Ukraine")."""
        if not self.hypothetical.isdisjoint(tokens[max(0, i - self.window) : i]):
            return True
        if not self.in_clause:
            return False
        first = layout.sentence_starts[layout.sentence(words[i][1])]
        return any(
            tokens[j] in self.in_clause and words[j][1] >= first
            for j in range(max(0, i - self.clause_window), i)
        )

    def find(self, text: str, layout: Layout | None = None) -> list[Mention]:
        layout = layout or Layout(text)
        words = word_spans(text)
        tokens = [w for w, _, _ in words]
        count = len(tokens)
        found: dict[tuple[str, int], Mention] = {}
        phrases, lengths = self.phrases, self.lengths
        for i in [i for i, token in enumerate(tokens) if token in lengths]:
            for n in lengths[tokens[i]]:
                if i + n > count:
                    continue
                matched = phrases.get(tuple(tokens[i : i + n]), ())
                if matched and self.is_hypothetical(tokens, words, i, layout):
                    break  # "a potential Russian invasion": not the event that happened
                for event, alias in matched:
                    start, end = words[i][1], words[i + n - 1][2]
                    key = (event.id, layout.sentence(start))
                    found.setdefault(key, Mention(event, alias, start, end, key[1]))
        positions: dict[str, list[int]] = {}
        pair_words = self.pair_words
        for i in [i for i, token in enumerate(tokens) if token in pair_words]:
            positions.setdefault(tokens[i], []).append(i)
        for first, second, event, alias in self.pairs:
            seconds = _find_seq(tokens, second, positions)
            second_starts = [words[j][1] for j in seconds]
            for i in _find_seq(tokens, first, positions):
                s = layout.sentence(words[i][1])
                if (event.id, s) in found:
                    continue
                lo, hi = layout.sentence_span(s)
                # the first occurrence of the second part that starts in the same sentence
                k = bisect.bisect_left(second_starts, lo)
                if k < len(seconds) and second_starts[k] < hi:
                    j = seconds[k]
                    a, b = sorted((i, j))
                    end_word = b + (len(second) if b == j else len(first)) - 1
                    found[(event.id, s)] = Mention(event, alias, words[a][1], words[end_word][2], s)
        return sorted(found.values(), key=lambda m: (m.start, m.event.id))


def _find_seq(tokens: list[str], seq: tuple[str, ...], positions: dict[str, list[int]]) -> list[int]:
    n = len(seq)
    return [i for i in positions.get(seq[0], ()) if tuple(tokens[i : i + n]) == seq]
