"""Past or future around a date without its year, per language (timeline/temporal/tense.py and
rules/<lang>/tense.yaml): the examples of every language's file, and sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import temporal
from timeline.temporal import rules
from timeline.temporal.tense import FUTURE_WORDS, tense

EXAMPLES = [(lang, e) for lang in rules.languages() for e in tense(lang).examples]
WEDNESDAY = dt.date(2026, 11, 18)


@pytest.mark.parametrize(
    ("language", "example"), EXAMPLES, ids=[f"{g}:{e['text'][:40]}" for g, e in EXAMPLES]
)
def test_tense_examples(language: str, example: dict) -> None:
    found = {
        t.text: t.timex3() for t in temporal.tag(example["text"], example["published"], language=language)
    }
    for e in example["expect"]:
        assert found.get(e["text"]) == e["value"], (example["text"], found)


def test_every_language_has_its_tense_and_discourse_files() -> None:
    """A language is a rules folder: without its own files it would silently read English cues."""
    for lang in rules.languages():
        assert (rules.RULES_DIR / lang / "tense.yaml").is_file(), lang
        assert (rules.RULES_DIR / lang / "discourse.yaml").is_file(), lang


def _value(text: str, wanted: str, language: str, published: dt.date = WEDNESDAY) -> str | None:
    found = {t.text: t.timex3() for t in temporal.tag(text, published, language=language)}
    assert wanted in found, found
    return found[wanted]


@pytest.mark.parametrize(
    ("language", "text", "weekday"),
    [
        ("uk", "У четвер російські війська обстріляли Запоріжжя.", "четвер"),
        ("uk", "Окупанти в четвер вдарили по енергетиці Одещини.", "четвер"),
        ("uk", "У четвер у Харкові пролунали вибухи, повідомив мер.", "четвер"),
        ("ru", "В четверг российские войска обстреляли Запорожье.", "четверг"),
        ("ru", "Оккупанты в четверг ударили по энергетике Одесской области.", "четверг"),
        ("ru", "В четверг в Харькове прогремели взрывы, сообщил мэр.", "четверг"),
    ],
)
def test_a_weekday_in_a_past_sentence_is_the_last_one(language: str, text: str, weekday: str) -> None:
    """Published on a Wednesday, "у четвер ... обстріляли" is last Thursday, not tomorrow: the past
    verb may come after the weekday. Before the per-language cues it was 19 November."""
    assert _value(text, weekday, language) == "2026-11-12"


@pytest.mark.parametrize(
    ("language", "text", "weekday"),
    [
        ("uk", "У четвер делегації будуть у Стамбулі.", "четвер"),
        ("uk", "У неділю Рада розглядатиме законопроєкт.", "неділю"),
        ("uk", "Речник заявив, що в четвер делегація прибуде до Стамбула.", "четвер"),
        ("ru", "В четверг делегации будут в Стамбуле.", "четверг"),
        ("ru", "Заседание Совбеза запланировано на воскресенье.", "воскресенье"),
        ("ru", "Представитель сообщил, что в четверг делегация прибудет в Стамбул.", "четверг"),
    ],
)
def test_a_weekday_in_a_future_sentence_is_the_coming_one(language: str, text: str, weekday: str) -> None:
    """Future words ("будуть", "розглядатиме", "запланировано") and a past verb of another clause
    ("заявив, що ...": the perfective "прибуде" reads like a present, so only a day ahead is the
    coming one, as for any bare weekday) leave the weekday ahead."""
    expected = "2026-11-19" if weekday.startswith("четв") else "2026-11-22"
    assert _value(text, weekday, language) == expected


def test_a_yearless_month_in_a_past_sentence_is_behind_publication() -> None:
    """ "У грудні ... атакували" in an article of 18 November is December 2025; with the future
    ("атакуватимуть" is not written, "буде" is) the coming December."""
    assert _value("У грудні окупанти атакували Херсон 40 разів.", "грудні", "uk") == "2025-12"
    assert _value("В декабре оккупанты атаковали Херсон 40 раз.", "декабре", "ru") == "2025-12"
    assert _value("У грудні уряд буде ухвалювати бюджет.", "грудні", "uk") == "2026-12"
    assert _value("В декабре правительство будет принимать бюджет.", "декабре", "ru") == "2026-12"


def test_nouns_with_past_endings_are_not_verbs() -> None:
    """ "сили", "Київ", "генерал", "около" end like past verbs; they leave a weekday a day ahead as
    the coming one (the default for a bare weekday)."""
    assert _value("У четвер Сили оборони Києва: брифінг у Києві.", "четвер", "uk") == "2026-11-19"
    assert _value("В четверг генерал и посол около Киева.", "четверг", "ru") == "2026-11-19"


def test_the_english_future_words_stay_plain_words() -> None:
    """The anchoring reads them as whole words between spaces, not as regexes."""
    assert FUTURE_WORDS and all(w.replace(" ", "").replace("'", "").isalpha() for w in FUTURE_WORDS)
