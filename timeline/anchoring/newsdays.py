"""What was news on which day: dating an article by what it reports.

Half of real scraped articles carry no address and no full date, only "on Wednesday", a yearless
"March 10" and the news itself. A reader who followed the war dates them from the news: "Zelensky
spoke in Westminster Hall on Wednesday" can only be 8-9 February 2023. ``news/YYYY-MM.yaml`` holds
that memory: per day, what happened, and the words an article reporting it would contain (term
sets, all terms of one set in one sentence). A match says "written on that day or soon after",
as a clue, never as proof: the same words may recall old news, so the clue keeps most of its
weight within two days of the event but leaves room for any later day.

The tables, their words and their checks are read by :mod:`.news_tables`; this module finds the
news an article reports (:class:`NewsMatcher`) and turns it into clues (:func:`news_cues`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from timeline.temporal.specs import ChronologyRef, DayOfMonth, Deictic, Shift, WeekdayRef, YearlessDate
from timeline.temporal.values import AnchorKind, DateValue, Timex, TimexType

from .cues import Cue, CueKind, fmt
from .mentions import Layout, word_spans
from .model import Evidence
from .news_tables import DEFAULT_DIR, NewsDay, Term, Words, normalize

# the tables' names that other modules and tests have read from here since before the split
from .news_tables import NEWS_COMMON as NEWS_COMMON
from .news_tables import WORDS as WORDS
from .news_tables import NewsDayError as NewsDayError
from .news_tables import _load as _load
from .news_tables import load_news_days as load_news_days
from .news_tables import load_words as load_words
from .news_tables import specific_sets as specific_sets

LEAD_SENTENCES = 3  # the title and the first sentences carry the article's own news
# Where the probability of a matching article's day goes (shares of one), for a match in the
# lead and further down: on the day or within two days after it (news is reported the same
# day or the next; features a day later), in the fortnight after that, before the day (a
# preview or a wrong match), and spread over every later day (old news recalled).
SOON_AFTER_DAYS = 2
FOLLOW_UP_DAYS = 14
SHARES = {True: (0.45, 0.2, 0.02), False: (0.05, 0.05, 0.02)}  # lead: (soon, follow-up, before)


@dataclass(frozen=True)
class NewsMatch:
    news: NewsDay
    start: int  # character span of the matched words in the text
    end: int
    sentence: int


# -- matching -----------------------------------------------------------------------------


class NewsMatcher:
    """Finds the news days a text reports (every term of one set in one sentence)."""

    def __init__(self, days: Sequence[NewsDay], words: Words) -> None:
        self.spellings = words.spellings
        # a set is tried only in sentences holding a trigger word: per alternative of its
        # specific term, its longest uncommon whole word (a rare word: few sentences have it)
        self.index: dict[str, list[tuple[NewsDay, tuple[Term, ...]]]] = {}
        self.always: list[tuple[NewsDay, tuple[Term, ...]]] = []
        for news, terms, key in specific_sets(days, words):
            triggers = {_trigger(seq, prefix, words) for seq, prefix in key}
            if None in triggers:
                self.always.append((news, terms))
                continue
            for word in triggers:
                if word is not None:
                    self.index.setdefault(word, []).append((news, terms))

    def find(self, text: str, layout: Layout | None = None) -> list[NewsMatch]:
        layout = layout or Layout(text)
        by_sentence: dict[int, list[tuple[str, int, int]]] = {}
        for w, s, e in word_spans(text):
            by_sentence.setdefault(layout.sentence(s), []).append((normalize(w, self.spellings), s, e))
        found: dict[str, NewsMatch] = {}
        index = self.index
        for sentence, tokens in sorted(by_sentence.items()):
            seq = [w for w, _, _ in tokens]
            present = set(seq)
            present.update([PREFIX_MARK + w[:PREFIX_KEY] for w in present if len(w) >= PREFIX_KEY])
            candidates = [hit for w in present if w in index for hit in index[w]] + self.always
            if not candidates:
                continue
            positions: dict[str, list[int]] = {}
            for i, w in enumerate(seq):
                positions.setdefault(w, []).append(i)
            for news, terms in candidates:
                spots = []
                for term in terms:
                    spot = _find_term(seq, positions, term)
                    if spot is None:
                        break
                    spots.append(spot)
                else:
                    lo, hi = min(a for a, _ in spots), max(b for _, b in spots)
                    match = NewsMatch(news, tokens[lo][1], tokens[hi][2], sentence)
                    # candidates come from a set, whose order varies with PYTHONHASHSEED: of a
                    # news day's matching term sets, the earliest span is quoted, whatever the order
                    old = found.get(news.key)
                    if old is None or (match.start, match.end) < (old.start, old.end):
                        found[news.key] = match
        return sorted(found.values(), key=lambda m: (m.start, m.news.first, m.news.key))


PREFIX_KEY = 4  # a single-prefix term ("mobili*") is looked up by its first four letters
PREFIX_MARK = "*"


def _trigger(seq: tuple[str, ...], prefix: bool, words: Words) -> str | None:
    """The word to look a term alternative up by: its longest whole word that is not common
    (else its longest whole word); for a single prefix ("mobili*") its first letters; None
    when even those are too few ("mo*")."""
    whole = list(seq[:-1]) if prefix else list(seq)
    if not whole:
        return PREFIX_MARK + seq[0][:PREFIX_KEY] if len(seq[0]) >= PREFIX_KEY else None
    rare = [w for w in whole if not words.is_common(w)]
    return max(rare or whole, key=len)


def _find_term(seq: list[str], positions: dict[str, list[int]], term: Term) -> tuple[int, int] | None:
    """First and last token index of the first place one of the term's alternatives occurs."""
    best: tuple[int, int] | None = None
    for words, prefix in term:
        n = len(words)
        starts = range(len(seq) - n + 1) if n == 1 and prefix else positions.get(words[0], ())
        for i in starts:
            if i + n > len(seq) or (n > 1 and tuple(seq[i + 1 : i + n - 1]) != words[1:-1]):
                continue
            last = seq[i + n - 1]
            if last == words[-1] or (prefix and last.startswith(words[-1])):
                if best is None or i < best[0]:
                    best = (i, i + n - 1)
                break
    return best


