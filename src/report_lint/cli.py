"""The ``report-lint`` command line.

Only click is imported at start-up (``--version`` must be as fast as a bare click
program); every command imports what it needs when it runs. ``report-lint FILE…`` is
short for ``report-lint check FILE…``.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LANG = click.Choice(["zh", "en"])


class _DefaultCommandGroup(click.Group):
    """Run ``check`` when the first argument is not a subcommand (``report-lint a.txt``)."""

    default_command = "check"

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


def _fail(zh: str, en: str, lang: str) -> None:
    click.echo(f"report-lint: {zh if lang == 'zh' else en}", err=True)
    sys.exit(EXIT_ERROR)


def _lang(lang: str | None) -> str:
    return lang or os.environ.get("REPORT_LINT_LANG", "zh")


def _registry():
    from .plugins import get_registry

    return get_registry()


def _load_ruleset(registry, name_or_path: str | None, lang: str, locate: bool = False):
    from .errors import ReportLintError
    from .ruleset import resolve

    try:
        return resolve(registry, name_or_path, locate=locate)
    except ReportLintError as exc:
        _fail(exc.zh, exc.en, lang)


def _resolver(registry, ruleset_name, select, ignore, config_path, isolated, lang):
    """The per-file settings resolver; a broken config file is a usage error (exit 2)."""
    from .errors import ReportLintError
    from .settings import Resolver

    try:
        return Resolver(registry, ruleset=ruleset_name, select=select, ignore=ignore, config_path=config_path,
                        isolated=isolated)
    except ReportLintError as exc:
        _fail(exc.zh, exc.en, lang)


def _ruleset_or_fail(resolver, ref: str, lang: str):
    from .errors import ReportLintError

    try:
        return resolver.ruleset(ref)
    except ReportLintError as exc:
        _fail(exc.zh, exc.en, lang)


def _split(values: tuple[str, ...]) -> set[str]:
    return {v.strip() for value in values for v in value.split(",") if v.strip()}


@click.group(cls=_DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=True)
@click.version_option(__version__, "--version", prog_name="report-lint")
@click.pass_context
def main(ctx: click.Context) -> None:
    """检查政府信息公开工作年度报告 / Lint government information-disclosure annual reports.

    \b
    report-lint PATH...              检查报告、文件夹或网址 / lint reports, folders, URLs
                                     (.docx .html .txt .md .json …)
    report-lint parse FILE           输出规范报告 JSON / print the canonical report
    report-lint rules                列出规则 / list the rules
    report-lint explain RULE         解释规则 / explain a rule
    report-lint show-config [FILE]   有效配置及其来源 / effective settings and their origin
    report-lint init                 写入配置文件模板 / write a starter config file
    report-lint plugins              已加载的插件 / loaded plugins
    report-lint schema NAME          JSON Schema (report|findings|ruleset)
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--ruleset", "ruleset_name", metavar="NAME|FILE", help="规则集名称或 YAML 文件 / ruleset name or YAML file")
@click.option("--select", multiple=True, metavar="IDS", help="只运行这些规则或类别（逗号分隔）/ only these rules or categories")
@click.option("--ignore", multiple=True, metavar="IDS", help="不运行这些规则或类别 / skip these rules or categories")
@click.option("--format", "output_format", default="text", show_default=True,
              help="输出格式：text json jsonl sarif github junit html csv / output format")
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False, writable=True),
              help="写入文件而非标准输出 / write to a file instead of stdout")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="达到该级别即以 1 退出（默认 error）/ exit 1 when a finding is at least this severe (default: error)")
@click.option("--exit-zero", is_flag=True, help="有问题也以 0 退出 / exit 0 even with findings")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="使用此配置文件，不再查找 / use this config file instead of discovery")
@click.option("--isolated", is_flag=True, help="忽略所有配置文件 / ignore config files")
@click.option("--statistics", is_flag=True, help="按规则统计问题数 / count findings per rule")
@click.option("--exclude", multiple=True, metavar="GLOB", help="跳过匹配的路径 / skip matching paths")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="并行进程数（默认：CPU 数）/ parallel processes (default: CPU count)")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="单个文件的时间上限（秒，默认 120；即 --limit seconds=N）/ time limit per file, seconds "
                   "(default 120; same as --limit seconds=N)")
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="MB", help="单个文件的大小上限（MB，默认 200；即 --limit file-size=N）/ size limit per file, MB "
                                 "(default 200; same as --limit file-size=N)")
