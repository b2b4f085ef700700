"""Fictional reports on the 2019 trial format (国办公开办函〔2019〕60号), derived from
the 2021 renderings of factory.py: 表二 in the trial format's layout, and 表三 with a
single （六）其他处理 row (the sum of the 2021 format's three)."""

from __future__ import annotations

import random

import factory as F

ACTIVE_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", "regulations", ["made", "published", "total_published"]),
      ("规范性文件", "normative_documents", ["made", "published", "total_published"])]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", "licensing", ["previous_items", "change", "decisions"]),
      ("其他对外管理服务事项", "other_services", ["previous_items", "change", "decisions"])]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", "penalties", ["previous_items", "change", "decisions"]),
      ("行政强制", "coercion", ["previous_items", "change", "decisions"])]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"],
     [("行政事业性收费", "fees", ["previous_items", "change"])]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"],
     [("政府集中采购", "procurement", ["items", "amount"])]),
]
OTHER_ROWS = ("other_overdue_correction", "other_overdue_fee", "other_other")


def active_2019(seed: int) -> dict:
    rnd = random.Random(seed)
    values: dict = {}
    for _, _, items in ACTIVE_2019:
        for _, item, fields in items:
            row = {}
            for f in fields:
                row[f] = rnd.randint(-3, 5) if f == "change" else rnd.randint(0, 40)
            if "total_published" in row:
                row["total_published"] = row["published"] + rnd.randint(0, 30)
            values[item] = row
    return values


def render_text_2019(report: F.FictionalReport, active: dict) -> str:
    """The text rendering of ``report`` with 表二 and （六） in the 2019 layout."""
    text = F.render_text(report)
    head, rest = text.split("\t第二十条第（一）项", 1)
    old_table, tail = rest.split("\n\n\n", 1)
    rows = []
    for heading, columns, items in ACTIVE_2019:
        rows.append(f"\t{heading}")
        rows.append("\n".join(["\t信息内容", *[f"\t{c}" for c in columns]]))
        for label, item, fields in items:
            rows.append("\n".join([f"\t{label}", *[f"\t{active[item][f]}" for f in fields]]))
    text = head + "\n\n".join(rows) + "\n\n\n" + tail
    sums = [sum(F.get_cell(report.tables, f"requests.{r}.{c}") for r in OTHER_ROWS) for c in F.REQUEST_COLUMNS]
    blocks = text.split("\n\n")
    start = next(i for i, b in enumerate(blocks) if "（六）其他处理" in b)
    merged = "\n".join(["\t", "\t（六）其他处理", *[f"\t{v}" for v in sums]])
    blocks[start:start + 3] = [merged]
    return "\n\n".join(blocks)


def other_single(report: F.FictionalReport) -> dict:
    return {c: sum(F.get_cell(report.tables, f"requests.{r}.{c}") for r in OTHER_ROWS) for c in F.REQUEST_COLUMNS}
