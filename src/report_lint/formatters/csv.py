"""One row per file for reviewers' spreadsheets: UTF-8 with a BOM and CRLF line ends,
which Excel and WPS both open with the Chinese text intact."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..specs import streaming_formatter

HEADERS = {
    "zh": ["文件", "机关", "年度", "模板版本", "错误", "警告", "提示", "状态", "第一个错误"],
    "en": ["file", "organ", "year", "template version", "errors", "warnings", "infos", "status", "first error"],
}
STATUS = {"zh": {"ok": "已检查", "unreadable": "无法检查"}, "en": {"ok": "checked", "unreadable": "not checked"}}


def _row(values) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


def begin(options) -> str:
    return "\ufeff" + _row(HEADERS[options.get("lang", "zh")])


def file(result, options) -> str:
    lang = options.get("lang", "zh")
    if result.error is not None:
        return _row([result.path, "", "", "", "", "", "", STATUS[lang]["unreadable"], result.error.message(lang)])
    count = {s: sum(1 for f in result.findings if f.severity == s) for s in ("error", "warning", "info")}
    first = next((f for f in result.findings if f.severity == "error"), None)
    meta = result.meta
    return _row([result.path, meta.get("organ") or "", meta.get("year") or "", meta.get("template_version") or "",
                 count["error"], count["warning"], count["info"], STATUS[lang]["ok"],
                 f"{first.rule}: {first.message(lang)}" if first else ""])


@hookimpl
def report_lint_register_formatters(register):
    register(streaming_formatter("csv", begin, file, lambda summary, options: "",
                                 "每个文件一行的 CSV（Excel/WPS）/ one CSV row per file (Excel, WPS)", suffix=".csv"))
