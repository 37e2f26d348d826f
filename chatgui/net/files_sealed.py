"""Sealed file data in private rooms: the sender's loop (the records are ``protocol/file_seal.py``).

``send_sealed`` reads, seals and sends in the sender's thread (``sendfile`` cannot
encrypt). The receiver's loop is ``Fetch._pump_sealed``: it opens records straight into
the fetch's write-and-hash buffers.
"""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator

from chatgui.net.files_common import READ_BYTES
from chatgui.protocol.file_seal import MAX_RECORD_BYTES, MAX_RECORD_PLAINTEXT, SenderSeal

SEALED_READ_BYTES = READ_BYTES
"""File bytes read and sealed per step (16 records)."""
RECEIVE_BYTES = 1024 * 1024
"""The most sealed bytes a receiver takes from its socket at once."""


def send_sealed(
    conn: socket.socket, seal: SenderSeal, file: io.BufferedReader, sent: int, size: int
) -> Iterator[int]:
    """Read, seal and send the file from ``sent``: each step's byte count (then 0 if it ended early).

    The record that ends the file is flagged last; records never straddle a read.
    """
    plain = bytearray(SEALED_READ_BYTES)
    sealed = bytearray(-(-SEALED_READ_BYTES // MAX_RECORD_PLAINTEXT) * MAX_RECORD_BYTES)
    source, out = memoryview(plain), memoryview(sealed)
    file.seek(sent)
    while count := file.readinto(source[: min(SEALED_READ_BYTES, size - sent)]):
        end = 0
        for at in range(0, count, MAX_RECORD_PLAINTEXT):
            piece = source[at : min(at + MAX_RECORD_PLAINTEXT, count)]
            end += seal.seal_into(piece, out[end:], last=sent + at + len(piece) == size)
        conn.sendall(out[:end])
        sent += count
        yield count
    yield 0
