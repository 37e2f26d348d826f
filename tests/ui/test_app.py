"""The application factory and the window factory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chatgui.discovery.rooms import Room
from chatgui.net.backend import Backend
from chatgui.ui.app import SWITCH_INTERVAL_S, create_application, main_window
from tests.ui.conftest import FakeBackend, FakeDiscovery
from tests.ui.page import page


def test_create_application_names_the_app(qapp: QApplication) -> None:
    previous = sys.getswitchinterval()
    try:
        app = create_application([])
        assert app is qapp
        assert app.applicationName() == "chatgui"
        assert app.organizationName() == "chatgui"
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
    finally:
        sys.setswitchinterval(previous)


def test_main_window_gets_a_real_backend_and_the_given_settings(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    window = main_window(settings=settings)
    qtbot.addWidget(window)
    try:
        assert isinstance(window.backend, Backend)
        assert window.settings is settings
        assert window.windowTitle() == "chatgui"
    finally:
        assert window.backend.shutdown()


def test_main_window_lists_rooms_from_the_given_discovery(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    room = Room("k", "ann", "ann's room", "tcp", ("192.0.2.1",), 50007)
    discovery = FakeDiscovery([room])
    window = main_window(backend=FakeBackend(), settings=settings, discovery=discovery)
    qtbot.addWidget(window)
    assert window.discovery is discovery
    assert page(window).rooms_panel.model.rooms() == [room]
    assert page(window).rooms_panel.unavailable_label.isHidden()
