"""PDF lint time as a ratio to the floor measured in the same run.

Not a test: prints numbers measured in one process with this interpreter. Usage::

    python benchmarks/pdf_speed.py [--runs 20] [FILE.pdf ...]

Floor (issue 5): pypdfium2 opening the file and extracting every page's text. Measured:
the parser alone, and ``lint_file`` end to end (read, parse, interpret, every rule of
national-2021), in process, so that start-up is not counted; round-robin, median of the
runs. Target: lint at most 5x the floor with exact tables. Files: the real PDFs of
../shared/corpus/real when present, fictional reports drawn by tests/pdf_factory.py in
each layout, and any FILE given.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "real"))
TARGET = 5.0


def fictional_files(folder: str) -> list[str]:
    sys.path.insert(0, os.path.join(HERE, "..", "tests"))
    import factory
    import pdf_factory

    paths = []
    for seed, layout in enumerate(pdf_factory.LAYOUTS, start=40):
        path = os.path.join(folder, f"fictional-{seed}-{layout}.pdf")
        with open(path, "wb") as fh:
            fh.write(pdf_factory.render_pdf(factory.make_report(seed), layout, lead_lines=4))
        paths.append(path)
    return paths


def floor(path: str) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()

    from report_lint.lint import lint_file
    from report_lint.plugins import get_registry
    from report_lint.ruleset import load_ruleset
    from report_lint_pdf.reader import parse

    registry = get_registry()
    national = load_ruleset(registry.rulesets["national-2021"].path, registry, trusted=True)
    with tempfile.TemporaryDirectory() as folder:
        files = list(args.files)
        files += [os.path.join(REAL, n) for n in sorted(os.listdir(REAL)) if n.endswith(".pdf")] if os.path.isdir(REAL) else []
        files += fictional_files(folder)
        steps = {
            "floor": floor,
            "parse": lambda p: parse(open(p, "rb").read(), p),
            "lint": lambda p: lint_file(registry, p, lambda r: national),
        }
        times = {(f, s): [] for f in files for s in steps}
        for f in files:  # warm-up: imports, caches
            for step in steps.values():
                step(f)
        for _ in range(args.runs):
            for f in files:
                for name, step in steps.items():
                    t = time.perf_counter()
                    step(f)
                    times[(f, name)].append(time.perf_counter() - t)
        print(f"{'file':40} {'floor ms':>9} {'parse ms':>9} {'lint ms':>9} {'parse/floor':>12} {'lint/floor':>11}")
        worst = 0.0
        for f in files:
            fl, pa, li = (statistics.median(times[(f, s)]) * 1000 for s in steps)
            worst = max(worst, li / fl)
            print(f"{os.path.basename(f)[:40]:40} {fl:9.1f} {pa:9.1f} {li:9.1f} {pa / fl:12.2f} {li / fl:11.2f}")
        print(f"worst lint/floor {worst:.2f} (target <= {TARGET})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
