"""What the PDF parser tells a user, Chinese first with the English beside it."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "needs_pdfium": ("读取 PDF 需要 pypdfium2：请运行 pip install 'report-lint[pdf]'",
                     "reading PDF needs pypdfium2: run pip install 'report-lint[pdf]'"),
    "empty": ("文件为空", "the file is empty"),
    "not_pdf": ("不是 PDF 文件（缺少 %PDF- 文件头）", "not a PDF file (no %PDF- header)"),
    "encrypted": ("PDF 已加密，需要密码才能打开：请去除密码后另存为 PDF",
                  "the PDF is encrypted and needs a password: remove the password and save it again"),
    "damaged": ("PDF 已损坏或不完整（{reason}）：请重新获取文件，或用 PDF 阅读器另存一份",
                "the PDF is damaged or incomplete ({reason}): get it again, or save a copy from a PDF reader"),
    "too_many_pages": ("PDF 页数过多（{pages} 页，上限 {limit} 页），不像年度报告；确需检查请用 --limit pages=N 放宽",
                       "the PDF has too many pages ({pages}, limit {limit}); it is not an annual report "
                       "(raise the limit with --limit pages=N)"),
    "too_slow": ("PDF 解析超时（{seconds} 秒内只读完 {done}/{pages} 页；可用 --limit seconds=N 放宽）",
                 "reading the PDF took too long ({done}/{pages} pages in {seconds} s; raise with --limit seconds=N)"),
    "page_unreadable": ("第 {page} 页无法读取，已跳过", "page {page} could not be read, skipped"),
    "page_too_many_objects": ("第 {page} 页有 {count} 个绘图对象（上限 {limit}，可用 --limit elements=N 放宽），未读取本页",
                              "page {page} has {count} drawing objects (limit {limit}, raise with --limit "
                              "elements=N); the page was not read"),
    "page_too_many_chars": ("第 {page} 页字符过多，只读取了前 {limit} 个",
                            "page {page} has too many characters; only the first {limit} were read"),
    "no_text": ("PDF 没有文字层（扫描件或图片），需要先做文字识别（OCR）才能检查",
                "the PDF has no text layer (a scan or images): it needs OCR before it can be checked"),
    "page_no_text": ("第 {page} 页没有文字层（扫描页或图片），本页内容未检查",
                     "page {page} has no text layer (a scanned page or an image); its content was not checked"),
    "uncertain_cell": ("无框线表格的单元格归属不确定：“{text}”，请核对",
                       "a cell of a table drawn without lines could not be placed with certainty: '{text}'; check it"),
}


def text(key: str, **values) -> tuple[str, str]:
    zh, en = CATALOGUE[key]
    return zh.format(**values), en.format(**values)
