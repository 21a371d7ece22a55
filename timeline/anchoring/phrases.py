"""War-relative phrases the tagger does not mark yet ("the 18-month-old war", "the Ukrainian
blitz has lasted just a week"), read from ``phrases.yaml`` and turned into timexes with a
:class:`~timeline.temporal.specs.ChronologyRef` spec, so the anchoring treats them like the
tagger's own. Used only for publication-date cues; they are not added to the article's timexes.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.core.datafile import Flag, Items, Number, Record, Regex, Table, Text, read
from timeline.temporal.specs import ChronologyRef
from timeline.temporal.values import AnchorKind, DurationUnit, DurationValue, Mod, Timex, TimexType

_UNITS = {
    "day": DurationUnit.DAY,
    "week": DurationUnit.WEEK,
    "month": DurationUnit.MONTH,
    "year": DurationUnit.YEAR,
}
_HEDGE = {"more than": Mod.AFTER, "over": Mod.AFTER, "nearly": Mod.BEFORE, "almost": Mod.BEFORE}
PATH = Path(__file__).with_name("phrases.yaml")
_EXAMPLE = Record(
    required={"text": Text(), "offset": Text(form=r"P\d+[DWMY]", what="a TIMEX3 duration such as P18M")},
    optional={"anchor": Text()},
)
SCHEMA = Record(
    required={
        "numbers": Table(values=Number(0)),
        "anchor_nouns": Regex(),
        "phrases": Items(
            Record(
                required={
                    "id": Text(form=r"[a-z0-9_]+", what="an id (lower case, digits, _)"),
                    "pattern": Text(what="a regex (with {numbers}, {ordinals}, {anchor_nouns})"),
                    "present": Flag(),
                    "examples": Items(_EXAMPLE, least=1),
                },
                optional={"ordinal": Flag(), "require": Items(Text(what="a regex"))},
            )
        ),
    },
    optional={"ordinals": Table(values=Number(0))},
)


@dataclass(frozen=True)
class Phrase:
    id: str
    regex: re.Pattern[str]
    present: bool
    examples: tuple[dict[str, Any], ...]
    ordinal: bool = False  # "in its fifth month": four whole months
    # pieces every match contains (lower case, searched in the folded text): a quick "no"
    require: tuple[re.Pattern[str], ...] = ()


@functools.cache
def load_phrases() -> tuple[dict[str, int], tuple[Phrase, ...]]:
    raw = read(PATH, SCHEMA, "the war-relative phrases")
    numbers = {str(k).lower(): int(v) for k, v in raw["numbers"].items()}
    ordinals = {str(k).lower(): int(v) for k, v in raw.get("ordinals", {}).items()}
    words = "|".join(sorted(numbers, key=len, reverse=True))
    ordinal_words = "|".join(sorted(ordinals, key=len, reverse=True))
    numbers.update(ordinals)
    phrases = []

    def expand(pattern: str) -> str:
        return (
            pattern.replace("{numbers}", f"(?:{words})")
            .replace("{ordinals}", f"(?:{ordinal_words})")
            .replace("{anchor_nouns}", raw["anchor_nouns"])
        )

    for item in raw["phrases"]:
        phrases.append(
            Phrase(
                item["id"],
                re.compile(expand(item["pattern"]), re.I),
                bool(item.get("present")),
                tuple(item["examples"]),
                bool(item.get("ordinal")),
                tuple(re.compile(expand(r)) for r in item.get("require", ())),
            )
        )
    return numbers, tuple(phrases)


def find_phrases(text: str, taken: list[Timex]) -> list[Timex]:
    """War-relative timexes for the phrases in ``text`` that no tagger timex already covers."""
    numbers, phrases = load_phrases()
    out: list[Timex] = []
    folded = fold(text)
    # the tagger's war-relative timexes by start, with the furthest end reached so far
    spans = sorted((t.start, t.end) for t in taken if t.anchor == AnchorKind.CHRONOLOGY)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    for phrase in phrases:
        if not all(r.search(folded) for r in phrase.require):
            continue
        for m in phrase.regex.finditer(text):
            k = bisect.bisect_left(starts, m.end())  # the timexes that start before the match ends
            if k and reach[k - 1] > m.start():  # one of them overlaps it
                continue
            n_text = m.group("n").lower()
            digits = n_text.rstrip("stndrh")
            amount = int(digits) if digits.isdigit() else numbers.get(n_text)
            if amount is not None and phrase.ordinal:
                amount -= 1
            unit = _UNITS.get(m.group("unit").lower().rstrip("s"))
            if amount is None or unit is None:
                continue
            hedge = (m.groupdict().get("hedge") or "").lower()
            offset = DurationValue(float(amount), unit, _HEDGE.get(hedge))
            name = _anchor_name(m.group("anchor"))
            spec = ChronologyRef(name, offset, present=phrase.present)
            out.append(
                Timex(
                    m.start(),
                    m.end(),
                    m.group(),
                    TimexType.DATE,
                    f"anchoring.{phrase.id}",
                    AnchorKind.CHRONOLOGY,
                    None,
                    spec,
                    name,
                )
            )
    return out


def _anchor_name(phrase: str) -> str:
    noun = re.sub(r"\s+", " ", phrase.lower()).split(" ")[-1]
    return f"the {noun}"


def fold(text: str) -> str:
    """Lower-cased for the ``require`` checks: every character that a case-insensitive pattern
    matches with an ASCII letter becomes that letter ("İ" lower-cases to "i" + U+0307, which is
    dropped; dotless "ı" and long "ſ" match "i" and "s")."""
    return text.lower().replace("\u0131", "i").replace("\u017f", "s").replace("\u0307", "")
