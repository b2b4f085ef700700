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
               exclude: Iterable[str] = (), keep_report: bool = True, previous: str | None = None,
               children: str | None = None, organs: dict[str, str] | None = None,
               hierarchy: dict[str, list[str]] | None = None, limits=None) -> list:
    """Lint files, folders and globs; a list of ``FileResult`` (path, findings, error,
    report, meta) in input order. A file that cannot be read has ``error`` set.

    Reports of several files are compared as the CLI does (last year's of the same
    organ); ``previous`` (a file), ``children`` (a folder), ``organs`` (alias → name)
    and ``hierarchy`` (parent organ → child organs) relate them explicitly.

    ``limits``: a ``report_lint.limits.Limits`` or a mapping such as ``{"pages": 5000}``
    (docs/limits.md); with it, ``timeout`` defaults to its ``seconds``."""
    from . import limits as lim
    from .batch import expand_paths, run_files
    from .crossdoc import context_reader, lint_related, prepare
    from .plugins import get_registry

    if isinstance(limits, dict):
        limits = lim.from_mapping(limits)
    if limits is not None and timeout is None:
        timeout = limits.seconds
    max_bytes = (limits or lim.DEFAULT).file_size
    registry = get_registry()
    rs = _ruleset(registry, ruleset)
    select, ignore = (set(select) if select else None), (set(ignore) if ignore else None)
    suffixes = {s for p in registry.parsers.values() for s in p.suffixes}
    files = expand_paths([paths] if isinstance(paths, str) else list(paths), suffixes, exclude)
    run_options = {"jobs": jobs, "timeout": timeout, "max_bytes": max_bytes, "limits": limits}
    cross = prepare(registry, files, rs, context_reader(registry, **run_options), select=select, ignore=ignore,
                    previous=previous, children=children, aliases=organs, hierarchy=hierarchy)
    if cross is not None:
        return lint_related(registry, files, lambda report: rs, cross, select=select, ignore=ignore,
                            keep_report=keep_report, **run_options)
    return list(run_files(registry, files, lambda report: rs, select=select, ignore=ignore, keep_report=keep_report,
                          **run_options))


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
