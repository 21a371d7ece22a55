"""Imports follow the data flow (ARCHITECTURE.md): an early stage never imports a later one, and
only ``__main__`` imports the command line. A test fails on the first import against the grain,
such as ``temporal`` importing ``render``."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "timeline"
# After the read stages: the pages, their writer, the runner, the scoring, the command line.
LATER = ["render", "output", "pipeline", "evaluation", "cli", "json_view"]
STAGES = ["temporal", "content", "anchoring", "events"]
# Keyed by a package, or by one module of it (``pipeline.build``): what it must not import, a
# package or one module (``core.results``, the read phase's result types).
FORBIDDEN = {
    "core": {*STAGES[3:], *LATER, "config"},
    "temporal": {"content", "anchoring", "events", "core.results", *LATER},
    "content": {"temporal", "anchoring", "events", "core.results", *LATER},
    "anchoring": {"content", "events", "core.results", *LATER},
    "events": {*LATER},
    "render": {m for m in LATER if m != "render"},
    "output": {*STAGES, "render", "pipeline", "evaluation", "cli", "json_view", "core.results"},
    "pipeline": {"render", "output", "evaluation", "cli", "json_view"},
    "pipeline.build": {"evaluation", "cli", "json_view"},  # the one module that runs both phases
    "evaluation": {"cli", "json_view"},
}


def _imports(path: Path, root: Path = ROOT) -> set[str]:
    """Every module under ``timeline.`` that ``path`` (under ``root``) imports, without the
    ``timeline.`` (``from ..core.results import Event`` gives ``core.results.Event``: a name may
    be a module or not)."""
    package = list(path.relative_to(root).with_suffix("").parts)
    if package[-1] == "__init__":
        package.pop()
    else:
        package = package[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - (node.level - 1)] if node.level else []
            target = [*base, *(node.module.split(".") if node.module else [])]
            names = [[*target, a.name] for a in node.names] + ([target] if node.module else [])
        elif isinstance(node, ast.Import):
            names = [a.name.split(".") for a in node.names]
        else:
            continue
        found.update(".".join(n[1:]) for n in names if len(n) > 1 and n[0] == "timeline")
    return found


def _matches(imported: str, rule: str) -> bool:
    return imported == rule or imported.startswith(rule + ".")


def _rule(path: Path, root: Path = PACKAGE) -> set[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return FORBIDDEN.get(".".join(parts[:2]), FORBIDDEN.get(parts[0], set()))


def test_no_stage_imports_a_later_one() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rule = _rule(path)
        for target in sorted(_imports(path)):
            if any(_matches(target, r) for r in rule):
                wrong.append(f"{path.relative_to(ROOT)} imports timeline.{target}")
    assert not wrong, "\n".join(wrong)


def _module_graph() -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (type-checking imports included)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imports(path):
            parts = imported.split(".")
            while parts and ".".join(parts) not in modules:
                parts.pop()  # a name imported from a module: the module
            if parts and ".".join(parts) != name:
                targets.add(".".join(parts))
        graph[name] = targets
    return graph


# Cycles found when this test came (issue 16), owned by work in progress elsewhere: each should go.
KNOWN_CYCLES: set[str] = set()  # none left: events.chronicle runs merge, join and rank


def test_no_import_cycles_between_modules() -> None:
    """No module imports itself back through others (a package imported for a name counts as its
    ``__init__``; importing a module of a package also runs the package's ``__init__``, which is
    not counted)."""
    graph = _module_graph()
    done: set[str] = set()
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        if node in path:
            cycles.append(" -> ".join([*path[path.index(node) :], node]))
            return
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, [*path, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    assert set(cycles) <= KNOWN_CYCLES, "\n".join(cycles)


def test_no_module_name_repeats_another() -> None:
    names: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name != "__init__.py":
            names.setdefault(path.stem, []).append(path.relative_to(ROOT).as_posix())
    assert {n: p for n, p in names.items() if len(p) > 1} == {}


def test_only_the_command_line_edge_lies_loose() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "config.py", "json_view.py"]


def test_only_main_imports_the_command_line() -> None:
    users = [
        p
        for p in PACKAGE.rglob("*.py")
        if any(_matches(m, "cli") for m in _imports(p)) and p.name != "__main__.py" and "cli" not in p.parts
    ]
    assert users == []


def test_the_check_catches_an_import_against_the_grain(tmp_path: Path) -> None:
    bad = tmp_path / "timeline" / "temporal" / "probe.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from timeline.render import render_site\nfrom ..pipeline import collect\n", "utf-8")
    assert {t for t in _imports(bad, tmp_path) if any(_matches(t, r) for r in FORBIDDEN["temporal"])} == {
        "render",
        "render.render_site",
        "pipeline",
        "pipeline.collect",
    }
