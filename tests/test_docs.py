"""Docs that the tests keep honest."""

from __future__ import annotations

from kcc.settings import Settings
from tests.conftest import REPO


def test_every_setting_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [f"KCC_{name.upper()}" for name in Settings.model_fields if f"KCC_{name.upper()}" not in readme]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "./scripts/test.sh" in readme and "./scripts/run.sh" in readme
    assert "scripts/test.sh" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
