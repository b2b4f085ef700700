"""Cross-document benchmark: the cost of the copied-text check over many pairs.

Not a test. Generates ``--pairs`` fictional organs with a report for each of two
consecutive years (half of the second-year reports copy their first-year narrative),
then lints the folder three ways in the same run, round-robin:

- ``no cross``: ``--ignore cross`` (no report kept, no pairing);
- ``without similarity``: ``--ignore cross-copied-text`` (pairing and the other
  cross-document rules, but not the similarity check);
- ``full``: every rule.

Prints the medians and the ratio ``full / without similarity`` (target, issue 9:
<= 2.0 over 1,000 pairs) with the peak resident memory of each. Usage::

    python benchmarks/crossdoc_speed.py [--pairs 1000] [--rounds 3] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
sys.path.insert(0, HERE)

from batch_speed import MEASURE  # noqa: E402 - time and peak memory of a child process

def make_pairs(root: str, pairs: int) -> None:
    import factory

    for i in range(pairs):
        organ = f"示例市澄川区第{i}号机关"
        last = factory.make_report(2 * i, organ=organ, year=2023)
        # every other organ copies last year's narrative (same text seed, this year's figures)
        this = factory.make_report(2 * i if i % 2 else 2 * i + 1, organ=organ, year=2024)
        for report in (last, this):
            with open(os.path.join(root, f"{i:05d}-{report.year}.txt"), "w", encoding="utf-8") as fh:
                fh.write(factory.render_text(report))


def run(folder: str, extra: list[str], jobs: int) -> tuple[float, int]:
    command = [sys.executable, "-c", MEASURE, sys.executable, "-m", "report_lint", "-q", "--format", "jsonl",
               "--jobs", str(jobs), *extra, folder]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    settings = {"no cross": ["--ignore", "cross"], "without similarity": ["--ignore", "cross-copied-text"],
                "full": []}
    with tempfile.TemporaryDirectory() as folder:
        make_pairs(folder, args.pairs)
        times: dict[str, list[float]] = {name: [] for name in settings}
        memory: dict[str, int] = {name: 0 for name in settings}
        for _ in range(args.rounds):
            for name, extra in settings.items():
                seconds, rss = run(folder, extra, args.jobs)
                times[name].append(seconds)
                memory[name] = max(memory[name], rss)
    print(f"{args.pairs} pairs ({2 * args.pairs} files), --jobs {args.jobs}, medians of {args.rounds} rounds")
    for name in settings:
        print(f"  {name:20s} {statistics.median(times[name]):7.2f} s   peak {memory[name] / 1024:6.1f} MB")
    ratio = statistics.median(times["full"]) / statistics.median(times["without similarity"])
    print(f"full / without similarity: {ratio:.2f}x (target <= 2.0)")
    print(f"full / no cross:           {statistics.median(times['full']) / statistics.median(times['no cross']):.2f}x")


if __name__ == "__main__":
    main()
