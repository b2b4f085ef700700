"""The 平潭 2022–2025 reports of ../shared/corpus/real across years; skipped without
the corpus. Nothing is copied from it: the texts are read in place, and the hand-checked
answer keys are turned into canonical JSON in a temporary folder.

The crawler texts run 表二's cells together (``行政规范性文件77132470``): the row has
more than eight splits and no identity to choose one, so from the texts the stock
roll-forward cannot be judged and says so. From the keys' values it breaks in 2023,
2024 and 2025, as the keys record.
"""

from __future__ import annotations

import glob
import json
import os

import pytest

import report_lint
from conftest import CORPUS

REAL = os.path.join(CORPUS, "real")
TEXTS = sorted(glob.glob(os.path.join(REAL, "pingtan-20*.txt")))
KEYS = sorted(glob.glob(os.path.join(REAL, "pingtan-20*.answer.json")))

pytestmark = pytest.mark.skipif(len(TEXTS) < 4 or len(KEYS) < 4, reason="shared corpus not available")


def _recorded(year: int) -> list[dict]:
    with open(os.path.join(REAL, f"pingtan-{year}.answer.json"), encoding="utf-8") as fh:
        return [f for f in json.load(fh)["known_faults"] if f["category"] == "cross_year"]


def test_the_texts_keep_the_carry_over_chain_and_say_where_stock_cannot_be_judged():
    results = report_lint.lint_paths(TEXTS, select=["cross"], keep_report=False)
    by_year = {int(os.path.basename(r.path)[8:12]): r.findings for r in results}
    assert not [f for fs in by_year.values() for f in fs if f.rule in ("cross-carry-over", "pairing-problem")]
    for year in (2023, 2024, 2025):
        stock = [f for f in by_year[year] if f.rule == "cross-stock-roll-forward"]
        assert stock and all(not f.assessable and f.severity == "info" for f in stock), year
    assert not [f for f in by_year[2022] if f.rule.startswith("cross-")]  # no 2021 report to compare with


def test_the_keys_values_break_the_stock_roll_forward_where_the_keys_say(tmp_path):
    for path in KEYS:
        with open(path, encoding="utf-8") as fh:
            key = json.load(fh)
        report = {"organ": "平潭综合实验区", "year": key["year"], "tables": key["tables"]}
        (tmp_path / f"pingtan-{key['year']}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    results = report_lint.lint_paths(str(tmp_path), select=["cross"], keep_report=False)
    found = {}
    for r in results:
        for f in r.findings:
            if f.rule in ("cross-stock-roll-forward", "cross-carry-over"):
                found.setdefault(int(os.path.basename(r.path)[8:12]), []).append(f)
    assert sorted(found) == [2023, 2024, 2025]
    for year, findings in found.items():
        assert [(f.rule, f.severity, f.key) for f in findings] == [
            ("cross-stock-roll-forward", "warning", "active_disclosure.normative_documents.in_force")]
        recorded = _recorded(year)
        assert len(recorded) == 1
        computed, printed = recorded[0]["found"].split(", printed ")  # "698 + 77 - 132 = 643, printed 现行有效件数 470"
        assert computed in findings[0].message_zh
        assert f"填 {printed.split()[-1]}" in findings[0].message_zh
