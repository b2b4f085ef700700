"""The interpreter: sections, tables, facts and provenance from a Document."""

import json
from decimal import Decimal

import pytest

import factory as F
from report_lint.interpret import interpret
from report_lint.interpret.sections import parse_numbering
from report_lint.report import Report
from report_lint_text.markdown import parse as parse_md
from report_lint_text.plaintext import parse as parse_text


def report_of(text: str, suffix: str = ".txt") -> Report:
    parse = parse_md if suffix == ".md" else parse_text
    return interpret(parse(text.encode("utf-8"), "r" + suffix))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("render,suffix", [(F.render_text, ".txt"), (F.render_markdown, ".md")])
def test_tables_read_exactly(seed, render, suffix):
    fictional = F.make_report(seed)
    report = report_of(render(fictional, **({"nbsp_cells": True, "split_cells": True} if suffix == ".txt" else {})),
                       suffix)
    assert report.to_json()["tables"] == json.loads(json.dumps(F.tables_to_jsonable(fictional.tables)))
    assert not report.problems


@pytest.mark.parametrize("text,expected", [
    ("一、总体情况", ("一、", 1, "chinese", "总体情况")),
    ("1、 总体情况", ("1、", 1, "arabic", "总体情况")),
    ("五. 存在的主要问题及改进情况", ("五.", 5, "chinese", "存在的主要问题及改进情况")),
    ("第三部分 收到和处理政府信息公开申请情况", ("第三部分", 3, "chinese-part", "收到和处理政府信息公开申请情况")),
    ("总体情况", (None, None, "none", "总体情况")),
])
def test_numbering_is_parsed(text, expected):
    assert parse_numbering(text) == expected


def test_heading_variants_and_typos_are_found_not_missing():
    r = F.make_report(2)
    r = F.with_heading(r, 4, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
    r = F.with_heading(r, 5, "五、存在的主要问题及改近情况")
    r = F.with_heading(r, 6, "6、其他需要说明的事项")
    report = report_of(F.render_text(r))
    by_index = {s.index: s for s in report.sections}
    assert all(s.found for s in report.sections)
    assert by_index[4].match == "variant"
    assert by_index[5].match == "fuzzy"
    assert (by_index[6].style, by_index[6].numeral) == ("arabic", 6)


def test_missing_section_and_section_membership():
    report = report_of(F.render_text(F.without_section(F.make_report(3), 4, keep_table=True)))
    assert [s.found for s in report.sections] == [True, True, True, False, True, True]
    assert {t.section for t in report.texts} >= {None, 1, 2, 3, 5, 6}


def test_blank_dash_and_annotated_cells_keep_their_raw_text():
    r = F.with_blank_cell(F.make_report(4), "requests.granted.commercial", "/")
    r = F.with_raw_cell(r, "active_disclosure.regulations.issued", "2（其中修订1件）", 2)
    report = report_of(F.render_text(r))
    assert report.value("requests.granted.commercial") is None
    prov = report.provenance["requests.granted.commercial"]
    assert (prov.raw, prov.status) == ("/", "dash")
    assert prov.location.line and prov.location.table
    assert report.value("active_disclosure.regulations.issued") == 2
    assert report.provenance["active_disclosure.regulations.issued"].status == "annotated"


def test_a_row_with_a_missing_cell_is_unreadable_not_shifted():
    text = F.render_text(F.make_report(5))
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("\t二、上年结转"))
    del lines[start + 3]  # one value cell of the row vanishes
    report = report_of("\n".join(lines))
    assert all(report.value(f"requests.carried_over.{c}") is None for c in F.REQUEST_COLUMNS)
    assert report.cell_status("requests.carried_over.total") == "missing"
    assert any(p.get("key") == "requests.carried_over" for p in report.problems)


def test_title_year_organ_and_period():
    report = report_of(F.render_text(F.make_report(6)))
    assert report.year == 2025 and report.year_source == "title"
    assert report.organ == "示例市松岚区人民政府明澜街道办事处"
    assert report.period["start"] == "2025-01-01" and report.period["end"] == "2025-12-31"
    assert report.period["location"]["line"] == 3


def test_period_written_across_lines_in_markdown():
    md = "# 某局2024年度政府信息公开工作年度报告\n\n本报告所列数据统计期限为 2024\n年 1 月 1 日至 12 月 31 日。\n"
    report = report_of(md, ".md")
    assert report.period["start"] == "2024-01-01" and report.period["end"] == "2024-12-31"
    assert report.period["location"]["line"] == 3


def test_contacts_narrative_numbers_and_citations_are_collected():
    report = report_of(F.render_text(F.make_report(6)))
    kinds = {f.kind: f.value for f in report.facts}
    assert kinds["contact.phone"] == "0531-85515225"
    assert kinds["contact.postcode"] == "254131"
    assert kinds["contact.email"] == "gkb@example.gov.cn"
    assert kinds["narrative.new_received"] == 2 and kinds["narrative.carried_forward"] == 1
    cited = [f for f in report.facts if f.kind == "citation" and f.value]
    assert cited[0].value == "国办公开办函〔2021〕30号"


