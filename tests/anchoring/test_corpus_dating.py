"""Dates learned from the corpus (issue 14): dated articles of a pile place the undated ones.

Invented articles, written for these tests: a few dated stories on different days and news, the
same news reported by three dated outlets, and an undated report of it (or an undated story that
only recalls old news).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from timeline.anchoring.corpus import MIN_SIMILARITY, WEAK_SIMILARITY, CorpusIndex, DatedArticle, news_terms
from timeline.anchoring.infer import estimate_from_cues
from timeline.cli import main
from timeline.pipeline import unchanged

from ..project import make_project

TODAY = "2026-12-03"  # after the newest dated article of this pile (24 November 2026)

BACKGROUND = {
    "2026-10-02": "Parliament in Kyiv approved a budget amendment adding funds for air defence "
    "interceptors and for repairs of the Burshtyn power plant after a long debate.",
    "2026-10-14": "The International Atomic Energy Agency said inspectors rotated at the Zaporizhzhia "
    "station and reported that one external power line was restored by engineers.",
    "2026-10-21": "Finnish and Estonian ministers signed an agreement in Tallinn on shared ammunition "
    "production, promising a new factory near Tartu before the end of the decade.",
    "2026-10-30": "A prisoner exchange mediated by the United Arab Emirates returned 118 Ukrainian "
    "soldiers, among them defenders of Mariupol held for more than four years.",
    "2026-11-03": "Farmers in Vinnytsia finished the maize harvest early, and the agriculture ministry "
    "raised its export forecast for the season despite the blackouts.",
    "2026-11-16": "President Zelensky met European leaders in Berlin to discuss reconstruction funds "
    "and a new sanctions package aimed at Russian shadow fleet tankers.",
    "2026-11-24": "Heavy snow closed roads across the Carpathian region, and the emergency service "
    "said crews freed 43 lorries stuck near the Uzhhorod checkpoint.",
}

STRIKE = [
    "Russian missiles struck the Pivdennyi port near Odesa overnight, damaging the Zhytomyrska Agro "
    "grain terminal and wounding 14 workers, regional governor Oleh Kiper said.",
    "The Zhytomyrska Agro terminal at Pivdennyi was hit by Russian missiles, Oleh Kiper said, adding "
    "that 14 people were wounded and 1,274 tonnes of sunflower oil burned.",
    "Governor Oleh Kiper said 14 workers were wounded when missiles hit the Pivdennyi port, where "
    "1,274 tonnes of sunflower oil burned at the Zhytomyrska Agro grain terminal.",
]
STRIKE_DAY = dt.date(2026, 11, 9)

UNDATED_REPORT = (
    "Port workers wounded in missile strike near Odesa\n\n"
    "Fourteen workers were wounded and 1,274 tonnes of sunflower oil burned when Russian missiles hit "
    "the Zhytomyrska Agro grain terminal at the Pivdennyi port, governor Oleh Kiper said.\n"
    "Exporters warned that insurance costs for ships calling at the port would rise again.\n"
)


def _md(title: str, published: str | None, body: str) -> str:
    meta = f"title: {title}\n" + (f"published: {published}\n" if published else "")
    return f"---\n{meta}---\n{body}\n"


def _pile(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (day, body) in enumerate(sorted(BACKGROUND.items())):
        paths.append(folder / f"bg{n}.md")
        paths[-1].write_text(_md(f"Background story {n}", day, body), "utf-8")
    for n, body in enumerate(STRIKE):
        paths.append(folder / f"strike{n}.md")
        paths[-1].write_text(_md(f"Odesa port strike report {n}", STRIKE_DAY.isoformat(), body), "utf-8")
    return paths


def _extract(paths: list[Path], capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    code = main(["extract", "--json", "--today", TODAY, *map(str, paths)], environ={})
    out, err = capsys.readouterr()
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    return {Path(r["path"]).name: r for r in records}


def test_undated_report_of_dated_news_lands_on_their_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _pile(tmp_path)
    report = tmp_path / "report.txt"
    report.write_text(UNDATED_REPORT, "utf-8")
    records = _extract([*paths, report], capsys)
    pub = records["report.txt"]["published"]
    assert pub["source"] == "inferred"
    assert STRIKE_DAY <= dt.date.fromisoformat(pub["value"]) <= STRIKE_DAY + dt.timedelta(days=1)
    assert dt.date.fromisoformat(pub["earliest"]) <= STRIKE_DAY <= dt.date.fromisoformat(pub["latest"])
    corpus = [e for e in pub["evidence"] if e["source"] == "corpus" and e["reason"].startswith("reports")]
    assert len(corpus) == 1
    profile = [
        e for e in pub["evidence"] if e["source"] == "corpus" and e["reason"].startswith("the rare words")
    ]
    assert len(profile) == 1 and "November 2026" in profile[0]["reason"]
    assert "reports the same news as 'Odesa port strike report" in corpus[0]["reason"]
    assert (
        "published 9 November 2026" in corpus[0]["reason"] and "2 other dated articles" in corpus[0]["reason"]
    )


def test_a_single_file_uses_only_what_is_bundled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    report.write_text(UNDATED_REPORT, "utf-8")
    pub = _extract([report], capsys)["report.txt"]["published"]
    assert not [e for e in pub["evidence"] if e["source"] == "corpus"]
    value = pub["value"]
    assert value is None or abs((dt.date.fromisoformat(value) - STRIKE_DAY).days) > 3


DAM_DAY = dt.date(2023, 6, 6)
DAM = [
    "The Kakhovka dam on the Dnipro was destroyed before dawn, and water from the reservoir flooded "
    "Nova Kakhovka and villages downstream towards Kherson, officials said.",
    "Water poured through the destroyed Kakhovka dam, flooding Nova Kakhovka; Kherson officials "
    "evacuated villages along the Dnipro as the reservoir drained.",
    "Officials in Kherson said the Kakhovka dam collapse flooded Nova Kakhovka and riverside villages "
    "on the Dnipro, while the reservoir level fell fast.",
]
RECALL = (
    "Melon growers plan drip irrigation for next season\n\n"
    "Melon growers in the south met agronomists to plan drip irrigation and solar pumps for the next "
    "season, and a cooperative near Beryslav ordered pipes from a Polish supplier.\n"
    "Since the Kakhovka dam was destroyed in June 2023, flooding Nova Kakhovka and draining the "
    "reservoir on the Dnipro, growers near Kherson have had no canal water.\n"
    "The cooperative expects its first harvest under the new system in late summer.\n"
)


def test_old_news_recalled_does_not_pull_onto_its_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _pile(tmp_path)
    for n, body in enumerate(DAM):
        paths.append(tmp_path / f"dam{n}.md")
        paths[-1].write_text(_md(f"Kakhovka dam destroyed {n}", DAM_DAY.isoformat(), body), "utf-8")
    recall = tmp_path / "recall.txt"
    recall.write_text(RECALL, "utf-8")
    pub = _extract([*paths, recall], capsys)["recall.txt"]["published"]
    assert not any(
        "Kakhovka dam destroyed" in e["reason"] for e in pub["evidence"] if e["source"] == "corpus"
    )
    if pub["value"] is not None:
        assert abs((dt.date.fromisoformat(pub["value"]) - DAM_DAY).days) > 14


def test_neighbours_come_from_the_index_and_rank_by_shared_rare_terms() -> None:
    dated = [
        (DatedArticle(f"bg{n}", f"Background {n}", dt.date.fromisoformat(day)), news_terms(body))
        for n, (day, body) in enumerate(sorted(BACKGROUND.items()))
    ]
    dated += [(DatedArticle(f"strike{n}", "Strike", STRIKE_DAY), news_terms(b)) for n, b in enumerate(STRIKE)]
    index = CorpusIndex.build(dated, [news_terms(UNDATED_REPORT)])
    found = index.neighbours(news_terms(UNDATED_REPORT))
    assert {n.article.slug for n in found[:3]} == {"strike0", "strike1", "strike2"}
    assert all(a.similarity >= b.similarity for a, b in itertools.pairwise(found))
    # a term shared by no dated article is not in the index at all: nothing to compare
    assert index.neighbours(news_terms("Quokka marmalade xylophones in Reykjavik.")) == []


def test_article_page_links_the_dated_articles(tmp_path: Path) -> None:
    articles = {p.name: p.read_text("utf-8") for p in _pile(tmp_path / "pile")}
    articles["report.txt"] = UNDATED_REPORT
    project = make_project(tmp_path / "project", articles)
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--today", TODAY], environ={}) == 0
    pages = list((project / "site_src" / "timeline").rglob("*.md"))
    [page] = [p for p in pages if "port-workers-wounded" in p.name]
    text = page.read_text("utf-8")
    assert "reports the same news as" in text
    lines = text.splitlines()
    at = next(i for i, x in enumerate(lines) if "reports the same news as" in x)
    for n in range(3):  # each dated article is named and linked, with its date, just below
        title = f"Odesa port strike report {n}"
        link = f"    - [{title}](odesa-port-strike-report-{n}.md) (published 9 November 2026)"
        assert link in lines[at + 1 : at + 4]


def test_an_unchanged_pile_is_dated_again_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The corpus pass is incremental too: with nothing changed, no article is extracted again,
    and the pages are the same."""
    articles = {p.name: p.read_text("utf-8") for p in _pile(tmp_path / "pile")}
    articles["report.txt"] = UNDATED_REPORT
    project = make_project(tmp_path / "project", articles)
    args = ["build", "--config", str(project / "mkdocs.yml"), "--today", TODAY]
    assert main(args, environ={}) == 0
    out = project / "site_src" / "timeline"
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged article was extracted again")

    monkeypatch.setattr("timeline.pipeline.executors.extract_article", no_extraction)
    # without the record of the last build, the build runs (a no-op build is skipped whole and
    # would not read the extraction cache this test is about)
    record = project / ".cache" / "timeline" / unchanged.RECORD
    assert record.is_file()
    record.unlink()
    assert main(args, environ={}) == 0
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    page = next(p for p in before if "port-workers-wounded" in p.name)
    assert b"reports the same news as" in before[page]


