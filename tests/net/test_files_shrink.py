"""A file that shrinks on the sender's disk while it is being sent, sealed and plain (issue 15).

The sender's own progress callback truncates the file after the first step, so the next
read comes up short and the one after reads nothing: the sender ends "changed" at a known
byte, no timing involved. The receiver sees its stream end before the file did: "vanished",
nothing under the final name, its part file holding only bytes the file really had; asking
again is refused "changed" (the file is no longer the one offered), still with no final file.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from chatgui.net.files import FileServer, part_path
from tests.net.files_kit import MiB, Offer, Served, files_in, make_file, result_of

KEY = hashlib.sha256(b"the room's file key").digest()
LEFT_OVER = 1000
"""Bytes left after the first step: the next read is short (not a whole record), then nothing."""


class Shrinker(Served):
    """A sender's callbacks that truncate the offered file at its first progress."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.cut_at = -1
        self._once = threading.Lock()

    def on_progress(
        self, offer_id: str, peer: tuple[str, int], sent: int, total: int, nick: str = ""
    ) -> None:
        super().on_progress(offer_id, peer, sent, total, nick)
        if self._once.acquire(blocking=False):  # the first call only, from the serving thread
            self.cut_at = sent + LEFT_OVER
            os.truncate(self.path, self.cut_at)


@pytest.mark.parametrize("key", [KEY, None], ids=["sealed", "plain"])
def test_a_file_that_shrinks_mid_send_ends_changed_with_no_final_file(
    tmp_path: Path, key: bytes | None
) -> None:
    source, inbox = tmp_path / "out", tmp_path / "in"
    source.mkdir()
    inbox.mkdir()
    path = source / "shrinking.bin"
    size = 64 * MiB  # sparse: cheap; the first step (a read of READ_BYTES, a sendfile) is far shorter
    sha = make_file(path, size, sparse=True)
    original = path.read_bytes()
    shrinker = Shrinker(path)
    server = FileServer("127.0.0.1", shrinker.on_progress, shrinker.on_done, key=key)
    try:
        offer = Offer(server, path, sha, "127.0.0.1")
        result = result_of(offer.fetch(inbox, key=key))

        served = shrinker.wait()
        assert LEFT_OVER < shrinker.cut_at < size // 2, "the file was not cut after the first step"
        ended = [(r.kind, r.offset, r.sent, r.total) for r in served]
        assert ended == [("changed", 0, shrinker.cut_at, size)]
        # The receiver: the stream ended before the file did; nothing under the final name.
        assert result.kind == "vanished"
        assert result.received == shrinker.cut_at
        part = part_path(inbox, path.name, sha)
        assert files_in(inbox) == [part.name]
        assert part.read_bytes() == original[: shrinker.cut_at]  # only bytes the file had
        # Asking again: the file on disk is not the one offered any more.
        again = result_of(offer.fetch(inbox, key=key))
        assert (again.kind, again.reason) == ("refused", "changed")
        assert path.name not in files_in(inbox)
        assert [r.kind for r in shrinker.wait(2)] == ["changed", "changed"]
    finally:
        server.close()
