"""Hostile or broken pages end with exit code 2 (or a parse finding) and a clear message,
within set limits of time and memory: binary data, a 100 MB page, 10,000 levels of
nesting, an empty body, absurd spans."""

import json
import os
import subprocess
import sys
import time

import pytest

from conftest import run_cli
from report_lint.errors import InputError
from report_lint_html.page import parse

SECONDS = 15  # generous: CI machines are slow; each case takes well under a second here
MEGABYTES = 600


def lint_in_child(path: str) -> dict:
    """Lint in a fresh interpreter; its error, wall time and peak memory."""
    code = (
        "import json, resource, sys, time\n"
        "from report_lint.lint import lint_file\n"
        "from report_lint.plugins import get_registry\n"
        "from report_lint.ruleset import load_ruleset\n"
        "r = get_registry(); s = load_ruleset(r.rulesets['national-2021'].path, r, trusted=True)\n"
        "t = time.perf_counter(); res = lint_file(r, sys.argv[1], lambda rep: s)\n"
        "print(json.dumps({'error': res.error and res.error.en, 'zh': res.error and res.error.zh,\n"
        "  'seconds': time.perf_counter() - t, 'mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,\n"
        "  'findings': [(f.category, f.message_en) for f in res.findings]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_100_megabyte_page_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as fh:
        fh.write(b"<html><body>")
        block = ("<p>" + "本年度信息公开工作正常开展。" * 60 + "</p>\n").encode("utf-8")
        for _ in range(100 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    assert os.path.getsize(path) > 100 * 1024 * 1024
    result = lint_in_child(str(path))
    assert "too large" in result["error"] and "过大" in result["zh"]
    assert result["seconds"] < SECONDS and result["mb"] < MEGABYTES


def test_ten_thousand_levels_of_nesting(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 10_000 + "一、总体情况" + "</div>" * 10_000 + "</body></html>",
                    encoding="utf-8")
    result = lint_in_child(str(path))
    assert "levels deep" in result["error"] and "嵌套" in result["zh"]
    assert result["seconds"] < SECONDS and result["mb"] < MEGABYTES


def test_too_many_elements(tmp_path):
    path = tmp_path / "many.html"
    path.write_text("<html><body>" + "<span>字</span>" * 150_000 + "</body></html>", encoding="utf-8")
    result = lint_in_child(str(path))
    assert "too many elements" in result["error"]
    assert result["seconds"] < SECONDS and result["mb"] < MEGABYTES


@pytest.mark.parametrize("data,message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40, "binary"),
    (b"", "empty"),
    (b"  \n ", "empty"),
    (b"<html><head><title>x</title></head><body></body></html>", "no body text"),
    ("<html><body><script>document.write('一、总体情况')</script><div id='app'></div></body></html>".encode(),
     "no body text"),
])
def test_unreadable_pages_are_input_errors(data, message):
    with pytest.raises(InputError, match=message) as exc:
        parse(data, "bad.html")
    assert exc.value.zh and exc.value.zh != exc.value.en


def test_the_command_line_exits_2_with_the_message(tmp_path):
    path = tmp_path / "image.html"
    path.write_bytes(b"\x00\x01\x02" * 1000)
    result = run_cli(str(path))
    assert result.returncode == 2
    assert "二进制" in result.stdout + result.stderr


def test_absurd_spans_are_clamped():
    page = ("<html><body><p>一、总体情况</p><table><tr><td rowspan='1000000' colspan='1000000'>x</td><td>1</td></tr>"
            "<tr><td>2</td></tr></table></body></html>")
    started = time.perf_counter()
    doc = parse(page.encode(), "spans.html")
    assert time.perf_counter() - started < 2
    table = doc.blocks[-1]
    assert len(table.rows) == 2 and len(table.rows[0]) <= 101


def test_a_broken_page_is_still_read():
    page = "<html><body><p>一、总体情况<p>本年度工作正常开展。<table><tr><td>规章<td>1</table><div>未闭合"
    doc = parse(page.encode("utf-8"), "broken.html")
    assert [getattr(b, "text", None) for b in doc.blocks][:2] == ["一、总体情况", "本年度工作正常开展。"]
