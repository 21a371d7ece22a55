"""The code stays clean: ruff (lint and format) and mypy --strict over the package."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(ROOT / ".venv" / "bin")) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return path


def test_ruff_lint_and_format() -> None:
    ruff = _tool("ruff")
    for args in (["check", "timeline", "tests", "benchmarks"], ["format", "--check", "timeline", "tests"]):
        out = subprocess.run([ruff, *args], cwd=ROOT, capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_strict_on_the_package() -> None:
    _tool("mypy")
    out = subprocess.run([sys.executable, "-m", "mypy", "timeline"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
