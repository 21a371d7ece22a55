"""The GitHub Pages workflow: what zizmor (the Actions security linter) checks, kept true without it,
and the reproducible 'today' (issues 14 and 16)."""

from __future__ import annotations

import re

import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def test_actions_are_pinned_permissions_are_per_job_and_credentials_not_kept() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    assert flow["permissions"] == {}, "the workflow grants nothing; each job asks for its own"
    steps = [(name, step) for name, job in flow["jobs"].items() for step in job["steps"]]
    for name, step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), f"{name}: {step['uses']}"
    assert flow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    [checkout] = [s for _, s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] is False


def test_the_build_takes_today_from_the_last_commit() -> None:
    text = WORKFLOW.read_text("utf-8")
    assert 'export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in text
    assert "make site" in text


def test_the_lock_file_pins_every_library_and_names_no_local_path() -> None:
    """requirements.lock is installed by make site/test, CI and Pages: exact versions only, and not
    the project itself (pip-compile would pin it as a file:// path of the machine that ran it)."""
    lines = [line for line in (ROOT / "requirements.lock").read_text("utf-8").splitlines() if line.strip()]
    pins = [line for line in lines if not line.startswith(("#", " "))]
    assert len(pins) > 40
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.+!-]+", pin) for pin in pins), pins
    assert not any("file:" in line or line.startswith("news-timeline") for line in pins)
