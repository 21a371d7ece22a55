"""The gazetteer behind the tag pages: aliases, whole-word matching, validation of the data file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.core.gazetteer import (
    KINDS,
    Entity,
    Gazetteer,
    GazetteerError,
    default_gazetteer,
    load_gazetteer,
)


def ids(text: str) -> list[str]:
    return [m.entity.id for m in default_gazetteer().find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling in Kiev and Kyiv", ["kyiv", "kyiv"]),
        ("Zelensky, Zelenskyy, Zelenskiy and even Zelenksyy", ["zelensky"] * 4),
        ("Kharkov became Kharkiv; Odessa is Odesa", ["kharkiv", "kharkiv", "odesa", "odesa"]),
        ("Prigozhin (misspelt Progozhin) led the Wagner Group", ["prigozhin", "prigozhin", "wagner-group"]),
        ("Pentagon spokesperson John Kirby said", ["pentagon", "kirby"]),
        ("the Ministry of Defence briefing", ["ministry-of-defence"]),
        ("Putin's troops left Kyiv-based units", ["putin", "kyiv"]),
        ("Hostomel Airport was captured", ["hostomel"]),
        (
            "Shoigu and Gerasimov met Rudskoy in the Kremlin; Peskov spoke",
            ["shoigu", "gerasimov", "rudskoy", "kremlin", "peskov"],
        ),
        ("NATO and the U.N. met", ["nato", "un"]),
    ],
)
def test_names_and_aliases(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Putinism",
        "UNESCO",
        "a Wagnerian opera",
        "Kyivan Rus",
        "kherson in lowercase",
        "the kremlinology",
        "BUCHAREST",
    ],
)
def test_whole_words_and_case_only(text):
    assert ids(text) == []


def test_longest_name_wins_and_offsets_point_at_the_words():
    text = "Vladimir Putin met Putin's generals near Wagner Group positions."
    found = default_gazetteer().find(text)
    assert [(m.text, m.entity.id) for m in found] == [
        ("Vladimir Putin", "putin"),
        ("Putin", "putin"),
        ("Wagner Group", "wagner-group"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_entities_in_is_distinct_and_in_gazetteer_order():
    found = default_gazetteer().entities_in("Kyiv, Kiev, Putin and NATO, then Kyiv again")
    assert [(e.kind, e.id) for e in found] == [
        ("organizations", "nato"),
        ("people", "putin"),
        ("places", "kyiv"),
    ]


def test_bundled_data_is_valid_and_covers_the_brief():
    g = default_gazetteer()
    by_id = {e.id: e for e in g.entities}
    for wanted in ("kyiv", "zelensky", "kharkiv", "odesa", "mykolaiv", "kherson", "mariupol", "bakhmut",
                   "avdiivka", "kursk", "belgorod", "crimea", "donbas", "hostomel", "chernihiv", "bucha",
                   "zaporizhzhia", "putin", "shoigu", "gerasimov", "prigozhin", "kirby", "peskov", "rudskoy",
                   "nato", "wagner-group", "ministry-of-defence", "pentagon", "kremlin"):  # fmt: skip
        assert wanted in by_id, wanted
    assert {e.kind for e in g.entities} == set(KINDS)
    assert "index" not in by_id  # ids are page names next to tags/index.md


def test_long_text_is_scanned_in_one_pass():
    text = ("Troops near Kherson and Mykolaiv; Zelenskyy spoke. " * 20000) + "Kursk"
    found = default_gazetteer().find(text)
    assert len(found) == 60001 and found[-1].entity.id == "kursk"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("places:\n  - {id: Bad Id, name: X}\n", r":2: .*expected an id of lowercase letters"),
        ("places:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", ":3: duplicate id"),
        ("places:\n  - {id: a, name: A, aliases: [Same]}\npeople:\n  - {id: b, name: Same}\n", "names both"),
        ("places:\n  - {id: a}\n", ":2: places > id 'a': missing key 'name'"),
        ("cities:\n  - {id: a, name: A}\n", ":1: unknown key 'cities'"),
        ("places: [\n", ":2: not valid YAML"),
    ],
)
def test_bad_gazetteer_files_are_reported(tmp_path: Path, data: str, message: str):
    path = tmp_path / "gazetteer.yaml"
    path.write_text(data, "utf-8")
    with pytest.raises(GazetteerError, match=message) as error:
        load_gazetteer(path)
    assert str(path) in str(error.value) or "names both" in str(error.value)


def test_empty_gazetteer_finds_nothing():
    assert Gazetteer([]).find("Kyiv") == []
    assert len(Gazetteer([Entity("kyiv", "Kyiv", "places")])) == 1


_SURFACES = sorted(default_gazetteer()._by_surface)
_GLUE = ["", " ", "-", "'s", "a", "_", "9", "\n", "é", "."]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_SURFACES).flatmap(lambda s: st.sampled_from([s, s[:-1], s + "s", s.lower()])),
            st.sampled_from(_GLUE),
        ),
        max_size=8,
    ).map(lambda parts: "".join(a + b for a, b in parts))
)
@settings(max_examples=400, deadline=None)
def test_trie_finds_what_the_plain_longest_first_alternation_finds(text):
    plain = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(s) for s in sorted(_SURFACES, key=lambda s: (-len(s), s)))
        + r")(?!\w)"
    )
    found = [(m.start, m.end, m.text) for m in default_gazetteer().find(text)]
    assert found == [(m.start(), m.end(), m.group()) for m in plain.finditer(text)]
