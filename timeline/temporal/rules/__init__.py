"""Load the YAML rule files of one language and compile them into one scanner.

The files are in ``<language>/`` next to this module: ``tables.yaml`` (the word tables),
``fragments.yaml`` (named regex pieces), ``rules.yaml`` (the rules, each with examples) and
``reject.yaml`` (look-alikes that are not dates). Each file is checked against its schema
below; :mod:`.patterns` rewrites the patterns, :mod:`.assemble` compiles them into one regex.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from timeline.core.datafile import (
    Anything,
    Choice,
    Date,
    Either,
    Items,
    Record,
    Spec,
    Table,
    Text,
    line_of,
    read,
)

from ..values import AnchorKind, TimexType
from .assemble import Matchers, assemble_scanner, trigger_regex
from .patterns import GROUP, expand, first_chars, preceded, spaces, table_regex
from .ruleset import Rule, RuleError, RuleSet, norm_word
from .starts import StartTable

__all__ = [
    "RULES_DIR",
    "TAGGED_EXAMPLES",
    "Rule",
    "RuleError",
    "RuleSet",
    "languages",
    "load",
    "read_words",
    "tagger_language",
]

RULES_DIR = Path(__file__).parent

# The schema of each rule file (timeline/core/datafile.py checks it; the header of each file says
# what the keys mean).
_WORDS = Table(values=Anything("a value"))
_TABLES = Record(
    required={
        name: _WORDS
        for name in (
            "months",
            "weekdays",
            "numbers",
            "vague_numbers",
            "ordinals",
            "units",
            "calendar_units",
            "seasons",
            "parts_of_day",
            "position_mods",
            "deictic_offsets",
            "decade_words",
            "set_adverbs",
            "relative_days",
            "holidays",
            "anchor_nouns",
        )
    },
    optional={"case_sensitive": Items(Text()), "triggers": Items(Text())},
)
_FRAGMENTS = Table(values=Text(what="a regex piece"), keys=r"[a-z_]+")
_EXPECT = Record(
    required={"text": Text()},
    optional={
        "value": Anything("a TIMEX3 value or null"),
        "type": Choice(tuple(t.value for t in TimexType)),
        "anchor": Choice(tuple(a.value for a in AnchorKind)),
        "anchor_name": Text(),
    },
)
_EXAMPLE = Record(
    required={"text": Text()},
    optional={
        "expect": Either((_EXPECT, Items(_EXPECT, least=1))),
        "absent": Text(),
        "published": Date(),
        "anchors": Table(values=Date()),
    },
)
_ID = Text(form=r"[a-z0-9_]+(?:\.[a-z0-9_]+)+", what="an id written family.name (lower case)")
_RULE = Record(
    required={
        "id": _ID,
        "pattern": Text(what="a regex (with {fragments})"),
        "type": Choice(tuple(t.value for t in TimexType)),
        "value": Table(values=Anything("a builder parameter")),
        "examples": Items(_EXAMPLE, least=1),
    },
    optional={"anchor": Choice(tuple(a.value for a in AnchorKind))},
)
_REJECT = Record(
    required={"id": _ID, "pattern": _RULE.required["pattern"], "examples": _RULE.required["examples"]}
)
_RULE_FILES: dict[str, Spec] = {
    "reject.yaml": Record(required={"rules": Items(_REJECT)}),
    "rules.yaml": Record(required={"rules": Items(_RULE)}),
}


_LANGUAGES = tuple(sorted(p.parent.name for p in RULES_DIR.glob("*/rules.yaml")))


def languages() -> tuple[str, ...]:
    """The languages that have rules: every folder here holding a ``rules.yaml`` (adding a
    language is adding its folder)."""
    return _LANGUAGES


def tagger_language(code: str) -> str:
    """The rules an article in language ``code`` is tagged with: its own when they exist, else
    the English ones (a German article still has ISO dates and numbers)."""
    return code if code in languages() else "en"


# The examples of a language's tense.yaml and discourse.yaml: a text published on a day, and the
# value each listed date of it must get.
TAGGED_EXAMPLES = Items(
    Record(
        required={
            "text": Text(),
            "published": Date(),
            "expect": Items(Record(required={"text": Text(), "value": Text()})),
        }
    ),
    least=1,
)


def read_words(language: str, name: str, schema: Spec) -> Any:
    """The word file ``name`` (``tense.yaml``, ``discourse.yaml``) of ``language``, checked; a
    language without one reads the English file."""
    path = RULES_DIR / language / name
    if not path.is_file():
        path = RULES_DIR / "en" / name
    return read(path, schema, f"a {name.removesuffix('.yaml')} file", dates=True)


def _read_yaml(language: str, name: str, schema: Spec) -> Any:
    path = RULES_DIR / language / name
    if not path.is_file():
        raise RuleError(f"no rule file {name} for language {language!r} ({path})")
    return read(path, schema, "a rule file", RuleError, dates=True)


_TRIGGER_TABLES = (
    "months",
    "weekdays",
    "units",
    "calendar_units",
    "seasons",
    "parts_of_day",
    "relative_days",
    "anchor_nouns",
    "set_adverbs",
)


@functools.cache
def load(language: str = "en") -> RuleSet:
    """Load and compile the rule set of ``language`` (cached: compiled once per process). One
    rule set for every text: TIMEX2 is a way of writing values, at the evaluation's edge."""
    raw_tables: dict[str, Any] = dict(_read_yaml(language, "tables.yaml", _TABLES))
    case_sensitive = {w.lower() for w in raw_tables.pop("case_sensitive", [])}
    trigger_words = {str(w).lower() for w in raw_tables.pop("triggers", [])}
    for tname in _TRIGGER_TABLES:
        trigger_words |= {re.split(r"[\s-]+", str(k).lower())[-1] for k in raw_tables[tname]}
    tables = {name: {norm_word(str(k)): v for k, v in t.items()} for name, t in raw_tables.items()}
    fragments: dict[str, str] = {
        name: table_regex([str(k) for k in t], case_sensitive) for name, t in raw_tables.items()
    }
    frag_file = _read_yaml(language, "fragments.yaml", _FRAGMENTS)
    for name, pat in frag_file.items():
        fragments[name] = spaces(str(pat))

    rules, starts_of = _read_rules(language, fragments)
    starts = StartTable(rules, starts_of)  # compiles every rule: a bad one is named here
    one_regex = functools.partial(assemble_scanner, rules, starts_of)
    return RuleSet(language, tables, rules, starts, one_regex, Matchers(rules), trigger_regex(trigger_words))