def test_corpus_dating_is_deterministic(tmp_path: Path) -> None:
    """Two cold builds of the same pile (no cache) give byte-identical pages, corpus clues included."""
    articles = {p.name: p.read_text("utf-8") for p in _pile(tmp_path / "pile")}
    articles["report.txt"] = UNDATED_REPORT
    trees = []
    for run in ("a", "b"):
        project = make_project(tmp_path / run, articles)
        args = ["build", "--config", str(project / "mkdocs.yml"), "--today", TODAY, "--no-cache"]
        assert main(args, environ={}) == 0
        out = project / "site_src" / "timeline"
        trees.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert trees[0] == trees[1]
    assert any(b"reports the same news as" in data for data in trees[0].values())


def test_the_profile_prefers_the_day_of_the_news_to_a_quiet_day_that_shares_nothing() -> None:
    """A quiet day (one dated article, about something else) must not top the profile: on the
    January-June 2022 corpus the first, quietest days of the pile topped a third of profiles,
    because a day was penalised for each of its articles that lacked the terms."""
    dated = [
        (
            DatedArticle(f"bg{n}", f"Background {n}", dt.date.fromisoformat(day)),
            news_terms(f"{body} Officials in Kyiv reported on the repairs and the budget."),
        )
        for n, (day, body) in enumerate(sorted(BACKGROUND.items()))
    ]
    dated.append(
        (
            DatedArticle("quiet", "Quiet", dt.date(2026, 9, 1)),
            news_terms("A beekeepers' fair in Poltava drew visitors to taste linden honey."),
        )
    )
    busy = dt.date(2026, 11, 9)
    dated += [(DatedArticle(f"strike{n}", "Strike", busy), news_terms(body)) for n, body in enumerate(STRIKE)]
    dated += [  # the day of the news is a busy one: many dated articles about other things
        (
            DatedArticle(f"other{n}", "Other", busy + dt.timedelta(days=n % 3 - 1)),
            news_terms(f"{body} Officials in Kyiv reported on the repairs and the budget."),
        )
        for n, body in enumerate(list(BACKGROUND.values()) * 25)
    ]
    index = CorpusIndex.build(dated, [news_terms(UNDATED_REPORT)])
    profile = index.profile(news_terms(UNDATED_REPORT))
    top = max(profile, key=lambda d: profile[d])
    assert abs((top - busy).days) <= 1
    assert dt.date(2026, 9, 1) not in profile  # it shares no term: not a candidate at all


