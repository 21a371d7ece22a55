"""Places, people and organizations named in a text, from our gazetteer (``timeline/data/gazetteer.yaml``).

One compiled alternation of every name and alias, longest first, matched on whole words and with
case as written (capitalised names only match capitalised words): a single pass over the text,
linear in its length, so the whole corpus is scanned in one regex run per article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafile import DataFileError, Items, Record, Text, fail, read

KINDS = ("places", "people", "organizations")
KIND_TITLES = {"places": "Places", "people": "People", "organizations": "Organizations"}
DEFAULT_FILE = Path(__file__).parents[1] / "data" / "gazetteer.yaml"
_ENTRY = Record(
    required={
        "id": Text(form=r"[a-z0-9][a-z0-9-]*", what="an id of lowercase letters, digits and -"),
        "name": Text(what="a name as written in articles"),
    },
    optional={"aliases": Items(Text(what="a name"))},
)
SCHEMA = Record(optional={kind: Items(_ENTRY) for kind in KINDS})


class GazetteerError(DataFileError):
    """The gazetteer file is malformed; the message names the file, the line and the entry."""


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str  # one of KINDS
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    entity: Entity
    start: int
    end: int
    text: str


class Gazetteer:
    def __init__(self, entities: list[Entity]) -> None:
        self.entities = sorted(entities, key=lambda e: (e.kind, e.name.lower(), e.id))
        self._by_surface: dict[str, Entity] = {}
        for entity in self.entities:
            for surface in (entity.name, *entity.aliases):
                other = self._by_surface.get(surface)
                if other is not None and other.id != entity.id:
                    raise GazetteerError(f"{surface!r} names both {other.id!r} and {entity.id!r}")
                self._by_surface[surface] = entity
        # Whole words: no letter or digit on either side (hyphens and apostrophes are boundaries,
        # so "Kyiv-based" and "Putin's" match).
        self._pattern = re.compile(word_alternation(self._by_surface) + r"(?!\w)")

    def __len__(self) -> int:
        return len(self.entities)

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, left to right, non-overlapping (the longest name wins)."""
        return [
            Mention(self._by_surface[m.group()], m.start(), m.end(), m.group())
            for m in self._pattern.finditer(text)
        ]

    def entities_in(self, text: str) -> list[Entity]:
        """The distinct entities named in ``text``, in gazetteer order."""
        by_surface = self._by_surface
        found = {by_surface[m.group()].id for m in self._pattern.finditer(text)}  # no Mention objects
        return [e for e in self.entities if e.id in found]


def word_alternation(surfaces: Iterable[str]) -> str:
    """A regex matching any of ``surfaces`` at a word start, as a trie: the same matches as the plain
    alternation sorted longest first (the surfaces that fit at one position are prefixes of each other,
    and the trie tries each longer one before a shorter one), but the regex engine can skip to the
    possible first letters and never re-reads a shared prefix."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for surface in surfaces:
        node = trie
        for char in surface:
            node = node.setdefault(char, {})
        node[""] = {}  # a surface ends here

    def alternation(node: dict[str, dict], first: bool = False) -> str:  # type: ignore[type-arg]
        # No word character before the first one: checked after it (a look-behind over two characters)
        # so that every branch starts with a literal and the engine can scan for first letters.
        after = r"(?<!\w[\s\S])" if first else ""
        branches = [re.escape(char) + after + alternation(node[char]) for char in sorted(node) if char]
        if "" in node:
            branches.append("")  # after every longer continuation
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return alternation(trie, first=True) if trie else r"(?!x)x"


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load and check a gazetteer file (the bundled one by default)."""
    path = path or DEFAULT_FILE
    data = read(path, SCHEMA, "the gazetteer", GazetteerError) or {}
    entities: list[Entity] = []
    seen: set[str] = set()
    for kind in KINDS:
        for item in data.get(kind) or []:
            ident = item["id"]
            if ident in seen:
                raise fail(
                    path, item, None, f"duplicate id {ident!r}", "an id no other entry has", GazetteerError
                )
            seen.add(ident)
            aliases = item.get("aliases") or []
            clean = tuple(sorted({a.strip() for a in aliases} - {item["name"].strip()}))
            entities.append(Entity(ident, item["name"].strip(), kind, clean))
    return Gazetteer(entities)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
