"""GitHub Actions workflow commands (``::error file=…,line=…::message``), so a run
shows each finding on its file. Escaping follows the runner's rules: ``%``, CR and LF
in messages; additionally ``:`` and ``,`` in properties."""

from __future__ import annotations

from ..fingerprint import file_identity
from ..hookspecs import hookimpl
from ..specs import streaming_formatter

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def file(result, options) -> str:
    lang = options.get("lang", "zh")
    path = escape_property(file_identity(result.path))
    if result.error is not None:
        return f"::error file={path},title=report-lint::{escape_data(result.error.message(lang))}\n"
    out = []
    for f in result.findings:
        props = [f"file={path}"]
        if f.location.line:
            props.append(f"line={f.location.line}")
            if f.location.column:
                props.append(f"col={f.location.column}")
        props.append(f"title={escape_property(f.rule)}")
        message = "\n".join([f.message(lang)] + [f"→ {line}" for line in f.related_lines(lang)])
        out.append(f"::{LEVELS[f.severity]} {','.join(props)}::{escape_data(message)}\n")
    return "".join(out)


@hookimpl
def report_lint_register_formatters(register):
    register(streaming_formatter("github", lambda options: "", file, lambda summary, options: "",
                                 "GitHub Actions 注释 / GitHub Actions annotations"))
