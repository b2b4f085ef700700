"""Rulesets that extend others: the merge rules, each with a test, cycles refused, and
show-config naming where every setting came from."""

import textwrap

import pytest

import factory as F
from conftest import run_cli
from report_lint.errors import RulesetError
from report_lint.ruleset import load_ruleset, merge


def write(folder, name, body):
    path = folder / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_scalars_replace():
    assert merge({"a": 1, "b": "x"}, {"a": 2}) == {"a": 2, "b": "x"}


def test_lists_replace_unless_extended_or_reduced():
    base = {"phrases": ["a", "b"], "other": [1]}
    assert merge(base, {"phrases": ["c"]}) == {"phrases": ["c"], "other": [1]}
    assert merge(base, {"phrases+": ["b", "c"]}) == {"phrases": ["a", "b", "c"], "other": [1]}
    assert merge(base, {"phrases-": ["a"]}) == {"phrases": ["b"], "other": [1]}
    assert base == {"phrases": ["a", "b"], "other": [1]}  # the parent is not changed


def test_maps_merge_recursively():
    base = {"accepted": {"4": ["x"], "5": ["y"]}, "n": 1}
    assert merge(base, {"accepted": {"5+": ["z"], "6": ["w"]}}) == \
        {"accepted": {"4": ["x"], "5": ["y", "z"], "6": ["w"]}, "n": 1}


PROVINCE = """\
    name: my-province
    extends: national-2021
    disable: [text-ordinal-sequence]
    severity:
      contact-area-code: error
    params:
      section-heading-wording:
        accepted:
          "5+": [存在的主要问题与改进措施]
    """


def test_a_user_province_ruleset_changes_results_as_documented(tmp_path, registry):
    ruleset_path = write(tmp_path, "province.yaml", PROVINCE)
    r = F.make_report(90)
    r = F.with_heading(r, 5, "五、存在的主要问题与改进措施")
    r = F.with_contact(r, "联系电话：88001234。")
    r = F.with_paragraph_appended(r, 1, "一是加强领导，三是完善制度。")
    report = tmp_path / "r.txt"
    report.write_text(F.render_text(r), encoding="utf-8")
    national = run_cli(str(report), "--isolated", "--format", "json")
    province = run_cli(str(report), "--isolated", "--ruleset", str(ruleset_path), "--format", "json")
    import json

    by_rule = lambda out: {f["rule"]: f for f in json.loads(out.stdout)["findings"]}  # noqa: E731
    n, p = by_rule(national), by_rule(province)
    assert n["section-heading-wording"] and "section-heading-wording" not in p      # variant accepted
    assert n["text-ordinal-sequence"] and "text-ordinal-sequence" not in p          # disabled
    assert n["contact-area-code"]["severity"] == "warning" and p["contact-area-code"]["severity"] == "error"
    assert national.returncode == 0 and province.returncode == 1                     # raised to error

    shown = run_cli("show-config", str(report), "--isolated", "--ruleset", str(ruleset_path)).stdout
    assert f"contact-area-code  error  [{ruleset_path}:5]" in shown
    assert f"text-ordinal-sequence  已停用  [{ruleset_path}:3]" in shown
    assert f"[{ruleset_path}:8]" in shown and "accepted" in shown
    assert "national-2021.yaml:" in shown  # inherited settings name their own file and line


def test_chains_of_any_depth_and_relative_paths(tmp_path, registry):
    write(tmp_path, "province.yaml", PROVINCE)
    (tmp_path / "city").mkdir()
    city = write(tmp_path / "city", "city.yaml", """\
        name: my-city
        extends: ../province.yaml
        severity:
          text-repeated-characters: error
        rules:
          - id: city-mentions
            kind: text_mentions
            category: structure
            severity: warning
            message: {zh: "没有提到 {phrases}", en: "no mention of {phrases}"}
            params: {phrases: [本市]}
        """)
    organ = write(tmp_path / "city", "organ.yaml", "name: my-organ\nextends: city.yaml\nseverity:\n  city-mentions: error\n")
    ruleset = load_ruleset(str(organ), registry)
    assert [p.rsplit("/", 1)[-1] for p in ruleset.chain] == ["organ.yaml", "city.yaml", "province.yaml",
                                                            "national-2021.yaml"]
    rules = {r.id: r for r in ruleset.rules}
    assert rules["city-mentions"].severity == "error"
    assert rules["text-repeated-characters"].severity == "error"
    assert rules["contact-area-code"].severity == "error"
    assert "text-ordinal-sequence" not in rules and "text-ordinal-sequence" in ruleset.disabled
    assert rules["city-mentions"].origins["severity"] == f"{organ}:4"


def test_cycles_are_refused(tmp_path, registry):
    write(tmp_path, "a.yaml", "name: a\nextends: b.yaml\n")
    write(tmp_path, "b.yaml", "name: b\nextends: a.yaml\n")
    with pytest.raises(RulesetError) as err:
        load_ruleset(str(tmp_path / "a.yaml"), registry)
    assert "cycle" in err.value.en and "a.yaml" in err.value.en


@pytest.mark.parametrize("body,where,words", [
    ("name: x\nextends: national-2021\ndisable: [no-such-rule]\n", ":3", "no-such-rule"),
    ("name: x\nextends: national-2021\nseverity:\n  t3-balance: fatal\n", ":4", "fatal"),
    ("name: x\nextends: nowhere.yaml\n", ":2", "nowhere.yaml"),
    ("name: x\nextends: national-2021\nrules:\n  - id: t3-balance\n    kind: identity\n    category: arithmetic\n"
     "    severity: error\n    message: {zh: a}\n    params: {lhs: a, rhs: b}\n", ":4", "duplicate"),
    ("name: x\nextends: national-2021\nparams:\n  t3-balance:\n    lhs: __import__('os')\n", ":5", "lhs"),
])
def test_errors_in_a_child_name_file_line_and_key(tmp_path, registry, body, where, words):
    path = write(tmp_path, "child.yaml", body)
    with pytest.raises(RulesetError) as err:
        load_ruleset(str(path), registry)
    assert f"{path}{where}" in err.value.en and words in err.value.en


def test_packaged_province_rulesets_extend_the_national_one(registry):
    for name in ("zhejiang-2021", "shanghai-2021", "national-2019"):
        spec = registry.rulesets[name]
        ruleset = load_ruleset(spec.path, registry, trusted=False)
        assert ruleset.chain[-1].endswith("national-2021.yaml")
