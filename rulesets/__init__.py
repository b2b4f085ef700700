"""Built-in ruleset plugin: the YAML rulesets in this folder, registered by name.

A province package ships its rulesets the same way: YAML files in its package and a
``report_lint_register_rulesets`` hook naming them.
"""

import os

from report_lint.hookspecs import hookimpl
from report_lint.specs import RulesetSpec

_HERE = os.path.dirname(__file__)


@hookimpl
def report_lint_register_rulesets(register):
    register(RulesetSpec("national-2021", os.path.join(_HERE, "national-2021.yaml"),
                         "全国通用：国办公开办函〔2021〕30号格式 / national, 2021 format"))
    register(RulesetSpec("zhejiang-2021", os.path.join(_HERE, "zhejiang-2021.yaml"),
                         "浙江省（在 national-2021 基础上）/ Zhejiang, on top of national-2021"))
    register(RulesetSpec("shanghai-2021", os.path.join(_HERE, "shanghai-2021.yaml"),
                         "上海市（在 national-2021 基础上）/ Shanghai, on top of national-2021"))
    register(RulesetSpec("national-2019", os.path.join(_HERE, "national-2019.yaml"),
                         "全国通用：2019 年试行格式（2019、2020 年度）/ national, 2019 trial format"))
