"""End to end: the command line as a user runs it."""

import json

import jsonschema
import pytest

import factory as F
from conftest import run_cli
from report_lint.ruleset import schema


@pytest.fixture
def clean(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(F.render_text(F.make_report(11)), encoding="utf-8")
    return path


@pytest.fixture
def faulty(tmp_path):
    r = F.make_report(12)
    r = F.with_cell(r, "requests.granted.natural_person", F.get_cell(r.tables, "requests.granted.natural_person") + 3)
    r = F.with_heading(r, 1, "1、总体情况")
    path = tmp_path / "faulty.txt"
    path.write_text(F.render_text(r), encoding="utf-8")
    return path


def test_clean_report_exits_0_with_a_summary(clean):
    result = run_cli(str(clean))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("共检查 1 个文件：0 个错误")


def test_faulty_report_exits_1_with_located_lines(faulty):
    result = run_cli(str(faulty))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    arithmetic = [l for l in lines if " error t3-row-total " in l]
    assert arithmetic and arithmetic[0].startswith(f"{faulty}:L")
    assert " T" in arithmetic[0].split(": error")[0]  # table/row/column in the location
    assert any(" error sections-numbering " in l for l in lines)


def test_english_messages(faulty):
    result = run_cli(str(faulty), "--lang", "en")
    assert "table 3, row" in result.stdout
    assert "file(s) checked" in result.stdout


def test_select_ignore_and_fail_on(faulty, clean):
    only_structure = run_cli(str(faulty), "--select", "structure")
    assert "t3-row-total" not in only_structure.stdout and "sections-numbering" in only_structure.stdout
    ignored = run_cli(str(faulty), "--ignore", "arithmetic,sections-numbering")
    assert ignored.returncode == 0 and "error" not in ignored.stdout.split("\n")[0]
    warned = clean.read_text(encoding="utf-8").replace("（五）监督保障。", "（五）监督保障。的的")
    clean.write_text(warned, encoding="utf-8")
    assert run_cli(str(clean)).returncode == 0
    assert run_cli(str(clean), "--fail-on", "warning").returncode == 1
    assert run_cli(str(clean), "--fail-on", "warning", "--exit-zero").returncode == 0


def test_json_output_matches_the_findings_schema(faulty, clean):
    result = run_cli(str(faulty), str(clean), "--format", "json")
    payload = json.loads(result.stdout)
    jsonschema.validate(payload, schema("findings"))
    assert {f["file"] for f in payload["findings"]} == {str(faulty)}
    cell = next(f for f in payload["findings"] if f["rule"] == "t3-row-total")
    assert cell["key"] == "requests.granted.total" and cell["location"]["table"]
    assert cell["expected"] != cell["found"]
    assert payload["summary"]["files"] == 2


def test_parse_prints_the_canonical_report(clean):
    result = run_cli("parse", str(clean))
    assert result.returncode == 0
    report = json.loads(result.stdout)
    jsonschema.validate(report, schema("report"))
    fictional = F.make_report(11)
    assert report["tables"] == json.loads(json.dumps(F.tables_to_jsonable(fictional.tables)))


def test_canonical_json_is_linted_like_the_source(tmp_path, faulty):
    parsed = run_cli("parse", str(faulty))
    json_path = tmp_path / "faulty.json"
    json_path.write_text(parsed.stdout, encoding="utf-8")
    from_text = json.loads(run_cli(str(faulty), "--format", "json").stdout)["findings"]
    from_json = json.loads(run_cli(str(json_path), "--format", "json").stdout)["findings"]
    strip = lambda fs: [(f["rule"], f["key"], f["location"]) for f in fs]  # noqa: E731
    assert strip(from_json) == strip(from_text)


def test_tables_only_json_is_linted_honestly(tmp_path):
    tables = F.tables_to_jsonable(F.make_report(13).tables)
    tables["requests"]["granted"]["total"] = None
    path = tmp_path / "db.json"
    path.write_text(json.dumps({"tables": tables}), encoding="utf-8")
    result = run_cli(str(path), "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert result.returncode == 0, findings
    assert not [f for f in findings if f["category"] in ("structure", "year", "contact") and f["assessable"]
                and f["rule"] != "blank-cells"]
    cannot = [f for f in findings if not f["assessable"] and f["rule"] in ("t3-row-total", "t3-results-total")]
    assert cannot and all(f["severity"] == "info" for f in cannot)


def test_invalid_canonical_json_names_the_json_path(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"tables": {"requests": {"granted": {"total": "many"}}}}), encoding="utf-8")
    result = run_cli(str(path))
    assert result.returncode == 2
    assert "$.tables.requests.granted.total" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("args,words", [
    (["--ruleset", "nope", "x.txt"], "nope"),
    (["--select", "no-such-rule", "x.txt"], "no-such-rule"),
    (["--format", "yaml", "x.txt"], "yaml"),
    (["explain", "no-such-rule"], "no-such-rule"),
    (["schema", "nope"], "nope"),
    (["check"], "请给出要检查的文件"),
])
def test_usage_errors_exit_2_with_one_line(args, words):
    result = run_cli(*args)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_file_does_not_lose_the_others(tmp_path, faulty, clean):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = run_cli(str(faulty), str(tmp_path / "missing.txt"), str(binary), str(clean))
    assert result.returncode == 2
    assert "t3-row-total" in result.stdout
    assert "missing.txt: 无法检查：文件不存在" in result.stdout
    assert "scan.txt: 无法检查" in result.stdout
    assert "共检查 4 个文件" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_custom_ruleset_file(tmp_path, clean):
    custom = tmp_path / "mine.yaml"
    custom.write_text("""
name: mine
rules:
  - id: no-penalties
    kind: identity
    category: arithmetic
    severity: error
    message: {zh: "行政处罚应为 0，实为 {lhs}", en: "penalties must be 0, found {lhs}"}
    params:
      lhs: active_disclosure.penalties.decisions
      rhs: "0"
""", encoding="utf-8")
    r = F.with_cell(F.make_report(11), "active_disclosure.penalties.decisions", 3)
    clean.write_text(F.render_text(r), encoding="utf-8")
    result = run_cli(str(clean), "--ruleset", str(custom))
    assert result.returncode == 1 and "行政处罚应为 0，实为 3" in result.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\nrules:\n  - id: x\n    kind: identity\n", encoding="utf-8")
    result = run_cli(str(clean), "--ruleset", str(broken))
    assert result.returncode == 2 and f"{broken}:3" in result.stderr


