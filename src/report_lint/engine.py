"""Running a ruleset over a Report: select, run each rule's check kind, collect findings."""

from __future__ import annotations

from typing import Iterable

from .findings import CATEGORIES, Finding
from .location import Location
from .report import Report, ValueMemo
from .ruleset import Ruleset


def rule_enabled(rule_id: str, category: str, select: set[str] | None, ignore: set[str] | None) -> bool:
    """``--select``/``--ignore`` take rule ids or categories; ignore wins."""
    if ignore and (rule_id in ignore or category in ignore):
        return False
    if select:
        return rule_id in select or category in select
    return True


def unknown_selectors(names: Iterable[str], ruleset: Ruleset) -> list[str]:
    known = {r.id for r in ruleset.rules} | set(CATEGORIES) | {"parse-problem", "engine-error", "pairing-problem"}
    return [n for n in names if n not in known]


def run(report: Report, ruleset: Ruleset, registry, *, select: set[str] | None = None,
        ignore: set[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    report.__dict__["_values"] = ValueMemo(report)  # Report.value memo for this run: rules only read the report
    if rule_enabled("parse-problem", "parse", select, ignore):
        findings.extend(_parse_problems(report))
    for rule in ruleset.rules:
        if not rule_enabled(rule.id, rule.category, select, ignore):
            continue
        kind = registry.check_kinds.get(rule.kind)
        if kind is None:  # only possible for a trusted ruleset naming a kind of a missing plugin
            findings.append(_engine_error(rule.id, f"检查类型 “{rule.kind}” 未安装", f"check kind '{rule.kind}' is not installed"))
            continue
        if kind.needs is not None:  # cross-document: run by run_related once the batch is read
            continue
        _run_rule(kind, rule, findings, report)
    report.__dict__.pop("_values", None)
    for f in findings:
        f.file = report.source_path
    findings.sort(key=Finding.sort_key)
    return findings


def has_related_rules(ruleset: Ruleset, registry, select: set[str] | None = None,
                      ignore: set[str] | None = None) -> bool:
    """Whether any enabled rule compares reports (so a batch must keep them)."""
    return any(rule_enabled(r.id, r.category, select, ignore) and getattr(registry.check_kinds.get(r.kind), "needs", None)
               for r in ruleset.rules)


def run_related(report: Report, related, ruleset: Ruleset, registry, *, select: set[str] | None = None,
                ignore: set[str] | None = None) -> list[Finding]:
    """The cross-document rules of ``ruleset`` whose relation (``Related``) is known."""
    findings: list[Finding] = []
    report.__dict__["_values"] = ValueMemo(report)
    for rule in ruleset.rules:
        kind = registry.check_kinds.get(rule.kind)
        if kind is None or kind.needs is None or not related.has(kind.needs):
            continue
        if rule_enabled(rule.id, rule.category, select, ignore):
            _run_rule(kind, rule, findings, report, related)
    report.__dict__.pop("_values", None)
    for f in findings:
        f.file = report.source_path
    return findings


def _run_rule(kind, rule, findings: list[Finding], report: Report, *related) -> None:
    try:
        findings.extend(kind.run(rule, report, *related))
    except Exception as exc:  # noqa: BLE001 - one broken check must not lose the others
        findings.append(_engine_error(rule.id, f"规则执行出错：{type(exc).__name__}: {exc}",
                                      f"rule failed: {type(exc).__name__}: {exc}"))


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
