"""``{"findings": [...], "files": [...], "summary": {...}}``, documented by
``report-lint schema findings``."""

from __future__ import annotations

import json

from ..hookspecs import hookimpl
from ..specs import FormatterSpec
from .text import summary_counts


def format_json(results, options) -> str:
    lang = options.get("lang", "zh")
    files = []
    findings = []
    for result in results:
        entry = {"path": result.path, "error": None}
        if result.error is not None:
            entry["error"] = {"zh": result.error.zh, "en": result.error.en, "kind": type(result.error).__name__}
        files.append(entry)
        findings.extend(f.to_dict() for f in result.findings)
    payload = {
        "version": 1,
        "lang": lang,
        "findings": findings,
        "files": files,
        "summary": summary_counts(results),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


@hookimpl
def report_lint_register_formatters(register):
    register(FormatterSpec("json", format_json, "JSON（见 report-lint schema findings）/ JSON, see the findings schema"))
