"""JUnit XML for CI systems that show test reports: one test suite per file, one test
case per rule. A rule fails when it has a finding at or above ``--fail-on``, is
skipped when it could not be assessed, and passes otherwise; a file that could not be
read is one test case in error."""

from __future__ import annotations

from ..findings import SEVERITY_RANK
from ..hookspecs import hookimpl
from ..specs import FormatterSpec


def format_junit(results, options) -> str:
    from xml.etree import ElementTree as ET

    lang = options.get("lang", "zh")
    threshold = SEVERITY_RANK[options.get("fail_on", "error")]
    ruleset = options.get("ruleset")
    rule_ids = [r.id for r in ruleset.rules] if ruleset is not None else []
    root = ET.Element("testsuites", name="report-lint")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in results:
        suite = ET.SubElement(root, "testsuite", name=result.path)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if result.error is not None:
            case = ET.SubElement(suite, "testcase", name="parse", classname=result.path)
            ET.SubElement(case, "error", message=result.error.message(lang), type=type(result.error).__name__)
            counts["tests"] += 1
            counts["errors"] += 1
        else:
            by_rule: dict[str, list] = {}
            for f in result.findings:
                by_rule.setdefault(f.rule, []).append(f)
            for rule_id in rule_ids + sorted(set(by_rule) - set(rule_ids)):
                findings = by_rule.get(rule_id, [])
                selected = options.get("selected_rules")
                if selected is not None and rule_id not in selected and not findings:
                    continue
                case = ET.SubElement(suite, "testcase", name=rule_id, classname=result.path)
                counts["tests"] += 1
                failing = [f for f in findings if f.assessable and SEVERITY_RANK[f.severity] >= threshold]
                lines = "\n".join(f"{f.location.short()}: {f.severity} {f.message(lang)}"
                                   + "".join(f"\n    → {line}" for line in f.related_lines(lang)) for f in findings)
                if failing:
                    node = ET.SubElement(case, "failure", message=failing[0].message(lang), type=failing[0].severity)
                    node.text = lines
                    counts["failures"] += 1
                elif findings and all(not f.assessable for f in findings):
                    ET.SubElement(case, "skipped", message=findings[0].message(lang))
                    counts["skipped"] += 1
                elif findings:
                    ET.SubElement(case, "system-out").text = lines
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


@hookimpl
def report_lint_register_formatters(register):
    register(FormatterSpec("junit", format_junit, "JUnit XML（CI 测试报告）/ JUnit XML for CI test reports",
                           suffix=".xml"))
