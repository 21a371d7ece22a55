"""What a loaded rule set is: its rules, its word tables and how its rules are tried (the start table)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from timeline.core.datafile import DataFileError

from ..values import AnchorKind, TimexType


class RuleError(DataFileError):
    """A rule file is malformed (names the file, the line and the rule)."""


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: str
    type: TimexType | None  # None for reject rules
    anchor: AnchorKind
    value: dict[str, Any]
    examples: list[dict[str, Any]]
    reject: bool = False
    source: str = ""
    group_names: tuple[str, ...] = ()


@dataclass
class RuleSet:
    language: str
    tables: dict[str, dict[str, Any]]
    rules: list[Rule]
    # the rules to try at a place (starts.StartTable, which reads Rule from here): how spans are found
    starts: Any
    # all rules as one regex and the rule of each marker group (assemble.py), made when first asked
    assemble: Callable[[], tuple[re.Pattern[str], dict[int, tuple[str, Rule]]]]
    matchers: dict[str, re.Pattern[str]] = field(default_factory=dict)  # compiled on first use
    trigger: re.Pattern[str] = re.compile(r"\d")

    @functools.cached_property
    def _one_regex(self) -> tuple[re.Pattern[str], dict[int, tuple[str, Rule]]]:
        return self.assemble()

    @property
    def scanner(self) -> re.Pattern[str]:
        """All rules as one regex (assemble.py), compiled when first asked for: what
        :class:`~.starts.StartTable` finds, the tests compare with it."""
        return self._one_regex[0]

    @property
    def index_to_rule(self) -> dict[int, tuple[str, Rule]]:
        """The rule each marker group of :attr:`scanner` names, by group index."""
        return self._one_regex[1]

    def lookup(self, table: str, word: str) -> Any:
        """The table value of ``word`` (case- and period-insensitive), or None."""
        return self.tables[table].get(norm_word(word))


def norm_word(word: str) -> str:
    """The form in which a word is looked up in a table (lower case, no final period)."""
    return re.sub(r"\s+", " ", word.lower().rstrip(".")).replace("\u2019", "'")
