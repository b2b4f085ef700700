"""The pipeline for one file: read → parse → interpret → rules → findings.

Every failure of one file becomes that file's error (exit code 2), never an exception
that would lose the results of the other files in a batch.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from .errors import InputError, InternalError, ReportLintError
from .findings import Finding
from .limits import DEFAULT as DEFAULT_LIMITS
from .limits import Limits, current, memory_cap, use
from .messages import msg
from .related import Packed
from .report import Report

MAX_INPUT_BYTES = DEFAULT_LIMITS.file_size  # the default; the limits in effect decide (limits.py)


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: ReportLintError | None = None
    report: Report | None = None  # kept only when a formatter needs it (see FormatterSpec)
    seconds: float = 0.0
    meta: dict = field(default_factory=dict)  # organ, year, template version, title: small, always kept


def report_meta(report: Report) -> dict:
    return {"organ": report.organ, "year": report.year, "template_version": report.template_version,
            "title": report.title.text if report.title else None, "format": report.source_format}


def read_input(path: str, max_bytes: int | None = None) -> bytes:
    if max_bytes is None:
        max_bytes = current().file_size
    if "://" in path:  # a URL: the HTML plugin fetches it (timeout, size limit, bounded redirects)
        from report_lint_html.fetch import fetch

        return fetch(path, max_bytes)
    if not os.path.exists(path):
        raise InputError(msg("no_such_file", "zh", path=path), msg("no_such_file", "en", path=path))
    if not os.path.isfile(path):
        raise InputError(msg("not_a_file", "zh", path=path), msg("not_a_file", "en", path=path))
    size = os.path.getsize(path)
    if size > max_bytes:
        raise InputError(msg("file_too_large", "zh", size=size, limit=max_bytes),
                         msg("file_too_large", "en", size=size, limit=max_bytes))
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}")


def choose_parser(registry, path: str, data: bytes):
    suffix = os.path.splitext(path)[1].lower()
    spec = registry.parser_for_suffix(suffix) if suffix else None
    if spec is None:
        spec = registry.sniff(data[:8192])
    if spec is None:
        known = ", ".join(sorted({s for p in registry.parsers.values() for s in p.suffixes}))
        raise InputError(msg("unknown_format", "zh", suffix=suffix or "无后缀", known=known),
                         msg("unknown_format", "en", suffix=suffix or "no suffix", known=known))
    return spec


def build_report(registry, path: str, max_bytes: int | None = None) -> Report:
    """Parse and interpret one file into the canonical Report."""
    from .interpret import interpret

    data = read_input(path, max_bytes)
    if not data or data.isspace():
        raise InputError(msg("empty_file", "zh", size=len(data)), msg("empty_file", "en", size=len(data)))
    spec = choose_parser(registry, path, data)
    produced = spec.parse(data, path)
    if spec.produces == "report":
        produced.source_path = path
        return produced
    return interpret(produced)


def safe_build_report(registry, path: str, max_bytes: int | None = None) -> Report:
    """``build_report`` whose every failure is a ReportLintError with a clear message."""
    try:
        return build_report(registry, path, max_bytes)
    except ReportLintError:
        raise
    except RecursionError:
        raise InputError("文件嵌套过深，无法解析", "input nested too deeply to parse")
    except MemoryError:
        memory = current().memory // (1024 * 1024)
        raise InputError(f"读取此文件需要的内存超过上限（{memory} MB，--limit memory=N 可放宽）",
                         f"reading this file needs more memory than the limit ({memory} MB; raise it with "
                         "--limit memory=N)")
    except Exception as exc:  # noqa: BLE001 - a parser bug must not lose the batch
        raise InternalError(f"内部错误（请报告此问题）：{type(exc).__name__}: {exc}",
                            f"internal error (please report it): {type(exc).__name__}: {exc}")


def _as_settings(chosen, select, ignore):
    """``ruleset_for`` gives FileSettings (the CLI's Resolver: per-file rules, suppressions)
    or a bare Ruleset (the API, benchmarks), which runs with ``select``/``ignore`` and no
    suppression files, as before."""
    from .settings import FileSettings

    if isinstance(chosen, FileSettings):
        return chosen
    return FileSettings(chosen, select, ignore, suppressions=False)


def lint_file(registry, path: str, ruleset_for, select=None, ignore=None, *, keep_report: bool | str = True,
              max_bytes: int | None = None, limits: Limits | None = None) -> FileResult:
    """One file, within ``limits`` (the parsers read them through ``limits.current()``).
    ``keep_report``: True keeps the whole Report, ``"slim"`` what cross-document rules
    read, packed (``related.Packed``), False nothing."""
    with use(limits) as chosen, memory_cap(chosen.memory):
        return _lint_file(registry, path, ruleset_for, select, ignore, keep_report, max_bytes)


def _lint_file(registry, path: str, ruleset_for, select, ignore, keep_report: bool, max_bytes: int | None) -> FileResult:
    from . import engine

    started = time.perf_counter()
    result = FileResult(path)
    try:
        report = safe_build_report(registry, path, max_bytes)
        report.source_path = path
        result.meta = report_meta(report)
        if keep_report:
            result.report = report if keep_report != "slim" else Packed(report)
        settings = _as_settings(ruleset_for(report), select, ignore)
        findings = engine.run(report, settings.ruleset, registry, select=settings.select, ignore=settings.ignore)
        if settings.suppressions:
            from . import suppress

            findings = suppress.apply(path, findings)
        result.findings = findings
    except ReportLintError as exc:
        result.error = exc
    result.seconds = time.perf_counter() - started
    return result