@click.option("--limit", "limit_values", multiple=True, metavar="NAME=VALUE",
              help="放宽或收紧一项限制，可重复（docs/limits.md）：file-size unpacked-size zip-entries elements depth "
                   "pages seconds memory / raise or lower a limit, repeatable (docs/limits.md)")
@click.option("--baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="忽略基线中已有的问题 / hide findings present in the baseline (see --write-baseline)")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="把本次的全部问题写为基线 / write every finding of this run as a baseline")
@click.option("--previous", "previous_path", metavar="FILE",
              help="上一年度报告，与本次检查的报告比对 / last year's report, compared with the reports linted")
@click.option("--children", "children_dir", metavar="DIR",
              help="下级机关报告所在文件夹，其合计应等于本次检查的报告 / folder of the child reports that sum "
                   "into the reports linted")
@click.option("--organ-map", "organ_map", type=click.Path(dir_okay=False), metavar="FILE",
              help="机关名称对照（别名: 标准名称）/ organ name map (alias: name) for pairing reports")
@click.option("--quiet", "-q", is_flag=True, help="不显示进度条 / no progress bar")
@click.option("--lang", type=LANG, default=None, help="消息语言 / message language (zh, en)")
def check(paths, ruleset_name, select, ignore, output_format, output_path, fail_on, exit_zero, config_path, isolated,
          statistics, exclude, jobs, timeout, max_size, limit_values, baseline, write_baseline, previous_path,
          children_dir, organ_map, quiet, lang):
    """检查报告文件、文件夹或通配符 / Lint report files, folders or globs."""
    import time

    from .batch import expand_paths, run_files
    from .engine import unknown_selectors
    from .errors import ReportLintError
    from .findings import SEVERITY_RANK
    from .messages import msg
    from .summary import Summary

    if not paths:
        _fail(msg("no_paths", "zh"), msg("no_paths", "en"), _lang(lang))
    registry = _registry()
    resolver = _resolver(registry, ruleset_name, _split(select), _split(ignore), config_path, isolated, _lang(lang))
    lang = lang or os.environ.get("REPORT_LINT_LANG") or resolver.global_setting("lang") or "zh"
    fail_on = fail_on or resolver.global_setting("fail-on") or "error"
    exclude = list(exclude) + list(resolver.global_setting("exclude") or [])
    formatter = registry.formatters.get(output_format)
    if formatter is None:
        known = ", ".join(sorted(registry.formatters))
        _fail(msg("unknown_format_option", "zh", name=output_format, known=known),
              msg("unknown_format_option", "en", name=output_format, known=known), lang)
    ruleset = _ruleset_or_fail(resolver, resolver.cli_ruleset or "national-2021", lang)
    selected, ignored = resolver.cli_select, resolver.cli_ignore
    bad = [n for n in unknown_selectors(selected | ignored, ruleset)
           if not any(n in {r.id for r in resolver.ruleset(name).rules} for name in registry.rulesets)]
    if bad:
        _fail(msg("unknown_rule", "zh", name=", ".join(bad)), msg("unknown_rule", "en", name=", ".join(bad)), lang)
    known_baseline: set[str] = set()
    if baseline:
        from .fingerprint import load_baseline

        try:
            known_baseline = load_baseline(baseline)
        except ReportLintError as exc:
            _fail(exc.zh, exc.en, lang)
    suffixes = {suffix for spec in registry.parsers.values() for suffix in spec.suffixes}
    files = expand_paths(paths, suffixes, exclude)
    if not files:
        _fail(msg("no_files_found", "zh"), msg("no_files_found", "en"), lang)
    try:  # every config file in play is read now, so a broken one stops the run with its location
        for folder in sorted({os.path.dirname(os.path.abspath(f)) for f in files if "://" not in f}):
            resolver.config_for(os.path.join(folder, "report"))
    except ReportLintError as exc:
        _fail(exc.zh, exc.en, lang)

    selected_rules = {r.id for r in ruleset.rules if (not selected or r.id in selected or r.category in selected)
                      and not (r.id in ignored or r.category in ignored)}
    options = {"lang": lang, "statistics": statistics, "ruleset": ruleset, "fail_on": fail_on,
               "selected_rules": selected_rules,
               "color": output_path is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")}
    started = time.perf_counter()
    limits = _limits(resolver, timeout, max_size, limit_values, lang)
    run_options = {"jobs": jobs or os.cpu_count() or 1, "timeout": limits.seconds, "max_bytes": limits.file_size,
                   "limits": limits}
    cross = _cross_setup(registry, resolver, ruleset, files, previous_path, children_dir, organ_map, run_options, lang)
    if cross is None:
        results = _progress(run_files(registry, files, resolver, keep_report=formatter.needs_report, **run_options),
                            len(files), quiet)
    else:  # every report is kept (packed) until the batch is read, then related
        from .crossdoc import lint_related

        results = lint_related(registry, files, resolver, cross, keep_report=formatter.needs_report,
                               progress=lambda stream: _progress(stream, len(files), quiet), **run_options)
    summary = Summary()
    threshold = SEVERITY_RANK[fail_on]
    failing = False

    written: list[dict] = []

    def counted(stream):
        nonlocal failing
        for result in stream:
            if write_baseline:
                written.extend({"fingerprint": f.fingerprint(), "rule": f.rule, "file": f.file, "key": f.key}
                               for f in result.findings)
            if known_baseline:
                result.findings = [f for f in result.findings if f.fingerprint() not in known_baseline]
            summary.add(result)
            failing = failing or any(SEVERITY_RANK[f.severity] >= threshold and f.assessable for f in result.findings)
            yield result

    out = open(output_path, "w", encoding="utf-8", newline="") if output_path else None
    try:
        write = out.write if out else (lambda text: click.echo(text, nl=False, color=options["color"]))
        if formatter.streams:
            write(formatter.begin(options))
            for result in counted(results):
                write(formatter.file(result, options))
            summary.seconds = options["seconds"] = time.perf_counter() - started
            write(formatter.end(summary, options))
        else:
            collected = list(counted(results))
            options["seconds"] = time.perf_counter() - started
            write(formatter.format(collected, options))
    finally:
        if out:
            out.close()
    if write_baseline:
        import json

        with open(write_baseline, "w", encoding="utf-8") as fh:
            json.dump({"version": 1, "findings": written}, fh, ensure_ascii=False, indent=1)
    if summary.unreadable:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _cross_setup(registry, resolver, ruleset, files, previous_path, children_dir, organ_map, run_options, lang):
    """What relates the reports of this run (crossdoc.prepare), from the options and the
    config's ``organs``/``hierarchy``; None when nothing is compared."""
    from .config import load_organ_map
    from .crossdoc import context_reader, prepare
    from .errors import ReportLintError

    if children_dir and not os.path.isdir(children_dir):
        _fail(f"--children：{children_dir} 不是文件夹", f"--children: {children_dir} is not a folder", lang)
    aliases = resolver.global_setting("organs") or {}
    try:
        if isinstance(aliases, str):  # the config names a map file, relative to the config
            config = resolver.config_for(os.path.join(os.path.abspath("."), "report"))
            aliases = load_organ_map(os.path.join(config.base_dirs.get("organs", "."), aliases))
        if organ_map:
            aliases = {**aliases, **load_organ_map(organ_map)}
    except ReportLintError as exc:
        _fail(exc.zh, exc.en, lang)
    return prepare(registry, files, ruleset, context_reader(registry, **run_options), select=resolver.cli_select or None,
                   ignore=resolver.cli_ignore or None, previous=previous_path, children=children_dir,
                   aliases=aliases, hierarchy=resolver.global_setting("hierarchy") or {})


def _limits(resolver, timeout, max_size, limit_values, lang: str):
    """The run's limits: the defaults, then the config file's ``limits:``, then
    ``--timeout``/``--max-size``, then each ``--limit NAME=VALUE`` (docs/limits.md)."""
    from . import limits as lim

    try:
        chosen = lim.from_mapping(resolver.global_setting("limits") or {})
        given = [("seconds", timeout), ("file-size", max_size)]
        values = dict(lim.value_of(name, value) for name, value in given if value is not None)
        values.update(lim.parse_assignment(text) for text in limit_values)
    except lim.LimitError as exc:
        _fail(exc.zh, exc.en, lang)
    return chosen.with_values(**values)


def _progress(results, total: int, quiet: bool):
    """A progress bar on stderr for long runs on a terminal; nothing when piped or quiet."""
    if quiet or total < 10 or not sys.stderr.isatty():
        return results
    from tqdm import tqdm

    try:
        width, height = os.get_terminal_size(sys.stderr.fileno())
    except (OSError, ValueError):
        width = height = 0
    # a terminal that reports no size (some CI ptys) would make tqdm hide the bar
    return tqdm(results, total=total, file=sys.stderr, unit="file", leave=False, ncols=width or 80,
                nrows=height or 24)


@main.command()
@click.argument("path", type=click.Path())
@click.option("--compact", is_flag=True, help="单行 JSON / one-line JSON")
@click.option("--limit", "limit_values", multiple=True, metavar="NAME=VALUE",
              help="放宽或收紧一项限制，可重复（docs/limits.md）/ raise or lower a limit, repeatable (docs/limits.md)")
@click.option("--lang", type=LANG, default=None)
def parse(path, compact, limit_values, lang):
    """输出规范报告 JSON / Print the canonical report of a file as JSON."""
    import json

    from . import limits as lim
    from .batch import lint_within
    from .errors import ReportLintError
    from .lint import safe_build_report

    lang = _lang(lang)
    try:
        chosen = lim.DEFAULT.with_values(**dict(lim.parse_assignment(text) for text in limit_values))
    except lim.LimitError as exc:
        _fail(exc.zh, exc.en, lang)
    try:
        with lim.use(chosen):
            report = lint_within(chosen.seconds, safe_build_report, _registry(), path)
    except ReportLintError as exc:
        _fail(f"{path}: {exc.zh}" if not exc.zh.startswith(path) else exc.zh,
              f"{path}: {exc.en}" if not exc.en.startswith(path) else exc.en, lang)
    report.source_path = path
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=None if compact else 2))


