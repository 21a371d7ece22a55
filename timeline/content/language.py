"""The language of an article: its front matter's ``language`` when given, otherwise told from
its text as ``en``, ``uk``, ``ru`` or unknown (None), with the evidence table in language.yaml.

Ukrainian and Russian share most letters, so each is recognised by the letters and the little
words only it writes; a text whose evidence is thin or split is unknown rather than guessed (the
caller warns, naming the file). No library: the three languages this tool reads are told apart by
a table a reviewer can read, and the same text always gets the same answer.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.datafile import Anything, Choice, Items, Number, Record, Table, Text, read

PATH = Path(__file__).with_name("language.yaml")
SCHEMA = Record(
    required={
        "min_letters": Number(low=1),
        "margin": Number(low=1),
        "languages": Table(
            values=Record(
                required={
                    "script": Choice(("latin", "cyrillic")),
                    "letters": Text(empty=True),
                    "words": Items(Text()),
                }
            )
        ),
        "examples": Items(Record(required={"text": Text(), "expect": Anything("a language code or null")})),
    }
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*")


@dataclass(frozen=True)
class Profile:
    code: str
    script: str
    letters: frozenset[str]
    words: frozenset[str]


@dataclass(frozen=True)
class Evidence:
    min_letters: int
    margin: float
    profiles: tuple[Profile, ...]
    examples: list[dict[str, Any]]


@functools.cache
def table() -> Evidence:
    data = read(PATH, SCHEMA, "the language table")
    profiles = tuple(
        Profile(
            code,
            str(p["script"]),
            frozenset(str(p["letters"])),
            frozenset(str(w).lower() for w in p["words"]),
        )
        for code, p in data["languages"].items()
    )
    return Evidence(int(data["min_letters"]), float(data["margin"]), profiles, list(data["examples"]))


_SCRIPTS = {"latin": re.compile("[a-z]+"), "cyrillic": re.compile("[\u0400-\u04ff]+")}  # runs of letters


def detect(text: str) -> str | None:
    """The language code of ``text``, or None when the evidence is too thin or too even."""
    t = table()
    lower = text.lower()
    # counted by the regex engine and str.count: a loop over every character in Python took 2 ms
    # an article, most of the read phase of a build (issue 18)
    scripts = {name: sum(map(len, pattern.findall(lower))) for name, pattern in _SCRIPTS.items()}
    scripts = {name: n for name, n in scripts.items() if n}
    if not scripts:
        return None
    script = max(scripts, key=lambda s: scripts[s])
    words = _WORD.findall(lower)
    counts = Counter(words)
    if sum(scripts.values()) < t.min_letters:
        # too short to tell: a Latin headline stays English (the default reading), Cyrillic is unknown
        return "en" if script == "latin" else None
    scores: dict[str, int] = {}
    for p in t.profiles:
        if p.script != script:
            continue
        scores[p.code] = sum(lower.count(ch) for ch in p.letters) + sum(counts[w] for w in p.words)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] == 0:
        return None
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    # little words are a large share of any text in its language: one in ten at least
    return best if score >= t.margin * runner_up and score * 10 >= len(words) else None


def article_language(declared: Any, text: str) -> str | None:
    """The front matter's ``language`` when given (it always wins), else the detected one."""
    if declared:
        return str(declared).strip().lower()
    return detect(text)
