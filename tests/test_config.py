"""Configuration discovery, explicit extend, --config and --isolated, per-file settings,
suppression sidecars, baselines written and read, init, and the 2019 format chosen by
the report itself."""

import json
import textwrap

import factory as F
import factory_2019 as G
from conftest import run_cli


def faulty(seed=100):
    r = F.make_report(seed)
    r = F.with_paragraph_appended(r, 5, "我们将进一步加强对信息公开的的监督。")
    return F.with_cell(r, "requests.granted.total", F.get_cell(r.tables, "requests.granted.total") + 1)


def rules_of(result):
    return {f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_nearest_config_wins_and_extend_is_explicit(tmp_path):
    (tmp_path / ".report-lint.yaml").write_text("ignore: [text]\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "r.txt").write_text(F.render_text(faulty()), encoding="utf-8")
    (tmp_path / "r.txt").write_text(F.render_text(faulty()), encoding="utf-8")
    assert "text-repeated-characters" not in rules_of(run_cli(str(tmp_path / "r.txt"), "--format", "json"))
    (sub / ".report-lint.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    near = run_cli(str(sub / "r.txt"), "--format", "json", cwd=str(sub))
    assert "text-repeated-characters" in rules_of(near)  # no surprise merging with the parent
    (sub / ".report-lint.yaml").write_text("extend: ../.report-lint.yaml\nselect: [arithmetic, text]\n",
                                           encoding="utf-8")
    extended = run_cli(str(sub / "r.txt"), "--format", "json")
    assert rules_of(extended) == {"t3-row-total", "t3-results-total"}  # select here, ignore: [text] from the parent
    isolated = run_cli(str(sub / "r.txt"), "--format", "json", "--isolated")
    assert {"t3-row-total", "text-repeated-characters"} <= rules_of(isolated)


def test_pyproject_section_and_explicit_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""\
        [project]
        name = "reports"

        [tool.report-lint]
        ignore = ["arithmetic"]
        lang = "en"
        """), encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(F.render_text(faulty()), encoding="utf-8")
    result = run_cli(str(report), cwd=str(tmp_path))
    assert "t3-row-total" not in result.stdout and "file(s) checked" in result.stdout
    other = tmp_path / "other.yaml"
    other.write_text("select: [arithmetic]\n", encoding="utf-8")
    forced = run_cli(str(report), "--config", str(other), "--format", "json", cwd=str(tmp_path))
    assert rules_of(forced) == {"t3-row-total", "t3-results-total"}
    shown = run_cli("show-config", str(report), cwd=str(tmp_path)).stdout
    assert f"{tmp_path / 'pyproject.toml'}" in shown and "pyproject.toml:5" in shown


def test_per_file_settings_by_glob(tmp_path):
    (tmp_path / ".report-lint.yaml").write_text(textwrap.dedent("""\
        per-file:
          - files: "old/*"
            ignore: [arithmetic]
          - files: "*.md"
            ruleset: zhejiang-2021
        """), encoding="utf-8")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text(F.render_text(faulty()), encoding="utf-8")
    (tmp_path / "b.txt").write_text(F.render_text(faulty()), encoding="utf-8")
    outside = F.with_contact(F.make_report(101), "联系电话：025-86001234，邮编：210000。")
    (tmp_path / "c.md").write_text(F.render_markdown(outside), encoding="utf-8")
    findings = json.loads(run_cli(str(tmp_path), "--format", "json").stdout)["findings"]
    by_file = {}
    for f in findings:
        by_file.setdefault(f["file"].rsplit("/", 1)[-1], set()).add(f["rule"])
    assert "t3-row-total" not in by_file.get("a.txt", set())
    assert "t3-row-total" in by_file["b.txt"]
    assert {"zhejiang-postcode", "zhejiang-area-code"} <= by_file["c.md"]


def test_a_broken_config_is_a_located_usage_error(tmp_path):
    (tmp_path / ".report-lint.yaml").write_text("ignore: [text]\nfail_on: warning\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(F.render_text(F.make_report(102)), encoding="utf-8")
    result = run_cli(str(tmp_path / "r.txt"))
    assert result.returncode == 2 and f"{tmp_path / '.report-lint.yaml'}:2" in result.stderr
    assert "fail_on" in result.stderr and "Traceback" not in result.stderr


def test_suppressions_by_logical_location_and_stale_ones_reported(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(F.render_text(faulty()), encoding="utf-8")
    (tmp_path / "r.txt.suppress.yaml").write_text(textwrap.dedent("""\
        - rule: t3-row-total
          key: requests.granted.total
          reason: checked with the office
        - rule: text-repeated-characters
          text: 的的
        - rule: narrative-review
          key: review_litigation.review.total
        """), encoding="utf-8")
    result = run_cli(str(report), "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    rules = {f["rule"] for f in findings}
    assert "t3-row-total" not in rules and "text-repeated-characters" not in rules
    stale = [f for f in findings if f["rule"] == "suppression"]
    assert len(stale) == 1 and "narrative-review" in stale[0]["message"]["en"]
    assert stale[0]["location"]["line"] == 6
    (tmp_path / ".report-lint.yaml").write_text("suppressions: false\n", encoding="utf-8")
    assert "t3-row-total" in rules_of(run_cli(str(report), "--format", "json"))


def test_a_suppression_by_line_number_is_refused(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(F.render_text(faulty()), encoding="utf-8")
    (tmp_path / "r.txt.suppress.yaml").write_text("- rule: t3-row-total\n  line: 80\n", encoding="utf-8")
    findings = json.loads(run_cli(str(report), "--format", "json").stdout)["findings"]
    bad = [f for f in findings if f["rule"] == "suppression"]
    assert bad and bad[0]["severity"] == "error" and "line number" in bad[0]["message"]["en"]


def test_baseline_written_then_read(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(F.render_text(faulty()), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    first = run_cli(str(report), "--write-baseline", str(baseline))
    assert first.returncode == 1 and json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert run_cli(str(report), "--baseline", str(baseline)).returncode == 0


def test_init_writes_a_commented_starter(tmp_path):
    result = run_cli("init", "--ruleset", "zhejiang-2021", "--organ", "示例县某局", cwd=str(tmp_path))
    assert result.returncode == 0
    text = (tmp_path / ".report-lint.yaml").read_text(encoding="utf-8")
    assert "ruleset: zhejiang-2021" in text and "示例县某局" in text and text.count("#") > 5
    again = run_cli("init", cwd=str(tmp_path))
    assert again.returncode == 2 and "--force" in again.stderr
    (tmp_path / "r.txt").write_text(F.render_text(F.make_report(103)), encoding="utf-8")
    shown = run_cli("show-config", "r.txt", cwd=str(tmp_path)).stdout
    assert "zhejiang-2021" in shown and ".report-lint.yaml:" in shown


def test_the_2019_template_picks_its_ruleset_and_a_late_one_is_an_error(tmp_path):
    fictional = F.make_report(104, year=2020)
    report = tmp_path / "r2020.txt"
    report.write_text(G.render_text_2019(fictional, G.active_2019(104)), encoding="utf-8")
    result = run_cli(str(report), "--format", "json")
    assert result.returncode == 0, result.stdout
    shown = run_cli("show-config", str(report)).stdout
    assert "national-2019" in shown
    late = F.make_report(105, year=2023)
    report2 = tmp_path / "r2023.txt"
    report2.write_text(G.render_text_2019(late, G.active_2019(105)), encoding="utf-8")
    result = run_cli(str(report2), "--format", "json")
    assert result.returncode == 1 and "template-version" in rules_of(result)
    forced = run_cli(str(report2), "--ruleset", "national-2019", "--format", "json")
    assert "template-version" not in rules_of(forced)
