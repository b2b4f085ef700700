"""Every rule of every packaged ruleset has a passing and a failing case, run as data."""

import glob
import os

import pytest

from report_lint.plugins import get_registry
from report_lint.ruleset import load_ruleset
from report_lint.testing import iter_cases, run_case

HERE = os.path.dirname(__file__)
CASE_FILES = sorted(glob.glob(os.path.join(HERE, "rule_cases", "*.yaml")))
CASES = [case for path in CASE_FILES for case in iter_cases(path)]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{os.path.basename(c.file)}:{c.id}")
def test_rule_case(case):
    outcome = run_case(case)
    assert outcome.ok, outcome.detail


def test_every_rule_has_a_passing_and_a_failing_case():
    """Each ruleset's own rules need cases; inherited ones are covered by the parent's."""
    registry = get_registry()
    for name, spec in registry.rulesets.items():
        if registry.owners[("ruleset", name)] != "rulesets":
            continue  # third-party rulesets loaded in other tests bring their own cases
        ruleset = load_ruleset(spec.path, registry, trusted=True, locate=True)
        own = [r for r in ruleset.rules if r.origins.get("rule", "").startswith(spec.path + ":")]
        covered = {(c.rule, c.should_fail) for c in CASES if c.ruleset == name}
        missing = [(r.id, kind) for r in own for kind in (False, True) if (r.id, kind) not in covered]
        assert own and not missing, f"{name}: rules without a pass/fail case: {missing}"


def test_every_check_kind_is_used_by_a_tested_rule():
    registry = get_registry()
    used = set()
    for spec in registry.rulesets.values():
        used |= {r.kind for r in load_ruleset(spec.path, registry, trusted=True).rules}
    for own in {c.ruleset for c in CASES if c.ruleset.endswith((".yaml", ".yml"))}:  # a case file's own ruleset
        used |= {r.kind for r in load_ruleset(own, registry).rules if any(c.rule == r.id for c in CASES)}
    builtin = {name for (kind, name), owner in registry.owners.items()
               if kind == "check kind" and owner.startswith("report_lint.")}
    assert builtin <= used, f"check kinds without a rule case: {sorted(builtin - used)}"
