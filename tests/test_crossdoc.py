"""Checks across documents: last year's report, the organs below, copied text.

A generated family (a parent and three children over two years) is linted as users
do: as a folder, with --previous, with --children, with a declared hierarchy; the
findings must be exactly the planted ones, in every output format."""

import csv
import dataclasses
import io
import json
import os
import shutil
import xml.etree.ElementTree as ET

import pytest

import factory as F
import report_lint
from conftest import run_cli
from family_factory import CHILDREN, PARENT, make_family
from report_lint.organs import normalize_map, organ_key
from report_lint.similarity import coverage, grams, normalize

CROSS_RULES = {"cross-carry-over", "cross-stock-roll-forward", "cross-year-sequence", "cross-copied-text",
               "cross-hierarchy-sum", "cross-hierarchy-sum-other-tables", "cross-year-on-year", "pairing-problem"}


def name(organ, year):
    return f"{organ}{year}年度报告.txt"


@pytest.fixture(scope="module")
def family(tmp_path_factory):
    fam = make_family(seed=3)
    folder = tmp_path_factory.mktemp("family")
    paths = fam.write(str(folder))
    return fam, folder, paths


@pytest.fixture(scope="module")
def json_run(family):
    _, folder, _ = family
    result = run_cli("--format", "json", "-q", str(folder))
    return result, json.loads(result.stdout)


def planted_names(fam):
    return {(name(organ, year), rule) for organ, year, rule in fam.planted}


def test_a_family_gives_exactly_the_planted_findings(family, json_run):
    fam, folder, _ = family
    result, data = json_run
    got = {(os.path.basename(f["file"]), f["rule"]) for f in data["findings"]}
    assert got == planted_names(fam)
    assert result.returncode == 1  # the carry-over breaks are errors


def test_the_findings_say_what_and_point_at_last_years_report(family, json_run):
    fam, folder, paths = family
    _, data = json_run
    broken = [f for f in data["findings"] if f["rule"] == "cross-carry-over"
              and os.path.basename(f["file"]) == name(CHILDREN[1], fam.year)]
    assert {f["key"] for f in broken} >= {"requests.carried_over.total"}
    total = next(f for f in broken if f["key"] == "requests.carried_over.total")
    assert total["found"] == total["expected"] + 1 and total["severity"] == "error"
    assert str(fam.year - 1) in total["message"]["zh"]
    assert [os.path.basename(r["file"]) for r in total["related"]] == [name(CHILDREN[1], fam.year - 1)]
    assert total["related"][0]["location"].get("table") == 2
    copied = [f for f in data["findings"] if f["rule"] == "cross-copied-text"]
    assert copied and all(f["severity"] == "warning" for f in copied)
    overall = next(f for f in copied if f["key"] == "narrative")
    assert overall["found"] >= 0.9 and "%" in overall["message"]["zh"]
    assert overall["related"] and all(os.path.basename(r["file"]) == name(CHILDREN[0], fam.year - 1)
                                      for r in overall["related"])
    assert overall["location"].get("line")


