"""The Lab widget with the real lab engine on loopback (127.0.0.1, ports chosen by the OS)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from chatgui.lab.bridge import LabController
from chatgui.lab.model import TCP, UDP, Conditions, Fate, LabResult
from chatgui.ui.lab import LabWidget


@pytest.fixture
def real_lab(qtbot: QtBot) -> Iterator[LabWidget]:
    controller = LabController()
    widget = LabWidget(controller)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    yield widget
    controller.shutdown()


def test_a_real_impaired_run_fills_both_columns_and_the_pictures(real_lab: LabWidget, qtbot: QtBot) -> None:
    real_lab.settings.count_spin.setValue(400)
    real_lab.settings.set_conditions(Conditions(loss=10, dup=5, reorder=5, seed=7))
    with qtbot.waitSignal(real_lab.controller.finished, timeout=30_000) as blocker:
        real_lab.run_button.click()
    result = blocker.args[0]
    assert isinstance(result, LabResult)
    assert result.udp.lost > 0  # the impairment reached UDP, so the checks below can fail
    assert result.tcp.lost == 0
    for side in (result.tcp, result.udp):
        assert real_lab.results.value(side.protocol, "sent") == f"{side.sent:,}"
        assert real_lab.results.value(side.protocol, "lost") == f"{side.lost:,}"
        counts = real_lab.strips[side.protocol].fate_counts()
        assert counts[Fate.LOST] == side.fates.count(Fate.LOST)
        assert counts[Fate.DUPLICATED] == side.fates.count(Fate.DUPLICATED)
        assert counts[Fate.LATE] == side.fates.count(Fate.LATE)
        assert sum(counts.values()) == 400
        assert real_lab.arrival_plots[side.protocol].point_count() == len(side.arrivals)
    assert not real_lab.running


def test_real_boundaries_tcp_merges_udp_keeps(real_lab: LabWidget, qtbot: QtBot) -> None:
    view = real_lab.boundaries
    view.framing_combo.setCurrentIndex(view.framing_combo.findData("length"))
    view.recv_size_combo.setCurrentIndex(view.recv_size_combo.findData(1024))
    view.arrival_combo.setCurrentIndex(view.arrival_combo.findData(False))
    view.send_button.click()
    qtbot.waitUntil(lambda: view.send_button.isEnabled(), timeout=10_000)
    tcp_recvs = [c for c in view.calls[TCP] if c.side == "recv"]
    udp_recvs = [c for c in view.calls[UDP] if c.side == "recv"]
    assert len(tcp_recvs) < 3
    assert len(udp_recvs) == 3
    assert view.messages_shown(TCP) == ["hello", "你好，世界", "bye"]
    assert view.messages_shown(UDP) == ["hello", "你好，世界", "bye"]


def test_real_boundaries_by_default_split_a_message_across_reads(real_lab: LabWidget, qtbot: QtBot) -> None:
    # 拆包: the default receiver reads as the bytes arrive with recv(8); "你好，世界\n" is 16 bytes.
    view = real_lab.boundaries
    view.framing_combo.setCurrentIndex(view.framing_combo.findData("newline"))
    view.send_button.click()
    qtbot.waitUntil(lambda: view.send_button.isEnabled(), timeout=10_000)
    tcp_recvs = [c.data for c in view.calls[TCP] if c.side == "recv"]
    middle = "你好，世界\n".encode()
    assert tcp_recvs == [b"hello\n", middle[:8], middle[8:], b"bye\n"]
    assert view.messages_shown(TCP) == ["hello", "你好，世界", "bye"]


def test_real_nobody_listens(real_lab: LabWidget, qtbot: QtBot) -> None:
    view = real_lab.lifecycle
    with qtbot.waitSignal(real_lab.controller.lifecycle_ready, timeout=10_000):
        view.nobody_button.click()
    assert "refused" in view.whats(TCP)
    assert "refused" in view.summary.text()