def _read_rules(language: str, fragments: dict[str, str]) -> tuple[list[Rule], dict[str, frozenset[str]]]:
    """The rules and reject rules of ``language`` in file order, with the first characters
    each can match (see :func:`.patterns.first_chars`)."""
    rules: list[Rule] = []
    starts_of: dict[str, frozenset[str]] = {}
    seen: set[str] = set()
    for fname, schema in _RULE_FILES.items():
        data = _read_yaml(language, fname, schema)
        for n, raw in enumerate(data["rules"]):
            rid = raw["id"]
            where = f"{RULES_DIR / language / fname}:{line_of(data['rules'], n)}: rule {rid!r}"
            if rid in seen:
                raise RuleError(f"{where}: duplicate id; expected an id no other rule has")
            seen.add(rid)
            reject = fname == "reject.yaml"
            try:
                pattern = expand(spaces(preceded(raw["pattern"])), fragments, where)
                # parsing checks the syntax (compiling each rule here would cost 0.05 s more;
                # what only the compiler rejects is traced to its rule when the scanner is compiled)
                starts_of[rid] = first_chars(pattern)
            except (KeyError, re.error) as exc:
                raise RuleError(f"{where}: bad pattern: {exc}") from exc
            rules.append(
                Rule(
                    id=rid,
                    pattern=pattern,
                    type=None if reject else TimexType(raw["type"]),
                    anchor=AnchorKind(raw.get("anchor", "none")),
                    value=dict(raw.get("value") or {}),
                    examples=list(raw.get("examples") or []),
                    reject=reject,
                    source=f"{language}/{fname}",
                    group_names=tuple(GROUP.findall(pattern)),
                )
            )
    return rules, starts_of
