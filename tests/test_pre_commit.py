"""The pre-commit hook, installed with the real pre-commit tool from this checkout:
a commit of a faulty report is blocked with the findings printed, a clean one passes.

pre-commit builds the hook's environment by installing this repository (at its HEAD
commit) from the package registry's dependencies: about a minute the first time."""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import factory as F

ROOT = pathlib.Path(__file__).parent.parent


def _head() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


pytestmark = pytest.mark.skipif(shutil.which("git") is None or _head() is None,
                                reason="needs git and a git checkout of report-lint")


def git(*args, cwd, env=None, check=True):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=check, timeout=600)


def test_pre_commit_blocks_a_faulty_report_and_passes_a_clean_one(tmp_path):
    repo = tmp_path / "reports"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    env.pop("REPORT_LINT_CACHE_DIR", None)
    git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {_head()}\n    hooks:\n      - id: report-lint\n", encoding="utf-8")
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, capture_output=True,
                             text=True, env=env, timeout=600)
    assert install.returncode == 0, install.stderr
    git("add", ".pre-commit-config.yaml", cwd=repo)
    git("commit", "-q", "-m", "config", "--no-verify", cwd=repo, env=env)

    bad = F.with_cell(F.make_report(110), "requests.granted.total", 999)
    (repo / "report.txt").write_text(F.render_text(bad), encoding="utf-8")
    git("add", "report.txt", cwd=repo)
    blocked = git("commit", "-m", "faulty report", cwd=repo, env=env, check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "t3-row-total" in output and "report.txt" in output

    (repo / "report.txt").write_text(F.render_text(F.make_report(110)), encoding="utf-8")
    git("add", "report.txt", cwd=repo)
    passed = git("commit", "-m", "clean report", cwd=repo, env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "report-lint" in passed.stdout + passed.stderr
