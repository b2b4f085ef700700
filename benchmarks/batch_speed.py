"""Batch benchmark: files per second with --jobs 1 and --jobs 2, and peak memory.

Not a test. Generates fictional reports (text, Markdown and canonical JSON, mixed),
lints the folder with each setting, and prints files/s, the speed-up ratio measured in
the same run, and the peak resident memory of the largest process, for each folder
size (default 500 and 2000 files). Usage::

    python benchmarks/batch_speed.py [--sizes 500 2000] [--format jsonl]

Targets (issue 7): >= 1.8x with two jobs on a two-core machine; peak memory
independent of the number of files.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)")


def make_folder(root: str, count: int) -> None:
    import factory

    from report_lint.lint import build_report
    from report_lint.plugins import get_registry

    registry = get_registry()
    for i in range(count):
        report = factory.make_report(i)
        if i % 7 == 3:  # some faulty reports, so findings are written too
            report = factory.with_cell(report, "requests.granted.total", factory.get_cell(report.tables, "requests.granted.total") + 1)
        kind = i % 3
        path = os.path.join(root, f"r{i:05d}")
        if kind == 0:
            with open(path + ".txt", "w", encoding="utf-8") as fh:
                fh.write(factory.render_text(report))
        elif kind == 1:
            with open(path + ".md", "w", encoding="utf-8") as fh:
                fh.write(factory.render_markdown(report))
        else:
            with open(path + ".txt.tmp", "w", encoding="utf-8") as fh:
                fh.write(factory.render_text(report))
            parsed = build_report(registry, path + ".txt.tmp")
            os.remove(path + ".txt.tmp")
            with open(path + ".json", "w", encoding="utf-8") as fh:
                json.dump(parsed.to_json(), fh, ensure_ascii=False)


def run(folder: str, jobs: int, fmt: str) -> tuple[float, int]:
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "report_lint", folder, "--jobs", str(jobs),
           "--format", fmt, "--quiet"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--format", default="jsonl")
    parser.add_argument("--rounds", type=int, default=2, help="runs per setting; the fastest is kept")
    args = parser.parse_args()
    print(f"{'files':>6} {'jobs':>4} {'seconds':>8} {'files/s':>8} {'ratio':>6} {'peak MB':>8}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            make_folder(folder, size)
            results = {}
            for jobs in (1, 2):
                best = min((run(folder, jobs, args.format) for _ in range(args.rounds)), key=lambda r: r[0])
                results[jobs] = best
            for jobs, (seconds, rss_kb) in results.items():
                ratio = results[1][0] / seconds
                print(f"{size:>6} {jobs:>4} {seconds:8.2f} {size / seconds:8.1f} {ratio:6.2f} {rss_kb / 1024:8.1f}")


if __name__ == "__main__":
    main()
