"""How confident a publication-date estimate must be before the tool acts on it, in one place.

An inferred estimate's ``confidence`` is the calibrated probability that the article was
published within three days of the day it names (``anchoring.infer.estimate_from_cues``); a
date given in the front matter has confidence 1. Stage-free: this module imports nothing.
"""

from __future__ import annotations

TRUSTED_CONFIDENCE = 0.5
"""From this confidence on, an inferred date is used as a given one: the article is listed on its
day (below it, "published between A and B"), its "yesterday" and "on Tuesday" are dated to the day,
and its page calls the confidence "medium" (below: "low"). 0.5 is where the named day becomes more
likely right, within three days, than wrong."""

HIGH_CONFIDENCE = 0.8
"""From this confidence on, an article page calls the date's confidence "high", and the evaluation
counts the article as confidently dated and reports how many of those are more than a week off. 0.8
lies above what one kind of clue can reach alone (``anchoring.infer.SINGLE_KIND_CAP``, 0.7), so
"high" takes two kinds of clue that agree; on the development set (war-news-dev) no article at or
above it is more than a week off."""
