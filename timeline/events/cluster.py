"""Join the reports of one happening across outlets, by the rare words they share (issue 17).

The merge (:mod:`.merge`) joins near-copies: token-set Jaccard >= 0.5. Two outlets rarely word one
happening that alike ("Kerch Bridge damaged in an explosion on Saturday" / "the powerful blast rocked
the bridge early Saturday"), so most events had one outlet. This second pass joins the events of one
day whose sentences share what is rare: names, places, figures and uncommon words, each weighted by
its rarity over all event sentences of the corpus (idf), common words weighing next to nothing.

- Only events dated to one day take part; a week, a month or a season is too vague to say two
  reports tell the same happening.
- Words are the merge's content tokens, names once, and the words of a ``same_sense`` group of
  ``cluster.yaml`` read as one ("blast", "explosion"): close paraphrase, not only the same words.
- Similarity is the idf-weighted cosine of the two sentences' word sets: the weight of the shared
  words over the geometric mean of each side's weight, so a long report and a short one of the
  same happening can match. Joined when it is at least JOIN_THRESHOLD and at least MIN_RARE shared
  words have an idf of RARE_IDF or more (in at most one sentence in twenty: two common words
  never make one event).
- Candidates come from an index of (day, rare word) -> clusters, probed with each event's PROBE
  rarest words, never all pairs; each event is compared with a cluster's head only (its first
  event), so one loose match cannot chain a whole day into one cluster.
- Events are visited best-reported first (most outlets, then most articles, then id), so a cluster's
  head is its most widely reported wording. Every member sentence is kept.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ..core.datafile import Items, Record, Text, read
from ..core.results import ArticleEvent, Event
from .cleaning import caption_sentence
from .merge import NAME, content_tokens, event_id, order_key
from .rank import lowered_as

PATH = Path(__file__).with_name("cluster.yaml")
_PAIRS = Items(Items(Text(), least=2, most=2))
SCHEMA = Record(
    required={
        "same_sense": Items(Items(Text(what="a lowercase word"), least=2), least=1),
        "examples": Record(required={"joined": _PAIRS, "apart": _PAIRS}),
    }
)
JOIN_THRESHOLD = 0.5
MIN_RARE = 2
RARE_IDF = 3.0  # ln(N / df): a word of at most one sentence in twenty

PROBE = 4
MAX_CLUSTER_HEADS = 200  # an index entry of one day holding more heads than this is not rare


@cache
def lists_raw() -> dict[str, Any]:
    """The whole of ``cluster.yaml`` (the tests run its examples)."""
    data: dict[str, Any] = read(PATH, SCHEMA, "the paraphrase groups")
    return data


@cache
def same_sense() -> dict[str, str]:
    """Each word of a ``same_sense`` group of ``cluster.yaml`` -> the group's first word."""
    data = lists_raw()
    return {str(w).lower(): str(group[0]).lower() for group in data["same_sense"] for w in group}


def words_of(text: str) -> frozenset[str]:
    """The words compared: content tokens (numbers kept), names once, a word of a ``same_sense``
    group read as the group's first."""
    sense = same_sense()
    return frozenset(sense.get(t, t) for t in content_tokens(text) if not t.endswith(NAME))


def idf_table(events: list[Event]) -> Callable[[str], float]:
    """ln(N / df) of each word over the member sentences of all events (N sentences); a word of
    none of them (it cannot happen for an event's own text) is as rare as one sentence's word."""
    df: Counter[str] = Counter()
    n = 0
    for event in events:
        for member in event.members:
            df.update(words_of(member.text))
            n += 1

    def idf(word: str) -> float:
        return math.log(max(n, 1) / df.get(word, 1))

    return idf


