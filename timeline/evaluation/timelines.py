"""Timeline evaluation: the events of a corpus against a reference list of dated items (issue 17).

The reference is JSON Lines of ``{date, text}`` (an editor's list of what happened each day, e.g.
Wikipedia's Current events portal). The system's events are built by the same code as ``timeline
build`` (:func:`timeline.pipeline.read_phase.collect`), from a content folder or from a JSONL corpus of
articles written into a temporary one (their ``published`` dates and urls kept as metadata).

Only days inside the reference's span count (as news-tls cuts the input to the reference's dates),
and only events dated to one day. A system is a ranking of days, each with its headlines best
first. With N the number of reference days:

- **top-event precision**: the system ranks days by their best event's score; of its top-N days,
  the share whose best event *matches* a reference item within one day: the two share at least
  ``MIN_SHARED`` content words (words in neither list of ``timeline_words.yaml``);
- **recall at 10**: the share of reference items that one of the top 10 events of a day within one
  day of theirs matches;
- **reachable recall** (``recall_any_rank``): the share of reference items that any headline of a
  day within one day matches, whatever its rank: what recall at 10 could reach with a perfect
  ranking of the same headlines (for the baseline, every sentence of the day's articles);
- **date F1**: news-tls's date selection score, the F1 of the system's top-N days against the set
  of reference days (shared / predicted days, shared / reference days).

The plain baseline, measured in the same run (DATEWISE-style, no tables, no knowledge of the war):
every sentence is dated by its article's publication date, days are ranked by how many articles
appeared on them, and a day's headlines are its sentences ranked by how many terms they share with
that day's articles (the sum, over the terms of the sentence, of the number of the day's articles
that use the term; the stop words left out).
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..core.datafile import Items, Record, Text, read
from ..core.errors import TimelineError
from ..core.results import Timeline
from ..core.sentences import split_sentences
from .jsonl import read_records

WORDS_PATH = Path(__file__).with_name("timeline_words.yaml")
SCHEMA = Record(
    required={
        "stopwords": Items(Text(what="a lowercase word")),
        "generic": Items(Text(what="a lowercase word")),
    }
)
MIN_SHARED = 3  # content words an event must share with a reference item to match it
WINDOW_DAYS = 1  # how far apart an event's day and a reference item's day may be
TOP_K = 10  # events of a day that recall looks at
EXAMPLES = 12  # wrong top events shown in the report

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CITATION = re.compile(r"(?:\s*\([^()]*\))+\s*$")  # "... (Reuters) (BBC)": the outlets an item cites


class ReferenceError_(TimelineError, ValueError):
    """The reference file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class MatchWords:
    stopwords: frozenset[str]
    generic: frozenset[str]


@cache
def match_words() -> MatchWords:
    data = read(WORDS_PATH, SCHEMA, "the evaluation word lists")
    return MatchWords(
        stopwords=frozenset(str(w).lower() for w in data["stopwords"]),
        generic=frozenset(str(w).lower() for w in data["generic"]),
    )


def words_of(text: str) -> list[str]:
    """Lowercased words of ``text`` (letters, inner apostrophes), a possessive "'s" removed."""
    out = []
    for raw in _WORD.findall(text):
        word = raw.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        out.append(word)
    return out


def terms(text: str) -> frozenset[str]:
    """The words of ``text`` that are not stop words (what the baseline compares)."""
    stop = match_words().stopwords
    return frozenset(w for w in words_of(text) if len(w) > 1 and w not in stop)


def content_words(text: str) -> frozenset[str]:
    """The words a match counts: neither stop words nor war-generic words."""
    generic = match_words().generic
    return frozenset(w for w in terms(text) if w not in generic)


@dataclass(frozen=True)
class ReferenceItem:
    date: dt.date
    text: str  # as written, citation included
    words: frozenset[str]  # content words of the text without its trailing citation


def _reference_item(day: dt.date, text: str) -> ReferenceItem:
    return ReferenceItem(day, text, content_words(_CITATION.sub("", text)))


def read_reference(path: Path) -> list[ReferenceItem]:
    """The reference items of a JSON Lines file of ``{date, text}`` objects."""
    items = read_records(
        path,
        lambda n, raw: _reference_item(dt.date.fromisoformat(str(raw["date"])[:10]), str(raw["text"])),
        error=ReferenceError_,
        what="the reference",
        expected="a JSON object with 'date' (YYYY-MM-DD) and 'text'",
    )
    if not items:
        raise ReferenceError_(f"{path}: no reference items (one JSON object with date and text a line)")
    return items


