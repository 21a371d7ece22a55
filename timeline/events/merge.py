"""Merge the event candidates of all articles into one sourced chronology.

Similarity is the Jaccard index of two token sets: the content words of the cleaned sentence
(lowercased, possessives and plural "s" removed, function words and date words left out, see
``words.yaml``), where names (capitalized words) count twice. Dates are left out of the tokens on
purpose: they are compared separately, so that two reports of one event with different dates still
look alike and can be flagged as a conflict.

- similarity >= MERGE_THRESHOLD, overlapping dates, and no name clash: the same event (merged). A name
  clash is when each text names something (a capitalized word) that the other does not mention at all:
  "shelled Kharkiv" and "shelled Mykolaiv" are different events however alike the rest of the sentence;
- similarity >= CONFLICT_THRESHOLD, different articles, dates of a week or finer that do not overlap but lie
  at most CONFLICT_WINDOW_DAYS apart, and no number clash ("7 ships" / "9 ships"): a conflict, shown on both
  events. The stricter threshold, the window and the precision keep recurring events apart (the same
  spokesman "said on Monday that talks continue" week after week; "last month, 7 ships were struck").

Candidates are processed in a fixed order (finest date first, then date, article, offset). Each joins
the most similar earlier event whose date overlaps its own, or starts a new event; an event's date is
its first (most precise) member's. Pairs are found with prefix filtering (a candidate pair must share
one of the rarest tokens of each side) within the months a candidate's date (plus the conflict window)
touches, so the cost grows with the number of candidates, not its square. A posting list (one token, one
month) is scanned for at most its POSTING_LIMIT latest entries, which bounds the work on template-like
text where even the rarest words are common; an exact repeat (same words, same date) joins its first
occurrence's event without any scan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..core.gazetteer import word_alternation
from ..core.results import ArticleEvent, ArticleResult, Event
from ..temporal.values import DateValue, Granularity
from .cleaning import caption_sentence
from .memo import remembered
from .probes import MergeMemory, Probes, months, reusable, uid
from .probing import ProbeIndex, clash, jaccard, probe_all
from .words import words

MERGE_THRESHOLD = 0.5
CONFLICT_THRESHOLD = 0.6
CONFLICT_WINDOW_DAYS = 31
POSTING_LIMIT = 100
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Numbers that belong to a date or a time are left out like date words: "March 22", "22 March 2022", "4:30".
_DATE_NUMBERS = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    rf"\b(?:,?\s+\d{{4}})?|\b{_MONTH}\s+\d{{4}}\b|\b(?:1[89]|20)\d\d(?:s|'s)?\b|\b\d{{1,2}}[:.]\d\d\b"
)
NAME = "#2"  # suffix of the second token a capitalized word gives (names weigh double)
NUMBER = "#n:"  # prefix of number tokens ("7 ships" -> "#n:7")


# The same texts are tokenised while merging, joining, ranking and again for the records, and
# again in the next build: remembered (memo.py), at 10,000 real articles some 50,000 texts.
@remembered("tokens")
def content_tokens(text: str) -> frozenset[str]:
    """The similarity tokens of a sentence.

    Content words, lowercased, possessive and plural "s" removed; a capitalized word also gives a second
    token "word#2" (names weigh double); a number that is not part of a date gives "#n:7000".
    """
    stop = words().stopwords
    out: set[str] = set()
    for raw in _TOKEN.findall(_DATE_NUMBERS.sub(" ", text)):
        if raw[0].isdigit():
            out.add(NUMBER + raw.replace(",", ""))
            continue
        word = raw.replace("’", "'")
        if word.lower().endswith("'s"):
            word = word[:-2]
        word = word.strip("'-")
        lower = word.lower()
        if len(lower) < 2 or lower in stop:
            continue
        if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
            lower = lower[:-1]
        out.add(sys.intern(lower))
        if word[0].isupper():
            out.add(lower + NAME)
    return frozenset(out)


_NONE: frozenset[str] = frozenset()


def _names(tokens: frozenset[str]) -> frozenset[str]:
    found = [sys.intern(t[: -len(NAME)]) for t in tokens if t.endswith(NAME)]
    return frozenset(found) if found else _NONE


def _numbers(tokens: frozenset[str]) -> frozenset[str]:
    found = [t for t in tokens if t.startswith(NUMBER)]
    return frozenset(found) if found else _NONE


@remembered("names")
def names_of(text: str) -> frozenset[str]:
    """The names of a sentence's tokens (remembered: asked of every candidate in every build)."""
    return _names(content_tokens(text))


@remembered("numbers")
def numbers_of(text: str) -> frozenset[str]:
    return _numbers(content_tokens(text))


def name_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether each token set names something (a capitalized word) the other does not mention."""
    return clash(_names(a), a, _names(b), b)


def number_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether each token set has a number the other lacks ("7 ships" and "9 ships")."""
    return clash(_numbers(a), a, _numbers(b), b)