def weighted_similarity(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    shared = sum(weight[w] for w in a & b)
    if not shared:
        return 0.0
    return shared / math.sqrt(sum(weight[w] for w in a) * sum(weight[w] for w in b))


def join_reports(events: list[Event], outlet: Callable[[str], str]) -> list[list[Event]]:
    """Groups of events that report one happening (each event in exactly one group, singletons
    included), in the order of ``events``' first member of each group. ``outlet`` maps an article
    slug to its outlet."""
    idf = idf_table(events)
    weight: dict[str, float] = {}
    words: list[frozenset[str]] = []
    for event in events:
        ws = words_of(event.text)
        for w in ws:
            if w not in weight:
                weight[w] = idf(w)
        words.append(ws)

    def reach(i: int) -> tuple[int, int, str]:
        event = events[i]
        return (
            -len({outlet(m.article) for m in event.members}),
            -len({m.article for m in event.members}),
            event.id,
        )

    by_day: dict[dt.date, list[int]] = {}
    group_of = list(range(len(events)))
    for i, event in enumerate(events):
        if event.date.earliest == event.date.latest:
            by_day.setdefault(event.date.earliest, []).append(i)
    for day_events in by_day.values():
        day_events.sort(key=reach)
        heads: list[int] = []
        index: dict[str, list[int]] = {}  # rare word -> heads (positions in ``heads``) that have it
        for i in day_events:
            rare = sorted((w for w in words[i] if weight[w] >= RARE_IDF), key=lambda w: (-weight[w], w))
            best: tuple[float, int] | None = None
            seen: set[int] = set()
            for w in rare[:PROBE]:
                for h in index.get(w, ())[:MAX_CLUSTER_HEADS]:
                    if h in seen:
                        continue
                    seen.add(h)
                    head = heads[h]
                    shared_rare = sum(1 for x in words[i] & words[head] if weight[x] >= RARE_IDF)
                    if shared_rare < MIN_RARE:
                        continue
                    sim = weighted_similarity(words[i], words[head], weight)
                    if sim >= JOIN_THRESHOLD and (best is None or (sim, -h) > best):
                        best = (sim, -h)
            if best is not None:
                group_of[i] = heads[-best[1]]
                continue
            heads.append(i)
            for w in rare:
                index.setdefault(w, []).append(len(heads) - 1)
    groups: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        groups.setdefault(group_of[i], []).append(event)
    return list(groups.values())


HEADLINE_WORDS = 45  # a sentence longer than this is rarely a headline: several clauses, an aside


def headline_member(members: list[ArticleEvent]) -> ArticleEvent:
    """The member that best states what its reports share: of the most precise members, one that is
    not a caption, not page clutter, a tally or the weather (``ranking.yaml``) and not overlong,
    then the one whose words the other articles' members use most (the happening, not one outlet's
    aside), then the longest."""
    words = [words_of(m.text) for m in members]
    finest = min(m.date.granularity for m in members)

    def key(k: int) -> tuple[bool, bool, bool, bool, int, int, str, int]:
        m = members[k]
        shared = sum(len(words[k] & words[j]) for j in range(len(members)) if members[j].article != m.article)
        return (
            m.date.granularity != finest,
            m.caption or caption_sentence(m.text),
            bool(lowered_as(m.text)),
            len(m.text.split()) > HEADLINE_WORDS,
            -len(words[k]),
            -shared,
            m.article,
            m.start,
        )

    return members[min(range(len(members)), key=key)]


def joined_event(group: list[Event]) -> Event:
    """One event of the events of ``group`` (reports of one happening): every member and conflict
    kept, dated by its most precise member, headlined by :func:`headline_member`."""
    if len(group) == 1:
        return group[0]
    members = sorted((m for e in group for m in e.members), key=order_key)
    rep = headline_member(members)
    conflicts = {(c.article, c.start): c for e in group for c in e.conflicts}
    return Event(
        id=event_id(members[0].date, rep.text),
        date=members[0].date,
        text=rep.text,
        members=members,
        conflicts=sorted(conflicts.values(), key=order_key),
        anchors=sorted({a for e in group for a in e.anchors}),
    )
