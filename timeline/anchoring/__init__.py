"""Place articles in time: infer publication dates and resolve every date expression.

>>> import datetime as dt
>>> from timeline.core.chronology import load_chronology
>>> result = anchor_text("Five weeks into the war, the MoD says troops have pulled back.", None,
...                      load_chronology(None), today=dt.date(2025, 1, 1))
>>> result.published.value
datetime.date(2022, 3, 31)
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.core.chronology import Chronology
from timeline.temporal import tag
from timeline.temporal.values import Timex

from .cues import Cue
from .infer import estimate_from_cues, find_cues, horizon, infer_publication
from .model import AnchoredText, EstimateSource, Evidence, PublicationEstimate
from .resolve import resolve_timexes

__all__ = [
    "AnchoredText",
    "EstimateSource",
    "Evidence",
    "PublicationEstimate",
    "Reading",
    "anchor_text",
    "infer_publication",
    "place_text",
    "read_text",
]


@dataclass
class Reading:
    """What anchoring reads in a text before it places anything in time: the timexes as tagged
    (unresolved) and, for a text without a publication date, the clues in the text and its address.
    None of it depends on the publication date or on clues from outside the text, so the corpus
    pass (:func:`timeline.pipeline.read_phase.date_from_corpus`) places an undated text again from its first
    reading (:meth:`dump`, :meth:`load`) instead of tagging it again."""

    timexes: list[Timex]
    cues: list[Cue]

    def dump(self) -> bytes:
        """A copy that placing the text cannot change (:func:`place_text` resolves the timexes in
        place); small (a few KB for a news article)."""
        return pickle.dumps((self.timexes, self.cues), protocol=5)

    @classmethod
    def load(cls, data: bytes) -> Reading:
        timexes, cues = pickle.loads(data)  # our own bytes, written by this build
        return cls(timexes, cues)

    @classmethod
    def of(
        cls,
        text: str,
        published: dt.date | None,
        chronology: Chronology,
        *,
        today: dt.date,
        url: str | None = None,
        language: str = "en",
    ) -> Reading:
        """The reading of ``text``: tagged with the rules of ``language`` and, when it has no
        ``published`` date, the clues to it in the text and its address ``url``
        (:func:`timeline.anchoring.infer.find_cues`)."""
        timexes = tag(text, None, anchors=chronology.anchors, language=language)
        cues = find_cues(text, timexes, chronology, today, url) if published is None else []
        return cls(timexes, cues)


# The reading of a text, as the pipeline asks for it before placing the text (:func:`place_text`).
read_text = Reading.of


def place_text(
    reading: Reading,
    text: str,
    published: dt.date | None,
    chronology: Chronology,
    *,
    today: dt.date,
    extra: Sequence[Cue] = (),
) -> AnchoredText:
    """Place a text read by :func:`read_text` in time and resolve its timexes (in place):
    ``infer_publication`` from the reading's clues and ``extra``, unless ``published``."""
    timexes = reading.timexes
    if published is not None:
        estimate = PublicationEstimate(published, published, published, EstimateSource.METADATA, 1.0, [])
    else:  # infer_publication, from clues already found
        cues = [*reading.cues, *extra]
        estimate = estimate_from_cues(cues, *horizon(chronology, today), chronology.anchors.get("default"))
    resolve_timexes(timexes, estimate, chronology, text)
    return AnchoredText(estimate, timexes)


def anchor_text(
    text: str,
    published: dt.date | None,
    chronology: Chronology,
    *,
    today: dt.date,
    url: str | None = None,
    extra: Sequence[Cue] = (),
) -> AnchoredText:
    """Tag ``text``, place it in time and resolve every timex.

    ``published`` from the article's metadata always wins; otherwise the date is inferred
    from the text's own cues. ``today`` is the latest plausible date (injected, never read
    from the clock). ``url``, the article's address, is a clue too when it holds a date;
    ``extra`` are clues from outside the article (what the dated articles of the corpus say).
    """
    reading = read_text(text, published, chronology, today=today, url=url)
    return place_text(reading, text, published, chronology, today=today, extra=extra)