def similar(a: frozenset[str], b: frozenset[str]) -> float:
    """The Jaccard similarity of two token sets, 0 when their names clash."""
    return 0.0 if name_clash(a, b) else jaccard(a, b)


def overlaps(a: DateValue, b: DateValue) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


@dataclass
class _Cluster:
    members: list[int] = field(default_factory=list)
    conflicts: set[int] = field(default_factory=set)


def order_key(e: ArticleEvent) -> tuple[int, Any, Any, str, int]:
    return (int(e.date.granularity), e.date.earliest, e.date.latest, e.article, e.start)


def _gap_days(a: DateValue, b: DateValue) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max(0, (b.earliest - a.latest).days, (a.earliest - b.latest).days)


def merge_copies(
    results: list[ArticleResult], chronology: Any, memory: MergeMemory | None = None
) -> list[Event]:
    """All articles' candidates merged into events (near-copies of one report joined), unranked, in
    the order of their first candidate.

    Candidates dated entirely outside the chronology's window (``chronology.window``) are background
    ("in December 1990"), not events of this chronology, and are left out. With a ``memory`` (the
    last build's, from the build's cache), only the candidates whose probe would read something
    different are probed again (:mod:`.probes`); the events are the same either way, and ``memory``
    is then what this merge leaves for the next.
    """
    first, last = getattr(chronology, "window", (dt.date.min, dt.date.max))
    cands = sorted(
        (e for r in results for e in r.events if e.date.latest >= first and e.date.earliest <= last),
        key=order_key,
    )
    tokens = [content_tokens(e.text) for e in cands]
    freq = Counter(t for ts in tokens for t in ts)
    # each token's place in the order (rarest first, then alphabetical), once, not once per sentence
    place = {t: n for n, t in enumerate(sorted(freq, key=lambda t: (freq[t], t)))}
    prefixes = []
    for ts in tokens:
        ordered = sorted(ts, key=place.__getitem__)
        prefixes.append(tuple(ordered[: len(ordered) - math.ceil(MERGE_THRESHOLD * len(ordered)) + 1]))
    firsts: dict[tuple[frozenset[str], DateValue], int] = {}
    repeat_of = [-1] * len(cands)  # an exact repeat (same words, same date) -> its first occurrence
    for i, cand in enumerate(cands):
        if tokens[i]:
            j = firsts.setdefault((tokens[i], cand.date), i)
            if j != i:
                repeat_of[i] = j
    names = [names_of(e.text) for e in cands]
    window = dt.timedelta(days=CONFLICT_WINDOW_DAYS)
    uids = [uid(e) for e in cands]
    repeat = [j >= 0 for j in repeat_of]
    index: dict[tuple[str, int], list[int]] = {}  # (token, month) -> candidates whose dates touch that month
    for i, cand in enumerate(cands):
        if not repeat[i]:  # an exact repeat joins its first occurrence's event: not indexed, not probed
            for tok in prefixes[i]:
                for month in months(cand.date.earliest, cand.date.latest):
                    index.setdefault((tok, month), []).append(i)

    dates = [(c.date.earliest, c.date.latest) for c in cands]
    probe = ProbeIndex(dates, prefixes, tokens, names, index, window, POSTING_LIMIT, MERGE_THRESHOLD)
    before = memory.probes if memory is not None else None
    known, compared = reusable(uids, prefixes, repeat, window, before, index, POSTING_LIMIT, probe.similar)
    todo = [i for i in range(len(cands)) if not repeat[i] and known[i] is None]
    probed, more = probe_all(probe, todo)
    edges: list[list[tuple[int, float]]] = [
        [] if repeat[i] else probed[i] if known[i] is None else known[i]  # type: ignore[misc]
        for i in range(len(cands))
    ]
    if memory is not None:
        memory.probes = Probes(uids, prefixes, repeat, edges)
        memory.probed, memory.compared = len(todo), compared + more
    clusters = _decide(cands, tokens, repeat_of, edges)

    matcher = _AnchorMatcher(chronology, memory.mentions if memory is not None else None)
    timexes = {r.article.slug: r.timexes for r in results}
    events = [_event(cl, cands, tokens, matcher, timexes) for cl in clusters]
    if memory is not None:
        memory.mentions = matcher.now
    return events


