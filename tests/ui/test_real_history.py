"""The window with the real history facade: a room's messages survive closing and reopening."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from chatgui.events import ChatReceived, SessionState, StateChanged
from chatgui.ui.main_window import MainWindow
from tests.ui.conftest import FakeBackend, FakeNotifier
from tests.ui.page import page

# Until chatgui/history/bridge.py is on main this skips (and says why); then it runs.
bridge = pytest.importorskip("chatgui.history.bridge")


def _open(qtbot: QtBot, settings: QSettings, folder: Path) -> tuple[MainWindow, FakeBackend, object]:
    backend = FakeBackend()
    history = bridge.History(folder)
    window = MainWindow(backend, settings, history=history, notifier=FakeNotifier())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("tcp"))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData("host"))
    page(window).port_spin.setValue(50321)
    page(window).connect_button.click()
    backend.deliver([StateChanged(SessionState.ACTIVE)])
    return window, backend, history


def test_history_survives_a_restart(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    window, backend, history = _open(qtbot, settings, tmp_path)
    try:
        backend.deliver([ChatReceived("bob", f"before restart {i}", "h:1") for i in range(20)])
        window.close()
    finally:
        history.shutdown()  # type: ignore[attr-defined]

    window, backend, history = _open(qtbot, settings, tmp_path)
    try:
        qtbot.waitUntil(
            lambda: "before restart 19" in [r.text for r in page(window).transcript_model.rows()],
            timeout=5000,
        )
        texts = [r.text for r in page(window).transcript_model.rows()]
        assert texts[:20] == [f"before restart {i}" for i in range(20)]
    finally:
        window.close()
        history.shutdown()  # type: ignore[attr-defined]
