"""TempEval-3 style scoring of our tagger against TimeML gold annotations.

strict = identical extent; relaxed = overlapping extent; value (type) F1 = value (type)
accuracy over relaxed matches times relaxed F1 (TempEval-3's definition).

Every document goes through the product's own path, :func:`document_timexes`: the loader reads
its text as a ``.txt`` article, and ``extract_article`` tags and resolves it with the creation
time as the publication date, exactly as ``timeline extract --published DCT`` does. There is no
mode for narrative texts: the tagger decides for each expression what it counts from.

TIMEX2-style gold (WikiWars: every type DATE) is compared on values only, after these
normalisations of the value strings at the edge (both sides upper-cased):
  * our SET values match either way TIMEX2 writes a recurrence: "every day" as XXXX-XX-XX
    (P1W as XXXX-WXX, P1M as XXXX-XX, P1Y as XXXX) and "per day" as P1D;
  * an empty or "null" gold value equals our missing value.
In both styles a week number written without its leading zero (2000-W7) equals 2000-W07.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from typing import Any

from ..content.loader import article_from_text
from ..core.chronology import Chronology, load_chronology
from ..core.problems import Problems
from ..pipeline.extraction import extract_article, reference_today
from ..temporal.values import Timex
from . import timeml

_TIMEX2_SETS = {"P1D": "XXXX-XX-XX", "P1W": "XXXX-WXX", "P1M": "XXXX-XX", "P1Y": "XXXX"}


_WEEK = re.compile(r"-W(\d)(?!\d)")


def _norm(value: str | None, timex2: bool, is_set: bool = False) -> str:
    v = (value or "").strip().upper()
    if v in ("NULL", "NONE"):
        v = ""
    v = _WEEK.sub(r"-W0\1", v)  # the same ISO week: some gold writes 2000-W7 for 2000-W07
    if timex2 and is_set:
        v = _TIMEX2_SETS.get(v, v)
    return v


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _match(gold: list[timeml.GoldTimex], ours: list[Timex]) -> list[tuple[timeml.GoldTimex, Timex]]:
    """One-to-one pairs of overlapping extents (both lists are sorted by start)."""
    pairs = []
    used: set[int] = set()
    j0 = 0
    for g in gold:
        while j0 < len(ours) and ours[j0].end <= g.start:
            j0 += 1
        j = j0
        while j < len(ours) and ours[j].start < g.end:
            if j not in used and ours[j].end > g.start:
                pairs.append((g, ours[j]))
                used.add(j)
                break
            j += 1
    return pairs


def is_timex2(docs: list[timeml.Document]) -> bool:
    """TIMEX2-style gold: every timex typed DATE (TIMEX3 gold has durations and sets)."""
    types = {g.type for d in docs for g in d.gold}
    return types == {"DATE"} and sum(len(d.gold) for d in docs) > 0


def document_timexes(
    name: str, text: str, dct: dt.date | None, chronology: Chronology, today: dt.date
) -> list[Timex]:
    """The timexes ``timeline extract --published DCT`` gives for a file ``name`` holding ``text``:
    read as a ``.txt`` article, tagged, anchored and resolved by ``extract_article``. Offsets index
    ``text``. A text the loader skips has none."""
    article = article_from_text(text, name, Problems(), today=today, stem=Path(name).stem)
    if article is None:
        return []
    if dct is not None:
        article.published = dct
    return extract_article(article, chronology, today).timexes


def run_eval(
    gold_dir: Path,
    write_dir: Path | None = None,
    *,
    timex2: bool | None = None,
    details: bool = False,
    chronology: Chronology | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Tag every ``.tml`` under ``gold_dir`` (recursively) and score it TempEval-3 style.

    ``timex2`` None detects TIMEX2-style gold (see :func:`is_timex2`). With ``write_dir``,
    each document is written there as TimeML with our tags. ``details`` adds the lists of
    false positives, false negatives and wrong values (for rule development). ``timex2`` only
    changes how values are compared, never how they are found. ``chronology`` defaults to the
    built-in one, ``today`` to the end of its window.
    """
    gold_dir = Path(gold_dir)
    files = sorted(gold_dir.rglob("*.tml"))
    if not files:
        raise timeml.TimeMLError(f"{gold_dir}: no .tml files found")
    docs = [timeml.read(f) for f in files]
    if timex2 is None:
        timex2 = is_timex2(docs)
    chronology = chronology or load_chronology(None, today=today)
    today = reference_today(chronology, today)
    n_gold = n_sys = strict = rel_gold = rel_sys = 0
    value_ok = type_ok = n_pairs = 0
    chars = 0
    elapsed = 0.0
    fps: list[dict[str, str]] = []
    fns: list[dict[str, str]] = []
    wrong: list[dict[str, str]] = []
    for doc in docs:
        t0 = time.perf_counter()
        ours = document_timexes(doc.path.name, doc.text, doc.dct, chronology, today)
        elapsed += time.perf_counter() - t0
        chars += len(doc.text)
        if write_dir is not None:
            timeml.write(doc, ours, Path(write_dir) / doc.path.relative_to(gold_dir))
        n_gold += len(doc.gold)
        n_sys += len(ours)
        gold_spans = {(g.start, g.end) for g in doc.gold}
        strict += sum(1 for t in ours if (t.start, t.end) in gold_spans)
        rel_gold += sum(1 for g in doc.gold if any(t.start < g.end and g.start < t.end for t in ours))
        rel_sys += sum(1 for t in ours if any(t.start < g.end and g.start < t.end for g in doc.gold))
        pairs = _match(doc.gold, ours)
        n_pairs += len(pairs)
        for g, t in pairs:
            gv = _norm(g.value, timex2)
            tv = _norm(t.timex3(), timex2, is_set=t.type.value == "SET")
            if gv == tv or (timex2 and t.type.value == "SET" and gv == _norm(t.timex3(), timex2)):
                value_ok += 1
            elif details:
                wrong.append(
                    {
                        "doc": doc.path.name,
                        "text": t.text,
                        "gold_text": g.text,
                        "gold": gv,
                        "ours": tv,
                        "rule": t.rule,
                        "context": _ctx(doc.text, t.start, t.end),
                    }
                )
            if g.type == t.type.value:
                type_ok += 1
        if details:
            for t in ours:
                if not any(t.start < g.end and g.start < t.end for g in doc.gold):
                    fps.append(
                        {
                            "doc": doc.path.name,
                            "text": t.text,
                            "rule": t.rule,
                            "context": _ctx(doc.text, t.start, t.end),
                        }
                    )
            for g in doc.gold:
                if not any(t.start < g.end and g.start < t.end for t in ours):
                    fns.append(
                        {
                            "doc": doc.path.name,
                            "text": g.text,
                            "value": g.value,
                            "type": g.type,
                            "context": _ctx(doc.text, g.start, g.end),
                        }
                    )

    def prf(tp_sys: int, tp_gold: int) -> dict[str, float]:
        p = tp_sys / n_sys if n_sys else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * _f1(p, r), 2)}

    strict_s = prf(strict, strict)
    relaxed_s = prf(rel_sys, rel_gold)
    value_acc = value_ok / n_pairs if n_pairs else 0.0
    type_acc = type_ok / n_pairs if n_pairs else 0.0
    report: dict[str, Any] = {
        "gold_dir": str(gold_dir),
        "documents": len(docs),
        "gold_timexes": n_gold,
        "system_timexes": n_sys,
        "timex2": timex2,
        "strict": strict_s,
        "relaxed": relaxed_s,
        "value": {"accuracy": round(100 * value_acc, 2), "f1": round(value_acc * relaxed_s["f1"], 2)},
        "type": None
        if timex2
        else {"accuracy": round(100 * type_acc, 2), "f1": round(type_acc * relaxed_s["f1"], 2)},
        "chars": chars,
        "chars_per_second": round(chars / elapsed) if elapsed else None,
    }
    if details:
        report["false_positives"] = fps
        report["false_negatives"] = fns
        report["wrong_values"] = wrong
    return report


def _ctx(text: str, start: int, end: int, width: int = 60) -> str:
    return (
        text[max(0, start - width) : start] + "[" + text[start:end] + "]" + text[end : end + width]
    ).replace("\n", " ")


def format_report(report: dict[str, Any]) -> str:
    """A small text table of a :func:`run_eval` report."""
    lines = [
        f"{report['gold_dir']}: {report['documents']} documents, {report['gold_timexes']} gold timexes, "
        f"{report['system_timexes']} found" + (" (TIMEX2 gold: values only)" if report["timex2"] else ""),
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for key in ("strict", "relaxed"):
        s = report[key]
        lines.append(f"{key:10}{s['precision']:8.2f}{s['recall']:8.2f}{s['f1']:8.2f}")
    v = report["value"]
    lines.append(f"{'value':10}{'':16}{v['f1']:8.2f}   (accuracy {v['accuracy']:.2f} over relaxed matches)")
    if report.get("type"):
        t = report["type"]
        lines.append(
            f"{'type':10}{'':16}{t['f1']:8.2f}   (accuracy {t['accuracy']:.2f} over relaxed matches)"
        )
    return "\n".join(lines)
