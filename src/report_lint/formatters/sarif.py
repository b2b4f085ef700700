"""SARIF 2.1.0 for code-scanning tools: rule metadata, physical and logical locations,
partial fingerprints.

Written as plain JSON rather than through ``sarif-om``: that object model was last
released in 2019, needs attrs, pbr and jschema-to-python, and gives nothing a dict does
not; the output is validated against the official schema in the tests instead.
"""

from __future__ import annotations

import json

from .. import __version__
from ..fingerprint import file_identity
from ..hookspecs import hookimpl
from ..location import Location
from ..specs import FormatterSpec

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def _rules(ruleset, lang: str) -> list[dict]:
    out = []
    for rule in ruleset.rules if ruleset is not None else []:
        other = "en" if lang == "zh" else "zh"
        help_text = f"{rule.text('description', lang)}\n\n{rule.text('rationale', lang)}"
        if rule.example:
            help_text += f"\n\n{'不通过的示例' if lang == 'zh' else 'Example that fails'}: {rule.example}"
        out.append({
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.text("summary", lang)},
            "fullDescription": {"text": rule.text("description", lang) or rule.text("summary", lang)},
            "help": {"text": help_text + f"\n\n{rule.text('summary', other)}: {rule.text('description', other)}"},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"category": rule.category, "kind": rule.kind,
                           "summary": {"zh": rule.text("summary", "zh"), "en": rule.text("summary", "en")},
                           "tags": [rule.category]},
        })
    return out


def _location(finding, uri: str) -> dict:
    physical: dict = {"artifactLocation": {"uri": uri}}
    loc = finding.location
    if loc.line:
        region = {"startLine": loc.line}
        if loc.column:
            region["startColumn"] = loc.column
        if loc.end_line and loc.end_line >= loc.line:
            region["endLine"] = loc.end_line
        physical["region"] = region
    out: dict = {"physicalLocation": physical}
    if finding.key:
        kind = "element" if finding.key.split(".")[0] in ("active_disclosure", "requests", "review_litigation") \
            else "resource"
        out["logicalLocations"] = [{"fullyQualifiedName": finding.key, "kind": kind}]
    if loc.table or loc.page or loc.paragraph is not None:
        out["properties"] = {k: v for k, v in loc.to_dict().items() if k in ("table", "row", "col", "page", "paragraph")}
    return out


def _related(index: int, related: dict, lang: str) -> dict:
    """A place in another report (last year's cell, a child's, a copied passage)."""
    loc = Location.from_dict(related.get("location"))
    physical: dict = {"artifactLocation": {"uri": file_identity(related["file"])}}
    if loc.line:
        physical["region"] = {"startLine": loc.line, **({"startColumn": loc.column} if loc.column else {})}
    note = related.get("note") or {}
    return {"id": index, "physicalLocation": physical, "message": {"text": note.get(lang) or note.get("zh", "")}}


def format_sarif(results, options) -> str:
    lang = options.get("lang", "zh")
    ruleset = options.get("ruleset")
    rules = _rules(ruleset, lang)
    index = {r["id"]: i for i, r in enumerate(rules)}
    sarif_results, notifications, artifacts = [], [], []
    for result in results:
        uri = file_identity(result.path)
        artifacts.append({"location": {"uri": uri}})
        if result.error is not None:
            notifications.append({"level": "error", "message": {"text": result.error.message(lang)},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            continue
        for f in result.findings:
            item = {
                "ruleId": f.rule,
                "level": LEVELS[f.severity],
                "message": {"text": f.message(lang)},
                "locations": [_location(f, uri)],
                "partialFingerprints": {"reportLint/v1": f.fingerprint()},
                "properties": {"category": f.category, "assessable": f.assessable,
                               "message": {"zh": f.message_zh, "en": f.message_en}},
            }
            if f.rule in index:
                item["ruleIndex"] = index[f.rule]
            for name in ("expected", "found"):
                value = f.to_dict()[name]
                if value is not None:
                    item["properties"][name] = value
            if f.cells:
                item["properties"]["cells"] = list(f.cells)
            if f.related:
                item["relatedLocations"] = [_related(i, r, lang) for i, r in enumerate(f.related)]
            sarif_results.append(item)
    run = {
        "tool": {"driver": {"name": "report-lint", "version": __version__, "semanticVersion": __version__,
                            "rules": rules}},
        "artifacts": artifacts,
        "results": sarif_results,
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "language": "zh-CN" if lang == "zh" else "en-US",
        "columnKind": "unicodeCodePoints",
    }
    return json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


@hookimpl
def report_lint_register_formatters(register):
    register(FormatterSpec("sarif", format_sarif, "SARIF 2.1.0（代码扫描）/ SARIF 2.1.0 for code scanning",
                           suffix=".sarif"))
