"""The HTML parser plugin: encodings decoded honestly, the article without the site
around it, tables as full grids whatever the markup, and a path and a line for every
block and cell."""

import pytest

import factory as F
import html_factory as H
from report_lint.decoding import decode_html
from report_lint.document import Heading, Table
from report_lint.errors import InputError
from report_lint.interpret import interpret
from report_lint_html import _sniff
from report_lint_html.page import parse

REPORT = F.make_report(4)


def read(data: bytes, path: str = "page.html"):
    doc = parse(data, path)
    return doc, interpret(doc)


def all_cells_right(report, rep) -> list:
    return [(k, rep.tables[k.split(".")[0]][k.split(".")[1]][k.split(".")[2]], v)
            for k, v in F.iter_cells(report.tables)
            if rep.tables[k.split(".")[0]][k.split(".")[1]][k.split(".")[2]] != v]


# -- encodings ----------------------------------------------------------------------------

ENCODINGS = {
    "utf-8 with meta": (dict(encoding="utf-8"), "utf-8", "meta", False),
    "utf-8 without declaration": (dict(encoding="utf-8", declare=None), "utf-8", "detected", False),
    "utf-8 with a BOM": (dict(encoding="utf-8", declare=None, bom=True), "utf-8", "bom", False),
    "gbk with meta charset": (dict(encoding="gbk"), "gb18030", "meta", False),
    "gb2312 with http-equiv meta": (dict(encoding="gb2312", meta="http-equiv"), "gb18030", "meta", False),
    "gb18030 without declaration": (dict(encoding="gb18030", declare=None), "gb18030", "detected", False),
    "gbk declared utf-8 (a lie)": (dict(encoding="gbk", declare="utf-8"), "gb18030", "detected", True),
    "utf-8 declared gbk (a lie)": (dict(encoding="utf-8", declare="gbk"), "utf-8", "detected", True),
    "gbk declared iso-8859-1 (a lie)": (dict(encoding="gbk", declare="iso-8859-1"), "gb18030", "detected", True),
    "gbk declared big5 (a lie)": (dict(encoding="gbk", declare="big5"), "gb18030", "detected", True),
}


@pytest.mark.parametrize("case", sorted(ENCODINGS))
def test_every_encoding_is_decoded_from_the_bytes(case):
    kwargs, encoding, source, lied = ENCODINGS[case]
    layout = "plain" if "http-equiv" not in case else "word"
    doc, rep = read(H.page_bytes(REPORT, layout, **kwargs))
    assert doc.properties["encoding"] == encoding
    assert doc.properties["encoding_source"] == source
    assert rep.title.text == REPORT.title  # mojibake would keep the digits but not this
    assert not all_cells_right(REPORT, rep)
    notes = [p for p in doc.problems if "encoding" in p.message_en]
    assert bool(notes) == lied
    if lied:
        assert notes[0].severity == "info" and "编码" in notes[0].message_zh


def test_only_an_http_header_names_the_charset():
    data = H.page_bytes(REPORT, "plain", "gbk", declare=None)
    decoded = decode_html(data, "u", http_charset="GBK")
    assert (decoded.encoding, decoded.source, decoded.lied) == ("gb18030", "http", False)
    assert REPORT.title in decoded.text


def test_a_lying_http_header_loses_to_the_page_and_the_bytes():
    data = H.page_bytes(REPORT, "plain", "gbk")
    decoded = decode_html(data, "u", http_charset="utf-8")
    assert (decoded.encoding, decoded.source, decoded.lied) == ("gb18030", "meta", True)


def test_sniffing_recognizes_pages_without_a_suffix():
    assert _sniff(H.page_bytes(REPORT, "gov")) >= 90
    assert _sniff(b"<div><p>\xe4\xb8\x80</p><table></table></div>") >= 70
    assert _sniff("一、总体情况\n本年度……".encode()) == 0
    assert _sniff(b"| a | b |\n|---|---|\n") == 0


# -- the article, not the page ------------------------------------------------------------

