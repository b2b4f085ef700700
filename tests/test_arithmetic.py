"""Identities in exact decimals, with the rounding interval of amounts written with
decimals (万元 to two places): rounding never raises a false alarm."""

from decimal import Decimal

from report_lint.checks.arithmetic import run_identity
from report_lint.report import Provenance, Report
from report_lint.rules import Rule


def rule(lhs, rhs, **params):
    return Rule(id="r", kind="identity", category="arithmetic", severity="error",
                message={"zh": "{lhs} ≠ {rhs}", "en": "{lhs} != {rhs}"}, summary={"zh": "s", "en": "s"},
                params={"lhs": lhs, "rhs": rhs, **params})


def report(**cells):
    tables = {"t": {"x": {k: (None if v is None else Decimal(v)) for k, v in cells.items()}}}
    return Report(tables=tables, provenance={f"t.x.{k}": Provenance(v, status="number" if v else "blank")
                                             for k, v in cells.items()})


def test_rounded_amounts_pass_within_their_interval():
    r = report(total="1.00", a="0.33", b="0.33", c="0.33")
    assert list(run_identity(rule("t.x.total", "t.x.a + t.x.b + t.x.c"), r)) == []


def test_a_real_difference_is_found_with_both_sides():
    r = report(total="1.00", a="0.33", b="0.33", c="0.30")
    [finding] = list(run_identity(rule("t.x.total", "t.x.a + t.x.b + t.x.c"), r))
    assert finding.found == Decimal("1.00") and finding.expected == Decimal("0.96")
    assert finding.message_en == "1.00 != 0.96"


def test_whole_numbers_have_no_tolerance():
    r = report(total="10", a="4", b="5")
    assert len(list(run_identity(rule("t.x.total", "t.x.a + t.x.b"), r))) == 1


def test_explicit_tolerance_and_inequalities():
    r = report(total="10", a="4", b="5")
    assert list(run_identity(rule("t.x.total", "t.x.a + t.x.b", tolerance=1), r)) == []
    assert list(run_identity(rule("t.x.total", "t.x.a + t.x.b", op=">="), r)) == []
    assert len(list(run_identity(rule("t.x.total", "t.x.a + t.x.b", op="<="), r))) == 1


def test_an_unreadable_operand_cannot_be_assessed_never_passes_or_fails():
    r = report(total="10", a="4", b=None)
    [finding] = list(run_identity(rule("t.x.total", "t.x.a + t.x.b"), r))
    assert finding.severity == "info" and not finding.assessable
    assert "t.x.b" in finding.message_en


def test_foreach_covers_every_binding():
    r = Report(tables={"t": {"a": {"x": Decimal(1), "y": Decimal(2)}, "b": {"x": Decimal(1), "y": Decimal(3)}}})
    findings = list(run_identity(rule("t.a.{c}", "t.b.{c}", foreach={"c": ["x", "y"]}), r))
    assert [f.key for f in findings] == ["t.a.y"]