@dataclass
class Day:
    """One day of a system's timeline: its score and its headlines, best first."""

    day: dt.date
    score: float
    headlines: list[str]
    words: list[frozenset[str]] = field(default_factory=list)
    more: list[str] = field(default_factory=list)  # the day's other headlines, beyond its top TOP_K

    def __post_init__(self) -> None:
        if not self.words:
            self.words = [content_words(h) for h in self.headlines]

    def every_word_set(self) -> list[frozenset[str]]:
        """The content words of every headline of the day, its top ones and the rest."""
        return self.words + [content_words(h) for h in self.more]


def ranked(days: Iterable[Day]) -> list[Day]:
    """Days best first: by score, then earlier first."""
    return sorted(days, key=lambda d: (-d.score, d.day))


def matches(words: frozenset[str], item: ReferenceItem) -> bool:
    return len(words & item.words) >= MIN_SHARED


def score_days(days: Sequence[Day], reference: Sequence[ReferenceItem]) -> dict[str, Any]:
    """The metrics of one system (``days`` ranked best first) against the reference."""
    by_day: dict[dt.date, list[ReferenceItem]] = {}
    for item in reference:
        by_day.setdefault(item.date, []).append(item)
    ref_days = set(by_day)
    top = list(days[: len(ref_days)])

    def items_near(day: dt.date) -> list[ReferenceItem]:
        return [
            item
            for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)
            for item in by_day.get(day + dt.timedelta(days=d), ())
        ]

    right = 0
    wrong: list[dict[str, Any]] = []
    for rank, day in enumerate(top, 1):
        if not day.headlines:
            continue
        hits = [item for item in items_near(day.day) if matches(day.words[0], item)]
        if hits:
            right += 1
        else:
            wrong.append(
                {
                    "rank": rank,
                    "day": day.day.isoformat(),
                    "score": day.score,
                    "headline": day.headlines[0],
                    "reference": [i.text for i in items_near(day.day)],  # within one day
                }
            )
    system = {d.day: d for d in days}
    found = 0
    missed: list[dict[str, Any]] = []
    for item in reference:
        candidates = [
            w
            for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)
            if (near := system.get(item.date + dt.timedelta(days=d))) is not None
            for w in near.words[:TOP_K]
        ]
        if any(matches(w, item) for w in candidates):
            found += 1
        else:
            missed.append({"day": item.date.isoformat(), "text": item.text})
    # what recall at 10 could reach: the items that any headline of a day within one day matches,
    # whatever its rank (the ceiling a better ranking of the same headlines cannot pass)
    pools = {d.day: d.every_word_set() for d in days}
    reachable = sum(
        1
        for item in reference
        if any(
            matches(w, item)
            for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)
            for w in pools.get(item.date + dt.timedelta(days=d), ())
        )
    )
    shared = len(ref_days & {d.day for d in top})
    precision = shared / len(top) if top else 0.0
    recall = shared / len(ref_days) if ref_days else 0.0
    return {
        "days": len(days),
        "top_days": len(top),
        "top_event_precision": _share(right, len(top)),
        "recall_at_10": _share(found, len(reference)),
        "recall_any_rank": _share(reachable, len(reference)),
        "date_precision": round(precision, 4),
        "date_recall": round(recall, 4),
        "date_f1": round(2 * precision * recall / (precision + recall), 4) if shared else 0.0,
        "wrong_top_events": wrong,
        "missed_items": len(missed),
    }


def _share(k: int, n: int) -> float:
    return round(k / n, 4) if n else 0.0


def system_days(timeline: Timeline, first: dt.date, last: dt.date) -> list[Day]:
    """The system's days from ``first`` to ``last``: the events dated to one day, by score (the
    order of the timeline: score, then id), ranked by their best event's score."""
    per_day: dict[dt.date, list[Any]] = {}
    for event in timeline.events:
        day = event.date.earliest
        if event.date.latest != day or not first <= day <= last:
            continue
        per_day.setdefault(day, []).append(event)
    days = []
    for day, events in per_day.items():
        events.sort(key=lambda e: (-e.score, e.id))
        days.append(
            Day(day, events[0].score, [e.text for e in events[:TOP_K]], more=[e.text for e in events[TOP_K:]])
        )
    return ranked(days)


def baseline_days(articles: Iterable[tuple[dt.date, str]], first: dt.date, last: dt.date) -> list[Day]:
    """The plain DATEWISE-style baseline from ``(publication day, text)`` pairs (see the module)."""
    per_day: dict[dt.date, list[str]] = {}
    for day, text in articles:
        if first <= day <= last:
            per_day.setdefault(day, []).append(text)
    days = []
    for day, texts in per_day.items():
        sentences: dict[str, frozenset[str]] = {}
        df: Counter[str] = Counter()
        for text in texts:
            seen: set[str] = set()
            for start, end in split_sentences(text):
                sentence = " ".join(text[start:end].split())
                found = terms(sentence)
                seen |= found
                sentences.setdefault(sentence, found)
            df.update(seen)
        order = sorted(sentences, key=lambda s: (-sum(df[t] for t in sentences[s]), s))
        days.append(Day(day, float(len(texts)), order[:TOP_K], more=order[TOP_K:]))
    return ranked(days)


