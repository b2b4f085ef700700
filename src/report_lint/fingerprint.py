"""Stable fingerprints of findings, and baselines built from them.

A fingerprint identifies a finding across runs: the rule, the file's identity (its
path as given, with / separators), the logical location (the canonical key of the cell
or section, or for text findings the words found) and the values involved. Line
numbers and run order are left out, so editing an unrelated paragraph does not turn
old findings into new ones.
"""

from __future__ import annotations

import json
import os

from .errors import UsageError


def file_identity(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def fingerprint(finding, path: str | None = None) -> str:
    logical = finding.key or ""
    found = finding.found
    if isinstance(found, (list, tuple)):
        found = [None if v is None else str(v) for v in found]
    elif found is not None:
        found = str(found)
    expected = None if finding.expected is None else str(finding.expected)
    import hashlib  # here, not at the top: it costs 4 ms of start-up and only some outputs need it

    payload = json.dumps([finding.rule, file_identity(path or finding.file), logical, expected, found,
                          finding.assessable], ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=12).hexdigest()


def load_baseline(path: str) -> set[str]:
    """Fingerprints from a previous ``--format json`` output (or a list of them)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise UsageError(f"无法读取基线文件 {path}：{exc}", f"cannot read baseline {path}: {exc}")
    if isinstance(data, dict):
        data = data.get("findings", [])
    prints = set()
    for item in data if isinstance(data, list) else []:
        if isinstance(item, str):
            prints.add(item)
        elif isinstance(item, dict) and isinstance(item.get("fingerprint"), str):
            prints.add(item["fingerprint"])
    return prints