def recalls(tx: Timex) -> bool:
    """Whether a date in a sentence marks what it tells as past news: "in February", "on August
    25", "last year", "two months later". "On Wednesday", "yesterday" and "today" keep it fresh;
    lengths of time ("over 24 hours") and counts from the invasion say nothing either way."""
    spec = tx.spec
    if tx.type != TimexType.DATE or isinstance(spec, (WeekdayRef, ChronologyRef)):
        return False
    if isinstance(spec, Deictic):  # "last week", "earlier this month", "this year"
        return spec.offset < -1 if spec.unit in ("D", "W") else spec.offset <= 0
    if isinstance(spec, Shift):
        return spec.sign < 0
    if isinstance(spec, (YearlessDate, DayOfMonth)):
        return True
    return spec is None and tx.anchor == AnchorKind.NONE and isinstance(tx.value, DateValue)


def news_cues(
    matches: Iterable[NewsMatch],
    text: str,
    horizon: tuple[dt.date, dt.date],
    recalled: Set[int] = frozenset(),
) -> list[Cue]:
    """One clue per matched news day: "written on that day or soon after", with room for later.
    In a sentence of ``recalled`` (one that dates what it tells as past, see :func:`recalls`)
    the match is only a lower bound: the sentence's own date says when, through its own clue."""
    days = (horizon[1] - horizon[0]).days + 1
    cues = []
    for m in matches:
        news = m.news
        lead = m.sentence < LEAD_SENTENCES
        soon, follow, before = (0.0, 0.0, 0.02) if m.sentence in recalled else SHARES[lead]
        later = 1.0 - soon - follow - before
        soon_end = news.last + dt.timedelta(days=SOON_AFTER_DAYS)
        follow_end = soon_end + dt.timedelta(days=FOLLOW_UP_DAYS)
        when = fmt(news.first) if news.last == news.first else f"{fmt(news.first)} to {fmt(news.last)}"
        reason = f"reports news of {when} ({news.what.rstrip('.')}; {news.source}): " + (
            "the sentence dates it as past news, so the article is from after it"
            if m.sentence in recalled
            else f"the article was probably written then or within {SOON_AFTER_DAYS} days"
            + ("" if lead else " (the words are not in its opening, so they may recall older news)")
        )
        cue = Cue(
            CueKind.NEWS, Evidence(text[m.start : m.end], m.start, m.end, reason), group=f"news:{news.key}"
        )
        cue.default = later / days
        cue.ranges = [(dt.date.min, news.first - dt.timedelta(days=1), before / days)]
        if soon:
            cue.ranges += [
                (news.first, soon_end, soon / ((soon_end - news.first).days + 1)),
                (soon_end + dt.timedelta(days=1), follow_end, follow / FOLLOW_UP_DAYS),
            ]
        cues.append(cue)
    return cues


@lru_cache(maxsize=4)
def news_matcher(folder: str = str(DEFAULT_DIR)) -> NewsMatcher:
    return NewsMatcher(load_news_days(folder), load_words())
