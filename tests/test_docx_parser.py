"""The docx parser, construct by construct: runs, fields, revisions, comments, content
controls, text boxes, numbering, headings and tables, on small hand-written bodies."""

from __future__ import annotations

import subprocess
import sys

import pytest

from docx_factory import minimal_docx
from report_lint.document import Heading, Paragraph, Table

pytest.importorskip("lxml")

from report_lint_docx.numbering import chinese_counting, format_number  # noqa: E402
from report_lint_docx.reader import parse  # noqa: E402


def r(text: str, extra: str = "") -> str:
    return f'<w:r>{extra}<w:t xml:space="preserve">{text}</w:t></w:r>'


def p(content: str, ppr: str = "") -> str:
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def read(body: str, **parts):
    return parse(minimal_docx(body, **parts), "t.docx")


def texts(doc):
    return [b.text for b in doc.blocks if not isinstance(b, Table)]


# -- runs ------------------------------------------------------------------------------------

def test_runs_split_mid_word_fields_and_special_characters():
    body = p(r("政府信") + '<w:proofErr w:type="spellStart"/>' + r("息公开")
             + '<w:r><w:softHyphen/></w:r>' + r("工作") + '<w:r><w:noBreakHyphen/></w:r>' + r("A")
             + '<w:r><w:tab/></w:r>' + r("B") + '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>')
    body += p(r("第") + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>' + r("页，")
              + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy年" </w:instrText></w:r>'
              + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("2024年")
              + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + r("。"))
    body += p(r("全角数字１２３") + '<w:r><w:br/></w:r>' + r("第二行"))
    body += p(r("注音") + '<w:r><w:ruby><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>著</w:t></w:r>'
              '</w:rubyBase></w:ruby></w:r>' + r("作"))
    assert texts(read(body)) == ["政府信息公开工作-A\tB", "第3页，2024年。", "全角数字１２３\n第二行", "注音著作"]


def test_nested_fields_show_only_the_outer_result():
    body = p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("9") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
             '<w:r><w:instrText> = 1 "一" "多"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             + r("多") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + r("页"))
    assert texts(read(body)) == ["多页"]


def test_hidden_text_is_not_printed():
    body = p(r("公开") + r("内部备注", "<w:rPr><w:vanish/></w:rPr>") + r("情况")
             + r("不隐藏", '<w:rPr><w:vanish w:val="0"/></w:rPr>'))
    assert texts(read(body)) == ["公开情况不隐藏"]


def test_content_controls_and_custom_xml_are_read_through():
    body = ('<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>' + p(r("控件中的段落"))
            + "</w:sdtContent></w:sdt>"
            + p(r("行内") + '<w:sdt><w:sdtPr/><w:sdtContent>' + r("控件") + "</w:sdtContent></w:sdt>"
                + '<w:customXml w:element="x">' + r("文字") + "</w:customXml>"
                + '<w:hyperlink r:id="rId9">' + r("链接") + "</w:hyperlink>"))
    assert texts(read(body)) == ["控件中的段落", "行内控件文字链接"]


def test_a_text_box_is_read_once_after_its_paragraph():
    inner = p(r("文本框里的字"))
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
           f"{inner}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
           f"<w:txbxContent>{inner}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    vml_only = f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{p(r('旧式文本框'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    doc = read(p(r("锚定段落") + box) + p(r("下一段") + vml_only))
    assert texts(doc) == ["锚定段落", "文本框里的字", "下一段", "旧式文本框"]
    assert [b.location.paragraph for b in doc.blocks] == [1, 2, 3, 4]


def test_a_table_of_contents_is_not_body_text():
    toc = (p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("一、总体情况\t1"))
           + p(r("二、主动公开政府信息情况\t2") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    doc = read(p(r("目录")) + toc + p(r("一、总体情况")))
    assert texts(doc) == ["目录", "一、总体情况"]


def test_broken_fields_do_not_swallow_the_document():
    unended_toc = p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("一、总体情况\t1"))
    doc = read(p(r("目录")) + unended_toc + p(r("一、总体情况")) + p(r("正文照常读取。")))
    assert texts(doc) == ["目录", "一、总体情况", "正文照常读取。"]
    unended_code = p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>')
    body = unended_code + "".join(p(r(f"第{i}段。")) for i in range(30))
    doc = read(body)
    assert texts(doc)[0] == "第20段。" and texts(doc)[-1] == "第29段。"
    assert any("域代码" in problem.message_zh for problem in doc.problems)


# -- tracked changes and comments ------------------------------------------------------------

