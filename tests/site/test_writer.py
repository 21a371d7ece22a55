"""The writer owns one folder: it writes only changes, never deletes what it did not create."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
