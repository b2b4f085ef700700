"""Docx lint time as a ratio to the floor measured in the same run.

Not a test: prints numbers measured in one process with this interpreter. Usage::

    python benchmarks/docx_speed.py [--runs 30] [FILE.docx ...]

Floor: what any reader of a .docx must do, open the zip and parse word/document.xml
with lxml (the hardened parser the plugin uses). Measured: ``lint_file`` end to end
(read, parse, interpret, every rule of national-2021), in process, so that start-up is
not counted on either side. Target (issue 3): lint at most 3x the floor. Files:
fictional reports rendered by tests/docx_factory.py in each style, the blank template
and a Word rendering of the seed of ../shared/corpus when present, and any FILE given.

Every step runs round-robin (floor, parse, lint of one file, then the next file), after
a warm-up round; the medians are compared. Each timed step ends with ``settle()``: the
C allocator defers part of the cost of freeing a parsed tree (tens of thousands of
nodes) to the next large allocation (0.6-2 ms for these files), which would otherwise
land in whichever step runs next: the floor's own share fell on the parse step, and
the lint paid for the tree the parse step had just freed besides its own. Settling
inside each step charges every step for its own garbage and nothing else; it agrees
with timing each step in blocks of repeats, where each pays for a predecessor of its
own kind. ``--no-settle`` measures the old way.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))
TEMPLATE = os.path.join(CORPUS, "template", "2021-blank-template.docx")
SEED = os.path.join(CORPUS, "seed", "000_a3951907e971df6f.txt")
TARGET = 3.0


def fictional_files(folder: str) -> list[str]:
    sys.path.insert(0, os.path.join(HERE, "..", "tests"))
    import docx_factory
    import factory

    paths = []
    for seed, style in ((1, "word"), (2, "wps"), (3, "outline"), (4, "plain")):
        path = os.path.join(folder, f"fictional-{seed}-{style}.docx")
        with open(path, "wb") as fh:
            fh.write(docx_factory.render_docx(factory.make_report(seed), style=style))
        paths.append(path)
    if os.path.exists(SEED):
        from report_lint_text.plaintext import parse

        with open(SEED, "rb") as fh:
            doc = parse(fh.read(), SEED)
        path = os.path.join(folder, "seed-as-word.docx")
        with open(path, "wb") as fh:
            fh.write(docx_factory.seed_to_docx(doc))
        paths.append(path)
    return paths


def settle() -> None:
    """One allocation above the allocator's small-chunk sizes: glibc consolidates the
    chunks freed so far before serving it (a no-op elsewhere)."""
    bytearray(4096)


def floor(data: bytes) -> None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        etree.fromstring(z.read("word/document.xml"), parser)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--no-settle", action="store_true", help="leave each step's deferred frees to the next step")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()

    from report_lint.lint import lint_file
    from report_lint.plugins import get_registry
    from report_lint.ruleset import load_ruleset
    from report_lint_docx.reader import parse

    registry = get_registry()
    spec = registry.rulesets["national-2021"]
    ruleset = load_ruleset(spec.path, registry, trusted=spec.trusted)
    folder = tempfile.mkdtemp()
    files = list(args.files) or fictional_files(folder)
    if not args.files and os.path.exists(TEMPLATE):
        files.append(TEMPLATE)
    blobs = {}
    for path in files:
        with open(path, "rb") as fh:
            blobs[path] = fh.read()

    steps = {
        "floor": lambda path: floor(blobs[path]),
        "parse": lambda path: parse(blobs[path], path),
        "lint": lambda path: lint_file(registry, path, lambda report: ruleset),
    }
    samples = {(path, step): [] for path in files for step in steps}
    after = (lambda: None) if args.no_settle else settle
    for round_ in range(args.runs + 1):  # round-robin; round 0 warms up
        for path in files:
            for step, run in steps.items():
                start = time.perf_counter()
                run(path)
                after()
                if round_:
                    samples[(path, step)].append((time.perf_counter() - start) * 1000)
    median = {k: statistics.median(v) for k, v in samples.items()}

    print(f"{'file':<28} {'doc.xml KB':>10} {'floor ms':>9} {'parse ms':>9} {'parse/floor':>11} "
          f"{'core ms':>8} {'lint ms':>8} {'lint/floor':>10}")
    ratios, parse_ratios = [], []
    for path in files:
        size = zipfile.ZipFile(io.BytesIO(blobs[path])).getinfo("word/document.xml").file_size // 1024
        f, p, lint = median[(path, "floor")], median[(path, "parse")], median[(path, "lint")]
        ratios.append(lint / f)
        parse_ratios.append(p / f)
        verdict = "ok" if lint / f <= TARGET else "over"
        print(f"{os.path.basename(path)[:28]:<28} {size:>10} {f:9.2f} {p:9.2f} {p / f:11.2f} {lint - p:8.2f} "
              f"{lint:8.2f} {lint / f:10.2f} {verdict}")
    print(f"median lint/floor {statistics.median(ratios):.2f} (target <= {TARGET}), parse/floor "
          f"{statistics.median(parse_ratios):.2f}; core = lint - parse (interpreter, rules, file read); "
          f"{args.runs} rounds, {'no settle' if args.no_settle else 'each step settled'}, "
          f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
