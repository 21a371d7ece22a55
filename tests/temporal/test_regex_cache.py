"""The on-disk cache of compiled regex code: a pattern rebuilt from it behaves exactly like one
compiled by ``re``, and anything wrong with the cache only falls back to compiling."""

from __future__ import annotations

import array
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from timeline.temporal import rules as rules_mod
from timeline.temporal.rules import assemble, regex_cache, scanner_parse

from ..conftest import ROOT

TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "articles").glob("*.txt"))]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(regex_cache.ENV, str(tmp_path))
    return tmp_path


def _scanner_pattern() -> str:
    return rules_mod.load("en").scanner.pattern


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups) == (b.pattern, b.flags, b.groups)
    assert list(a.groupindex.items()) == list(b.groupindex.items())  # same order too
    for text in TEXTS:
        assert [(m.span(), m.lastindex) for m in a.finditer(text)] == [
            (m.span(), m.lastindex) for m in b.finditer(text)
        ]


def test_the_scanner_rebuilt_from_the_cache_matches_like_a_compiled_one(cache: Path, monkeypatch) -> None:
    pattern = _scanner_pattern()
    first = regex_cache.compile_cached(pattern, re.M)
    files = list(cache.glob("*.sre"))
    assert len(files) == 1
    # the second process-equivalent call must not parse again: it reads the stored code
    with monkeypatch.context() as patched:
        patched.setattr(regex_cache._parser, "parse", lambda *a: pytest.fail("parsed again"))
        second = regex_cache.compile_cached(pattern, re.M)
    assert second is not first
    reference = re.compile(pattern, re.M)
    _same(first, reference)
    _same(second, reference)


def test_the_stored_code_is_what_the_compiler_generates(cache: Path) -> None:
    pattern = r"(?<![\w])(?P<day>\d{1,2}) (?P<month>[mM]arch|[aA]pril)(?![\w])"
    regex_cache.compile_cached(pattern)
    (file,) = cache.glob("*.sre")
    raw = file.read_bytes()
    code = array.array("I")
    code.frombytes(raw[raw.index(b"\n") + 1 :])
    assert code.tolist() == regex_cache._compiler._code(regex_cache._parser.parse(pattern, 0), 0)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "wrong_length"])
def test_a_damaged_cache_file_is_ignored_and_rewritten(cache: Path, damage: str) -> None:
    pattern = r"(?P<y>\d{4})-(?P<m>\d\d)|(?P<word>[a-z]+day)"
    regex_cache.compile_cached(pattern)
    (file,) = cache.glob("*.sre")
    raw = file.read_bytes()
    if damage == "truncate":
        file.write_bytes(raw[: len(raw) - 7])
    elif damage == "garbage":
        head = raw[: raw.index(b"\n") + 1]
        file.write_bytes(head + b"\xff" * (len(raw) - len(head)))  # refused by the engine's check
    else:
        file.write_bytes(raw.replace(b'"pattern_chars": ', b'"pattern_chars": 1'))
    again = regex_cache.compile_cached(pattern)
    assert [m.groupdict() for m in again.finditer("2022-03 and Tuesday")] == [
        {"y": "2022", "m": "03", "word": None},
        {"y": None, "m": None, "word": "uesday"},
    ]
    assert file.read_bytes() == raw  # rewritten whole


def test_switched_off_it_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(regex_cache.ENV, "off")
    monkeypatch.chdir(tmp_path)
    assert regex_cache.cache_dir() is None
    assert regex_cache.compile_cached(r"\d+").findall("a 12 b 3") == ["12", "3"]
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(regex_cache.ENV, str(blocker / "regex"))
    assert regex_cache.compile_cached(r"(?P<n>\d+)").match("42").group("n") == "42"  # type: ignore[union-attr]


def test_a_bad_pattern_raises_like_re_compile(cache: Path) -> None:
    with pytest.raises(re.error):
        regex_cache.compile_cached(r"(?P<a>x")
    assert list(cache.iterdir()) == []


