"""Consistency check kinds (warnings by design): what the text states against what
the tables say, and citations against the documents they name.

Narrative numbers are heuristic: a sentence may speak of one office while the table
covers the whole organ. Hence warnings, each showing the sentence and the cell.
"""

from __future__ import annotations

from decimal import Decimal

from .. import expr
from ..hookspecs import hookimpl
from ..interpret.template import load_notices, norm_title
from ..numbers import to_json_number
from ..specs import CheckKind
from . import label


def run_narrative_vs_table(rule, report):
    p = rule.params
    alternatives = [expr.parse(e) for e in p["accept"]]
    for fact in report.facts_of(p["fact"]):
        results = [expr.evaluate(a, report.value, {}, rule.lists) for a in alternatives]
        readable = [r for r in results if r.value is not None]
        if not readable:
            keys = [(o.key, report.provenance[o.key].raw if o.key in report.provenance else None)
                    for r in results for o in r.missing]
            yield rule.cannot_assess(keys[:4], fact.location, key=results[0].operands[0].key if results[0].operands else None)
            continue
        stated = Decimal(fact.value)
        if any(r.value == stated for r in readable):
            continue
        main = readable[0]
        key = main.operands[0].key if len(main.operands) == 1 else p.get("key", main.operands[0].key)
        yield rule.finding({"text": fact.text, "stated": fact.value, "table": to_json_number(main.value),
                            "cell": label(rule, p["fact"])}, fact.location, key=key,
                           expected=main.value, found=stated)


def run_fee_statement(rule, report):
    """A statement about 行政事业性收费 in the text against 表二's fee amount.

    信息处理费 (charged to applicants, in 元) is a different thing and is not compared.
    """
    key = rule.params.get("key", "active_disclosure.fees.amount")
    subjects = set(rule.params.get("subjects", ["行政事业性收费"]))
    table = report.value(key)
    for fact in report.facts:
        if fact.kind not in ("fee.none", "fee.amount") or fact.extra.get("subject") not in subjects:
            continue
        if table is None:
            yield rule.cannot_assess([(key, report.provenance[key].raw if key in report.provenance else None)],
                                     fact.location, key=key)
            continue
        if fact.kind == "fee.none":
            stated = Decimal(0)
        else:
            stated = Decimal(fact.value)
            if fact.extra.get("unit") == "元":
                stated = stated / Decimal(10000)
        tol = Decimal("0.005")
        if abs(stated - table) > tol:
            yield rule.finding({"text": fact.text, "stated": to_json_number(stated), "table": to_json_number(table)},
                               fact.location, key=key, expected=table, found=stated)


def run_citation_title(rule, report):
    notices = load_notices()
    by_number = {n["number"]: n for n in notices}
    law_titles = {norm_title(t) for t in rule.params.get("law_titles", ["中华人民共和国政府信息公开条例", "政府信息公开条例"])}
    for fact in report.facts_of("citation"):
        title = norm_title(fact.extra.get("title", ""))
        if fact.value is None:
            if "信息公开条例" in title and title not in law_titles and ("中华人民共和国" in title or title == "信息公开条例"):
                yield rule.finding({"text": fact.text, "expected": "《中华人民共和国政府信息公开条例》",
                                    "detail": {"zh": "法规名称不正确", "en": "the regulation's name is wrong"}},
                                   fact.location, key="citation", expected="中华人民共和国政府信息公开条例",
                                   found=fact.extra.get("title"))
            continue
        notice = by_number.get(fact.value)
        if notice is None or norm_title(notice["phrase"]) in title:
            continue
        owner = next((n for n in notices if norm_title(n["phrase"]) in title), None)
        detail = ({"zh": f"该标题属于{owner['number']}", "en": f"that title belongs to {owner['number']}"}
                  if owner else {"zh": "标题与文号不符", "en": "the title does not match the number"})
        yield rule.finding({"text": fact.text, "number": fact.value, "expected": f"《{notice['title']}》",
                            "detail": detail}, fact.location, key="citation", expected=notice["title"],
                           found=fact.extra.get("title"))


def run_rule_making_power(rule, report):
    """规章 reported by an organ whose name says it cannot make them (a township, a
    street office, a county)."""
    if not report.organ:
        return
    patterns = rule.params.get("organ_patterns", [])
    if not any(p in report.organ for p in patterns):
        return
    for key in rule.params.get("keys", ["active_disclosure.regulations.issued", "active_disclosure.regulations.in_force"]):
        value = report.value(key)
        if value is not None and value > 0:
            yield rule.finding({"organ": report.organ, "cell": label(rule, key), "value": to_json_number(value)},
                               report.location_of(key), key=key, expected=0, found=value)


