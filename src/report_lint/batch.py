"""Linting many files: expanding paths, running files in parallel processes with a
time limit each, and giving results back in input order.

Workers are forked after the plugins and the ruleset are loaded, so each file costs
only its own parse and rules. Results come back in input order, so the output of
``--jobs 4`` is identical to ``--jobs 1``; a worker that dies or hangs in native code
costs only its own file.
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
    yield from _pooled(paths, jobs, context, timeout)


# A worker must answer within its own time limit (SIGALRM) plus this much; beyond it
# the worker is stuck where Python cannot interrupt it (inside native code) and is killed.
GRACE_SECONDS = 30.0
WINDOW_PER_JOB = 4  # files handed out ahead of the one being waited for


def _pooled(paths: list[str], jobs: int, context, timeout: float | None) -> Iterator[FileResult]:
    """Files in worker processes, results in input order. A worker that dies (killed by
    the system for its memory, or a fault in a native library) or hangs in native code
    loses only its own file: the files in flight are read again one by one, each in a
    fresh process, so the one responsible is named and the others are kept."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    wait = (timeout + GRACE_SECONDS) if timeout else None
    executor = ProcessPoolExecutor(jobs, mp_context=context)
    pending: deque = deque(paths)  # not handed out yet
    window: deque = deque()  # (path, future) handed out, in input order
    try:
        while pending or window:
            broken = False
            try:
                while pending and len(window) < jobs * WINDOW_PER_JOB:
                    window.append((pending[0], executor.submit(_work, pending[0])))
                    pending.popleft()
            except BrokenProcessPool:  # a worker died while others were being handed out
                broken = True
            if not broken:
                try:
                    result = window[0][1].result(timeout=wait)
                except FutureTimeout:
                    _kill_workers(executor)
                    broken = True
                except BrokenProcessPool:
                    broken = True
                else:
                    window.popleft()
                    yield result
                    continue
            executor.shutdown(wait=False, cancel_futures=True)
            for path, future in window:  # finished ones are kept; the rest are read again alone
                done = future.done() and not future.cancelled() and future.exception() is None
                yield future.result() if done else _alone(path, context, wait)
            window.clear()
            executor = ProcessPoolExecutor(jobs, mp_context=context)
    finally:
        _kill_workers(executor)
        executor.shutdown(wait=False, cancel_futures=True)


def _alone(path: str, context, wait: float | None) -> FileResult:
    """One file in a process of its own: its result, or why the process gave none."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(1, mp_context=context)
    try:
        return executor.submit(_work, path).result(timeout=wait)
    except FutureTimeout:
        _kill_workers(executor)
        return FileResult(path, error=InputError(
            f"读取此文件的进程在 {wait:g} 秒内没有结束（卡在原生代码中），已终止；其他文件照常检查",
            f"the process reading this file did not finish within {wait:g} s (stuck in native code) and was "
            "stopped; the other files were checked"))
    except BrokenProcessPool:
        return FileResult(path, error=InputError(
            "读取此文件的进程意外终止（内存耗尽被系统终止，或原生库出错）；其他文件照常检查",
            "the process reading this file died (killed by the system for its memory, or a fault in a native "
            "library); the other files were checked"))
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def _kill_workers(executor) -> None:
    """Stop an executor's worker processes now (the executor offers no public way)."""
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        if process.is_alive():
            process.kill()
