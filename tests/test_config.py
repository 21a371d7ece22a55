"""Settings under extra.timeline: defaults, types, and errors that say what was expected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.config import ConfigError, Settings, load_settings

from .conftest import ROOT


def test_project_mkdocs_yml_reads_with_env_tags() -> None:
    settings = load_settings(ROOT / "mkdocs.yml")
    assert settings.docs_dir == "site_src"
    assert settings.output == "timeline"


def test_values_and_defaults(tmp_path: Path) -> None:
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(
        "site_name: x\ndocs_dir: docs\nextra:\n  timeline:\n    today: 2024-12-31\n    key_events: 5\n"
    )
    s = load_settings(cfg)
    assert s.today == dt.date(2024, 12, 31) and s.key_events == 5 and s.docs_dir == "docs"
    assert load_settings(tmp_path / "missing.yml") == Settings()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("    colour: red\n", "unknown setting extra.timeline.colour"),
        ("    key_events: many\n", "positive whole number"),
        ("    output: ../../etc\n", "plain sub-folder"),
        ("    today: [1]\n", "must be a date"),
    ],
)
def test_bad_settings_name_the_key_and_what_was_expected(tmp_path: Path, body: str, expected: str) -> None:
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text("extra:\n  timeline:\n" + body)
    with pytest.raises(ConfigError, match=expected):
        load_settings(cfg)


def test_python_tags_in_yaml_execute_nothing(tmp_path: Path) -> None:
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text("x: !!python/object/apply:os.system ['touch pwned']\nextra: {timeline: {}}\n")
    load_settings(cfg)
    assert not Path("pwned").exists()