def run_text_mentions(rule, report):
    """The text (or the given sections) mentions at least one of ``phrases``; with
    ``organ_suffixes``, only for organs whose name ends so (人民政府: a government, not
    the 街道办事处 of 某区人民政府)."""
    if report.texts is None:
        return
    suffixes = tuple(rule.params.get("organ_suffixes") or ())
    if suffixes and not (report.organ and report.organ.endswith(suffixes)):
        return
    sections = rule.params.get("sections")
    phrases = rule.params.get("phrases", [])
    blocks = [b for b in report.texts if sections is None or b.section in sections]
    if sections and not blocks and not any(s.found for s in report.sections or [] if s.index in sections):
        return  # the section is missing: sections-present reports that
    text = "".join(b.text for b in blocks)
    if not any(p in text for p in phrases):
        where = next((s.location for s in report.sections or [] if sections and s.index in sections and s.found),
                     report.title.location if report.title else None)
        yield rule.finding({"phrases": "、".join(phrases)}, where, key=f"sections.{sections[0]}" if sections else None,
                           expected=phrases)


def run_publication_deadline(rule, report):
    """Published after the deadline of the year after the report year (条例 art. 49)."""
    from datetime import date

    published = (report.properties or {}).get("published")
    if not published or report.year is None:
        return
    try:
        day = date.fromisoformat(str(published)[:10])
    except ValueError:
        return
    deadline = rule.params.get("deadline", "01-31")
    for entry in rule.params.get("by_organ") or []:
        if report.organ and report.organ.endswith(tuple(entry["organ_suffixes"])):
            deadline = entry["deadline"]
            break
    month, dom = (int(x) for x in deadline.split("-"))
    limit = date(report.year + 1, month, dom)
    if day > limit:
        yield rule.finding({"published": day.isoformat(), "deadline": limit.isoformat()}, None, key="published",
                           expected=limit.isoformat(), found=day.isoformat())


_OBJ = {"type": "object", "additionalProperties": False}


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("narrative_vs_table", run_narrative_vs_table, {
        **_OBJ, "required": ["fact", "accept"], "properties": {
            "fact": {"type": "string", "pattern": "^narrative\\.[a-z_]+$"},
            "accept": {"type": "array", "items": {"type": "string", "maxLength": 500}, "minItems": 1, "maxItems": 10},
            "key": {"type": "string"}, "labels": {"type": "object"}}},
        "正文数字与表格一致 / numbers in the text agree with the tables"))
    register(CheckKind("fee_statement", run_fee_statement, {**_OBJ, "properties": {
        "key": {"type": "string"}, "subjects": {"type": "array", "items": {"type": "string"}}}},
        "正文关于收费的表述与表二一致 / fee statements agree with table 2"))
    register(CheckKind("citation_title", run_citation_title, {**_OBJ, "properties": {
        "law_titles": {"type": "array", "items": {"type": "string", "maxLength": 100}}}},
        "引用文件的标题与文号相符 / cited titles belong to their numbers"))
    register(CheckKind("text_mentions", run_text_mentions, {**_OBJ, "required": ["phrases"], "properties": {
        "phrases": {"type": "array", "items": {"type": "string", "maxLength": 100}, "minItems": 1, "maxItems": 100},
        "sections": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 6}},
        "organ_suffixes": {"type": "array", "items": {"type": "string", "maxLength": 30}}}},
        "正文提到规定的内容 / the text mentions a required item"))
    register(CheckKind("publication_deadline", run_publication_deadline, {**_OBJ, "properties": {
        "deadline": {"type": "string", "pattern": "^[01][0-9]-[0-3][0-9]$"},
        "by_organ": {"type": "array", "items": {"type": "object", "required": ["organ_suffixes", "deadline"],
                                                  "additionalProperties": False, "properties": {
                                                      "organ_suffixes": {"type": "array", "items": {"type": "string"}},
                                                      "deadline": {"type": "string", "pattern": "^[01][0-9]-[0-3][0-9]$"}}}}}},
        "在规定期限前发布 / published by the deadline"))
    register(CheckKind("rule_making_power", run_rule_making_power, {**_OBJ, "properties": {
        "organ_patterns": {"type": "array", "items": {"type": "string", "maxLength": 30}, "maxItems": 100},
        "keys": {"type": "array", "items": {"type": "string"}}, "labels": {"type": "object"}}},
        "无规章制定权的机关不填报规章 / organs without rule-making power report no 规章"))