def test_a_rule_only_the_compiler_rejects_is_named() -> None:
    rule = rules_mod.load("en").rules[0]
    bad = rules_mod.Rule(**{**rule.__dict__, "id": "x.lookbehind", "pattern": r"(?<=a+)b"})
    with pytest.raises(rules_mod.RuleError, match=r"rule 'x.lookbehind'.*look-behind"):
        assemble.name_uncompilable([rule, bad])


def _file(cache: Path, pattern: str) -> Path:
    return cache / (regex_cache._key(pattern, 0) + ".sre")


def test_only_the_most_recently_used_files_are_kept(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "KEEP", 3)
    for i, name in enumerate("abc"):
        regex_cache.compile_cached(name + r"\d")
        when = 1000.0 * (i + 1)
        os.utime(_file(cache, name + r"\d"), (when, when))  # a oldest, c newest
    regex_cache.compile_cached(r"a\d")  # used again: now the newest
    left_over, recent = cache / ".tmp-killed", cache / ".tmp-being-written"
    left_over.write_bytes(b"half a file")
    recent.write_bytes(b"half a file")
    os.utime(left_over, (1000.0, 1000.0))
    regex_cache.compile_cached(r"d\d")  # a fourth file: the least recently used one (b) goes
    assert {f.name for f in cache.glob("*.sre")} == {_file(cache, p).name for p in (r"a\d", r"c\d", r"d\d")}
    assert not left_over.exists() and recent.exists()


def test_the_scanner_parsed_from_its_parts_is_the_scanner_parsed_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The spliced parse tree gives exactly the engine code of a plain parse (for the real rules)."""
    calls = []
    real = assemble.compile_cached

    def spy(*args: Any) -> re.Pattern[str]:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(assemble, "compile_cached", spy)
    assert rules_mod.load.__wrapped__("en").scanner  # compiled when first asked for
    ((pattern, flags, parse),) = calls
    assembled = parse()
    assert assembled is not None, "the splice gave up on these rules"
    whole = regex_cache._parser.parse(pattern, flags)
    assert list(assembled.state.groupdict.items()) == list(whole.state.groupdict.items())
    assert (assembled.state.flags, assembled.state.groups) == (whole.state.flags, whole.state.groups)
    assert regex_cache._compiler._code(assembled, flags) == regex_cache._compiler._code(whole, flags)


def test_a_body_with_its_own_group_is_parsed_whole() -> None:
    skeleton = "(?:" + scanner_parse.placeholder(0) + ")(?P<m>)"
    assert scanner_parse.parse_assembled(skeleton, ["(a)b"], re.M) is None
    tree = scanner_parse.parse_assembled(skeleton, ["(?:a)b"], re.M)
    assert tree is not None
    whole = regex_cache._parser.parse("(?:(?:a)b)(?P<m>)", re.M)
    assert regex_cache._compiler._code(tree, re.M) == regex_cache._compiler._code(whole, re.M)


@pytest.mark.parametrize(
    "bodies",
    [
        ["[tT]oday", "[tT]onight", "[tT]o(?:morrow)?"],  # a common prefix moves out of the branch
        ["[tT]oday", "[yY]esterday|[tT]oday", "\\d{1,2}"],  # a body that is itself a branch
        ["a", "a"],  # the whole body in common
    ],
)
def test_small_splices_match_a_plain_parse(bodies: list[str]) -> None:
    def combined(body: Callable[[int], str]) -> str:
        letters = "|".join(f"(?:{body(i)})(?P<m{i}>)" for i in range(len(bodies)))
        return f"(?<!\\w)(?:(?=[a-z])(?:{letters})|(?=\\d)(?:{body(0)})(?P<d0>))"

    tree = scanner_parse.parse_assembled(combined(scanner_parse.placeholder), bodies, re.M)
    whole = regex_cache._parser.parse(combined(bodies.__getitem__), re.M)
    assert tree is not None
    assert regex_cache._compiler._code(tree, re.M) == regex_cache._compiler._code(whole, re.M)
