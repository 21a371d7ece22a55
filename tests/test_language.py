"""Language of an article: front matter wins; otherwise en, uk, ru or unknown with a warning."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.content.language import article_language, detect, table
from timeline.content.loader import article_from_text
from timeline.core.problems import Problems

TODAY = dt.date(2026, 12, 4)


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
