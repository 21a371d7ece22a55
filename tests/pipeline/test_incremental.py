"""The extraction cache and the executors: same bytes serial, in a pool, on Dask; correct invalidation."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import timeline.pipeline.cache as cache_mod
from timeline.content import load_articles
from timeline.core.chronology import load_chronology
from timeline.core.problems import Problems
from timeline.events.probes import MergeMemory, Probes
from timeline.json_view import result_record
from timeline.pipeline.build import build
from timeline.pipeline.cache import ResultCache, context_key
from timeline.pipeline.executors import ExecutionPlan, run_extraction
from timeline.pipeline.read_phase import collect

from ..conftest import ROOT, TODAY
from ..project import bundled_articles, make_project


def _records(results: list) -> list[dict]:
    return [result_record(r) for r in results]


@pytest.fixture(scope="module")
def corpus() -> tuple[list, object]:
    articles = load_articles(ROOT / "content", Problems(), today=TODAY)
    chronology = load_chronology(ROOT / "content" / "chronology.yml")
    return articles, chronology


def test_process_pool_matches_serial_run(corpus: tuple[list, object]) -> None:
    articles, chronology = corpus
    serial = run_extraction(articles, chronology, TODAY, ExecutionPlan("serial"))
    pooled = run_extraction(articles, chronology, TODAY, ExecutionPlan("process", jobs=2))
    assert _records(pooled) == _records(serial)
    assert [r.article.slug for r in pooled] == [a.slug for a in articles]


def test_dask_local_cluster_matches_serial_run(corpus: tuple[list, object]) -> None:
    pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'news-timeline[dask]'")
    articles, chronology = corpus
    serial = run_extraction(articles, chronology, TODAY, ExecutionPlan("serial"))
    on_dask = run_extraction(articles, chronology, TODAY, ExecutionPlan("dask", jobs=2))
    assert _records(on_dask) == _records(serial)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_pages_are_byte_identical_across_executors(tmp_path: Path) -> None:
    trees = []
    for name, plan in (("serial", ExecutionPlan("serial")), ("pool", ExecutionPlan("process", jobs=2))):
        root = make_project(tmp_path / name, bundled_articles())
        build(config_file=root / "mkdocs.yml", plan=plan, use_cache=False)
        trees.append(_tree(root / "site_src" / "timeline"))
    assert trees[0] == trees[1]


def test_cache_reuses_unchanged_articles_and_redoes_changed_ones(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", bundled_articles())
    cache_dir = tmp_path / "cache"
    content = root / "content"
    first = collect(content, cache_dir=cache_dir, plan=ExecutionPlan("serial"))
    calls: list[str] = []
    real = cache_mod.ResultCache.get

    def counting_get(self: ResultCache, key: str):  # type: ignore[no-untyped-def]
        value = real(self, key)
        calls.append("hit" if value is not None else "miss")
        return value

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cache_mod.ResultCache, "get", counting_get)
        second = collect(content, cache_dir=cache_dir, plan=ExecutionPlan("serial"))
        assert calls == ["hit"] * 5
        assert _records(second.articles) == _records(first.articles)
        calls.clear()
        target = next((content / "articles").iterdir())
        target.write_text(target.read_text("utf-8") + "\nOn March 9, 2022, the TV tower was hit.\n", "utf-8")
        third = collect(content, cache_dir=cache_dir, plan=ExecutionPlan("serial"))
        assert sorted(calls) == ["hit"] * 4 + ["miss"]
        changed = next(r for r in third.articles if r.article.path.endswith(target.name))
        assert any(t.text == "March 9, 2022" or "March 9" in t.text for t in changed.timexes)


def test_unchanged_files_are_not_read_again(tmp_path: Path) -> None:
    """An article whose file's bytes and path are unchanged comes from the cache as read, with the
    warnings its reading gave (issue 18: reading was 25 s of a one-article build at 10,000)."""
    latin = "Kyiv talks\n\nOn March 9, 2022, the caf\u00e9 near the TV tower was hit.\n".encode("cp1252")
    root = make_project(tmp_path / "p", bundled_articles())
    (root / "content" / "articles" / "latin.txt").write_bytes(latin)
    content, cache_dir = root / "content", tmp_path / "cache"
    first_problems = Problems()
    first = collect(content, cache_dir=cache_dir, plan=ExecutionPlan("serial"), problems=first_problems)
    assert any("cp1252" in p.message for p in first_problems)
    read: list[str] = []
    real = cache_mod.read_article

    def counting_read(path: Path, rel: str, problems: Problems, *, today):  # type: ignore[no-untyped-def]
        read.append(rel)
        return real(path, rel, problems, today=today)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cache_mod, "read_article", counting_read)
        again = Problems()
        second = collect(content, cache_dir=cache_dir, plan=ExecutionPlan("serial"), problems=again)
        assert read == []
        assert [str(p) for p in again] == [str(p) for p in first_problems]
        assert _records(second.articles) == _records(first.articles)
        assert [r.article.text for r in second.articles] == [r.article.text for r in first.articles]
        target = content / "articles" / "latin.txt"
        target.write_bytes(latin.replace(b"March 9", b"March 10"))
        third = collect(content, cache_dir=cache_dir, plan=ExecutionPlan("serial"))
        assert read == ["articles/latin.txt"]
        changed = next(r for r in third.articles if r.article.path == "articles/latin.txt")
        assert "March 10" in changed.article.text and "caf\u00e9" in changed.article.text


def test_changing_the_chronology_invalidates_the_cache(tmp_path: Path) -> None:
    chronology = (ROOT / "content" / "chronology.yml").read_bytes()
    assert context_key(chronology, TODAY) != context_key(chronology + b"\n# edited\n", TODAY)
    assert context_key(chronology, TODAY) != context_key(chronology, TODAY.replace(day=2))


def test_changing_a_rule_file_changes_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "timeline"
    shutil.copytree(ROOT / "timeline", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_mod, "_PACKAGE", package)
    cache_mod.code_fingerprint.cache_clear()
    before = cache_mod.code_fingerprint()
    rule_files = sorted((package / "temporal").rglob("*.y*ml"))
    assert rule_files, "the tagger's rules are data files"
    rule_files[0].write_text(rule_files[0].read_text("utf-8") + "\n# a changed rule\n", "utf-8")
    cache_mod.code_fingerprint.cache_clear()
    assert cache_mod.code_fingerprint() != before
    cache_mod.code_fingerprint.cache_clear()


def test_generated_files_follow_the_umask(tmp_path: Path) -> None:
    """Pages are renamed into place from temporary files, which mkstemp makes private (0600)."""
    import os
    import stat

    from timeline.core.atomic import FILE_MODE, write_atomic
    from timeline.output.writer import _write_pieces

    write_atomic(tmp_path / "a.md", b"x")
    _write_pieces(tmp_path / "b.md", ["y"])
    mask = os.umask(0)
    os.umask(mask)
    for name in ("a.md", "b.md"):
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode == FILE_MODE == 0o666 & ~mask, oct(mode)


def test_editing_a_word_list_changes_the_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """news_common_words.txt is data the results depend on: editing it must not leave stale results."""
    import shutil

    from timeline.pipeline import cache

    package = tmp_path / "timeline"
    shutil.copytree(cache._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.code_fingerprint.cache_clear()
    before = cache.code_fingerprint()
    words = package / "anchoring" / "news_common_words.txt"
    words.write_text(words.read_text("utf-8") + "zzzzword\n", "utf-8")
    cache.code_fingerprint.cache_clear()
    try:
        assert cache.code_fingerprint() != before
    finally:
        cache.code_fingerprint.cache_clear()


def test_a_build_with_nothing_changed_is_skipped_and_any_change_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The no-op build (issue 18: 106 s at 9,280 real articles) reads no article and writes nothing,
    reports the same problems, and leaves the same bytes as a cold build; an edited article, an
    edited or deleted page, or another 'today' each mean a full build again."""
    import timeline.pipeline.build as build_mod

    articles = bundled_articles() | {"broken.md": "---\npublished: [not a date\n---\nText.\n"}
    root = make_project(tmp_path / "p", articles)
    config, out = root / "mkdocs.yml", root / "site_src" / "timeline"
    first, problems = Problems(), Problems()
    build(config_file=config, problems=first, today=TODAY)
    cold = _tree(out)
    collects: list[int] = []
    real_collect = build_mod.collect
    monkeypatch.setattr(build_mod, "collect", lambda *a, **k: collects.append(1) or real_collect(*a, **k))
    summary = build(config_file=config, problems=problems, today=TODAY)
    assert summary.endswith(": nothing changed since the last build, nothing written") and not collects
    assert summary.startswith("5 articles, ")  # broken.md is a problem, not an article
    assert [str(p) for p in problems] == [str(p) for p in first] and first.items
    assert _tree(out) == cold
    build(config_file=config, today=TODAY.replace(day=2))  # another 'today'
    assert collects == [1]
    target = root / "content" / "articles" / "001_474dacda6a1980da.txt"
    target.write_text(target.read_text("utf-8") + "\nOn March 9, 2022, the TV tower was hit.\n", "utf-8")
    build(config_file=config, today=TODAY)
    assert collects == [1, 1]
    index = out / "index.md"
    index.write_text("edited by hand\n", "utf-8")
    page = next((out / "articles").glob("putin-humiliated*.md"))
    page.unlink()
    build(config_file=config, today=TODAY)
    assert collects == [1, 1, 1] and index.read_text("utf-8") != "edited by hand\n" and page.is_file()
    incremental = _tree(out)
    fresh = make_project(tmp_path / "cold", {**articles, target.name: target.read_text("utf-8")})
    build(config_file=fresh / "mkdocs.yml", today=TODAY, use_cache=False)
    assert incremental == _tree(fresh / "site_src" / "timeline")


