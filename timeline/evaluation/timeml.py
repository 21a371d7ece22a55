"""Read TimeML documents (TempEval-3, WikiWars) and write our tags back as TimeML."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from timeline.core.errors import TimelineError

from ..temporal.values import Timex

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)(/?)>")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT_TIMEX = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", re.S)
_DCT = re.compile(r"<DCT>(.*?)</DCT>", re.S)


class TimeMLError(TimelineError, ValueError):
    """A .tml file cannot be read (names the file)."""


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Document:
    path: Path
    raw: str  # the whole file
    text: str  # TEXT element, tags removed, entities decoded
    dct: dt.date | None
    gold: list[GoldTimex]
    text_span: tuple[int, int]  # where the TEXT content sits in raw


def _parse_date(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read(path: Path) -> Document:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TimeMLError(f"{path}: cannot read: {exc}") from exc
    m = _TEXT.search(raw)
    if not m:
        raise TimeMLError(f"{path}: no <TEXT> element")
    dct = None
    head = raw[: m.start()]
    tm = _DCT_TIMEX.search(raw)
    if tm:
        attrs = dict(_ATTR.findall(tm.group(0)))
        dct = _parse_date(attrs.get("value", ""))
    if dct is None:
        dm = _DCT.search(head)
        if dm:
            dct = _parse_date(re.sub(r"<[^>]+>", "", dm.group(1)).strip())
    body = m.group(1)
    out: list[str] = []
    pos = 0
    length = 0
    gold: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for tm2 in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tm2.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tm2.end()
        closing, name = tm2.group(1), tm2.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tm2.group(3))))
            if tm2.group(4):  # empty element
                open_timex = None
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(
                GoldTimex(start, length, "", attrs.get("type", "DATE"), attrs.get("value", ""), attrs)
            )
            open_timex = None
    tail = html.unescape(body[pos:])
    out.append(tail)
    text = "".join(out)
    for g in gold:
        g.text = text[g.start : g.end]
    return Document(path, raw, text, dct, gold, m.span(1))


def write(doc: Document, timexes: list[Timex], dest: Path) -> None:
    """Write ``doc`` with our TIMEX3 tags in its TEXT (gold TIMEX3/EVENT/SIGNAL removed)."""
    parts: list[str] = []
    pos = 0
    for i, t in enumerate(timexes, start=1):
        parts.append(escape(doc.text[pos : t.start]))
        attrs = f'tid="t{i}" type="{t.type.value}"'
        value = t.timex3()
        if value is not None:
            attrs += f" value={quoteattr(value)}"
        attrs += f' temporalFunction="{"false" if t.anchor.value == "none" else "true"}"'
        attrs += ' functionInDocument="NONE"'
        parts.append(f"<TIMEX3 {attrs}>{escape(t.text)}</TIMEX3>")
        pos = t.end
    parts.append(escape(doc.text[pos:]))
    s, e = doc.text_span
    out = doc.raw[:s] + "".join(parts) + doc.raw[e:]
    # links to the gold events and timexes are meaningless now
    out = re.sub(r"<(?:TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*/>\s*", "", out)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(out, encoding="utf-8")
