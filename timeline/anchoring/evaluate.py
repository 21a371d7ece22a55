"""Publication-date evaluation: hide each article's date, infer it, compare.

Input is JSON Lines with ``{id, source, url, published, title, text}``. Only the title
and text are shown to the inference; ``published`` is the truth. The baseline takes the
latest full date (day, month and year) written in the text.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from pathlib import Path
from typing import Any

from timeline.chronology import Chronology
from timeline.temporal import tag
from timeline.temporal.values import AnchorKind, DateValue, Granularity

from .infer import infer_publication

HIGH_CONFIDENCE = 0.8


class EvalInputError(ValueError):
    """The JSONL file cannot be used; the message names the file and line."""


def read_articles(jsonl: Path) -> list[dict[str, Any]]:
    articles = []
    try:
        lines = Path(jsonl).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{jsonl}: cannot read ({exc})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            truth = dt.date.fromisoformat(str(raw["published"])[:10])
            text = str(raw.get("text") or "")
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalInputError(
                f"{jsonl}:{n}: expected a JSON object with 'published' (YYYY-MM-DD) and 'text' ({exc})"
            ) from exc
        articles.append(
            {
                "id": str(raw.get("id", n)),
                "title": str(raw.get("title") or ""),
                "url": raw.get("url") if isinstance(raw.get("url"), str) else None,
                "text": text,
                "published": truth,
            }
        )
    return articles


def latest_full_date(timexes: list[Any]) -> dt.date | None:
    days = [
        t.value.earliest
        for t in timexes
        if t.anchor == AnchorKind.NONE
        and isinstance(t.value, DateValue)
        and t.value.granularity <= Granularity.DAY
    ]
    return max(days) if days else None


def run_pubdate_eval(
    jsonl: Path, chronology: Chronology, today: dt.date, *, use_url: bool = True
) -> dict[str, Any]:
    """Infer every article's date with the true date hidden; return metrics and per-article rows.

    The article's address is a clue like its text (``use_url=False`` measures the text alone)."""
    rows = []
    for art in read_articles(jsonl):
        text = f"{art['title']}\n\n{art['text']}" if art["title"] else art["text"]
        timexes = tag(text, None, anchors=chronology.anchors)
        est = infer_publication(text, timexes, chronology, today, art["url"] if use_url else None)
        truth: dt.date = art["published"]
        base = latest_full_date(timexes)
        rows.append(
            {
                "id": art["id"],
                "published": truth.isoformat(),
                "value": est.value.isoformat() if est.value else None,
                "earliest": est.earliest.isoformat() if est.earliest else None,
                "latest": est.latest.isoformat() if est.latest else None,
                "confidence": est.confidence,
                "error_days": (est.value - truth).days if est.value else None,
                "covered": bool(est.earliest and est.latest and est.earliest <= truth <= est.latest),
                "width_days": est.width_days,
                "baseline": base.isoformat() if base else None,
                "baseline_error_days": (base - truth).days if base else None,
                "cues": len(est.evidence),
            }
        )
    return {
        "file": str(jsonl),
        "today": today.isoformat(),
        "articles": len(rows),
        "inferred": _metrics(rows, "error_days"),
        "baseline": _metrics(rows, "baseline_error_days"),
        "coverage": _share(sum(r["covered"] for r in rows), len(rows)),
        "median_width_days": statistics.median([r["width_days"] for r in rows if r["width_days"]] or [0]),
        "no_interval": sum(1 for r in rows if r["width_days"] is None),
        "confident_wrong": sum(
            1
            for r in rows
            if r["confidence"] >= HIGH_CONFIDENCE and (r["error_days"] is None or abs(r["error_days"]) > 7)
        ),
        "confident": sum(1 for r in rows if r["confidence"] >= HIGH_CONFIDENCE),
        "rows": rows,
    }


def _share(k: int, n: int) -> float:
    return round(k / n, 4) if n else 0.0


def _metrics(rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    n = len(rows)
    errors = [abs(r[key]) for r in rows if r[key] is not None]
    return {
        "with_value": len(errors),
        "exact": _share(sum(e == 0 for e in errors), n),
        "within_1": _share(sum(e <= 1 for e in errors), n),
        "within_3": _share(sum(e <= 3 for e in errors), n),
        "within_7": _share(sum(e <= 7 for e in errors), n),
        "median_abs_error_days": statistics.median(errors) if errors else None,
    }


def format_pubdate_report(report: dict[str, Any]) -> str:
    """A plain-text table of the report, for people."""
    n = report["articles"]
    lines = [f"Publication-date inference on {report['file']} ({n} articles, today = {report['today']})", ""]
    lines.append(f"{'':28}{'inferred':>10}{'baseline':>10}")
    labels = [
        ("with a date", "with_value"),
        ("exact", "exact"),
        ("within 1 day", "within_1"),
        ("within 3 days", "within_3"),
        ("within 7 days", "within_7"),
        ("median |error| (days)", "median_abs_error_days"),
    ]
    for label, key in labels:
        a, b = report["inferred"][key], report["baseline"][key]
        lines.append(f"{label:28}{_cell(a, key):>10}{_cell(b, key):>10}")
    lines += [
        "",
        f"interval covers the true date: {report['coverage']:.1%}",
        f"median interval width: {report['median_width_days']} days"
        + (f" ({report['no_interval']} without interval)" if report["no_interval"] else ""),
        f"confidence >= {HIGH_CONFIDENCE}: {report['confident']} articles, "
        f"{report['confident_wrong']} of them more than 7 days off",
    ]
    return "\n".join(lines)


def _cell(v: Any, key: str) -> str:
    if v is None:
        return "-"
    if key in ("with_value", "median_abs_error_days"):
        return str(v)
    return f"{v:.1%}"
