"""Files that are not a readable .docx: each is named for what it really is, with how to
convert it, exit code 2 and no traceback; bombs and DOCTYPEs are refused within limits."""

from __future__ import annotations

import io
import json
import struct
import time
import zipfile

import pytest

import docx_factory as D
import factory as F
from conftest import run_cli
from hostile_factory import ole2, zip_of  # an OLE2 compound file; a zip of the given members
from report_lint import limits
from report_lint.errors import InputError

pytest.importorskip("lxml")

from report_lint_docx import archive  # noqa: E402
from report_lint_docx.reader import parse  # noqa: E402


GOOD = None


def good_docx() -> bytes:
    global GOOD
    if GOOD is None:
        GOOD = D.render_docx(F.make_report(0), style="plain")
    return GOOD


def with_document(xml: bytes | str) -> bytes:
    """The good .docx with word/document.xml replaced."""
    src = zipfile.ZipFile(io.BytesIO(good_docx()))
    members = {i.filename: src.read(i.filename) for i in src.infolist()}
    members["word/document.xml"] = xml
    return zip_of(members)


ENTITY_BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
               + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
               + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
               '<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
XXE = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
       "<w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
LATE_DOCTYPE = ('<?xml version="1.0"?><!--' + "x" * 5000 + '--><!DOCTYPE d [<!ENTITY a "b">]>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>')

CASES = {
    "word97.doc.docx": (lambda: ole2("WordDocument", "1Table", "\x05SummaryInformation"), "Word 97-2003", "另存为"),
    "report.wps": (lambda: ole2("WordDocument", "1Table"), "WPS", "另存为"),
    "encrypted.docx": (lambda: ole2("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"), "加密", "密码"),
    "sheet.docx": (lambda: ole2("Workbook"), "Excel", "Word"),
    "damaged-ole.docx": (lambda: archive.OLE2_MAGIC + b"\x00" * 600, "OLE2", "另存为"),
    "ofd.docx": (lambda: zip_of({"OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<ofd:Document/>"}), "OFD", "PDF"),
    "truncated.docx": (lambda: good_docx()[: len(good_docx()) // 2], "损坏或不完整", "另存为"),
    "no-document.docx": (lambda: zip_of({"readme.txt": "hello"}), "ZIP 压缩包", "word/document.xml"),
    "book.docx": (lambda: zip_of({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}), "Excel", "xlsx"),
    "odt.docx": (lambda: zip_of({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
                 "OpenDocument", "另存为"),
    "pdf.docx": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF", "原始 Word"),
    "rtf.doc": (lambda: b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", "RTF", "另存为"),
    "web.doc": (lambda: b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "网页", "另存为"),
    "empty.docx": (lambda: b"", "文件为空", "0 字节"),
    "entity-bomb.docx": (lambda: with_document(ENTITY_BOMB), "DOCTYPE", "实体炸弹"),
    "xxe.docx": (lambda: with_document(XXE), "DOCTYPE", "外部实体"),
    "late-doctype.docx": (lambda: with_document(LATE_DOCTYPE), "DOCTYPE", "拒绝"),
    "broken-xml.docx": (lambda: with_document("<w:document><w:body><w:p>"), "不是有效的 XML", "另存为"),
    "zip-bomb.docx": (lambda: with_document(b"<w:document>" + b" " * (24 * 1024 * 1024) + b"</w:document>"),
                      "压缩炸弹", "拒绝"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_not_a_docx_is_named_and_explained(name):
    make, *words = CASES[name]
    with pytest.raises(InputError) as err:
        parse(make(), name)
    for word in words:
        assert word in err.value.zh, err.value.zh
    assert err.value.en and err.value.en != err.value.zh


def test_the_command_line_gives_exit_code_2_and_no_traceback(tmp_path):
    paths = []
    for name, (make, *words) in sorted(CASES.items()):
        path = tmp_path / name
        path.write_bytes(make())
        paths.append(str(path))
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx())
    out = run_cli(*paths, str(good), "--format", "json")
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(out.stdout)["files"]}
    for name, (make, *words) in CASES.items():
        error = files[name]["error"]
        assert error and error["kind"] == "InputError" and words[0] in error["zh"], (name, error)
    assert files["good.docx"]["error"] is None
    text = run_cli(str(tmp_path / "word97.doc.docx"), "--lang", "en")
    assert text.returncode == 2 and "Word 97-2003" in text.stdout + text.stderr


def test_size_limits_are_checked_before_anything_is_uncompressed():
    data = with_document(D.XML_HEAD + "<w:document/>" + " " * 300_000)
    with limits.use(limits.Limits(unpacked_size=100_000)), pytest.raises(InputError) as err:
        parse(data, "big.docx")
    assert "上限" in err.value.zh and archive.is_refusal(err.value)


def test_a_member_larger_than_its_entry_declares_is_refused():
    """A forged central directory (a small declared size over a large stream) never
    yields more than the declared bytes."""
    data = bytearray(with_document(D.XML_HEAD + "<w:document/>" + " " * 50_000))
    at = data.rfind(b"PK\x01\x02", 0, len(data))
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46: at + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, at + 24, 100)  # uncompressed size
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    with pytest.raises(InputError):
        parse(bytes(data), "forged.docx")


def test_an_entity_bomb_is_refused_quickly():
    started = time.perf_counter()
    with pytest.raises(InputError) as err:
        parse(with_document(ENTITY_BOMB), "bomb.docx")
    assert archive.is_refusal(err.value)
    assert time.perf_counter() - started < 1.0


def test_too_many_entries_are_refused():
    with limits.use(limits.Limits(zip_entries=5)), pytest.raises(InputError) as err:
        parse(good_docx(), "many.docx")
    assert archive.is_refusal(err.value)


def test_a_damaged_optional_part_is_a_parse_problem_not_an_error():
    src = zipfile.ZipFile(io.BytesIO(good_docx()))
    members = {i.filename: src.read(i.filename) for i in src.infolist()}
    members["docProps/core.xml"] = b"<cp:coreProperties"
    doc = parse(zip_of(members), "r.docx")
    assert doc.blocks and any("docProps/core.xml" in p.message_zh for p in doc.problems)


def test_sniffing():
    assert archive.looks_like_docx(good_docx()[:8192]) >= 40
    assert archive.looks_like_docx(ole2("WordDocument")[:8192]) > 10
    assert archive.looks_like_docx(b"%PDF-1.4") == 0
    assert archive.looks_like_docx("一、总体情况".encode()) == 0