@pytest.mark.parametrize("fmt", ["text", "jsonl", "sarif", "github", "junit", "csv", "html"])
def test_every_output_format_carries_the_planted_findings(family, fmt):
    fam, folder, _ = family
    result = run_cli("--format", fmt, "-q", str(folder))
    assert result.returncode == 1, result.stderr
    out = result.stdout
    expected = planted_names(fam)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines() if line.strip()]
        got = {(os.path.basename(r["file"]), r["rule"]) for r in rows if r.get("type", "finding") == "finding"
               and "rule" in r}
        assert got == expected
    elif fmt == "sarif":
        run = json.loads(out)["runs"][0]
        got = {(os.path.basename(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]), r["ruleId"])
               for r in run["results"]}
        assert got == expected
        assert all(r.get("relatedLocations") for r in run["results"] if r["ruleId"].startswith("cross-"))
    elif fmt == "junit":
        root = ET.fromstring(out)
        failed = {(os.path.basename(c.get("classname")), c.get("name")) for c in root.iter("testcase")
                  if c.find("failure") is not None}
        assert failed == {(f, r) for f, r in expected if r == "cross-carry-over"}  # errors fail; warnings do not
        text = ET.tostring(root, encoding="unicode")
        assert "cross-copied-text" in text
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        by_file = {os.path.basename(r[0]): r for r in rows[1:]}
        for file_name, _ in expected:
            assert any("cross-" in cell or cell not in ("", "0") for cell in by_file[file_name][1:])
        clean = name(CHILDREN[2], fam.year)
        assert not any("cross-" in cell for cell in by_file[clean])
    else:
        for file_name, rule in expected:
            lines = [line for line in out.splitlines() if rule in line]
            assert any(file_name in line or os.path.splitext(file_name)[0] in line for line in lines) or \
                   (fmt == "html" and rule in out and file_name in out), (fmt, file_name, rule)
        if fmt == "text":
            assert "    → " in out  # the place in last year's report


def test_explicit_previous_pairs_two_files(family, tmp_path):
    fam, folder, paths = family
    this, last = paths[(CHILDREN[1], fam.year)], paths[(CHILDREN[1], fam.year - 1)]
    alone = run_cli("-q", this)
    assert "cross-" not in alone.stdout and alone.returncode == 0
    paired = run_cli("-q", "--previous", last, this)
    assert paired.returncode == 1
    assert "cross-carry-over" in paired.stdout and "cross-year-sequence" not in paired.stdout
    wrong_year = run_cli("-q", "--previous", paths[(CHILDREN[1], fam.year)], paths[(CHILDREN[2], fam.year)])
    assert "cross-year-sequence" in wrong_year.stdout
    missing = run_cli("-q", "--previous", str(tmp_path / "absent.docx"), this)
    assert missing.returncode == 2 and "absent.docx" in missing.stdout + missing.stderr


def test_children_folder_sums_into_the_parent(family, tmp_path):
    fam, folder, paths = family
    kids = tmp_path / "kids"
    kids.mkdir()
    for child in CHILDREN:  # both years: the parent's year is chosen
        for year in (fam.year - 1, fam.year):
            shutil.copy(paths[(child, year)], kids)
    shutil.copy(paths[(PARENT, fam.year)], kids)
    parent = str(kids / name(PARENT, fam.year))  # kept beside its children: not counted as one
    ok = run_cli("-q", "--format", "json", "--select", "cross", "--children", str(kids), parent)
    assert [f["rule"] for f in json.loads(ok.stdout)["findings"]] == []

    changed = F.with_cell(fam.reports[(CHILDREN[2], fam.year)], "review_litigation.review.upheld",
                          fam.reports[(CHILDREN[2], fam.year)].tables["review_litigation"]["review"]["upheld"] + 2)
    changed = F.with_cell(changed, "review_litigation.review.total", changed.tables["review_litigation"]["review"]["total"] + 2)
    (kids / name(CHILDREN[2], fam.year)).write_text(F.render_text(changed), encoding="utf-8")
    off = run_cli("-q", "--format", "json", "--select", "cross", "--children", str(kids), parent)
    findings = json.loads(off.stdout)["findings"]
    keys = {f["key"] for f in findings if f["rule"] == "cross-hierarchy-sum-other-tables"}
    assert keys == {"review_litigation.review.upheld", "review_litigation.review.total"}
    total = next(f for f in findings if f["key"] == "review_litigation.review.total")
    assert total["expected"] == total["found"] + 2 and len(total["related"]) == 3

    (kids / name(CHILDREN[0], fam.year)).write_bytes(b"\x00\x01 not a report")
    broken = run_cli("-q", "--format", "json", "--select", "cross", "--children", str(kids), parent)
    findings = json.loads(broken.stdout)["findings"]
    assert [(f["rule"], f["severity"], f["assessable"]) for f in findings] == [("cross-hierarchy-sum", "info", False),
                                                                               ("cross-hierarchy-sum-other-tables", "info", False)]
    assert name(CHILDREN[0], fam.year) in findings[0]["message"]["zh"]


