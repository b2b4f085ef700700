"""One line per finding, ``path:location: severity rule-id message``, then a summary."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..messages import msg
from ..specs import FormatterSpec


def format_text(results, options) -> str:
    lang = options.get("lang", "zh")
    lines: list[str] = []
    for result in results:
        if result.error is not None:
            lines.append(msg("file_error", lang, path=result.path, reason=result.error.message(lang)))
            continue
        for f in result.findings:
            loc = f.location.short()
            lines.append(f"{result.path}:{loc}: {f.severity} {f.rule} {f.message(lang)}")
    counts = summary_counts(results)
    lines.append(msg("summary", lang, seconds=options.get("seconds", 0.0), **counts))
    return "\n".join(lines) + "\n"


def summary_counts(results) -> dict[str, int]:
    counts = {"files": len(results), "errors": 0, "warnings": 0, "infos": 0}
    for result in results:
        for f in result.findings:
            counts[{"error": "errors", "warning": "warnings", "info": "infos"}[f.severity]] += 1
    return counts


@hookimpl
def report_lint_register_formatters(register):
    register(FormatterSpec("text", format_text, "每条问题一行，末尾汇总 / one line per finding and a summary"))
