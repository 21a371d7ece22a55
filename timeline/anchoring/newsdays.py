"""What was news on which day: dating an article by what it reports.

Half of real scraped articles carry no address and no full date, only "on Wednesday", a yearless
"March 10" and the news itself. A reader who followed the war dates them from the news: "Zelensky
spoke in Westminster Hall on Wednesday" can only be 8-9 February 2023. ``news/YYYY-MM.yaml`` holds
that memory: per day, what happened, and the words an article reporting it would contain (term
sets, all terms of one set in one sentence). A match says "written on that day or soon after",
as a clue, never as proof: the same words may recall old news, so the clue keeps most of its
weight within two days of the event but leaves room for any later day.

``news_words.yaml`` folds the transliterations of names (Zelenskyy, Kiev, Bakhmut/Artemovsk) so a
term is written once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from timeline.core.datafile import (
    Anything,
    DataFileError,
    Items,
    Record,
    Table,
    Text,
    check,
    read,
    read_with_text,
)
from timeline.temporal.specs import ChronologyRef, DayOfMonth, Deictic, Shift, WeekdayRef, YearlessDate
from timeline.temporal.values import AnchorKind, DateValue, Timex, TimexType

from .cues import Cue, CueKind, fmt
from .mentions import Layout, word_spans
from .model import Evidence

DEFAULT_DIR = Path(__file__).with_name("news")
WORDS = Path(__file__).with_name("news_words.yaml")
NEWS_COMMON = Path(__file__).with_name("news_common_words.txt")
_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.yaml$")
# the keys of an entry (their values are checked one by one in _entry, with their own messages)
_ENTRY = Record(
    optional={key: Anything() for key in ("day", "until", "what", "match", "source")},
    what="each entry is a mapping with day, what, match and source",
)
_WORDS = Record(
    required={"spellings": Table(values=Items(Text(what="a variant"), least=1))},
    optional={"common": Items(Text(what="a word"))},
)
MAX_TERMS = 6
# A term used for the news of this many different months is no clue to any one day.
RECURRING_MONTHS = 3
LEAD_SENTENCES = 3  # the title and the first sentences carry the article's own news
# Where the probability of a matching article's day goes (shares of one), for a match in the
# lead and further down: on the day or within two days after it (news is reported the same
# day or the next; features a day later), in the fortnight after that, before the day (a
# preview or a wrong match), and spread over every later day (old news recalled).
SOON_AFTER_DAYS = 2
FOLLOW_UP_DAYS = 14
SHARES = {True: (0.45, 0.2, 0.02), False: (0.05, 0.05, 0.02)}  # lead: (soon, follow-up, before)


class NewsDayError(DataFileError):
    """A news-day file is malformed; the message names the file and line and what to fix."""


# A term is one or more alternatives; an alternative is a word sequence whose last word may be a
# prefix ("missile*"): (words, last_is_prefix).
Alternative = tuple[tuple[str, ...], bool]
Term = tuple[Alternative, ...]


@dataclass(frozen=True)
class NewsDay:
    first: dt.date
    last: dt.date
    what: str
    source: str
    sets: tuple[tuple[Term, ...], ...]
    path: str
    line: int
    key: str = ""  # "2023-02.yaml:14": which entry, for grouping and messages

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"{Path(self.path).name}:{self.line}")


@dataclass(frozen=True)
class NewsMatch:
    news: NewsDay
    start: int  # character span of the matched words in the text
    end: int
    sentence: int


# -- loading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    spellings: dict[str, str]  # variant -> the form term sets use (lower case)
    common: frozenset[str]  # words of nearly every war story
    news: tuple[str, ...] = ()  # words common in any news (news_common_words.txt), sorted

    def is_common(self, word: str, prefix: bool = False) -> bool:
        """A word any news story may hold: no clue to one day's news. Numbers are common below
        11, when round (300, 000) or a year; "030" (of "1,030") and "81" are not."""
        if word.isdigit():
            value = int(word)
            return (value < 11 or value % 10 == 0 or 1900 <= value <= 2100) and not word.startswith("0")
        if word in self.common:
            return True
        i = bisect.bisect_left(self.news, word)
        return i < len(self.news) and (self.news[i] == word or (prefix and self.news[i].startswith(word)))


@lru_cache(maxsize=4)
def load_words(path: str = str(WORDS)) -> Words:
    """The spelling table and the common words (``news_words.yaml``)."""
    doc = read(path, _WORDS, "the word table", NewsDayError)
    table: dict[str, str] = {}
    for word, variants in doc["spellings"].items():
        for v in variants:
            table[v.lower()] = str(word).lower()
    common = doc.get("common", [])
    news_path = Path(path).with_name(NEWS_COMMON.name)
    try:
        lines = news_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NewsDayError(f"{news_path}: cannot read the common-word list ({exc.strerror})") from None
    news = tuple(sorted(w.strip() for w in lines if w.strip() and not w.startswith("#")))
    return Words(table, frozenset(w.lower() for w in common), news)


def normalize(word: str, spellings: dict[str, str]) -> str:
    """A lower-cased word as the term sets write it: no possessive, one spelling per name."""
    if word.endswith("'s") and len(word) > 2:
        word = word[:-2]
    return spellings.get(word, word)


def load_news_days(folder: Path | str = DEFAULT_DIR) -> tuple[NewsDay, ...]:
    """Read and check every ``YYYY-MM.yaml`` in ``folder``; :class:`NewsDayError` names file:line."""
    return _load(str(folder), str(WORDS))


@lru_cache(maxsize=4)
def _load(folder: str, words_path: str) -> tuple[NewsDay, ...]:
    words = load_words(words_path)
    out: list[NewsDay] = []
    for path in sorted(p for p in Path(folder).glob("*.y*ml") if p.suffix in (".yaml", ".yml")):
        month = _MONTH_FILE.match(path.name)
        if month is None:
            raise NewsDayError(f"{path}: news-day files are named YYYY-MM.yaml (the month they cover)")
        out.extend(_read_month(path, (int(month[1]), int(month[2])), words))
    return tuple(out)


def recurring_terms(days: Iterable[NewsDay]) -> frozenset[tuple[str, ...]]:
    """Terms used for the news of :data:`RECURRING_MONTHS` or more different months ("Bakhmut",
    "White House", "Congress"): they name what is news again and again, not one day's news."""
    months: dict[tuple[str, ...], set[tuple[int, int]]] = {}
    for news in days:
        for terms in news.sets:
            for term in terms:
                for seq, _ in term:
                    months.setdefault(seq, set()).add((news.first.year, news.first.month))
    return frozenset(seq for seq, seen in months.items() if len(seen) >= RECURRING_MONTHS)