def _configured_ruleset(registry, ruleset_name, config_path, isolated, lang, locate=False):
    """``--ruleset``, else the ruleset of the config file for the current folder, else national-2021."""
    if ruleset_name is None:
        resolver = _resolver(registry, None, set(), set(), config_path, isolated, lang)
        ruleset_name, _ = resolver.explicit_ruleset(os.path.join(os.getcwd(), "report"))
    return _load_ruleset(registry, ruleset_name, lang, locate=locate)


_CONFIG_OPTIONS = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                 help="使用此配置文件 / use this config file"),
    click.option("--isolated", is_flag=True, help="忽略所有配置文件 / ignore config files"),
]


def _config_options(func):
    for option in reversed(_CONFIG_OPTIONS):
        func = option(func)
    return func


@main.command()
@click.option("--ruleset", "ruleset_name", metavar="NAME|FILE")
@click.option("--markdown", is_flag=True, help="输出完整的 Markdown 规则文档 / print the full rule documentation as Markdown")
@_config_options
@click.option("--lang", type=LANG, default=None)
def rules(ruleset_name, markdown, config_path, isolated, lang):
    """列出规则：编号、类别、级别、说明 / List rules: id, category, severity, summary."""
    from .messages import msg

    lang = _lang(lang)
    ruleset = _configured_ruleset(_registry(), ruleset_name, config_path, isolated, lang)
    if markdown:
        from .ruledoc import ruleset_markdown

        click.echo(ruleset_markdown(ruleset), nl=False)
        return
    click.echo(msg("rules_header", lang, name=ruleset.name, count=len(ruleset.rules)))
    width = max((len(r.id) for r in ruleset.rules), default=10)
    for r in ruleset.rules:
        click.echo(f"{r.id:<{width}}  {r.category:<11}  {r.severity:<7}  {r.text('summary', lang)}")