def test_article_pages_are_rendered_again_only_when_their_inputs_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new article: its page is rendered, and the page of an older article whose date links,
    events or names it changes; the other article pages are kept as they are (pipeline/pages.py,
    issue 18). The pages equal a cold build's."""
    import timeline.render.pages.articles as articles_mod

    articles = bundled_articles()
    new = "002_9853564c60961229.txt"  # it adds events to days another article's dates link to
    root = make_project(tmp_path / "p", {k: v for k, v in articles.items() if k != new})
    config, out = root / "mkdocs.yml", root / "site_src" / "timeline"
    build(config_file=config, today=TODAY)
    before = _tree(out)
    rendered: list[str] = []
    real = articles_mod.article_page
    monkeypatch.setattr(
        articles_mod, "article_page", lambda ctx, r: rendered.append(r.article.path) or real(ctx, r)
    )
    (root / "content" / "articles" / new).write_text(articles[new], "utf-8")
    build(config_file=config, today=TODAY)
    after = _tree(out)
    pages = [k for k in before if k.count("/") == 1 and k.startswith("articles/") and "index" not in k]
    changed = sorted(k for k in pages if after[k] != before[k])  # older articles' pages
    assert changed and len(rendered) == len(changed) + 1 < len(articles) and f"articles/{new}" in rendered
    fresh = make_project(tmp_path / "cold", articles)
    build(config_file=fresh / "mkdocs.yml", today=TODAY, use_cache=False)
    assert after == _tree(fresh / "site_src" / "timeline")
    rendered.clear()
    (out / changed[0]).write_text("edited by hand\n", "utf-8")  # a page touched since: rendered
    (root / "content" / "articles" / new).write_text(articles[new] + "\nMore.\n", "utf-8")
    build(config_file=config, today=TODAY)
    assert len(rendered) == 2 and _tree(out)[changed[0]] == after[changed[0]]


