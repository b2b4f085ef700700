"""Fictional reports with one planted fault of each category, in text and Markdown:
the fault is found; the clean reports carry no error (over many generated reports)."""

import pytest

import factory as F

FORMATS = [(F.render_text, ".txt"), (F.render_markdown, ".md")]


@pytest.mark.parametrize("render,suffix", FORMATS)
@pytest.mark.parametrize("seed", range(40))
def test_clean_reports_have_no_error_and_no_warning(seed, render, suffix, lint_text):
    result = lint_text(render(F.make_report(seed)), suffix)
    assert result.error is None
    assert [f for f in result.findings if f.severity != "info"] == [], [
        (f.rule, f.message_en) for f in result.findings]


PLANTS = F.PLANTED_FAULTS


@pytest.mark.parametrize("render,suffix", FORMATS)
@pytest.mark.parametrize("category", sorted(PLANTS))
@pytest.mark.parametrize("seed", [20, 21, 22])
def test_each_planted_fault_is_found(category, seed, render, suffix, lint_text):
    result = lint_text(render(PLANTS[category](F.make_report(seed))), suffix)
    found = [f for f in result.findings if f.category == category and f.assessable]
    assert found, f"{category} fault not found: {[(f.rule, f.message_en) for f in result.findings]}"
    others = [f for f in result.findings if f.category != category and f.severity == "error"]
    assert not others, [(f.rule, f.message_en) for f in others]
