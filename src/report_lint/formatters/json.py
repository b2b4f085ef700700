"""``{"findings": [...], "files": [...], "summary": {...}}``, documented by
``report-lint schema findings``; and ``jsonl``: one finding (or unreadable file) per
line, for streams."""

from __future__ import annotations

import json

from ..hookspecs import hookimpl
from ..specs import FormatterSpec, streaming_formatter
from ..summary import Summary


def file_error(result) -> dict:
    return {"zh": result.error.zh, "en": result.error.en, "kind": type(result.error).__name__}


def format_json(results, options) -> str:
    summary = Summary()
    files, findings = [], []
    for result in results:
        summary.add(result)
        entry = {"path": result.path, "error": file_error(result) if result.error is not None else None}
        entry.update({k: v for k, v in result.meta.items() if k in ("organ", "year", "template_version")})
        files.append(entry)
        findings.extend(f.to_dict() for f in result.findings)
    payload = {"version": 1, "lang": options.get("lang", "zh"), "findings": findings, "files": files,
               "summary": summary.counts()}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def jsonl_file(result, options) -> str:
    if result.error is not None:
        return _line({"file": result.path, "error": file_error(result)})
    return "".join(_line(f.to_dict()) for f in result.findings)


@hookimpl
def report_lint_register_formatters(register):
    register(FormatterSpec("json", format_json, "JSON（见 report-lint schema findings）/ JSON, see the findings schema",
                           suffix=".json"))
    register(streaming_formatter("jsonl", lambda options: "", jsonl_file, lambda summary, options: "",
                                 "每行一条问题的 JSON / one JSON finding per line", suffix=".jsonl"))
