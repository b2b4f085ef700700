"""The ``hierarchy_sum`` check kind: a report's figures are the sum of its children's.

A district's report often aggregates its offices'. The sum is judged only when every
child report is present and readable; otherwise the finding names what is missing and
judges nothing, since a partial sum proves nothing.
"""

from __future__ import annotations

from decimal import Decimal

from ..findings import Finding
from ..hookspecs import hookimpl
from ..location import Location
from ..specs import CheckKind
from . import cell_keys, key_label
from .arithmetic import _IDENTITY_SCHEMA, keyed_schema, rounding_tolerance

MAX_LISTED = 8


def run_hierarchy_sum(rule, report, related):
    from ..related import pointer  # the cross-document modules load only when reports are compared

    children = related.children or []
    if related.missing:
        names = "、".join(m.name for m in related.missing[:MAX_LISTED])
        more = f" 等 {len(related.missing)} 份" if len(related.missing) > MAX_LISTED else ""
        reasons_zh = "；".join(f"{m.name}：{m.reason_zh}" for m in related.missing[:MAX_LISTED])
        reasons_en = "; ".join(f"{m.name}: {m.reason_en}" for m in related.missing[:MAX_LISTED])
        yield Finding(rule=rule.id, category=rule.category, severity="info",
                      message_zh=f"{rule.summary.get('zh', rule.id)}：下级报告缺失或无法读取（{names}{more}），"
                                 f"未核对合计。{reasons_zh}",
                      message_en=f"{rule.summary.get('en', rule.id)}: child reports missing or unreadable "
                                 f"({len(related.missing)}), sums not checked. {reasons_en}",
                      location=report.title.location if report.title else Location(),
                      assessable=False)
        return
    if not children:
        return
    p = rule.params
    tolerance = Decimal(str(p.get("tolerance", 0))) if p.get("tolerance") not in (None, "auto") else None
    for _, key in cell_keys(p, rule.lists):
        total = report.value(key)
        if total is None:
            continue  # the parent's own blank or unreadable cell is a per-file finding
        values = [child.value(key) for child in children]
        unreadable = [c for c, v in zip(children, values) if v is None]
        if unreadable:
            cells = [(f"{_name(c)}:{key}", c.provenance[key].raw if key in c.provenance else None)
                     for c in unreadable[:MAX_LISTED]]
            finding = rule.cannot_assess(cells, report.location_of(key), key=key,
                                         what=key_label(rule, key))
            finding.cells = [key]
            yield finding
            continue
        added = sum(values, Decimal(0))
        allowed = tolerance if tolerance is not None else rounding_tolerance(values + [total])
        if abs(added - total) <= allowed:
            continue
        parts = "、".join(f"{_name(c)} {v}" for c, v in list(zip(children, values))[:MAX_LISTED])
        if len(children) > MAX_LISTED:
            parts += " …"
        finding = rule.finding({"cell": key_label(rule, key), "key": key, "total": total, "sum": added,
                                "children": len(children), "parts": parts},
                               report.location_of(key), key=key, expected=added, found=total)
        finding.cells = [key]
        finding.related = [pointer(c, c.location_of(key), f"下级报告 {_name(c)}：{v}", f"child report {_name(c)}: {v}")
                           for c, v in zip(children, values)]
        yield finding


def _name(report) -> str:
    return report.organ or report.source_path


_SCHEMA = keyed_schema(tolerance=_IDENTITY_SCHEMA["properties"]["tolerance"])


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("hierarchy_sum", run_hierarchy_sum, _SCHEMA,
                       "上级报告数值等于各下级报告之和 / a parent report's values are the sums of its children's",
                       needs="children"))
