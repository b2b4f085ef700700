"""Shared fixtures: the plugin registry, the national ruleset, and helpers that lint a
fictional report given as text."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from report_lint.lint import lint_file
from report_lint.plugins import get_registry
from report_lint.ruleset import load_ruleset

HERE = os.path.dirname(__file__)
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """Tests never read or write the user's cache (~/.cache/report-lint)."""
    folder = str(tmp_path_factory.mktemp("cache"))
    old = os.environ.get("REPORT_LINT_CACHE_DIR")
    os.environ["REPORT_LINT_CACHE_DIR"] = folder
    yield folder
    if old is None:
        os.environ.pop("REPORT_LINT_CACHE_DIR", None)
    else:
        os.environ["REPORT_LINT_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def registry():
    return get_registry()


@pytest.fixture(scope="session")
def national(registry):
    spec = registry.rulesets["national-2021"]
    return load_ruleset(spec.path, registry, trusted=True)


@pytest.fixture
def lint_text(tmp_path, registry, national):
    """Lint a report given as a string; returns the FileResult."""

    def run(text: str, suffix: str = ".txt", **kwargs):
        path = tmp_path / f"report{suffix}"
        path.write_text(text, encoding="utf-8")
        return lint_file(registry, str(path), lambda report: national, **kwargs)

    return run


def run_cli(*args: str, cwd: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed command line, as a user runs it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "report_lint", *args], capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=120)
