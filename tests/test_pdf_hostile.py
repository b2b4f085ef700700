"""Hostile and unreadable PDFs: each ends with exit code 2 and a clear message, or with
a located ``parse`` finding, within the parser's limits; never a traceback or a hang."""

from __future__ import annotations

import io
import json

import pytest

from conftest import run_cli
from report_lint.errors import InputError

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from report_lint_pdf.reader import parse  # noqa: E402


def build_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (1-based) with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def page_with(content: bytes) -> bytes:
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                      b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"])


def small_report() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "示例市人民政府2024年政府信息公开工作年度报告")
    c.save()
    return out.getvalue()


def test_a_small_pdf_reads():
    doc = parse(small_report(), "r.pdf")
    assert doc.blocks[0].text == "示例市人民政府2024年政府信息公开工作年度报告"
    assert doc.blocks[0].location.page == 1 and len(doc.blocks[0].location.bbox) == 4


def test_encrypted_pdf_needs_a_password(tmp_path):
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt="secret")
    c.drawString(72, 700, "x")
    c.save()
    with pytest.raises(InputError) as err:
        parse(out.getvalue(), "e.pdf")
    assert "加密" in err.value.zh and "encrypted" in err.value.en
    path = tmp_path / "e.pdf"
    path.write_bytes(out.getvalue())
    result = run_cli(str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("cut", [0.2, 0.5, 0.9])
def test_truncated_pdf_is_an_error_or_read(cut, tmp_path):
    data = small_report()
    path = tmp_path / "t.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    result = run_cli(str(path))
    assert result.returncode in (0, 1, 2)
    assert "Traceback" not in result.stderr + result.stdout
    if result.returncode == 2:
        assert "PDF" in result.stdout + result.stderr


def test_wrong_xref_offsets_are_repaired_or_refused():
    data = small_report()
    start = data.rindex(b"startxref")
    broken = data[:start] + b"startxref\n99999999\n%%EOF\n"
    try:
        doc = parse(broken, "x.pdf")
    except InputError as exc:
        assert "PDF" in exc.zh
    else:
        assert doc.blocks and "示例市" in doc.blocks[0].text


def test_not_a_pdf_and_empty():
    with pytest.raises(InputError):
        parse(b"", "a.pdf")
    with pytest.raises(InputError) as err:
        parse(b"hello world", "a.pdf")
    assert "PDF" in err.value.zh


def test_recursive_page_tree():
    data = build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                      b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"])
    try:
        doc = parse(data, "loop.pdf")
    except InputError as exc:
        assert "PDF" in exc.zh
    else:  # pdfium counts pages it cannot load: each is a located finding, nothing is read
        assert doc.blocks == [] and doc.problems and all(p.location.page for p in doc.problems)


def test_five_thousand_pages_are_refused_quickly():
    n = 5000
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    with pytest.raises(InputError) as err:
        parse(build_pdf(objects), "big.pdf")
    assert "5000" in err.value.zh and "pages" in err.value.en


def test_the_page_limit_is_the_runs_and_a_user_can_raise_it(tmp_path):
    n = 12
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    path = tmp_path / "twelve.pdf"
    path.write_bytes(build_pdf(objects))
    refused = run_cli("--limit", "pages=10", str(path))
    assert refused.returncode == 2 and "--limit pages" in refused.stdout + refused.stderr
    raised = run_cli("--limit", "pages=20", "--format", "json", str(path))
    findings = json.loads(raised.stdout)["findings"]
    assert raised.returncode == 1 and any("OCR" in f["message"]["en"] for f in findings)  # read: blank pages


def test_a_page_of_a_million_objects_is_skipped_with_a_finding():
    content = b"0 0 1 1 re f\n" * 1_000_000
    doc = parse(page_with(content), "dense.pdf")
    assert [p.location.page for p in doc.problems] == [1]
    assert "page 1" in doc.problems[0].message_en


def test_scanned_pdf_needs_ocr(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = tmp_path / "scan.png"
    Image.new("L", (200, 280), 255).save(image)
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawImage(str(image), 0, 0, 595, 842)
    c.save()
    doc = parse(out.getvalue(), "scan.pdf")
    assert doc.blocks == []
    assert [(p.severity, p.location.page) for p in doc.problems] == [("error", 1)]
    assert "OCR" in doc.problems[0].message_zh and "OCR" in doc.problems[0].message_en
    path = tmp_path / "scan.pdf"
    path.write_bytes(out.getvalue())
    result = run_cli(str(path), "--format", "json")
    assert result.returncode == 1 and '"parse"' in result.stdout


def test_time_limit_stops_a_slow_file():
    with pytest.raises(InputError) as err:
        parse(small_report(), "slow.pdf", time_limit=-1.0)
    assert "took too long" in err.value.en
