"""Documentation that is generated from code stays current."""

import pathlib

from conftest import run_cli

ROOT = pathlib.Path(__file__).parent.parent


def test_rule_docs_are_generated_from_the_rulesets(registry):
    for name in registry.rulesets:
        if registry.owners[("ruleset", name)] != "rulesets":
            continue
        current = (ROOT / "docs" / "rules" / f"{name}.md").read_text(encoding="utf-8")
        generated = run_cli("rules", "--markdown", "--ruleset", name, "--isolated").stdout
        assert current == generated, f"docs/rules/{name}.md is stale: report-lint rules --markdown --ruleset {name}"


def test_readme_states_the_two_commands_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in ("python -m pip install -e '.[test]'", "python -m pytest"):
        assert command in readme and command in ci


def test_every_builtin_check_kind_is_documented(registry):
    text = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    builtin = [name for (kind, name), owner in registry.owners.items()
               if kind == "check kind" and owner.startswith("report_lint.")]
    missing = [name for name in builtin if f"| `{name}` |" not in text]
    assert not missing, f"check kinds missing from docs/writing-rules.md: {missing}"


def test_examples_behave_as_the_readme_shows():
    clean = run_cli(str(ROOT / "examples" / "reports" / "clean.txt"))
    assert clean.returncode == 0, clean.stdout
    faulty = run_cli(str(ROOT / "examples" / "reports" / "faulty.md"))
    assert faulty.returncode == 1
    for rule in ("t3-row-total", "sections-numbering", "blank-cells", "year-plan", "text-repeated-characters"):
        assert f" {rule} " in faulty.stdout
    custom = run_cli("--ruleset", str(ROOT / "examples" / "custom-ruleset.yaml"), str(ROOT / "examples" / "reports" / "clean.txt"))
    assert custom.returncode == 1 and "city-postcode" in custom.stdout
