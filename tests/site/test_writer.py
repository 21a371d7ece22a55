"""The writer owns one folder: it writes only changes, never deletes what it did not create."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from timeline.output import writer
from timeline.output.writer import MARKER, OutputError, write_output


def test_writes_only_changed_files_and_removes_only_its_own_stale_files(tmp_path: Path) -> None:
    root = tmp_path / "site_src" / "timeline"
    first = write_output(root, {"index.md": "# Home\n", "months/2022-03.md": "# March\n"})
    assert sorted(first.written) == ["index.md", "months/2022-03.md"]
    mtime = (root / "index.md").stat().st_mtime_ns
    (root / "notes.md").write_text("hand-written, inside the owned folder\n")

    second = write_output(root, {"index.md": "# Home\n", "months/2022-04.md": "# April\n"})
    assert second.written == ["months/2022-04.md"]
    assert second.unchanged == ["index.md"]
    assert second.removed == ["months/2022-03.md"]
    assert (root / "index.md").stat().st_mtime_ns == mtime
    assert (root / "notes.md").read_text() == "hand-written, inside the owned folder\n"
    assert not (root / "months" / "2022-03.md").exists()
    assert json.loads((root / MARKER).read_text())["files"] == ["index.md", "months/2022-04.md"]


def test_a_killed_builds_temporary_files_are_removed_by_the_next_build(tmp_path: Path) -> None:
    """A build killed while writing leaves '.tmp-...' beside the page it was replacing; the next
    build removes it, so the folder is what an uninterrupted build leaves."""
    root = tmp_path / "site_src" / "timeline"
    write_output(root, {"index.md": "# Home\n", "articles/kirby.md": "# Kirby\n"})
    (root / "articles" / ".tmp-8yhb_9i8").write_bytes(b"")
    (root / ".tmp-abc").write_text("# Ho")
    write_output(root, {"index.md": "# Home\n", "articles/kirby.md": "# Kirby\n"})
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == [
        MARKER,
        "articles/kirby.md",
        "index.md",
    ]


@pytest.mark.parametrize("bad", ["../escape.md", "/etc/passwd", "a/../../b.md", "a\\..\\b.md", MARKER])
def test_paths_cannot_leave_the_owned_folder(tmp_path: Path, bad: str) -> None:
    root = tmp_path / "out"
    with pytest.raises(OutputError):
        write_output(root, {bad: "x"})
    assert not (tmp_path / "escape.md").exists()


def test_refuses_a_folder_it_did_not_create(tmp_path: Path) -> None:
    root = tmp_path / "timeline"
    root.mkdir()
    (root / "mine.md").write_text("keep me")
    with pytest.raises(OutputError, match="not made by `timeline build`"):
        write_output(root, {"index.md": "x"})
    assert (root / "mine.md").read_text() == "keep me"


def test_symlinked_subfolder_is_not_written_through(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write_output(root, {"index.md": "x"})
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "months").symlink_to(outside)
    with pytest.raises(OutputError):
        write_output(root, {"index.md": "x", "months/2022-03.md": "y"})
    assert not any(outside.iterdir())


def test_bytes_and_text_are_both_written_exactly(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write_output(root, {"data/events.csv": "a,b\r\n", "data/x.bin": b"\x00\x01"})
    assert (root / "data" / "events.csv").read_bytes() == b"a,b\r\n"
    assert (root / "data" / "x.bin").read_bytes() == b"\x00\x01"


class _PagesByProcess(dict[str, str]):
    """Pages whose text names the process that rendered them (to see which process wrote each)."""

    def __getitem__(self, rel: str) -> str:
        return f"# {super().__getitem__(rel)}\n\nrendered by {os.getpid()}\n"


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_parallel_pages_are_written_by_worker_processes_with_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages named ``parallel`` go to forked workers; every file lands once, the report is
    the one a single process gives, and a second build writes nothing."""
    monkeypatch.setattr(writer, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(writer, "CHUNK", 7)
    pages = {f"articles/2022-03-{n:02d}-shelling-of-kharkiv.md": f"Kharkiv {n}" for n in range(1, 31)}
    files = _PagesByProcess({**pages, "index.md": "Home", "months/2022-03.md": "March"})
    root = tmp_path / "site_src" / "timeline"
    report = write_output(root, files, parallel=set(pages), workers=2)
    assert report.written == sorted(files)
    here = f"rendered by {os.getpid()}"
    assert here in (root / "index.md").read_text()  # not a parallel page: this process
    by = {(root / rel).read_text().rsplit(" ", 1)[1] for rel in pages}
    assert str(os.getpid()) + "\n" not in by and len(by) >= 1  # every article page from a worker
    same = {rel: (root / rel).read_text() for rel in files}
    again = write_output(root, same, parallel=set(pages), workers=2)
    assert again.written == [] and again.unchanged == sorted(files)


def test_a_refused_path_in_a_worker_stops_the_build_with_the_same_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link out of the owned folder is refused whichever process meets it."""
    monkeypatch.setattr(writer, "PARALLEL_THRESHOLD", 2)
    root = tmp_path / "site_src" / "timeline"
    root.mkdir(parents=True)
    write_output(root, {"index.md": "x"})
    (tmp_path / "elsewhere").mkdir()
    (root / "articles").symlink_to(tmp_path / "elsewhere")
    pages = {"articles/a.md": "a", "articles/b.md": "b", "articles/c.md": "c"}
    with pytest.raises(OutputError, match="would leave"):
        write_output(root, {"index.md": "x", **pages}, parallel=set(pages), workers=2)
    assert not any((tmp_path / "elsewhere").iterdir())


class _Asked:
    """A keep that keeps nothing and notes every file it is asked about, as the page cache
    works out each page's key where the page is rendered."""

    def __init__(self) -> None:
        self.asked: dict[str, int] = {}
        self.new: dict[str, int] = {}

    def __call__(self, rel: str) -> bool:
        self.asked[rel] = self.new[rel] = os.getpid()
        return False

    def taken(self) -> object:
        new, self.new = self.new, {}
        return new

    def learn(self, what: object) -> None:
        assert isinstance(what, dict)
        self.asked.update(what)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_what_keep_learns_in_a_worker_comes_back_to_the_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(writer, "CHUNK", 4)
    pages = {f"articles/2022-04-{n:02d}-kherson.md": f"# Kherson {n}\n" for n in range(1, 21)}
    asked = _Asked()
    root = tmp_path / "site_src" / "timeline"
    write_output(root, {**pages, "index.md": "# Home\n"}, asked, parallel=set(pages), workers=2)
    assert set(asked.asked) == {*pages, "index.md"}  # every file, wherever it was written
    assert {pid for rel, pid in asked.asked.items() if rel in pages} - {os.getpid()}
    assert asked.asked["index.md"] == os.getpid()
