"""Shared fixtures. Paths that reach ../shared skip with a clear message when it is absent."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TODAY = dt.date(2026, 11, 1)


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"needs the client's evaluation data at {path} (../shared from the repo root); not present"
        )
    return path


def output_under_hash_seed(script: str, *args: str, seed: str) -> str:
    """What ``python -c script args`` prints with PYTHONHASHSEED=seed: set and dict order must not
    reach output, and only a new process changes the seed."""
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "articles").mkdir(parents=True)
    return folder
