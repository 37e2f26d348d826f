"""Under a flood the GUI gets events in bounded slices, so its event loop keeps running between them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject, Slot

from chatgui.events import ChatReceived
from chatgui.net import backend as backend_module
from tests.net.conftest import LineSocket, Peer

FLOOD = 5000
CAP = 64


class SizeRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    @Slot(object)
    def on_events(self, batch: list[Any]) -> None:
        self.sizes.append(len(batch))


def test_a_flood_is_delivered_in_slices_no_larger_than_the_cap(
    monkeypatch: pytest.MonkeyPatch, host: Peer, plain_clients: Callable[[int], LineSocket]
) -> None:
    monkeypatch.setattr(backend_module, "MAX_BATCH", CAP)
    sizes = SizeRecorder()
    host.backend.events_received.connect(sizes.on_events)
    client = plain_clients(host.listening_port())
    client.send_json(type="hello", nick="flood", peer="f", app="t")
    lines = b"".join(
        b'{"v":1,"type":"msg","peer":"f","seq":%d,"ts":1.0,"nick":"f","text":"m%d"}\n' % (i, i)
        for i in range(1, FLOOD + 1)
    )
    sender = threading.Thread(target=client.sock.sendall, args=(lines,))
    sender.start()
    try:
        got = host.wait_count(ChatReceived, FLOOD)
    finally:
        sender.join()
    assert [e.seq for e in got] == list(range(1, FLOOD + 1))
    assert max(sizes.sizes) <= CAP
    # Slices, not one event per signal: most batches are full when the GUI is behind.
    assert len(sizes.sizes) < FLOOD
