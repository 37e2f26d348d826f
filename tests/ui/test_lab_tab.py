"""The lab lives in a tab of the main window, built when first opened and stopped with the window."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from chatgui.lab.model import Conditions, Workload
from chatgui.ui.main_window import MainWindow
from tests.ui.page import page


def _lab_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("lab")]


def test_the_lab_tab_builds_the_lab_on_first_open_and_runs_it(qtbot: QtBot, window: MainWindow) -> None:
    assert page(window).lab is None  # nothing of the lab is built until someone opens it
    assert page(window).tabs.tabText(1) == "Lab: TCP vs UDP"
    page(window).tabs.setCurrentWidget(page(window).lab_page)
    assert page(window).lab is not None
    assert page(window).lab.isVisibleTo(window)
    controller = page(window).lab_controller
    assert controller is not None
    with qtbot.waitSignal(controller.finished, timeout=20_000) as finished:
        controller.run(Workload(count=50), Conditions())
    assert finished.args is not None
    assert finished.args[0].tcp.delivered == 50
    window.close()
    assert _lab_threads() == []
