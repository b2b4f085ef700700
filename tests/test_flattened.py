"""Flattened tables and run-in headings (report_lint.flattened), through the plain-text
parser: crawler text that runs a row's cells together is split by the table's own
identities, exactly one fitting split is used and said to be inferred, several make the
row unreadable with the reason, and the search stays bounded on any digit string."""

import time

import pytest

import factory as F
import html_factory as H
from report_lint.document import Heading, Table
from report_lint.flattened import _Token, _TooMany, split_digits
from report_lint.interpret import interpret
from report_lint_text.plaintext import parse as parse_text


def tokens(*parts: str) -> list:
    out, pos = [], 0
    for p in parts:
        out.append(_Token(p, pos, "dash" if p in "/—" else "digits"))
        pos += len(p) + 1
    return out


def values(solutions) -> list[list]:
    return [[c[0] for c in s] for s in solutions]


def test_the_issues_example_has_one_split():
    found = split_digits(tokens("21710000218"), 7, ((0, 7),))
    assert values(found) == [[217, 1, 0, 0, 0, 0, 218]]


def test_a_row_with_two_fitting_splits_is_ambiguous():
    assert sorted(values(split_digits(tokens("220000022"), 7, ((0, 7),)))) == [
        [2, 20, 0, 0, 0, 0, 22], [22, 0, 0, 0, 0, 0, 22]]


def test_no_split_when_the_total_is_wrong():
    assert split_digits(tokens("1000003"), 7, ((0, 7),)) == []


def test_table_four_blocks_each_sum_to_their_total():
    assert values(split_digits(tokens("110024001510102"), 15, ((0, 5), (5, 5), (10, 5)))) == [
        [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]]


def test_spaces_are_real_cell_boundaries_and_dashes_are_cells():
    assert values(split_digits(tokens("21", "0", "0", "0", "0", "0", "21"), 7, ((0, 7),))) == [[21, 0, 0, 0, 0, 0, 21]]
    found = split_digits(tokens("3", "/", "0", "0", "0", "0", "3"), 7, ((0, 7),))
    assert values(found) == [[3, None, 0, 0, 0, 0, 3]]


def test_without_identities_every_split_counts():
    assert values(split_digits(tokens("000"), 3, ())) == [[0, 0, 0]]
    assert len(split_digits(tokens("77132470"), 3, ())) > 8  # capped: more than the limit


@pytest.mark.parametrize("digits", ["1" * 60, "9" * 200, "1234567890" * 12, "1" + "0" * 150 + "1"])
def test_the_search_is_bounded_on_long_digit_strings(digits):
    started = time.perf_counter()
    try:
        split_digits(tokens(digits), 7, ((0, 7),))
    except _TooMany:
        pass
    assert time.perf_counter() - started < 2.0


def crawler_text(report, header: bool = True) -> str:
    """The report as a crawler dumps the page: metadata lines, then one line of body."""
    body = H.render_html(report, "flat-line")
    import html
    import re

    line = html.unescape(re.sub(r"<[^>]+>", "", body.split("<body>")[1].split("</body>")[0])).replace("\n", "")
    title = report.title
    line = line[len(title):] if line.startswith(title) else line
    meta = (f"标题: {title}\n发布时间: {report.year + 1}-01-20 15:34\n文号: \n原文链接: https://www.example.gov.cn/a.htm\n"
            "==================== 正文 ====================\n") if header else f"{title}\n"
    return meta + line + "\n"


def cells_right(report, rep):
    wrong, unreadable = [], []
    for key, value in F.iter_cells(report.tables):
        table, row, col = key.split(".")
        got = rep.tables[table][row][col]
        if got is None and value is not None:
            unreadable.append(key)
        elif got != value:
            wrong.append((key, got, value))
    return wrong, unreadable


@pytest.mark.parametrize("seed", range(8))
def test_crawler_text_gives_every_cell_or_says_why_not(seed):
    report = F.make_report(seed)
    doc = parse_text(crawler_text(report).encode("utf-8"), "crawled.txt")
    rep = interpret(doc)
    wrong, unreadable = cells_right(report, rep)
    assert not wrong
    # Only 表二's three-column rows can stay ambiguous: that table has no identity.
    assert all(k.startswith("active_disclosure.") for k in unreadable), unreadable
    for key in unreadable:
        row = key.split(".")[1]
        assert any(p["severity"] == "warning" and "表二" in p["zh"] for p in rep.problems), row
    assert [s.found for s in rep.sections] == [True] * 6
    assert rep.title.text == report.title
    assert doc.properties["published"] == f"{report.year + 1}-01-20"
    assert doc.properties["source_url"] == "https://www.example.gov.cn/a.htm"
    inferred = [p for p in rep.problems if p["severity"] == "info" and "表三" in p["zh"]]
    assert inferred and "拆分" in inferred[0]["zh"] and "ran together" in inferred[0]["en"]


