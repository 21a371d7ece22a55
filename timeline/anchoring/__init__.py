"""Place articles in time: infer publication dates and resolve every date expression.

>>> import datetime as dt
>>> from timeline.chronology import load_chronology
>>> result = anchor_text("Five weeks into the war, the MoD says troops have pulled back.", None,
...                      load_chronology(None), today=dt.date(2025, 1, 1))
>>> result.published.value
datetime.date(2022, 3, 31)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from timeline.chronology import Chronology
from timeline.temporal import tag

from .cues import Cue
from .infer import infer_publication
from .model import AnchoredText, Evidence, PublicationEstimate
from .resolve import resolve_timexes

__all__ = ["AnchoredText", "Evidence", "PublicationEstimate", "anchor_text", "infer_publication"]


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
    timexes = tag(text, None, anchors=chronology.anchors)
    if published is not None:
        estimate = PublicationEstimate(published, published, published, "metadata", 1.0, [])
    else:
        estimate = infer_publication(text, timexes, chronology, today, url, extra)
    resolve_timexes(timexes, estimate, chronology, text)
    return AnchoredText(estimate, timexes)
