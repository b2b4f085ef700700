"""The hooks of report-lint. Every plugin, built-in or third-party, implements these.

Each hook receives a ``register`` callback (instead of returning a list) so a plugin can
register any number of parts, and so registration stays cheap: nothing heavy is
imported until a registered callable is used. ``tests/test_hookspecs.py`` fails when a
hook here lacks a docstring with its signature, or is missing from docs/plugins.md.
"""

import pluggy

hookspec = pluggy.HookspecMarker("report_lint")
hookimpl = pluggy.HookimplMarker("report_lint")


@hookspec
def report_lint_register_parsers(register):
    """report_lint_register_parsers(register: Callable[[ParserSpec], None]) -> None

    Register file parsers. A parser turns bytes into a ``Document`` (or, for canonical
    JSON, directly into a ``Report``). It is chosen by file suffix, then by sniffing the
    first bytes when the suffix is unknown or misleading.
    """


@hookspec
def report_lint_register_check_kinds(register):
    """report_lint_register_check_kinds(register: Callable[[CheckKind], None]) -> None

    Register check kinds: the Python behind the ``kind:`` of a YAML rule. A check kind
    receives the rule (id, severity, messages, params) and the Report and yields
    findings.
    """


@hookspec
def report_lint_register_formatters(register):
    """report_lint_register_formatters(register: Callable[[FormatterSpec], None]) -> None

    Register output formats selectable with ``--format NAME``.
    """


@hookspec
def report_lint_register_rulesets(register):
    """report_lint_register_rulesets(register: Callable[[RulesetSpec], None]) -> None

    Register packaged rulesets by name (``--ruleset NAME``), each a YAML file shipped in
    the plugin's package.
    """
