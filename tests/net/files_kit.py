"""Helpers for the file transfer tests: files with known hashes, result catchers, raw sockets."""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chatgui.net.files import FetchResult, FileServer, ServeResult, ServerLimits, fetch
from chatgui.net.files_fetch import Fetch

WAIT_S = 20.0
MiB = 1024 * 1024


def new_id() -> str:
    return secrets.token_urlsafe(12)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def make_file(path: Path, size: int, *, sparse: bool = False, seed: int = 0) -> str:
    """Write ``path`` of ``size`` bytes and return its SHA-256.

    Sparse files are zeros with a few marked bytes (created with truncate: cheap at any size).
    """
    if sparse:
        with open(path, "wb") as file:
            file.truncate(size)
            for at in (0, size // 3, size // 2, size - 1):
                if 0 <= at < size:
                    file.seek(at)
                    file.write(bytes([(at + seed) % 251 + 1]))
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            while chunk := file.read(4 * MiB):
                digest.update(chunk)
        return digest.hexdigest()
    data = (hashlib.sha256(str(seed).encode()).digest() * (size // 32 + 1))[:size]
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def wait_for(check: Callable[[], bool], timeout: float = WAIT_S, what: str = "condition") -> None:
    """Poll ``check`` until it holds; fail after ``timeout`` (an upper bound, not a delay)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.005)  # sleep-ok: the poll interval of a condition wait bounded by a deadline


class Served:
    """Collects a FileServer's ``on_done`` results and progress, from its threads."""

    def __init__(self) -> None:
        self.results: list[ServeResult] = []
        self.progress: list[tuple[str, tuple[str, int], int, int]] = []
        self._lock = threading.Lock()

    def on_done(self, result: ServeResult) -> None:
        with self._lock:
            self.results.append(result)

    def on_progress(
        self, offer_id: str, peer: tuple[str, int], sent: int, total: int, _nick: str = ""
    ) -> None:
        with self._lock:
            self.progress.append((offer_id, peer, sent, total))

    def wait(self, count: int = 1) -> list[ServeResult]:
        wait_for(lambda: len(self.results) >= count, what=f"{count} serve results")
        with self._lock:
            return list(self.results)


class Gate:
    """A fetch progress callback that holds the fetch at its first progress until ``open()``.

    While it is held the fetch reads nothing, so the sender's socket buffers fill and it
    stays mid-file: the test can kill, close or cancel at a known point, no timing involved.
    """

    def __init__(self) -> None:
        self.reached = threading.Event()
        self._open = threading.Event()
        self.calls: list[tuple[int, int, float]] = []

    def __call__(self, done: int, total: int, rate: float) -> None:
        self.calls.append((done, total, rate))
        self.reached.set()
        assert self._open.wait(WAIT_S), "the test never opened the gate"

    def wait_reached(self) -> None:
        assert self.reached.wait(WAIT_S), "the fetch never reported progress"

    def open(self) -> None:
        self._open.set()


class Offer:
    """A file offered by a server: what a receiver needs to fetch it."""

    def __init__(self, server: FileServer, path: Path, sha256: str, host: str) -> None:
        self.server, self.path, self.sha256, self.host = server, path, sha256, host
        self.id, self.token = new_id(), new_token()
        self.size = path.stat().st_size
        server.offer(self.id, self.token, path, self.size, sha256)

    def fetch(self, folder: Path, name: str | None = None, **kwargs: Any) -> Fetch:
        return fetch(
            self.host,
            self.server.port,
            self.id,
            self.token,
            self.size,
            self.sha256,
            folder,
            name or self.path.name,
            **kwargs,
        )


@pytest.fixture
def servers() -> Iterator[Callable[..., tuple[FileServer, Served]]]:
    """Makes FileServers that are closed after the test."""
    made: list[FileServer] = []

    def make(host: str = "127.0.0.1", limits: ServerLimits | None = None) -> tuple[FileServer, Served]:
        served = Served()
        server = FileServer(host, served.on_progress, served.on_done, limits)
        made.append(server)
        return server, served

    yield make
    for server in made:
        server.close()


@pytest.fixture
def raw_clients() -> Iterator[Callable[[str, int], socket.socket]]:
    """Plain TCP connections, closed after the test (before the servers' fixture closes them)."""
    made: list[socket.socket] = []

    def connect(host: str, port: int) -> socket.socket:
        sock = socket.create_connection((host, port), timeout=WAIT_S)
        made.append(sock)
        return sock

    yield connect
    for sock in made:
        sock.close()


def read_line(sock: socket.socket) -> bytes:
    """One line from ``sock`` (b"" if it closed first)."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = sock.recv(1)
        if not chunk:
            return data
        data += chunk
    return data


def closed_by_peer(sock: socket.socket) -> bytes:
    """Everything the other side sent before it closed ``sock`` (EOF or a reset; raises on timeout)."""
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except ConnectionResetError:
        pass
    return data


def files_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def result_of(job: Fetch) -> FetchResult:
    result = job.wait(WAIT_S)
    assert result is not None, "the fetch did not end"
    return result
