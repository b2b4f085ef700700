"""The PDF parser on the real published reports of ../shared/corpus/real (skipped
without it): every table cell equals the answer key, and 洪泽区 2023's 表四 fault is an
arithmetic error. Only values are compared; no text of the reports is kept here."""

from __future__ import annotations

import json
import os
from decimal import Decimal

import pytest

from conftest import CORPUS, run_cli

pytest.importorskip("pypdfium2")

REAL = os.path.join(CORPUS, "real")
NAMES = ["huaian-2024", "hongze-2023"]
# 洪泽区 2023 prints two rows the 2021 template's words do not name: a 表三 （三）2. row
# whose label lost three characters (a fault of the report: recognized by its number and
# reported) and a single （六） row of the 2019 layout (key other_single). Both are read.


def _load(name: str):
    pdf = os.path.join(REAL, f"{name}.pdf")
    if not os.path.exists(pdf):
        pytest.skip("shared corpus not available")
    with open(os.path.join(REAL, f"{name}.answer.json"), encoding="utf-8") as fh:
        return pdf, json.load(fh)


def _num(v):
    return None if v is None else Decimal(str(v))


@pytest.mark.parametrize("name", NAMES)
def test_every_table_cell_equals_the_answer_key(name, registry):
    from report_lint.lint import build_report

    pdf, key = _load(name)
    report = build_report(registry, pdf)
    compared = 0
    for kind, rows in key["tables"].items():
        for row, cols in rows.items():
            for col, want in cols.items():
                got = report.tables[kind].get(row, {}).get(col)
                assert _num(got) == _num(want), f"{kind}.{row}.{col}"
                compared += want is not None
    assert compared == key["cells_filled"]["filled"]


def test_a_garbled_row_label_is_recognized_by_its_number_and_reported(registry):
    from report_lint.lint import build_report

    pdf, _ = _load("hongze-2023")
    report = build_report(registry, pdf)
    problems = [p for p in report.problems if p.get("key") == "requests.denied_prohibited_by_law"]
    assert len(problems) == 1 and "编号" in problems[0]["zh"] and problems[0]["location"].get("page") == 3


@pytest.mark.parametrize("name", NAMES)
def test_cells_carry_page_and_box(name, registry):
    from report_lint.lint import build_report

    pdf, key = _load(name)
    report = build_report(registry, pdf)
    where = report.provenance["review_litigation.review.upheld"].location
    page = int(key["cell_locations"]["review_litigation"].split()[0][1:])
    assert where.page == page and where.table and where.row and where.col
    x0, top, x1, bottom = where.bbox
    assert x0 < x1 and top < bottom


def test_the_review_table_fault_is_an_arithmetic_error():
    pdf, key = _load("hongze-2023")
    result = run_cli(pdf, "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    items = findings["findings"]
    arithmetic = [f for f in items if f["category"] == "arithmetic" and f["severity"] == "error"]
    faults = [f for f in key["known_faults"] if f["category"] == "arithmetic"]
    assert len(arithmetic) >= len(faults) == 2
    assert all(f["location"]["page"] == 4 and "bbox" in f["location"] for f in arithmetic)
