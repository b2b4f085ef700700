"""Fictional reports rendered as web pages, in several layouts and encodings, linted end
to end: every table cell comes back, clean reports raise nothing, and the fault planted
in each category is found."""

from pathlib import Path

import pytest

import factory as F
import html_factory as H
from report_lint.lint import lint_file

LAYOUTS = [("plain", "utf-8", "same"), ("spans", "gb18030", None), ("gov", "gbk", "same"), ("word", "gb2312", "same"),
           ("portal", "utf-8", "same"), ("gov", "gbk", "utf-8"), ("flat", "utf-8", "same"), ("flat-line", "gbk", None)]
PAGES = Path(__file__).parent / "pages"
IDS = [f"{layout}-{encoding}-{declare or 'undeclared'}" for layout, encoding, declare in LAYOUTS]


@pytest.fixture
def lint_page(tmp_path, registry, national):
    def run(report, layout, encoding, declare):
        path = tmp_path / "report.html"
        path.write_bytes(H.page_bytes(report, layout, encoding, declare=declare))
        return lint_file(registry, str(path), lambda r: national)

    return run


def flat(layout: str) -> bool:
    return layout.startswith("flat")


def expected_noise(layout: str, finding) -> bool:
    """On flattened pages 表二's three-column rows have no identity to split them by:
    they are unreadable, which the parse warning says."""
    return flat(layout) and (finding.category == "parse" or finding.rule == "blank-cells")


@pytest.mark.parametrize("layout,encoding,declare", LAYOUTS, ids=IDS)
@pytest.mark.parametrize("seed", [30, 31, 32])
def test_every_cell_and_no_false_alarm(seed, layout, encoding, declare, lint_page):
    report = F.make_report(seed)
    result = lint_page(report, layout, encoding, declare)
    assert result.error is None
    tables = result.report.tables
    for key, value in F.iter_cells(report.tables):
        table, row, col = key.split(".")
        got = tables[table][row][col]
        if flat(layout) and got is None and table == "active_disclosure":
            continue
        assert got == value, key
    noise = [(f.rule, f.message_en) for f in result.findings
             if f.severity != "info" and not expected_noise(layout, f)]
    assert noise == []


PLANTS = F.PLANTED_FAULTS


@pytest.mark.parametrize("layout,encoding,declare", LAYOUTS, ids=IDS)
@pytest.mark.parametrize("category", sorted(PLANTS))
def test_each_planted_fault_is_found(category, layout, encoding, declare, lint_page):
    result = lint_page(PLANTS[category](F.make_report(33)), layout, encoding, declare)
    found = [f for f in result.findings if f.category == category and f.assessable]
    if category == "arithmetic" and flat(layout):
        # Run-together digits that no split can make add up: the row is unreadable and the
        # parse warning says the row itself may be wrong; it is never silently "fixed".
        found = [f for f in result.findings if f.category == "parse" and "表四" in f.message_zh
                 and "may be wrong" in f.message_en]
        assert result.report.tables["review_litigation"]["review"]["pending"] is None
        # …and, as no cell of 表四 could be read, tables-present says the table is unreadable.
        assert [f.message_en for f in result.findings if f.rule == "tables-present"] == [
            "table 4 (review and litigation): the table is there but none of its cells could be read"]
    assert found, f"{category} fault not found: {[(f.rule, f.message_en) for f in result.findings]}"
    others = [(f.rule, f.message_en) for f in result.findings
              if f.category != category and f.severity == "error" and not expected_noise(layout, f)
              and not (category == "arithmetic" and flat(layout) and f.rule == "tables-present")]
    assert others == []


def test_a_finding_in_a_paragraph_points_at_its_element_not_a_made_up_column(lint_page):
    """An offset in an element's text is no column of the source line (markup, entities
    and indentation come first): a finding in a paragraph gives the element's line and
    path, and no column an editor would jump to wrongly."""
    result = lint_page(PLANTS["consistency"](F.make_report(33)), "plain", "utf-8", "same")
    found = [f for f in result.findings if f.category == "consistency" and f.assessable]
    assert found
    for finding in found:
        where = finding.location
        assert where.line and where.path and where.column is None, where


def test_an_undeclared_gbk_page_the_detector_takes_for_cyrillic_is_read_as_gb(registry, national):
    """A fictional GBK report page with no charset anywhere, whose bytes charset-normalizer
    ranks as ISO 8859-5: decoded so, every digit looked right and every word was lost.
    Bytes that decode strictly as GB18030 into Chinese text are taken as GB."""
    result = lint_file(registry, str(PAGES / "gbk-undeclared.html"), lambda r: national)
    assert result.error is None
    assert result.report.properties["encoding"] == "gb18030"
    assert not [f for f in result.findings if f.severity == "error"]
    assert result.report.tables["requests"]["new_received"]["total"] is not None
