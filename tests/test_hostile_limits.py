"""The limits (src/report_lint/limits.py, docs/limits.md): each exceeded one is a clear
exit 2 naming how to raise it; raised with --limit or the config file, the same file is
read; --timeout and --max-size still work; a parser reads the limits in effect."""

from __future__ import annotations

import json
import os

import pytest

import hostile_factory as HF
from conftest import run_cli
from report_lint import limits
from report_lint.lint import lint_file
from report_lint.plugins import Registry
from report_lint.specs import ParserSpec

pytest.importorskip("lxml")


def error_of(out) -> dict | None:
    return json.loads(out.stdout)["files"][0]["error"]


@pytest.mark.parametrize("name,make,limit,raised", [
    ("paragraphs.docx", lambda: HF._docx_with(HF._doc("<w:p/>" * 3000 + HF._para("一、总体情况"))), "elements=1000",
     "elements=5000"),
    ("entries.docx", HF.good_docx, "zip-entries=5", "zip-entries=50"),
    ("unpacked.docx", HF.good_docx, "unpacked-size=0.01", "unpacked-size=5"),
    ("deep.docx", lambda: HF._docx_with(HF._doc("<w:sdt><w:sdtContent>" * 300 + HF._para("一、总体情况")
                                                + "</w:sdtContent></w:sdt>" * 300)), "depth=256", "depth=1000"),
    ("elements.html", HF.good_html, "elements=100", "elements=100000"),
    ("page.html", HF.good_html, "unpacked-size=0.001", "unpacked-size=5"),
    ("size.txt", HF.good_text, "file-size=0.001", "file-size=5"),
])
def test_a_limit_exceeded_is_exit_2_and_raising_it_reads_the_file(tmp_path, name, make, limit, raised):
    path = tmp_path / name
    path.write_bytes(make())
    out = run_cli(str(path), "--isolated", "--format", "json", "--limit", limit)
    assert out.returncode == 2, out.stderr
    error = error_of(out)
    assert error and error["kind"] == "InputError", error
    assert f"--limit {limit.split('=')[0]}" in error["en"] and "--limit" in error["zh"], error
    out = run_cli(str(path), "--isolated", "--format", "json", "--limit", raised)
    assert error_of(out) is None, error_of(out)


def test_the_time_limit_stops_a_file_and_the_batch_goes_on(tmp_path):
    slow, fast = tmp_path / "slow.docx", tmp_path / "b.txt"
    slow.write_bytes(HF.good_docx())
    fast.write_bytes(HF.good_text())
    out = run_cli(str(slow), "--isolated", "--format", "json", "--limit", "seconds=0.001")
    assert out.returncode == 2 and "timed out" in error_of(out)["en"]
    out = run_cli(str(slow), "--isolated", "--format", "json", "--timeout", "0.001")  # the old spelling
    assert out.returncode == 2 and "timed out" in error_of(out)["en"]


