"""Whole-site builds for the integration, offline and browser tests, made once per test session.

A copy of the project's mkdocs.yml, hand-written site_src/ pages and content/ goes into a temporary
folder; there ``timeline build`` runs, then ``mkdocs build --strict`` twice: hosted (site/) and
offline (OFFLINE=true, site-offline/). Commands run as subprocesses of the same Python, with
SOURCE_DATE_EPOCH pinned to the tests' TODAY, so that "today" does not depend on the clock (two
builds either side of midnight UTC would otherwise differ).
"""

from __future__ import annotations

import atexit
import datetime as dt
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .conftest import ROOT, TODAY

EPOCH = str(int(dt.datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=dt.UTC).timestamp()))


@dataclass(frozen=True)
class Sites:
    project: Path
    hosted: Path
    offline: Path


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": EPOCH,
        **env,
    }
    environment.pop("OFFLINE", None)
    environment.update(env)
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def make_project(folder: Path, content: Path | None = None) -> Path:
    """mkdocs.yml, the hand-written pages (not the generated folder) and a content folder."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", folder / "site_src", ignore=shutil.ignore_patterns("timeline"))
    shutil.copytree(content or ROOT / "content", folder / "content")
    return folder


def build(project: Path, *, offline: bool = False, site_dir: str | None = None) -> Path:
    target = project / (site_dir or ("site-offline" if offline else "site"))
    env = {"OFFLINE": "true"} if offline else {}
    run(["-m", "mkdocs", "build", "--strict", "--site-dir", str(target)], project, **env)
    return target


@cache
def built_sites() -> Sites:
    """The bundled articles, built hosted and offline (once per session; removed at exit)."""
    tmp = Path(tempfile.mkdtemp(prefix="timeline-site-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    project = make_project(tmp / "project")
    run(["-m", "timeline", "build"], project)
    return Sites(project, build(project), build(project, offline=True))


def same_files(cold: Path, other: Path, *, least: int = 50) -> None:
    """``other`` holds the files of ``cold``, byte for byte, and no other file; MkDocs' sitemap is
    only listed, not compared (it records the build date)."""

    def files(root: Path) -> list[Path]:
        return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())

    assert files(other) == files(cold)
    pages = [p for p in files(cold) if not p.name.startswith("sitemap.xml")]
    assert len(pages) > least
    _, mismatch, errors = filecmp.cmpfiles(cold, other, pages, shallow=False)
    assert mismatch == [] and errors == []


@dataclass(frozen=True)
class DayBefore:
    """A project of the bundled articles as they were the day before: the last article not yet
    written, the first without the sentence it lost since (an edit). :meth:`catch_up` makes the
    content today's, so a build then goes through the caches of the day before."""

    project: Path
    articles: list[str]  # the file names of the bundled articles, in order
    held_back: bytes
    edited: bytes

    @classmethod
    def make(cls, folder: Path) -> DayBefore:
        content = folder / "content"
        shutil.copytree(ROOT / "content", content)
        articles = sorted((content / "articles").iterdir())
        held_back = articles[-1].read_bytes()
        articles[-1].unlink()
        edited = articles[0].read_bytes()
        articles[0].write_bytes(edited + b"\nOn March 9, 2022, the TV tower was hit.\n")
        return cls(make_project(folder / "p", content), [a.name for a in articles], held_back, edited)

    def catch_up(self) -> None:
        (self.project / "content" / "articles" / self.articles[-1]).write_bytes(self.held_back)
        (self.project / "content" / "articles" / self.articles[0]).write_bytes(self.edited)
