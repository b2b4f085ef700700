"""The cache of packaged YAML and the disk memo: faster, never wrong, never required."""

import json
import os
import subprocess
import sys

from report_lint import datacache
from report_lint.datacache import DiskMemo, load_packaged_yaml


def test_yaml_is_cached_and_reread_when_the_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_LINT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "data.yaml"
    source.write_text("a: [1, 2]\n", encoding="utf-8")
    assert load_packaged_yaml(str(source)) == {"a": [1, 2]}
    cached = list((tmp_path / "cache").iterdir())
    assert len(cached) == 1 and json.loads(cached[0].read_text(encoding="utf-8")) == {"a": [1, 2]}
    source.write_text("a: [3]\nb: x\n", encoding="utf-8")
    assert load_packaged_yaml(str(source)) == {"a": [3], "b": "x"}
    assert len(list((tmp_path / "cache").iterdir())) == 1  # the stale version was removed


def test_data_json_cannot_hold_is_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_LINT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "data.yaml"
    source.write_text("1: one\n", encoding="utf-8")
    assert load_packaged_yaml(str(source)) == {1: "one"}
    assert load_packaged_yaml(str(source)) == {1: "one"}
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


def test_an_unwritable_cache_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("REPORT_LINT_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    assert load_packaged_yaml(str(source)) == {"a": 1}
    memo = DiskMemo("x", [])
    memo.put("k", "v")
    assert memo.get("k") == "v"


def test_no_cache_switch(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REPORT_LINT_NO_CACHE", "1")
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    assert load_packaged_yaml(str(source)) == {"a": 1}
    assert not (tmp_path / "cache").exists()


def test_disk_memo_is_invalidated_by_its_dependencies(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_LINT_CACHE_DIR", str(tmp_path / "cache"))
    dep = tmp_path / "lib.py"
    dep.write_text("v1", encoding="utf-8")
    DiskMemo("m", [str(dep)]).put("0571-88000000", "ok")
    assert DiskMemo("m", [str(dep)]).get("0571-88000000") == "ok"
    dep.write_text("version two", encoding="utf-8")
    assert DiskMemo("m", [str(dep)]).get("0571-88000000") is None


def test_a_known_phone_number_does_not_import_phonenumbers_again(tmp_path):
    env = {**os.environ, "REPORT_LINT_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sys; from report_lint.checks.contact import phone_verdict; "
            "print(phone_verdict('0571-88779530'), phone_verdict('0571-8877953'), 'phonenumbers' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert first.stdout.split() == ["ok", "invalid", "True"]
    assert second.stdout.split() == ["ok", "invalid", "False"]


def test_cache_dir_follows_the_environment(monkeypatch):
    monkeypatch.delenv("REPORT_LINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert datacache.cache_dir() == os.path.join("/somewhere", "report-lint")
