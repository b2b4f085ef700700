"""Fictional reports in the page markups of ``html_variants`` (CMS editors, Word, WPS
and Excel exports, old hand-made sites), written blind to the parser: every table cell
comes back, clean reports raise nothing, the planted faults are found, and where a
layout loses what a reading needs no value is ever wrong."""

import pytest

import factory as F
import html_variants as V
from report_lint.lint import lint_file

# The encodings real sites of each kind use; the rest are UTF-8.
ENCODING = {"layout-table": "gb2312", "html4-upper": "gbk", "wps": "gb2312", "excel": "gbk", "br-cells": "gb18030"}
# Every layout is read in full. (fill-merged and t4-vertical were once read in part only:
# a layout added here that is not should get a test that its cells are never wrong.)
READ = list(V.LAYOUTS)


@pytest.fixture
def lint_variant(tmp_path, registry, national):
    def run(report, layout, encoding=None, declare="default"):
        path = tmp_path / "report.html"
        path.write_bytes(V.render(report, layout, encoding or ENCODING.get(layout, "utf-8"), declare=declare))
        result = lint_file(registry, str(path), lambda r: national)
        assert result.error is None, result.error
        return result

    return run


def cells(report, result) -> tuple[list, list]:
    """(wrong, unreadable) cells of ``result`` against the printed report."""
    wrong, unreadable = [], []
    for key, value in F.iter_cells(report.tables):
        table, row, col = key.split(".")
        got = result.report.tables[table][row][col]
        if got is None and value is not None:
            unreadable.append(key)
        elif got != value:
            wrong.append((key, got, value))
    return wrong, unreadable


@pytest.mark.parametrize("seed", [30, 35])
@pytest.mark.parametrize("layout", READ)
def test_every_cell_and_no_false_alarm(layout, seed, lint_variant):
    report = F.make_report(seed)
    result = lint_variant(report, layout)
    assert cells(report, result) == ([], [])
    assert [(f.rule, f.message_en) for f in result.findings if f.severity != "info"] == []


@pytest.mark.parametrize("category", sorted(F.PLANTED_FAULTS))
@pytest.mark.parametrize("layout", READ)
def test_each_planted_fault_is_found(layout, category, lint_variant):
    result = lint_variant(F.PLANTED_FAULTS[category](F.make_report(33)), layout)
    assert [f for f in result.findings if f.category == category and f.assessable], category
    others = [(f.rule, f.message_en) for f in result.findings if f.category != category and f.severity == "error"]
    assert others == []


@pytest.mark.parametrize("encoding,declare", [("utf-8", None), ("gbk", "meta"), ("gbk", None), ("gb18030", None),
                                              ("gb2312", "http-equiv")])
@pytest.mark.parametrize("layout", ["thead-th", "xhtml"])
def test_declared_or_not_every_encoding_reads_the_same(layout, encoding, declare, lint_variant):
    report = F.make_report(31)
    assert cells(report, lint_variant(report, layout, encoding, declare)) == ([], [])


PROSE = "在公文拟制环节同步明确公开方式，定期对已公开的行政规范性文件的有效性进行清理评估。"


@pytest.mark.parametrize("layout", ["thead-th", "ueditor"])
def test_report_prose_naming_info_box_words_is_kept(layout, lint_variant):
    """Two info-box words (公开方式, 有效性) or a cue word (相关信息) in a sentence of the
    report is prose, not the page's publication-info box: a fault in it is found."""
    for section, text, category in ((1, PROSE + "本年度共收到政府信息公开申请9999件。", "consistency"),
                                    (1, "相关信息均已在门户网站集中发布，本年度共收到政府信息公开申请9999件。", "consistency")):
        report = F.with_paragraph_appended(F.make_report(33), section, text)
        result = lint_variant(report, layout)
        assert [f for f in result.findings if f.category == category and f.assessable], text