def test_a_page_placed_by_the_corpus_pass_is_kept_until_its_clue_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An undated report that dated articles place (the corpus pass): an edit that leaves its clue
    as it was leaves its page as it is, not rendered; a dated article it is placed by moved to
    another day renders it again (its clue changed). Each time the pages equal a cold build's.
    (A new dated article changes every clue a little: the corpus's statistics change.)"""
    import timeline.render.pages.articles as articles_mod

    from ..anchoring.test_corpus_dating import UNDATED_REPORT, _pile

    today = dt.date(2026, 12, 3)
    articles = {p.name: p.read_text("utf-8") for p in _pile(tmp_path / "pile")}
    articles["report.txt"] = UNDATED_REPORT
    root = make_project(tmp_path / "p", articles)
    config, out = root / "mkdocs.yml", root / "site_src" / "timeline"
    build(config_file=config, today=today)
    report = next(k for k in _tree(out) if "port-workers-wounded" in k)
    assert b"reports the same news as" in _tree(out)[report]
    rendered: list[str] = []
    real = articles_mod.article_page
    monkeypatch.setattr(
        articles_mod, "article_page", lambda ctx, r: rendered.append(r.article.path) or real(ctx, r)
    )

    def same_as_cold(run: str) -> None:
        cold = make_project(
            tmp_path / run, {p.name: p.read_text("utf-8") for p in (root / "content" / "articles").iterdir()}
        )
        build(config_file=cold / "mkdocs.yml", today=today, use_cache=False)
        assert _tree(out) == _tree(cold / "site_src" / "timeline")

    # a dated article's last paragraph, which is not what the corpus pass compares: same clue
    background = root / "content" / "articles" / "bg0.md"
    background.write_text(
        background.read_text("utf-8") + "\nThe debate is to resume after the recess.\n", "utf-8"
    )
    build(config_file=config, today=today)
    assert "articles/bg0.md" in rendered and "articles/report.txt" not in rendered
    same_as_cold("cold1")
    rendered.clear()
    strike = root / "content" / "articles" / "strike0.md"
    strike.write_text(
        strike.read_text("utf-8").replace("published: 2026-11-09", "published: 2026-11-12"), "utf-8"
    )
    build(config_file=config, today=today)
    assert "articles/report.txt" in rendered
    same_as_cold("cold2")


_REPORTS = [
    "Russian forces shelled a school in {place} overnight, the regional governor said.",
    "At least {n} civilians were killed when missiles struck a railway station in {place}, officials said.",
    "Ukrainian troops retook {n} villages near {place}, according to the general staff.",
    "A drone attack damaged a power substation in {place}, leaving {n} homes without electricity.",
    "Rescuers pulled {n} people from the rubble of an apartment block in {place}, emergency services said.",
]
_PLACES = ["Kharkiv", "Mykolaiv", "Kherson", "Odesa", "Izium", "Chernihiv", "Sumy", "Dnipro"]


def _wire_articles(count: int, seed: int) -> dict[str, str]:
    """Short dated reports, many telling the same strikes in near-identical words (wire copy)."""
    import random

    rng = random.Random(seed)
    out = {}
    for k in range(count):
        day = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(12))
        lines = [f"---\npublished: {(day + dt.timedelta(days=1)).isoformat()}\n---", f"Report {seed}-{k}", ""]
        for _ in range(3):
            when = day - dt.timedelta(days=rng.randrange(2))
            text = rng.choice(_REPORTS).format(place=rng.choice(_PLACES), n=rng.randrange(2, 9))
            lines.append(f"On {when:%A}, {when:%B} {when.day}, 2022, {text[0].lower()}{text[1:]}")
        out[f"wire-{seed}-{k:02d}.md"] = "\n\n".join(lines) + "\n"
    return out


