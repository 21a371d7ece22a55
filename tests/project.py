"""Throw-away projects for build tests: a mkdocs.yml, content/ and site_src/ in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import ROOT

MKDOCS_YML = """site_name: Test timeline
docs_dir: site_src
extra:
  timeline:
    content_dir: content
    output: timeline
    today: 2026-11-01
"""


def make_project(folder: Path, articles: dict[str, str | bytes], *, chronology: bool = True) -> Path:
    """A project in ``folder`` holding ``articles`` (file name -> text or bytes)."""
    (folder / "content" / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "site_src").mkdir(exist_ok=True)
    (folder / "site_src" / "index.md").write_text("# Hand-written home\n", "utf-8")
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    if chronology and (ROOT / "content" / "chronology.yml").exists():
        shutil.copy(ROOT / "content" / "chronology.yml", folder / "content" / "chronology.yml")
    for name, body in articles.items():
        path = folder / "content" / "articles" / name
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, "utf-8")
    return folder


def bundled_articles() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted((ROOT / "content" / "articles").iterdir())}
