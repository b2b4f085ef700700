"""Property tests: a consistent report has no arithmetic finding; changing any one
cell yields an arithmetic finding located at that cell's table."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factory as F
from report_lint import engine
from report_lint.report import Report

APPLICANTS = F.APPLICANT_COLUMNS


@st.composite
def consistent_tables(draw):
    small = st.integers(min_value=0, max_value=30)
    requests = {row: {} for row in F.REQUEST_ROWS}
    for c in APPLICANTS:
        for r in F.RESULT_ROWS:
            requests[r][c] = draw(small)
        processed = sum(requests[r][c] for r in F.RESULT_ROWS)
        forward = draw(small)
        over = draw(st.integers(min_value=0, max_value=processed + forward))
        requests["total_processed"][c] = processed
        requests["carried_forward"][c] = forward
        requests["carried_over"][c] = over
        requests["new_received"][c] = processed + forward - over
    for row in F.REQUEST_ROWS:
        requests[row]["total"] = sum(requests[row][c] for c in APPLICANTS)
    review = {}
    for block in F.REVIEW_BLOCKS:
        parts = {f: draw(small) for f in ("upheld", "corrected", "other", "pending")}
        review[block] = {**parts, "total": sum(parts.values())}
    active = {}
    for kind in ("regulations", "normative_documents"):
        issued, repealed = draw(small), draw(small)
        active[kind] = {"issued": issued, "repealed": repealed,
                        "in_force": max(issued - repealed, 0) + draw(small)}
    for kind in ("licensing", "penalties", "coercion"):
        active[kind] = {"decisions": draw(small)}
    cents = draw(st.integers(min_value=0, max_value=10_000_000))
    active["fees"] = {"amount": Decimal(cents) / 100}
    return {"active_disclosure": active, "requests": requests, "review_litigation": review}


def as_report(tables) -> Report:
    def dec(node):
        return {k: dec(v) for k, v in node.items()} if isinstance(node, dict) else Decimal(str(node))
    return Report(source_path="generated.json", tables=dec(tables))


def arithmetic(report, registry, national):
    return [f for f in engine.run(report, national, registry, select={"arithmetic"}) if f.assessable]


IDENTITY_KEYS = [k for k in F.ALL_CELL_KEYS if not k.startswith("active_disclosure")]
FORM_KEYS = [k for k in F.ALL_CELL_KEYS if k.startswith("active_disclosure")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tables=consistent_tables())
def test_a_consistent_report_has_no_arithmetic_finding(tables, registry, national):
    assert arithmetic(as_report(tables), registry, national) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tables=consistent_tables(), key=st.sampled_from(IDENTITY_KEYS),
       delta=st.integers(min_value=-40, max_value=40).filter(bool))
def test_changing_any_cell_of_tables_3_and_4_is_found_at_that_table(tables, key, delta, registry, national):
    report = as_report(tables)
    table, row, col = key.split(".")
    report.tables[table][row][col] += delta
    findings = arithmetic(report, registry, national)
    assert findings, f"{key} {delta:+} not found"
    assert all(f.key and f.key.startswith(table + ".") for f in findings)
    assert all(key in f.cells for f in findings), "each finding involves the changed cell"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tables=consistent_tables(), key=st.sampled_from(FORM_KEYS), how=st.sampled_from(["negative", "fraction"]))
def test_an_impossible_table_2_value_is_found_at_that_cell(tables, key, how, registry, national):
    report = as_report(tables)
    table, row, col = key.split(".")
    value = report.tables[table][row][col]
    report.tables[table][row][col] = -(value + 1) if how == "negative" else value + Decimal("0.00005")
    findings = arithmetic(report, registry, national)
    assert any(f.key == key and f.cells == [key] for f in findings), [f.key for f in findings]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000), key=st.sampled_from(IDENTITY_KEYS),
       delta=st.integers(min_value=1, max_value=9), markdown=st.booleans())
def test_through_the_parser_the_finding_points_into_the_changed_table(seed, key, delta, markdown, lint_text):
    fictional = F.make_report(seed)
    clean = lint_text((F.render_markdown if markdown else F.render_text)(fictional), ".md" if markdown else ".txt")
    assert not [f for f in clean.findings if f.category == "arithmetic"]
    changed = F.with_cell(fictional, key, F.get_cell(fictional.tables, key) + delta)
    result = lint_text((F.render_markdown if markdown else F.render_text)(changed), ".md" if markdown else ".txt")
    found = [f for f in result.findings if f.category == "arithmetic" and f.assessable]
    table = key.split(".")[0]
    table_number = result.report.table_locations[table].table
    assert found and all(f.key.startswith(table) for f in found)
    assert any(f.location.table is not None and f.location.line is not None for f in found)
    assert all(f.location.table == table_number for f in found if f.location.table is not None)