def test_the_merge_keeps_its_probes_and_gives_a_cold_builds_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The event merge's memory (.cache/timeline/merge.pickle, issue 18): a new article, then an
    edited and a deleted one, are merged by following the last build's probes (only new candidates
    are probed in full, far fewer pairs compared); the pages and chronology.json equal a cold
    build's, and the similar pairs found equal those of a first build."""
    import timeline.pipeline.read_phase as read_mod

    articles = _wire_articles(40, 1)
    new, edited = "wire-1-39.md", "wire-1-10.md"
    root = make_project(tmp_path / "p", {k: v for k, v in articles.items() if k != new})
    config, out = root / "mkdocs.yml", root / "site_src" / "timeline"
    memories: list[MergeMemory] = []
    real = read_mod.merge_events
    monkeypatch.setattr(read_mod, "merge_events", lambda r, c, m=None: memories.append(m) or real(r, c, m))
    build(config_file=config, today=TODAY)
    assert (root / ".cache" / "timeline" / "merge.pickle").is_file()
    cold = memories[-1].compared
    (root / "content" / "articles" / new).write_text(articles[new], "utf-8")
    build(config_file=config, today=TODAY)
    now, then = memories[-1].probes, memories[-2].probes
    assert now is not None and then is not None
    added = len(set(now.uids) - set(then.uids))
    assert 0 < memories[-1].probed <= added < len(now.uids) and memories[-1].compared < cold
    target = root / "content" / "articles" / edited
    target.write_text(
        target.read_text("utf-8") + "\nOn March 9, 2022, the TV tower was hit again.\n", "utf-8"
    )
    build(config_file=config, today=TODAY)
    assert memories[-1].probed <= 4 and memories[-1].compared < cold
    followed = memories[-1].probes
    fresh = make_project(tmp_path / "cold", {p.name: p.read_text("utf-8") for p in target.parent.iterdir()})
    build(config_file=fresh / "mkdocs.yml", today=TODAY, use_cache=False)
    assert _tree(out) == _tree(fresh / "site_src" / "timeline")
    build(config_file=fresh / "mkdocs.yml", today=TODAY)  # a first build with a cache: every probe made
    assert _edges(followed) == _edges(memories[-1].probes) != set()


