"""Language of an article: front matter wins; otherwise en, uk, ru or unknown with a warning."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.content.language import article_language, detect, table
from timeline.content.loader import article_from_text
from timeline.core.gazetteer import load_gazetteer
from timeline.core.problems import Problems

from ..project import make_project

TODAY = dt.date(2026, 12, 4)  # after the articles of 20 November 2026 that these tests write


@pytest.mark.parametrize("example", table().examples, ids=lambda e: e["text"][:30])
def test_table_examples(example: dict) -> None:
    assert detect(example["text"]) == example["expect"]


# pairs that differ only in a few words or letters: the same news sentence in both languages
PAIRS = [
    (
        "Минулого тижня ворог обстріляв Харків, і мер міста повідомив про десятки поранених.",
        "На прошлой неделе враг обстрелял Харьков, и мэр города сообщил о десятках раненых.",
    ),
    (
        "Він сказав журналістам, що переговори продовжаться у понеділок в Стамбулі.",
        "Он сказал журналистам, что переговоры продолжатся в понедельник в Стамбуле.",
    ),
    (
        "Це було в Одесі, коли сирени вже замовкли, а люди виходили зі сховищ.",
        "Это было в Одессе, когда сирены уже замолкли, а люди выходили из укрытий.",
    ),
]


@pytest.mark.parametrize(("uk", "ru"), PAIRS)
def test_ukrainian_and_russian_pairs(uk: str, ru: str) -> None:
    assert detect(uk) == "uk"
    assert detect(ru) == "ru"


def test_one_changed_word_keeps_the_language_of_the_rest() -> None:
    # a Russian quotation word in a Ukrainian sentence does not flip it
    assert detect("Мер заявив, що атака була масованою, і що «это было страшно» для всіх мешканців.") == "uk"


def test_front_matter_wins() -> None:
    text = "Он сказал, что это было вчера вечером, когда началась тревога."
    assert article_language("uk", text) == "uk"
    assert article_language(None, text) == "ru"


def _load(text: str) -> tuple[object, Problems]:
    problems = Problems()
    article = article_from_text(text, "articles/x.txt", problems, today=TODAY, stem="x")
    return article, problems


def test_loader_detects_and_warns_naming_the_file() -> None:
    ru, problems = _load(
        "Удар по Киеву\n\nВ ночь на 20 ноября Россия атаковала Киев дронами, сообщил мэр города.\n"
    )
    assert ru is not None and ru.language == "ru"  # type: ignore[attr-defined]
    assert not problems.items
    # Serbian Cyrillic: neither Ukrainian nor Russian evidence
    mixed, problems = _load(
        "Напад\n\nРуске снаге напале су Кијев током ноћи, рекао је градоначелник града новинарима.\n"
    )
    assert mixed is not None and mixed.language == "en"  # type: ignore[attr-defined]
    assert any("articles/x.txt" in str(p) and "language" in str(p) for p in problems.items)


def test_declared_language_is_kept() -> None:
    article, _ = _load("---\ntitle: Удар\nlanguage: uk\n---\nВ ночь на 20 ноября Россия атаковала Киев.\n")
    assert article is not None and article.language == "uk"  # type: ignore[attr-defined]


DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize(
    ("name", "kyiv", "odesa"),
    [("uk", "20 листопада 2026", "13 листопада"), ("ru", "20 ноября 2026", "13 ноября")],
)
def test_ukrainian_and_russian_articles_end_to_end(tmp_path: Path, name: str, kyiv: str, odesa: str) -> None:
    """An undated article of ours in each language: detected, dated from its own text, its events on
    the right days, its dates highlighted on its page."""
    article = (DATA / f"article_{name}.txt").read_text("utf-8")
    project = make_project(tmp_path, {f"article_{name}.txt": article})
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--today", "2026-12-04"], environ={}) == 0
    out = project / "site_src" / "timeline"
    page = (out / "articles" / f"article-{name}.md").read_text("utf-8")
    assert f"Language</span> | <span data-search-exclude>{name}</span> |" in page  # shown, not searched
    assert "2026-11-20" in page and "inferred" in page  # the publication date, from the text
    marks = dict(re.findall(r'<a class="tl-date"[^>]* href="([^"]*)"[^>]*>([^<]*)</a>', page))
    by_words = {words: href for href, words in marks.items()}
    assert by_words[kyiv].endswith("2026-11.html#2026-11-20")
    assert by_words[odesa].endswith("2026-11.html#2026-11-13")
    month = (out / "months" / "2026-11.md").read_text("utf-8")
    for day, words in (("2026-11-20", kyiv), ("2026-11-13", odesa)):
        section = month.split(f"{{ #{day} }}")[1].split("\n## ")[0]
        assert words in section, f"no event of {day} from {words!r}"


def test_gazetteer_names_a_place_in_all_three_languages() -> None:
    found = load_gazetteer().find(
        "Удар по Києві, обстріл Харькова; Kyiv і Kharkiv. Киевский торт, Харківщина."
    )
    assert [(m.text, m.entity.id) for m in found] == [
        ("Києві", "kyiv"),
        ("Харькова", "kharkiv"),
        ("Kyiv", "kyiv"),
        ("Kharkiv", "kharkiv"),
    ]
