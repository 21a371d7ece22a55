"""What anchoring produces: a publication-date estimate with its evidence, and resolved timexes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from timeline.temporal.values import Timex


class EvidenceSource(StrEnum):
    """Where the words of a piece of evidence are (the value is written in JSON output)."""

    TEXT = "text"  # in the article's text, at ``start:end``
    URL = "url"  # in the article's address
    CORPUS = "corpus"  # in other articles of the pile, the dated ones that report the same news


@dataclass(frozen=True)
class Evidence:
    """Words and what they imply, for people.

    ``source`` says where the words are: "text" (``text == file_text[start:end]``), "url"
    (``text`` is part of the article's address; ``start == end == 0``) or "corpus" (no words of
    this article: ``articles`` names the dated articles, by slug, that report the same news)."""

    text: str
    start: int
    end: int
    reason: str
    source: EvidenceSource = EvidenceSource.TEXT
    articles: tuple[str, ...] = ()


class EstimateSource(StrEnum):
    """Where a publication date comes from (the value is written in JSON output)."""

    METADATA = "metadata"  # the article's front matter or feed says it: trusted, confidence 1
    INFERRED = "inferred"  # worked out from clues in the text, the address and the corpus
    UNKNOWN = "unknown"  # nothing places it: no value, an interval that ends today


@dataclass
class PublicationEstimate:
    value: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    source: EstimateSource
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def width_days(self) -> int | None:
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1

    def record(self) -> dict[str, Any]:
        """The value, interval, source and confidence, JSON-ready, without the evidence (what
        ``timeline extract --json`` and the downloads show)."""
        return {
            "value": self.value.isoformat() if self.value else None,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "source": str(self.source),
            "confidence": round(float(self.confidence), 3),
        }


@dataclass
class AnchoredText:
    published: PublicationEstimate
    timexes: list[Timex]
