"""Lab GUI tier: a fake lab controller that plays the engine with synthetic, seeded results."""

from __future__ import annotations

import errno
import random
from collections.abc import Sequence

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from chatgui.lab.model import (
    TCP,
    UDP,
    Arrival,
    Conditions,
    Fate,
    IoCall,
    LabResult,
    LifecycleStep,
    ProtocolResult,
    Workload,
)
from chatgui.lab.picture_wire import Picture
from chatgui.ui.lab import LabWidget


def synthetic_side(
    protocol: str, workload: Workload, conditions: Conditions, upto: int, done: bool
) -> ProtocolResult:
    """What a seeded impaired path would deliver of the first ``upto`` messages."""
    rng = random.Random(conditions.seed)
    count = workload.count
    arrivals_seq: list[int] = []
    held: list[int] = []
    for seq in range(1, upto + 1):
        roll = rng.random() * 100
        if protocol == UDP and roll < conditions.loss:
            continue
        if protocol == UDP and roll < conditions.loss + conditions.reorder:
            held.append(seq)
            continue
        arrivals_seq.append(seq)
        if protocol == UDP and roll < conditions.loss + conditions.reorder + conditions.dup:
            arrivals_seq.append(seq)
        if held and rng.random() < 0.5:
            arrivals_seq.append(held.pop(0))
    arrivals_seq += held
    fates = [Fate.LOST if done else Fate.PENDING] * count
    for seq in range(upto + 1, count + 1):
        fates[seq - 1] = Fate.PENDING
    seen: set[int] = set()
    highest = 0
    arrivals: list[Arrival] = []
    for index, seq in enumerate(arrivals_seq):
        if seq in seen:
            fates[seq - 1] = Fate.DUPLICATED
        elif seq < highest:
            fates[seq - 1] = Fate.LATE
        else:
            fates[seq - 1] = Fate.DELIVERED
        seen.add(seq)
        highest = max(highest, seq)
        arrivals.append(Arrival(seq=seq, index=index, t=index * 0.001, rtt_ms=0.2 + (seq % 7) * 0.1))
    if not done:
        for seq in range(1, upto + 1):
            if seq not in seen:
                fates[seq - 1] = Fate.PENDING
    lost = fates.count(Fate.LOST)
    return ProtocolResult(
        protocol=protocol,
        sent=upto,
        delivered=len(seen),
        lost=lost,
        duplicated=fates.count(Fate.DUPLICATED),
        reordered=fates.count(Fate.LATE),
        rtt_p50_ms=0.4,
        rtt_p95_ms=0.7,
        rtt_max_ms=0.8,
        msgs_per_s=upto / 0.5,
        bytes_per_s=upto * workload.size / 0.5,
        seconds=0.5,
        fates=tuple(fates),
        arrivals=tuple(arrivals),
        done=done,
    )


def synthetic_result(workload: Workload, conditions: Conditions, upto: int | None = None) -> LabResult:
    """The whole run (or its first ``upto`` messages, live)."""
    done = upto is None
    n = workload.count if upto is None else upto
    plain = Conditions(seed=conditions.seed)
    return LabResult(
        workload=workload,
        conditions=conditions,
        peer="",
        tcp=synthetic_side(TCP, workload, plain, n, done),
        udp=synthetic_side(UDP, workload, conditions, n, done),
    )


class FakeLabController(QObject):
    """Same signals and commands as ``chatgui.lab.bridge.LabController``; records what the widget asks.

    Tests play the engine's part by emitting ``finish`` / ``answer_*`` (STYLE.md 10).
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    boundaries_ready = Signal(object)
    lifecycle_ready = Signal(object)
    picture_progress = Signal(object)
    picture_finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.runs: list[tuple[Workload, Conditions, str]] = []
        self.cancels = 0
        self.boundary_requests: list[tuple[list[bytes], str]] = []
        self.boundary_reading: list[tuple[int, bool]] = []
        self.lifecycles = 0
        self.nobody = 0
        self.answering = False
        self.answer_problem = ""
        self.pictures: list[tuple[Picture, Conditions, float]] = []

    def run(self, workload: Workload, conditions: Conditions, peer: str = "") -> None:
        self.runs.append((workload, conditions, peer))

    def cancel(self) -> None:
        self.cancels += 1
        self.cancelled.emit()

    def run_boundaries(
        self, messages: Sequence[bytes], protocol: str, *, recv_size: int = 1024, as_they_arrive: bool = False
    ) -> None:
        self.boundary_requests.append((list(messages), protocol))
        self.boundary_reading.append((recv_size, as_they_arrive))

    def run_picture(self, picture: Picture, conditions: Conditions, rate: float = 1000.0) -> None:
        self.pictures.append((picture, conditions, rate))

    def run_lifecycle(self) -> None:
        self.lifecycles += 1

    def run_nobody_listens(self) -> None:
        self.nobody += 1

    def answer(self, enabled: bool, port: int = 50008) -> tuple[int, str]:
        self.answering = enabled
        if enabled and self.answer_problem:
            self.answering = False
            return 0, self.answer_problem
        return (port if enabled else 0), ""

    def shutdown(self) -> None:
        pass

    def answer_boundaries(self) -> None:
        """Answer the last request as loopback would: TCP merged into one recv, UDP whole."""
        writes, protocol = self.boundary_requests[-1]
        calls = [IoCall("send", protocol, w, 0.001 * i) for i, w in enumerate(writes)]
        if protocol == TCP:
            joined = b"".join(writes)
            # Split inside the first message's bytes as well as merging: 粘包 and 拆包 at once.
            calls += [IoCall("recv", TCP, joined[:3], 0.01), IoCall("recv", TCP, joined[3:], 0.011)]
        else:
            calls += [IoCall("recv", UDP, w, 0.01 + 0.001 * i) for i, w in enumerate(writes)]
        self.boundaries_ready.emit(calls)

    def answer_lifecycle(self, nobody: bool) -> None:
        if nobody:
            steps = [
                LifecycleStep(TCP, "client", "socket", "", 0.0),
                LifecycleStep(
                    TCP,
                    "client",
                    "refused",
                    "os_error",
                    0.0002,
                    address="127.0.0.1:9",
                    errno=errno.ECONNREFUSED,
                ),
                LifecycleStep(UDP, "client", "sendto", "no_error", 0.0001, address="127.0.0.1:9", nbytes=12),
                LifecycleStep(UDP, "client", "nothing", "no_answer", 0.5, seconds=0.3),
            ]
        else:
            steps = [
                LifecycleStep(TCP, "client", "connect", "", 0.0, address="127.0.0.1:40000"),
                LifecycleStep(TCP, "server", "accept", "", 0.0001, address="127.0.0.1:51000"),
                LifecycleStep(TCP, "client", "send", "bytes", 0.0002, nbytes=12),
                LifecycleStep(TCP, "server", "recv", "bytes", 0.0003, nbytes=12),
                LifecycleStep(TCP, "client", "fin", "shutdown", 0.0004),
                LifecycleStep(TCP, "client", "close", "", 0.0005),
                LifecycleStep(UDP, "client", "sendto", "bytes", 0.0001, nbytes=12),
                LifecycleStep(UDP, "server", "recvfrom", "bytes", 0.0002, nbytes=12),
            ]
        self.lifecycle_ready.emit(steps)


@pytest.fixture
def fake_controller() -> FakeLabController:
    return FakeLabController()


@pytest.fixture
def lab(qtbot: QtBot, fake_controller: FakeLabController) -> LabWidget:
    widget = LabWidget(fake_controller)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
