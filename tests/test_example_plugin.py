"""The example province plugin in examples/, installed as a user would (pip), adds its
ruleset and its check kind through the entry-point group."""

import pathlib
import subprocess
import sys

import pytest

import factory as F
from conftest import run_cli

ROOT = pathlib.Path(__file__).parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                             str(ROOT / "examples" / "province-plugin")], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return target


def test_the_installed_plugin_is_listed(site):
    listed = run_cli("plugins", env={"PYTHONPATH": str(site)})
    assert "example_province" in listed.stdout
    assert "ruleset:example-province" in listed.stdout and "check kind:title_names_region" in listed.stdout


def test_its_ruleset_and_check_kind_change_the_results(site, tmp_path):
    env = {"PYTHONPATH": str(site)}
    r = F.with_title(F.make_report(6), "某县某局2025年度政府信息公开工作年度报告")
    report = tmp_path / "r.txt"
    report.write_text(F.render_text(r), encoding="utf-8")
    national = run_cli(str(report), "--isolated", env=env)
    province = run_cli(str(report), "--isolated", "--ruleset", "example-province", env=env)
    assert "example-title-region" not in national.stdout
    assert "example-title-region" in province.stdout and "示例省" in province.stdout
    shown = run_cli("show-config", str(report), "--isolated", "--ruleset", "example-province", env=env).stdout
    assert "example-province.yaml" in shown and "national-2021.yaml" in shown