@main.command()
@click.argument("rule_id")
@click.option("--ruleset", "ruleset_name", metavar="NAME|FILE")
@_config_options
@click.option("--lang", type=LANG, default=None)
def explain(rule_id, ruleset_name, config_path, isolated, lang):
    """解释一条规则 / Explain a rule: what it checks, why, an example that fails."""
    import json

    from .messages import msg

    lang = _lang(lang)
    ruleset = _configured_ruleset(_registry(), ruleset_name, config_path, isolated, lang, locate=True)
    rule = ruleset.rule(rule_id)
    if rule is None:
        _fail(msg("unknown_rule", "zh", name=rule_id), msg("unknown_rule", "en", name=rule_id), lang)
    click.echo(f"{rule.id}: {rule.text('summary', lang)}")
    click.echo(f"  kind={rule.kind}  category={rule.category}  severity={rule.severity}  ({rule.source})")
    for key, field in (("explain_what", "description"), ("explain_why", "rationale")):
        click.echo(f"\n{msg(key, lang)}:\n  {rule.text(field, lang)}")
    if rule.example:
        click.echo(f"\n{msg('explain_example', lang)}:\n  {rule.example}")
    shown = {k: v for k, v in rule.params.items() if k != "labels"}
    if shown:
        click.echo(f"\n{msg('explain_params', lang)}:")
        for key, value in shown.items():
            click.echo(f"  {key}: {json.dumps(value, ensure_ascii=False)}")


