"""Every hook is documented (docstring with its signature, and docs/plugins.md), and
every hook is exercised by a test."""

import inspect
import pathlib

from report_lint import hookspecs

HOOKS = [name for name, obj in vars(hookspecs).items() if name.startswith("report_lint_") and callable(obj)]
ROOT = pathlib.Path(__file__).parent.parent


def test_there_are_hooks():
    assert set(HOOKS) == {"report_lint_register_parsers", "report_lint_register_check_kinds",
                          "report_lint_register_formatters", "report_lint_register_rulesets"}


def test_every_hook_has_a_docstring_with_its_signature():
    for name in HOOKS:
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        params = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
        assert doc.startswith(f"{name}({params}"), f"{name}: docstring must start with its signature"


def test_every_hook_is_documented_for_plugin_authors():
    text = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    for name in HOOKS:
        assert f"### `{name}(register)`" in text, f"{name} missing from docs/plugins.md"


def test_every_hook_is_used_by_a_test_plugin():
    """tests/test_plugins.py registers a plugin implementing every hook."""
    text = (ROOT / "tests" / "test_plugins.py").read_text(encoding="utf-8")
    for name in HOOKS:
        assert f"def {name}(" in text, f"no test implements {name}"