# a local story no dated article reports: it shares one rare name (Tallinn) with a dated one
CHOIR = (
    "The chamber choir of Pärnu sang carols and folk songs at a charity concert for diesel generators "
    "for village schools near Kharkiv. Students and pensioners filled the cathedral, and the conductor "
    "Maarja Kask thanked the donors. Volunteers will drive the generators to Kharkiv in a convoy of "
    "minibuses. The organisers said the collection beat their target by a third. Local bakers sold "
    "gingerbread and mulled cider in the churchyard, adding their takings to the fund. A violinist from "
    "Lviv, Oksana Hrytsenko, played a lullaby her grandmother taught her. Pupils of the Pärnu music "
    "school painted posters showing sunflowers and snowmen."
)
CONCERT = "Choir sings for Kharkiv schools\n\n" + CHOIR + " A second concert is planned in Tallinn."


def _weak_pile() -> CorpusIndex:
    dated = [
        (DatedArticle(f"bg{n}", f"Background {n}", dt.date.fromisoformat(day)), news_terms(body))
        for n, (day, body) in enumerate(sorted(BACKGROUND.items()))
    ]
    dated += [(DatedArticle(f"strike{n}", "Strike", STRIKE_DAY), news_terms(b)) for n, b in enumerate(STRIKE)]
    # another undated telling of the concert: its words are not unique to one article, so they count
    undated = [UNDATED_REPORT, CONCERT, "Carols for generators\n\n" + CHOIR]
    return CorpusIndex.build(dated, [news_terms(text) for text in undated])


