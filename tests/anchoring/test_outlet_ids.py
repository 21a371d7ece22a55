"""Article numbers in addresses as a clock (timeline/anchoring/outlet_ids.py + outlet_ids.yaml).

The held-out addresses below are real stories whose day their public source states; none of
them is a calibration point, so each test is a prediction the table could get wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.anchoring.outlet_ids import (
    MIN_MARGIN_DAYS,
    OutletIdError,
    date_number,
    load_outlets,
    outlet_id_dates,
)

D = dt.date.fromisoformat

# (address, day the source gives, why we know it)
HELD_OUT = [
    # NBC "UPS cuts 12,000 jobs", datePublished 2024-01-30 in its source; between calibration
    # points five months apart, so the interval is wide but must hold the day.
    (
        "https://www.nbcnews.com/business/business-news/ups-cutting-12000-jobs-citing-softer-demand-higher-union-labor-costs-rcna136350",
        "2024-01-30",
    ),
    # Reuters day counter (KCN ids share it with KBN): the Big Tech antitrust hearing, 2020-07-29
    (
        "https://www.reuters.com/article/us-usa-tech-congress/u-s-lawmakers-accuse-big-tech-of-crushing-rivals-to-boost-profits-idUSKCN24U1FI",
        "2020-07-29",
    ),
    # Robinhood's funding round valuing it at $11.2bn, reported 2020-08-17
    (
        "https://www.reuters.com/article/us-robinhood-funding/robinhood-valuation-surges-to-112-billion-after-latest-funding-round-idUSKCN25D207",
        "2020-08-17",
    ),
    # Peloton's co-founders leave amid restructuring, announced 2022-09-12
    (
        "https://jp.reuters.com/article/business/two-peloton-co-founders-leave-amid-massive-restructuring-idUSKBN2QD1S4/",
        "2022-09-12",
    ),
    # Reuters' Apple/FBI iCloud exclusive, 2020-01-21
    ("https://www.reuters.com/article/us-apple-fbi-icloud-exclusive-idUSKBN1ZK1CT", "2020-01-21"),
    # RT, Russia sanctions EU leadership: its image's object id was minted 2022-03-31T21:01Z
    ("https://www.rt.com/russia/553076-eu-sanctions-russia-ministry/", "2022-03-31"),
    # ABC (AP wire), Putin to make a state visit to China: publishedAt 2024-05-14T07:32Z
    (
        "https://abcnews.go.com/International/wireStory/russian-president-putin-make-state-visit-china-week-110204816",
        "2024-05-14",
    ),
    # Mirror, England beat Australia in the first T20I: publishedAt 2022-10-09T13:00Z
    ("https://www.mirror.co.uk/sport/cricket/england-australia-butter-hales-wood-28191987", "2022-10-09"),
]


@pytest.fixture(scope="module")
def outlets():
    return load_outlets()


@pytest.mark.parametrize("outlet_name", [o.name for o in load_outlets()])
def test_every_outlet_reads_its_own_example_on_its_day(outlets, outlet_name):
    outlet = next(o for o in outlets if o.name == outlet_name)
    got = outlet_id_dates(outlet.example_url)
    assert got is not None, f"{outlet.name}: pattern does not match its example {outlet.example_url}"
    assert got.outlet == outlet.name
    assert got.part and got.part in outlet.example_url
    assert got.earliest is not None and got.latest is not None and got.best is not None
    assert got.earliest <= outlet.example_day <= got.latest
    assert abs((got.best - outlet.example_day).days) <= 1


@pytest.mark.parametrize(("url", "day"), HELD_OUT)
def test_held_out_stories_land_in_their_interval(outlets, url, day):
    got = outlet_id_dates(url)
    assert got is not None
    outlet = next(o for o in outlets if o.name == got.outlet)
    assert got.number not in {p.number for p in outlet.points}, "held-out story is a calibration point"
    assert got.earliest is not None and got.latest is not None and got.best is not None
    assert got.earliest <= D(day) <= got.latest
    if outlet.per_day:  # a day counter is a calendar: exact to a day either side
        assert got.basis == "day-counter"
        assert abs((got.best - D(day)).days) <= 1
        assert (got.latest - got.earliest).days <= 2


def test_reuters_counter_reads_the_story_named_in_the_brief():
    # "idJPKBN2OT0BD": the Nord Stream turbine sent from Canada, mid-July 2022 (shipped 17-18 July)
    got = outlet_id_dates("https://jp.reuters.com/article/nord-stream-turbine-idJPKBN2OT0BD")
    assert got is not None and got.best is not None
    assert got.outlet == "reuters" and got.part == "idJPKBN2OT0BD"
    assert D("2022-07-16") <= got.best <= D("2022-07-19")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.theguardian.com/world/2022/jun/29/boris-johnson-putin-woman",  # host not in the table
        "https://www.bbc.com/news/articles/cn00rj76xd4o",  # BBC's newer ids carry no number
        "https://news.sky.com/",  # known host, no story
        "https://example.com/rcna153874",  # NBC's shape on a stranger's host
        "https://de.rt.com/russland/553076-x/",  # RT's other editions number on their own
        "",
        None,
    ],
)
def test_no_number_no_answer(url):
    assert outlet_id_dates(url) is None


def test_a_number_past_the_last_point_is_only_a_lower_bound(outlets):
    # Reuters Japan, Apple to allow other app stores in the EU: reported 2022-12-13, after the
    # last Reuters point; the answer says "after", not when.
    got = outlet_id_dates("https://jp.reuters.com/article/apple-app-store-idJPKBN2SX247")
    assert got is not None
    assert got.basis == "after-last"
    assert got.best is None and got.latest is None
    reuters = next(o for o in outlets if o.name == "reuters")
    assert got.earliest is not None and got.earliest <= reuters.points[-1].day <= D("2022-12-13")


def test_a_number_before_the_first_point_is_only_an_upper_bound(outlets):
    # An Express story from the 2016 US election recount, older than the first Express point
    got = outlet_id_dates(
        "http://www.express.co.uk/news/world/735340/Hillary-Clinton-US-President-John-Bonifaz-J-Alex-Halderman-Wisconsin-Pennsylvania-Michigan"
    )
    assert got is not None and got.basis == "before-first"
    assert got.earliest is None and got.best is None
    assert got.latest is not None and D("2016-11-20") <= got.latest


def test_margin_is_the_floor_at_a_point_and_grows_mid_gap(outlets):
    nbc = next(o for o in outlets if o.name == "nbcnews")
    # the widest stretch between two points
    a, b = max(zip(nbc.points, nbc.points[1:], strict=False), key=lambda ab: (ab[1].day - ab[0].day).days)
    at_point = date_number(nbc, a.number)
    mid = date_number(nbc, (a.number + b.number) // 2)
    assert at_point.latest is not None and at_point.earliest is not None
    assert (at_point.latest - at_point.earliest).days == 2 * MIN_MARGIN_DAYS
    assert mid.latest is not None and mid.earliest is not None
    assert (mid.latest - mid.earliest).days > (at_point.latest - at_point.earliest).days


def test_the_table_is_read_once():
    assert load_outlets() is load_outlets()


# -- a broken table is refused with file:line ---------------------------------------------

GOOD = """\
outlets:
  - name: demo
    hosts: [demo.example]
    pattern: '/n/(?P<id>[0-9]+)'
    base: 10
    example: {{url: 'https://demo.example/n/150', date: 2022-01-15}}
    points:
      - [100, 2022-01-10]
      - {second}
      - [300, 2022-02-01]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlets.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_small_table_interpolates(tmp_path):
    path = _write(tmp_path, GOOD.format(second="[200, 2022-01-20]"))
    got = outlet_id_dates("https://demo.example/n/150", path)
    assert got is not None and got.best == D("2022-01-15")