def specific_sets(days: Sequence[NewsDay], words: Words) -> list[tuple[NewsDay, tuple[Term, ...], Term]]:
    """The term sets that can date an article, each with its first specific term. A term is
    specific when every alternative of it is used in fewer than :data:`RECURRING_MONTHS` months
    of the tables and holds a word that is not common in news. [Biden, Zelensky, White House]
    names many days; [Zelensky, Westminster Hall] names one."""
    recurring = recurring_terms(days)

    def specific(term: Term, alone: bool) -> bool:
        return all(
            seq not in recurring
            and not all(words.is_common(w, prefix and i == len(seq) - 1) for i, w in enumerate(seq))
            # a figure alone ("1,207", "$18 billion") turns up in any news: it needs company
            and not (alone and all(w.isdigit() or words.is_common(w) for w in seq))
            for seq, prefix in term
        )

    out = []
    for news in days:
        for terms in news.sets:
            key = next((t for t in terms if specific(t, len(terms) == 1)), None)
            if key is not None:
                out.append((news, terms, key))
    return out


def _read_month(path: Path, month: tuple[int, int], words: Words) -> Iterable[NewsDay]:
    name = str(path)
    text, doc = read_with_text(path, None, "the news-day file", NewsDayError)
    _check_numbers(name, text)
    if doc is None:
        return
    if not isinstance(doc, list):
        raise NewsDayError(f"{name}:1: expected a list of entries (- day: YYYY-MM-DD, what, match, source)")
    for entry in doc:
        yield _entry(name, entry, month, words)