def test_rules_explain_plugins_schema_version():
    rules = run_cli("rules")
    assert rules.returncode == 0 and "t3-balance" in rules.stdout and "arithmetic" in rules.stdout
    explain = run_cli("explain", "sections-numbering")
    for heading in ("检查内容", "为什么重要", "不通过的示例"):
        assert heading in explain.stdout
    assert "national-2021.yaml:" in explain.stdout
    plugins = run_cli("plugins")
    assert "report_lint" in plugins.stdout and "parser:text" in plugins.stdout
    for name in ("report", "findings", "ruleset"):
        assert json.loads(run_cli("schema", name).stdout)["$schema"].startswith("https://json-schema.org")
    assert run_cli("--version").stdout.startswith("report-lint, version")


def test_a_crashing_parser_plugin_costs_only_its_file(tmp_path, faulty):
    site = tmp_path / "site"
    info = site / "crash_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "entry_points.txt").write_text("[report_lint]\ncrash = crash_mod\n", encoding="utf-8")
    (site / "crash_mod.py").write_text(
        "from report_lint.hookspecs import hookimpl\nfrom report_lint.specs import ParserSpec\n"
        "def _parse(data, path):\n    raise ZeroDivisionError('boom')\n"
        "@hookimpl\ndef report_lint_register_parsers(register):\n"
        "    register(ParserSpec('crash', ('.crash',), _parse))\n", encoding="utf-8")
    bad = tmp_path / "x.crash"
    bad.write_text("anything", encoding="utf-8")
    result = run_cli(str(bad), str(faulty), env={"PYTHONPATH": str(site)})
    assert result.returncode == 2
    assert "x.crash: 无法检查：内部错误" in result.stdout and "boom" in result.stdout
    assert "t3-row-total" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_deeply_nested_json_is_a_clear_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"tables": ' + "[" * 100000 + "]" * 100000 + "}", encoding="utf-8")
    for args in ([str(path)], ["parse", str(path)]):
        result = run_cli(*args)
        assert result.returncode == 2
        assert "Traceback" not in result.stdout + result.stderr
