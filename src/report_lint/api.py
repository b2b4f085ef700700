"""The Python API, for those who embed report-lint: the same findings as the CLI.

    import report_lint
    results = report_lint.lint_paths(["reports/"], jobs=2)
    findings = report_lint.lint_report({"tables": {...}})
"""

from __future__ import annotations

from typing import Any, Iterable


def _ruleset(registry, ruleset):
    from .ruleset import Ruleset, resolve

    return ruleset if isinstance(ruleset, Ruleset) else resolve(registry, ruleset)


def lint_paths(paths: Iterable[str] | str, *, ruleset=None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, jobs: int = 1, timeout: float | None = None,
               exclude: Iterable[str] = (), keep_report: bool = True) -> list:
    """Lint files, folders and globs; a list of ``FileResult`` (path, findings, error,
    report, meta) in input order. A file that cannot be read has ``error`` set."""
    from .batch import expand_paths, run_files
    from .plugins import get_registry

    registry = get_registry()
    rs = _ruleset(registry, ruleset)
    suffixes = {s for p in registry.parsers.values() for s in p.suffixes}
    files = expand_paths([paths] if isinstance(paths, str) else list(paths), suffixes, exclude)
    return list(run_files(registry, files, lambda report: rs, select=set(select) if select else None,
                          ignore=set(ignore) if ignore else None, jobs=jobs, timeout=timeout,
                          keep_report=keep_report))


def lint_report(report: Any, *, ruleset=None, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None) -> list:
    """Lint a report already in memory: a canonical ``Report``, its JSON as a dict (validated
    against the schema), or a parser's ``Document``. Returns the findings."""
    from . import engine
    from .document import Document
    from .plugins import get_registry
    from .report import Report

    registry = get_registry()
    rs = _ruleset(registry, ruleset)
    if isinstance(report, dict):
        import json

        from report_lint_json import parse

        report = parse(json.dumps(report, ensure_ascii=False, default=str).encode("utf-8"), "<dict>")
    elif isinstance(report, Document):
        from .interpret import interpret

        report = interpret(report)
    if not isinstance(report, Report):
        raise TypeError("lint_report takes a Report, its JSON dict, or a Document")
    return engine.run(report, rs, registry, select=set(select) if select else None,
                      ignore=set(ignore) if ignore else None)
