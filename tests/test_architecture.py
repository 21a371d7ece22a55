"""Imports follow the data flow (ARCHITECTURE.md): an early stage never imports a later one, and
only ``__main__`` imports the command line. A test fails on the first import against the grain,
such as ``temporal`` importing ``render``."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "timeline"
LATER = ["render", "pipeline", "build", "cli", "site", "extraction", "execution", "evaluation", "extract"]
FORBIDDEN = {
    "temporal": {"content", "anchoring", "events", "model", "store", "cache", *LATER},
    "content": {"temporal", "anchoring", "events", "model", "store", "cache", *LATER},
    "anchoring": {"content", "events", "model", "store", "cache", *LATER},
    "events": {"cache", *LATER},
    "render": {"cache", *(m for m in LATER if m not in ("render", "extract"))},
}


def _imports(path: Path, root: Path = ROOT) -> set[str]:
    """The first part under ``timeline.`` of every module ``path`` (under ``root``) imports."""
    package = list(path.relative_to(root).parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - (node.level - 1)] if node.level else []
            target = [*base, *(node.module.split(".") if node.module else [])]
            names = [target] if node.module or not node.level else [[*target, a.name] for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".") for a in node.names]
        else:
            continue
        found.update(n[1] for n in names if len(n) > 1 and n[0] == "timeline")
    return found


def test_no_stage_imports_a_later_one() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        stage = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        for target in _imports(path) & FORBIDDEN.get(stage, set()):
            wrong.append(f"{path.relative_to(ROOT)} imports timeline.{target}")
    assert not wrong, "\n".join(wrong)


def test_only_main_imports_the_command_line() -> None:
    users = [p for p in PACKAGE.rglob("*.py") if "cli" in _imports(p) and p.name != "__main__.py"]
    assert users == []


def test_the_check_catches_an_import_against_the_grain(tmp_path: Path) -> None:
    bad = tmp_path / "timeline" / "temporal" / "probe.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from timeline.render import render_site\nfrom ..pipeline import collect\n", "utf-8")
    assert _imports(bad, tmp_path) & FORBIDDEN["temporal"] == {"render", "pipeline"}
