"""Compile the rules of a rule set into one scanner regex.

All extraction and reject rules go into a single alternation in file order (more specific
rules first), dispatched on the first character, so one ``finditer`` pass finds every
expression; an empty marker group after each rule names the rule that matched, and the
rule's own regex (:class:`Matchers`) is matched again at that spot to read its groups.
"""

from __future__ import annotations

import re

from .patterns import ALL_KEYS, DISPATCH, GROUP, GUARD_END, GUARD_START, explicit_case, trie
from .regex_cache import compile_cached
from .ruleset import Rule, RuleError
from .scanner_parse import parse_assembled, placeholder


def assemble_scanner(
    rules: list[Rule], starts_of: dict[str, frozenset[str]]
) -> tuple[re.Pattern[str], dict[int, tuple[str, Rule]]]:
    """The scanner of ``rules`` (``starts_of``: the first characters each rule can match) and
    the rule each marker group names, by group index."""
    # Dispatch on the first character: each rule goes into the branch of every character
    # it can start with (in file order), so at each word start the engine tries a handful
    # of rules instead of all of them. Order within a branch keeps first-rule-wins.
    branches, skeleton_branches = [], []
    index_to_rule: dict[int, tuple[str, Rule]] = {}
    markers: list[tuple[str, Rule]] = []
    # no capturing groups in the scanner (they make every failed branch costly); an empty
    # marker group after the rule names it, and the rule's own regex is matched again at
    # that spot to read its groups
    bodies = [explicit_case(GROUP.sub("(?:", rule.pattern)) for rule in rules]
    for key, cls in DISPATCH:
        parts, skeleton_parts = [], []
        key_chars = set(key)
        for i, rule in enumerate(rules):
            starts = starts_of[rule.id]
            if starts is not ALL_KEYS and not (starts & key_chars):
                continue
            tag = f"R{i}_{key[0] if key[0].isalpha() else 'D' if key[0].isdigit() else 'O'}"
            parts.append(f"(?:{bodies[i]})(?P<{tag}>)")
            skeleton_parts.append(f"(?:{placeholder(i)})(?P<{tag}>)")
            markers.append((tag, rule))
        if parts:
            branches.append(f"(?={cls})(?:" + "|".join(parts) + ")")
            skeleton_branches.append(f"(?={cls})(?:" + "|".join(skeleton_parts) + ")")
    big = GUARD_START + "(?:" + "|".join(branches) + ")" + GUARD_END
    skeleton = GUARD_START + "(?:" + "|".join(skeleton_branches) + ")" + GUARD_END
    # compiled case-sensitively with explicit [aA] classes: the engine can then reject a
    # branch on its first character without entering it (it cannot under re.IGNORECASE)
    # (about 2 s for ~800 KB of pattern in re's pure-Python compiler: cached across processes,
    # and parsed from the rule bodies, each once, when the cache has nothing)
    try:
        scanner = compile_cached(big, re.M, lambda: parse_assembled(skeleton, bodies, re.M))
    except re.error:
        name_uncompilable(rules)
        raise
    for tag, rule in markers:
        index_to_rule[scanner.groupindex[tag]] = ("", rule)
    for tag, rule in markers:
        index_to_rule[scanner.groupindex[tag]] = ("", rule)
    return scanner, index_to_rule


def trigger_regex(words: set[str]) -> re.Pattern[str]:
    """Where a rule can match: one of ``words``, a number of up to four digits, or a dotted
    date ("20.11.2026", written so in Ukrainian and Russian news: its numbers touch dots)."""
    return re.compile(
        # a word is whole between letters of either script ("р" is not a trigger inside "року")
        r"(?<![A-Za-z\u0400-\u04ff])(?:" + trie(words) + r")(?![A-Za-z\u0400-\u04ff])"
        r"|(?<![$£€.,\d])\d{1,4}(?![\d%]|[.,]\d)"
        r"|(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2,4}(?![\d])"
    )


class Matchers(dict[str, "re.Pattern[str]"]):
    """Each rule's own regex (read back at a scanner match), compiled when first needed:
    a text reaches only a few of the rules, and compiling all of them costs 0.15 s."""

    def __init__(self, rules: list[Rule]) -> None:
        super().__init__()
        self._patterns = {rule.id: rule.pattern for rule in rules}

    def __missing__(self, rule_id: str) -> re.Pattern[str]:
        pattern = self._patterns[rule_id]
        compiled = re.compile(GUARD_START + "(?:" + explicit_case(pattern) + ")" + GUARD_END, re.M)
        self[rule_id] = compiled
        return compiled


def name_uncompilable(rules: list[Rule]) -> None:
    """Raise a RuleError naming the first rule the regex compiler rejects (the parser
    accepted them all), e.g. a look-behind of variable width."""
    for rule in rules:
        try:
            re.compile(rule.pattern, re.I)
        except re.error as exc:
            raise RuleError(f"{rule.source}: rule {rule.id!r}: bad pattern: {exc}") from exc
