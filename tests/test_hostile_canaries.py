"""Nothing in a file makes the tool read another file or the network.

Entities, DTDs, XIncludes, relationships, links, frames and scripts point at three
canaries: a file with a secret text (which must not appear in any output), a FIFO
(which would block the run if anything opened it, C code included) and a listening
local socket (which must receive no connection). The run happens in a child process
with a Python audit hook that records every ``open`` of a canary and every socket or
process start."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

import hostile_factory as HF

pytest.importorskip("lxml")

SECRET = "CANARY-SECRET-4e1f9c"
HOOK = r"""
import json, os, sys
CANARIES = set(json.loads(os.environ["CANARIES"]))
seen = []
def hook(event, args):
    if event == "open" and args and str(args[0]) in CANARIES:
        seen.append(["open", str(args[0])])
    elif event in ("socket.connect", "socket.getaddrinfo", "subprocess.Popen", "os.system", "os.exec",
                   "os.posix_spawn", "urllib.Request"):
        seen.append([event, repr(args)[:200]])
sys.addaudithook(hook)
from report_lint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
sys.stderr.write("\nAUDIT " + json.dumps(seen) + "\n")
sys.exit(code)
"""


def run_audited(args: list[str], canaries: list[str]) -> tuple[subprocess.CompletedProcess, list]:
    env = {**os.environ, "CANARIES": json.dumps(canaries)}
    out = subprocess.run([sys.executable, "-c", HOOK, *args], capture_output=True, text=True, env=env, timeout=120)
    line = [ln for ln in out.stderr.splitlines() if ln.startswith("AUDIT ")][-1]
    return out, json.loads(line[len("AUDIT "):])


@pytest.fixture
def canaries(tmp_path):
    secret = tmp_path / "canary.txt"
    secret.write_text(SECRET, encoding="utf-8")
    fifo = tmp_path / "canary.fifo"
    os.mkfifo(fifo)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.setblocking(False)
    yield {"file": str(secret), "fifo": str(fifo), "url": f"http://127.0.0.1:{listener.getsockname()[1]}/canary"}, listener
    listener.close()


def no_connection(listener) -> bool:
    try:
        conn, _ = listener.accept()
    except BlockingIOError:
        return True
    conn.close()
    return False


@pytest.mark.parametrize("kind", ["file", "fifo", "url"])
def test_documents_never_read_what_they_point_at(kind, canaries, tmp_path):
    targets, listener = canaries
    target = targets[kind]
    refs = [target, "file://" + target] if kind != "url" else [target]
    paths = []
    for i, ref in enumerate(refs):
        for name, data in {**HF.canary_docx(ref), **HF.canary_html(ref)}.items():
            path = tmp_path / f"{i}-{name}"
            path.write_bytes(data)
            paths.append(str(path))
    out, seen = run_audited([*paths, "--format", "json", "--isolated", "--jobs", "1", "--limit", "seconds=60"],
                            [targets["file"], targets["fifo"], "file://" + targets["file"]])
    assert seen == [], seen
    assert SECRET not in out.stdout + out.stderr
    assert "CANARY-SCRIPT" not in out.stdout  # scripts are never executed
    assert no_connection(listener)
    files = json.loads(out.stdout)["files"]
    assert len(files) == len(paths)
    assert all(f["error"] is None or f["error"]["kind"] == "InputError" for f in files), files
    # the DOCTYPE ones are refused; the others are read without following anything
    refused = {os.path.basename(f["path"]).split("-", 1)[1] for f in files if f["error"]}
    assert {"xxe.docx", "external-dtd.docx", "parameter-entity.docx", "styles-xxe.docx"} <= refused


def test_the_parse_command_follows_nothing_either(canaries, tmp_path):
    targets, listener = canaries
    path = tmp_path / "xinclude.docx"
    path.write_bytes(HF.canary_docx(targets["file"])["xinclude.docx"])
    out, seen = run_audited(["parse", str(path)], [targets["file"]])
    assert seen == [] and SECRET not in out.stdout + out.stderr and no_connection(listener)
    assert out.returncode == 0, out.stderr


def test_the_audit_hook_does_see_an_open(canaries):
    """The guard of the tests above: linting the canary file itself is recorded."""
    targets, _ = canaries
    out, seen = run_audited([targets["file"], "--isolated"], [targets["file"]])
    assert ["open", targets["file"]] in seen
