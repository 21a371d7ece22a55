"""Bad, hostile and large input: clear errors naming the file, nothing lost, nothing injected."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.core.problems import Problems
from timeline.output.writer import MARKER
from timeline.pipeline.build import build

from ..project import bundled_articles, make_project

KIRBY = (
    "Pentagon sees Ukrainian push\n\nOn Tuesday, March 22, Pentagon spokesperson John Kirby said the "
    "Ukrainians were going on the offensive near Kherson.\n"
)

HOSTILE = {
    "empty.txt": "",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "latin1.txt": b"\xff\xfe\x00\x81\x8d bad bytes \x8f\x90",
    "broken-front-matter.md": "---\ntitle: [unclosed\n---\nText on March 3, 2022.\n",
    "script-title.md": (
        "---\ntitle: \"<script>alert('t')</script> [x](javascript:alert(1))\"\n"
        "url: javascript:alert(document.cookie)\n---\n"
        "<img src=x onerror=alert(1)> On March 3, 2022, **shelling** hit [Kharkiv](javascript:alert(2)).\n"
    ),
    "../../../escape.txt": None,  # placeholder: file names cannot contain '/', see below
    "windows.txt": "Windows line endings\r\n\r\nOn March 5, 2022, the convoy stalled.\r\n",
    "long line.txt": "A single very long line\n\n" + ("On March 3, 2022, shells fell. " * 34_000) + "\n",
    "Ки́їв й Одеса.txt": "Київ: обстріл\n\nOn March 9, 2022, the Kyiv TV tower was hit.\n",
    "kirby.txt": KIRBY,
}


def _hostile_project(tmp_path: Path) -> Path:
    articles = {k: v for k, v in HOSTILE.items() if v is not None}
    articles["..%2F..%2Fescape.txt"] = "Escape\n\nOn March 3, 2022, nothing escaped.\n"
    return make_project(tmp_path / "proj", articles)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_hostile_folder_builds_names_each_bad_file_and_escapes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _hostile_project(tmp_path)
    code = main(["build", "--config", str(root / "mkdocs.yml"), "--no-cache"])
    err = capsys.readouterr().err
    assert code == 1  # errors in content
    assert "Traceback" not in err
    for name in ("empty.txt", "binary.txt", "latin1.txt", "broken-front-matter.md"):
        assert f"articles/{name}" in err, name
    assert "articles/broken-front-matter.md:2" in err
    assert "script-title.md:3" in err  # the refused url names its line
    out = root / "site_src" / "timeline"
    pages = _tree(out)
    assert pages, "the good articles still produce pages"
    everything = b"\n".join(pages.values())
    assert b"<script>alert" not in everything, "raw <script> in a page or export"
    assert b"<img src=x" not in everything, "raw <img> in a page or export"
    assert b'href="javascript:' not in everything.lower()
    # (the rendered HTML of a hostile article is checked in test_site_build.py)
    # nothing outside the owned folder, apart from the hand-written page
    assert sorted(p.name for p in (root / "site_src").iterdir()) == ["index.md", "timeline"]
    assert not (tmp_path / "escape.txt").exists()


def test_strict_turns_warnings_into_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p", {"a.md": "---\ntitle: A\ncolour: red\n---\n" + KIRBY})
    assert main(["build", "--config", str(root / "mkdocs.yml")]) == 0
    assert main(["build", "--config", str(root / "mkdocs.yml"), "--strict"]) == 1
    assert "unknown front-matter key 'colour'" in capsys.readouterr().err


def test_oversized_file_is_refused_with_a_message(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"kirby.txt": KIRBY})
    (root / "content" / "articles" / "dump.txt").write_bytes(b"Dump\n\n" + b"On March 3, 2022, x. " * 550_000)
    problems = Problems()
    build(config_file=root / "mkdocs.yml", problems=problems, use_cache=False)
    [err] = problems.errors
    assert err.path == "articles/dump.txt" and "larger than" in err.message


def test_interrupted_write_leaves_every_page_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "p", bundled_articles())
    build(config_file=root / "mkdocs.yml", use_cache=False)
    out = root / "site_src" / "timeline"
    before = _tree(out)
    # Change every article's text a little, then interrupt the write phase after three files.
    for path in (root / "content" / "articles").iterdir():
        path.write_text(path.read_text("utf-8") + "\nOn March 9, 2022, the Kyiv TV tower was hit.\n", "utf-8")
    import timeline.core.atomic as atomic

    real_replace = os.replace
    calls = {"n": 0}

    def flaky_replace(src: str, dst: str) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", flaky_replace)
    with pytest.raises(KeyboardInterrupt):
        build(config_file=root / "mkdocs.yml", use_cache=False)
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    after = _tree(out)
    assert not [name for name in after if ".tmp-" in name], "no temporary file is left behind"
    owned = set(json.loads((out / MARKER).read_text())["files"])
    assert set(before) - {MARKER} <= owned, "the manifest still lists every page it made"
    # a clean rebuild converges to the same bytes as a build from scratch
    build(config_file=root / "mkdocs.yml", use_cache=False)
    fresh = make_project(tmp_path / "fresh", {})
    for path in (root / "content" / "articles").iterdir():
        (fresh / "content" / "articles" / path.name).write_bytes(path.read_bytes())
    build(config_file=fresh / "mkdocs.yml", use_cache=False)
    assert _tree(out) == _tree(fresh / "site_src" / "timeline")


def test_killed_build_keeps_previous_pages(tmp_path: Path) -> None:
    """SIGKILL a real `timeline build` process at several moments: pages are old or new, never torn."""
    root = make_project(tmp_path / "p", bundled_articles())
    cmd = [sys.executable, "-m", "timeline", "build", "--config", str(root / "mkdocs.yml"), "--no-cache"]
    subprocess.run(cmd, check=True, capture_output=True)
    out = root / "site_src" / "timeline"
    old = _tree(out)
    for path in (root / "content" / "articles").iterdir():
        path.write_text(path.read_text("utf-8") + "\nOn March 9, 2022, the Kyiv TV tower was hit.\n", "utf-8")
    subprocess.run(cmd, check=True, capture_output=True)
    new = _tree(out)
    for path in (root / "content" / "articles").iterdir():  # back to the old content
        path.write_text(
            path.read_text("utf-8").replace("\nOn March 9, 2022, the Kyiv TV tower was hit.\n", "")
        )
    for delay in (0.2, 0.5, 0.8, 1.2):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _tree(out)
        for name, data in now.items():
            if name == MARKER or name.startswith(".tmp-") or "/.tmp-" in name:
                continue
            assert data in (old.get(name), new.get(name)), f"{name} is torn after a kill at {delay}s"
        subprocess.run(cmd, check=True, capture_output=True)  # and it recovers
        assert _tree(out) == old
        for path in (root / "content" / "articles").iterdir():
            path.write_text(path.read_text("utf-8") + "\nOn March 9, 2022, the Kyiv TV tower was hit.\n")
        subprocess.run(cmd, check=True, capture_output=True)
        for path in (root / "content" / "articles").iterdir():
            path.write_text(
                path.read_text("utf-8").replace("\nOn March 9, 2022, the Kyiv TV tower was hit.\n", "")
            )


def test_build_never_deletes_a_hand_written_file(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"kirby.txt": KIRBY})
    build(config_file=root / "mkdocs.yml", use_cache=False)
    mine = root / "site_src" / "timeline" / "my-notes.md"
    mine.write_text("# My notes\n")
    (root / "content" / "articles" / "kirby.txt").unlink()
    (root / "content" / "articles" / "other.txt").write_text(
        "Other\n\nOn March 9, 2022, the tower was hit.\n"
    )
    build(config_file=root / "mkdocs.yml", use_cache=False)
    assert mine.read_text() == "# My notes\n"
    assert (root / "site_src" / "index.md").read_text() == "# Hand-written home\n"
