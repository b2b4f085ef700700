"""``report-lint http://…``: one page fetched with a timeout, a size limit and bounded
redirects, nothing else on the network; tested against a server on 127.0.0.1 that this
module starts (loopback only)."""

import gzip
import http.server
import socket
import threading
import time

import pytest

import factory as F
import html_factory as H
from conftest import run_cli
from report_lint.errors import InputError
from report_lint.lint import lint_file
from report_lint_html import fetch as fetch_module
from report_lint_html.fetch import fetch

REPORT = F.make_report(6)
PAGE = H.page_bytes(REPORT, "gov", "gbk", declare=None)  # only the HTTP header names the charset


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep the test output clean
        pass

    def send(self, body: bytes, content_type: str = "text/html; charset=GBK", status: int = 200,
             headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, to: str) -> None:
        self.send(b"", status=302, headers={"Location": to})

    def do_GET(self):  # noqa: C901 - one route per case
        path = self.path
        if path in ("/report.htm", "/report"):
            self.send(PAGE)
        elif path == "/moved":
            self.redirect("/report.htm")
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            self.redirect(f"/chain/{n - 1}") if n > 0 else self.send(PAGE)
        elif path == "/loop":
            self.redirect("/loop")
        elif path == "/to-file":
            self.redirect("file:///etc/hostname")
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(64):  # 4 MB, no Content-Length
                    self.wfile.write(b"<p>" + b"x" * 65533)
            except OSError:
                pass  # the client stopped reading at its limit
        elif path == "/says-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(100 * 1024 * 1024))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"<p>")
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(30):
                try:
                    self.wfile.write(b"<p>a</p>")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)
        elif path == "/gzip":
            self.send(gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
        elif path == "/bomb":
            self.send(gzip.compress(b"\0" * (20 * 1024 * 1024)), headers={"Content-Encoding": "gzip"})
        else:
            self.send("没有这个页面".encode("gbk"), status=404)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def connections(monkeypatch):
    """Every address a socket connects to while the test runs."""
    seen = []
    real = socket.socket.connect

    def connect(self, address):
        seen.append(address)
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


def test_a_url_is_linted_with_the_charset_of_its_http_header(server, registry, national, connections):
    result = lint_file(registry, f"{server}/moved", lambda r: national)
    assert result.error is None, result.error and result.error.en
    report = result.report
    assert report.properties["encoding"] == "gb18030" and report.properties["encoding_source"] == "http"
    assert report.title.text == REPORT.title
    for key, value in F.iter_cells(REPORT.tables):
        table, row, col = key.split(".")
        assert report.tables[table][row][col] == value, key
    assert [f for f in result.findings if f.severity == "error"] == []
    # no other network access: the page and its redirect, on loopback, nothing else
    assert connections and all(address[0] == "127.0.0.1" for address in connections)
    assert len(connections) == 2


def test_a_url_without_a_suffix_is_sniffed(server, registry, national):
    result = lint_file(registry, f"{server}/report", lambda r: national)
    assert result.error is None and result.report.source_format == "html"


def test_redirects_are_bounded(server):
    assert fetch(f"{server}/chain/{fetch_module.MAX_REDIRECTS}") == PAGE
    with pytest.raises(InputError, match="too many redirects"):
        fetch(f"{server}/chain/{fetch_module.MAX_REDIRECTS + 1}")
    with pytest.raises(InputError):
        fetch(f"{server}/loop")


def test_redirects_to_other_schemes_are_refused(server):
    with pytest.raises(InputError, match="unsupported address"):
        fetch(f"{server}/to-file")


def test_the_size_limit_stops_the_download(server):
    started = time.perf_counter()
    with pytest.raises(InputError, match="too large") as exc:
        fetch(f"{server}/big", max_bytes=1024 * 1024)
    assert "过大" in exc.value.zh
    with pytest.raises(InputError, match="too large"):
        fetch(f"{server}/says-big", max_bytes=1024 * 1024)
    assert time.perf_counter() - started < 10


def test_compressed_pages_are_inflated_within_the_limit(server):
    assert fetch(f"{server}/gzip") == PAGE
    with pytest.raises(InputError, match="too large"):
        fetch(f"{server}/bomb", max_bytes=1024 * 1024)


def test_a_slow_server_times_out(server):
    started = time.perf_counter()
    with pytest.raises(InputError, match="longer than"):
        fetch(f"{server}/slow", timeout=0.5, connect_timeout=0.5)
    assert time.perf_counter() - started < 5


def test_http_errors_and_bad_urls_are_input_errors(server):
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{server}/nothing-here")
    with pytest.raises(InputError, match="only http"):
        fetch("ftp://127.0.0.1/report.html")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError, match="cannot fetch"):
        fetch(f"http://127.0.0.1:{port}/report.html", timeout=2, connect_timeout=2)


def test_the_command_line_reads_a_url(server):
    result = run_cli(f"{server}/report.htm", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert '"findings"' in result.stdout
    missing = run_cli(f"{server}/nothing-here")
    assert missing.returncode == 2
    assert "HTTP 404" in missing.stdout + missing.stderr
