"""One line per finding, ``path:location: severity rule-id message``, then a summary.

Colour only on a terminal (click drops the escape codes when the output is not one, and
``NO_COLOR`` turns them off); ``--statistics`` adds counts per rule. Streams: each
file's lines are written as soon as the file is done.
"""

from __future__ import annotations

import os

from ..hookspecs import hookimpl
from ..messages import msg
from ..specs import streaming_formatter

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _style(text: str, options, **style) -> str:
    if not options.get("color") or os.environ.get("NO_COLOR"):
        return text
    import click

    return click.style(text, **style)


def begin(options) -> str:
    return ""


def file(result, options) -> str:
    lang = options.get("lang", "zh")
    if result.error is not None:
        return _style(msg("file_error", lang, path=result.path, reason=result.error.message(lang)), options,
                      fg="red", bold=True) + "\n"
    lines = []
    for f in result.findings:
        where = _style(f"{result.path}:{f.location.short()}:", options, bold=True)
        severity = _style(f.severity, options, fg=_COLOURS.get(f.severity))
        lines.append(f"{where} {severity} {f.rule} {f.message(lang)}\n")
        lines.extend(f"    → {line}\n" for line in f.related_lines(lang))
    return "".join(lines)


def end(summary, options) -> str:
    lang = options.get("lang", "zh")
    out = []
    if options.get("statistics") and summary.per_rule:
        width = max(len(rule) for rule in summary.per_rule)
        for rule, count in sorted(summary.per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            category, severity = summary.rule_meta[rule]
            out.append(f"{count:>6}  {rule:<{width}}  {severity:<7}  {category}\n")
    text = msg("summary", lang, seconds=options.get("seconds", summary.seconds), **summary.counts())
    if summary.unreadable:
        text += msg("summary_unreadable", lang, unreadable=summary.unreadable)
    out.append(_style(text, options, bold=True) + "\n")
    return "".join(out)


@hookimpl
def report_lint_register_formatters(register):
    register(streaming_formatter("text", begin, file, end,
                                 "每条问题一行，末尾汇总 / one line per finding and a summary"))
