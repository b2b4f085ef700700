"""An example province plugin: a packaged ruleset and one extra check kind, registered
through the same hooks as report-lint's own parts."""

import os

from report_lint.hookspecs import hookimpl
from report_lint.specs import CheckKind, RulesetSpec

from .checks import PARAMS_SCHEMA, run_title_names_region


@hookimpl
def report_lint_register_rulesets(register):
    register(RulesetSpec("example-province", os.path.join(os.path.dirname(__file__), "example-province.yaml"),
                         "示例省（在 national-2021 基础上）/ an example province on top of national-2021",
                         trusted=False))


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("title_names_region", run_title_names_region, PARAMS_SCHEMA,
                       "标题以本省或本省城市名称开头 / the title starts with a name of the province"))