def test_a_declared_hierarchy_names_the_missing_children(family, tmp_path):
    fam, folder, paths = family
    for (organ, year), path in paths.items():
        if year == fam.year and organ != CHILDREN[1]:
            shutil.copy(path, tmp_path)
    (tmp_path / ".report-lint.yaml").write_text(
        "hierarchy:\n  " + PARENT + ": [" + ", ".join(CHILDREN) + "]\n", encoding="utf-8")
    result = run_cli("-q", "--format", "json", "--select", "cross", ".", cwd=str(tmp_path))
    findings = json.loads(result.stdout)["findings"]
    assert {(os.path.basename(f["file"]), f["rule"]) for f in findings} == {
        (name(PARENT, fam.year), "cross-hierarchy-sum"), (name(PARENT, fam.year), "cross-hierarchy-sum-other-tables")}
    assert all(CHILDREN[1] in f["message"]["zh"] and not f["assessable"] for f in findings)


def test_two_reports_for_one_organ_and_year_are_reported_not_paired(family, tmp_path):
    fam, folder, paths = family
    shutil.copy(paths[(CHILDREN[1], fam.year)], tmp_path / "a.txt")
    shutil.copy(paths[(CHILDREN[1], fam.year)], tmp_path / "b.txt")
    shutil.copy(paths[(CHILDREN[1], fam.year - 1)], tmp_path / "last.txt")
    result = run_cli("-q", "--format", "json", str(tmp_path))
    findings = json.loads(result.stdout)["findings"]
    assert sorted((os.path.basename(f["file"]), f["rule"]) for f in findings) == [
        ("a.txt", "pairing-problem"), ("b.txt", "pairing-problem")]
    assert "b.txt" in findings[0]["message"]["zh"] and findings[0]["severity"] == "info"


def test_organ_names_fold_their_variants():
    assert organ_key("示例市澄川区人民政府办公室") == organ_key("示例市 澄川区政府办公室") == organ_key("示例市澄川区办公室")
    assert organ_key("示例市（澄川）区教育局") == organ_key("示例市(澄川)区教育局")
    assert organ_key("示例市澄川区教育局") != organ_key("示例市澄川区民政局")
    aliases = normalize_map({"澄川区教体局": "示例市澄川区教育局"})
    assert organ_key("澄川区教体局", aliases) == organ_key("示例市澄川区教育局")
    assert organ_key(None) is None and organ_key("") is None


def test_an_organ_map_pairs_renamed_organs(family, tmp_path):
    fam, folder, paths = family
    last = fam.reports[(CHILDREN[1], fam.year - 1)]
    renamed = dataclasses.replace(last, organ="澄川区民政部门", title=None)
    (tmp_path / "last.txt").write_text(F.render_text(renamed), encoding="utf-8")
    shutil.copy(paths[(CHILDREN[1], fam.year)], tmp_path / "this.txt")
    unpaired = run_cli("-q", str(tmp_path))
    assert "cross-carry-over" not in unpaired.stdout
    mapping = tmp_path.parent / f"{tmp_path.name}-organs.yaml"
    mapping.write_text(f"澄川区民政部门: {CHILDREN[1]}\n", encoding="utf-8")
    paired = run_cli("-q", "--organ-map", str(mapping), str(tmp_path))
    assert "cross-carry-over" in paired.stdout
    bad = tmp_path.parent / f"{tmp_path.name}-bad.yaml"
    bad.write_text("- not a mapping\n", encoding="utf-8")
    refused = run_cli("-q", "--organ-map", str(bad), str(tmp_path))
    assert refused.returncode == 2 and bad.name in refused.stderr and "映射" in refused.stderr