_QUOTED = re.compile(r"\"[^\"]*\"|(?<=[\[,\s])'[^']*'")
_COMMA_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])")


def _check_numbers(path: str, text: str) -> None:
    """In a YAML list ``[Sobyanin, 45,000]`` the comma splits the number into two terms (45 and
    0), so the set would match nearly any sentence with the name: refuse it, with the line."""
    for n, line in enumerate(text.splitlines(), 1):
        if "[" not in line or line.lstrip().startswith("#"):
            continue
        bare = _QUOTED.sub('""', line.split(" #")[0])
        found = _COMMA_NUMBER.search(bare)
        if found:
            number = found.group()
            raise NewsDayError(
                f"{path}:{n}: {number!r} in a list is read as {number.count(',') + 1} terms; write "
                f"{number.replace(',', ' ')!r} (it matches {number!r} in articles) or quote it"
            )


def _entry(path: str, entry: Any, month: tuple[int, int], words: Words) -> NewsDay:
    line = getattr(entry, "line", 0)

    def fail(msg: str) -> NewsDayError:
        return NewsDayError(f"{path}:{line}: {msg}")

    check(entry, _ENTRY, path, NewsDayError)
    first = _date(entry.get("day"), fail, "day")
    last = _date(entry["until"], fail, "until") if "until" in entry else first
    if (first.year, first.month) != month:
        raise fail(f"day {first} does not belong in this file; move it to {first:%Y-%m}.yaml")
    if not first <= last <= first + dt.timedelta(days=31):
        raise fail(f"'until' ({last}) must be on or after 'day' ({first}) and within a month of it")
    what, source = entry.get("what"), entry.get("source")
    if not isinstance(what, str) or not what.strip():
        raise fail("'what' must say in a sentence what happened")
    if not isinstance(source, str) or not source.startswith(("http://", "https://")):
        raise fail("'source' must be the http(s) address where the fact was found")
    raw_sets = entry.get("match")
    if not isinstance(raw_sets, list) or not raw_sets:
        raise fail("'match' must be a list of term sets, e.g. [[Zelensky, Westminster Hall]]")
    sets = tuple(_term_set(raw, fail, words) for raw in raw_sets)
    return NewsDay(first, last, what.strip(), source, sets, path, line)


def _date(raw: Any, fail: Any, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise fail(f"'{field}' must be a date written YYYY-MM-DD, not {raw!r}") from None


def _term_set(raw: Any, fail: Any, words: Words) -> tuple[Term, ...]:
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_TERMS:
        raise fail(f"a term set is a list of 1 to {MAX_TERMS} terms, got {raw!r}")
    terms = []
    for term in raw:
        alternatives: list[Alternative] = []
        for alt in str(term).split("|"):
            prefix = alt.strip().endswith("*")
            seq = tuple(normalize(w, words.spellings) for w, _, _ in word_spans(alt))
            if not seq:
                raise fail(f"term {term!r} has an empty alternative")
            alternatives.append((seq, prefix))
        terms.append(tuple(alternatives))
    if all(all(set(w) <= words.common for w, _ in term) for term in terms):
        raise fail(f"the set {raw!r} holds only words common to all war news; add a day-specific term")
    return tuple(terms)


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
                if news.key in found:
                    continue
                spots = []
                for term in terms:
                    spot = _find_term(seq, positions, term)
                    if spot is None:
                        break
                    spots.append(spot)
                else:
                    lo, hi = min(a for a, _ in spots), max(b for _, b in spots)
                    found[news.key] = NewsMatch(news, tokens[lo][1], tokens[hi][2], sentence)
        # news.key breaks ties: candidates come from a set, so insertion order varies with PYTHONHASHSEED
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