def _edges(probes: object) -> set[tuple[object, object, float]]:
    """The similar pairs a merge found, by the candidates' names."""
    assert isinstance(probes, Probes)
    return {(probes.uids[i], probes.uids[j], sim) for i, found in enumerate(probes.edges) for j, sim in found}


def test_download_pieces_are_taken_from_the_last_build_only_when_what_they_show_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows, calendar entries and records of the downloads are kept by what they show
    (render/pieces.py, issue 18): after an article's address changes (its events do not), the
    rows and records of its events show the new address (rendered again) and the other pieces are
    the last build's; every download equals a cold build's."""
    import timeline.pipeline.build as build_mod

    articles = _wire_articles(30, 2)
    name = "wire-2-07.md"
    articles[name] = articles[name].replace("---\n", "---\nurl: https://news.example/kharkiv-1\n", 1)
    root = make_project(tmp_path / "p", articles)
    config, out = root / "mkdocs.yml", root / "site_src" / "timeline"
    made: list[object] = []
    real = build_mod.site_files
    monkeypatch.setattr(build_mod, "site_files", lambda *a: made.append(f := real(*a)) or f)
    build(config_file=config, today=TODAY)
    target = root / "content" / "articles" / name
    target.write_text(target.read_text("utf-8").replace("/kharkiv-1", "/kharkiv-2"), "utf-8")
    build(config_file=config, today=TODAY)
    pieces = made[-1].ctx.pieces  # type: ignore[attr-defined]
    assert 0 < pieces.made < len(pieces.now) // 4
    assert "kharkiv-2" in (out / "events.csv").read_text("utf-8")
    fresh = make_project(tmp_path / "cold", {p.name: p.read_text("utf-8") for p in target.parent.iterdir()})
    build(config_file=fresh / "mkdocs.yml", today=TODAY, use_cache=False)
    assert _tree(out) == _tree(fresh / "site_src" / "timeline")