def test_cross_findings_can_be_ignored_and_suppressed(family, tmp_path):
    fam, folder, paths = family
    ignored = run_cli("-q", "--ignore", "cross", str(folder))
    assert "cross-" not in ignored.stdout and ignored.returncode == 0
    for key, path in paths.items():
        shutil.copy(path, tmp_path)
    copied = tmp_path / name(CHILDREN[0], fam.year)
    keys = {f["key"] for f in json.loads(run_cli("-q", "--format", "json", str(folder)).stdout)["findings"]
            if f["rule"] == "cross-copied-text"}
    assert "narrative" in keys  # the whole narrative has a key of its own, so it can be suppressed
    (tmp_path / (copied.name + ".suppress.yaml")).write_text("".join(
        f"- rule: cross-copied-text\n  key: {key}\n  reason: 本年工作与上年相同，经审核认可\n" for key in sorted(keys)),
        encoding="utf-8")
    other = F.make_report(77, organ="示例市望溪区统计局")  # in the batch but related to nothing
    other = F.with_cell(other, "requests.granted.natural_person", other.tables["requests"]["granted"]["natural_person"] + 1)
    (tmp_path / "other.txt").write_text(F.render_text(other), encoding="utf-8")
    own = [f for f in json.loads(run_cli("-q", "--format", "json", str(tmp_path / "other.txt")).stdout)["findings"]
           if f["severity"] == "error"]
    assert own
    (tmp_path / "other.txt.suppress.yaml").write_text("".join(
        f"- rule: {f['rule']}\n  key: {f['key']}\n  reason: 已核实\n" for f in own), encoding="utf-8")
    result = run_cli("-q", "--format", "json", str(tmp_path))
    rules = {(os.path.basename(f["file"]), f["rule"]) for f in json.loads(result.stdout)["findings"]}
    assert rules == planted_names(fam) - {(copied.name, "cross-copied-text")}  # other.txt's own ones suppressed too


def test_the_api_relates_reports_as_the_cli_does(family):
    fam, folder, paths = family
    results = report_lint.lint_paths(str(folder))
    got = {(os.path.basename(r.path), f.rule) for r in results for f in r.findings}
    assert got == planted_names(fam)
    assert all(r.report is not None for r in results)
    this = paths[(CHILDREN[1], fam.year)]
    alone = report_lint.lint_paths(this, keep_report=False)
    assert not [f for f in alone[0].findings if f.rule.startswith("cross-")] and alone[0].report is None
    paired = report_lint.lint_paths(this, previous=paths[(CHILDREN[1], fam.year - 1)], keep_report=False)
    assert {f.rule for f in paired[0].findings} == {"cross-carry-over"} and paired[0].report is None


def test_similarity_masks_figures_and_finds_the_shared_runs():
    last = normalize(["2023年共受理申请21件，全部按期答复。", "另有一段完全不同的文字说明其他情况。"])
    this = normalize(["2024年共受理申请35件，全部按期答复。", "今年新开设了社区公告栏。"])
    covered, runs = coverage(this.text, grams(last.text, 8), 8)
    assert len(runs) == 1 and runs[0].start == 0  # the figures differ, the sentence is the same
    assert covered == len(normalize(["2024年共受理申请35件，全部按期答复。"]).text)
    assert coverage(this.text, grams(last.text, 40), 40)[0] == 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_other_families_give_exactly_their_planted_findings(seed, tmp_path):
    fam = make_family(seed=seed, year=2022 + seed)
    fam.write(str(tmp_path))
    results = report_lint.lint_paths(str(tmp_path), keep_report=False)
    assert {(os.path.basename(r.path), f.rule) for r in results for f in r.findings} == planted_names(fam)
    clean = make_family(seed=seed, plant=False)
    clean.write(str(tmp_path / "clean"))
    assert not [f for r in report_lint.lint_paths(str(tmp_path / "clean")) for f in r.findings]