def test_tracked_changes_are_accepted_and_marked():
    ins = '<w:ins w:id="1" w:author="甲" w:date="2024-01-01T00:00:00Z">{}</w:ins>'
    body = p(r("本年度") + ins.format(r("共")) + ins.format(r("收到")) + r("申请")
             + '<w:del w:id="3" w:author="乙"><w:r><w:delText>十二</w:delText></w:r></w:del>' + r("12件")
             + '<w:moveFrom w:id="4" w:author="乙"><w:r><w:t>挪走的</w:t></w:r></w:moveFrom>'
             + '<w:moveTo w:id="5" w:author="乙">' + r("挪来的") + "</w:moveTo>")
    doc = read(p(r("标题")) + body)
    assert texts(doc)[1] == "本年度共收到申请12件挪来的"
    marks = [(m.kind, m.text, m.author, m.location.paragraph) for m in doc.marks]
    assert marks == [("revision.insertion", "共收到", "甲", 2), ("revision.deletion", "十二", "乙", 2),
                     ("revision.deletion", "挪走的", "乙", 2), ("revision.insertion", "挪来的", "乙", 2)]


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next():
    body = (p(r("前半句"), '<w:rPr><w:del w:id="7" w:author="甲"/></w:rPr>') + p(r("后半句。"))
            + p('<w:del w:id="8" w:author="甲"><w:r><w:delText>整段删除</w:delText></w:r></w:del>',
                '<w:rPr><w:del w:id="9" w:author="甲"/></w:rPr>') + p(r("保留段")))
    doc = read(body)
    assert texts(doc) == ["前半句后半句。", "保留段"]
    assert [(m.kind, m.text, m.location.paragraph) for m in doc.marks] == [
        ("revision.deletion", "¶", 1), ("revision.deletion", "整段删除", 2)]


def test_comments_are_marks_located_at_their_anchor():
    comments = ('<w:comment w:id="0" w:author="审核人"><w:p><w:r><w:t>请核对数字</w:t></w:r></w:p></w:comment>'
                '<w:comment w:id="1" w:author="审核人"><w:p><w:r><w:t>表格批注</w:t></w:r></w:p></w:comment>'
                '<w:comment w:id="2" w:author="某人"><w:p><w:r><w:t>页眉里的批注</w:t></w:r></w:p></w:comment>')
    body = (p(r("第一段")) + p('<w:commentRangeStart w:id="0"/>' + r("第二段") + '<w:commentRangeEnd w:id="0"/>'
                                 '<w:r><w:commentReference w:id="0"/></w:r>')
            + "<w:tbl><w:tr><w:tc>" + p(r("甲")) + "</w:tc><w:tc>" + p(r("1") + '<w:r><w:commentReference w:id="1"/></w:r>')
            + "</w:tc></w:tr></w:tbl>")
    doc = read(body, comments=comments)
    found = [(m.kind, m.text, m.author, m.location.to_dict()) for m in doc.marks]
    assert found == [("comment", "请核对数字", "审核人", {"paragraph": 2}),
                     ("comment", "表格批注", "审核人", {"table": 1, "row": 1, "col": 2}),
                     ("comment", "页眉里的批注", "某人", {})]


# -- numbering -----------------------------------------------------------------------------------