def test_max_size_is_an_alias_of_file_size(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(HF.good_text())
    out = run_cli(str(path), "--isolated", "--format", "json", "--max-size", "0.001")
    assert out.returncode == 2 and "file too large" in error_of(out)["en"]


def test_limits_in_the_config_file(tmp_path):
    (tmp_path / ".report-lint.yaml").write_text("limits:\n  elements: 100\n", encoding="utf-8")
    path = tmp_path / "r.html"
    path.write_bytes(HF.good_html())
    out = run_cli(str(path), "--format", "json", cwd=str(tmp_path))
    assert out.returncode == 2 and "too many elements" in error_of(out)["en"]
    out = run_cli(str(path), "--format", "json", "--limit", "elements=100000", cwd=str(tmp_path))
    assert error_of(out) is None  # the command line wins


@pytest.mark.parametrize("config,words", [
    ("limits:\n  pagez: 5\n", ["r.yaml:1", "pagez"]),
    ("limits:\n  pages: -1\n", ["r.yaml:1", "positive"]),
    ("limits: 5\n", ["r.yaml:1", "limits"]),
])
def test_a_wrong_limit_in_the_config_file_is_located(tmp_path, config, words):
    (tmp_path / "r.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(HF.good_text())
    out = run_cli(str(tmp_path / "a.txt"), "--config", str(tmp_path / "r.yaml"), "--lang", "en")
    assert out.returncode == 2 and all(w in out.stderr for w in words), out.stderr


@pytest.mark.parametrize("value", ["pages", "pages=", "pages=abc", "pages=0", "pages=-3", "nope=3", "seconds=inf"])
def test_a_wrong_limit_option_is_a_usage_error(tmp_path, value):
    (tmp_path / "a.txt").write_bytes(HF.good_text())
    out = run_cli(str(tmp_path / "a.txt"), "--isolated", "--lang", "en", "--limit", value)
    assert out.returncode == 2 and "limit" in out.stderr.lower() and "Traceback" not in out.stderr


def test_a_parser_reads_the_limits_in_effect(tmp_path):
    """What a parser plugin (the PDF one, say) does: ``limits.current()`` inside parse."""
    seen = []

    def parse(data, path):
        seen.append(limits.current().pages)
        from report_lint.errors import InputError

        raise InputError("停", "stop")

    registry = Registry()
    registry.parsers["fake"] = ParserSpec("fake", (".fake",), parse)
    path = tmp_path / "a.fake"
    path.write_bytes(b"x")
    lint_file(registry, str(path), lambda r: None, limits=limits.Limits(pages=7))
    lint_file(registry, str(path), lambda r: None)
    assert seen == [7, limits.DEFAULT.pages]


def test_limit_names_and_units():
    chosen = limits.from_mapping({"file-size": 300, "unpacked_size": "64", "pages": 5000, "seconds": 0.5})
    assert chosen.file_size == 300 * limits.MB and chosen.unpacked_size == 64 * limits.MB
    assert chosen.pages == 5000 and chosen.seconds == 0.5
    assert {name for name, _, _ in limits.describe()} == set(limits.NAMES)
    assert {v[0] for v in limits.NAMES.values()} == set(limits.Limits.__dataclass_fields__)


def test_the_parse_command_takes_limits_too(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(HF.good_docx())
    out = run_cli("parse", str(path), "--limit", "zip-entries=3", "--lang", "en")
    assert out.returncode == 2 and "--limit zip-entries" in out.stderr, out.stderr
    assert run_cli("parse", str(path), "--limit", "zip-entries=100").returncode == 0


def test_a_tiny_time_limit_never_escapes_as_a_traceback(tmp_path):
    """The timer is armed inside the code that catches it: even 10 µs, which can fire
    before the file is opened, ends as the file's error (a regression test)."""
    path = tmp_path / "r.txt"
    path.write_bytes(HF.good_text())
    for args in (["--isolated"], ["--isolated", "--format", "json"]):
        out = run_cli(str(path), *args, "--limit", "seconds=0.00001", "--lang", "en")
        assert out.returncode == 2 and "timed out" in out.stdout + out.stderr and "Traceback" not in out.stderr
    out = run_cli("parse", str(path), "--limit", "seconds=0.00001", "--lang", "en")
    assert out.returncode == 2 and "timed out" in out.stderr and "Traceback" not in out.stderr


def test_the_python_api_takes_limits(tmp_path):
    import report_lint

    path = tmp_path / "r.html"
    path.write_bytes(HF.good_html())
    [refused] = report_lint.lint_paths([str(path)], limits={"elements": 100})
    assert refused.error is not None and "--limit elements" in refused.error.en
    [read] = report_lint.lint_paths([str(path)], limits=limits.Limits(elements=100_000))
    assert read.error is None and read.findings is not None


def test_docs_limits_md_states_the_defaults():
    import os
    import re

    doc = open(os.path.join(os.path.dirname(__file__), "..", "docs", "limits.md"), encoding="utf-8").read()
    table = dict(re.findall(r"^\| `([a-z-]+)` \| (\d+(?:\.\d+)?)", doc, re.M))
    assert table == {name: value for name, value, _ in limits.describe()}


def _greedy(data: bytes, path: str):
    """A parser whose input makes it allocate without bound, as a decompression or a
    pathological layout could."""
    hoard = []
    while True:
        hoard.append(bytearray(16 * 1024 * 1024))


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="the memory cap needs Linux")
def test_a_runaway_allocation_is_this_files_error_not_an_oom_kill(tmp_path, monkeypatch):
    import resource

    from report_lint import batch
    from report_lint.limits import Limits
    from report_lint.plugins import get_registry
    from report_lint.ruleset import resolve
    from report_lint.specs import ParserSpec

    registry = get_registry()
    monkeypatch.setitem(registry.parsers, "greedy", ParserSpec("greedy", (".greedy",), _greedy))
    (tmp_path / "a.greedy").write_bytes(b"x")
    good = tmp_path / "b.txt"
    good.write_bytes(HF.good_text())
    before = resource.getrlimit(resource.RLIMIT_AS)
    ruleset = resolve(registry, "national-2021")
    results = list(batch.run_files(registry, [str(tmp_path / "a.greedy"), str(good)], lambda report: ruleset,
                                   limits=Limits(memory=256 * 1024 * 1024)))
    assert "--limit memory" in results[0].error.en and "256 MB" in results[0].error.en
    assert results[1].error is None and results[1].findings is not None  # the next file is read normally
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # the cap is lifted after each file
