"""Find the date expressions of a text with the compiled rules of its language.

The rule set (:mod:`.rules`) gives, for each place, the rules that can begin there
(:mod:`.rules.starts`); only the stretches of text around trigger words and numbers are
scanned. Reject rules consume their text and produce nothing; every other match is handed to
the builder of its rule (:mod:`.builders`), and a match that does not make a valid value is
dropped.
"""

from __future__ import annotations

import functools
import re

from .builders import Builder, BuildError
from .rules import RuleSet, languages, load
from .values import Timex

SUPPORTED_LANGUAGES = languages()  # one rules folder each


@functools.cache
def _compiled(language: str) -> tuple[RuleSet, Builder]:
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"no temporal rules for language {language!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    rs = load(language)
    return rs, Builder(rs)


# How far around a trigger word a rule match may reach (see windows()).
_LEFT, _RIGHT = 32, 32
_WORD_END = re.compile(r"\W|\Z")


def windows(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """Stretches of ``text`` around trigger words and numbers, merged; the only places
    any rule can match (every rule contains a trigger within reach)."""
    spans: list[list[int]] = []
    n = len(text)
    for m in trigger.finditer(text):
        s, e = max(0, m.start() - _LEFT), min(n, m.end() + _RIGHT)
        if spans and s <= spans[-1][1]:
            if e > spans[-1][1]:
                spans[-1][1] = e
        else:
            spans.append([s, e])
    out: list[tuple[int, int]] = []
    for s, e in spans:
        e = _WORD_END.search(text, e).start()  # type: ignore[union-attr]  # never cut a word
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def find(text: str, language: str = "en", *, full_scan: bool = False) -> list[Timex]:
    """Every expression the rules find in ``text``, unresolved (relative ones keep a spec).

    Only the windows around trigger words are scanned; ``full_scan`` scans everything
    (same result, slower; used by the tests to prove it)."""
    rs, builder = _compiled(language)
    out: list[Timex] = []
    spans = [(0, len(text))] if full_scan else windows(text, rs.trigger)
    for s, e in spans:
        for start, end, rule in rs.starts.scan(text, s, e):
            if rule.reject:
                continue
            full = rs.matchers[rule.id].match(text, start)
            if full is None or full.end() != end:  # the rule's own regex, read past the window
                continue
            try:
                out.append(builder.build(rule, full, "", text))
            except BuildError:
                continue
    return out