@pytest.mark.parametrize("n,fmt,shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (99, "chineseCounting", "九十九"), (105, "chineseCountingThousand", "一百零五"),
    (110, "chineseCountingThousand", "一百一十"), (3, "ideographTraditional", "丙"), (3, "ideographZodiac", "寅"),
    (2, "chineseLegalSimplified", "贰"), (12, "chineseLegalSimplified", "壹拾贰"), (3, "decimalEnclosedCircle", "③"),
    (21, "decimalEnclosedCircle", "21"), (1, "decimalEnclosedParen", "⑴"), (4, "decimalEnclosedFullstop", "⒋"),
    (12, "decimalFullWidth", "１２"), (7, "decimalZero", "07"), (27, "upperLetter", "AA"), (2, "lowerLetter", "b"),
    (14, "upperRoman", "XIV"), (4, "lowerRoman", "iv"), (10, "ideographDigital", "一〇"), (5, "decimal", "5"),
    (1, "bullet", None), (1, "none", ""), (0, "chineseCounting", "〇"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_chinese_counting_up_to_thousands():
    assert [chinese_counting(n) for n in (1000, 1001, 1010, 2345)] == ["一千", "一千零一", "一千零一十", "二千三百四十五"]


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
    '<w:pStyle w:val="H1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:isLgl/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/>'
    '<w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2)"/>'
    '<w:lvlRestart w:val="0"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf06c"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>'
    "</w:lvlOverride></w:num>"
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>'
    "</w:lvlOverride></w:num>"
)
STYLES = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="H1x"><w:name w:val="My heading"/><w:basedOn w:val="H1"/></w:style>')


def num(num_id, ilvl=0):
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def test_automatic_numbers_render_as_word_shows_them():
    body = "".join([
        p(r("总体情况"), '<w:pStyle w:val="H1"/>'),             # style numbering: 一、
        p(r("主动公开"), num(1, 1)),                              # （一）
        p(r("依申请公开"), num(1, 1)),                            # （二）
        p(r("细项"), num(1, 2)),                                  # 1. with a space suffix
        p(r("主动公开政府信息情况"), '<w:pStyle w:val="H1x"/>'),  # 二、 through basedOn; lower levels restart
        p(r("再一项"), num(1, 1)),                                # （一）
        p(r("法定编号"), num(1, 3)),                              # 2.1 (isLgl)
        p(r("续上一列表"), num(2, 0)),                            # num 2 shares abstract 0: 三、
        p(r("重新起号"), num(3, 0)),                              # startOverride 5: 五、
        p(r("1、手写编号"), '<w:pStyle w:val="H1"/>' + num(0)),   # numId 0: no number
        p(r("圈号"), num(4)), p(r("字母"), num(4, 1)), p(r("圈号二"), num(4)), p(r("字母续"), num(4, 1)),
        p(r("项目符号"), num(5)),
        p(r("天干"), num(6)),
        p(r("未定义的列表"), num(99)),
    ])
    doc = read(body, numbering=NUMBERING, styles=STYLES)
    assert texts(doc) == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "1. 细项", "二、主动公开政府信息情况", "（一）再一项",
        "2.1 法定编号", "三、续上一列表", "五、重新起号", "1、手写编号", "①圈号", "A) 字母", "②圈号二", "B) 字母续",
        "项目符号", "丙、天干", "未定义的列表",
    ]
    headings = [(b.text, b.level) for b in doc.blocks if isinstance(b, Heading)]
    assert ("一、总体情况", 1) in headings and ("二、主动公开政府信息情况", 1) in headings


def test_numbering_without_a_numbering_part_is_ignored():
    doc = read(p(r("正文"), num(1)))
    assert texts(doc) == ["正文"]


# -- headings ---------------------------------------------------------------------------------

def test_heading_levels_from_styles_outline_levels_and_typography():
    styles = ('<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/></w:style>')
    body = (p(r("示例市某局2024年度政府信息公开工作年度报告"), '<w:pStyle w:val="T"/>')
            + p(r("总体情况"), '<w:pStyle w:val="2"/>')
            + p(r("大纲级别的段落"), '<w:outlineLvl w:val="0"/>')
            + p(r("正文级别"), '<w:pStyle w:val="2"/><w:outlineLvl w:val="9"/>')
            + p(r("样式是标题但这是一句很长的话，说明了很多情况，并且以句号结束，因此它是段落。"), '<w:pStyle w:val="2"/>')
            + p(r("　　三、收到和处理政府信息公开申请情况")))
    blocks = read(body, styles=styles).blocks
    shown = [(type(b).__name__, getattr(b, "level", None)) for b in blocks]
    assert shown == [("Heading", 0), ("Heading", 2), ("Heading", 1), ("Paragraph", None), ("Paragraph", None),
                     ("Heading", 1)]
    assert blocks[-1].text == "三、收到和处理政府信息公开申请情况"


# -- tables -------------------------------------------------------------------------------------

def tc(text: str = "", props: str = "") -> str:
    paragraphs = "".join(p(r(t)) for t in text.split("\n")) if text else p("")
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}{paragraphs}</w:tc>"


def tr(*cells: str, props: str = "") -> str:
    return f"<w:tr>{'<w:trPr>' + props + '</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def test_merged_cells_become_a_full_grid_with_span_copies():
    span2 = '<w:gridSpan w:val="2"/>'
    body = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + tr(tc("合并标题", span2 + '<w:vMerge w:val="restart"/>'), tc("甲"), tc("乙"))
            + tr(tc("", span2 + "<w:vMerge/>"), tc("商业\n企业"), tc(" 0 "))
            + tr(tc("行"), tc("", "<w:vMerge/>"), tc("1"), tc(""))
            + "</w:tbl>")
    table = read(body).blocks[0]
    assert table.texts() == [["合并标题", "合并标题", "甲", "乙"], ["合并标题", "合并标题", "商业\n企业", " 0 "],
                             ["行", "", "1", ""]]
    origin, copy = table.rows[0][0], table.rows[1][1]
    assert origin.rowspan == 2 and origin.colspan == 2 and copy.span_origin == (0, 0)
    assert table.rows[1][2].location.to_dict() == {"table": 1, "row": 2, "col": 3}
    assert table.rows[2][1].location.to_dict() == {"table": 1, "row": 3, "col": 2}