def _decide(
    cands: list[ArticleEvent],
    tokens: list[frozenset[str]],
    repeat_of: list[int],
    edges: list[list[tuple[int, float]]],
) -> list[_Cluster]:
    """The clusters, from the probes' edges: in order, each candidate joins the most similar earlier
    cluster whose date overlaps its own (ties: the earliest cluster), or starts one; conflicts are
    noted on both sides."""
    numbers = [numbers_of(e.text) for e in cands]
    cluster_of: list[int] = []
    clusters: list[_Cluster] = []
    for i, cand in enumerate(cands):
        if repeat_of[i] >= 0:
            c = cluster_of[repeat_of[i]]
            clusters[c].members.append(i)
            cluster_of.append(c)
            continue
        best: tuple[float, int] | None = None  # (similarity, -cluster) of the best overlapping cluster
        conflicting: list[int] = []
        for j, sim in edges[i]:
            c = cluster_of[j]
            if overlaps(cand.date, cands[clusters[c].members[0]].date):
                if best is None or (sim, -c) > best:
                    best = (sim, -c)
            elif (
                sim >= CONFLICT_THRESHOLD
                and cands[j].article != cand.article
                and max(cand.date.granularity, cands[j].date.granularity) <= Granularity.WEEK
                and not overlaps(cand.date, cands[j].date)
                and _gap_days(cand.date, cands[j].date) <= CONFLICT_WINDOW_DAYS
                and not clash(numbers[i], tokens[i], numbers[j], tokens[j])
            ):
                conflicting.append(j)
        if best is None:
            clusters.append(_Cluster())
            c = len(clusters) - 1
        else:
            c = -best[1]
        clusters[c].members.append(i)
        cluster_of.append(c)
        for j in conflicting:
            if cluster_of[j] != c:
                clusters[c].conflicts.add(j)
                clusters[cluster_of[j]].conflicts.add(i)
    return clusters


caption_text = remembered("caption")(caption_sentence)


def _representative(members: list[ArticleEvent], tokens: list[frozenset[str]]) -> int:
    """The member whose text stands for the event: the most precise, then not a caption (its line's
    furniture or a sentence written as one), then most words."""
    return min(
        range(len(members)),
        key=lambda k: (
            members[k].date.granularity,
            members[k].caption or caption_text(members[k].text),
            -len(tokens[k]),
            members[k].article,
            members[k].start,
        ),
    )


def _event(
    cl: _Cluster,
    cands: list[ArticleEvent],
    tokens: list[frozenset[str]],
    matcher: _AnchorMatcher,
    timexes: dict[str, list[Any]],
) -> Event:
    members = [cands[i] for i in cl.members]
    k = _representative(members, [tokens[i] for i in cl.members])
    rep, rep_tokens = members[k], tokens[cl.members[k]]
    date = members[0].date
    anchors = matcher.mentions(" ".join(m.text for m in members))
    for m in members:  # a date counted from a chronology anchor names that anchor too
        found = timexes.get(m.article) or []
        name = found[m.timex].anchor_name if m.timex < len(found) else None
        if name and name in matcher.ids and name not in anchors:
            anchors.append(name)
    anchors.sort()
    conflicts = sorted((cands[j] for j in cl.conflicts), key=order_key)
    event = Event(
        id=event_id(date, rep.text, rep_tokens),
        date=date,
        text=rep.text,
        members=members,
        conflicts=conflicts,
        anchors=anchors,
    )
    return event


def event_id(date: DateValue, text: str, tokens: frozenset[str] | None = None) -> str:
    """``<TIMEX3 date>-<8 hex>``: stable for the same date and the same normalized text (its tokens)."""
    tokens = content_tokens(text) if tokens is None else tokens
    normalized = " ".join(sorted(t for t in tokens if not t.endswith(NAME)))
    digest = hashlib.sha1(f"{date.timex3()}|{normalized}".encode()).hexdigest()[:8]
    return f"{date.timex3()}-{digest}"


def unique_ids(events: list[Event]) -> None:
    """Make event ids unique: a second event of one date and wording gets ``-2``, and so on."""
    seen: Counter[str] = Counter()
    for e in sorted(events, key=lambda e: (e.id, e.members[0].article, e.members[0].start)):
        seen[e.id] += 1
        if seen[e.id] > 1:
            e.id = f"{e.id}-{seen[e.id]}"


class _AnchorMatcher:
    """Finds the chronology key events a text mentions, through their aliases (whole words, any case)."""

    def __init__(self, chronology: Any, before: dict[str, list[str]] | None = None) -> None:
        self.before = before or {}  # the last build's answers (same chronology: the cache's key)
        self.now: dict[str, list[str]] = {}
        self.dates: dict[str, DateValue] = {}
        self.ids: set[str] = set()
        alias_to_id: dict[str, str] = {}
        for ke in getattr(chronology, "events", []) or []:
            self.ids.add(ke.id)
            self.dates[ke.id] = ke.date
            for alias in ke.aliases:
                alias_to_id.setdefault(_norm(alias), ke.id)
        self.alias_to_id = alias_to_id
        names = sorted(alias_to_id, key=lambda a: (-len(a), a))
        self.pattern = re.compile(word_alternation(names) + r"(?!\w)") if names else None

    def mentions(self, text: str) -> list[str]:
        if self.pattern is None:
            return []
        found = self.now.get(text)
        if found is None:
            found = self.before.get(text)
            if found is None:
                found = sorted({self.alias_to_id[m.group(0)] for m in self.pattern.finditer(_norm(text))})
            self.now[text] = found
        return list(found)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())