def test_2019_template_is_detected_from_labels():
    text = F.render_text(F.make_report(1)).replace("本年制发件数", "本年新制作数量")
    report = report_of(text)
    assert report.template_version == "2019"
    assert "本年新制作数量" in report.template_evidence


def test_a_table_split_in_two_is_read_as_one():
    text = F.render_text(F.make_report(7))
    marker = "\t（四）无法提供"
    head, tail = text.split(marker, 1)
    split = head.rstrip("\n") + "\n\n\n本表续下页。\n" + "\t" + marker.lstrip("\t") + tail.replace("\t\n\t（四）", "\t（四）", 0)
    report = report_of(split)
    fictional = F.make_report(7)
    assert report.value("requests.unable_not_held.total") == Decimal(str(F.get_cell(fictional.tables, "requests.unable_not_held.total")))
    assert report.value("requests.granted.total") == Decimal(str(F.get_cell(fictional.tables, "requests.granted.total")))


def test_json_round_trip_keeps_everything_rules_need():
    report = report_of(F.render_text(F.make_report(8)))
    again = Report.from_json(json.loads(json.dumps(report.to_json(), ensure_ascii=False)))
    assert again.to_json() == report.to_json()


def test_ragged_markdown_rows_are_trimmed_not_shifted():
    fictional = F.make_report(9)
    md = F.render_markdown(fictional)
    lines = md.split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("| 一、本年新收"))
    lines[row] = lines[row] + "  |"  # an extractor's extra empty column
    report = report_of("\n".join(lines), ".md")
    for c in F.REQUEST_COLUMNS:
        expected = F.get_cell(fictional.tables, f"requests.new_received.{c}")
        assert report.value(f"requests.new_received.{c}") == expected


def test_table_captions_are_not_section_headings():
    r = F.with_paragraph_appended(F.make_report(10), 2, "表二：主动公开政府信息情况")
    report = report_of(F.render_text(r))
    assert report.section(2).heading == "二、主动公开政府信息情况"


@pytest.mark.parametrize("sentence,kind,value", [
    ("本年度新收政府信息公开申请12件。", "narrative.new_received", 12),
    ("全年共受理政府信息公开申请十二件。", "narrative.new_received", 12),
    ("上一年度结转3件。", "narrative.carried_over", 3),
    ("无上年结转申请。", "narrative.carried_over", 0),
    ("已全部办结，办结申请20件。", "narrative.total_processed", 20),
    ("结转至下一年度办理2件。", "narrative.carried_forward", 2),
    ("转入下年度继续办理4件。", "narrative.carried_forward", 4),
    ("被申请行政复议两件。", "narrative.review", 2),
    ("发生行政诉讼案件1起。", "narrative.litigation", 1),
    ("电子邮箱地址：gk@example.gov.cn。", "contact.email", "gk@example.gov.cn"),
    ("邮箱：gk#example.gov.cn，", "contact.email", "gk#example.gov.cn"),
    ("咨询电话为（0571）88000000。", "contact.phone", "(0571)88000000"),
    ("邮政编码：310000。", "contact.postcode", "310000"),
])
def test_facts_in_various_wordings(sentence, kind, value):
    report = report_of(f"某局2024年度政府信息公开工作年度报告\n一、总体情况\n{sentence}\n")
    assert [f.value for f in report.facts if f.kind == kind] == [value]


@pytest.mark.parametrize("sentence", [
    "收到和处理行政复议和提起行政诉讼3件。",
    "办结的申请中予以公开9件。",
    "邮箱地址详见门户网站。",
])
def test_ambiguous_sentences_give_no_fact(sentence):
    report = report_of(f"某局2024年度政府信息公开工作年度报告\n一、总体情况\n{sentence}\n")
    assert [f for f in report.facts if f.kind.startswith(("narrative.review", "narrative.litigation",
                                                         "narrative.total_processed", "contact.email"))] == []


def test_period_with_other_wording():
    report = report_of("某局2024年度政府信息公开工作年度报告\n本报告所列数据时间为2024年1月1日至12月31日。\n")
    assert report.period["start"] == "2024-01-01" and report.period["end"] == "2024-12-31"


def test_a_table_split_inside_a_group_keeps_the_group():
    text = F.render_text(F.make_report(7))
    marker = "\t\n\t\n\t4.保护第三方合法权益"
    head, tail = text.split(marker, 1)
    report = report_of(head.rstrip("\n") + "\n\n\n本表续下页。\n" + marker + tail)
    fictional = F.make_report(7)
    for row in ("denied_third_party_rights", "denied_internal_affairs", "denied_administrative_query"):
        assert report.value(f"requests.{row}.total") == F.get_cell(fictional.tables, f"requests.{row}.total")
    assert not report.problems


def test_a_third_party_parser_wins_its_suffix_over_a_builtin(registry):
    from report_lint.plugins import PluginInfo
    from report_lint.specs import ParserSpec

    spec = ParserSpec("converter", (".doc",), lambda data, path: None)
    registry.parsers["converter"] = spec
    registry.owners[("parser", "converter")] = "someone"
    registry.plugins.append(PluginInfo("someone", "someone", "someone", False))
    try:
        assert registry.parser_for_suffix(".doc") is spec
        assert registry.parser_for_suffix(".txt").name == "text"
    finally:
        del registry.parsers["converter"], registry.owners[("parser", "converter")]
        registry.plugins.pop()


