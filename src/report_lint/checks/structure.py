"""Structure check kinds: the six sections, their numbering and wording, the title,
the three tables and their blank cells."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..interpret.tables import template_keys
from ..interpret.template import norm_title
from ..location import Location
from ..specs import CheckKind
from . import CN, label, report_template, section_title


def _unknown(rule, what_zh: str, what_en: str):
    f = rule.finding({}, Location())
    f.severity, f.assessable = "info", False
    f.message_zh, f.message_en = f"{rule.summary.get('zh')}：{what_zh}", f"{rule.summary.get('en')}: {what_en}"
    return f


def run_sections_present(rule, report):
    if report.sections is None:
        yield _unknown(rule, "报告未提供章节信息，无法判断", "the report carries no section information")
        return
    for s in report.sections:
        if not s.found:
            title = section_title(s.index, report)
            yield rule.finding({"number": CN[s.index], "title": title}, _nearest_location(report, s.index),
                               key=f"sections.{s.index}", expected=f"{CN[s.index]}、{title}", found=None)


def _nearest_location(report, index: int) -> Location:
    """Where a missing section should have been: the heading of the next section found."""
    for s in sorted(report.sections or [], key=lambda s: s.index):
        if s.index > index and s.found:
            return s.location
    return Location()


def run_sections_order(rule, report):
    found = [s for s in report.sections or [] if s.found]
    ordered = sorted(found, key=lambda s: _position(s.location))
    previous = None
    for s in ordered:
        if previous is not None and s.index < previous.index:
            yield rule.finding({"number": CN[s.index], "title": s.heading, "after": previous.heading},
                               s.location, key=f"sections.{s.index}", found=s.heading)
        if previous is None or s.index > previous.index:
            previous = s


def _position(loc: Location) -> tuple:
    return (loc.page or 0, loc.line or 0, loc.paragraph or 0)


def run_sections_numbering(rule, report):
    """Every section heading numbered 一、 … 六、 in the template's style."""
    sep = rule.params.get("separator", "、")
    for s in report.sections or []:
        if not s.found:
            continue
        expected = f"{CN[s.index]}{sep}"
        printed = (s.numbering or "").replace(" ", "")
        if s.style == "chinese" and s.numeral == s.index and printed == expected:
            continue
        yield rule.finding({"heading": s.heading, "numbering": s.numbering or "（无编号）", "expected": expected,
                            "title": s.title}, s.location, key=f"sections.{s.index}",
                           expected=f"{expected}{s.title}", found=s.heading)


def run_section_wording(rule, report):
    """The heading's words are the template's or an accepted variant."""
    accepted = {int(k): [norm_title(v) for v in vs] for k, vs in (rule.params.get("accepted") or {}).items()}
    for s in report.sections or []:
        if not s.found or s.title is None:
            continue
        canonical = section_title(s.index, report)
        norm = norm_title(s.title).rstrip("。")
        if norm == norm_title(canonical) or norm in accepted.get(s.index, []):
            continue
        yield rule.finding({"heading": s.heading, "expected": canonical, "title": s.title}, s.location,
                           key=f"sections.{s.index}", expected=canonical, found=s.title)


def run_title(rule, report):
    keyword = rule.params.get("must_contain", "政府信息公开工作年度报告")
    if report.texts is None:
        return
    if report.title is None:
        yield rule.finding({"title": "（未找到标题）", "expected": keyword}, Location(), key="title",
                           expected=keyword, found=None)
        return
    if norm_title(keyword) not in norm_title(report.title.text):
        yield rule.finding({"title": report.title.text, "expected": keyword}, report.title.location, key="title",
                           expected=keyword, found=report.title.text)


def run_tables_present(rule, report):
    template = report_template(report)
    names = rule.params.get("tables") or list(template["tables"])
    # Rows (or whole tables) a parse problem already names as present but unreadable, as
    # run-together digits with several fitting splits: their warning says so, and "missing"
    # here would blame the report for what the reading could not do.
    explained = tuple(p["unreadable"] for p in report.problems or () if p.get("unreadable"))
    for name in names:
        spec = template["tables"][name]
        keys = template_keys(name, spec)
        missing = [k for k, status in zip(keys, report.cell_statuses(keys))
                   if status == "missing" and not _said_unreadable(k, explained)]
        if not missing:
            continue
        location = report.table_locations.get(name, Location())
        table = label(rule, name)
        if len(missing) == len(keys):
            # Found (it has a location) but no cell read, as run-together digits that no split
            # can make add up: "not found" would send the reader looking for a table that is there.
            if name in report.table_locations:
                detail = {"zh": "找到了该表，但没有一个单元格的数值能读出",
                          "en": "the table is there but none of its cells could be read"}
            else:
                detail = {"zh": "未找到该表", "en": "table not found"}
            yield rule.finding({"table": table, "detail": detail}, location, key=name, found=None)
            continue
        rows = sorted({k.split(".")[1] for k in missing}, key=lambda r: [k.split(".")[1] for k in keys].index(r))
        detail = {"zh": "缺少或无法读取的行：" + "、".join(str(label(rule, r)["zh"]) for r in rows),
                  "en": "rows missing or unreadable: " + ", ".join(str(label(rule, r)["en"]) for r in rows)}
        for group, single in (spec.get("single_groups") or {}).items():
            if report.has_key(f"{name}.{single}.total"):  # the group printed as one row, as in the 2019 format
                detail["zh"] += f"（“{group}”印成了一行，是 2019 年试行格式的样式）"
                detail["en"] += f" ('{group}' is printed as a single row, the layout of the 2019 trial format)"
        yield rule.finding({"table": table, "detail": detail}, location, key=name, found=rows)


