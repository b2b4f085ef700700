"""Running a ruleset over a Report: select, run each rule's check kind, collect findings."""

from __future__ import annotations

from typing import Iterable

from .findings import CATEGORIES, Finding
from .location import Location
from .report import Report
from .ruleset import Ruleset


def rule_enabled(rule_id: str, category: str, select: set[str] | None, ignore: set[str] | None) -> bool:
    """``--select``/``--ignore`` take rule ids or categories; ignore wins."""
    if ignore and (rule_id in ignore or category in ignore):
        return False
    if select:
        return rule_id in select or category in select
    return True


def unknown_selectors(names: Iterable[str], ruleset: Ruleset) -> list[str]:
    known = {r.id for r in ruleset.rules} | set(CATEGORIES) | {"parse-problem", "engine-error"}
    return [n for n in names if n not in known]


def run(report: Report, ruleset: Ruleset, registry, *, select: set[str] | None = None,
        ignore: set[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    report.__dict__["_values"] = {}  # Report.value memo for this run: rules only read the report
    if rule_enabled("parse-problem", "parse", select, ignore):
        findings.extend(_parse_problems(report))
    for rule in ruleset.rules:
        if not rule_enabled(rule.id, rule.category, select, ignore):
            continue
        kind = registry.check_kinds.get(rule.kind)
        if kind is None:  # only possible for a trusted ruleset naming a kind of a missing plugin
            findings.append(_engine_error(rule.id, f"检查类型 “{rule.kind}” 未安装", f"check kind '{rule.kind}' is not installed"))
            continue
        try:
            findings.extend(kind.run(rule, report))
        except Exception as exc:  # noqa: BLE001 - one broken check must not lose the others
            findings.append(_engine_error(rule.id, f"规则执行出错：{type(exc).__name__}: {exc}",
                                          f"rule failed: {type(exc).__name__}: {exc}"))
    report.__dict__.pop("_values", None)
    for f in findings:
        f.file = report.source_path
    findings.sort(key=Finding.sort_key)
    return findings


def _parse_problems(report: Report) -> list[Finding]:
    out = []
    for p in report.problems:
        out.append(Finding(
            rule="parse-problem", category="parse", severity=p.get("severity", "warning"),
            message_zh=p.get("zh", ""), message_en=p.get("en", p.get("zh", "")),
            location=Location.from_dict(p.get("location")), key=p.get("key"),
            assessable=False,
        ))
    return out


def _engine_error(rule_id: str, zh: str, en: str) -> Finding:
    return Finding(rule="engine-error", category="parse", severity="error",
                   message_zh=f"{rule_id}: {zh}", message_en=f"{rule_id}: {en}")
