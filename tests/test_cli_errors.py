"""One way to fail: every error a user can fix is a TimelineError, which the command line prints
as a message (exit 1); anything else is reported as a bug."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from pathlib import Path

import pytest

import timeline
from timeline.cli import main
from timeline.core.errors import TimelineError

# raised and caught inside the tagger (a match that makes no valid date is dropped), never shown
INTERNAL = {"BuildError", "UsageError"}


def test_every_error_class_of_the_package_is_a_timeline_error() -> None:
    found = []
    for info in pkgutil.walk_packages(timeline.__path__, "timeline."):
        if info.name.endswith("__main__"):  # running it would run the command line
            continue
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and name.endswith("Error") and name not in INTERNAL:
                found.append(cls)
                assert issubclass(cls, TimelineError), f"{module.__name__}.{name}"
    assert len(found) >= 12


@pytest.mark.parametrize("error", ["GazetteerError", "RuleError", "EvalInputError"])
def test_a_data_error_is_a_message_not_an_internal_error(
    error: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    classes = {
        "GazetteerError": "timeline.core.gazetteer",
        "RuleError": "timeline.temporal.rules",
        "EvalInputError": "timeline.evaluation.published",
    }
    cls = getattr(importlib.import_module(classes[error]), error)

    def broken(**kwargs: object) -> str:
        raise cls("timeline/data/gazetteer.yaml:12: 'aliases' must be a list")

    monkeypatch.setattr("timeline.pipeline.build.build", broken)
    assert main(["build", "--today", "2026-12-03"], environ={}) == 1
    err = capsys.readouterr().err
    assert "gazetteer.yaml:12: 'aliases' must be a list" in err and "internal error" not in err


def test_an_unexpected_exception_says_it_is_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(**kwargs: object) -> str:
        raise KeyError("slug")

    monkeypatch.setattr("timeline.pipeline.build.build", broken)
    assert main(["build", "--today", "2026-12-03"], environ={}) == 1
    assert "internal error: KeyError" in capsys.readouterr().err


def test_eval_published_reads_the_chronology_of_the_config_not_of_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The chronology ``timeline build`` would read (content_dir of --config) is the one scored
    with; it was taken from ``content/`` of the working directory, so run from elsewhere a broken
    chronology went unnoticed and the evaluation ran with the built-in one."""
    project = tmp_path / "project"
    (project / "news").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: t\nextra:\n  timeline:\n    content_dir: news\n")
    (project / "news" / "chronology.yml").write_text("anchors:\n  invasion: [not, a, date\n")
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        json.dumps({"id": "a", "published": "2022-03-01", "title": "Kyiv", "text": "Shelling went on."})
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code = main(
        ["eval-published", str(articles), "--config", str(project / "mkdocs.yml"), "--today", "2026-12-04"],
        environ={},
    )
    err = capsys.readouterr().err
    assert code == 1, err
    assert "news/chronology.yml:" in err and "internal error" not in err
