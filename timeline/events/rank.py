"""Rank merged events by newsworthiness, from the corpus alone (issue 17).

No table and no chronology: the ranking must work for periods and topics that nothing covers. An
event's score says how much it is the news of its day:

1. **Reports.** Each member sentence weighs, in its article: its position (the lead, the first
   LEAD_CHARS characters after the title, weighs 1; the body after it MIDDLE_WEIGHT; the rest, where
   background sits, LATE_WEIGHT), its freshness (an article written more than STALE_DAYS after the
   event's last day recalls it: STALE_WEIGHT) and whether it is a photo caption (the line's furniture,
   :func:`~.cleaning.is_caption`, or a sentence written as one, :func:`~.cleaning.caption_sentence`:
   CAPTION_WEIGHT; a caption repeated across an outlet's pages stays one report). An outlet counts
   once, with its best member; more articles add ARTICLES_WEIGHT * ln(articles).
2. **Support of the day.** How many outlets carry the event's words that day, weighted by rarity:
   for each content word of the headline, the outlets whose titles of that day or the next use it,
   and the other outlets whose sentences dated that day use it (captions left out; the event's own
   outlets count as one), when at least two do: SUPPORT_WEIGHT * idf * ln(outlets), idf over the
   articles' titles, summed over the SUPPORT_WORDS best-supported words (a long sentence would
   otherwise collect support from every story of a busy day). This finds the day's story even when
   its reports are worded too differently to be merged, as DATEWISE-style summarizers do with the
   day's articles.
3. **What it is.** Times SPECIFIC_BASE + SPECIFIC_STEP a name (up to three): named actors and places;
   times HAPPENED_WEIGHT when a verb says something happened (struck, captured, voted, met: the
   ``happened`` list), not only what someone said.
   Times PENALTY for a running tally, weather or market prices, a state rather than a happening,
   page clutter (``ranking.yaml``), a date coarser than a day, and CONFLICT_WEIGHT when other
   reports give another date.
4. **One happening, one place.** Within a day, an event worded like a better one is discounted by
   its overlap with one of the REDUNDANCY_WINDOW better ones (``1 - REDUNDANCY * overlap``, at
   least MIN_FACTOR; the overlap is the token Jaccard, or the cosine of their words weighted by
   rarity over the events' texts when higher, which catches a paraphrase that shares the rare
   words: "the Senate approved a $40 billion package" / "the Senate voted to pass $40 billion in
   aid"), so the day's top ten are
   ten stories, not one story ten times. Nothing is deleted: every member stays in its event.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..core.datafile import Items, Record, Regex, Text, read
from ..core.results import ArticleEvent, ArticleResult, Event
from .memo import remembered
from .merge import NAME, caption_text, content_tokens

PATH = Path(__file__).with_name("ranking.yaml")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_EXAMPLES = Record(required={"lowered": Items(Text(), least=1), "kept": Items(Text(), least=1)})
SCHEMA = Record(
    required={
        "tally": Items(Regex(re.IGNORECASE), least=1),
        "tally_examples": _EXAMPLES,
        "setting": Items(Regex(re.IGNORECASE), least=1),
        "setting_examples": _EXAMPLES,
        "state": Items(Regex(), least=1),
        "state_examples": _EXAMPLES,
        "clutter": Items(Regex(), least=1),
        "clutter_examples": _EXAMPLES,
        "happened": Items(Text(what="a verb or phrase"), least=1),
        "happened_examples": Record(
            required={"raised": Items(Text(), least=1), "not_raised": Items(Text(), least=1)}
        ),
    }
)

LEAD_CHARS = 600
MIDDLE_CHARS = 1500
MIDDLE_WEIGHT = 0.7
LATE_WEIGHT = 0.45
STALE_DAYS = 3
STALE_WEIGHT = 0.4
EARLY_WEIGHT = 0.5  # an article dated more than a day before the event it reports (a wrong date)
CAPTION_WEIGHT = 0.15
PICTURE_WEIGHT = 0.3  # an event whose every member is a caption, support of the day included
ARTICLES_WEIGHT = 0.3
SUPPORT_WEIGHT = 0.2
SUPPORT_WORDS = 10  # chosen on the 2022h1 dev corpus among 6-20 (events guide); 8-20 all beat no cap
SPECIFIC_BASE = 0.7
SPECIFIC_STEP = 0.1
HAPPENED_WEIGHT = 1.2
PENALTY = {"tally": 0.3, "setting": 0.3, "state": 0.5, "clutter": 0.5, "coarse": 0.3}
CONFLICT_WEIGHT = 0.8
REDUNDANCY = 1.5
MIN_FACTOR = 0.1
REDUNDANCY_WINDOW = 20  # compared with the day's 20 best: the top ten is what a reader sees


@dataclass(frozen=True)
class Source:
    """What the ranking knows of one article."""

    outlet: str  # the outlet's name or web host; the article's own slug when neither is known
    title: str
    body_start: int  # offset of the body in the article's text (the title line is its first line)
    published: dt.date | None


@dataclass(frozen=True)
class Lists:
    tally: re.Pattern[str]
    setting: re.Pattern[str]
    state: re.Pattern[str]
    clutter: re.Pattern[str]
    happened: frozenset[str]  # single words
    happened_phrases: tuple[str, ...]  # several words, lowercased, one space apart
    raw: dict[str, Any]  # the whole file, for the tests that run its examples


@cache
def lists() -> Lists:
    data = read(PATH, SCHEMA, "the ranking word lists")

    def join(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), flags)

    return Lists(
        tally=join(data["tally"], re.IGNORECASE),
        setting=join(data["setting"], re.IGNORECASE),
        state=join(data["state"]),
        clutter=join(data["clutter"]),
        happened=frozenset(str(w).lower() for w in data["happened"] if " " not in str(w).strip()),
        happened_phrases=tuple(
            " ".join(str(w).lower().split()) for w in data["happened"] if " " in str(w).strip()
        ),
        raw=data,
    )


@remembered("lowered")  # the same sentences are asked by the ranking and the joining, build after build
def lowered_as(text: str) -> list[str]:
    """Which lists of ``ranking.yaml`` put the sentence down: tally, setting, state, clutter."""
    found = lists()
    return [name for name in ("tally", "setting", "state", "clutter") if getattr(found, name).search(text)]


@remembered("happened")
def happened(text: str) -> bool:
    """Whether the sentence reports something that happened (a verb of ``happened`` in ``ranking.yaml``)."""
    found = lists()
    words = _WORD.findall(text.lower())
    if not found.happened.isdisjoint(words):
        return True
    joined = " " + " ".join(words) + " "
    return any(f" {phrase} " in joined for phrase in found.happened_phrases)


def outlet_of(source: str | None, url: str | None, slug: str) -> str:
    if source:
        return source.lower().removeprefix("www.")
    if url and "://" in url:
        host = url.split("://", 1)[1].split("/", 1)[0].lower()
        if host:
            return host.removeprefix("www.")
    return slug


def sources_of(results: Iterable[ArticleResult]) -> dict[str, Source]:
    out = {}
    for r in results:
        a = r.article
        published = r.published.value if r.published is not None else a.published
        out[a.slug] = Source(outlet_of(a.source, a.url, a.slug), a.title, a.body_start, published)
    return out


@cache  # cleared by rank_events: members are read by several rules
def _tokens(text: str) -> tuple[frozenset[str], int]:
    """Content words of a text (names once, numbers kept), and how many names it has."""
    tokens = content_tokens(text)
    names = sum(1 for t in tokens if t.endswith(NAME))
    return frozenset(t for t in tokens if not t.endswith(NAME)), names


def _words(text: str) -> frozenset[str]:
    return _tokens(text)[0]


def _names(text: str) -> int:
    return _tokens(text)[1]


def _day(event: Event) -> dt.date | None:
    return event.date.earliest if event.date.earliest == event.date.latest else None


def is_caption_member(member: ArticleEvent) -> bool:
    return member.caption or caption_text(member.text)


def member_weight(member: ArticleEvent, event: Event, source: Source | None) -> float:
    """How much one member sentence reports its event as news: position, freshness, caption (rule 1)."""
    weight = CAPTION_WEIGHT if is_caption_member(member) else 1.0
    if source is None:
        return weight
    offset = member.start - source.body_start - len(source.title)
    weight *= 1.0 if offset < LEAD_CHARS else MIDDLE_WEIGHT if offset < MIDDLE_CHARS else LATE_WEIGHT
    if source.published is not None:
        lag = (source.published - event.date.latest).days
        if lag > STALE_DAYS:
            weight *= STALE_WEIGHT
        elif lag < -1:
            weight *= EARLY_WEIGHT
    return weight


class _Support:
    """Per day, the outlets that use each word in their titles (that day and the next) and in their
    sentences dated that day; the words' rarity over the articles' titles."""

    def __init__(self, events: list[Event], sources: Mapping[str, Source]) -> None:
        self.titles: dict[dt.date, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        df: Counter[str] = Counter()
        for src in sources.values():
            words = _words(src.title)
            df.update(words)
            if src.published is not None:
                for w in words:
                    self.titles[src.published][w].add(src.outlet)
        self.sentences: dict[dt.date, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for event in events:
            day = _day(event)
            if day is None:
                continue
            for m in event.members:
                if is_caption_member(m):  # a picture is not a report
                    continue
                known = sources.get(m.article)
                outlet = known.outlet if known is not None else m.article
                for w in _words(m.text):
                    self.sentences[day][w].add(outlet)
        n = max(1, len(sources))
        self.idf = {w: max(0.0, math.log(n / (1 + k))) for w, k in df.items()}
        self.max_idf = math.log(n)

    def __call__(self, day: dt.date, words: frozenset[str], own: Iterable[str] = ()) -> float:
        """The support of ``words`` on ``day`` from titles, and from the sentences of outlets other
        than ``own`` (the event's own reports count in rule 1 already)."""
        own = set(own)
        titles, titles_next = self.titles.get(day, {}), self.titles.get(day + dt.timedelta(days=1), {})
        sentences = self.sentences.get(day, {})
        parts: list[float] = []
        for w in words:
            idf = self.idf.get(w, self.max_idf)
            outlets = titles.get(w, set()) | titles_next.get(w, set())
            part = 0.0
            if len(outlets) >= 2:
                part += idf * math.log(len(outlets))
            said = len(sentences.get(w, set()) - own) + (1 if own else 0)
            if said >= 2:
                part += idf * math.log(said)
            if part:
                parts.append(part)
        # its SUPPORT_WORDS best words: a long sentence touching every story of a busy day (a quote
        # glued to background, a roundup) must not outweigh the short report of one story
        parts.sort(reverse=True)
        return sum(parts[:SUPPORT_WORDS])


REPORT_TEXTS = 8  # members of a merged event read for support, names and verbs (its best-placed)


def _report_texts(event: Event) -> list[str]:
    """The headline and the distinct texts of the event's members that are not captions, earliest in
    their articles first, at most REPORT_TEXTS."""
    texts = [event.text]
    for m in sorted(event.members, key=lambda m: (m.start, m.article)):
        if len(texts) >= REPORT_TEXTS:
            break
        if m.text not in texts and not is_caption_member(m):
            texts.append(m.text)
    return texts


def event_score(event: Event, sources: Mapping[str, Source], support: _Support | None = None) -> float:
    """Rules 1 to 3 of the module for one event (before the redundancy discount of its day)."""
    best: dict[str, float] = {}
    for m in event.members:
        src = sources.get(m.article)
        outlet = src.outlet if src is not None else m.article
        best[outlet] = max(best.get(outlet, 0.0), member_weight(m, event, src))
    value = sum(best.values()) + ARTICLES_WEIGHT * math.log(len({m.article for m in event.members}))
    day = _day(event)
    # what the reports say, from the best-placed of them: a merged event is as well supported, as
    # specific and as much a happening as its best report, whichever member headlines it
    texts = _report_texts(event)
    if support is not None and day is not None:
        value += SUPPORT_WEIGHT * max(support(day, _words(t), best) for t in texts)
    value *= SPECIFIC_BASE + SPECIFIC_STEP * min(max(_names(t) for t in texts), 3)
    if all(is_caption_member(m) for m in event.members):
        value *= PICTURE_WEIGHT  # only pictures: the day's words are around it, its support is theirs
    if any(happened(t) for t in texts):
        value *= HAPPENED_WEIGHT
    for name in lowered_as(event.text):
        value *= PENALTY[name]
    if day is None:
        value *= PENALTY["coarse"]
    if event.conflicts:
        value *= CONFLICT_WEIGHT
    return value


def _rarity(events: list[Event]) -> dict[str, float]:
    """ln(N / df) of each word over the events' texts (N events)."""
    df: Counter[str] = Counter()
    for event in events:
        df.update(_words(event.text))
    n = max(1, len(events))
    return {w: math.log(n / k) for w, k in df.items()}


def _overlap(
    a: frozenset[str], b: frozenset[str], rarity: Mapping[str, float], weight_a: float, weight_b: float
) -> float:
    """How much two headlines tell one story: their token Jaccard, or the rarity-weighted cosine of
    their words when higher (paraphrases share the rare words: "the Senate approved a $40 billion
    aid package" / "the Senate voted to pass $40 billion in new aid"). ``weight_a``: the sum of
    ``a``'s rarities (worked out once per headline, not once per pair)."""
    inter = a & b
    shared = sum(rarity.get(w, 0.0) for w in inter)
    if not shared:
        return 0.0
    norm = math.sqrt(weight_a * weight_b)
    return max(len(inter) / (len(a) + len(b) - len(inter)), shared / norm if norm else 0.0)


def rank_events(events: list[Event], sources: Mapping[str, Source]) -> None:
    """Give every event its ``score`` (the module's rules 1 to 4); the order of ``events`` is kept."""
    support = _Support(events, sources)
    for event in events:
        event.score = event_score(event, sources, support)
    per_day: dict[dt.date, list[Event]] = defaultdict(list)
    for event in events:
        day = _day(event)
        if day is not None:
            per_day[day].append(event)
    rarity = _rarity(events)
    for day_events in per_day.values():
        day_events.sort(key=lambda e: (-e.score, e.id))
        kept: list[tuple[frozenset[str], float]] = []
        for event in day_events:
            words = _words(event.text)
            weight = sum(rarity.get(w, 0.0) for w in words)
            overlap = max(
                (_overlap(words, k, rarity, weight, w) for k, w in kept[:REDUNDANCY_WINDOW]), default=0.0
            )
            event.score *= max(MIN_FACTOR, 1 - REDUNDANCY * overlap)
            kept.append((words, weight))
    for event in events:
        event.score = round(event.score, 3)
    _tokens.cache_clear()
