"""Event candidates of one article: its dated sentences, on the date of what they report.

Rules, in order (each one documented in site_src/guide/events.md):

1. Sentences come from ``article.body`` (boilerplate already masked), offsets into ``article.text``.
2. A timex can date an event only when it is a resolved DATE or TIME value (durations, sets and
   PRESENT_REF/PAST_REF never are), finer than a year (years, decades and centuries are background),
   not the time of writing ("now", "five weeks into the war", "Today marks 100 days": the article itself
   is listed on its publication date) unless told as news ("Russian forces this morning shelled
   Kharkiv": a verb in the past tense, see ``day_of_writing`` in ``words.yaml``), not ahead of the
   time of writing ("tomorrow", "next week": announced, not yet happened), and not the bound of a
   span ("since March 1", "by Friday").
3. The sentence's date is its first such timex outside quotation marks with the finest precision class
   (a day or finer, else anything coarser), which is the main clause's date in news style: "On Tuesday,
   March 22, Kirby said ..." or "The Kremlin announced yesterday that ...". An explicit date in the same
   phrase wins over a date counted from the text's previous one: "The next day, 11 May, ..." is 11 May.
4. Photo captions (a line with a credit, caption markup or a glued agency name) are marked; a caption
   sentence becomes an event only when it reports something (a reporting verb such as "acknowledged").
5. The event text is the cleaned sentence (:func:`clean_text`); sentences of fewer than four words
   after cleaning are dropped.
6. Dates counted from the article's own date are checked against the publication estimate: one that
   falls after the article was written is dropped (a resolution error, or a plan). When the estimate is
   weak (inferred, confidence below TRUSTED_CONFIDENCE), "yesterday", "on Tuesday", "last week" move with
   it: the date is widened by the estimate's uncertainty and coarsened to the week or month that holds
   it, or dropped when not even a month does; "March 22" is dropped when the estimate spans more than
   half a year (its year is a guess). "Around late March" beats a confident wrong day.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ..content.article import Article
from ..core.results import ArticleEvent
from ..core.sentences import split_sentences
from ..core.thresholds import TRUSTED_CONFIDENCE
from ..temporal.specs import ChronologyRef, DayOfMonth, Deictic, Shift, WeekdayRef, YearlessDate
from ..temporal.values import AnchorKind, DateValue, Granularity, Mod, Timex, TimexType
from .cleaning import clean_text, is_caption
from .words import words

if TYPE_CHECKING:
    from ..anchoring.model import PublicationEstimate

MIN_WORDS = 4
_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word of any script (Ukrainian, Russian too)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def writing_time(timex: Timex) -> bool:
    """Whether the timex only names the time of writing: today, this morning, now, "30 days in"."""
    spec = timex.spec
    if isinstance(spec, Deictic) and spec.unit == "D" and spec.offset == 0:
        return True
    if isinstance(spec, ChronologyRef) and spec.present:
        return True
    return bool(words().writing_time.fullmatch(" ".join(timex.text.lower().split())))


NEAR_WORDS = 200  # characters each side of a day-of-writing word read for its tense
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?:-[a-z]+)*(?![\w'’-])")


def told_in_the_past(sentence: str) -> bool:
    """Whether a sentence tells what happened: a verb in the past tense (a word of ``past_verbs``
    or a lowercase word in -ed that is not in ``not_past``) and no word of what is still to come."""
    found = words()
    if found.future.search(sentence):
        return False
    for word in _LOWER_WORD.findall(sentence):
        if word in found.past_verbs or (word.endswith("ed") and len(word) > 4 and word not in found.not_past):
            return True
    return False


def news_of_the_day(sentence: str, timex: Timex) -> bool:
    """Whether a timex of the day of writing ("today", "this morning") dates news: its sentence tells
    what happened ("Russian forces this morning shelled Kharkiv"), see ``day_of_writing`` in
    ``words.yaml``."""
    if not words().day_of_writing.fullmatch(" ".join(timex.text.lower().split())):
        return False
    return told_in_the_past(sentence)


def ahead_of_writing(timex: Timex) -> bool:
    """Whether the timex points after the time of writing: "tomorrow", "next week", "next Monday", "in two
    days". What is announced for later has not happened yet when the article reports it."""
    spec = timex.spec
    if isinstance(spec, Deictic):
        return spec.offset > 0
    if isinstance(spec, WeekdayRef):
        return spec.relation == "next"
    if isinstance(spec, Shift):
        return timex.anchor == AnchorKind.PUBLICATION and spec.sign > 0
    return False


def _span_bound(text: str, timex: Timex) -> bool:
    """Whether the timex opens or closes a span ("since March 1", "until Friday", "by the end of May")."""
    lowered = " ".join(timex.text.lower().split())
    before = " ".join(text[max(0, timex.start - 20) : timex.start].lower().split())
    for word in words().span_words:
        if lowered.startswith(word + " ") or before == word or before.endswith(" " + word):
            return True
    return False


def datable(text: str, timex: Timex, sentence: tuple[int, int]) -> bool:
    """Whether ``timex`` (in ``text``, in its sentence ``text[start:end]``) can give an event its
    date (rule 2 above)."""
    if timex.type not in (TimexType.DATE, TimexType.TIME) or not isinstance(timex.value, DateValue):
        return False
    if timex.value.granularity >= Granularity.YEAR:
        return False
    if writing_time(timex):
        # only the words within NEAR_WORDS characters: a long quote's far end ("Today we publish
        # the report, so that ... before it is too late," she said) tells nothing of its tense
        start, end = max(sentence[0], timex.start - NEAR_WORDS), min(sentence[1], timex.end + NEAR_WORDS)
        if not news_of_the_day(text[start:end], timex):
            return False
    return not ahead_of_writing(timex) and not _span_bound(text, timex)


