"""Every command and option of the CLI is documented in the README, and every help has an example."""

from __future__ import annotations

import argparse

import pytest

from timeline.cli import main, make_parser

from .conftest import ROOT


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = make_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for name, sub in _subcommands().items():
        assert f"### timeline {name}" in readme, f"command {name} is not documented in README.md"
        for action in sub._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in readme, f"option {opt} of `timeline {name}` is not in README.md"


def test_every_command_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for name in _subcommands():
        with pytest.raises(SystemExit) as exc:
            main([name, "--help"])
        assert exc.value.code == 0
        out = capsys.readouterr().out
        assert f"Example: timeline {name}" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--published", "22/03/2022", "x.txt"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main([]) == 2
    assert main(["eval", "/nonexistent/gold"]) == 2
