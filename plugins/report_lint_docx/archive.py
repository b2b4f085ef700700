"""Opening a .docx safely, and saying what a file really is when it is not one.

A .docx is a zip of XML parts. Everything read from it is bounded before it is read:
the number of zip entries, each member's uncompressed size, the total, and the
compression ratio (zip bombs); XML is parsed with entities, DTDs and the network
switched off, and a part that declares a DOCTYPE is refused (Word never writes one, so
it can only be an entity bomb or an external-entity attack). Files that are not a
.docx (Word 97 .doc, WPS .wps, encrypted documents, OFD, PDF, RTF, …) are named, with
how to convert them, through ``InputError`` (exit code 2).
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib

from report_lint.errors import InputError
from report_lint.limits import current as current_limits

# The entry count and the uncompressed size of the parts read (each and together) are
# the user's limits (``zip-entries``, ``unpacked-size``: report_lint.limits); a Word
# document has tens of parts and a document.xml of a few MB. The ratio is fixed.
MAX_RATIO = 200  # compression ratio refused for parts larger than RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"

_SAVE_AS = "请用 Word 或 WPS 打开，选择“另存为”→“Word 文档（*.docx）”后再检查"
_SAVE_AS_EN = "open it in Word or WPS and use Save As → Word Document (*.docx), then lint the .docx"


def _refuse(zh: str, en: str) -> InputError:
    return InputError(zh, en)


def _refused(zh: str, en: str) -> InputError:
    """Input refused for safety (size, compression, DOCTYPE), not merely damaged: such a
    refusal stops the file even when it comes from an optional part."""
    error = InputError(zh, en)
    error.refused = True
    return error


def is_refusal(error: BaseException) -> bool:
    return getattr(error, "refused", False)


# ---------------------------------------------------------------------------------------
# What a file is
# ---------------------------------------------------------------------------------------

def looks_like_docx(head: bytes) -> int:
    """Sniff score for the first bytes of a file (see ParserSpec.sniff)."""
    if head.startswith(ZIP_MAGIC):
        if b"word/" in head:
            return 90
        if b"[Content_Types].xml" in head:
            return 40
        return 5  # some other zip: the docx parser says what it is
    if head.startswith(OLE2_MAGIC):
        return 20  # Word 97 / WPS / encrypted: the docx parser explains how to convert
    return 0


def ole2_stream_names(data: bytes) -> set[str]:
    """Names in the directory of an OLE2 compound file (Word 97 .doc, WPS, encrypted
    OOXML), read from the FAT chain; falls back to a byte search when the file is damaged."""
    try:
        return _ole2_directory(data)
    except (struct.error, IndexError, ValueError):
        names = set()
        for name in ("WordDocument", "EncryptionInfo", "EncryptedPackage", "Workbook", "Book",
                     "PowerPoint Document", "WpsCustomData"):
            if name.encode("utf-16-le") in data:
                names.add(name)
        return names


def _ole2_directory(data: bytes) -> set[str]:
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if not 7 <= shift <= 16:
        raise ValueError("bad sector size")
    size = 1 << shift
    n_fat = struct.unpack_from("<I", data, 0x2C)[0]
    first_dir = struct.unpack_from("<I", data, 0x30)[0]
    difat = list(struct.unpack_from("<109I", data, 0x4C))[: min(n_fat, 109)]
    fat: list[int] = []
    for sector in difat:
        offset = (sector + 1) * size
        if offset + size > len(data):
            raise ValueError("FAT sector outside the file")
        fat.extend(struct.unpack_from(f"<{size // 4}I", data, offset))
    names: set[str] = set()
    sector, seen = first_dir, 0
    while sector < 0xFFFFFFFA:
        seen += 1
        if seen > 10_000 or sector >= len(fat):
            raise ValueError("directory chain broken")
        offset = (sector + 1) * size
        for entry in range(offset, min(offset + size, len(data)), 128):
            length = struct.unpack_from("<H", data, entry + 0x40)[0]
            if 2 <= length <= 64:
                names.add(data[entry: entry + length - 2].decode("utf-16-le", "replace"))
        sector = fat[sector]
    if not names:
        raise ValueError("empty directory")
    return names


def not_a_docx(data: bytes, path: str) -> InputError:
    """The error for bytes that are not a zip: says what they are and how to convert."""
    suffix = os.path.splitext(path)[1].lower()
    head = data[:4096]
    if not data:
        return _refuse("文件为空（0 字节），不是 Word 文档", "the file is empty (0 bytes), not a Word document")
    if head.startswith(OLE2_MAGIC):
        return _ole2_error(data, suffix)
    if head.startswith(b"%PDF"):
        return _refuse("这是 PDF 文件，不是 Word（.docx）文档。请使用报告的原始 Word 文档检查，"
                       "或把文件后缀改为 .pdf（需安装 PDF 解析插件）",
                       "this is a PDF file, not a Word (.docx) document: lint the original Word file, "
                       "or rename it to .pdf (a PDF parser plugin is needed)")
    if head.lstrip().startswith(b"{\\rtf"):
        return _refuse(f"这是 RTF 格式文件，不是 .docx 文档。{_SAVE_AS}", f"this is an RTF file, not a .docx: {_SAVE_AS_EN}")
    lowered = head.lower()
    if b"w:worddocument" in lowered or b"progid=\"word.document\"" in lowered:
        return _refuse(f"这是 Word 2003 XML 文档，不是 .docx 文档。{_SAVE_AS}",
                       f"this is a Word 2003 XML document, not a .docx: {_SAVE_AS_EN}")
    if b"mime-version" in lowered or b"<html" in lowered or b"<!doctype html" in lowered:
        return _refuse(f"这是网页格式（HTML/MHT）文件，不是 .docx 文档。{_SAVE_AS}",
                       f"this is a web page (HTML/MHT) file, not a .docx: {_SAVE_AS_EN}")
    if head[:2] == b"PK":
        return damaged_zip()
    return _refuse("不是 Word .docx 文档（无法识别的文件格式）。.docx 文件是 ZIP 压缩包，本文件不是",
                   "not a Word .docx document (unrecognized format): a .docx is a zip archive, this file is not")


def damaged_zip() -> InputError:
    return _refuse("文件已损坏或不完整：ZIP 结构无法读取（可能下载未完成）。请重新获取文件，"
                   "或用 Word/WPS 打开后另存为 .docx",
                   "the file is damaged or truncated: its zip structure cannot be read (an incomplete "
                   "download?). Get the file again, or open it in Word/WPS and save it as .docx")


def _ole2_error(data: bytes, suffix: str) -> InputError:
    names = ole2_stream_names(data)
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        return _refuse("文件已加密（设置了打开密码），无法读取。请在 Word/WPS 中打开，取消打开密码"
                       "（Word：文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx 再检查",
                       "the document is encrypted (it has a password to open) and cannot be read: open it in "
                       "Word/WPS, remove the password (File → Info → Protect Document → Encrypt with Password) "
                       "and save it as .docx")
    if "WordDocument" in names:
        if suffix in (".wps", ".wpt") or "WpsCustomData" in names:
            what_zh, what_en = "WPS 文字格式（.wps）", "a WPS Writer (.wps) file"
        else:
            what_zh, what_en = "Word 97-2003 格式（.doc）", "a Word 97-2003 (.doc) file"
        return _refuse(f"这是{what_zh}文件，不是 .docx 文档。{_SAVE_AS}", f"this is {what_en}, not a .docx: {_SAVE_AS_EN}")
    if "Workbook" in names or "Book" in names:
        return _refuse("这是 Excel 97-2003 工作簿（.xls），不是 Word 文档", "this is an Excel 97-2003 workbook (.xls), not a Word document")
    if "PowerPoint Document" in names:
        return _refuse("这是 PowerPoint 97-2003 演示文稿（.ppt），不是 Word 文档",
                       "this is a PowerPoint 97-2003 presentation (.ppt), not a Word document")
    return _refuse(f"这是 Office 97-2003 复合文档（OLE2），不是 .docx 文档。{_SAVE_AS}",
                   f"this is an Office 97-2003 compound (OLE2) file, not a .docx: {_SAVE_AS_EN}")


def _wrong_zip(names: set[str]) -> InputError:
    """The error for a zip that holds no Word document."""
    lower = {n.lower() for n in names}
    if "ofd.xml" in lower or any(n.endswith("/document.xml") and n.lower().startswith("doc_") for n in names):
        return _refuse("这是 OFD 版式文件（国家标准电子文件格式），不是 Word 文档。请使用报告的原始 Word 文档检查，"
                       "或用 OFD 阅读器（如数科 OFD 阅读器）导出为 PDF 或文字后检查",
                       "this is an OFD file (the Chinese fixed-layout format), not a Word document: lint the "
                       "original Word file, or export it to PDF or text with an OFD reader")
    if "xl/workbook.xml" in lower:
        return _refuse("这是 Excel 工作簿（.xlsx），不是 Word 文档", "this is an Excel workbook (.xlsx), not a Word document")
    if "ppt/presentation.xml" in lower:
        return _refuse("这是 PowerPoint 演示文稿（.pptx），不是 Word 文档", "this is a PowerPoint presentation (.pptx), not a Word document")
    if "content.xml" in lower and "mimetype" in lower:
        return _refuse(f"这是 OpenDocument 文档（如 .odt），不是 .docx 文档。{_SAVE_AS}",
                       f"this is an OpenDocument file (e.g. .odt), not a .docx: {_SAVE_AS_EN}")
    return _refuse("这是一个 ZIP 压缩包，但不是 Word 文档（缺少 word/document.xml）。如果报告在压缩包里，请先解压",
                   "this is a zip archive but not a Word document (no word/document.xml); if the report is "
                   "inside it, unzip it first")


# ---------------------------------------------------------------------------------------
# The package
# ---------------------------------------------------------------------------------------

def _entry_count(data: bytes) -> int | None:
    """Entries declared by the end-of-central-directory record, read before zipfile
    builds one object per entry."""
    at = data.rfind(EMPTY_ZIP_MAGIC, max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    count = struct.unpack_from("<H", data, at + 10)[0]
    return None if count == 0xFFFF else count  # zip64: zipfile reads the real count


class Package:
    """The parts of a .docx, read on demand within the size limits."""

    def __init__(self, data: bytes, path: str):
        self.path = path
        if not data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
            raise not_a_docx(data, path)
        self.limits = limits = current_limits()
        count = _entry_count(data)
        if count is not None and count > limits.zip_entries:
            raise _refused(f"ZIP 包含 {count} 个条目（上限 {limits.zip_entries}，--limit zip-entries=N 可放宽），"
                           "不像 Word 文档，已拒绝读取",
                           f"the zip holds {count} entries (limit {limits.zip_entries}, raise it with --limit "
                           "zip-entries=N); not a Word document, refused")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, struct.error, EOFError):
            raise damaged_zip() from None
        if len(infos) > limits.zip_entries:
            raise _refused(f"ZIP 包含 {len(infos)} 个条目（上限 {limits.zip_entries}），已拒绝读取",
                           f"the zip holds {len(infos)} entries (limit {limits.zip_entries}), refused")
        self.infos = {info.filename: info for info in infos}
        self.read_total = 0
        self._rels: dict[str, list[tuple[str, str]]] = {}
        self.main = self._main_part()

    def _main_part(self) -> str:
        """The main document part: named by _rels/.rels, conventionally word/document.xml."""
        target = None
        if "_rels/.rels" in self.infos:
            for rel in self.relationships("_rels/.rels"):
                if rel[0].endswith("/officeDocument"):
                    target = rel[1]
                    break
        for name in (target, "word/document.xml"):
            if name and name in self.infos:
                return name
        lowered = {n.lower(): n for n in self.infos}
        if "word/document.xml" in lowered:
            return lowered["word/document.xml"]
        raise _wrong_zip(set(self.infos))

    def has(self, name: str | None) -> bool:
        return bool(name) and name in self.infos

    def read(self, name: str) -> bytes:
        """One member's bytes, refused when it is too large or too compressed."""
        info = self.infos[name]
        size, packed = info.file_size, max(info.compress_size, 1)
        limit = self.limits.unpacked_size
        if self.read_total + size > limit:
            raise _refused(f"{name} 解压后 {size / (1024 * 1024):.1f} MB，连同已读部分超过上限 "
                           f"{limit / (1024 * 1024):g} MB，疑似压缩炸弹，已拒绝读取（--limit unpacked-size=MB 可放宽）",
                           f"{name} would uncompress to {size / (1024 * 1024):.1f} MB, over the "
                           f"{limit / (1024 * 1024):g} MB limit with the parts already read (a zip bomb?); refused "
                           "(raise it with --limit unpacked-size=MB)")
        if size > RATIO_FLOOR_BYTES and size / packed > MAX_RATIO:
            raise _refused(f"{name} 的压缩比为 {size // packed} 倍（上限 {MAX_RATIO}），疑似压缩炸弹，已拒绝读取",
                           f"{name} is compressed {size // packed} times (limit {MAX_RATIO}), a zip bomb?; refused")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(size + 1)
        except RuntimeError:  # zip-level encryption
            raise _refuse("文件的 ZIP 内容已加密，无法读取。请用 Word/WPS 打开后另存为未加密的 .docx",
                          "the zip content is encrypted and cannot be read: save an unencrypted .docx "
                          "from Word/WPS") from None
        except NotImplementedError:
            raise _refuse(f"{name} 使用了不支持的压缩方式。请用 Word/WPS 打开后另存为 .docx",
                          f"{name} uses an unsupported compression method: save the file again as .docx "
                          "from Word/WPS") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error, OSError):
            raise _refuse(f"文件已损坏：{name} 无法解压（可能下载未完成）。请重新获取文件，或用 Word/WPS 打开后另存为 .docx",
                          f"the file is damaged: {name} cannot be uncompressed (an incomplete download?); get "
                          "the file again, or save it again as .docx from Word/WPS") from None
        if len(data) > size:  # more than the directory declared
            raise _refused(f"{name} 的实际大小与 ZIP 目录不符，文件已损坏或被篡改，已拒绝读取",
                           f"{name} is larger than its zip entry declares: damaged or forged, refused")
        self.read_total += len(data)
        return data

    def xml(self, name: str):
        """A member parsed as XML by the hardened parser."""
        return parse_xml(self.read(name), name)

    def relationships(self, name: str) -> list[tuple[str, str]]:
        """(type, target part name) of a .rels member, targets resolved to part names."""
        if name in self._rels:
            return self._rels[name]
        root = self.xml(name)
        base = posix_dir(name.replace("_rels/", "").removesuffix(".rels"))
        out = []
        for rel in root:
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            out.append((rel.get("Type") or "", resolve_target(base, target)))
        self._rels[name] = out
        return out


