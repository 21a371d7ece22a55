"""Property tests: the tagger survives any text, and whole builds survive any set of articles."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.core.problems import Problems
from timeline.pipeline.build import build
from timeline.temporal import tag

from .project import make_project

# TIMEX3 value syntax (TimeML 1.2.1): dates, weeks, seasons, quarters, halves, decades, centuries,
# with optional time or part of day; durations; the three reference values.
_DATE = (
    r"(?:\d{4}|XXXX)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:WE|\d))?|-(?:SP|SU|FA|WI)|-Q[1-4X]|-H[12X])?"
)
_TIME = r"(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT))?"
_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?:{_NUM}(?:Y|M|W|D|DE|CE|Q|H|L))+(?:T(?:{_NUM}[HMS])+)?|PT(?:{_NUM}[HMS])+"
TIMEX3_VALUE = re.compile(
    rf"(?:{_DATE}{_TIME}|\d{{3}}|\d{{2}}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF|XXXX-WXX-\d{_TIME})"
)

NEWSY = st.sampled_from(
    [
        "On Tuesday, March 22, ",
        "yesterday",
        "last week",
        "five weeks into the war",
        "30 days in",
        "a year ago",
        "since 2014",
        "in the 1990s",
        "22 March 2022",
        "2022-03-22",
        "Mar. 22",
        "may",
        "21 miles",
        "3rd parties",
        "22nd Mechanized Brigade",
        "3 months ago 3\n",
        "at 4:30 a.m.",
        "every day",
        "for two decades",
        "the previous day",
        "two days later",
        "\n",
        " ",
        ",",
        "ago ",
        "Kyiv",
        "March",
        "the 1990s",
        "early 2023",
        "mid-March",
        "the end of the month",
        "0",
        "99",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(NEWSY, max_size=40).map("".join))
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=PUBLISHED)
def test_tagger_on_any_text_gives_valid_offsets_and_values(text: str, published: dt.date | None) -> None:
    timexes = tag(text, published)
    last_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end, "timexes are sorted and do not overlap"
        last_end = t.end
        assert text[t.start : t.end] == t.text
        value = t.timex3()
        if value is not None:
            assert TIMEX3_VALUE.fullmatch(value), (t.text, value)
        if t.earliest is not None:
            assert t.earliest <= t.latest


ARTICLE = st.builds(
    lambda title, body: f"{title}\n\n{body}\n",
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=0, max_size=60),
    st.lists(NEWSY, max_size=30).map("".join),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles=st.lists(ARTICLE, min_size=0, max_size=5))
def test_whole_builds_on_random_articles_never_crash(tmp_path: Path, articles: list[str]) -> None:
    root = tmp_path / f"p{abs(hash(tuple(articles))) % 10**9}"
    make_project(root, {f"a{i}.txt": body for i, body in enumerate(articles)})
    problems = Problems()
    build(config_file=root / "mkdocs.yml", problems=problems, use_cache=False)
    assert (root / "site_src" / "timeline").is_dir()
    for problem in problems:
        assert problem.path.startswith("articles/a"), problem