def reports_something(sentence: str) -> bool:
    """Whether a caption sentence reports something rather than describing the picture."""
    verbs = words().reporting_verbs
    return any(w.lower() in verbs for w in _WORD.findall(sentence))


def _precision_class(value: DateValue) -> int:
    return 0 if value.granularity <= Granularity.DAY else 1


_APPOSITION = re.compile(r"[\s,(–—-]*")  # "The next day, 11 May": one phrase, two dates


def _pick(text: str, start: int, end: int, candidates: list[tuple[int, Timex]]) -> tuple[int, Timex]:
    """The timex that dates the sentence ``text[start:end]`` (rule 3)."""
    quoted = [(start + m.start(), start + m.end()) for m in _QUOTED.finditer(text[start:end])]
    starts = {t.start for _, t in candidates}

    def restated(t: Timex) -> bool:
        """A date counted from the text's previous date, given again explicitly right after it."""
        if t.anchor != AnchorKind.PREVIOUS:
            return False
        gap = _APPOSITION.match(text, t.end)
        return gap is not None and gap.end() in starts

    def key(item: tuple[int, Timex]) -> tuple[bool, int, bool, int]:
        _, t = item
        inside = any(s <= t.start and t.end <= e for s, e in quoted)
        assert isinstance(t.value, DateValue)
        return inside, _precision_class(t.value), restated(t), t.start

    return min(candidates, key=key)


GRACE = dt.timedelta(days=1)  # time zones: "Thursday" in Kyiv can be Wednesday where it was filed
YEAR_UNSURE_DAYS = 183  # a weak estimate wider than this cannot give "March 22" its year


def honest_date(timex: Timex, value: DateValue, published: PublicationEstimate | None) -> DateValue | None:
    """``value``, a coarser date that holds every day it could be given the publication estimate's
    uncertainty, or None when the date cannot be trusted at all (rule 6)."""
    if published is not None and published.latest is not None and value.earliest > published.latest + GRACE:
        return None  # later than the article can have been written: a plan or a forecast, not news
    if (
        published is None
        or published.value is None
        or published.earliest is None
        or published.latest is None
        or timex.anchor != AnchorKind.PUBLICATION
    ):
        return value
    if value.earliest > published.latest:  # counted from the article's date, yet after it was written
        return None
    if published.source == "metadata" or published.confidence >= TRUSTED_CONFIDENCE:
        return value
    if isinstance(timex.spec, YearlessDate):
        return None if (published.latest - published.earliest).days > YEAR_UNSURE_DAYS else value
    if not isinstance(timex.spec, Deictic | WeekdayRef | DayOfMonth | Shift):
        return value
    first = value.earliest - (published.value - published.earliest)
    last = value.latest + (published.latest - published.value)
    if value.earliest <= first and last <= value.latest:
        return value
    for wider in (DateValue.week(first), DateValue.month(first.year, first.month)):
        if wider.granularity >= value.granularity and last <= wider.latest:
            return DateValue(wider.granularity, wider.earliest, wider.latest, Mod.APPROX)
    return None


def article_events(
    article: Article, timexes: list[Timex], published: PublicationEstimate | None = None
) -> list[ArticleEvent]:
    """The event candidates of ``article``, in text order; ``timexes`` index into ``article.text``.

    ``published`` (the article's publication estimate) lets rule 6 widen dates counted from a weak
    estimate; without it dates are taken as resolved.
    """
    body = article.body
    sentences = split_sentences(body, article.body_start)
    if not sentences:
        return []
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[tuple[int, Timex]]] = {}
    previous_end, previous_in_span = -1, False
    for index, timex in sorted(enumerate(timexes), key=lambda item: item[1].start):
        i = bisect_right(starts, timex.start) - 1
        # "since the war started over a month ago": a timex right after a span bound belongs to it
        follows = 0 <= previous_end <= timex.start and not body[previous_end : timex.start].strip()
        in_span = _span_bound(body, timex) or (follows and previous_in_span)
        previous_end, previous_in_span = timex.end, in_span
        if i < 0 or timex.end > sentences[i][1] or in_span:
            continue
        if datable(body, timex, sentences[i]):
            by_sentence.setdefault(i, []).append((index, timex))

    newlines = [m.start() for m in re.finditer("\n", body)]
    line_caption: dict[int, bool] = {}
    events = []
    for i, candidates in sorted(by_sentence.items()):
        start, end = sentences[i]
        line = bisect_right(newlines, start)  # sentences never cross a line break
        if line not in line_caption:
            line_start = newlines[line - 1] + 1 if line else 0
            line_end = newlines[line] if line < len(newlines) else len(body)
            line_caption[line] = is_caption(body[line_start:line_end])
        caption = line_caption[line]
        raw = body[start:end]
        if caption and not reports_something(raw):
            continue
        text = clean_text(raw)
        if len(_WORD.findall(text)) < MIN_WORDS:
            continue
        index, timex = _pick(body, start, end, candidates)
        assert isinstance(timex.value, DateValue)
        date = honest_date(timex, timex.value, published)
        if date is None:
            continue
        events.append(ArticleEvent(article.slug, date, text, start, end, index, caption=caption))
    return events
