"""The cross-document phase of a run: once every file of the batch is read, relate the
reports (last year's, children) and run the rules that compare them.

Each file's own findings come from ``lint_file`` as usual; this phase adds to them, then
applies the file's suppressions once over both (a suppression of a cross-document
finding must not look unused while the file is linted alone).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import engine
from .findings import Finding
from .grouping import Links, children_declared, children_from_folder, entries, pair_by_organ, pair_explicitly
from .location import Location


@dataclass
class CrossOptions:
    """What relates the reports: ``previous`` (``--previous``), ``children`` (the reports
    of ``--children DIR``), the organ alias map and a declared hierarchy."""

    previous: object | None = None  # FileResult of last year's report
    children: list = field(default_factory=list)  # FileResults of the children folder
    children_given: bool = False
    aliases: dict[str, str] = field(default_factory=dict)
    hierarchy: dict[str, list[str]] = field(default_factory=dict)


def prepare(registry, files: list[str], ruleset, read, *, select=None, ignore=None, previous: str | None = None,
            children: str | None = None, aliases: dict[str, str] | None = None,
            hierarchy: dict[str, list[str]] | None = None) -> CrossOptions | None:
    """The CrossOptions of a run, or None when nothing can be compared (one file and no
    relation given, or no cross-document rule enabled). ``read(paths)`` reads the
    context reports (``--previous``, ``--children``) into FileResults, not linting them."""
    from .batch import expand_paths
    from .organs import normalize_map

    if not (previous or children or hierarchy or len(files) > 1):
        return None
    if not engine.has_related_rules(ruleset, registry, select, ignore):
        return None
    options = CrossOptions(aliases=normalize_map(aliases or {}), hierarchy=dict(hierarchy or {}),
                           children_given=bool(children))
    if previous:
        options.previous = read([previous])[0]
    if children:
        suffixes = {suffix for spec in registry.parsers.values() for suffix in spec.suffixes}
        options.children = read(expand_paths([children], suffixes))
    return options


def context_reader(registry, **run_options):
    """``read`` for ``prepare``: the files parsed in the pool, no rule run."""
    from .batch import run_files
    from .ruleset import Ruleset

    context = Ruleset("context", "", {}, None, [])
    return lambda paths: list(run_files(registry, paths, lambda report: context, keep_report="slim", **run_options))


def lint_related(registry, files: list[str], settings_for, options: CrossOptions, *, select=None, ignore=None,
                 keep_report: bool = False, progress=None, **run_options) -> list:
    """Lint ``files`` keeping their reports (packed unless ``keep_report``), then relate
    and compare them: the FileResults in input order, with last year's report appended
    when ``--previous`` could not be read (so the run reports it and exits 2).
    ``progress`` wraps the stream of results as they come (a progress bar)."""
    from .batch import run_files

    stream = run_files(registry, files, _without_suppressions(settings_for, select, ignore), select=select,
                       ignore=ignore, keep_report=keep_report or "slim", **run_options)
    results = list(progress(stream) if progress else stream)
    link(results, registry, settings_for, options, select=select, ignore=ignore, keep_report=keep_report)
    if options.previous is not None and options.previous.error is not None:
        results.append(options.previous)
    return results


def _without_suppressions(settings_for, select, ignore):
    """Per-file settings with suppressions left for ``link`` to apply (it is given the
    original ``settings_for``)."""
    from .lint import _as_settings
    from .settings import FileSettings

    def deferred(report):
        chosen = _as_settings(settings_for(report), select, ignore)
        return FileSettings(chosen.ruleset, chosen.select, chosen.ignore, False, chosen.config, chosen.origins)

    return deferred


def link(results: list, registry, settings_for, options: CrossOptions, *, select=None, ignore=None,
         keep_report: bool = False) -> None:
    """Add the cross-document findings to ``results`` (FileResults whose ``report`` is
    kept, slim or whole), apply each file's suppressions, and drop the reports unless
    ``keep_report``."""
    from .lint import _as_settings

    batch = entries(results, options.aliases)
    links = Links()
    if options.previous is not None:
        pair_explicitly(batch, entries([options.previous], options.aliases, start=-1)[0], links)
    if len(batch) > 1:
        pair_by_organ(batch, links)
    if options.children_given:
        children_from_folder(batch, entries(options.children, options.aliases, start=len(batch)), links)
    if options.hierarchy:
        children_declared(batch, options.hierarchy, options.aliases, links)

    from . import suppress

    for entry, result in zip(batch, results):
        link = links.links.get(entry.index)
        if result.report is None or (link is None and not links.problems.get(entry.index)
                                     and not suppress.has_sidecar(result.path)):
            continue  # nothing to add and nothing to suppress
        report = entry.full()
        settings = _as_settings(settings_for(report), select, ignore)
        added: list[Finding] = []
        if link is not None:
            added = engine.run_related(report, link.related(), settings.ruleset, registry, select=settings.select,
                                       ignore=settings.ignore)
        if engine.rule_enabled("pairing-problem", "cross", settings.select, settings.ignore):
            for problem in links.problems.get(entry.index, []):
                added.append(Finding(rule="pairing-problem", category="cross", severity="info",
                                     message_zh=problem.zh, message_en=problem.en, file=result.path,
                                     location=report.title.location if report.title else Location(),
                                     assessable=False))
        findings = result.findings + added
        findings.sort(key=Finding.sort_key)
        if settings.suppressions:
            findings = suppress.apply(result.path, findings)
        result.findings = findings
    if not keep_report:
        for result in results:
            result.report = None

