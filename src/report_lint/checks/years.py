"""Year check kinds: the title, the statistics period and the sentences of the text
speak of the same year; plans speak of the next one."""

from __future__ import annotations

import re
from datetime import date

from ..hookspecs import hookimpl
from ..interpret.facts import arabic_years
from ..location import Location
from ..specs import CheckKind
from . import excerpt, sentences, text_blocks

_SENTENCE_YEAR = re.compile(
    r"(?:^|(?<=[。；！？]))\s*(?:[（(][一二三四五六七八九十]{1,3}[)）][^。；]{0,16}?[。：:]\s*)?"
    r"(?P<year>(?:19|20)\d{2})\s*年(?:度)?\s*(?=[，,]|全年|以来|共|累计|我|本|全[区县市镇街局委]|各)"
)
_COMPARISON = re.compile(r"较|同比|相比|比上年|与上年|环比")
_FUTURE = re.compile(r"将|计划|拟|下一步|下阶段|明年|来年|力争|着力于")
_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")
# 将 as the object marker (= 把): "2024年，我局将政务公开工作纳入绩效考核" reports what was done
_JIANG_OBJECT = re.compile(
    r"将(?!进一步|继续|持续|加快|加大|加强|全面|着力|认真|坚持|不断|切实|以|把|按照|围绕|在|重点|积极|深入|严格|大力|努力|逐步|力争|进行|开展)"
    r"(?=[^，。；,;]{1,24}?(?:纳入|列入|列为|作为|融入|贯穿|摆在|放在|落实到|嵌入))")
# Whether a year in a plan sentence dates the plan ("2024年，将…", "将在2024年…", "于2024年底前")
# or only names something of that year the plan speaks of ("针对2024年度评估中发现的问题",
# "总结2024年工作经验", "巩固2024年整改成果"): only the first is a plan for the report year.
_TEMPORAL_BEFORE = re.compile(r"(?:^|[在于到至从自]|争取|力争|计划|拟|将|下一步|下阶段|今后|同时)[，,\s]*$")
_TEMPORAL_AFTER = re.compile(
    r"^(?:度)?(?:[，,、]|内|底|末|前|起|上半年|下半年|期间|全年|第[一二三四]季度|[0-9一二三四五六七八九十]{1,2}月|"
    r"我|本|全[区县市镇乡街局委厅年]|各|将|拟|计划|要|重点|继续|进一步|力争|着力|争取|工作中)")
# named things of a year a plan looks ahead to: a plan to carry out "2024年工作要点" in the
# 2024 report is copied text
_FORWARD_OBJECT = re.compile(r"^(?:度)?[^，。；,;\d]{0,10}?(?:要点|任务|目标|计划|安排|部署)")
_LOOK_BACK = re.compile(r"(?:针对|总结|巩固|对照|回顾|延续|保持|根据|结合|梳理|分析|查找|对标|用好|发扬)[^，。；\d]{0,6}$")


def _dates_plan(sentence: str, m) -> bool:
    before, after = sentence[: m.start()], sentence[m.end():]
    if _TEMPORAL_BEFORE.search(before) or _TEMPORAL_AFTER.match(after):
        return True
    return bool(_FORWARD_OBJECT.match(after)) and not _LOOK_BACK.search(before)


def _period_location(report) -> Location:
    return Location.from_dict((report.period or {}).get("location"))


def run_title_period(rule, report):
    if report.title is not None and report.year_source != "title":
        yield rule.finding({"title_year": {"zh": "标题中无年份", "en": "no year in the title"},
                            "period_year": (report.period or {}).get("start_year"),
                            "period": (report.period or {}).get("text")},
                           report.title.location, key="title", found=report.title.text)
        return
    if report.year_source != "title" or not report.period:
        return
    years = {report.period.get("start_year"), report.period.get("end_year")} - {None}
    if years and years != {report.year}:
        found = "、".join(str(y) for y in sorted(years))
        yield rule.finding({"title_year": report.year, "period_year": found, "period": report.period.get("text")},
                           _period_location(report), key="period", expected=report.year, found=found)