def test_a_garbled_row_label_is_read_by_its_number_within_its_group():
    r = F.make_report(3)
    text = F.render_markdown(r).replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    report = report_of(text, ".md")
    for col in F.REQUEST_COLUMNS:
        assert report.value(f"requests.denied_prohibited_by_law.{col}") == Decimal(
            str(r.tables["requests"]["denied_prohibited_by_law"][col]))
    problems = [p for p in report.problems if p.get("key") == "requests.denied_prohibited_by_law"]
    assert len(problems) == 1 and "编号" in problems[0]["zh"]
    far = F.render_markdown(r).replace("2.其他法律行政法规禁止公开", "2.完全不同的一行文字")
    assert report_of(far, ".md").value("requests.denied_prohibited_by_law.total") is None  # too far: not guessed


def test_a_single_other_handling_row_of_the_2019_layout_is_kept_under_its_own_key():
    r = F.make_report(3)
    lines = F.render_markdown(r).splitlines()
    first = next(i for i, line in enumerate(lines) if "（六）其他处理" in line)
    lines[first:first + 3] = ["|  | （六）其他处理 |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"]
    report = report_of("\n".join(lines), ".md")
    assert report.value("requests.other_single.natural_person") == 1
    assert report.value("requests.other_single.total") == 1
    assert report.cell_status("requests.other_overdue_fee.total") == "missing"
    assert "other_single" not in report_of(F.render_markdown(r), ".md").tables["requests"]  # only where printed
    import report_lint

    findings = report_lint.lint_report(report, select=["tables-present"])
    assert len(findings) == 1 and "2019" in findings[0].message_zh and "single row" in findings[0].message_en


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 0, 1, 2, 3)])
def test_review_table_with_one_row_per_block(order):
    """表四 turned for a narrow page (three rows of five) is read by its row labels and the
    header's order of the five fields; a row no block word names is not guessed."""
    words = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = {"review": [1, 2, 0, 1, 4], "litigation_direct": [0, 1, 0, 0, 1], "litigation_after_review": [2, 0, 0, 1, 3]}
    rows = ["| 类别 | " + " | ".join(words[i] for i in order) + " |", "|---|---|---|---|---|---|"]
    printed = {**values, "stray": [9, 9, 9, 9, 36]}
    for label, block in (("行政复议", "review"), ("行政诉讼（未经复议直接起诉）", "litigation_direct"),
                         ("行政诉讼（复议后起诉）", "litigation_after_review"), ("其他", "stray")):
        rows.append(f"| {label} | " + " | ".join(str(printed[block][i]) for i in order) + " |")
    text = "# 某局2024年度政府信息公开工作年度报告\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + "\n".join(rows) + "\n"
    report = report_of(text, ".md")
    for block, expected in values.items():
        assert [report.value(f"review_litigation.{block}.{f}")
                for f in ("upheld", "corrected", "other", "pending", "total")] == expected


_SECTION_TITLES = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                   "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def _with_contents(text: str, entry) -> str:
    title, rest = text.split("\n", 1)
    contents = ["目  录"] + [entry(n, t) for n, t in enumerate(_SECTION_TITLES, start=1)]
    return "\n".join([title, *contents, rest])


@pytest.mark.parametrize("entry", [
    lambda n, t: t,                          # the headings listed bare
    lambda n, t: f"{t}……………………{n}",      # with dot leaders and page numbers
    lambda n, t: f"{t}\n……{n}",              # the page number split onto its own line
], ids=["bare", "leaders", "split-leader"])
def test_a_table_of_contents_is_not_taken_for_the_sections(entry):
    """The headings of a 目录 before the body once won as the first occurrence of each
    section: the whole body fell into 六, and tables-present called the tables missing."""
    fictional = F.make_report(3)
    plain = report_of(F.render_text(fictional))
    report = report_of(_with_contents(F.render_text(fictional), entry))
    shift = len(_with_contents("t\n", entry).split("\n")) - 2
    assert [s.location.line for s in report.sections] == [s.location.line + shift for s in plain.sections]
    assert report.tables == plain.tables


def test_a_section_the_contents_list_but_the_body_lacks_is_missing():
    report = report_of(_with_contents(F.render_text(F.without_section(F.make_report(3), 4, keep_table=True)),
                                      lambda n, t: f"{t}……{n}"))
    assert [s.found for s in report.sections] == [True, True, True, False, True, True]


def test_consecutive_headings_of_the_body_are_the_sections():
    """Three headings in a row with nothing between are the body's when nothing repeats them."""
    text = "\n".join(["某局2024年度政府信息公开工作年度报告", *_SECTION_TITLES[:3], "正文。", *_SECTION_TITLES[3:]])
    report = report_of(text)
    assert [s.location.line for s in report.sections] == [2, 3, 4, 6, 7, 8]
