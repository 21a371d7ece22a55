"""Events: dated sentences of each article, cleaned, then merged across articles into a sourced chronology.

- :func:`article_events`: one article's event candidates (see :mod:`.extract` for the rules);
- :func:`clean_text`: the one cleaning function for all text shown to readers;
- :func:`merge_events`: candidates of all articles -> ranked :class:`~timeline.core.results.Event`
  list (:mod:`.chronicle`: near-copies merged, reports of one happening joined across outlets, ranked);
- :func:`event_record`: a merged event as a JSON-ready dict that lists its members and conflicts.
"""

from ..core.sentences import split_sentences
from .chronicle import merge_events
from .cleaning import clean_text, is_caption, junk_spans, mask_junk
from .extract import article_events
from .merge import (
    CONFLICT_THRESHOLD,
    MERGE_THRESHOLD,
    content_tokens,
    event_id,
    name_clash,
    similar,
)
from .probing import jaccard
from .record import event_record

__all__ = [
    "CONFLICT_THRESHOLD",
    "MERGE_THRESHOLD",
    "article_events",
    "clean_text",
    "content_tokens",
    "event_id",
    "event_record",
    "is_caption",
    "jaccard",
    "junk_spans",
    "mask_junk",
    "merge_events",
    "name_clash",
    "similar",
    "split_sentences",
]
