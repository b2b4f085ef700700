"""Fictional reports drawn as PDF in several layouts (pdf_factory.py), linted end to end:
every table cell comes back, clean reports raise nothing, each planted fault is found,
tables continued on the next page are joined, page furniture is not body text."""

from __future__ import annotations

import pytest

import factory as F

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

import pdf_factory as P  # noqa: E402
from report_lint.document import Table  # noqa: E402
from report_lint.lint import lint_file  # noqa: E402

RULED = ["ruled", "repeat", "vertical", "dash-pages"]


@pytest.fixture
def lint_pdf(tmp_path, registry, national):
    def run(report, layout, lead_lines=0):
        path = tmp_path / "report.pdf"
        path.write_bytes(P.render_pdf(report, layout, lead_lines=lead_lines))
        return lint_file(registry, str(path), lambda r: national)

    return run


def value(result, key):
    table, row, col = key.split(".")
    return result.report.tables[table][row][col]


@pytest.mark.parametrize("layout", RULED)
@pytest.mark.parametrize("seed,lead", [(30, 0), (31, 4), (32, 12)])
def test_every_cell_and_no_false_alarm(seed, lead, layout, lint_pdf):
    report = F.make_report(seed)
    result = lint_pdf(report, layout, lead)
    assert result.error is None
    for key, expected in F.iter_cells(report.tables):
        assert value(result, key) == expected, key
    noise = [(f.rule, f.message_en) for f in result.findings if f.severity != "info"]
    assert noise == []


@pytest.mark.parametrize("layout", ["ruled", "repeat"])
def test_a_table_continued_on_the_next_page_is_one_table(layout, tmp_path):
    from report_lint_pdf.reader import parse

    report = F.make_report(31)
    doc = parse(P.render_pdf(report, layout, lead_lines=4), "r.pdf")
    requests = [t for t in doc.tables() if "申请人情况" in t.all_text()]
    assert len(requests) == 1
    table = requests[0]
    assert len(table.rows) == 28 and len(table.rows[0]) == 10  # a repeated header is read once
    pages = {c.location.page for row in table.rows for c in row}
    assert len(pages) == 2
    labels = [row[1].text for row in table.rows]
    assert labels.count("（四）无法提供") >= 1 and "三、本年度办理结果" == table.rows[5][0].text


def test_a_label_one_character_per_line_reads_as_one_text():
    from report_lint_pdf.reader import parse

    doc = parse(P.render_pdf(F.make_report(30), "vertical"), "r.pdf")
    table = [t for t in doc.tables() if "申请人情况" in t.all_text()][0]
    column = [row[0] for row in table.rows[5:27]]
    assert column[0].text == "三、本年度办理结果" and column[0].rowspan == 22
    assert all(c.span_origin == (5, 0) for c in column[1:])
    assert column[0].location.bbox is not None and column[0].location.table == table.index


@pytest.mark.parametrize("layout", ["ruled", "dash-pages", "repeat"])
def test_page_numbers_and_running_headers_are_not_text(layout):
    from report_lint_pdf.reader import parse

    report = F.make_report(32)
    doc = parse(P.render_pdf(report, layout, lead_lines=8), "r.pdf")
    texts = [b.text for b in doc.blocks if not isinstance(b, Table)]
    assert not any(t.strip("-— 0123456789") == "" for t in texts)
    assert sum(t.startswith(report.organ) for t in texts) == 1  # the title only
    assert texts[0] == report.title


@pytest.mark.parametrize("layout", ["ruled", "vertical", "repeat"])
@pytest.mark.parametrize("category", sorted(F.PLANTED_FAULTS))
def test_each_planted_fault_is_found(category, layout, lint_pdf):
    result = lint_pdf(F.PLANTED_FAULTS[category](F.make_report(33)), layout, 4)
    found = [f for f in result.findings if f.category == category and f.assessable]
    assert found, f"{category} fault not found: {[(f.rule, f.message_en) for f in result.findings]}"
    assert category == "structure" or all(f.location.page for f in found)  # a missing section has no place
    others = [(f.rule, f.message_en) for f in result.findings if f.category != category and f.severity == "error"]
    assert others == []


@pytest.mark.parametrize("seed", [30, 32, 33])
def test_a_table_without_lines_never_gives_a_wrong_value(seed, lint_pdf):
    """Columns come from where the text stands; a wrapped label leaves its row
    unreadable and reported as uncertain rather than shifting values into another row."""
    report = F.make_report(seed)
    result = lint_pdf(report, "lineless")
    assert result.error is None
    read = 0
    for key, expected in F.iter_cells(report.tables):
        got = value(result, key)
        assert got is None or got == expected, key
        read += got is not None
    assert read >= 150
    for key in ("requests.new_received.total", "requests.total_processed.total", "requests.granted.natural_person"):
        assert value(result, key) == F.get_cell(report.tables, key)
    uncertain = [f for f in result.findings if f.category == "parse" and "could not be placed" in f.message_en]
    assert uncertain and all(f.location.page for f in uncertain)