@main.command("show-config")
@click.argument("path", required=False, default=".")
@click.option("--ruleset", "ruleset_name", metavar="NAME|FILE")
@_config_options
@click.option("--lang", type=LANG, default=None)
def show_config(path, ruleset_name, config_path, isolated, lang):
    """显示某个文件的有效配置及其来源 / Show the effective settings for a file and where each came from.

    PATH is a report or a folder (default: the current folder). The ruleset shown is the
    one named by --ruleset, a per-file entry or the config file; otherwise it depends on
    the report's template (national-2021, or national-2019 for 2019/2020 reports on the
    trial format).
    """

    lang = _lang(lang)
    registry = _registry()
    resolver = _resolver(registry, ruleset_name, set(), set(), config_path, isolated, lang)
    target = os.path.abspath(path if not os.path.isdir(path) else os.path.join(path, "report"))
    report = None
    if os.path.isfile(path):
        from .lint import safe_build_report

        try:
            report = safe_build_report(registry, path)
        except Exception:  # noqa: BLE001 - an unreadable report still has a configuration to show
            report = None
    try:
        config = resolver.config_for(target)
        settings = resolver.settings_for(target, report)
        ref, where = resolver.explicit_ruleset(target)
        if ref is None and report is not None:
            ref = resolver.by_template(report)
    except Exception as exc:  # noqa: BLE001 - config and ruleset errors carry their message
        _fail(getattr(exc, "zh", str(exc)), getattr(exc, "en", str(exc)), lang)
    zh = lang == "zh"
    click.echo(("配置文件" if zh else "config files") + ": " + (" → ".join(config.files) if config else "（无）" if zh else "(none)"))
    if config:
        for key, value in config.settings.items():
            click.echo(f"  {key}: {value!r}  [{config.origins.get(key, '')}]")
    ruleset = _load_ruleset(registry, ref, lang, locate=True)
    origin = where or ("按模板版本自动选择（2019 年试行格式的 2019、2020 年度报告用 national-2019）" if zh else
                       "chosen by the report's template (national-2019 for 2019/2020 reports on the trial format)")
    click.echo(("规则集" if zh else "ruleset") + f": {ruleset.name}  [{origin}]")
    click.echo(("继承链" if zh else "chain") + ": " + " → ".join(ruleset.chain))
    for key in ("select", "ignore"):
        value = getattr(settings, key)
        if value:
            click.echo(f"{key}: {', '.join(sorted(value))}  [{settings.origins.get(key, '--' + key)}]")
    click.echo(("规则" if zh else "rules") + f" ({len(ruleset.rules)}):")
    for rule in ruleset.rules:
        state = ""
        if settings.select and rule.id not in settings.select and rule.category not in settings.select:
            state = "  (not selected)"
        if settings.ignore and (rule.id in settings.ignore or rule.category in settings.ignore):
            state = "  (ignored)"
        click.echo(f"  {rule.id}  {rule.severity}  [{rule.origins.get('severity', rule.source)}]{state}")
        for key, value in rule.params.items():
            if key == "labels":
                continue
            shown = repr(value) if len(repr(value)) <= 100 else repr(value)[:97] + "..."
            click.echo(f"      {key} = {shown}  [{rule.origins.get('params.' + key, rule.source)}]")
    for rule_id, disabled_at in ruleset.disabled.items():
        click.echo(f"  {rule_id}  " + ("已停用" if zh else "disabled") + f"  [{disabled_at}]")


