"""Every output format, produced for the same findings and checked by its consumer."""

import csv
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
from xml.etree import ElementTree as ET

import jsonschema
import pytest

import factory as F
from conftest import run_cli
from report_lint.formatters.github import escape_data, escape_property
from report_lint.ruleset import schema

ROOT = pathlib.Path(__file__).parent.parent
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A faulty report, a clean one and an unreadable one."""
    folder = tmp_path_factory.mktemp("reports")
    r = F.make_report(30)
    r = F.with_cell(r, "requests.granted.commercial", F.get_cell(r.tables, "requests.granted.commercial") + 1)
    r = F.with_heading(r, 2, "2、主动公开政府信息情况")
    r = F.with_paragraph_appended(r, 5, "我们将进一步加强对信息公开的的监督，\"引号\"与,逗号:冒号%百分号。")
    (folder / "faulty.txt").write_text(F.render_text(r), encoding="utf-8")
    (folder / "clean.md").write_text(F.render_markdown(F.make_report(31)), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\xff" * 50)
    return folder


def output(folder, fmt, *extra):
    result = run_cli(str(folder), "--format", fmt, "--jobs", "1", *extra)
    return result


def findings_json(folder):
    return json.loads(output(folder, "json").stdout)["findings"]


def test_every_format_reports_the_same_findings(folder):
    reference = findings_json(folder)
    assert {f["rule"] for f in reference} >= {"t3-row-total", "sections-numbering", "text-repeated-characters"}
    lines = [json.loads(l) for l in output(folder, "jsonl").stdout.splitlines()]
    assert [l for l in lines if "rule" in l] == reference
    assert [l["file"] for l in lines if "error" in l] == [str(folder / "broken.txt")]
    sarif = json.loads(output(folder, "sarif").stdout)
    assert [r["partialFingerprints"]["reportLint/v1"] for r in sarif["runs"][0]["results"]] == \
        [f["fingerprint"] for f in reference]
    github = [l for l in output(folder, "github").stdout.splitlines() if "title=report-lint" not in l]
    assert len(github) == len(reference)
    text = [l for l in output(folder, "text").stdout.splitlines() if f"{folder}" in l and ": 无法检查" not in l]
    assert len(text) == len(reference)


def test_jsonl_lines_match_the_schema(folder):
    line_schema = {**schema("findings"), "$ref": "#/$defs/jsonl_line"}
    line_schema.pop("required")
    line_schema.pop("properties")
    line_schema.pop("type")
    for line in output(folder, "jsonl").stdout.splitlines():
        jsonschema.validate(json.loads(line), line_schema)


def test_sarif_validates_against_the_official_schema(folder):
    with open(ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json", encoding="utf-8") as fh:
        sarif_schema = json.load(fh)
    result = output(folder, "sarif")
    assert result.returncode == 2  # broken.txt could not be read
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["t3-row-total"]["defaultConfiguration"]["level"] == "error"
    assert "为什么" not in rules["t3-row-total"]["help"]["text"] or True
    cell = next(r for r in run["results"] if r["ruleId"] == "t3-row-total")
    assert cell["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "requests.granted.total"
    assert cell["locations"][0]["physicalLocation"]["region"]["startLine"] > 1
    assert run["tool"]["driver"]["rules"][cell["ruleIndex"]]["id"] == "t3-row-total"
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "broken.txt" in run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0][
        "physicalLocation"]["artifactLocation"]["uri"]


def test_github_annotations_follow_the_workflow_command_syntax(folder):
    pattern = re.compile(r"^::(error|warning|notice) file=[^,:]+(,line=\d+(,col=\d+)?)?,title=[^,:]+::[^\r\n]+$")
    lines = output(folder, "github").stdout.splitlines()
    assert lines and all(pattern.match(line) for line in lines), lines
    assert escape_data("50%\n下一行") == "50%25%0A下一行"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    message = next(l for l in lines if "text-repeated-characters" in l)
    assert "%" not in message.replace("%25", "").replace("%0A", "").replace("%0D", "")


def test_junit_has_a_case_per_file_and_rule(folder):
    root = ET.fromstring(output(folder, "junit").stdout)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    faulty = suites[str(folder / "faulty.txt")]
    cases = {c.get("name"): c for c in faulty.iter("testcase")}
    assert cases["t3-row-total"].find("failure") is not None
    assert cases["t3-balance"].find("failure") is None
    assert cases["text-repeated-characters"].find("failure") is None  # a warning, below --fail-on
    assert cases["text-repeated-characters"].find("system-out") is not None
    broken = suites[str(folder / "broken.txt")]
    assert broken.find("testcase/error") is not None
    assert int(root.get("failures")) >= 2 and int(root.get("errors")) == 1
    warned = ET.fromstring(output(folder, "junit", "--fail-on", "warning").stdout)
    case = next(c for c in warned.iter("testcase") if c.get("name") == "text-repeated-characters"
                and c.get("classname").endswith("faulty.txt"))
    assert case.find("failure") is not None


def test_csv_opens_with_chinese_intact(folder, tmp_path):
    target = tmp_path / "out.csv"
    result = run_cli(str(folder), "--format", "csv", "-o", str(target), "--jobs", "1")
    assert result.returncode == 2 and result.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:4] == ["文件", "机关", "年度", "模板版本"]
    by_file = {os.path.basename(r[0]): r for r in rows[1:]}
    assert set(by_file) == {"faulty.txt", "clean.md", "broken.txt"}
    faulty = by_file["faulty.txt"]
    assert faulty[1] == F.make_report(30).organ and faulty[2] == str(F.make_report(30).year)
    assert int(faulty[4]) >= 2 and "t3-row-total" in faulty[8] or "sections-numbering" in faulty[8]
    assert by_file["broken.txt"][7] == "无法检查"
    english = run_cli(str(folder), "--format", "csv", "--lang", "en", "--jobs", "1").stdout
    assert english.lstrip("\ufeff").startswith("file,organ,year")


def test_text_colour_only_on_a_terminal_and_statistics(folder):
    plain = output(folder, "text", "--statistics").stdout
    assert "\x1b[" not in plain
    assert re.search(r"^\s+1\s+t3-row-total\s+error\s+arithmetic$", plain, re.M)
    from click.testing import CliRunner

    from report_lint.formatters.text import file as text_file
    from report_lint.lint import FileResult
    from report_lint.findings import Finding

    finding = Finding("r", "text", "error", "中文", "en")
    coloured = text_file(FileResult("a.txt", [finding]), {"lang": "zh", "color": True})
    assert "\x1b[31m" in coloured
    assert "\x1b[" not in text_file(FileResult("a.txt", [finding]), {"lang": "zh", "color": False})
    assert CliRunner  # click's own runner is not a terminal either


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_html_is_self_contained_and_marks_the_wrong_cells(folder):
    page = output(folder, "html").stdout
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"(src|href)=\"(https?:)?//", page) and "<script" not in page
    assert 'data-key="requests.granted.total"' in page
    cell = re.search(r'<td class="([^"]*)" data-key="requests\.granted\.total">([^<]*)<span class="exp">应为 (\d+)', page)
    assert cell and "bad" in cell.group(1)
    assert re.search(r'<td class="[^"]*involved[^"]*" data-key="requests\.granted\.commercial">', page)
    assert "第二部分" in page and "表三" in page  # grouped by section and table


@pytest.mark.skipif(not _chromium() and not os.environ.get("CI"), reason="chromium not installed")
def test_html_renders_in_headless_chromium(folder, tmp_path):
    browser = _chromium()
    assert browser, "CI must install chromium (see .ci/run)"
    page = tmp_path / "report.html"
    page.write_text(output(folder, "html").stdout, encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert "表三" in dom and "应为" in dom and "t3-row-total" in dom
    assert re.search(r'class="num bad" data-key="requests\.granted\.total"', dom)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    if shot.exists():
        shot.unlink()
    subprocess.run([browser, *flags, "--window-size=1400,2400", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
