"""Tests of the fictional-report factory itself.

The rest of the suite trusts ``factory`` to produce consistent tables and
seed-shaped text; these tests make that trust explicit.  The tiny reader below
re-implements the text format independently of ``src/`` so that a bug in the
project's own parser cannot hide a bug in the factory.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factory as f

# ---------------------------------------------------------------------------
# A minimal independent reader of the tab-indented text format
# ---------------------------------------------------------------------------


def read_text_tables(text: str) -> list[list[list[str]]]:
    """Tables as lists of rows of cell strings (continuations joined, NBSP kept)."""
    tables: list[list[list[str]]] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("\t"):
            i += 1
            continue
        rows: list[list[str]] = [[]]
        while i < len(lines):
            line = lines[i]
            if line.startswith("\t"):
                rows[-1].append(line[1:])
            elif line:
                assert rows[-1], f"continuation line without a cell: {line!r}"
                rows[-1][-1] += line
            elif i + 1 < len(lines) and lines[i + 1] == "":
                i += 2  # two blank lines end the table
                break
            else:
                rows.append([])
            i += 1
        tables.append(rows)
    return tables


def number(cell: str):
    cell = cell.replace("\u00a0", "").strip()
    if re.fullmatch(r"\d+", cell):
        return int(cell)
    if re.fullmatch(r"\d+\.\d+", cell):
        return Decimal(cell)
    return None


def values_from_text(text: str) -> dict:
    """Canonical cell key -> value read back from ``render_text`` output."""
    active, requests, review = read_text_tables(text)
    out = {}
    data_rows = [r for r in active if len(r) >= 2 and r[0] not in ("信息内容",)]
    items = [(item, fields) for item, fields in f.ACTIVE_DISCLOSURE_FIELDS.items()]
    assert len(data_rows) == len(items)
    for row, (item, fields) in zip(data_rows, items):
        for cell, field in zip(row[1:], fields):
            out[f"active_disclosure.{item}.{field}"] = number(cell)
    assert len(requests) == 3 + len(f.REQUEST_ROWS)
    for row, key in zip(requests[3:], f.REQUEST_ROWS):
        assert len(row) in (8, 9, 10)
        for cell, col in zip(row[-7:], f.REQUEST_COLUMNS):
            out[f"requests.{key}.{col}"] = number(cell)
    assert len(review) == 4 and len(review[-1]) == 15
    keys = [f"review_litigation.{b}.{x}" for b in f.REVIEW_BLOCKS for x in f.REVIEW_FIELDS]
    out.update(zip(keys, map(number, review[-1])))
    return out


# ---------------------------------------------------------------------------
# Constants and tables
# ---------------------------------------------------------------------------


def test_key_constants():
    assert len(f.REQUEST_ROWS) == 25 and len(set(f.REQUEST_ROWS)) == 25
    assert len(f.REQUEST_COLUMNS) == 7 and f.REQUEST_COLUMNS[-1] == "total"
    # CANONICAL.md says "23 result rows", but its own 25-row list leaves 21 between
    # carried_over and total_processed: 2 + 8 不予公开 + 3 无法提供 + 5 不予处理 + 3 其他处理.
    assert len(f.RESULT_ROWS) == 21
    assert f.RESULT_ROWS == f.REQUEST_ROWS[2:-2]
    assert f.REQUEST_ROWS[:2] == ("new_received", "carried_over")
    assert f.REQUEST_ROWS[-2:] == ("total_processed", "carried_forward")
    assert f.RESULT_ROWS[0] == "granted" and f.RESULT_ROWS[-1] == "other_other"
    assert f.REVIEW_BLOCKS == ("review", "litigation_direct", "litigation_after_review")
    assert f.REVIEW_FIELDS == ("upheld", "corrected", "other", "pending", "total")
    assert len(f.ALL_CELL_KEYS) == 200
    assert set(f.NARRATIVE_KEYS) <= set(f.ALL_CELL_KEYS)


def _fee_ok(amount) -> bool:
    if isinstance(amount, bool):
        return False
    if isinstance(amount, int):
        return amount >= 0
    return isinstance(amount, Decimal) and amount >= 0 and -2 <= amount.as_tuple().exponent < 0


@pytest.mark.parametrize("seed", range(200))
def test_identities_hold(seed):
    tables = f.consistent_tables(random.Random(seed))
    assert f.broken_identities(tables) == []
    req = tables["requests"]
    for col in f.REQUEST_COLUMNS:
        assert req["new_received"][col] + req["carried_over"][col] == (
            req["total_processed"][col] + req["carried_forward"][col]
        )
        assert req["total_processed"][col] == sum(req[r][col] for r in f.RESULT_ROWS)
    for row in f.REQUEST_ROWS:
        assert req[row]["total"] == sum(req[row][c] for c in f.APPLICANT_COLUMNS)
        assert all(isinstance(v, int) and v >= 0 for v in req[row].values())
    for block in tables["review_litigation"].values():
        assert block["upheld"] + block["corrected"] + block["other"] + block["pending"] == block["total"]
    ad = tables["active_disclosure"]
    for item in ("regulations", "normative_documents"):
        assert ad[item]["in_force"] >= ad[item]["issued"] >= 0
    assert _fee_ok(ad["fees"]["amount"])
    assert f.broken_identities(f.make_report(seed).tables) == []


@given(seed=st.integers(0, 2**32), max_value=st.integers(0, 200), decimals=st.booleans())
@settings(max_examples=150, deadline=None)
def test_identities_hold_for_any_parameters(seed, max_value, decimals):
    tables = f.consistent_tables(random.Random(seed), max_value=max_value, fee_decimals=decimals)
    assert f.broken_identities(tables) == []
    for key in f.RESULT_ROWS:
        for col in f.APPLICANT_COLUMNS:
            assert tables["requests"][key][col] <= max(max_value, 0)
    if not decimals:
        assert isinstance(tables["active_disclosure"]["fees"]["amount"], int)


def test_tables_are_mostly_small_and_sparse():
    cells = [
        v
        for seed in range(100)
        for k, v in f.iter_cells(f.consistent_tables(random.Random(seed)))
        if k.startswith("requests.")
    ]
    assert sum(v == 0 for v in cells) / len(cells) > 0.6


def test_broken_identities_detects_a_planted_fault():
    report = f.make_report(1)
    bad = f.with_cell(report, "requests.granted.natural_person", 10_000)
    assert len(f.broken_identities(bad.tables)) >= 2  # row total and column sum


def test_rule_making_flag():
    for seed in range(50):
        t = f.consistent_tables(random.Random(seed), rule_making=False)
        assert set(t["active_disclosure"]["regulations"].values()) == {0}


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------


def test_make_report_is_deterministic_and_varied():
    assert f.make_report(7) == f.make_report(7)
    reports = [f.make_report(s) for s in range(60)]
    assert len({r.organ for r in reports}) > 20
    assert {r.year for r in reports} == {2021, 2022, 2023, 2024, 2025}
    assert len({r.sections_text[1][2][:12] for r in reports}) > 1


def test_report_defaults():
    r = f.make_report(2)
    assert r.title == f"{r.organ}{r.year}年度政府信息公开工作年度报告"
    assert r.period_text == f"本报告所列数据的统计期限自{r.year}年1月1日起至{r.year}年12月31日止。"
    assert list(r.headings) == list(f.HEADINGS_2021)
    assert re.search(r"邮编：\d{6}", r.contact_text)
    assert re.search(r"电话：0\d{2,3}-\d{8}", r.contact_text)
    assert re.search(r"传真：0\d{2,3}-\d{8}", r.contact_text)
    assert "@example.gov.cn" in r.contact_text
    bare = f.FictionalReport(organ="示例市某某区某某街道办事处", year=2022)
    assert f.broken_identities(bare.tables) == []
    assert bare.title == "示例市某某区某某街道办事处2022年度政府信息公开工作年度报告"


def test_overrides_keep_text_consistent():
    r = f.make_report(4, organ="演示市某某局", year=2023)
    assert r.organ == "演示市某某局" and r.title.startswith("演示市某某局2023年度")
    assert "2024年" in "".join(r.sections_text[5])
    assert r.contact_text == f.make_report(4).contact_text  # other choices unchanged


@pytest.mark.parametrize("seed", range(40))
def test_narrative_numbers_match_tables(seed):
    r = f.make_report(seed)
    req, rl = r.tables["requests"], r.tables["review_litigation"]
    text = "".join(r.sections_text[1])
    received = re.search(r"(?:收到|新收)政府信息公开申请(\d+)件", text)
    assert int(received.group(1)) == req["new_received"]["total"]
    assert f"上年结转{req['carried_over']['total']}件" in text
    assert f"办结{req['total_processed']['total']}件" in text
    assert f"结转下年度继续办理{req['carried_forward']['total']}件" in text
    assert f"行政复议{rl['review']['total']}件" in text
    suits = rl["litigation_direct"]["total"] + rl["litigation_after_review"]["total"]
    assert re.search(rf"提起行政诉讼{suits}件", text)
    nd = r.tables["active_disclosure"]["normative_documents"]["issued"]
    assert f"制发行政规范性文件{nd}件" in text
    assert text.count("（一）主动公开。") == 1 and "（五）监督保障。" in text
    assert f"{r.year + 1}年" in "".join(r.sections_text[5])
    assert "信息处理费" in "".join(r.sections_text[6])


# ---------------------------------------------------------------------------
# render_text
# ---------------------------------------------------------------------------


def _table_regions(text: str) -> list[list[str]]:
    """Raw line lists of each table (from its first tab line to its last cell line)."""
    regions, current = [], None
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if current is None and line.startswith("\t"):
            current = []
        if current is not None:
            if line == "" and i + 1 < len(lines) and lines[i + 1] == "":
                regions.append(current)
                current = None
            else:
                current.append(line)
    return regions


@pytest.mark.parametrize("seed", range(30))
def test_render_text_layout(seed):
    r = f.make_report(seed)
    text = f.render_text(r)
    lines = text.split("\n")
    assert lines[0] == r.title and lines[1] == ""
    for heading in r.headings:
        assert heading in lines
    regions = _table_regions(text)
    assert len(regions) == 3
    for region in regions:
        assert region[0].startswith("\t")
        for prev, line in zip(region, region[1:]):
            if line == "":
                assert prev != "", "rows are separated by exactly one blank line"
            elif not line.startswith("\t"):
                assert prev != "", "a continuation line follows a cell line"
    # tables end with two blank lines, then the next heading
    for heading in r.headings[2:5]:
        idx = lines.index(heading)
        assert lines[idx - 2 : idx] == ["", ""]
    assert "\t商业\n企业\n\t科研\n机构" in text
    assert "\t三、本年度办理结果\n\t（一）予以公开\n" in text
    assert "\t\n\t\n\t2.重复申请\n" in text
    assert values_from_text(text) == dict(f.iter_cells(r.tables))


@pytest.mark.parametrize("seed", range(10))
def test_render_text_hazards_keep_values(seed):
    r = f.make_report(seed)
    text = f.render_text(r, nbsp_cells=True, split_cells=True)
    assert "\u00a0" in text and "\t\n" in text
    assert values_from_text(text) == dict(f.iter_cells(r.tables))
    custom = f.render_text(r, split_cells=["requests.granted.total"], nbsp_cells=["tables.requests.granted.other"])
    granted = custom.split("（一）予以公开\n", 1)[1].split("\n\n", 1)[0]
    assert granted.split("\n")[5] == "\t\u00a0" + str(r.tables["requests"]["granted"]["other"])
    assert granted.endswith("\t\n" + str(r.tables["requests"]["granted"]["total"]))


def test_render_text_fee_decimals():
    report = f.with_cell(f.make_report(0), "active_disclosure.fees.amount", Decimal("1.25"))
    text = f.render_text(report)
    assert "\t行政事业性收费\n\t1.25\n" in text


# ---------------------------------------------------------------------------
# Fault planting
# ---------------------------------------------------------------------------


def test_with_cell_changes_exactly_one_cell():
    r = f.make_report(5)
    before = dict(f.iter_cells(r.tables))
    bad = f.with_cell(r, "requests.granted.total", before["requests.granted.total"] + 1)
    after = dict(f.iter_cells(bad.tables))
    assert [k for k in before if before[k] != after[k]] == ["requests.granted.total"]
    assert dict(f.iter_cells(r.tables)) == before  # the original is untouched
    assert bad.sections_text == r.sections_text and bad.title == r.title
    with pytest.raises(KeyError):
        f.with_cell(r, "requests.granted.everyone", 1)


def test_with_blank_cell():
    r = f.with_blank_cell(f.make_report(6), "requests.carried_over.research")
    assert r.tables["requests"]["carried_over"]["research"] is None
    text = f.render_text(r)
    row = text.split("\t二、上年结转政府信息公开申请数量\n", 1)[1].split("\n\n", 1)[0]
    assert row.split("\n")[2] == "\t/"
    assert "| 二、上年结转政府信息公开申请数量 |  |  | " in f.render_markdown(r)
    assert "| / |" in f.render_markdown(r)
    dash = f.with_blank_cell(r, "review_litigation.review.total", raw="—")
    assert dash.tables["review_litigation"]["review"]["total"] is None
    assert f.render_text(dash).rstrip().count("\t—") == 1


def test_section_and_text_faults():
    r = f.make_report(8)
    gone = f.without_section(r, 4)
    text = f.render_text(gone)
    assert r.headings[3] not in text and "\t行政复议\n\t行政诉讼" not in text
    kept = f.render_text(f.without_section(r, 4, keep_table=True))
    assert r.headings[3] not in kept and "\t行政复议\n\t行政诉讼" in kept
    assert "六、其他需要报告的事项" not in f.render_text(f.without_section(r, 6))

    renamed = f.render_text(f.with_heading(r, 1, "1、总体情况"))
    assert "\n1、总体情况\n" in renamed and "一、总体情况" not in renamed

    extra = f.with_paragraph_appended(r, 1, "因政府信息公开被申请行政复议9件。")
    assert extra.sections_text[1][-1] == "因政府信息公开被申请行政复议9件。"
    assert len(r.sections_text[1]) + 1 == len(extra.sections_text[1])

    assert f.render_text(f.with_title(r, "某某政务公开工作年报")).startswith("某某政务公开工作年报\n")
    assert "统计期限" not in f.render_text(f.with_period(r, ""))
    assert "电话：12345" in f.render_text(f.with_contact(r, "电话：12345。"))
    assert r.title in f.render_text(r)  # original untouched


# ---------------------------------------------------------------------------
# render_markdown
# ---------------------------------------------------------------------------


def _pipe_tables(md: str) -> list[list[str]]:
    tables, current = [], []
    for line in md.split("\n"):
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


@pytest.mark.parametrize("seed", range(30))
def test_markdown_tables_are_full_grids(seed):
    r = f.make_report(seed)
    md = f.render_markdown(r)
    assert md.startswith(f"# {r.title}\n")
    for heading in r.headings:
        assert f"\n## {heading}\n" in md
    tables = _pipe_tables(md)
    assert [len(_cells(t[0])) for t in tables] == [4, 2, 2, 2, 10, 15]
    for table in tables:
        width = len(_cells(table[0]))
        assert re.fullmatch(r"\|(---\|)+", table[1]) and table[1].count("---") == width
        assert all(len(_cells(line)) == width for line in table)
    requests = tables[4]
    assert len(requests) == 2 + 2 + 25  # header, separator, 2 header rows, 25 rows
    for line, key in zip(requests[4:], f.REQUEST_ROWS):
        values = _cells(line)[3:]
        assert [number(v) for v in values] == [r.tables["requests"][key][c] for c in f.REQUEST_COLUMNS]
    review = _cells(tables[5][-1])
    assert [number(v) for v in review] == [
        r.tables["review_litigation"][b][x] for b in f.REVIEW_BLOCKS for x in f.REVIEW_FIELDS
    ]