FURNITURE = ("栏目1", "当前位置", "分享到", "相关文章", "网站标识码", "打印本页", "浏览次数", "今天是", "信息公开栏目", "登录",
             "搜索", "主办单位", "字号")


PORTAL_FURNITURE = ("政务服务栏目", "公开目录1-1", "信息公开分类", "市级部门网站", "兄弟城市", "底部链接", "索引号", "热词", "长者模式",
                    "无障碍浏览", "您现在的位置", "浏览次数", "打印本页", "关闭窗口", "相关文章", "示例市第1局")


@pytest.mark.parametrize("layout,furniture", [("gov", FURNITURE), ("portal", FURNITURE + PORTAL_FURNITURE)])
def test_site_furniture_is_dropped_and_the_date_kept(layout, furniture):
    doc, rep = read(H.page_bytes(REPORT, layout))
    assert len([b for b in doc.blocks if isinstance(b, Table)]) == 3  # the info table is not one of them
    texts = " ".join(b.text for b in doc.blocks if not isinstance(b, Table))
    for word in furniture:
        assert word not in texts, word
    assert doc.properties["published"] == f"{REPORT.year + 1}-01-20"
    first = doc.blocks[0]
    assert isinstance(first, Heading) and first.level == 0 and first.text == REPORT.title
    assert "h1" in first.location.path
    assert [s.found for s in rep.sections] == [True] * 6
    assert not all_cells_right(REPORT, rep)
    # nothing of the article was lost
    for paragraph in REPORT.sections_text[1]:
        assert paragraph in texts


def test_the_date_comes_from_the_info_box_when_no_meta_tag_says_it():
    page = H.render_html(REPORT, "gov").replace('<meta name="PubDate"', '<meta name="x"')
    page = page.replace(f"发布时间：{REPORT.year + 1}-01-20 09:30", "发布日期：2026年02月03日")
    doc, _ = read(page.encode("utf-8"))
    assert doc.properties["published"] == "2026-02-03"


def test_scripts_styles_and_hidden_text_leave_nothing():
    page = ("<html><head><style>p{color:red}</style><script>var a='一、总体情况';</script></head><body>"
            f"<h1>{REPORT.title}</h1><p>一、总体情况</p><p style='display:none'>隐藏的文字</p>"
            "<noscript>请启用脚本</noscript><p>本年度工作正常开展。<span style='mso-hide:all'>Word 隐藏</span></p></body></html>")
    doc, _ = read(page.encode("utf-8"))
    assert [b.text for b in doc.blocks] == [REPORT.title, "一、总体情况", "本年度工作正常开展。"]


# -- tables -----------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["plain", "spans", "gov", "word"])
def test_tables_give_every_cell_in_every_layout(layout):
    doc, rep = read(H.page_bytes(REPORT, layout))
    assert not all_cells_right(REPORT, rep)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 3
    assert len({len(r) for r in tables[1].rows}) == 1  # a full rectangular grid


def test_spans_are_expanded_into_the_full_grid():
    doc, _ = read(H.page_bytes(REPORT, "spans"))
    requests = [b for b in doc.blocks if isinstance(b, Table)][1]
    assert len(requests.rows) == 28 and len(requests.rows[0]) == 10
    note = requests.rows[0][0]
    assert requests.rows[2][2].text == note.text and requests.rows[2][2].span_origin == (0, 0)
    # the merged 三、本年度办理结果 cell appears on each of its 22 rows
    assert sum(1 for row in requests.rows if row[0].text == "三、本年度办理结果") == 22
    assert requests.rows[1][4].text == "法人或其他组织" and requests.rows[1][8].span_origin == (1, 4)
    assert requests.rows[2][4].text == "商业\n企业"  # <br> inside a cell


