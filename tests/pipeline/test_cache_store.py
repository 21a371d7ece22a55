"""The extraction cache is one SQLite file (pipeline/cache.py): a damaged or busy cache costs time,
never a wrong page, and entries of other code versions or deleted articles are pruned."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import timeline.pipeline.cache as cache_mod
from timeline.pipeline import unchanged
from timeline.pipeline.build import build

from ..project import bundled_articles, make_project


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _entries(root: Path) -> int:
    with sqlite3.connect(root / ".cache" / "timeline" / cache_mod.DATABASE) as db:
        return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A project built once without the cache: the pages every later build must give."""
    root = make_project(tmp_path / "p", bundled_articles())
    build(config_file=root / "mkdocs.yml", use_cache=False)
    return root, _tree(root / "site_src" / "timeline")


def test_entries_are_kept_in_one_file_and_pruned_with_their_articles(
    built: tuple[Path, dict[str, bytes]],
) -> None:
    root, pages = built
    build(config_file=root / "mkdocs.yml")
    folder = root / ".cache" / "timeline"
    assert not list(folder.glob("*/*.pickle"))  # no file per entry
    assert _entries(root) == 10  # five articles: each read, and each result
    next((root / "content" / "articles").iterdir()).unlink()
    build(config_file=root / "mkdocs.yml")
    assert _entries(root) == 8
    assert _tree(root / "site_src" / "timeline") != pages


def test_a_damaged_cache_file_is_replaced_and_the_pages_are_right(
    built: tuple[Path, dict[str, bytes]],
) -> None:
    root, pages = built
    build(config_file=root / "mkdocs.yml")
    database = root / ".cache" / "timeline" / cache_mod.DATABASE
    database.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)  # a header, then garbage
    (root / ".cache" / "timeline" / unchanged.RECORD).unlink()  # or the build would only replay
    build(config_file=root / "mkdocs.yml")
    assert _tree(root / "site_src" / "timeline") == pages
    assert _entries(root) == 10  # rebuilt


def test_a_cache_held_by_another_build_is_done_without(
    built: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, pages = built
    build(config_file=root / "mkdocs.yml")
    article = next((root / "content" / "articles").iterdir())
    article.write_text(
        article.read_text("utf-8") + "\nOn March 9, 2022, the TV tower in Kyiv was hit.\n", "utf-8"
    )
    monkeypatch.setattr(cache_mod, "WAIT", 0.1)
    other = sqlite3.connect(root / ".cache" / "timeline" / cache_mod.DATABASE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another build writing its entries
    try:
        build(config_file=root / "mkdocs.yml")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with_cache = _tree(root / "site_src" / "timeline")
    build(config_file=root / "mkdocs.yml", use_cache=False)
    assert with_cache == _tree(root / "site_src" / "timeline") != pages


def test_a_cache_file_of_another_shape_is_replaced(built: tuple[Path, dict[str, bytes]]) -> None:
    """A database that opens but does not hold entries as this version writes them (another
    version's, or damaged past its header) is replaced too, not left to cost every later build."""
    root, pages = built
    database = root / ".cache" / "timeline" / cache_mod.DATABASE
    database.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE entries (k TEXT, v BLOB)")
    build(config_file=root / "mkdocs.yml")
    assert _tree(root / "site_src" / "timeline") == pages
    assert _entries(root) == 10
