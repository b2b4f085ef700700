"""The plain-text and Markdown parsers: blocks, table grids and locations."""

from report_lint.document import Heading, Paragraph, Table
from report_lint_text.markdown import parse as parse_md
from report_lint_text.plaintext import parse as parse_text

TEXT = "\n".join([
    "示例县某局2024年度政府信息公开工作年度报告",
    "",
    "一、总体情况",
    "本局认真落实有关规定。",
    "\t信息内容",
    "\t本年制发件数",
    "",
    "\t规章",
    "\t0",
    "",
    "\t商业",
    "企业",
    "\t",
    "0",
    "",
    "",
    "二、主动公开政府信息情况",
    "名称\t数量\t备注",
    "行政许可\t5\t无",
    "",
])


def test_text_blocks_and_locations():
    doc = parse_text(TEXT.encode("utf-8"), "a.txt")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Heading", "Heading", "Paragraph", "Table", "Heading", "Table"]
    title, heading, para, table = doc.blocks[:4]
    assert title.level == 0 and title.location.line == 1
    assert heading.level == 1 and heading.text == "一、总体情况" and heading.location.line == 3
    assert isinstance(para, Paragraph) and para.location.line == 4
    assert table.texts() == [["信息内容", "本年制发件数"], ["规章", "0"], ["商业\n企业", "0"]]
    cell = table.rows[1][1]
    assert (cell.location.line, cell.location.table, cell.location.row, cell.location.col) == (9, 1, 2, 2)
    assert table.rows[2][0].location.end_line == 12


def test_tab_separated_rows_on_one_line():
    doc = parse_text(TEXT.encode("utf-8"), "a.txt")
    table = doc.blocks[-1]
    assert isinstance(table, Table)
    assert table.texts() == [["名称", "数量", "备注"], ["行政许可", "5", "无"]]
    assert table.rows[1][1].location.line == 19


def test_heading_after_a_cell_line_ends_the_table():
    text = "\t规章\n\t0\n三、收到和处理政府信息公开申请情况\n"
    doc = parse_text(text.encode(), "a.txt")
    assert isinstance(doc.blocks[0], Table)
    assert isinstance(doc.blocks[1], Heading)


def test_gbk_text_is_decoded():
    text = "某单位2024年度政府信息公开工作年度报告\n一、总体情况\n本单位认真做好政府信息公开工作，持续推进政务公开。\n" * 3
    doc = parse_text(text.encode("gb18030"), "a.txt")
    assert doc.blocks[0].text == "某单位2024年度政府信息公开工作年度报告"
    assert doc.properties["encoding"].lower().replace("-", "") in ("gb18030", "gbk", "gb2312")


MD = "\n".join([
    "# 示例县某局2024年度政府信息公开工作年度报告",
    "",
    "## 一、总体情况",
    "",
    "本局认真落实有关规定，统计期限为 2024",
    "年 1 月 1 日至 12 月 31 日。",
    "",
    "| 信息内容 | 本年制发件数 |",
    "| --- | :---: |",
    "| 规章 | 0 |",
    "| 行政规范性文件 | 1<br>2 |",
    "",
    "**二、主动公开政府信息情况**",
])


def test_markdown_blocks_tables_and_joined_paragraphs():
    doc = parse_md(MD.encode("utf-8"), "a.md")
    title, heading, para, table, last = doc.blocks
    assert isinstance(title, Heading) and title.level == 1
    assert heading.text == "一、总体情况"
    assert para.text == "本局认真落实有关规定，统计期限为 2024年 1 月 1 日至 12 月 31 日。"
    assert para.location.line == 5 and para.location.end_line == 6
    assert para.line_offsets == [(0, 5), (len("本局认真落实有关规定，统计期限为 2024"), 6)]
    assert table.texts() == [["信息内容", "本年制发件数"], ["规章", "0"], ["行政规范性文件", "1\n2"]]
    assert table.rows[2][1].location.line == 11
    assert last.text == "二、主动公开政府信息情况"


def test_markdown_numbered_heading_without_blank_line_is_its_own_block():
    md = "本段文字较长，说明有关情况。\n一、总体情况\n本年度，本机关认真落实。\n"
    doc = parse_md(md.encode("utf-8"), "a.md")
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Heading", "Paragraph"] or \
        [b.text for b in doc.blocks][1] == "一、总体情况"
    assert any(isinstance(b, Heading) and b.text == "一、总体情况" and b.location.line == 2 for b in doc.blocks)


def _excel_grid(report) -> str:
    """表三 as Excel or WPS copy it: every row on one line, tab-separated, a merged cell's
    text in its first cell only, so rows under a merged label start with tabs."""
    import factory as F

    lines = ["\t".join(c.replace("\n", "") for c in row) for row in F._REQUEST_HEADER_ROWS]
    for row, labels in F._REQUEST_LAYOUT:
        labels = list(labels) + [""] * (3 - len(labels))
        lines.append("\t".join(labels + [F._cell_text(report, f"requests.{row}.{c}") for c in F.REQUEST_COLUMNS]))
    return "\n".join(lines)