def test_cell_markup_nbsp_full_width_digits_paragraphs_and_word_leftovers():
    report = F.with_raw_cell(REPORT, "requests.granted.natural_person", "１２", 12)
    report = F.with_raw_cell(report, "requests.granted.total",
                             str(F.get_cell(REPORT.tables, "requests.granted.total") - F.get_cell(
                                 REPORT.tables, "requests.granted.natural_person") + 12), None)
    report.tables["requests"]["granted"]["total"] = int(report.raw_cells["requests.granted.total"])
    doc, rep = read(H.page_bytes(report, "word"))
    assert rep.tables["requests"]["granted"]["natural_person"] == 12
    cell = rep.provenance["requests.granted.natural_person"]
    assert cell.raw == "１２"
    table = """<table border=1><tr><td>信息内容</td><td><p>本年</p><p>制发件数</p></td></tr>
    <tr><td>规章<o:p></o:p></td><td>&nbsp;3&nbsp;<span lang=EN-US style='mso-spacerun:yes'> </span></td></tr></table>"""
    doc, _ = read(f"<html><body><p>表</p>{table}</body></html>".encode())
    grid = doc.blocks[1].texts()
    assert grid == [["信息内容", "本年\n制发件数"], ["规章", "3"]]


def test_thead_tbody_tfoot_or_none_give_the_same_rows():
    rows = "<tr><td>规章</td><td>1</td></tr><tr><td>行政规范性文件</td><td>2</td></tr>"
    head = "<tr><th>信息内容</th><th>本年制发件数</th></tr>"
    plain = f"<table>{head}{rows}</table>"
    sections = f"<table><tfoot><tr><td>合计</td><td>3</td></tr></tfoot><thead>{head}</thead><tbody>{rows}</tbody></table>"
    a = parse(f"<html><body><p>一</p>{plain}</body></html>".encode(), "a.html").blocks[1].texts()
    b = parse(f"<html><body><p>一</p>{sections}</body></html>".encode(), "b.html").blocks[1].texts()
    assert b == a + [["合计", "3"]]


def test_a_repeated_header_row_is_dropped():
    doc, rep = read(H.page_bytes(REPORT, "plain"))  # plain repeats 表三's three header rows mid-table
    requests = [b for b in doc.blocks if isinstance(b, Table)][1]
    assert len(requests.rows) == 28
    assert not all_cells_right(REPORT, rep)


def test_a_layout_table_around_the_article_is_read_as_blocks():
    inner = H.table_html(REPORT, "review_litigation")
    page = (f"<html><body><table><tr><td>导航</td><td><h1>{REPORT.title}</h1><p>四、政府信息公开行政复议、行政诉讼情况</p>"
            f"<p>本年度情况如下表。</p>{inner}</td></tr></table></body></html>")
    doc, rep = read(page.encode("utf-8"))
    assert [type(b).__name__ for b in doc.blocks][-1] == "Table"
    assert rep.tables["review_litigation"]["review"] == REPORT.tables["review_litigation"]["review"]


# -- locations ---------------------------------------------------------------------------------

def test_every_block_and_cell_has_a_path_and_a_line():
    data = H.page_bytes(REPORT, "gov")
    lines = data.decode("utf-8").split("\n")
    doc, _ = read(data)
    for block in doc.blocks:
        assert block.location.path and block.location.line
        if isinstance(block, Table):
            for r, row in enumerate(block.rows, start=1):
                for c, cell in enumerate(row, start=1):
                    loc = cell.location
                    assert loc.path.startswith("#zoom > ") and loc.line and loc.table == block.index
                    if not cell.is_span_copy:
                        assert (loc.row, loc.col) == (r, c)
        else:
            assert block.text[:6] in lines[block.location.line - 1].replace("&nbsp;", " ") or block.location.path
    heading = next(b for b in doc.blocks if isinstance(b, Heading) and b.text.startswith("三、"))
    assert heading.location.path.startswith("#zoom > p:nth-of-type(")
    assert "三、收到和处理" in lines[heading.location.line - 1]