def test_grid_before_after_legacy_hmerge_and_row_revisions():
    body = ("<w:tbl>"
            + tr(tc("a"), tc("b"), tc("c"))
            + tr(tc("x"), tc("y"), props='<w:gridBefore w:val="1"/>')
            + tr(tc("左", '<w:hMerge w:val="restart"/>'), tc("", "<w:hMerge/>"), tc("右"))
            + tr(tc("删"), tc("除"), tc("行"), props='<w:del w:id="1" w:author="甲"/>')
            + tr(tc("新"), tc("增"), tc("行"), props='<w:ins w:id="2" w:author="甲"/>')
            + tr(tc("短"), props='<w:gridAfter w:val="2"/>')
            + "</w:tbl>")
    doc = read(body)
    assert doc.blocks[0].texts() == [["a", "b", "c"], ["", "x", "y"], ["左", "左", "右"], ["新", "增", "行"],
                                     ["短", "", ""]]
    assert [(m.kind, m.text, m.location.to_dict()) for m in doc.marks] == [
        ("revision.deletion", "删\t除\t行", {"table": 1, "row": 4}),
        ("revision.insertion", "新\t增\t行", {"table": 1, "row": 4})]


def test_a_nested_table_goes_into_its_cell_and_the_outer_grid_stays_right():
    nested = "<w:tbl>" + tr(tc("注"), tc("单位：件")) + tr(tc("甲"), tc("乙")) + "</w:tbl>"
    body = ("<w:tbl>" + tr(f"<w:tc>{p(r('外层'))}{nested}{p('')}</w:tc>", tc("1"))
            + tr(tc("下"), tc("2")) + "</w:tbl>" + p(r("表后")))
    doc = read(body)
    assert [type(b).__name__ for b in doc.blocks] == ["Table", "Paragraph"]
    assert doc.blocks[0].texts() == [["外层\n注\t单位：件\n甲\t乙", "1"], ["下", "2"]]


def test_paragraphs_and_tables_are_numbered_in_order():
    body = (p(r("标题")) + p("") + "<w:tbl>" + tr(tc("1")) + "</w:tbl>" + p(r("正文"))
            + '<w:sdt><w:sdtContent><w:tbl>' + tr(tc("2")) + "</w:tbl></w:sdtContent></w:sdt>")
    doc = read(body)
    assert [b.location.short() for b in doc.blocks] == ["¶1", "T1", "¶2", "T2"]
    assert [b.index for b in doc.tables()] == [1, 2]


# -- parts ---------------------------------------------------------------------------------------

def test_strict_open_xml_is_read_too():
    data = minimal_docx(p(r("严格格式")))
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "word/document.xml":
                content = content.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                          b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            z.writestr(info.filename, content)
    assert texts(parse(buf.getvalue(), "s.docx")) == ["严格格式"]


def test_footnotes_headers_and_footers_are_not_body_text():
    footnotes = (b'<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 b'<w:footnote w:id="1"><w:p><w:r><w:t>\xe8\x84\x9a\xe6\xb3\xa8</w:t></w:r></w:p></w:footnote>'
                 b"</w:footnotes>")
    header = (b'<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>'
              b"HEADER</w:t></w:r></w:p></w:hdr>")
    body = p(r("正文") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r("继续"))
    doc = parse(minimal_docx(body, extra_parts={"word/footnotes.xml": footnotes, "word/header1.xml": header}), "f.docx")
    assert texts(doc) == ["正文继续"]


def test_lxml_is_imported_only_when_a_docx_is_parsed():
    code = ("import sys, report_lint.cli; from report_lint.plugins import get_registry; r = get_registry(); "
            "assert 'docx' in r.parsers; r.sniff(b'PK\\x03\\x04word/'); print('lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_blocks_are_paragraphs_and_headings_only():
    doc = read(p(r("示例县某局2024年度政府信息公开工作年度报告")) + p(r("一、总体情况")) + p(r("本局认真落实有关规定。")))
    assert [type(b) for b in doc.blocks] == [Heading, Heading, Paragraph]
    assert doc.source_format == "docx"
