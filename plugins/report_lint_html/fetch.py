"""Reading an ``http(s)://`` argument: one page, bounded in time, size and redirects.

A lint touches the network only here, and only for the URL the user gave (and the
redirects it answers with, at most ``MAX_REDIRECTS``, http and https only). The parser
never loads anything a page refers to. The standard library suffices: no extra
dependency for one GET. Proxies from the environment are honoured, except for
loopback addresses.

The response's ``Content-Type`` is remembered for the parser of the same run, which
needs its charset (``content_type(url)``).
"""

from __future__ import annotations

import ipaddress
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib

from report_lint.errors import InputError

TIMEOUT = 30.0  # seconds for the whole download, redirects included
CONNECT_TIMEOUT = 10.0  # seconds for any one network operation
MAX_BYTES = 32 * 1024 * 1024  # a report page is far smaller; Word exports with images reach a few MB
MAX_REDIRECTS = 5
CHUNK = 64 * 1024

_CONTENT_TYPES: dict[str, str] = {}


def content_type(url: str) -> str | None:
    """The Content-Type header of the last response fetched for ``url`` in this process."""
    return _CONTENT_TYPES.get(url)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("location") or headers.get("uri") or ""
        newurl = urllib.parse.urljoin(req.full_url, target)
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise InputError(f"网页重定向到了不支持的地址：{newurl}", f"the page redirects to an unsupported address: {newurl}")
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except urllib.error.HTTPError as exc:
            if "redirect" in str(exc.msg).lower():
                raise InputError(f"重定向次数过多（上限 {MAX_REDIRECTS} 次）", f"too many redirects (limit {MAX_REDIRECTS})")
            raise

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _opener(host: str | None) -> urllib.request.OpenerDirector:
    """Only what one GET needs: no file:, ftp: or data: handlers."""
    proxies = {} if _is_loopback(host) else urllib.request.getproxies()
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(proxies), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
                    _Redirects(), urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def fetch(url: str, max_bytes: int | None = None, timeout: float = TIMEOUT,
          connect_timeout: float = CONNECT_TIMEOUT) -> bytes:
    """The body of ``url``; InputError (exit code 2) for anything but a page within limits."""
    from report_lint.limits import current

    limit = min(max_bytes or MAX_BYTES, max(MAX_BYTES, current().unpacked_size))  # a page above it is refused anyway
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"只支持 http(s) 网址：{url}", f"only http(s) URLs are supported: {url}")
    from report_lint import __version__

    request = urllib.request.Request(url, headers={
        "User-Agent": f"report-lint/{__version__}",
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "identity, gzip;q=0.5",
    })
    deadline = time.monotonic() + timeout
    try:
        response = _opener(parts.hostname).open(request, timeout=min(connect_timeout, timeout))
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(f"网页无法获取：HTTP {exc.code} {exc.reason}", f"cannot fetch the page: HTTP {exc.code} {exc.reason}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise InputError(f"网页连接超时（{min(connect_timeout, timeout):g} 秒）",
                             f"the page timed out ({min(connect_timeout, timeout):g} s)")
        raise InputError(f"网页无法获取：{reason}", f"cannot fetch the page: {reason}")
    with response:
        length = response.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > limit:
            raise _too_large(int(length), limit)
        body = _read(response, limit, deadline, timeout)
        encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
        _CONTENT_TYPES[url] = response.headers.get("Content-Type") or ""
    if encoding in ("gzip", "x-gzip", "deflate"):
        body = _inflate(body, encoding, limit)
    elif encoding not in ("", "identity"):
        raise InputError(f"网页使用了不支持的压缩方式：{encoding}", f"the page uses an unsupported content encoding: {encoding}")
    return body


def _read(response, limit: int, deadline: float, timeout: float) -> bytes:
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise InputError(f"下载网页超过时间限制（{timeout:g} 秒）", f"downloading the page took longer than {timeout:g} s")
        try:
            chunk = response.read1(CHUNK)
        except (TimeoutError, OSError) as exc:
            raise InputError(f"下载网页中断：{exc}", f"the download was interrupted: {exc}")
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit, at_least=True)
        chunks.append(chunk)


def _inflate(body: bytes, encoding: str, limit: int) -> bytes:
    """Decompress without ever holding more than ``limit`` bytes (no zip bombs)."""
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise InputError(f"网页的压缩数据已损坏：{exc}", f"the page's compressed data is corrupt: {exc}")
    if len(out) > limit or inflater.unconsumed_tail:
        raise _too_large(len(out), limit, at_least=True)
    return out


def _too_large(size: int, limit: int, at_least: bool = False) -> InputError:
    if at_least:  # stopped reading at the limit: the real size is unknown
        return InputError(f"网页过大（超过上限 {limit} 字节），已停止下载",
                          f"the page is too large (over the {limit}-byte limit); the download was stopped")
    return InputError(f"网页过大（{size} 字节，上限 {limit} 字节）",
                      f"the page is too large ({size} bytes, limit {limit} bytes)")
