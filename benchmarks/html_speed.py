"""HTML lint time as a ratio to a bare parse of the same bytes by lxml (the parser the
HTML plugin uses), measured in one run.

Not a test: prints numbers measured with this interpreter. Usage::

    python benchmarks/html_speed.py [--runs 15] [--page FILE ...]

Without ``--page``, fictional reports (tests/factory.py) are rendered as a government
site's page, a Word export and a page with merged cells (tests/html_factory.py).

Two measurements, both round-robin after a warm-up round, medians:

* end to end (the target of issue 4, ≤ 3×): ``report-lint PAGE`` against
  ``python -c "lxml.etree.fromstring(bytes, HTMLParser())"``, each a fresh process.
  Bytecode is cached in a temporary folder as in a normal installation (this
  workplace sets PYTHONDONTWRITEBYTECODE, which would charge every run for compiling).
* in process: ``lint_file`` (parse, interpret, rules) and the HTML parser alone against
  the bare lxml parse, for the parser's own share.
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
BARE = ("import sys\nfrom lxml import etree\n"
        "etree.fromstring(open(sys.argv[1], 'rb').read(), etree.HTMLParser())\n")


def fictional_pages(folder: str) -> list[str]:
    sys.path.insert(0, os.path.join(HERE, "..", "tests"))
    import factory
    import html_factory

    pages = []
    for layout, seed in (("gov", 1), ("word", 2), ("spans", 3)):
        path = os.path.join(folder, f"{layout}.html")
        with open(path, "wb") as fh:
            fh.write(html_factory.page_bytes(factory.make_report(seed), layout, "gbk" if layout == "gov" else "utf-8"))
        pages.append(path)
    return pages


def end_to_end(pages: list[str], runs: int) -> dict[str, tuple[float, float]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="report-lint-pyc-")
    commands = {}
    for page in pages:
        commands[(page, "bare")] = [sys.executable, "-c", BARE, page]
        commands[(page, "lint")] = [sys.executable, "-m", "report_lint", page]
    samples: dict = {key: [] for key in commands}
    for round_ in range(runs + 1):
        for key, cmd in commands.items():
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            if round_:
                samples[key].append((time.perf_counter() - start) * 1000)
    return {page: (statistics.median(samples[(page, "bare")]), statistics.median(samples[(page, "lint")]))
            for page in pages}


def in_process(pages: list[str], runs: int) -> dict[str, tuple[float, float, float]]:
    from lxml import etree

    from report_lint.lint import lint_file
    from report_lint.plugins import get_registry
    from report_lint.ruleset import load_ruleset
    from report_lint_html.page import parse

    registry = get_registry()
    ruleset = load_ruleset(registry.rulesets["national-2021"].path, registry, trusted=True)
    data = {page: open(page, "rb").read() for page in pages}
    jobs = {}
    for page in pages:
        jobs[(page, "bare")] = lambda p=page: etree.fromstring(data[p], etree.HTMLParser())
        jobs[(page, "parse")] = lambda p=page: parse(data[p], p)
        jobs[(page, "lint")] = lambda p=page: lint_file(registry, p, lambda r: ruleset)
    samples: dict = {key: [] for key in jobs}
    for round_ in range(runs * 4 + 1):
        for key, job in jobs.items():
            start = time.perf_counter()
            job()
            if round_:
                samples[key].append((time.perf_counter() - start) * 1000)
    return {page: tuple(statistics.median(samples[(page, kind)]) for kind in ("bare", "parse", "lint"))
            for page in pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--page", action="append", help="an HTML report to measure (repeatable)")
    args = parser.parse_args()
    pages = args.page or fictional_pages(tempfile.mkdtemp())
    print("end to end (fresh processes)")
    print(f"{'page':<24} {'KB':>5} {'bare ms':>8} {'lint ms':>8} {'ratio':>6}  target <= 3")
    for page, (bare, lint) in end_to_end(pages, args.runs).items():
        ratio = lint / bare
        print(f"{os.path.basename(page):<24} {os.path.getsize(page) // 1024:5} {bare:8.1f} {lint:8.1f} {ratio:6.2f}  "
              f"{'ok' if ratio <= 3 else 'OVER'}")
    print("\nin process")
    print(f"{'page':<24} {'bare ms':>8} {'parse ms':>9} {'lint ms':>8} {'parse/bare':>11} {'lint/bare':>10}")
    for page, (bare, parse, lint) in in_process(pages, args.runs).items():
        print(f"{os.path.basename(page):<24} {bare:8.2f} {parse:9.2f} {lint:8.2f} {parse / bare:11.1f} {lint / bare:10.1f}")


if __name__ == "__main__":
    main()
