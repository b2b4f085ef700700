"""Fictional reports rendered as .docx in several styles: every table cell read exactly,
planted faults found, tracked changes and comments reported, automatic numbering
rendered, properties and locations available."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import docx_factory as D
import factory as F
from conftest import run_cli
from test_planted_faults import PLANTS

pytest.importorskip("lxml")

from report_lint_docx.reader import parse  # noqa: E402

STYLE_NAMES = sorted(D.STYLES)


@pytest.fixture
def lint_docx(tmp_path, registry, national):
    from report_lint.lint import lint_file

    def run(data: bytes, name: str = "report.docx", **kwargs):
        path = tmp_path / name
        path.write_bytes(data)
        return lint_file(registry, str(path), lambda report: national, **kwargs)

    return run


def canonical(tables: dict) -> dict:
    """Values as Decimals, so that 10.0 (JSON) and Decimal("10.0") (factory) compare equal."""
    return {k: (None if v is None else Decimal(str(v))) for k, v in F.iter_cells(tables)}


def rules_of(result, *severities):
    return [f.rule for f in result.findings if not severities or f.severity in severities]


# -- tables ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("style", STYLE_NAMES)
@pytest.mark.parametrize("seed", [0, 1, 2, 5, 8])
def test_every_table_cell_is_read_exactly(seed, style, lint_docx):
    report = F.make_report(seed)
    result = lint_docx(D.render_docx(report, style=style, split_table=seed % 2 == 1, toc=seed == 2))
    assert result.error is None
    assert canonical(result.report.tables) == canonical(report.tables)
    assert not result.report.problems


def test_report_lint_parse_prints_the_factory_tables(tmp_path):
    report = F.with_raw_cell(F.make_report(4), "active_disclosure.regulations.issued", "22（其中修订16件）", 22)
    report = F.with_blank_cell(report, "requests.other_other.research", "/")
    path = tmp_path / "r.docx"
    path.write_bytes(D.render_docx(report, style="wps"))
    out = run_cli("parse", str(path))
    assert out.returncode == 0, out.stderr
    parsed = json.loads(out.stdout)
    assert canonical(parsed["tables"]) == canonical(F.tables_to_jsonable(report.tables))
    assert parsed["provenance"]["requests.other_other.research"]["status"] == "dash"
    assert parsed["provenance"]["active_disclosure.regulations.issued"]["raw"] == "22（其中修订16件）"
    assert parsed["source"]["format"] == "docx"


@pytest.mark.parametrize("name", list(D.WIDTHS))
def test_merged_tables_are_the_full_grid_word_shows(name):
    report = F.make_report(6)
    doc = parse(D.render_docx(report, style="word"), "r.docx")
    rows = D.factory_rows(report, name)
    specs = D.word_rows(rows, D.WIDTHS[name])
    table = doc.tables()[list(D.WIDTHS).index(name)]
    assert table.texts() == D.expected_grid(specs)
    assert all(len(row) == D.WIDTHS[name] for row in table.rows)
    own = sum(1 for row in table.rows for cell in row if cell.span_origin is None)
    assert own == sum(1 for row in specs for cell in row if cell.vmerge != "continue")
    for row in table.rows:
        for cell in row:
            if cell.span_origin is not None:
                r, c = cell.span_origin
                assert table.rows[r][c].text == cell.text and table.rows[r][c].span_origin is None


def test_the_split_table_and_the_nested_table_keep_every_value(lint_docx):
    report = F.make_report(9)
    data = D.render_docx(report, style="outline", split_table=True, nested_table=True)
    doc = parse(data, "r.docx")
    assert len(doc.tables()) == 4
    first = doc.tables()[0]
    assert first.rows[0][0].text == "第二十条第（一）项\n" + "\t".join(D.NESTED_TEXT)
    assert len(first.rows[0]) == 4
    result = lint_docx(data)
    assert canonical(result.report.tables) == canonical(report.tables)


def test_cells_with_spaces_and_full_width_digits_are_numbers(lint_docx):
    report = F.make_report(12)
    data = D.render_docx(report, style="wps")
    doc = parse(data, "r.docx")
    raw = [c.text for t in doc.tables() for row in t.rows for c in row]
    assert any(t.startswith(" ") and t.strip().isdigit() for t in raw)
    assert any(any("\uff10" <= ch <= "\uff19" for ch in t) for t in raw)
    assert canonical(lint_docx(data).report.tables) == canonical(report.tables)


# -- findings -------------------------------------------------------------------------------------

@pytest.mark.parametrize("style", STYLE_NAMES)
@pytest.mark.parametrize("seed", [3, 4])
def test_clean_reports_have_no_error_and_no_warning(seed, style, lint_docx):
    result = lint_docx(D.render_docx(F.make_report(seed), style=style))
    assert result.error is None
    assert rules_of(result, "error", "warning") == [], [(f.rule, f.message_en) for f in result.findings]


@pytest.mark.parametrize("style", ["word", "wps"])
@pytest.mark.parametrize("category", sorted(PLANTS))
def test_each_planted_fault_is_found(category, style, lint_docx):
    report = PLANTS[category](F.make_report(21))
    result = lint_docx(D.render_docx(report, style=style))
    found = [f for f in result.findings if f.category == category and f.assessable]
    assert found, f"{category} fault not found: {[(f.rule, f.message_en) for f in result.findings]}"
    others = [f for f in result.findings if f.category != category and f.severity == "error"]
    assert not others, [(f.rule, f.message_en) for f in others]


def test_findings_point_at_the_cell_or_the_paragraph(lint_docx):
    report = F.make_report(21)
    key = "requests.granted.natural_person"
    faulty = F.with_paragraph_appended(F.with_cell(report, key, F.get_cell(report.tables, key) + 3), 5,
                                       "我们将进一步加强对信息公开的的监督。")
    result = lint_docx(D.render_docx(faulty, style="word"))
    arithmetic = [f for f in result.findings if f.category == "arithmetic" and f.assessable]
    assert arithmetic and all(f.location.table == 2 for f in arithmetic)
    row_total = [f for f in arithmetic if f.rule == "t3-row-total"]
    assert row_total and (row_total[0].location.row, row_total[0].location.col) == (6, 10)
    doubled = [f for f in result.findings if f.rule == "text-repeated-characters"]
    assert doubled and doubled[0].location.paragraph is not None and doubled[0].location.line is None
    doc = parse(D.render_docx(faulty, style="word"), "r.docx")
    paragraph = next(b for b in doc.blocks if b.location.paragraph == doubled[0].location.paragraph)
    assert "的的" in paragraph.text


def test_tracked_changes_and_comments_are_findings_and_the_text_is_accepted(lint_docx, tmp_path):
    report = F.make_report(2)
    data = D.render_docx(report, style="word", revisions=True, comments=True)
    result = lint_docx(data)
    changes = [f for f in result.findings if f.rule == "text-tracked-changes"]
    comments = [f for f in result.findings if f.rule == "text-comments"]
    assert sorted(f.found for f in changes) == sorted([D.REVISION_INSERTED, D.REVISION_DELETED])
    assert {f.category for f in changes + comments} == {"text"}
    problems = D.revised_text(report.sections_text[5][0])
    texts = {t.text: t.location for t in result.report.texts}
    assert problems in texts and all(f.location == texts[problems] for f in changes)
    assert not any(D.REVISION_DELETED in t for t in texts)
    assert sorted(f.found for f in comments) == sorted([D.COMMENT_TEXT, D.TABLE_COMMENT_TEXT])
    cell = next(f for f in comments if f.found == D.TABLE_COMMENT_TEXT)
    assert (cell.location.table, cell.location.row, cell.location.col) == (2, 4, 10)
    para = next(f for f in comments if f.found == D.COMMENT_TEXT)
    assert para.location.paragraph == texts[report.sections_text[6][0]].paragraph
    assert D.AUTHOR in para.message_zh
    assert [r for r in rules_of(result, "error", "warning") if r not in ("text-tracked-changes", "text-comments")] == []
    # the CLI shows where: ¶ for paragraphs, T R C for cells
    path = tmp_path / "marked.docx"
    path.write_bytes(data)
    out = run_cli(str(path))
    assert out.returncode == 0 and ":T2 R4 C10: warning text-comments" in out.stdout
    assert f":¶{texts[problems].paragraph}: warning text-tracked-changes" in out.stdout


# -- numbering -------------------------------------------------------------------------------------

@pytest.mark.parametrize("style", ["word", "outline"])
def test_automatically_numbered_headings_are_not_numbering_faults(style, lint_docx):
    report = F.make_report(7)
    data = D.render_docx(report, style=style)
    assert "一、" not in parse(data, "r.docx").blocks[0].text
    xml = D.render_docx(report, style=style)
    import io
    import zipfile

    document = zipfile.ZipFile(io.BytesIO(xml)).read("word/document.xml").decode()
    assert "总体情况" in document and "一、总体情况" not in document and "五、存在" not in document
    result = lint_docx(data)
    assert [s.numbering for s in result.report.sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert "sections-numbering" not in rules_of(result)


def test_a_typed_arabic_number_is_a_numbering_fault(lint_docx):
    report = F.with_heading(F.make_report(7), 5, "5、存在的主要问题及改进情况")
    result = lint_docx(D.render_docx(report, style="word"))
    numbering = [f for f in result.findings if f.rule == "sections-numbering"]
    assert len(numbering) == 1 and numbering[0].found == "5、存在的主要问题及改进情况"
    assert numbering[0].location.paragraph is not None


def test_a_missing_section_with_automatic_numbers_restarted_by_the_author(lint_docx):
    report = F.without_section(F.make_report(7), 3)
    result = lint_docx(D.render_docx(report, style="word"))
    rules = rules_of(result)
    assert "sections-present" in rules and "sections-numbering" not in rules
    assert result.report.section(4).numbering == "四、"


# -- properties and the command line ------------------------------------------------------------

def test_document_properties_are_in_the_report(lint_docx):
    report = F.make_report(1)
    result = lint_docx(D.render_docx(report, style="word"))
    props = result.report.properties
    assert props["title"] == report.title
    assert props["created"] == f"{report.year + 1}-01-15T08:30:00Z"
    assert props["modified"] == f"{report.year + 1}-01-15T16:45:00Z"
    assert props["application"] == "Microsoft Office Word"


def test_headers_footers_text_boxes_and_fields(lint_docx):
    report = F.make_report(1)
    result = lint_docx(D.render_docx(report, style="word"))
    texts = [t.text for t in result.report.texts]
    assert not any(D.HEADER_TEXT in t or t.startswith("—") for t in texts)
    assert texts.count(D.TEXT_BOX) == 1
    assert any(t.endswith(report.preface) or report.period_text in t for t in texts)
    assert not any("DATE" in t for t in texts)


def test_a_docx_under_another_name_is_recognized(tmp_path):
    data = D.render_docx(F.make_report(3), style="plain")
    (tmp_path / "report.bin").write_bytes(data)
    (tmp_path / "report.doc").write_bytes(data)
    out = run_cli(str(tmp_path / "report.bin"), str(tmp_path / "report.doc"), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    files = json.loads(out.stdout)["files"]
    assert [f["error"] for f in files] == [None, None]
    assert all(f["year"] for f in files)
