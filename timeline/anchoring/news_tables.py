"""The news-day tables: what was news on which day, as the reader of :mod:`.newsdays` matches it.

``news/YYYY-MM.yaml`` holds, per day, what happened, where the fact was found, and the words an
article reporting it would contain (term sets, all terms of one set in one sentence).
``news_words.yaml`` folds the transliterations of names (Zelenskyy, Kiev, Bakhmut/Artemovsk) so a
term is written once, and ``news_common_words.txt`` lists the words common in any news. This
module reads and checks them (``file:line`` messages) and says which term sets can date an
article at all (:func:`specific_sets`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
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
    parse_text,
    read,
    read_text,
)

from .mentions import word_spans

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
    text = read_text(path, "the news-day file", NewsDayError)
    doc = parse_text(text, path, None, NewsDayError)
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
