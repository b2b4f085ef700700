"""Start-up and lint-time benchmark: ratios against the cheapest click program.

Not a test: prints numbers measured in one run with this interpreter. Usage::

    python benchmarks/startup.py [--runs 15] [--report FILE]

Baseline: ``python -c "import click"``. Targets (issue 2): ``report-lint --version``
at most 1.2x the baseline; linting a text report at most 2.5x. Without ``--report``
the seed of ../shared/corpus is linted when present, else a generated fictional report.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "seed", "000_a3951907e971df6f.txt"))


def measure(commands: dict[str, tuple[list[str], dict]], runs: int) -> dict[str, float]:
    """Median wall time in ms of each command, run round-robin (one warm-up round
    first) so that drift in the machine's load hits every command alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, (cmd, env) in commands.items():
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env={**os.environ, **env})
            if round_:
                samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def fictional_report() -> str:
    sys.path.insert(0, os.path.join(HERE, "..", "tests"))
    import factory

    path = os.path.join(tempfile.mkdtemp(), "fictional.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(factory.render_text(factory.make_report(1)))
    return path


def _compile_installed() -> None:
    """Byte-compile report-lint and its plugins, as pip does on install: with
    PYTHONDONTWRITEBYTECODE set (or an editable install never imported), every run would
    otherwise compile the sources again, about 75 ms that no installed user pays."""
    import compileall
    import importlib.util

    for name in ("report_lint", "report_lint_text", "report_lint_json", "report_lint_docx", "report_lint_html",
                 "report_lint_pdf", "report_lint_rulesets"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                compileall.compile_dir(folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--report", help="text report to lint (default: the corpus seed, else a fictional one)")
    args = parser.parse_args()
    report = args.report or (SEED if os.path.exists(SEED) else fictional_report())
    py = sys.executable
    _compile_installed()
    # the console script users run; `python -m` would add runpy's imports to every number
    script = os.path.join(os.path.dirname(py), "report-lint")
    cli = [script] if os.path.exists(script) else [py, "-m", "report_lint"]
    name = os.path.basename(report)
    commands = {
        "python -c 'import click' (baseline)": ([py, "-c", "import click"], {}),
        "python -c 'pass'": ([py, "-c", "pass"], {}),
        "report-lint --version": ([*cli, "--version"], {}),
        f"report-lint {name}": ([*cli, report], {}),
        # the first run after an install or upgrade: YAML parsed, phonenumbers imported
        f"report-lint {name} (no cache)": ([*cli, report], {"REPORT_LINT_NO_CACHE": "1"}),
    }
    targets = {"report-lint --version": 1.2, f"report-lint {name}": 2.5}
    times = measure(commands, args.runs)
    baseline = times["python -c 'import click' (baseline)"]
    print(f"{'command':<52} {'ms':>8} {'ratio':>7} {'target':>8}")
    for label, ms in times.items():
        ratio, target = ms / baseline, targets.get(label)
        verdict = "" if target is None else ("ok" if ratio <= target else "OVER")
        print(f"{label:<52} {ms:8.1f} {ratio:7.2f} {('<= ' + str(target)) if target else '':>8} {verdict}")


if __name__ == "__main__":
    main()
