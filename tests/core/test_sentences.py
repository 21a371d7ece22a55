"""The one sentence splitter (timeline/core/sentences.py): its data file's examples, offsets,
and the cuts the corpus fingerprint and the tense cues were tuned with."""

from __future__ import annotations

import pytest

from timeline.core.sentences import abbreviations, split_sentences


@pytest.mark.parametrize("example", abbreviations().raw["examples"], ids=lambda e: e["text"][:30])
def test_sentence_examples(example):
    text = example["text"]
    assert [text[s:e] for s, e in split_sentences(text)] == example["sentences"]


def test_sentences_do_not_split_on_abbreviations_or_times():
    text = (
        "Mr. Zelensky met U.S. envoys at 9 a.m. in Kyiv. Gen. Valery Zaluzhny joined them on Feb. 3. "
        "The talks ended at 6 p.m. local time."
    )
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [
        "Mr. Zelensky met U.S. envoys at 9 a.m. in Kyiv.",
        "Gen. Valery Zaluzhny joined them on Feb. 3.",
        "The talks ended at 6 p.m. local time.",
    ]


def test_sentences_keep_offsets_and_break_at_lines():
    text = "Title\n\n  He added it was true near Kherson.\nLast week, an airfield burned.  \n"
    spans = split_sentences(text, 6)
    assert [text[s:e] for s, e in spans] == [
        "He added it was true near Kherson.",
        "Last week, an airfield burned.",
    ]


def test_sentence_with_closing_quote():
    text = "Kirby said: “We see indications of an offensive now.” He added that this was true."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Kirby said: “We see indications of an offensive now.”",
        "He added that this was true.",
    ]


def test_every_stop_cuts_where_the_careful_cut_does_not():
    """The corpus fingerprint's cut (``every_stop``): after an abbreviation and before a lower-case
    word too, closing quotes left out; a line is still a hard boundary."""
    text = "Mr. Kirby said “the talks failed.” the envoy left on Feb. 3.\nKyiv stood."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Mr. Kirby said “the talks failed.” the envoy left on Feb. 3.",
        "Kyiv stood.",
    ]
    assert [text[s:e] for s, e in split_sentences(text, every_stop=True)] == [
        "Mr.",
        "Kirby said “the talks failed.",
        "the envoy left on Feb.",
        "3.",
        "Kyiv stood.",
    ]


def test_tense_cut_reads_as_the_tense_cues_were_tuned():
    text = (
        "Mr. Kirby said the strike came on Feb. 24. the ministry denied it.\n"
        "“Talks resume Monday,” he said. Roe vs. Wade was cited. Officials in the U.S. Senate will vote!"
    )
    got = [text[s:e] for s, e in split_sentences(text, tense_cut=True)]
    assert got == [
        # a full stop before a digit ends a sentence here, unlike the careful cut's "Feb. 24";
        # before a lower-case word it never does
        "Mr. Kirby said the strike came on Feb.",
        "24. the ministry denied it.",
        "“Talks resume Monday,” he said.",
        "Roe vs. Wade was cited.",
        "Officials in the U.S. Senate will vote!",
    ]
    careful = [text[s:e] for s, e in split_sentences(text)]
    assert careful[0].startswith("Mr. Kirby said the strike came on Feb. 24.")


def test_tense_cut_knows_cyrillic_lower_case_and_sees_before_a_window():
    text = "Він сказав, що у п'ятницю. росіяни атакували Київ. Mr. Kirby said so."
    assert [text[s:e] for s, e in split_sentences(text, tense_cut=True)] == [
        "Він сказав, що у п'ятницю. росіяни атакували Київ.",
        "Mr. Kirby said so.",
    ]
    # a window that starts inside "Mr." still knows the title: no cut after "r."
    start = text.index("r. Kirby")
    assert [text[s:e] for s, e in split_sentences(text, start, tense_cut=True)] == ["r. Kirby said so."]
