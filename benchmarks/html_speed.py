"""HTML lint time as a ratio to a bare parse of the same bytes by lxml (the parser the
HTML plugin uses), measured in one run.

Not a test: prints numbers measured with this interpreter. Usage::

    python benchmarks/html_speed.py [--runs 15] [--page FILE ...]

Without ``--page``, fictional reports (tests/factory.py) are rendered as a small
government site's page, a Word export, a page with merged cells and a Word paste inside
a full portal page (tests/html_factory.py). Only the portal page is at the scale of the
pages sites publish (185 KB; lxml parses it in about 2 ms here, the issue's sample in
about 4 ms): the others are a few KB, and on them the ratio mostly measures the rules'
fixed cost per report (the ``rules`` column: lint minus parse, that is interpreting the
Document and running every rule), which does not grow with the page.

Two measurements, both round-robin after a warm-up round, medians:

* in process (the target of issue 4, ≤ 3×, measured as benchmarks/docx_speed.py
  measures issue 3): ``lint_file`` end to end (read, decode, parse, interpret, every
  rule) against ``lxml.etree.fromstring(bytes, HTMLParser())`` of the same bytes, in one
  warm process, so that Python's start-up is counted on neither side; the HTML parser
  alone is shown for its share. Each timed step ends with ``settle()`` (see
  docx_speed.py): every step pays for freeing its own tree, not the previous step's.
* command line, for information: ``report-lint PAGE`` against ``python -c
  "lxml.etree.fromstring(…)"``, each a fresh process, so start-up is counted on both
  sides. Start-up (about 50 ms, most of it importing) dwarfs a parse of a few
  milliseconds, so this ratio says little about the lint itself: it is not the
  target. Bytecode is cached in a temporary folder as in a normal installation (this
  workplace sets PYTHONDONTWRITEBYTECODE, which would charge every run for compiling).
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
TARGET = 3.0
BARE = ("import sys\nfrom lxml import etree\n"
        "etree.fromstring(open(sys.argv[1], 'rb').read(), etree.HTMLParser())\n")


def fictional_pages(folder: str) -> list[str]:
    sys.path.insert(0, os.path.join(HERE, "..", "tests"))
    import factory
    import html_factory

    pages = []
    for layout, seed in (("gov", 1), ("word", 2), ("spans", 3), ("portal", 4)):
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

    sys.path.insert(0, HERE)
    from docx_speed import settle

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
            settle()
            if round_:
                samples[key].append((time.perf_counter() - start) * 1000)
    return {page: tuple(statistics.median(samples[(page, kind)]) for kind in ("bare", "parse", "lint"))
            for page in pages}


STEPS = ("decode", "tree", "unwrap", "article", "blocks", "recover", "interpret", "rules", "py-floor")


def steps(pages: list[str], runs: int) -> dict[str, dict[str, float]]:
    """Where the time goes, step by step (medians, ms), as ``page.parse`` runs them, and
    ``py-floor``: one bottom-up Python pass that only adds up each element's text (the
    least any pass over the tree in Python costs; the article finder needs one)."""
    from lxml import etree

    sys.path.insert(0, HERE)
    from docx_speed import settle

    from report_lint import engine, flattened
    from report_lint.decoding import decode_html
    from report_lint.document import Document
    from report_lint.interpret import interpret
    from report_lint.plugins import get_registry
    from report_lint.ruleset import load_ruleset
    from report_lint_html import article, flow, page as html_page

    registry = get_registry()
    ruleset = load_ruleset(registry.rulesets["national-2021"].path, registry, trusted=True)

    def floor(root) -> None:
        sizes: dict = {}
        for el in reversed(list(root.iter(etree.Element))):
            text = el.text
            total = len(text.strip()) if text else 0
            for child in el:
                tail = child.tail
                total += sizes.get(child, 0) + (len(tail.strip()) if tail else 0)
            sizes[el] = total

    out = {}
    for path in pages:
        data = open(path, "rb").read()
        samples: dict[str, list[float]] = {name: [] for name in STEPS}

        def timed(name, job):
            start = time.perf_counter()
            value = job()
            samples[name].append((time.perf_counter() - start) * 1000)
            return value

        for _ in range(runs * 4):
            decoded = timed("decode", lambda: decode_html(data, path))
            utf8 = data if decoded.encoding == "utf-8" and decoded.source != "bom" else None
            root = timed("tree", lambda: html_page._tree(decoded.text, utf8))
            timed("unwrap", lambda: html_page._unwrap_inline(root))
            timed("py-floor", lambda: floor(root))
            found = timed("article", lambda: article.read_page(root))
            doc = Document(source_path=path, source_format="html", properties={})
            timed("blocks", lambda: flow.build_blocks(doc, found))
            timed("recover", lambda: flattened.recover(doc, columns=False))
            report = timed("interpret", lambda: interpret(doc))
            timed("rules", lambda: engine.run(report, ruleset, registry))
            del root, found, doc, report
            settle()
        out[path] = {name: statistics.median(values) for name, values in samples.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--page", action="append", help="an HTML report to measure (repeatable)")
    parser.add_argument("--steps", action="store_true", help="also show where the time goes, step by step")
    args = parser.parse_args()
    pages = args.page or fictional_pages(tempfile.mkdtemp())
    print(f"in process, warm (issue 4 target: lint <= {TARGET:g} x bare lxml parse of the same bytes)")
    print(f"{'page':<24} {'KB':>5} {'bare ms':>8} {'parse ms':>9} {'lint ms':>8} {'rules ms':>9} {'parse/bare':>11} "
          f"{'lint/bare':>10}")
    ratios = []
    for page, (bare, parse, lint) in in_process(pages, args.runs).items():
        ratios.append(lint / bare)
        print(f"{os.path.basename(page):<24} {os.path.getsize(page) // 1024:5} {bare:8.2f} {parse:9.2f} {lint:8.2f} "
              f"{lint - parse:9.2f} {parse / bare:11.1f} {lint / bare:10.1f}  {'ok' if lint / bare <= TARGET else 'OVER'}")
    print(f"median lint/bare {statistics.median(ratios):.1f} (target <= {TARGET:g}); {args.runs * 4} rounds, "
          f"python {sys.version.split()[0]}")
    if args.steps:
        print("\nstep by step, ms (py-floor: one Python pass adding up each element's text, for scale)")
        print(f"{'page':<24} " + " ".join(f"{name:>9}" for name in STEPS))
        for page, medians in steps(pages, args.runs).items():
            print(f"{os.path.basename(page):<24} " + " ".join(f"{medians[name]:9.2f}" for name in STEPS))
    print("\ncommand line, fresh processes (start-up counted on both sides; for information, not the target)")
    print(f"{'page':<24} {'KB':>5} {'bare ms':>8} {'lint ms':>8} {'ratio':>6}")
    for page, (bare, lint) in end_to_end(pages, args.runs).items():
        print(f"{os.path.basename(page):<24} {os.path.getsize(page) // 1024:5} {bare:8.1f} {lint:8.1f} {lint / bare:6.2f}")


if __name__ == "__main__":
    main()