def test_excel_rows_under_merged_labels_are_rows_of_their_own(tmp_path, registry, national):
    """'<TAB><TAB>1.属于国家秘密<TAB>0…' was read as one tab-indented cell continuing the
    row above, gluing the rows of every merged group together."""
    import factory as F
    import flat_styles as S
    from report_lint.lint import lint_file

    report = S.report_variant(2, "large")

    def table(name):
        return _excel_grid(report) if name == "requests" else S.flat_table(report, name, "tab-rows")

    text = "\n".join([report.title, ""] + F._body(report, table, paragraph=lambda p: p, heading=lambda h: h))
    assert "\n\t\t2.其他法律行政法规禁止公开\t" in text
    path = tmp_path / "report.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = lint_file(registry, str(path), lambda r: national)
    for key, value in F.iter_cells(report.tables):
        if key.startswith("requests."):
            table_, row, col = key.split(".")
            assert result.report.tables[table_][row][col] == value, key
    assert [f.rule for f in result.findings if f.severity == "error"] == []


def test_markdown_merged_value_written_into_every_column(tmp_path, registry, national):
    """Converters that unmerge cells (docling, pandoc's grid tables, "fill merged" in WPS)
    write 行政许可's one value into all three columns of the 4-column 表二: the row is read
    when the copies agree, and stays unreadable when they do not."""
    import factory as F
    from report_lint.lint import lint_file

    report = F.make_report(2)
    cell = lambda key: F._cell_text(report, f"active_disclosure.{key}")  # noqa: E731
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    rows += [[label, *(cell(f"{key}.{c}") for c in ("issued", "repealed", "in_force"))]
             for label, key in (("规章", "regulations"), ("行政规范性文件", "normative_documents"))]
    rows += [["信息内容", "本年处理决定数量", "本年处理决定数量", "本年处理决定数量"]]
    rows += [[label, *[cell(f"{key}.decisions")] * 3]
             for label, key in (("行政许可", "licensing"), ("行政处罚", "penalties"), ("行政强制", "coercion"))]
    rows += [["行政事业性收费", "3", "3", "4"]]
    table = "\n".join([F._pipe_row(rows[0]), "|---|---|---|---|"] + [F._pipe_row(r) for r in rows[1:]])
    text = F.render_markdown(report)
    start, end = text.index("| 第二十条第（一）项"), text.index("## 三、")
    path = tmp_path / "report.md"
    path.write_text(text[:start] + table + "\n\n" + text[end:], encoding="utf-8")
    result = lint_file(registry, str(path), lambda r: national)
    active = result.report.tables["active_disclosure"]
    for key in ("licensing", "penalties", "coercion"):
        assert active[key]["decisions"] == F.get_cell(report.tables, f"active_disclosure.{key}.decisions")
    assert active["fees"]["amount"] is None


def _markdown_with_html_tables(report, word: bool) -> str:
    """The report as Markdown whose tables are raw HTML, as pandoc writes merged cells."""
    import factory as F
    import html_factory as H

    return "\n\n".join([f"# {report.title}"] + F._body(
        report, lambda name: H.table_html(report, name, word=word).strip(), paragraph=lambda p: p,
        heading=lambda h: f"## {h}")) + "\n"


def test_markdown_raw_html_tables_are_read(tmp_path, registry, national):
    """Every cell of the three tables written as HTML with the template's merges (plain
    and Word-paste markup) is read, with its line, row and column in the grid."""
    import factory as F
    from report_lint.lint import lint_file

    for seed, word in ((3, False), (4, True)):
        report = F.make_report(seed)
        path = tmp_path / f"report{seed}.md"
        path.write_text(_markdown_with_html_tables(report, word), encoding="utf-8")
        result = lint_file(registry, str(path), lambda r: national)
        for key, value in F.iter_cells(report.tables):
            table, row, col = key.split(".")
            assert result.report.tables[table][row][col] == value, key
        assert [f.rule for f in result.findings if f.severity != "info"] == []


def test_markdown_html_table_cells_have_grid_locations_and_bounds():
    text = "\n".join(["# 标题", "", "<table>", "<tr><td rowspan=\"2\">A</td><td>1", "<td>2</tr>",
                      "<tr><td><table><tr><td>inner</td></tr></table>3<br>4</td><td colspan=\"999999\">x</td></tr>",
                      "</table>", "", "正文。", "", "<table><tr><td>unclosed"])
    doc = parse_md(text.encode("utf-8"), "a.md")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Heading", "Table", "Paragraph", "Table"]
    table = doc.blocks[1]
    assert [[c.text for c in row][:3] for row in table.rows] == [["A", "1", "2"], ["A", "3\n4", "x"]]
    assert len(table.rows[1]) == 102  # A, 3 4, and x whose colspan is clamped to 100
    cell = table.rows[1][1]
    assert (cell.location.line, cell.location.table, cell.location.row, cell.location.col) == (6, 1, 2, 2)
    assert doc.blocks[3].rows[0][0].text == "unclosed"
