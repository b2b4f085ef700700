"""Plugin loading: entry points from dist-info, a broken plugin is skipped with a
message, REPORT_LINT_PLUGINS narrows, and a third-party plugin can add every kind of
part through the hooks."""

import sys
import textwrap

import pytest

from report_lint import plugins
from report_lint.plugins import get_registry, iter_entry_points


def make_distribution(site, dist: str, entry_points: dict[str, str], modules: dict[str, str]):
    info = site / f"{dist}-1.0.dist-info"
    info.mkdir(parents=True)
    lines = ["[console_scripts]", "x = y:z", "", "[report_lint]"] + [f"{k} = {v}" for k, v in entry_points.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, source in modules.items():
        (site / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")


FULL_PLUGIN = '''
from report_lint.hookspecs import hookimpl
from report_lint.specs import CheckKind, FormatterSpec, ParserSpec, RulesetSpec
from report_lint.document import Document, Paragraph


def _parse(data, path):
    return Document(blocks=[Paragraph(data.decode())], source_path=path, source_format="shout")


def _count(rule, report):
    if report.texts and len(report.texts) > 0:
        yield rule.finding({"n": len(report.texts)})


@hookimpl
def report_lint_register_parsers(register):
    register(ParserSpec("shout", (".shout",), _parse, sniff=lambda head: 90 if head.startswith(b"SHOUT") else 0))


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("count_blocks", _count))


@hookimpl
def report_lint_register_formatters(register):
    register(FormatterSpec("count", lambda results, options: f"{sum(len(r.findings) for r in results)}\\n"))


@hookimpl
def report_lint_register_rulesets(register):
    import os
    register(RulesetSpec("shout-rules", os.path.join(os.path.dirname(__file__), "shout_rules.yaml")))
'''


@pytest.fixture
def site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    yield site
    monkeypatch.undo()
    for name in ("shout_mod", "broken_mod"):
        sys.modules.pop(name, None)
    get_registry(reload=True)


def test_entry_points_are_read_from_dist_info(site):
    make_distribution(site, "demo_plugin", {"demo": "demo_mod:plugin"}, {})
    eps = [ep for ep in iter_entry_points(path=[str(site)])]
    assert [(ep.name, ep.value, ep.distribution) for ep in eps] == [("demo", "demo_mod:plugin", "demo_plugin")]


def test_builtins_come_through_the_entry_point_group():
    names = {ep.name for ep in iter_entry_points() if ep.distribution == plugins.OWN_DISTRIBUTION}
    assert {"text", "canonical_json", "rulesets"} <= names


def test_a_broken_plugin_is_reported_and_skipped(site, capsys):
    make_distribution(site, "broken_plugin", {"broken": "broken_mod"}, {"broken_mod": "raise ImportError('nope')\n"})
    registry = get_registry(reload=True)
    err = capsys.readouterr().err
    assert "broken" in err and "nope" in err
    info = next(p for p in registry.plugins if p.name == "broken")
    assert "nope" in info.error
    assert "text" in registry.parsers  # the rest still loaded


def test_a_third_party_plugin_registers_every_kind_of_part(site, tmp_path):
    make_distribution(site, "shout_plugin", {"shout": "shout_mod"}, {"shout_mod": FULL_PLUGIN})
    (site / "shout_rules.yaml").write_text(textwrap.dedent("""
        name: shout-rules
        rules:
          - id: count-blocks
            kind: count_blocks
            category: text
            severity: warning
            message: {zh: "共 {n} 段", en: "{n} blocks"}
        """), encoding="utf-8")
    registry = get_registry(reload=True)
    assert {"shout"} <= set(registry.parsers) and "count_blocks" in registry.check_kinds
    assert "count" in registry.formatters and "shout-rules" in registry.rulesets
    assert registry.owners[("parser", "shout")] == "shout"

    from conftest import run_cli

    report = tmp_path / "a.shout"
    report.write_text("SHOUT hello", encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    result = run_cli(str(report), "--ruleset", "shout-rules", "--format", "count", env=env)
    assert result.stdout.strip() == "1", result.stderr
    assert result.returncode == 0  # a warning does not fail by default
    listed = run_cli("plugins", env=env)
    assert "shout" in listed.stdout and "parser:shout" in listed.stdout


def test_report_lint_plugins_narrows_third_party_plugins(site, monkeypatch):
    make_distribution(site, "shout_plugin", {"shout": "shout_mod"}, {"shout_mod": FULL_PLUGIN})
    (site / "shout_rules.yaml").write_text("name: shout-rules\nrules: []\n", encoding="utf-8")
    monkeypatch.setenv("REPORT_LINT_PLUGINS", "")
    registry = get_registry(reload=True)
    assert "shout" not in registry.parsers
    assert "text" in registry.parsers  # built-ins always load
    monkeypatch.setenv("REPORT_LINT_PLUGINS", "shout")
    assert "shout" in get_registry(reload=True).parsers


def test_the_core_does_not_import_heavy_modules_at_start_up():
    import subprocess
    import sys

    code = "import sys, report_lint.cli; print(sorted(m for m in ('pluggy', 'yaml', 'jsonschema', 'phonenumbers', 'charset_normalizer') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
