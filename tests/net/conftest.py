"""Fixtures for the net tier: real backends on loopback, their recorded events, plain sockets."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QObject, Slot

from chatgui.events import Listening, SessionConfig, SessionState, StateChanged
from chatgui.net.backend import Backend

T = TypeVar("T")
WAIT_MS = 5000


class Recorder(QObject):
    """Collects one backend's batches in the GUI thread (a bound slot, as STYLE 8 asks)."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[Any] = []
        self.batches = 0

    @Slot(object)
    def on_events(self, batch: list[Any]) -> None:
        self.batches += 1
        self.events.extend(batch)

    def of(self, kind: type[T], pred: Callable[[T], bool] = lambda e: True) -> list[T]:
        return [e for e in self.events if isinstance(e, kind) and pred(e)]

    def first(self, kind: type[T], pred: Callable[[T], bool] = lambda e: True) -> T | None:
        found = self.of(kind, pred)
        return found[0] if found else None


class Peer:
    """A backend plus what it told us."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.backend = Backend()
        self.rec = Recorder()
        self.backend.events_received.connect(self.rec.on_events)

    def wait(self, kind: type[T], pred: Callable[[T], bool] = lambda e: True, timeout: int = WAIT_MS) -> T:
        def found() -> None:
            assert self.rec.first(kind, pred) is not None, f"no {kind.__name__} in {self.rec.events[-5:]}"

        self.qtbot.waitUntil(found, timeout=timeout)
        event = self.rec.first(kind, pred)
        assert event is not None
        return event

    def wait_count(self, kind: type[T], count: int, pred: Callable[[T], bool] = lambda e: True) -> list[T]:
        def enough() -> None:
            assert len(self.rec.of(kind, pred)) >= count, f"{len(self.rec.of(kind, pred))} of {count}"

        self.qtbot.waitUntil(enough, timeout=WAIT_MS)
        return self.rec.of(kind, pred)

    def start(self, config: SessionConfig) -> None:
        self.backend.start(config)

    def start_active(self, config: SessionConfig) -> None:
        self.backend.start(config)
        self.wait(StateChanged, lambda e: e.state is SessionState.ACTIVE)

    def listening_port(self) -> int:
        return self.wait(Listening).port


@pytest.fixture
def make_peer(qtbot: Any) -> Iterator[Callable[[], Peer]]:
    peers: list[Peer] = []

    def make() -> Peer:
        peer = Peer(qtbot)
        peers.append(peer)
        return peer

    yield make
    for peer in peers:
        assert peer.backend.shutdown(), "the worker thread did not stop"


@pytest.fixture
def host(make_peer: Callable[[], Peer]) -> Peer:
    peer = make_peer()
    peer.start_active(SessionConfig(mode="tcp", role="host", nick="hostess", bind="127.0.0.1", port=0))
    return peer


class LineSocket:
    """A plain blocking TCP client, the way tutorials write them, with a bounded line reader."""

    def __init__(self, port: int, family: int = socket.AF_INET, addr: str = "127.0.0.1") -> None:
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.settimeout(WAIT_MS / 1000)
        self.sock.connect((addr, port))
        self.buf = b""

    def send_json(self, **fields: Any) -> None:
        self.sock.sendall(json.dumps({"v": 1, **fields}).encode() + b"\n")

    def line(self) -> bytes:
        deadline = time.monotonic() + WAIT_MS / 1000
        while b"\n" not in self.buf:
            assert time.monotonic() < deadline, f"no line; have {self.buf!r}"
            data = self.sock.recv(65536)
            assert data, f"closed; have {self.buf!r}"
            self.buf += data
        line, _, self.buf = self.buf.partition(b"\n")
        return line

    def frame(self) -> dict[str, Any]:
        return dict(json.loads(self.line()))

    def frame_of(self, kind: str) -> dict[str, Any]:
        """The next frame of type ``kind`` (others skipped)."""
        while True:
            frame = self.frame()
            if frame["type"] == kind:
                return frame

    def read_until_closed(self) -> bytes:
        data = self.buf
        while True:
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                return data
            if not chunk:
                return data
            data += chunk

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def plain_clients() -> Iterator[Callable[[int], LineSocket]]:
    made: list[LineSocket] = []

    def make(port: int) -> LineSocket:
        client = LineSocket(port)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