def test_a_weak_neighbour_is_thin_evidence_only_when_no_dated_article_reports_the_news() -> None:
    index = _weak_pile()
    found = index.neighbours(news_terms(CONCERT))
    assert [n.article.slug for n in found] == ["bg2"]  # Tallinn, 21 October
    assert WEAK_SIMILARITY <= found[0].similarity < MIN_SIMILARITY
    span = (dt.date(2022, 1, 1), dt.date(2026, 12, 3))
    days = (span[1] - span[0]).days + 1
    cue = index.cue(news_terms(CONCERT), span)
    assert cue is not None
    # in words: a loose likeness, not a report of the same news
    assert cue.evidence.reason.startswith(
        "shares a few words with 'Background 2' (published 21 October 2026)"
    )
    assert "though none reports the same news" in cue.evidence.reason
    assert "(weak evidence: it only helps pick the day" in cue.evidence.reason
    # weak: most of its probability stays spread over every day, unlike a clue of the same news
    assert cue.default * days > 0.7
    strong = index.cue(news_terms(UNDATED_REPORT), span)
    assert strong is not None and strong.default * days < 0.2
    assert strong.evidence.reason.startswith("reports the same news as ")
    # an article that does report dated news gets only the neighbours that report it
    assert all(n.similarity >= MIN_SIMILARITY for n in index.neighbours(news_terms(UNDATED_REPORT)))


def test_thin_evidence_may_pick_the_day_but_never_raises_the_confidence() -> None:
    index = _weak_pile()
    span = (dt.date(2022, 1, 1), dt.date(2026, 12, 3))
    weak = index.cue(news_terms(CONCERT), span)
    strong = index.cue(news_terms(UNDATED_REPORT), span)
    assert weak is not None and strong is not None
    alone = estimate_from_cues([weak], *span)
    assert alone.value is not None and abs((alone.value - dt.date(2026, 10, 21)).days) <= 2  # it picks
    assert alone.confidence < 0.05  # but vouches for nothing
    # beside another clue, the confidence is at most what that clue gives alone
    both = estimate_from_cues([strong, weak], *span)
    assert both.confidence <= estimate_from_cues([strong], *span).confidence + 1e-9
    assert estimate_from_cues([strong], *span).confidence > 10 * alone.confidence