# ---- running it ---------------------------------------------------------------------------------


def write_corpus(articles: Sequence[Mapping[str, Any]], content: Path) -> None:
    """Articles of a JSONL corpus as content files, their dates and addresses as metadata."""
    folder = content / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for n, art in enumerate(articles):
        meta: dict[str, Any] = {"published": art["published"]}
        if art.get("source"):
            meta["source"] = art["source"]
        if art.get("url"):
            meta["url"] = art["url"]
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
        title = " ".join(str(art.get("title") or "").split())
        body = f"{title}\n\n{art['text']}" if title else str(art["text"])
        (folder / f"{n:06d}.md").write_text(f"---\n{front}---\n{body}\n", "utf-8")


def run_timeline_eval(
    reference_file: Path,
    *,
    content: Path | None = None,
    corpus: Path | None = None,
    chronology_file: Path | None = None,
    today: dt.date,
    plan: Any = None,
) -> dict[str, Any]:
    """Build the events (of ``content``, or of the JSONL ``corpus`` with ``chronology_file``) as
    ``timeline build`` does, and score them and the plain baseline against the reference."""
    from ..core.problems import Problems
    from ..pipeline.read_phase import collect
    from ..pipeline.store import ResultStore

    reference = read_reference(reference_file)
    first, last = min(i.date for i in reference), max(i.date for i in reference)
    with tempfile.TemporaryDirectory(prefix="timeline-eval-") as tmp:
        folder = content
        if corpus is not None:
            from .published import read_articles

            folder = Path(tmp) / "content"
            write_corpus(read_articles(corpus), folder)
            if chronology_file is not None:
                (folder / "chronology.yml").write_bytes(chronology_file.read_bytes())
        assert folder is not None
        problems = Problems()
        with ResultStore(Path(tmp)) as store:
            timeline = collect(
                folder, today=today, problems=problems, plan=plan, cache_dir=Path(tmp) / "cache", store=store
            )
            system = system_days(timeline, first, last)
            dated = [
                (r.published.value, timeline.body_text(r))
                for r in timeline.articles
                if r.published.source == "metadata" and r.published.value is not None
            ]
    baseline = baseline_days(dated, first, last)
    return {
        "reference": str(reference_file),
        "corpus": str(corpus if corpus is not None else content),
        "today": today.isoformat(),
        "reference_items": len(reference),
        "reference_days": len({i.date for i in reference}),
        "span": [first.isoformat(), last.isoformat()],
        "articles": len(timeline.articles),
        "dated_articles": len(dated),
        "events": len(timeline.events),
        "system": score_days(system, reference),
        "baseline": score_days(baseline, reference),
    }


def format_timeline_report(report: dict[str, Any], examples: int = EXAMPLES) -> str:
    """A plain-text table of the report, for people."""
    lines = [
        f"Timeline evaluation: {report['corpus']} ({report['articles']} articles, "
        f"{report['dated_articles']} with a publication date, {report['events']} events) against "
        f"{report['reference']} ({report['reference_items']} items on {report['reference_days']} days, "
        f"{report['span'][0]} to {report['span'][1]}; today = {report['today']})",
        "",
        f"{'':26}{'system':>10}{'baseline':>10}",
    ]
    sys_, base = report["system"], report["baseline"]
    for label, key in [
        ("top-event precision", "top_event_precision"),
        ("recall at 10", "recall_at_10"),
        ("  reachable (any rank)", "recall_any_rank"),
        ("date F1", "date_f1"),
    ]:
        lines.append(f"{label:26}{sys_[key]:>10.1%}{base[key]:>10.1%}")
    lines.append(f"{'days with events':26}{sys_['days']:>10}{base['days']:>10}")
    lines += [
        "",
        f"match: at least {MIN_SHARED} shared content words with a reference item within {WINDOW_DAYS} "
        f"day; top-N days, N = {report['reference_days']} reference days; recall looks at the top "
        f"{TOP_K} events of each day",
        "baseline: sentences dated by their article's publication date, days ranked by their number "
        "of articles, headlines by the terms they share with the day's articles",
    ]
    if examples and sys_["wrong_top_events"]:
        lines += ["", "System's wrong top events (best-ranked days first):"]
        for row in sys_["wrong_top_events"][:examples]:
            lines.append(f"  #{row['rank']} {row['day']} (score {row['score']}): {_clip(row['headline'])}")
            for ref in row["reference"][:2]:
                lines.append(f"      reference: {_clip(ref)}")
    return "\n".join(lines)


def _clip(text: str, width: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