def _said_unreadable(key: str, explained: tuple[str, ...]) -> bool:
    return any(key == e or key.startswith(e + ".") for e in explained)


def run_blank_cells(rule, report):
    """Blank, dash or text where the template wants a number: one finding per row."""
    template = report_template(report)
    statuses = set(rule.params.get("statuses", ["blank", "dash", "text"]))
    for name, spec in template["tables"].items():
        rows: dict[str, list[str]] = {}
        keys = template_keys(name, spec)
        for key, status in zip(keys, report.cell_statuses(keys)):
            if status in statuses:
                rows.setdefault(key.rsplit(".", 1)[0], []).append(key)
        for row, keys in rows.items():
            raws = [report.provenance[k].raw if k in report.provenance else None for k in keys]
            shown = "、".join(repr(r.strip()) if r and r.strip() else "空" for r in raws)
            cols = {"zh": "、".join(str(label(rule, k.rsplit('.', 1)[1])["zh"]) for k in keys),
                    "en": ", ".join(str(label(rule, k.rsplit('.', 1)[1])["en"]) for k in keys)}
            finding = rule.finding({"table": label(rule, name), "row": label(rule, row.split(".", 1)[1]),
                                    "columns": cols, "count": len(keys), "raw": shown},
                                   report.location_of(keys[0]), key=keys[0], expected=0, found=raws)
            finding.cells = keys
            yield finding


def run_template_version(rule, report):
    """A report for ``from_year`` or later written on another template than ``expected``."""
    expected = str(rule.params.get("expected", "2021"))
    from_year = rule.params.get("from_year", 2021)
    if report.template_version in (None, expected) or report.year is None or report.year < from_year:
        return
    evidence = "、".join(report.template_evidence[:4])
    yield rule.finding({"year": report.year, "found": report.template_version, "expected": expected,
                        "evidence": evidence or "—"},
                       report.table_locations.get("active_disclosure") or (report.title.location if report.title else None),
                       key="template", expected=expected, found=report.template_version)


_LABELS = {"labels": {"type": "object"}}
_OBJ = {"type": "object", "additionalProperties": False}


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("sections_present", run_sections_present, {**_OBJ, "properties": _LABELS},
                       "模板的六个部分齐全 / the six template sections are present"))
    register(CheckKind("sections_order", run_sections_order, {**_OBJ, "properties": _LABELS},
                       "各部分按模板顺序排列 / sections follow the template order"))
    register(CheckKind("sections_numbering", run_sections_numbering,
                       {**_OBJ, "properties": {**_LABELS, "separator": {"type": "string", "maxLength": 2}}},
                       "部分标题编号为 一、…六、 / section headings numbered 一、…六、"))
    register(CheckKind("section_wording", run_section_wording,
                       {**_OBJ, "properties": {**_LABELS, "accepted": {"type": "object", "propertyNames": {"pattern": "^[1-6]$"}, "additionalProperties": {
                           "type": "array", "items": {"type": "string", "maxLength": 100}, "maxItems": 100}}}},
                       "部分标题措辞与模板一致 / section heading wording follows the template"))
    register(CheckKind("title", run_title,
                       {**_OBJ, "properties": {**_LABELS, "must_contain": {"type": "string", "maxLength": 100}}},
                       "标题含规定名称 / the title names the report correctly"))
    register(CheckKind("tables_present", run_tables_present,
                       {**_OBJ, "properties": {**_LABELS, "tables": {"type": "array", "items": {
                           "enum": ["active_disclosure", "requests", "review_litigation"]}}}},
                       "三张统计表齐全完整 / the three tables are present and complete"))
    register(CheckKind("template_version", run_template_version, {**_OBJ, "properties": {
        "expected": {"enum": ["2019", "2021"]}, "from_year": {"type": "integer", "minimum": 2000, "maximum": 2100}}},
        "报告使用其年度对应的模板 / the report uses the template of its year"))
    register(CheckKind("blank_cells", run_blank_cells,
                       {**_OBJ, "properties": {**_LABELS, "statuses": {"type": "array", "items": {
                           "enum": ["blank", "dash", "text", "annotated"]}}}},
                       "表格单元格填写数字 / table cells hold numbers"))