def test_run_in_headings_and_table_cells_get_exact_columns():
    report = F.make_report(3)
    text = crawler_text(report)
    doc = parse_text(text.encode("utf-8"), "crawled.txt")
    body = text.split("\n")[5]
    headings = [b for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert [h.text for h in headings] == list(F.HEADINGS_2021)
    for h in headings:
        assert h.location.line == 6
        assert body[h.location.column - 1:].startswith(h.text)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.index for t in tables] == [1, 2, 3]
    new_received = next(r for r in tables[1].rows if r[0].text.startswith("一、本年新收"))
    for cell in new_received[1:]:
        loc = cell.location
        assert (loc.line, loc.table) == (6, 2)
        assert body[loc.column - 1:loc.column - 1 + len(cell.text)] == cell.text


def test_a_planted_row_fault_is_reported_not_hidden():
    report = F.make_report(5)
    faulty = F.with_cell(report, "requests.granted.total", F.get_cell(report.tables, "requests.granted.total") + 7)
    rep = interpret(parse_text(crawler_text(faulty).encode("utf-8"), "crawled.txt"))
    assert rep.tables["requests"]["granted"]["total"] is None
    problem = next(p for p in rep.problems if "予以公开" in p["zh"] and p["severity"] == "warning")
    assert "合计" in problem["zh"] and "may be wrong" in problem["en"]
    assert problem["location"]["table"] == 2


def test_rows_on_their_own_lines_are_recovered_too():
    report = F.make_report(2)
    flat = H.flat_table_text(report, "review_litigation")
    text = f"{report.title}\n四、政府信息公开行政复议、行政诉讼情况\n{flat}\n五、存在的主要问题及改进情况\n本年度无。\n"
    rep = interpret(parse_text(text.encode("utf-8"), "a.txt"))
    for block in F.REVIEW_BLOCKS:
        for field in F.REVIEW_FIELDS:
            assert rep.tables["review_litigation"][block][field] == report.tables["review_litigation"][block][field]


def test_ordinary_reports_are_left_alone():
    for seed in range(6):
        text = F.render_text(F.make_report(seed))
        doc = parse_text(text.encode("utf-8"), "a.txt")
        assert not doc.problems
        assert [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1] == list(F.HEADINGS_2021)


def test_a_list_of_the_parts_is_not_split_into_headings():
    text = ("示例县2024年度政府信息公开工作年度报告\n本报告包括以下部分：一、总体情况，二、主动公开政府信息情况，"
            "三、收到和处理政府信息公开申请情况。\n")
    doc = parse_text(text.encode("utf-8"), "a.txt")
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Paragraph"]


# Every reason a run-together row stays unreadable has its own words, in both languages.
UNREADABLE_ENDINGS = [
    ("active_disclosure", "ambiguous", "，有 2 种拆分方式，而表二没有可用来选择的勾稽关系（如 1|23；12|3）",
     "; 2 splits are possible and table 2 has no identity to choose between them (e.g. 1|23; 12|3)"),
    ("requests", "ambiguous", "，有 2 种拆分都符合勾稽关系（如 1|23；12|3）", "; 2 splits satisfy the identities (e.g. 1|23; 12|3)"),
    ("requests", "columns", "，有 2 种拆分符合本行的合计，但没有一种能同时满足各列的勾稽关系（如 1|23；12|3）",
     "; 2 splits satisfy the row total but none satisfies the column identities (e.g. 1|23; 12|3)"),
    ("requests", "none", "，没有一种拆分能满足该行的合计关系（该行可能填报有误）",
     "; no split satisfies the row's total (the row itself may be wrong)"),
    ("requests", "tokens", "，数值个数多于 2 列", "; there are more numbers than its 2 columns"),
    ("requests", "budget", "，可能的拆分方式过多", "; there are too many possible splits"),
    ("requests", "layout", "，数字与其他符号混在一起", "; digits and other signs are mixed"),
]


@pytest.mark.parametrize("kind,reason,zh,en", UNREADABLE_ENDINGS, ids=[f"{k}-{r}" for k, r, _, _ in UNREADABLE_ENDINGS])
def test_each_reason_for_an_unreadable_row_is_said(kind, reason, zh, en):
    from report_lint.flattened import _FlatRow, _Row, _unreadable
    from report_lint.location import Location

    row = _FlatRow("granted", 0, 0, 3, "123", _Row("granted", ("予以公开",), 2, None, "予以公开"))
    row.reason = reason
    row.candidates = [((1, 0, 1), (23, 1, 3)), ((12, 0, 2), (3, 2, 3))]
    problem = _unreadable(kind, row, Location(line=1))
    assert problem.message_zh.endswith(zh + "，无法确定各单元格的数值，按无法读取处理")
    assert problem.message_en.endswith(en + "; the cells cannot be told apart and are treated as unreadable")
    assert "123" in problem.message_zh and problem.severity == "warning"
