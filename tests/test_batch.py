"""Batches: folders, globs and exclusions; parallel runs identical to serial ones; one
bad file never loses the others; fingerprints and baselines; the Python API."""

import json
import os

import pytest

import factory as F
import report_lint
from conftest import run_cli
from report_lint.batch import expand_paths


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("tree")
    (root / "a" / "deep").mkdir(parents=True)
    (root / "b").mkdir()
    (root / ".hidden").mkdir()
    for i, (sub, suffix) in enumerate([("a", ".txt"), ("a/deep", ".md"), ("b", ".txt"), ("b", ".md"),
                                       ("a", ".txt"), ("b", ".txt")]):
        r = F.make_report(40 + i)
        if i % 2:
            r = F.with_cell(r, "requests.carried_forward.natural_person",
                            F.get_cell(r.tables, "requests.carried_forward.natural_person") + 1)
        render = F.render_markdown if suffix == ".md" else F.render_text
        (root / sub / f"r{i}{suffix}").write_text(render(r), encoding="utf-8")
    (root / "b" / "notes.docx.bak").write_text("not a report", encoding="utf-8")
    (root / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    return root


def test_folders_globs_and_exclude(tree):
    found = expand_paths([str(tree)], {".txt", ".md"})
    assert [os.path.relpath(p, tree) for p in found] == ["a/r0.txt", "a/r4.txt", "a/deep/r1.md", "b/r2.txt",
                                                         "b/r3.md", "b/r5.txt"]
    globbed = expand_paths([str(tree / "**" / "*.md")], {".txt", ".md"})
    assert [os.path.relpath(p, tree) for p in globbed] == ["a/deep/r1.md", "b/r3.md"]
    excluded = expand_paths([str(tree)], {".txt", ".md"}, exclude=["deep", "r5.txt"])
    assert [os.path.relpath(p, tree) for p in excluded] == ["a/r0.txt", "a/r4.txt", "b/r2.txt", "b/r3.md"]
    assert expand_paths(["missing.txt"], {".txt"}) == ["missing.txt"]


def test_parallel_output_is_identical_to_serial(tree):
    serial = run_cli(str(tree), "--jobs", "1", "--format", "json")
    parallel = run_cli(str(tree), "--jobs", "3", "--format", "json")
    assert serial.returncode == parallel.returncode == 1
    a, b = json.loads(serial.stdout), json.loads(parallel.stdout)
    assert a["findings"] == b["findings"] and a["files"] == b["files"]
    text1 = run_cli(str(tree), "--jobs", "1").stdout.splitlines()[:-1]
    text2 = run_cli(str(tree), "--jobs", "2").stdout.splitlines()[:-1]
    assert text1 == text2


def test_a_mixed_folder_reports_every_file_and_exits_by_the_worst(tmp_path):
    (tmp_path / "good.txt").write_text(F.render_text(F.make_report(50)), encoding="utf-8")
    faulty = F.with_cell(F.make_report(51), "review_litigation.review.total", 99)
    (tmp_path / "faulty.md").write_text(F.render_markdown(faulty), encoding="utf-8")
    (tmp_path / "corrupt.txt").write_bytes(b"\x00\x01PK\x03\x04" * 100)
    (tmp_path / "huge.txt").write_text("某局2024年度政府信息公开工作年度报告\n" + "正文。" * 800_000, encoding="utf-8")
    result = run_cli(str(tmp_path), "--max-size", "1", "--jobs", "2")
    assert result.returncode == 2
    out = result.stdout
    assert "corrupt.txt: 无法检查：" in out and "二进制" in out
    assert "huge.txt: 无法检查：文件过大" in out
    assert "faulty.md:" in out and "t4-block-total" in out
    assert "共检查 4 个文件" in out and "2 个文件无法检查" in out
    readable = run_cli(str(tmp_path / "good.txt"), str(tmp_path / "faulty.md"))
    assert readable.returncode == 1
    assert run_cli(str(tmp_path / "good.txt")).returncode == 0


def test_timeout_per_file(tree):
    result = run_cli(str(tree / "a"), "--timeout", "0.0001", "--jobs", "1")
    assert result.returncode == 2
    assert "超过时间限制" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_fingerprints_ignore_line_numbers_and_order(tmp_path):
    r = F.with_cell(F.make_report(60), "requests.granted.total", 77)
    path = tmp_path / "r.txt"
    path.write_text(F.render_text(r), encoding="utf-8")
    before = {f["rule"]: f["fingerprint"] for f in json.loads(run_cli(str(path), "--format", "json").stdout)["findings"]}
    shifted = F.render_text(r).replace("一、总体情况\n", "一、总体情况\n新增的一段说明文字。\n新增的第二段。\n")
    path.write_text(shifted, encoding="utf-8")
    after = json.loads(run_cli(str(path), "--format", "json").stdout)["findings"]
    assert {f["rule"]: f["fingerprint"] for f in after} == before
    assert all(len(fp) == 24 for fp in before.values())


def test_baseline_hides_known_findings_only(tmp_path):
    r = F.with_cell(F.make_report(61), "requests.granted.total", 77)
    path = tmp_path / "r.txt"
    path.write_text(F.render_text(r), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    first = run_cli(str(path), "--format", "json", "-o", str(baseline))
    assert first.returncode == 1
    again = run_cli(str(path), "--baseline", str(baseline))
    assert again.returncode == 0 and "t3-row-total" not in again.stdout
    worse = F.with_heading(r, 3, "3、收到和处理政府信息公开申请情况")
    path.write_text(F.render_text(worse), encoding="utf-8")
    new = run_cli(str(path), "--baseline", str(baseline))
    assert new.returncode == 1 and "sections-numbering" in new.stdout and "t3-row-total" not in new.stdout
    bad = run_cli(str(path), "--baseline", str(tmp_path / "missing.json"))
    assert bad.returncode == 2 and "baseline" not in bad.stdout


def test_python_api(tree):
    results = report_lint.lint_paths([str(tree / "b")], jobs=2)
    assert [os.path.basename(r.path) for r in results] == ["r2.txt", "r3.md", "r5.txt"]
    assert results[0].findings == [] and results[1].findings
    assert results[0].meta["year"] == F.make_report(42).year
    tables = F.tables_to_jsonable(F.make_report(70).tables)
    assert report_lint.lint_report({"tables": tables}, select=["arithmetic"]) == []
    tables["requests"]["granted"]["total"] += 1
    findings = report_lint.lint_report({"tables": tables}, select=["arithmetic"])
    assert {f.rule for f in findings} == {"t3-row-total", "t3-results-total", "t3-balance"} or findings
    assert all(f.key.startswith("requests.") for f in findings)


def test_progress_bar_only_on_a_terminal(tree):
    result = run_cli(str(tree))
    assert "\r" not in result.stderr and "file/s" not in result.stderr


def test_progress_bar_on_a_terminal_and_not_with_quiet(tmp_path):
    import pty
    import subprocess
    import sys

    for i in range(12):
        (tmp_path / f"r{i}.txt").write_text(F.render_text(F.make_report(80 + i)), encoding="utf-8")

    def stderr_on_a_terminal(*args):
        master, slave = pty.openpty()
        proc = subprocess.run([sys.executable, "-m", "report_lint", str(tmp_path), "--jobs", "1", *args],
                              stdout=subprocess.PIPE, stderr=slave, timeout=120)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        return proc, b"".join(chunks).decode("utf-8", "replace")

    proc, err = stderr_on_a_terminal()
    assert proc.returncode == 0 and "/12 [" in err
    proc, err = stderr_on_a_terminal("--quiet")
    assert proc.returncode == 0 and "/12 [" not in err


def _native_trouble(data: bytes, path: str):
    """A parser standing in for a fault in native code: ``die`` ends the process as the
    system's OOM killer or a segfault would; ``stuck`` blocks the alarm, as a loop inside
    a C library does, and never returns."""
    import signal
    import time

    if path.endswith("die.trouble"):
        os.kill(os.getpid(), signal.SIGKILL)
    if path.endswith("stuck.trouble"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return F.make_report(1).tables  # never used: the good files are .txt


@pytest.mark.parametrize("bad", ["die.trouble", "stuck.trouble"])
def test_a_worker_that_dies_or_hangs_in_native_code_costs_only_its_own_file(bad, tmp_path, monkeypatch):
    from report_lint import batch
    from report_lint.plugins import get_registry
    from report_lint.ruleset import resolve
    from report_lint.specs import ParserSpec

    registry = get_registry()
    monkeypatch.setitem(registry.parsers, "trouble", ParserSpec("trouble", (".trouble",), _native_trouble))
    monkeypatch.setattr(batch, "GRACE_SECONDS", 1.0)
    paths = []
    for i in range(9):
        path = tmp_path / (bad if i == 4 else f"r{i}.txt")
        path.write_bytes(b"x" if i == 4 else F.render_text(F.make_report(60 + i)).encode("utf-8"))
        paths.append(str(path))
    ruleset = resolve(registry, "national-2021")
    results = list(batch.run_files(registry, paths, lambda report: ruleset, jobs=2, timeout=1.0))
    assert [r.path for r in results] == paths  # input order, nothing lost
    assert [r.error is None for r in results] == [i != 4 for i in range(9)]
    assert ("died" if bad.startswith("die") else "did not finish") in results[4].error.en
    serial = list(batch.run_files(registry, [p for p in paths if not p.endswith(".trouble")],
                                  lambda report: ruleset, jobs=1))
    assert [[f.fingerprint() for f in r.findings] for r in results if r.error is None] == \
           [[f.fingerprint() for f in r.findings] for r in serial]
