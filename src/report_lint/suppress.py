"""Suppressions for documents that cannot carry comments: a sidecar file next to the
report (``report.docx.suppress.yaml``) listing findings that were checked and accepted,
by rule and logical location, never by line number::

    - rule: narrative-new-received
      key: requests.new_received.total     # canonical key, sections.N, contact.phone, title, period
      reason: 正文只统计本级办理的申请
    - rule: text-repeated-characters
      text: 研究研究                        # for text findings: the words found

A suppression that no longer matches any finding is itself reported, so the file
does not silently outlive the faults it was written for.
"""

from __future__ import annotations

import os

from .findings import Finding
from .location import Location

SUFFIX = ".suppress.yaml"


def sidecar_path(path: str) -> str:
    return path + SUFFIX


def has_sidecar(path: str) -> bool:
    return "://" not in path and os.path.isfile(sidecar_path(path))


def apply(path: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` without the suppressed ones, plus one finding per unused or invalid
    suppression. Without a sidecar file, ``findings`` unchanged."""
    if not has_sidecar(path):
        return findings
    sidecar = sidecar_path(path)
    entries, problems = _read(sidecar)
    used = [False] * len(entries)
    kept = []
    for finding in findings:
        hit = next((i for i, e in enumerate(entries) if _matches(e, finding)), None)
        if hit is None:
            kept.append(finding)
        else:
            used[hit] = True
    for i, (entry, was_used) in enumerate(zip(entries, used)):
        if not was_used:
            what = f"{entry.get('rule')} {entry.get('key') or entry.get('text') or ''}".strip()
            problems.append(_finding(
                f"抑制项未匹配任何问题，请删除：{what}", f"suppression matches no finding, remove it: {what}",
                Location(path=sidecar, line=entry.get("_line"))))
    for p in problems:
        p.file = path
    return kept + problems


def _matches(entry: dict, finding: Finding) -> bool:
    if entry.get("rule") != finding.rule:
        return False
    if "key" in entry and entry["key"] != finding.key:
        return False
    if "text" in entry:
        found = finding.found if not isinstance(finding.found, (list, tuple)) else None
        if found is None or str(entry["text"]) not in str(found):
            return False
    return "key" in entry or "text" in entry


def _read(sidecar: str) -> tuple[list[dict], list[Finding]]:
    import yaml

    try:
        with open(sidecar, encoding="utf-8-sig") as fh:
            text = fh.read(200_001)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=yaml.SafeLoader) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [], [_finding(f"无法读取抑制文件：{exc}", f"cannot read the suppression file: {exc}",
                             Location(path=sidecar), severity="error")]
    if not isinstance(data, list) or len(text) > 200_000:
        return [], [_finding("抑制文件应为一个列表（rule、key/text、reason）",
                             "a suppression file is a list of entries (rule, key or text, reason)",
                             Location(path=sidecar), severity="error")]
    entries, problems = [], []
    for i, entry in enumerate(data):
        line = node.value[i].start_mark.line + 1 if isinstance(node, yaml.SequenceNode) else None
        if not isinstance(entry, dict) or "rule" not in entry or not ({"key", "text"} & set(entry)):
            problems.append(_finding("抑制项需要 rule 以及 key 或 text（不接受行号）",
                                     "a suppression needs rule and key or text (never a line number)",
                                     Location(path=sidecar, line=line), severity="error"))
            continue
        entries.append({**entry, "_line": line})
    return entries, problems


def _finding(zh: str, en: str, location: Location, severity: str = "warning") -> Finding:
    return Finding(rule="suppression", category="parse", severity=severity, message_zh=zh, message_en=en,
                   location=location, key="suppression")
