"""Linting many files: expanding paths, running files in parallel processes with a
time limit each, and giving results back in input order.

Workers are forked after the plugins and the ruleset are loaded, so each file costs
only its own parse and rules. ``imap`` keeps the order, so the output of ``--jobs 4``
is identical to ``--jobs 1``.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import signal
from typing import Callable, Iterable, Iterator

from .errors import InputError, ReportLintError
from .lint import MAX_INPUT_BYTES, FileResult, lint_file

_GLOB_CHARS = set("*?[")


def expand_paths(paths: Iterable[str], suffixes: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Files, directories (recursive, known suffixes only) and globs, in a stable order.

    A path that names nothing is kept as it is, so that it is reported as missing
    rather than silently dropped.
    """
    suffixes = {s.lower() for s in suffixes}
    excludes = [e.rstrip("/") for e in exclude]
    out: list[str] = []
    seen: set[str] = set()

    def excluded(path: str) -> bool:
        norm = os.path.normpath(path)
        parts = norm.split(os.sep)
        return any(fnmatch.fnmatch(norm, e) or fnmatch.fnmatch(os.path.basename(norm), e)
                   or any(fnmatch.fnmatch(p, e) for p in parts) for e in excludes)

    def add(path: str) -> None:
        if path not in seen and not excluded(path):
            seen.add(path)
            out.append(path)

    for path in paths:
        if "://" in path:
            add(path)
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d)))
                for name in sorted(files):
                    if os.path.splitext(name)[1].lower() in suffixes:
                        add(os.path.join(root, name))
        elif _GLOB_CHARS & set(path) and not os.path.exists(path):
            matches = sorted(glob.glob(path, recursive=True))
            for match in matches:
                if os.path.isfile(match):
                    add(match)
            if not matches:
                add(path)
        else:
            add(path)
    return out


class _Timeout(BaseException):
    """BaseException, so that no ``except Exception`` on the way can swallow it."""


def _on_alarm(signum, frame):
    raise _Timeout()


def lint_with_timeout(registry, path: str, ruleset_for, select, ignore, keep_report: bool,
                      timeout: float | None, max_bytes: int = MAX_INPUT_BYTES, limits=None) -> FileResult:
    """One file, stopped after ``timeout`` seconds (SIGALRM: the main thread of a
    process, which is where both the CLI and the pool workers run files)."""
    use_alarm = bool(timeout) and hasattr(signal, "SIGALRM")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        return _alarmed(timeout if use_alarm else None, lint_file, registry, path, ruleset_for, select, ignore,
                        keep_report=keep_report, max_bytes=max_bytes, limits=limits)
    except _Timeout:
        return FileResult(path, error=InputError(f"超过时间限制（{timeout:g} 秒，--limit seconds=N 可放宽），已停止检查此文件",
                                                 f"timed out after {timeout:g} s (raise it with --limit seconds=N); "
                                                 "this file was not checked"))
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _alarmed(seconds: float | None, func, *args, **kwargs):
    """``func`` under a one-shot timer, armed and disarmed inside the ``try`` of the
    caller, so that however small the limit, the alarm ends as a _Timeout it catches."""
    import time

    started = time.monotonic()
    try:
        if seconds:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        result = func(*args, **kwargs)
    finally:
        if seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
    if seconds and time.monotonic() - started >= seconds:
        # the alarm went off where Python could not raise it (inside a C extension's
        # import, say): the file still took longer than allowed, so it is still a timeout
        raise _Timeout()
    return result


def lint_within(seconds: float, func, *args):
    """``func(*args)`` stopped after ``seconds`` with an InputError (the ``seconds``
    limit), for commands that read one file outside ``lint_with_timeout``."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - no timer on this platform
        return func(*args)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        return _alarmed(seconds, func, *args)
    except _Timeout:
        raise InputError(f"超过时间限制（{seconds:g} 秒，--limit seconds=N 可放宽），已停止",
                         f"timed out after {seconds:g} s (raise it with --limit seconds=N); stopped") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# State the forked workers inherit: set just before the pool starts.
_WORKER: dict = {}


def _work(path: str) -> FileResult:
    w = _WORKER
    try:
        return lint_with_timeout(w["registry"], path, w["ruleset_for"], w["select"], w["ignore"],
                                 w["keep_report"], w["timeout"], w["max_bytes"], w.get("limits"))
    except ReportLintError as exc:  # pragma: no cover - lint_file already catches these
        return FileResult(path, error=exc)


def run_files(registry, paths: list[str], ruleset_for: Callable, *, select=None, ignore=None, jobs: int = 1,
              timeout: float | None = None, keep_report: bool = True,
              max_bytes: int = MAX_INPUT_BYTES, limits=None) -> Iterator[FileResult]:
    """Lint ``paths``, yielding results in input order as they are ready (``limits``:
    a ``report_lint.limits.Limits`` the parsers read; ``timeout``/``max_bytes`` apply
    as given)."""
    jobs = max(1, min(jobs, len(paths)))
    if jobs == 1 or len(paths) < 4:
        for path in paths:
            yield lint_with_timeout(registry, path, ruleset_for, select, ignore, keep_report, timeout, max_bytes,
                                    limits)
        return
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # pragma: no cover - platforms without fork run files one by one
        for path in paths:
            yield lint_with_timeout(registry, path, ruleset_for, select, ignore, keep_report, timeout, max_bytes,
                                    limits)
        return
    _WORKER.update(registry=registry, ruleset_for=ruleset_for, select=select, ignore=ignore,
                   keep_report=keep_report, timeout=timeout, max_bytes=max_bytes, limits=limits)
    chunk = max(1, min(8, len(paths) // (jobs * 8)))
    with context.Pool(jobs) as pool:
        yield from pool.imap(_work, paths, chunksize=chunk)