def posix_dir(name: str) -> str:
    return name.rsplit("/", 1)[0] if "/" in name else ""


def resolve_target(base: str, target: str) -> str:
    """A relationship target relative to its source part's folder, as a zip name."""
    if target.startswith("/"):
        parts = []
        target = target[1:]
    else:
        parts = [p for p in base.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


# ---------------------------------------------------------------------------------------
# XML
# ---------------------------------------------------------------------------------------

_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from lxml import etree

        _PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                  dtd_validation=False, remove_comments=True, remove_pis=True)
    if current_limits().depth > 256:  # libxml2 stops at 256 levels unless told the tree may be huge
        from lxml import etree

        return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                               dtd_validation=False, remove_comments=True, remove_pis=True)
    return _PARSER


def parse_xml(data: bytes, name: str):
    """Parse one part; a DOCTYPE (never written by Word) or broken XML is refused."""
    from lxml import etree

    prolog = data[:4096]
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog or b"<\x00!\x00D\x00O\x00C" in prolog:
        raise _doctype(name)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if "depth" in (exc.msg or "").lower():
            limit = current_limits().depth
            raise _refused(f"{name} 的元素嵌套超过 {limit} 层，无法可靠读取，已拒绝（--limit depth=N 可放宽）",
                           f"{name} nests elements more than {limit} levels deep and cannot be read reliably; "
                           "refused (raise it with --limit depth=N)") from None
        raise _refuse(f"文件已损坏：{name} 不是有效的 XML（{exc.msg}）。请用 Word/WPS 打开后另存为 .docx",
                      f"the file is damaged: {name} is not valid XML ({exc.msg}); save it again as .docx "
                      "from Word/WPS") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise _doctype(name)
    return root


def _doctype(name: str) -> InputError:
    return _refused(f"{name} 含有 DOCTYPE 声明（Word 从不写入），可能是 XML 实体炸弹或外部实体攻击，已拒绝读取",
                    f"{name} declares a DOCTYPE (Word never writes one): a possible XML entity bomb or "
                    "external-entity attack; refused")
