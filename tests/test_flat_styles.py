"""Flattened tables in every style of ``flat_styles``, as text, Markdown and web pages:
a value is never wrong, 表三 and 表四 come back whole wherever their digits allow one
reading, clean reports raise nothing beyond the unreadable 表二 rows, and the planted
faults are found."""

import pytest

import factory as F
import flat_styles as S
from report_lint.lint import lint_file

# Styles whose text loses what a reading needs: cells there may stay unreadable (never wrong).
LOSSY = {
    "no-header": "表四 without its header words is not recognised as 表四",
    "no-header-table": "表四 without its header words is not recognised as 表四",
    "page-break-table": "a page number inside a one-line table mixes with the cells around it",
    "stray-space": "a space inside a number that the identities cannot place",
    "stray-space-table": "a space inside a number that the identities cannot place",
    "thousands-glued": "grouped numbers run together have no single reading",
}
KINDS = ("normal", "nopostcode", "large", "zeros")
HTML_STYLES = ("glued-rows", "space-rows", "pipe-rows", "thousands-space", "stray-space", "page-break")


@pytest.fixture
def lint_styled(tmp_path, registry, national):
    def run(report, style, html=False):
        if html:
            path = tmp_path / "report.html"
            path.write_text(S.render_html(report, style), encoding="utf-8")
        else:
            path = tmp_path / f"report{S.suffix(style)}"
            path.write_text(S.render(report, style), encoding="utf-8")
        result = lint_file(registry, str(path), lambda r: national)
        assert result.error is None, result.error
        return result

    return run


def check_cells(report, result, style) -> list[str]:
    """Fails on any wrong value; returns the unreadable cells, allowed in 表二 only unless
    the style is lossy."""
    unreadable = []
    for key, value in F.iter_cells(report.tables):
        table, row, col = key.split(".")
        got = result.report.tables[table][row][col]
        if got is None and value is not None:
            unreadable.append(key)
            continue
        assert got == value, f"{style}: {key} read as {got!r}, printed {value!r}"
    if style not in LOSSY:
        assert [k for k in unreadable if not k.startswith("active_disclosure.")] == [], style
    return unreadable


def expected_noise(finding) -> bool:
    """An unreadable row is said by its parse warning (and by nothing else: the row is
    there, so tables-present does not call it missing)."""
    return finding.category == "parse"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("style", S.STYLES)
def test_every_readable_cell_right_and_no_false_alarm(style, kind, lint_styled):
    report = S.report_variant(1, kind)
    result = lint_styled(report, style)
    check_cells(report, result, style)
    if style not in LOSSY:
        noise = [(f.rule, f.message_en) for f in result.findings if f.severity != "info" and not expected_noise(f)]
        assert noise == []


@pytest.mark.parametrize("style", HTML_STYLES)
def test_flattened_paragraphs_of_a_page_too(style, lint_styled):
    report = S.report_variant(2, "nopostcode")
    check_cells(report, lint_styled(report, style, html=True), style)


def test_tables_are_recovered_without_a_postcode_anywhere(lint_styled):
    """Recovery once depended on a run of six digits after a CJK character, which in the
    fixtures only the postcode supplied."""
    report = S.report_variant(3, "nopostcode")
    assert "邮编" not in S.render(report, "space-rows")
    result = lint_styled(report, "space-rows")
    assert result.report.tables["requests"]["new_received"]["total"] == F.get_cell(
        report.tables, "requests.new_received.total")


def _column_fault(report):
    """A 表三 column that no longer adds up while every row still does."""
    natural = F.get_cell(report.tables, "requests.granted.natural_person")
    total = F.get_cell(report.tables, "requests.granted.total")
    report = F.with_cell(report, "requests.granted.natural_person", natural + 1)
    return F.with_cell(report, "requests.granted.total", total + 1)


FAULTS = {**{c: (plant, c) for c, plant in F.PLANTED_FAULTS.items()},
          "blank-slash": (lambda r: F.with_blank_cell(r, "requests.granted.research", "/"), "blank-cells"),
          "column": (_column_fault, "arithmetic")}
# Where the planted cell sits in a table a lossy style cannot read, the fault cannot be found.
UNFINDABLE = {("no-header", "arithmetic"), ("no-header-table", "arithmetic"), ("page-break-table", "column")}


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("style", S.STYLES)
def test_each_planted_fault_is_found(style, fault, lint_styled):
    if (style, fault) in UNFINDABLE:
        pytest.skip(LOSSY[style])
    plant, category = FAULTS[fault]
    result = lint_styled(plant(F.make_report(21)), style)
    found = [f for f in result.findings if category in (f.category, f.rule) and f.assessable]
    if category == "arithmetic" and not found:
        # Digits that no split makes add up: the row stays unreadable and the parse warning
        # says the printed numbers may be wrong; they are never silently "fixed".
        found = [f for f in result.findings if f.category == "parse" and "may be wrong" in f.message_en]
    assert found, f"{style}: {fault} not found: {[(f.rule, f.message_en) for f in result.findings]}"


def test_a_table_found_but_unreadable_is_not_called_missing(lint_styled):
    """表四's digits that no split makes add up leave every cell unreadable: the table is
    there, and the finding says so rather than "not found"."""
    result = lint_styled(F.PLANTED_FAULTS["arithmetic"](F.make_report(21)), "glued-rows")
    present = [f for f in result.findings if f.rule == "tables-present"]
    assert [f.message_en for f in present] == [
        "table 4 (review and litigation): the table is there but none of its cells could be read"]
    assert "找到了该表" in present[0].message_zh
    missing = lint_styled(F.without_section(F.make_report(21), 4), "space-rows")
    assert [f.message_en for f in missing.findings if f.rule == "tables-present"] == [
        "table 4 (review and litigation): table not found"]


def test_a_row_several_splits_fit_is_unreadable_not_missing(lint_styled):
    """表二 has no identity: '3320' may be 3|3|20 or 3|32|0. The row is there and its
    digits are consistent, so the parse warning says it is unreadable and tables-present
    does not call it missing; the Report names the row the warning is about."""
    result = lint_styled(F.make_report(3), "glued-rows")
    warned = [f for f in result.findings if f.category == "parse" and f.severity == "warning"]
    assert len(warned) == 1 and "行政规范性文件" in warned[0].message_zh
    assert not [f for f in result.findings if f.rule == "tables-present"]
    assert [p["unreadable"] for p in result.report.problems if p.get("unreadable")] == [
        "active_disclosure.normative_documents"]