def run_period_full_year(rule, report):
    """``report: wrong`` checks a stated period; ``report: missing`` reports its absence."""
    if report.texts is None:
        return
    if rule.params.get("report", "wrong") == "missing":
        if not report.period:
            yield rule.finding({"problem": {"zh": "未写明统计期限", "en": "the statistics period is not stated"}},
                               report.title.location if report.title else Location(), key="period")
        return
    if not report.period:
        return
    start, end = report.period.get("start"), report.period.get("end")
    y = report.period.get("start_year")
    ok = start is not None and end is not None and y is not None and \
        start == date(y, 1, 1).isoformat() and end == date(y, 12, 31).isoformat()
    if not ok:
        yield rule.finding({"problem": {"zh": f"统计期限为“{report.period.get('text')}”，应为全年（1月1日至12月31日）",
                                        "en": f"the period reads '{report.period.get('text')}', expected 1 January to 31 December"}},
                           _period_location(report), key="period", found=report.period.get("text"))


def run_work_sentence_year(rule, report):
    """Sentences about the year's work that open with another year (text copied from an
    earlier report). Comparisons with earlier years are fine."""
    if report.year is None:
        return
    sections = rule.params.get("sections", [1, 2, 3, 4])
    window = rule.params.get("years_back", 5)
    for block, text in text_blocks(report, sections, include_title=False):
        text = arabic_years(text)
        for m in _SENTENCE_YEAR.finditer(text):
            y = int(m.group("year"))
            if y == report.year or not (report.year - window <= y <= report.year + 1):
                continue
            tail = text[m.end(): m.end() + 30]
            if _COMPARISON.search(tail.split("。")[0]):
                continue
            yield rule.finding({"year": y, "report_year": report.year, "excerpt": excerpt(block.text, m.start("year"), m.end())},
                               block.location_at(m.start("year")), key=f"sections.{block.section}",
                               expected=report.year, found=y)


def run_plan_year(rule, report):
    """Plans in section 五 dated in the report year instead of the next one."""
    if report.year is None:
        return
    sections = rule.params.get("sections", [5])
    for block, text in text_blocks(report, sections, include_title=False):
        if block.kind == "heading":
            continue
        text = arabic_years(text)  # 二〇二四年 as 2024年, same offsets
        for offset, sentence in sentences(text):
            if not _FUTURE.search(_JIANG_OBJECT.sub("", sentence)):
                continue
            for m in _YEAR.finditer(sentence):
                if int(m.group("year")) != report.year:
                    continue
                if not _dates_plan(sentence, m):
                    continue
                start = offset + m.start("year")
                yield rule.finding({"year": report.year, "next_year": report.year + 1,
                                    "excerpt": excerpt(block.text, start, start + 30, margin=0)},
                                   block.location_at(start), key=f"sections.{block.section}",
                                   expected=report.year + 1, found=report.year)
                break


_OBJ = {"type": "object", "additionalProperties": False}
_SECTIONS = {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 6}}


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("year_title_period", run_title_period, {**_OBJ, "properties": {}},
                       "标题年份与统计期限一致 / title year equals the statistics period's year"))
    register(CheckKind("period_full_year", run_period_full_year,
                       {**_OBJ, "properties": {"report": {"enum": ["wrong", "missing"]}}},
                       "统计期限为 1 月 1 日至 12 月 31 日 / the period is a full calendar year"))
    register(CheckKind("work_sentence_year", run_work_sentence_year, {**_OBJ, "properties": {
        "sections": _SECTIONS, "years_back": {"type": "integer", "minimum": 1, "maximum": 20}}},
        "工作情况语句年份与报告年度一致 / work sentences name the report year"))
    register(CheckKind("plan_year", run_plan_year, {**_OBJ, "properties": {"sections": _SECTIONS}},
                       "改进计划指向下一年度 / plans name the following year"))
