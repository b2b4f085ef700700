"""Hostile rulesets (tests/hostile_factory.py): refused with the file, the line and the
reason, exit code 2, and no code run (a canary file that code would create stays
absent). Patterns run on RE2: a catastrophic pattern costs one linear pass."""

from __future__ import annotations

import os
import re

import pytest
from click.testing import CliRunner

import hostile_factory as HF
from report_lint.batch import lint_with_timeout
from report_lint.cli import main
from report_lint.errors import RulesetError
from report_lint.ruleset import load_ruleset

CLEAN = os.path.join(os.path.dirname(__file__), "rule_cases", "clean.txt")
CASES = HF.hostile_rulesets("/tmp/report-lint-canary-never")


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_ruleset_is_refused_with_file_line_and_reason(name, tmp_path, registry):
    text, line, words = CASES[name]
    canary = tmp_path / "canary"
    text = text.replace("/tmp/report-lint-canary-never", str(canary))
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesetError) as err:
        load_ruleset(str(path), registry)
    message = err.value.zh + " | " + err.value.en
    assert str(path) in message, message
    assert "root:x:0" not in message  # no other file is echoed
    if line is not None:
        assert re.search(re.escape(str(path)) + r":\d+", message), message
    assert not words or any(w in message for w in words), (words, message)
    result = CliRunner().invoke(main, ["check", "--isolated", "--ruleset", str(path), CLEAN])
    assert result.exit_code == 2, result.output
    assert str(path) in result.output and "Traceback" not in result.output
    assert not canary.exists()


def test_a_catastrophic_pattern_returns_within_the_time_limit(tmp_path, registry):
    """``(a+)+$`` over a paragraph of 200,000 a's and a b: a backtracking engine would
    not finish; the 10 s limit of the run stops the file if RE2 did not."""
    rules = tmp_path / "rules.yaml"
    rules.write_text("name: r\nrules:\n  - id: catastrophic\n    kind: pattern\n    category: text\n"
                     "    severity: warning\n    message: {zh: '{found}', en: '{found}'}\n"
                     "    params: {regex: '(a+)+$'}\n  - id: nested\n    kind: pattern\n    category: text\n"
                     "    severity: warning\n    message: {zh: '{found}', en: '{found}'}\n"
                     "    params: {regex: '(x+x+)+y', max_findings: 3}\n", encoding="utf-8")
    report = tmp_path / "long.txt"
    report.write_text("一、总体情况\n" + "a" * 200_000 + "b\n" + "x" * 100_000 + "\n" + "aaa\n", encoding="utf-8")
    ruleset = load_ruleset(str(rules), registry)
    result = lint_with_timeout(registry, str(report), lambda r: ruleset, None, None, False, 10)
    assert result.error is None, result.error and result.error.en
    hits = [f for f in result.findings if f.rule == "catastrophic"]
    assert [f.found for f in hits] == ["aaa"] and hits[0].location.line == 4
    assert not [f for f in result.findings if f.rule == "nested"]
