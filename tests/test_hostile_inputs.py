"""Hostile and broken files (tests/hostile_factory.py), through the API, the command
line and a batch: every one ends with exit code 2 or a located ``parse`` finding,
within the limits (the tool's own time limit per file stops a hang), and the other
files of a batch keep their results."""

from __future__ import annotations

import builtins
import json
import os

import pytest

import hostile_factory as HF
from conftest import run_cli
from report_lint.batch import lint_with_timeout
from report_lint.errors import InputError

pytest.importorskip("lxml")

SECONDS = 60  # the per-file limit these runs use: generous for slow CI, a hang still ends
# valid text, however odd: linted like any report (its findings say what is missing)
PARSES_AS_TEXT = {"one-line-20mb.txt", "pipes.md"}
SPECIAL = ("report.docx", "broken-link.docx", "fifo.txt")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    HF.write_all(str(folder))
    return folder


def check_outcome(name: str, result) -> None:
    """Exit 2 (an InputError with both languages) or a located parse finding; never an
    internal error, never the time limit."""
    if result.error is not None:
        assert isinstance(result.error, InputError), (name, type(result.error).__name__, result.error.en)
        assert "timed out" not in result.error.en, (name, result.error.en)
        assert result.error.zh and result.error.en and result.error.zh != result.error.en, name
        return
    if name in PARSES_AS_TEXT:
        assert result.findings, name
        return
    located = [f for f in result.findings if f.category == "parse" and f.location.short()]
    assert located, (name, [(f.rule, f.message_en) for f in result.findings][:5])


@pytest.mark.parametrize("name", sorted(HF.CASES) + list(SPECIAL))
def test_each_hostile_file_through_the_api(name, hostile_dir, registry, national):
    result = lint_with_timeout(registry, str(hostile_dir / name), lambda report: national, None, None, False, SECONDS)
    check_outcome(name, result)


def test_a_batch_of_every_hostile_file_loses_nothing(hostile_dir, tmp_path):
    """Good files between the hostile ones, in parallel workers: every file is in the
    output, the good ones with their findings, and the exit code is 2."""
    good = []
    for suffix, make in HF.GOOD.items():
        path = tmp_path / f"good{suffix}"
        path.write_bytes(make())
        good.append(str(path))
    # (a folder argument is walked, so the directory named report.docx is tested alone below)
    hostile = [str(hostile_dir / name) for name in sorted(HF.CASES) + list(SPECIAL) if name != "report.docx"]
    paths = [p for pair in zip(hostile, good * len(hostile)) for p in pair]
    out = run_cli(*paths, "--format", "json", "--jobs", "3", "--isolated", "--limit", f"seconds={SECONDS}")
    assert out.returncode == 2, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    files = {f["path"]: f for f in json.loads(out.stdout)["files"]}
    assert set(paths) <= set(files), set(paths) - set(files)
    for path in good:
        assert files[path]["error"] is None, files[path]
    findings = json.loads(out.stdout)["findings"]
    assert {f["file"] for f in findings} >= set(good)
    for path in hostile:
        error = files[path]["error"]
        name = os.path.basename(path)
        if error is not None:
            assert error["kind"] == "InputError", (name, error)
        elif name not in PARSES_AS_TEXT:
            assert any(f["file"] == path and f["category"] == "parse" for f in findings), name


def test_an_unreadable_file_is_exit_2_through_the_api(tmp_path, registry, national, monkeypatch):
    """The tests run as root, who may read any file: the refusal of the operating system
    is simulated where the tool opens the file."""
    path = tmp_path / "secret.txt"
    path.write_bytes(HF.good_text())
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    result = lint_with_timeout(registry, str(path), lambda report: national, None, None, False, SECONDS)
    assert isinstance(result.error, InputError) and "Permission denied" in result.error.en


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; "
                                             "test_an_unreadable_file_is_exit_2_through_the_api simulates it")
def test_an_unreadable_file_is_exit_2_on_the_command_line(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_bytes(HF.good_text())
    path.chmod(0)
    out = run_cli(str(path), "--isolated")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_special_files_on_the_command_line(hostile_dir):
    """A directory named report.docx (a folder, walked: nothing in it), a broken symlink
    and a FIFO (which would block if opened): each is named, exit 2, no traceback."""
    for name, words in (("report.docx", "没有找到可检查的文件"), ("broken-link.docx", "文件不存在"), ("fifo.txt", "不是可读取的文件")):
        out = run_cli(str(hostile_dir / name), "--isolated")
        assert out.returncode == 2, (name, out.stderr)
        assert words in out.stdout + out.stderr and "Traceback" not in out.stderr, name
