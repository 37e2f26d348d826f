"""The Qt facade: runs and demonstrations come back as signals in the GUI thread."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from chatgui.lab.bridge import LabController
from chatgui.lab.model import Conditions, IoCall, LabResult, LifecycleStep, Workload


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[LabController]:
    lab = LabController()
    yield lab
    lab.shutdown()


def test_a_run_reports_progress_then_finishes(qtbot: QtBot, controller: LabController) -> None:
    live: list[LabResult] = []
    controller.progress.connect(live.append)
    with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
        controller.run(Workload(count=50, rate=200), Conditions(loss=10))
    result = blocker.args[0]
    assert isinstance(result, LabResult)
    assert result.done
    assert result.tcp.delivered == 50
    assert live
    assert not live[0].done


def test_a_refused_peer_is_a_sentence(qtbot: QtBot, controller: LabController) -> None:
    with qtbot.waitSignal(controller.failed, timeout=10000) as blocker:
        controller.run(Workload(count=5), Conditions(), "127.0.0.1:1")
    assert "lab-peer" in blocker.args[0]


def test_cancel(qtbot: QtBot, controller: LabController) -> None:
    controller.run(Workload(count=1000, rate=10), Conditions())
    with qtbot.waitSignal(controller.cancelled, timeout=5000):
        controller.cancel()
    assert not controller.running


def test_boundaries_and_lifecycle_come_back(qtbot: QtBot, controller: LabController) -> None:
    with qtbot.waitSignal(controller.boundaries_ready, timeout=5000) as blocker:
        controller.run_boundaries([b"a", b"b", b"c"], "udp")
    calls = blocker.args[0]
    assert all(isinstance(c, IoCall) for c in calls)
    assert len(calls) == 6
    with qtbot.waitSignal(controller.lifecycle_ready, timeout=5000) as blocker:
        controller.run_nobody_listens()
    assert all(isinstance(s, LifecycleStep) for s in blocker.args[0])
    with qtbot.waitSignal(controller.lifecycle_ready, timeout=5000) as blocker:
        controller.run_lifecycle()
    assert any(s.what == "accept" for s in blocker.args[0])


def test_answering_lets_another_computer_run_the_lab_against_this_one(
    qtbot: QtBot, controller: LabController
) -> None:
    port, problem = controller.answer(True, 0)
    assert (problem, port > 0) == ("", True)
    other = LabController()
    try:
        with qtbot.waitSignal(other.finished, timeout=20_000) as finished:
            other.run(Workload(count=100), Conditions(), f"127.0.0.1:{port}")
        assert finished.args is not None
        assert finished.args[0].tcp.delivered == 100
        assert controller.answer(False) == (0, "")
        with qtbot.waitSignal(other.failed, timeout=20_000) as failed:
            other.run(Workload(count=10), Conditions(), f"127.0.0.1:{port}")
        assert failed.args is not None
        assert "Nobody answers lab traffic" in failed.args[0]
    finally:
        other.shutdown()


def test_answering_on_a_taken_port_is_a_sentence(controller: LabController) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert controller.answer(True, port) == (
            0,
            f"Cannot answer lab runs on port {port}: the port is already in use on this computer.",
        )
