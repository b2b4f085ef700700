"""The docx parser on ../shared/corpus (skipped without it): the official blank template,
and a Word rendering of the seed report built at test time from the shared text file
(never copied into the project)."""

from __future__ import annotations

import json
import os

import pytest

import docx_factory as D
from conftest import CORPUS, run_cli

TEMPLATE = os.path.join(CORPUS, "template", "2021-blank-template.docx")
SEED = os.path.join(CORPUS, "seed", "000_a3951907e971df6f.txt")

pytest.importorskip("lxml")

REQUEST_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（七）总计",
                  "四、结转下年度继续办理"]


@pytest.fixture(scope="module")
def template_result(registry, national):
    if not os.path.exists(TEMPLATE):
        pytest.skip("shared corpus not available")
    from report_lint.lint import lint_file

    return lint_file(registry, TEMPLATE, lambda report: national)


@pytest.fixture(scope="module")
def template_doc():
    if not os.path.exists(TEMPLATE):
        pytest.skip("shared corpus not available")
    from report_lint_docx.reader import parse

    with open(TEMPLATE, "rb") as fh:
        return parse(fh.read(), TEMPLATE)


def test_the_template_parses_into_the_exact_grids(template_doc):
    t2, t3, t4 = template_doc.tables()
    assert (len(t2.rows), len(t2.rows[0])) == (14, 4)
    assert (len(t3.rows), len(t3.rows[0])) == (28, 10)
    assert (len(t4.rows), len(t4.rows[0])) == (4, 15)
    assert t2.texts()[0] == ["第二十条第（一）项"] * 4
    assert t2.texts()[1] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert [c.strip("\u3000") for c in t2.texts()[6]] == ["行政许可", "", "", ""]
    assert t2.rows[6][2].span_origin == (6, 1)
    header = t3.texts()
    assert header[0][:3] == [header[0][0]] * 3 and header[0][0].startswith("（本列数据的勾稽关系为")
    assert header[0][3:] == ["申请人情况"] * 7
    assert header[1][3:] == ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    assert header[2][3:] == ["自然人", "商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    labels = [row[:3] for row in header[3:]]
    assert labels[0] == [REQUEST_LABELS[0]] * 3
    assert labels[2][0] == "三、本年度办理结果" and labels[2][1:] == ["（一）予以公开"] * 2
    assert labels[4] == ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]
    assert labels[5][:2] == ["三、本年度办理结果", "（三）不予公开"]
    assert labels[23][1:] == ["（七）总计"] * 2 and labels[24] == [REQUEST_LABELS[4]] * 3
    assert all(cell == "" for row in header[3:] for cell in row[3:])
    assert t3.rows[26][0].span_origin == (5, 0)  # 三、本年度办理结果 spans 22 rows
    assert t4.texts()[1][5:] == ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert t4.texts()[2][:5] == ["结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]  # two paragraphs each
    assert t4.texts()[3] == [""] * 15
    assert [b.text for b in template_doc.blocks if not hasattr(b, "rows")][1:3] == ["一、总体情况", "（文字描述）"]


def test_the_template_has_every_value_null_and_no_arithmetic_alarm(template_result):
    result = template_result
    assert result.error is None
    tables = result.report.to_json()["tables"]
    values = [v for table in tables.values() for row in table.values() for v in row.values()]
    assert len(values) == 200 and all(v is None for v in values)
    assert [s.numbering for s in result.report.sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert not [f for f in result.findings if f.category == "arithmetic" and f.severity != "info"]
    assert not [f for f in result.findings if f.rule == "sections-numbering"]
    blank_rows = {f.key.rsplit(".", 1)[0] for f in result.findings if f.rule == "blank-cells"}
    assert len(blank_rows) == 6 + 25 + 3  # every row of 表二 and 表三, every block of 表四
    assert {result.report.cell_status(k) for k in result.report.provenance} == {"blank"}
    assert not [f for f in result.findings if f.rule == "tables-present"]
    cannot_assess = [f for f in result.findings if f.category == "arithmetic"]
    assert cannot_assess and all(not f.assessable and f.severity == "info" for f in cannot_assess)


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory):
    if not os.path.exists(SEED):
        pytest.skip("shared corpus not available")
    from report_lint_text.plaintext import parse as parse_text

    with open(SEED, "rb") as fh:
        doc = parse_text(fh.read(), SEED)
    path = tmp_path_factory.mktemp("seed") / "seed.docx"
    path.write_bytes(D.seed_to_docx(doc))
    return path


def test_the_seed_in_word_gives_the_tables_of_its_text_form(seed_docx):
    text = json.loads(run_cli("parse", SEED).stdout)
    word = json.loads(run_cli("parse", str(seed_docx)).stdout)
    assert word["tables"] == text["tables"]
    assert word["source"]["format"] == "docx"
    assert [s["numbering"] for s in word["sections"]] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_the_seed_in_word_has_no_numbering_finding(seed_docx, registry, national):
    from report_lint.lint import lint_file

    result = lint_file(registry, str(seed_docx), lambda report: national)
    rules = [f.rule for f in result.findings]
    assert "sections-numbering" not in rules
    assert not [f for f in result.findings if f.category == "arithmetic"]
    for rule in ("year-plan", "text-repeated-characters", "citation-title"):
        assert rule in rules  # the seed's real faults survive the conversion
    import zipfile

    document = zipfile.ZipFile(seed_docx).read("word/document.xml").decode()
    assert "1、" not in document and "5、" not in document and "_GoBack" in document
