"""The one data-file loader (timeline/core/datafile.py): every data file of the package, broken in a
copy (a key missing, an unknown key, a wrong type, bad YAML), is reported as ``file:line: ...``."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from timeline.anchoring import mentions, newsdays, outlet_ids, phrases, placement
from timeline.content import boilerplate
from timeline.core import captions, datafile, gazetteer, sentences
from timeline.core.errors import TimelineError
from timeline.events import cleaning, words
from timeline.temporal import discourse, tense
from timeline.temporal import rules as rules_mod

PACKAGE = Path(datafile.__file__).parents[1]


def _rules(name: str) -> Callable[[Path, pytest.MonkeyPatch], Any]:
    def load(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
        folder = path.parent.parent
        for other in (PACKAGE / "temporal" / "rules" / "en").glob("*.yaml"):
            if other.name != name:
                shutil.copy(other, path.parent / other.name)
        monkeypatch.setattr(rules_mod, "RULES_DIR", folder)
        return rules_mod.load.__wrapped__("en")

    return load


def _words(loader: Callable[[str], Any]) -> Callable[[Path, pytest.MonkeyPatch], Any]:
    """A language's tense.yaml or discourse.yaml, read through rules.read_words from the copy's folder."""

    def load(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
        monkeypatch.setattr(rules_mod, "RULES_DIR", path.parent.parent)
        return loader.__wrapped__("en")  # type: ignore[attr-defined]  # functools.cache keeps it

    return load


def _patched(module: Any, loader: str) -> Callable[[Path, pytest.MonkeyPatch], Any]:
    def load(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
        monkeypatch.setattr(module, "PATH", path)
        return getattr(module, loader).__wrapped__()

    return load


def _news_month(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    return newsdays._load.__wrapped__(str(path.parent), str(newsdays.WORDS))


def _news_words(path: Path) -> Any:
    shutil.copy(newsdays.NEWS_COMMON, path.parent / newsdays.NEWS_COMMON.name)
    return newsdays.load_words.__wrapped__(str(path))


# kind: (file in the package, where a copy goes under tmp_path, how to load the copy)
KINDS: dict[str, tuple[str, str, Callable[[Path, pytest.MonkeyPatch], Any]]] = {
    "rules": ("temporal/rules/en/rules.yaml", "en/rules.yaml", _rules("rules.yaml")),
    "reject": ("temporal/rules/en/reject.yaml", "en/reject.yaml", _rules("reject.yaml")),
    "tables": ("temporal/rules/en/tables.yaml", "en/tables.yaml", _rules("tables.yaml")),
    "fragments": ("temporal/rules/en/fragments.yaml", "en/fragments.yaml", _rules("fragments.yaml")),
    "gazetteer": ("data/gazetteer.yaml", "gazetteer.yaml", lambda p, m: gazetteer.load_gazetteer(p)),
    "phrases": ("anchoring/phrases.yaml", "phrases.yaml", _patched(phrases, "load_phrases")),
    "durations": ("anchoring/durations.yaml", "durations.yaml", _patched(placement, "load_rules")),
    "mentions": (
        "anchoring/mentions.yaml",
        "mentions.yaml",
        lambda p, m: mentions.load_mention_rules(str(p)),
    ),
    "news_words": ("anchoring/news_words.yaml", "news_words.yaml", lambda p, m: _news_words(p)),
    "news": ("anchoring/news/2023-02.yaml", "news/2023-02.yaml", _news_month),
    "outlet_ids": ("anchoring/outlet_ids.yaml", "outlet_ids.yaml", lambda p, m: outlet_ids.load_outlets(p)),
    "boilerplate": ("content/boilerplate.yaml", "boilerplate.yaml", _patched(boilerplate, "load_rules")),
    "cleaning": ("events/cleaning.yaml", "cleaning.yaml", _patched(cleaning, "load_cleaning_rules")),
    "captions": ("core/captions.yaml", "captions.yaml", _patched(captions, "_document")),
    "words": ("events/words.yaml", "words.yaml", _patched(words, "words")),
    "sentences": ("core/sentences.yaml", "sentences.yaml", _patched(sentences, "abbreviations")),
    "tense": ("temporal/rules/en/tense.yaml", "en/tense.yaml", _words(tense.tense)),
    "discourse": ("temporal/rules/en/discourse.yaml", "en/discourse.yaml", _words(discourse.cues)),
}

BLOCK = "<the key and the lines indented under it>"
# (kind, fault): a regex for the first line to break, what it becomes (None: deleted), the line the
# message must name ("here": the broken line; "entry": the start of the list item holding it;
# "root": the document's first key), and a piece of the message.
BREAKS: list[tuple[str, str, str, str | None, str, str]] = [
    ("rules", "missing", r"    type: DATE", None, "entry", "missing key 'type'"),
    ("rules", "unknown", r"    anchor: none", "    anchr: none", "here", "unknown key 'anchr'"),
    ("rules", "type", r"    anchor: none", "    anchor: nowhere", "here", "expected one of none"),
    ("reject", "missing", r"    pattern: .*", None, "entry", "missing key 'pattern'"),
    (
        "reject",
        "unknown",
        r"    pattern: (.*)",
        r"    type: DATE\n    pattern: \1",
        "here",
        "unknown key 'type'",
    ),
    ("reject", "type", r"    pattern: .*", "    pattern: [a]", "here", "found a list"),
    ("tables", "missing", r"months:", BLOCK, "root", "missing key 'months'"),
    ("tables", "unknown", r"triggers:(.*)", r"trigers:\1", "here", "unknown key 'trigers'"),
    ("tables", "type", r"case_sensitive:.*", "case_sensitive: 3", "here", "expected a list"),
    ("fragments", "missing", r"weekday: .*", None, "any", "unknown fragment or table {weekday}"),
    ("fragments", "unknown", r"month: (.*)", r"Month: \1", "here", "the name 'Month'"),
    ("fragments", "type", r"weekday: .*", "weekday: [a, b]", "here", "expected a regex piece"),
    ("gazetteer", "missing", r"(.*)name: Kyiv, (.*)", r"\1\2", "here", "missing key 'name'"),
    (
        "gazetteer",
        "unknown",
        r"(.*)\{id: kyiv, (.*)",
        r"\1{id: kyiv, nmae: x, \2",
        "here",
        "unknown key 'nmae'",
    ),
    ("gazetteer", "type", r"(.*)aliases: \[Kiev, [^\]]*\](.*)", r"\1aliases: 3\2", "here", "expected a list"),
    ("phrases", "missing", r"    present: true", None, "entry", "missing key 'present'"),
    ("phrases", "unknown", r"    present: true", "    presnt: true", "here", "unknown key 'presnt'"),
    ("phrases", "type", r"    present: true", "    present: always", "here", "expected true or false"),
    ("durations", "missing", r"    place: until-publication", None, "entry", "missing key 'place'"),
    ("durations", "unknown", r"    place: (.*)", r"    plac: \1", "here", "unknown key 'plac'"),
    (
        "durations",
        "type",
        r"    place: .*",
        "    place: sometime",
        "here",
        "expected one of until-publication",
    ),
    ("mentions", "missing", r"window: 2", None, "root", "missing key 'window'"),
    ("mentions", "unknown", r"window: 2", "windw: 2", "here", "unknown key 'windw'"),
    ("mentions", "type", r"window: 2", "window: two", "here", "expected a whole number from 1 to 5"),
    ("news_words", "missing", r"spellings:", BLOCK, "root", "missing key 'spellings'"),
    ("news_words", "unknown", r"common:(.*)", r"commn:\1", "here", "unknown key 'commn'"),
    ("news_words", "type", r"  kyiv: \[kiev\]", "  kyiv: kiev", "here", "expected a list"),
    ("news", "missing", r"  source: .*", None, "entry", "'source' must be the http(s) address"),
    ("news", "unknown", r"  what: (.*)", r"  wat: \1", "here", "unknown key 'wat'"),
    ("news", "type", r"- day: .*", "- day: soon", "here", "'day' must be a date"),
    ("outlet_ids", "missing", r"    base: 36", None, "entry", "'base' must be 10 or 36"),
    ("outlet_ids", "unknown", r"    base: 36", "    bse: 36", "here", "unknown key 'bse'"),
    ("outlet_ids", "type", r"    base: 36", "    base: sixteen", "entry", "'base' must be 10 or 36"),
    ("boilerplate", "missing", r"    why: .*", None, "entry", "missing key 'why'"),
    ("boilerplate", "unknown", r"    why: (.*)", r"    whyy: \1", "here", "unknown key 'whyy'"),
    ("boilerplate", "type", r"    pattern: .*", "    pattern: '(unclosed'", "here", "does not compile"),
    ("cleaning", "missing", r"    why: .*", None, "entry", "missing key 'why'"),
    ("cleaning", "unknown", r"    why: (.*)", r"    whyy: \1", "here", "unknown key 'whyy'"),
    ("cleaning", "type", r"    replace: .*", "    replace: [a]", "here", "found a list"),
    ("tense", "missing", r"verb_anywhere: .*", None, "root", "missing key 'verb_anywhere'"),
    ("tense", "unknown", r"back_words:(.*)", r"back_word:\1", "here", "unknown key 'back_word'"),
    ("tense", "type", r"verb_anywhere: .*", "verb_anywhere: sometimes", "here", "expected true or false"),
    ("discourse", "missing", r"own_year_chars: .*", None, "root", "missing key 'own_year_chars'"),
    ("discourse", "unknown", r"year_stops:(.*)", r"year_stop:\1", "here", "unknown key 'year_stop'"),
    ("discourse", "type", r"the_units: .*", "the_units: [M, MONTH]", "here", "expected one of"),
    ("captions", "missing", r"    why: .*", None, "entry", "missing key 'why'"),
    ("captions", "unknown", r"    why: (.*)", r"    whyy: \1", "here", "unknown key 'whyy'"),
    ("captions", "type", r"    pattern: .*", "    pattern: '(unclosed'", "here", "does not compile"),
    ("words", "missing", r"reporting_verbs:.*", BLOCK, "root", "missing key 'reporting_verbs'"),
    ("words", "unknown", r"stopwords:(.*)", r"stopword:\1", "here", "unknown key 'stopword'"),
    ("words", "type", r"stopwords: \[a,(.*)", r"stopwords: [no, a,\1", "here", "found true/false False"),
    ("sentences", "missing", r"examples:", BLOCK, "root", "missing key 'examples'"),
    ("sentences", "unknown", r"examples:", "exampels:", "here", "unknown key 'exampels'"),
    (
        "sentences",
        "type",
        r"abbreviations: \[mr,(.*)",
        r"abbreviations: [no, mr,\1",
        "here",
        "found true/false False",
    ),
]


def _copy(kind: str, tmp_path: Path) -> tuple[Path, str]:
    source, target, _ = KINDS[kind]
    path = tmp_path / target
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, (PACKAGE / source).read_text("utf-8")


def _expected_line(lines: list[str], i: int, where: str) -> int | None:
    if where == "here":
        return i + 1
    if where == "root":
        return next(n for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#"))
    if where == "entry":
        indent = len(lines[i]) - len(lines[i].lstrip())
        for j in range(i, -1, -1):
            stripped = lines[j].lstrip()
            if stripped.startswith("- ") and len(lines[j]) - len(stripped) < indent:
                return j + 1
    return None


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_bundled_data_file_loads(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, text = _copy(kind, tmp_path)
    path.write_text(text, "utf-8")
    KINDS[kind][2](path, monkeypatch)


@pytest.mark.parametrize(
    ("kind", "fault", "find", "becomes", "where", "message"), BREAKS, ids=[f"{b[0]}-{b[1]}" for b in BREAKS]
)
def test_a_broken_copy_names_file_and_line(
    kind: str,
    fault: str,
    find: str,
    becomes: str | None,
    where: str,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, text = _copy(kind, tmp_path)
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if re.fullmatch(find, line))
    if becomes is None:
        del lines[i]
    elif becomes == BLOCK:
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "#"))):
            end += 1
        del lines[i:end]
    else:
        lines[i] = re.sub(find, becomes, lines[i])
    path.write_text("\n".join(lines), "utf-8")
    with pytest.raises(TimelineError) as caught:
        KINDS[kind][2](path, monkeypatch)
    error = str(caught.value)
    assert message in error, error
    line = _expected_line(text.split("\n"), i, where)
    named = re.escape(str(path)) if line else r"\S+\.yaml"  # a missing fragment: the rule using it
    assert re.match(rf"{named}:{line if line else r'[0-9]+'}: ", error), error


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_bad_yaml_names_file_and_line(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, text = _copy(kind, tmp_path)
    lines = text.rstrip("\n").split("\n")
    path.write_text("\n".join([*lines, "broken: [unclosed", ""]), "utf-8")
    with pytest.raises(TimelineError, match=rf"^{re.escape(str(path))}:\d+: not valid YAML") as caught:
        KINDS[kind][2](path, monkeypatch)
    assert int(str(caught.value).split(":")[1]) >= len(lines)


# -- the loader itself -------------------------------------------------------------------------


def test_a_key_written_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text("a: 1\nb: 2\na: 3\n", "utf-8")
    with pytest.raises(
        datafile.DataFileError, match=r"twice.yaml:3: not valid YAML \(the key 'a' is written twice"
    ):
        datafile.read(path, None, "a test file")


def test_an_impossible_date_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "dates.yaml"
    path.write_text("first: 2024-02-29\nsecond: 2023-02-29\n", "utf-8")
    with pytest.raises(datafile.DataFileError, match=r"dates.yaml:2: .*not a day of the calendar"):
        datafile.read(path, None, "a test file", dates=True)
    assert datafile.read(path, None, "a test file")["second"] == "2023-02-29"  # text by default


def test_lines_of_items_and_keys(tmp_path: Path) -> None:
    path = tmp_path / "lines.yaml"
    path.write_text("# a comment\nitems:\n  - one\n  - {id: two}\nname: x\n", "utf-8")
    doc = datafile.read(path, None, "a test file")
    assert datafile.line_of(doc) == 2
    assert datafile.line_of(doc["items"], 0) == 3 and datafile.line_of(doc["items"], 1) == 4
    assert datafile.line_of(doc, "name") == 5


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(datafile.DataFileError, match=r"absent.yaml: cannot read a test file"):
        datafile.read(tmp_path / "absent.yaml", None, "a test file")


def test_a_text_already_read_is_checked_like_a_file(tmp_path: Path) -> None:
    # a loader that also checks the text as written (the news days) reads it first, then parses it
    path = tmp_path / "rules.yaml"
    rules = datafile.Record(
        required={"rules": datafile.pattern_rules(datafile.Regex(), datafile.Items(datafile.Text()))}
    )
    text = "rules:\n  - id: agency\n    why: A wire agency.\n    pattern: '(?:AP|AFP)'\n    examples: [AFP]\n"
    path.write_text(text, "utf-8")
    [item] = datafile.parse_text(text, path, rules, datafile.DataFileError)["rules"]
    fields = datafile.rule_fields(item)
    assert (fields["id"], fields["why"], fields["pattern"].fullmatch("AFP") is not None) == (
        "agency",
        "A wire agency.",
        True,
    )
    broken = text.replace("    why: A wire agency.\n", "")
    with pytest.raises(datafile.DataFileError, match=r"rules.yaml:2: .*missing key 'why'"):
        datafile.parse_text(broken, path, rules, datafile.DataFileError)


def test_either_checks_by_shape(tmp_path: Path) -> None:
    spec = datafile.Record(
        required={"expect": datafile.Either((datafile.Text(), datafile.Items(datafile.Text(), least=1)))}
    )
    path = tmp_path / "either.yaml"
    for good in ("expect: one\n", "expect: [one, two]\n"):
        path.write_text(good, "utf-8")
        datafile.read(path, spec, "a test file")
    path.write_text("expect:\n  - one\n  - 3\n", "utf-8")
    with pytest.raises(datafile.DataFileError, match=r"either.yaml:3: expect > item 2: found a number 3"):
        datafile.read(path, spec, "a test file")


def test_word_lists_hold_only_text() -> None:
    """A bare ``no`` in a YAML list is ``False``: the loader refuses it (see words-type above), so
    every word of the lists is text as written."""
    lists = words.words()
    listed = (*sentences.abbreviations().words, *lists.stopwords, *lists.span_words)
    assert all(isinstance(w, str) for w in listed)
