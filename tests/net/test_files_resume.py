"""A sender PROCESS killed with SIGKILL mid-file; a new sender with the same file finishes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from chatgui.net.files import FetchResult, FileServer, fetch, part_path
from tests.net.files_kit import (
    Gate,
    MiB,
    Offer,
    Served,
    files_in,
    make_file,
    new_id,
    new_token,
    result_of,
    servers,
)

__all__ = ["servers"]  # fixture

ROOT = Path(__file__).resolve().parents[2]
SENDER = """
import sys
from chatgui.net.files import FileServer
offer_id, token, path, size, sha = sys.argv[1:6]
server = FileServer("127.0.0.1")
server.offer(offer_id, token, path, int(size), sha)
print(server.port, flush=True)
sys.stdin.read()
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def test_a_killed_sender_leaves_a_part_that_another_sender_finishes(
    servers: Callable[..., tuple[FileServer, Served]], tmp_path: Path
) -> None:
    path = tmp_path / "film.bin"
    size = 64 * MiB
    sha = make_file(path, size, sparse=True)
    offer_id, token = new_id(), new_token()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", SENDER, offer_id, token, str(path), str(size), sha],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        port = int(child.stdout.readline())
        inbox = tmp_path / "in"
        inbox.mkdir()
        gate = Gate()
        job = fetch("127.0.0.1", port, offer_id, token, size, sha, inbox, "film.bin", gate)
        gate.wait_reached()  # mid-file: the sender is blocked on full socket buffers
        child.send_signal(signal.SIGKILL)
        assert child.wait(20) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
    gate.open()
    cut = result_of(job)
    assert cut.kind == "vanished"
    assert 0 < cut.received < size
    assert part_path(inbox, "film.bin", sha).stat().st_size == cut.received
    assert files_in(inbox) == [part_path(inbox, "film.bin", sha).name]

    server, served = servers()
    again = Offer(server, path, sha, "127.0.0.1")
    assert result_of(again.fetch(inbox, "film.bin")) == FetchResult("ok", size, inbox / "film.bin")
    (done,) = served.wait()
    assert (done.kind, done.offset, done.sent) == ("sent", cut.received, size)
    assert files_in(inbox) == ["film.bin"]
