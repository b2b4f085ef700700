"""The interpreter: from a format-neutral Document to the canonical Report.

It decides which blocks are the six sections, which tables are 表二/表三/表四 and which
cell is which canonical key, using the template data of ``data/template-*.yaml``, and
collects the facts stated in the text for the rules.
"""

from __future__ import annotations

from ..document import Document, Heading, Paragraph, Table
from ..report import Fact, Report, TextBlock
from . import facts
from .sections import find_sections
from .tables import TableReader, classify_table
from .template import compact, compact_word, load_template


def interpret(doc: Document, template_version: str | None = None) -> Report:
    """``template_version`` forces a template; by default it is detected from the labels."""
    # each table's words, width-folded, once: both the version and the table kinds read them
    table_text = [compact(b.all_text()) if isinstance(b, Table) else "" for b in doc.blocks]
    detected, evidence = _detect_version(table_text, load_template("2021"))
    template = load_template(template_version or detected)
    sections, heading_blocks = find_sections(doc.blocks, template)
    section_of_block = _assign_sections(doc.blocks, heading_blocks)

    texts: list[TextBlock] = []
    reader = TableReader(template)
    for i, block in enumerate(doc.blocks):
        section = section_of_block[i]
        if isinstance(block, Table):
            kind = classify_table(block, section, template, table_text[i])
            if kind is not None:
                reader.read(kind, block)
            continue
        kind_name = "heading" if isinstance(block, Heading) else "paragraph"
        offsets = getattr(block, "line_offsets", None) if isinstance(block, Paragraph) else None
        texts.append(TextBlock(block.text, block.location, kind_name, section, offsets))

    report = Report(source_path=doc.source_path, source_format=doc.source_format)
    report.sections = sections
    report.tables = reader.tables()
    report.provenance = reader.provenance
    report.table_locations = reader.locations
    report.problems = [*(_problem(p) for p in doc.problems), *reader.problems]
    report.properties = dict(doc.properties)

    title = facts.find_title(texts, template["title_keyword"])
    if title is not None:
        for t in texts:
            if t.location == title.location:
                t.kind = "title"
        report.title = title
        report.year, report.organ = facts.title_year_and_organ(title.text, template["title_keyword"])
        report.year_source = "title" if report.year else None
    report.period = facts.find_period(texts)
    if report.year is None and report.period and report.period.get("start_year"):
        report.year, report.year_source = report.period["start_year"], "period"
    report.texts = texts
    report.facts = [*facts.contacts(texts), *facts.narrative_numbers(texts), *facts.fee_statements(texts),
                    *facts.citations(texts), *_marks(doc)]
    report.template_version, report.template_evidence = template_version or detected, evidence
    return report


def _marks(doc: Document) -> list[Fact]:
    return [Fact(m.kind, m.text, m.text, m.location, None, {"author": m.author} if m.author else {})
            for m in doc.marks]


def _assign_sections(blocks: list, heading_blocks: dict[int, int]) -> list[int | None]:
    starts = sorted((block_index, section) for section, block_index in heading_blocks.items())
    out: list[int | None] = []
    current = None
    pos = 0
    for i in range(len(blocks)):
        while pos < len(starts) and starts[pos][0] == i:
            current = starts[pos][1]
            pos += 1
        out.append(current)
    return out


def _detect_version(table_text: list[str], template: dict) -> tuple[str, list[str]]:
    """The template version whose distinctive labels the tables use (2021 by default).
    ``table_text``: each table's ``compact`` text (compact is per character, so joining
    them equals compacting the joined text)."""
    text = "".join(table_text)
    for version, markers in (template.get("other_version_markers") or {}).items():
        found = [m for m in markers if compact_word(m) in text]
        if found:
            return str(version), found
    return str(template["version"]), []


def _problem(p) -> dict:
    out = {"zh": p.message_zh, "en": p.message_en, "location": p.location.to_dict(), "severity": p.severity}
    if p.unreadable:
        out["unreadable"] = p.unreadable
    return out