def test_a_finding_points_at_the_cell():
    faulty = F.with_cell(REPORT, "review_litigation.review.pending",
                         F.get_cell(REPORT.tables, "review_litigation.review.pending") + 2)
    doc, rep = read(H.page_bytes(faulty, "spans"))
    loc = rep.provenance["review_litigation.review.pending"].location
    assert loc.table == 3 and loc.row == 4 and loc.col == 4
    assert loc.path.endswith("table:nth-of-type(3) > tbody > tr > td:nth-of-type(4)")


# -- flattened pages ---------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["flat", "flat-line"])
def test_flattened_pages_give_every_cell_or_say_why_not(layout):
    doc, rep = read(H.page_bytes(REPORT, layout))
    wrong = [w for w in all_cells_right(REPORT, rep) if w[1] is not None]
    assert not wrong
    unreadable = [w[0] for w in all_cells_right(REPORT, rep) if w[1] is None]
    assert all(k.startswith("active_disclosure.") for k in unreadable)
    assert [s.found for s in rep.sections] == [True] * 6
    assert any(p.severity == "info" and "表三" in p.message_zh for p in doc.problems)


def test_plain_text_pages_without_markup_are_not_mistaken():
    with pytest.raises(InputError):
        parse(b"   \n\t ", "empty.html")


def test_a_cms_page_with_a_metadata_table_and_br_separated_paragraphs():
    import re

    body = H._body_html(REPORT, "spans")
    paragraphs = re.findall(r"<(?:p|h2)>(.*?)</(?:p|h2)>", body)
    tables = re.findall(r"<table.*?</table>", body, re.S)
    lead = "<br/>\n".join(paragraphs[:-4])
    page = (f"<html><head><title>{REPORT.title}-示例市人民政府</title></head><body>"
            "<table class='xxgk_table'><tr><td>索引号：</td><td>000000/2025-00012</td><td>发布机构：</td><td>示例市政府办公室</td>"
            f"</tr><tr><td>生成日期：</td><td>{REPORT.year + 1}-01-18</td><td>文号：</td><td></td></tr></table>\n"
            f"<div class='TRS_Editor'><p>{lead}</p>{''.join(tables)}<p>{'<br>'.join(paragraphs[-4:])}</p></div>"
            "<div class='bottom'><a href='/map'>网站地图</a> | <a href='/about'>联系我们</a></div></body></html>")
    doc, rep = read(page.encode("utf-8"))
    assert doc.blocks[0].text == REPORT.title and doc.blocks[0].location.path == "html > head > title"
    assert doc.properties["published"] == f"{REPORT.year + 1}-01-18"
    assert not any("索引号" in getattr(b, "text", "") or "网站地图" in getattr(b, "text", "") for b in doc.blocks)
    first = doc.blocks[1:4]
    assert [b.location.line for b in first] == [2, 3, 4]  # the line of each <br>-separated block
    assert len({b.location.path for b in first}) == 1
    assert [s.found for s in rep.sections] == [True] * 6
    assert [k for k, v in F.iter_cells(REPORT.tables)
            if rep.tables[k.split(".")[0]][k.split(".")[1]][k.split(".")[2]] != v] == []


@pytest.mark.parametrize("wrap", ["<p>{}</p>", "<tr><td>{}</td></tr>"])
def test_rows_run_together_one_per_paragraph_or_one_per_table_row(wrap):
    import re

    flat = H.flat_table_text(REPORT, "requests")
    rows = re.split(r"(?=[一二三四]、|（[一二三四五六七]）|\d\.(?=[^\d]))", flat)
    body = "".join(wrap.format(H.esc(r)) for r in rows if r)
    if wrap.startswith("<tr>"):
        body = f"<table border=1>{body}</table>"
    page = f"<html><body><h1>{REPORT.title}</h1><p>三、收到和处理政府信息公开申请情况</p>{body}</body></html>"
    doc, rep = read(page.encode("utf-8"))
    for row in F.REQUEST_ROWS:
        for col in F.REQUEST_COLUMNS:
            assert rep.tables["requests"][row][col] == REPORT.tables["requests"][row][col], (row, col)
