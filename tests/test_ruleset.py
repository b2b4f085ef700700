"""Loading rulesets: packaged ones are valid; user files are checked with errors that
name file, line and key; nothing in a ruleset can run code or read files."""

import textwrap

import jsonschema
import pytest
import yaml

from report_lint.errors import RulesetError
from report_lint.ruleset import load_ruleset, schema

MINIMAL_RULE = """
  - id: my-rule
    kind: identity
    category: arithmetic
    severity: error
    message: {zh: 不相等, en: not equal}
    params:
      lhs: requests.granted.total
      rhs: requests.granted.natural_person
"""


def write(tmp_path, body: str):
    path = tmp_path / "custom.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(path)


def test_packaged_rulesets_are_valid_so_they_may_skip_validation(registry):
    for spec in registry.rulesets.values():
        with open(spec.path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        jsonschema.validate(data, schema("ruleset"))
        ruleset = load_ruleset(spec.path, registry, trusted=False)  # full checks, params and expressions
        assert ruleset.rules


def test_a_valid_custom_ruleset_loads(tmp_path, registry):
    ruleset = load_ruleset(write(tmp_path, "name: custom\nrules:" + MINIMAL_RULE), registry)
    assert [r.id for r in ruleset.rules] == ["my-rule"]


@pytest.mark.parametrize("body,where,words", [
    ("name: custom\nrules:\n  - id: x\n    kind: identity\n    category: arithmetic\n    severity: fatal\n"
     "    message: {zh: a}\n", ":6", "severity"),
    ("name: custom\nrules:" + MINIMAL_RULE.replace("kind: identity", "kind: no_such_kind"), ":4", "no_such_kind"),
    ("name: custom\nrules:" + MINIMAL_RULE.replace("requests.granted.natural_person", "__import__('os')"), ":10",
     "rhs"),
    ("name: custom\nrules:" + MINIMAL_RULE.replace("rhs:", "rhss:"), ":10", "rhss"),
    ("name: custom\nrules:" + MINIMAL_RULE + MINIMAL_RULE, ":12", "my-rule"),
    ("name: custom\nrules: [\n", ":", "YAML"),
    ("name: custom\nextra: 1\nrules: []\n", ":2", "extra"),
])
def test_errors_name_file_line_and_key(tmp_path, registry, body, where, words):
    path = write(tmp_path, body)
    with pytest.raises(RulesetError) as err:
        load_ruleset(path, registry)
    assert path + where in err.value.en
    assert words in err.value.en


def test_yaml_tags_cannot_construct_objects(tmp_path, registry):
    path = write(tmp_path, "name: custom\nrules: !!python/object/apply:os.system ['touch /tmp/pwned']\n")
    with pytest.raises(RulesetError):
        load_ruleset(path, registry)


def test_aliases_are_refused_so_a_yaml_bomb_cannot_expand(tmp_path, registry):
    bomb = "name: custom\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nrules: []\n"
    with pytest.raises(RulesetError) as err:
        load_ruleset(write(tmp_path, bomb), registry)
    assert "alias" in err.value.en


def test_oversized_ruleset_is_refused(tmp_path, registry):
    path = tmp_path / "big.yaml"
    path.write_text("name: big\nrules: []\n# " + "x" * 1_100_000, encoding="utf-8")
    with pytest.raises(RulesetError) as err:
        load_ruleset(str(path), registry)
    assert "too large" in err.value.en


def test_messages_cannot_reach_attributes(tmp_path, registry, lint_text):
    import factory as F
    from report_lint import engine

    body = "name: custom\nrules:" + MINIMAL_RULE.replace("{zh: 不相等, en: not equal}",
                                                          "{zh: '{lhs.__class__} {lhs}', en: '{rhs.__init__.__globals__}'}")
    ruleset = load_ruleset(write(tmp_path, body), registry)
    report = lint_text(F.render_text(F.make_report(3))).report
    report.tables["requests"]["granted"]["total"] = report.value("requests.granted.natural_person") + 1
    findings = engine.run(report, ruleset, registry)
    message = next(f for f in findings if f.rule == "my-rule")
    assert "{lhs.__class__}" in message.message_zh
    assert "__globals__" in message.message_en and "function" not in message.message_en


@pytest.mark.parametrize("params,words", [
    ("      lhs: requests.{r}.total\n      rhs: requests.granted.total\n", "{r}"),
    ("      foreach: {c: [total]}\n      lhs: requests.granted.{c}\n      rhs: requests.granted.{x}\n", "{x}"),
    ("      lhs: a\n      rhs: b\n      locate: requests.(\n", "locate"),
])
def test_expressions_are_checked_when_the_ruleset_is_loaded(tmp_path, registry, params, words):
    body = ("name: custom\nrules:\n  - id: r\n    kind: identity\n    category: arithmetic\n    severity: error\n"
            "    message: {zh: a}\n    params:\n" + params)
    path = write(tmp_path, body)
    with pytest.raises(RulesetError) as err:
        load_ruleset(path, registry)
    assert words in err.value.en and f"{path}:" in err.value.en


def test_key_lists_are_checked_too(tmp_path, registry):
    body = ("name: custom\nrules:\n  - id: r\n    kind: number_form\n    category: arithmetic\n    severity: error\n"
            "    message: {zh: a}\n    params:\n      keys: [requests.granted.total, \"requests.{r}.total\"]\n")
    path = write(tmp_path, body)
    with pytest.raises(RulesetError) as err:
        load_ruleset(path, registry)
    assert "keys[1]" in err.value.en and "{r}" in err.value.en
