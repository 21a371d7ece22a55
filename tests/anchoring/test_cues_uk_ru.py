"""Publication-date clues in Ukrainian and Russian place an undated article as its English
version is placed: weekdays, partial dates, "yesterday" next to a date, counts from the war, and
a full date spoken of as still to come. Each case is one short article written three times; the
texts are our own and run through the real tagger with each language's rules."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.anchoring import place_text, read_text
from timeline.anchoring.model import PublicationEstimate
from timeline.core.chronology import load_chronology

from ..conftest import ROOT, TODAY

CHRON = load_chronology(ROOT / "content" / "chronology.yml")
D = dt.date


def published(text: str, language: str) -> PublicationEstimate:
    reading = read_text(text, None, CHRON, today=TODAY, language=language)
    return place_text(reading, text, None, CHRON, today=TODAY).published


# one article per cue, in English, Ukrainian and Russian
VERSIONS = {
    "weekday": {
        "en": "Drones hit Kharkiv\n\nOn Monday night Russian drones struck Kharkiv, the governor said. "
        "Three people were injured.\n",
        "uk": "Дрони атакували Харків\n\nУ понеділок уночі російські дрони атакували Харків, повідомив "
        "голова області. Троє людей поранено.\n",
        "ru": "Дроны атаковали Харьков\n\nВ понедельник ночью российские дроны атаковали Харьков, сообщил "
        "глава области. Три человека ранены.\n",
    },
    "partial date": {
        "en": "Missile strike on Odesa port\n\nOn 20 November a missile hit the port of Odesa, officials "
        "said. The terminal stopped work for two days.\n",
        "uk": "Ракетний удар по порту Одеси\n\n20 листопада ракета влучила в порт Одеси, повідомили в "
        "адміністрації. Термінал зупинив роботу на два дні.\n",
        "ru": "Ракетный удар по порту Одессы\n\n20 ноября ракета попала в порт Одессы, сообщили в "
        "администрации. Терминал остановил работу на два дня.\n",
    },
    "yesterday next to a date": {
        "en": "Strike on Dnipro\n\nYesterday, 19 November, a missile hit an industrial site in Dnipro, the "
        "governor said. Two workers were injured.\n",
        "uk": "Удар по Дніпру\n\nВчора, 19 листопада, ракета влучила в промисловий об'єкт у Дніпрі, "
        "повідомив голова області. Двоє працівників поранені.\n",
        "ru": "Удар по Днепру\n\nВчера, 19 ноября, ракета попала в промышленный объект в Днепре, сообщил "
        "глава области. Двое рабочих ранены.\n",
    },
    "day of the war": {
        "en": "Shelling on the thirtieth day\n\nOn the 30th day of the war Russian forces shelled the "
        "outskirts of Kharkiv again. Since the start of the full-scale invasion the city has lost "
        "power many times.\n",
        "uk": "Обстріли на тридцятий день\n\nНа 30-й день війни російські війська знову обстріляли околиці "
        "Харкова. З початку повномасштабного вторгнення місто багато разів залишалося без світла.\n",
        "ru": "Обстрелы на тридцатый день\n\nНа тридцатый день войны российские войска снова обстреляли "
        "окрестности Харькова. С начала полномасштабного вторжения город много раз оставался без "
        "света.\n",
    },
    "future full date": {
        "en": "Talks in Ankara\n\nThe delegations will be in Ankara on 20 November 2026, the foreign "
        "ministry said.\n",
        "uk": "Переговори в Анкарі\n\nДелегації будуть в Анкарі 20 листопада 2026 року, повідомили в "
        "міністерстві закордонних справ.\n",
        "ru": "Переговоры в Анкаре\n\nДелегации будут в Анкаре 20 ноября 2026 года, сообщили в "
        "министерстве иностранных дел.\n",
    },
    "month of the war": {
        "en": "Kharkiv in the fifth month\n\nIn the fifth month of the war the city still hears sirens "
        "every night.\n",
        "uk": "Харків у п'ятий місяць\n\nУ п'ятий місяць війни місто досі щоночі чує сирени.\n",
        "ru": "Харьков на пятый месяц\n\nНа пятый месяц войны город до сих пор каждую ночь слышит сирены.\n",
    },
}


@pytest.mark.parametrize("cue", sorted(VERSIONS))
@pytest.mark.parametrize("language", ["uk", "ru"])
def test_placed_as_the_english_version(cue: str, language: str) -> None:
    english = published(VERSIONS[cue]["en"], "en")
    other = published(VERSIONS[cue][language], language)
    assert (other.value, other.earliest, other.latest) == (english.value, english.earliest, english.latest)
    assert other.confidence == pytest.approx(english.confidence, abs=0.02)
    # and for the same reason: the first clue says the same, but for the words quoted
    assert _reason(other) == _reason(english)


def _reason(pub: PublicationEstimate) -> str:
    return re.sub(r"^'.*?'(?=[\s:(])", "'...'", pub.evidence[0].reason) if pub.evidence else ""


def test_the_cues_place_the_articles() -> None:
    # what the English versions (and so the others) say, so the comparison above is not of two
    # unplaced articles
    assert published(VERSIONS["day of the war"]["uk"], "uk").value == D(2022, 3, 25)
    assert published(VERSIONS["yesterday next to a date"]["ru"], "ru").value.day == 20  # type: ignore[union-attr]
    month = published(VERSIONS["month of the war"]["uk"], "uk")
    # an ordinal month is said from its start: from four months after 24 February 2022 on
    assert month.earliest is not None and month.earliest >= D(2022, 6, 1)
    assert month.value is not None and D(2022, 6, 24) <= month.value <= D(2022, 8, 10)