@pytest.mark.parametrize(
    ("second", "words"),
    [
        ("[100, 2022-01-20]", "ids must increase"),  # same id again
        ("[50, 2022-01-20]", "ids must increase"),  # goes backwards
        ("[200, 2022-01-05]", "is before"),  # higher id, earlier day
        ("[200, 2022-13-01]", "not a date"),  # no 13th month
        ("[200, yesterday]", "not a date"),
        ("[-5, 2022-01-20]", "whole number"),
    ],
)
def test_bad_points_name_file_and_line(tmp_path, second, words):
    path = _write(tmp_path, GOOD.format(second=second))
    with pytest.raises(OutletIdError) as err:
        load_outlets(path)
    message = str(err.value)
    assert f"{path}:9:" in message  # the second point's line
    assert words in message


def test_base36_ids_must_be_quoted(tmp_path):
    text = GOOD.replace("base: 10", "base: 36").format(second="['2S5', 2022-01-20]")
    text = text.replace("[100, ", "['1ZZ', ").replace("[300, ", "['3AA', ")
    assert load_outlets(_write(tmp_path, text))  # quoted: fine
    unquoted = text.replace("['3AA', ", "[300, ")
    other = tmp_path / "unquoted"
    other.mkdir()
    with pytest.raises(OutletIdError, match=r"outlets\.yml:10: .*quoted"):
        load_outlets(_write(other, unquoted))


def test_pattern_without_id_group_is_refused(tmp_path):
    text = GOOD.format(second="[200, 2022-01-20]").replace("(?P<id>[0-9]+)", "([0-9]+)")
    with pytest.raises(OutletIdError, match=r"outlets\.yml:2: demo: .*\(\?P<id>"):
        load_outlets(_write(tmp_path, text))


def test_unreadable_yaml_names_the_line(tmp_path):
    text = GOOD.format(second="[200, 2022-01-20]").replace("    base: 10", "    base: [10")
    with pytest.raises(OutletIdError, match=r"outlets\.yml:\d+: not valid YAML"):
        load_outlets(_write(tmp_path, text))


def test_the_usual_miss_is_smaller_than_the_worst_and_grows_mid_gap() -> None:
    """The clue's bell uses the median leave-one-out miss, its interval the worst one."""
    from timeline.anchoring.outlet_ids import date_number, load_outlets

    for outlet in load_outlets():
        if outlet.per_day or len(outlet.points) < 4:
            continue
        a, b = max(
            zip(outlet.points, outlet.points[1:], strict=False), key=lambda ab: (ab[1].day - ab[0].day).days
        )
        if (b.day - a.day).days < 10:
            continue
        mid = date_number(outlet, (a.number + b.number) // 2)
        near = date_number(outlet, a.number + 1)
        assert near.spread <= mid.spread, outlet.name
        assert mid.earliest is not None and mid.best is not None
        assert mid.spread <= (mid.best - mid.earliest).days + 1, outlet.name
