"""Under a flood the GUI gets events in bounded slices, so its event loop keeps running between them."""

from __future__ import annotations

import threading
import time
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


def _flood_arrives_in_order(host: Peer, plain_clients: Callable[[int], LineSocket]) -> None:
    """A member floods ``host`` with FLOOD messages in one write; every one arrives, in order."""
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


def test_a_flood_is_delivered_in_slices_no_larger_than_the_cap(
    monkeypatch: pytest.MonkeyPatch, host: Peer, plain_clients: Callable[[int], LineSocket]
) -> None:
    monkeypatch.setattr(backend_module, "MAX_BATCH", CAP)
    sizes = SizeRecorder()
    host.backend.events_received.connect(sizes.on_events)
    _flood_arrives_in_order(host, plain_clients)
    assert max(sizes.sizes) <= CAP
    # Slices, not one event per signal: most batches are full when the GUI is behind.
    assert len(sizes.sizes) < FLOOD


def test_the_next_slice_halves_after_a_slow_one_and_doubles_after_a_quick_one() -> None:
    budget, top, floor = backend_module.BATCH_BUDGET_S, backend_module.MAX_BATCH, backend_module.MIN_BATCH
    assert backend_module.next_batch(top, top, budget * 1.5) == top // 2
    assert backend_module.next_batch(floor, floor, budget * 10) == floor  # never under the floor
    assert backend_module.next_batch(floor, floor, budget / 4) == floor * 2
    assert backend_module.next_batch(top, top, budget / 4) == top  # never over the cap
    assert backend_module.next_batch(256, 256, budget * 0.75) == 256  # within the budget: kept
    # A short slice was all there was: how long it took says nothing about the pace.
    assert backend_module.next_batch(512, 10, budget * 10) == 512


class SlowRecorder(SizeRecorder):
    """A GUI that takes ``seconds`` of work over every slice, however small."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    @Slot(object)
    def on_events(self, batch: list[Any]) -> None:
        super().on_events(batch)
        end = time.perf_counter() + self.seconds
        while time.perf_counter() < end:  # the GUI's own work on the slice, not a wait for anything
            pass


def test_a_gui_slower_than_the_budget_gets_smaller_slices_and_every_event_in_order(
    monkeypatch: pytest.MonkeyPatch, host: Peer, plain_clients: Callable[[int], LineSocket]
) -> None:
    monkeypatch.setattr(backend_module, "BATCH_BUDGET_S", 0.001)
    monkeypatch.setattr(backend_module, "MAX_BATCH", 256)
    monkeypatch.setattr(backend_module, "MIN_BATCH", 32)
    slow = SlowRecorder(0.003)
    host.backend.events_received.connect(slow.on_events)
    _flood_arrives_in_order(host, plain_clients)
    assert max(slow.sizes) <= 256
    # Once the GUI was behind, every slice over the budget halved the next, down to the floor.
    assert 32 in slow.sizes
    assert max(slow.sizes[slow.sizes.index(32) :]) == 32
