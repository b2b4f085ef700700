"""A JSON cache of packaged YAML data (rulesets, template mappings).

Importing PyYAML and parsing the national ruleset costs about 35 ms, more than the
rest of a lint of a text report (see benchmarks/startup.py). Packaged files change
only on upgrade, so their parsed form is kept as JSON keyed by path, size and mtime,
and YAML is read again whenever a file changes. Only trusted, packaged files go through
here; user rulesets are always read and validated afresh.

The cache lives in ``$REPORT_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/report-lint``,
else ``~/.cache/report-lint``; ``REPORT_LINT_NO_CACHE=1`` turns it off. An unwritable
cache directory only costs speed.
"""

from __future__ import annotations

import json
import os
import zlib

from . import __version__


def cache_dir() -> str:
    explicit = os.environ.get("REPORT_LINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "report-lint")


def _parse_yaml(path: str):
    import yaml

    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_packaged_yaml(path: str):
    """The parsed content of a packaged YAML file, from the cache when it is current."""
    if os.environ.get("REPORT_LINT_NO_CACHE"):
        return _parse_yaml(path)
    try:
        st = os.stat(path)
    except OSError:
        return _parse_yaml(path)
    # crc32, not hashlib: importing hashlib alone costs 4 ms of the start-up budget
    source = os.path.abspath(path)
    stem = f"{os.path.basename(path)}-{zlib.crc32(source.encode()):08x}"
    key = f"{__version__}|{source}|{st.st_size}|{st.st_mtime_ns}"
    cached = os.path.join(cache_dir(), f"{stem}-{zlib.crc32(key.encode()):08x}.json")
    try:
        with open(cached, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        pass
    data = _parse_yaml(path)
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:  # int keys or dates would not survive: do not cache
            return data
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        tmp = f"{cached}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, cached)
        _remove_stale(cached, stem)
    except (OSError, TypeError, ValueError):
        pass
    return data


def _remove_stale(current: str, stem: str) -> None:
    """Drop cached versions of the same file left by earlier versions of it."""
    folder = os.path.dirname(current)
    for name in os.listdir(folder):
        if name.startswith(stem + "-") and name.endswith(".json") and os.path.join(folder, name) != current:
            try:
                os.remove(os.path.join(folder, name))
            except OSError:
                pass


class DiskMemo:
    """A small persistent memo of answers that are slow to get only because of an
    import (e.g. phone-number validity, which needs ``phonenumbers``: 17 ms to import).

    Entries are valid while the files named in ``depends_on`` keep their size and mtime
    (the library's own module file, say), so an upgrade of the library starts afresh.
    """

    MAX_ENTRIES = 5000

    def __init__(self, name: str, depends_on: list[str]):
        signature = [__version__]
        for path in depends_on:
            try:
                st = os.stat(path)
                signature.append(f"{path}|{st.st_size}|{st.st_mtime_ns}")
            except OSError:
                signature.append(f"{path}|missing")
        self.signature = "\n".join(signature)
        self.path = os.path.join(cache_dir(), f"memo-{name}.json")
        self.entries: dict | None = None
        self.enabled = not os.environ.get("REPORT_LINT_NO_CACHE")

    def _load(self) -> dict:
        if self.entries is None:
            self.entries = {}
            if self.enabled:
                try:
                    with open(self.path, encoding="utf-8") as fh:
                        stored = json.load(fh)
                    if stored.get("signature") == self.signature:
                        self.entries = dict(stored.get("entries") or {})
                except (OSError, ValueError, AttributeError):
                    pass
        return self.entries

    def get(self, key: str):
        return self._load().get(key)

    def put(self, key: str, value) -> None:
        entries = self._load()
        entries[key] = value
        if not self.enabled or len(entries) > self.MAX_ENTRIES:
            return
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            tmp = f"{self.path}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump({"signature": self.signature, "entries": entries}, fh)
            os.replace(tmp, self.path)
        except OSError:
            pass