@main.command()
@click.option("--ruleset", "ruleset_name", default="national-2021", show_default=True, metavar="NAME|FILE")
@click.option("--organ", default="本机关", help="机关名称 / the organ's name")
@click.option("--force", is_flag=True, help="覆盖已有文件 / overwrite an existing file")
@click.option("--lang", type=LANG, default=None)
def init(ruleset_name, organ, force, lang):
    """在当前文件夹写入带注释的 .report-lint.yaml / Write a commented .report-lint.yaml here."""
    from .config import STARTER

    lang = _lang(lang)
    registry = _registry()
    if ruleset_name not in registry.rulesets and not os.path.isfile(ruleset_name):
        known = ", ".join(sorted(registry.rulesets))
        _fail(f"未知的规则集“{ruleset_name}”；可用：{known}", f"unknown ruleset '{ruleset_name}'; available: {known}", lang)
    target = os.path.join(os.getcwd(), ".report-lint.yaml")
    if os.path.exists(target) and not force:
        _fail(f"{target} 已存在（--force 覆盖）", f"{target} exists (use --force to overwrite)", lang)
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(STARTER.format(organ=organ, ruleset=ruleset_name))
    click.echo(target)


@main.command()
@click.option("--lang", type=LANG, default=None)
def plugins(lang):
    """列出已加载的插件及其注册内容 / List loaded plugins and what they registered."""
    from .messages import msg

    lang = _lang(lang)
    registry = _registry()
    click.echo(msg("plugins_header", lang) + ":")
    for info in registry.plugins:
        what = sorted(f"{kind}:{name}" for (kind, name), owner in registry.owners.items() if owner == info.name)
        tag = msg("builtin", lang) if info.builtin else info.distribution
        status = f"  [{msg('failed', lang)}: {info.error}]" if info.error else ""
        click.echo(f"  {info.name}  ({tag}; {info.module}){status}")
        for item in what:
            click.echo(f"      {item}")


@main.command()
@click.argument("name")
@click.option("--lang", type=LANG, default=None)
def schema(name, lang):
    """输出 JSON Schema（report、findings、ruleset）/ Print a JSON Schema."""
    import json

    from .messages import msg
    from .ruleset import schema as load_schema

    known = ("report", "findings", "ruleset")
    if name not in known:
        lang = _lang(lang)
        _fail(msg("unknown_schema", "zh", name=name, known=", ".join(known)),
              msg("unknown_schema", "en", name=name, known=", ".join(known)), lang)
    click.echo(json.dumps(load_schema(name), ensure_ascii=False, indent=2))


def run() -> None:
    """The console entry point: ``main`` without tracebacks for the user.

    An unexpected exception is a bug: one line on stderr and exit code 2;
    ``REPORT_LINT_DEBUG=1`` shows the traceback.
    """
    try:
        main()
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("REPORT_LINT_DEBUG"):
            raise
        click.echo(f"report-lint: 内部错误（请报告此问题）/ internal error, please report it: "
                   f"{type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
