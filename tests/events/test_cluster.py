"""Joining the reports of one happening across outlets by the rare words they share (events/cluster.py)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from timeline.content.article import Article
from timeline.core.results import ArticleEvent, ArticleResult
from timeline.events import merge_events
from timeline.events.cluster import lists_raw, same_sense, words_of
from timeline.temporal.values import DateValue

D = dt.date
CHRONOLOGY = SimpleNamespace(window=(D(2014, 1, 1), D(2025, 12, 31)), events=[])

# Other news of other days, so that rarity means something: their words are common, the pair's are not.
BACKGROUND = [
    "The governor of the region said that shelling continued in several villages near the front line.",
    "Officials said the humanitarian corridor would open again if the ceasefire held through the night.",
    "The foreign minister said the government would keep sending weapons and ammunition to the army.",
    "Residents queued for bread and water as the city remained without electricity and heating.",
    "The defence ministry said its forces had repelled several attacks and destroyed armoured vehicles.",
    "The president said in his nightly video address that the country would not give up any territory.",
    "Aid agencies said thousands of refugees had crossed the border into Poland, Romania and Moldova.",
    "The prime minister told parliament that new sanctions would target banks and the energy sector.",
    "The general staff said enemy troops were regrouping and preparing a new offensive in the east.",
    "Police said investigators were collecting evidence of crimes against civilians in the suburbs.",
    "The mayor said schools and hospitals had been damaged and asked residents to stay in shelters.",
    "Talks between the two delegations ended without agreement, a spokesman for the presidency said.",
    "The central bank said it would keep interest rates unchanged while the fighting went on.",
    "Volunteers delivered food and medicine to elderly people who had stayed in the villages.",
    "The United Nations said it was sending a convoy of trucks with supplies to the besieged city.",
]


def result(slug: str, source: str, *events: tuple[DateValue, str]) -> ArticleResult:
    text = "\n".join(t for _, t in events)
    article = Article(path=f"articles/{slug}.txt", slug=slug, text=text, body=text, title=slug, source=source)
    found, pos = [], 0
    for i, (date, sentence) in enumerate(events):
        found.append(ArticleEvent(slug, date, sentence, pos, pos + len(sentence), i))
        pos += len(sentence) + 1
    return ArticleResult(article=article, published=None, timexes=[], events=found)  # type: ignore[arg-type]


def corpus(*pair: tuple[str, DateValue]) -> list[ArticleResult]:
    results = [
        result(f"bg-{d}-{n}", f"outlet{n % 4}.example", (DateValue.day(D(2022, 5, 1 + d)), text))
        for d in range(5)
        for n, text in enumerate(BACKGROUND)
    ]
    for n, (text, date) in enumerate(pair):
        results.append(result(f"report-{n}", f"paper{n}.example", (date, text)))
    return results


def events_of(results: list[ArticleResult], slug: str) -> list:
    return [e for e in merge_events(results, CHRONOLOGY) if any(m.article == slug for m in e.members)]


SATURDAY = DateValue.day(D(2022, 10, 8))


@pytest.mark.parametrize("pair", lists_raw()["examples"]["joined"])
def test_reports_of_one_happening_in_other_words_are_one_event(pair):
    results = corpus((pair[0], SATURDAY), (pair[1], SATURDAY))
    [event] = events_of(results, "report-0")
    assert sorted(m.article for m in event.members) == ["report-0", "report-1"]
    assert sorted(m.text for m in event.members) == sorted(pair)  # every report kept, as written
    assert event.text in pair


@pytest.mark.parametrize("pair", lists_raw()["examples"]["apart"])
def test_different_happenings_of_one_day_stay_apart(pair):
    results = corpus((pair[0], SATURDAY), (pair[1], SATURDAY))
    [event] = events_of(results, "report-0")
    assert [m.article for m in event.members] == ["report-0"]


def test_the_same_happening_on_other_days_is_not_joined():
    bridge = lists_raw()["examples"]["joined"][0]
    results = corpus((bridge[0], SATURDAY), (bridge[1], DateValue.day(D(2022, 10, 15))))
    [event] = events_of(results, "report-0")
    assert [m.article for m in event.members] == ["report-0"]


def test_common_words_alone_do_not_join():
    # the two share only words that every day's news uses (the background's), none of them rare
    results = corpus(
        (
            "The governor said shelling continued in several villages near the front line on Saturday.",
            SATURDAY,
        ),
        ("The president said the country would not give up any villages near the front line.", SATURDAY),
    )
    [event] = events_of(results, "report-0")
    assert [m.article for m in event.members] == ["report-0"]


def test_paraphrase_groups_read_as_one_word():
    assert words_of("A blast rocked the bridge") & words_of("An explosion damaged the bridge") == {
        "explosion",
        "bridge",
    }
    assert all(word == word.lower() for word in same_sense())
