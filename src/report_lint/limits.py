"""The limits every input is read within, in one place (documented in docs/limits.md).

Reports come from hundreds of websites, so every file is untrusted: each limit bounds
the time or memory one file may cost, and exceeding it ends that file with a clear
message (exit code 2), never a hang or an out-of-memory kill. The defaults are far
above any real annual report; a user raises them with ``--limit NAME=VALUE`` or a
``limits:`` mapping in the config file.

Parsers keep their ``parse(data, path)`` signature and read the limits in effect with
``current()``: the core sets them around each file (``use``), in the main process and
in forked workers alike, and a parser called directly (a test, a script) gets the
defaults.
"""

from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass, replace
from typing import Iterator

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on one file. Sizes are in bytes here; the user writes them in MB."""

    file_size: int = 200 * MB  # bytes read from any one file (or fetched from a URL)
    unpacked_size: int = 32 * MB  # markup parsed from one file: a .docx's parts uncompressed, a web page
    zip_entries: int = 10_000  # entries in a zip-based file (.docx)
    elements: int = 100_000  # elements of a web page; paragraphs and table cells of a .docx; PDF objects
    depth: int = 256  # nesting of elements (HTML, the XML of a .docx)
    pages: int = 500  # pages of a paged format (PDF); annual reports run to a few dozen
    seconds: float = 120.0  # time per file
    memory: int = 2048 * MB  # address space reading one file may add (a MemoryError, not the OOM killer)

    def with_values(self, **values) -> "Limits":
        return replace(self, **values)


DEFAULT = Limits()

# name a user writes → (field, unit factor, description zh, description en)
NAMES: dict[str, tuple[str, int, str, str]] = {
    "file-size": ("file_size", MB, "单个文件的大小（MB）", "size of one file (MB)"),
    "unpacked-size": ("unpacked_size", MB, "解压或解码后解析的标记大小（MB）",
                      "markup parsed from one file once uncompressed (MB)"),
    "zip-entries": ("zip_entries", 1, "ZIP 包内的条目数", "entries in a zip-based file"),
    "elements": ("elements", 1, "元素数（网页元素、Word 段落与单元格、PDF 对象）",
                 "elements (web page elements, Word paragraphs and cells, PDF objects)"),
    "depth": ("depth", 1, "元素的嵌套层数（网页、Word 的 XML）", "nesting depth of elements (web pages, Word XML)"),
    "pages": ("pages", 1, "页数（PDF）", "pages (PDF)"),
    "seconds": ("seconds", 1, "单个文件的时间（秒）", "time per file (seconds)"),
    "memory": ("memory", MB, "读取单个文件时可增加的内存（MB）", "memory reading one file may add (MB)"),
}

_CURRENT: contextvars.ContextVar[Limits] = contextvars.ContextVar("report_lint_limits", default=DEFAULT)


def current() -> Limits:
    """The limits in effect for the file being read (the defaults outside a lint)."""
    return _CURRENT.get()


@contextlib.contextmanager
def use(limits: Limits | None) -> Iterator[Limits]:
    """Make ``limits`` the ones ``current()`` returns inside the ``with`` block."""
    if limits is None:
        yield current()
        return
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


@contextlib.contextmanager
def memory_cap(extra: int) -> Iterator[None]:
    """Let the process grow by at most ``extra`` bytes of address space inside the block,
    so a runaway allocation is a MemoryError that ends one file with a message, rather
    than the system's out-of-memory killer ending the run. Linux only (elsewhere the
    other limits still bound a file); the previous limit is restored afterwards."""
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as fh:
            size = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, StopIteration, ValueError):
        yield
        return
    cap = size + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield  # already capped at least as tightly (by the user, or an outer block)
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


class LimitError(ValueError):
    """A limit written wrongly: ``zh``/``en`` say which and why."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


def _known() -> str:
    return ", ".join(NAMES)


def value_of(name: str, raw) -> tuple[str, int | float]:
    """(field, value in internal units) for a user's ``name`` and ``raw`` value."""
    key = str(name).strip().lower().replace("_", "-")
    if key not in NAMES:
        raise LimitError(f"未知的限制“{name}”（可用：{_known()}）", f"unknown limit '{name}' (known: {_known()})")
    field_name, factor, _, _ = NAMES[key]
    if isinstance(raw, bool):
        raw = "bad"
    try:
        number = float(str(raw).strip())
    except ValueError:
        number = float("nan")
    if not number > 0 or number == float("inf"):
        raise LimitError(f"限制 {key} 的值应为正数，而不是“{raw}”", f"limit {key} must be a positive number, not '{raw}'")
    if field_name == "seconds":
        return field_name, number
    scaled = int(number * factor)
    if scaled < 1:
        raise LimitError(f"限制 {key} 的值过小：{raw}", f"limit {key} is too small: {raw}")
    return field_name, scaled


def parse_assignment(text: str) -> tuple[str, int | float]:
    """``NAME=VALUE`` as given to ``--limit``."""
    name, sep, raw = str(text).partition("=")
    if not sep or not name.strip() or not raw.strip():
        raise LimitError(f"--limit 的写法是 名称=数值（如 --limit pages=5000），而不是“{text}”",
                         f"--limit takes NAME=VALUE (e.g. --limit pages=5000), not '{text}'")
    return value_of(name, raw)


def from_mapping(mapping: dict, base: Limits = DEFAULT) -> Limits:
    """Limits from a config file's ``limits:`` mapping (names as on the command line)."""
    if not isinstance(mapping, dict):
        raise LimitError("limits 应为一个映射（名称: 数值）", "limits must be a mapping (name: value)")
    values = dict(value_of(name, raw) for name, raw in mapping.items())
    return replace(base, **values)


def describe(limits: Limits = DEFAULT, lang: str = "en") -> list[tuple[str, str, str]]:
    """(name, value as the user writes it, description) for each limit: docs and help."""
    out = []
    for name, (field_name, factor, zh, en) in NAMES.items():
        value = getattr(limits, field_name)
        shown = f"{value / factor:g}"
        out.append((name, shown, zh if lang == "zh" else en))
    return out

