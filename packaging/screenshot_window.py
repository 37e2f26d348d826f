"""The window's half of ``screenshots.py``: one real window, found rooms, a short real chat, a PNG."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QTabWidget, QWidget

from chatgui import i18n
from chatgui.events import SessionState
from chatgui.history.bridge import History
from chatgui.net.backend import Backend
from chatgui.ui.app import create_application, create_discovery, main_window

MAIN = Path(__file__).resolve().parent.parent / "main.py"
_KEPT: list[socket.socket] = []


def _wait(app: QApplication, what: str, condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"screenshot: gave up waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _settle(app: QApplication, seconds: float) -> None:
    """Let the window paint what just arrived (a screenshot, not a test: a short pause is fine)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def _host_with_a_plain_socket(app: QApplication, window: Any) -> None:
    """Host a room on a free port; a tutorial-style plain socket says hello in it."""
    with socket.socket() as probe:  # a free port, said in the banner
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    window.room_actions.ask_host()
    dialog = window.room_actions.dialog
    dialog.room_edit.setText("Sam's room")
    dialog.port_spin.setValue(port)
    dialog.accept()
    _wait(app, "the room", lambda: window.presenter.state == SessionState.ACTIVE)
    model = window.transcript_model
    plain = socket.create_connection(("127.0.0.1", port))
    _KEPT.append(plain)  # open until the picture is taken (closing would show it leaving)
    count = model.rowCount()
    plain.sendall(b"hello from a plain socket\n")
    _wait(app, "the plain line", lambda: model.rowCount() > count)
    window.chat_page.compose_edit.setPlainText("Welcome! You are in Sam's room.")
    window.chat_page.send_button.click()


def _lab_run(app: QApplication, window: Any) -> None:
    """A lab run with 10 % loss, 5 % duplication and 5 % reordering, seed 1."""
    tabs = window.findChild(QTabWidget)
    tabs.setCurrentIndex(1)
    lab = window.findChild(QWidget, "labWidget")
    for name, value in (("lossSpin", 10.0), ("dupSpin", 5.0), ("reorderSpin", 5.0)):
        lab.findChild(QAbstractSpinBox, name).setValue(value)
    lab.run_button.click()
    _wait(app, "the lab run", lambda: lab.run_button.isEnabled(), seconds=60)


def take(shot: Any, out: Path, port: int) -> int:
    """Open the window ``shot`` describes, bring it to its moment, and save it to ``out``."""
    app = create_application([sys.argv[0]])
    folder = tempfile.mkdtemp()
    settings = QSettings(f"{folder}/settings.ini", QSettings.Format.IniFormat)
    settings.setValue("ui/socket_controls", shot.socket_controls)
    settings.setValue("connection/nick", "Mei" if shot.lang.startswith("zh") else "Sam")
    settings.setValue("ui/theme", shot.theme)
    i18n.install_translator(app, shot.lang)
    backend = Backend()
    discovery = create_discovery()
    history = History(Path(folder), enabled=True)
    window = main_window(backend, settings, discovery=discovery, history=history)
    window.resize(*shot.size)
    window.show()
    discovery.start_browsing()
    rooms = window.chat_page.rooms_panel.model
    _wait(app, "two rooms", lambda: rooms.rowCount() >= 2)
    member = None
    try:
        if shot.chat:
            room = next(r for r in rooms.rooms() if r.port == port)
            window.session_control.join_room(room)
            _wait(app, "the room", lambda: window.presenter.state == SessionState.ACTIVE)
            nick = "小李" if shot.lang.startswith("zh") else "bob"
            join = [sys.executable, str(MAIN), "join", "--tcp", "127.0.0.1", str(port)]
            member = subprocess.Popen(
                [*join, "--nick", nick, "--no-history"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            model = window.transcript_model
            _wait(app, "the member", lambda: any(nick in name for name in window.presenter.session.roster))
            assert member.stdin is not None
            lines = (
                ["大家好！今天的构建通过了吗？", "太好了，谢谢！<b>这不是粗体</b>"]
                if shot.lang.startswith("zh")
                else ["Hi all! Is the build green?", "Great, thanks! <b>this is not bold</b>"]
            )
            zh = shot.lang.startswith("zh")
            answer = "通过了，1,200 个测试全部成功" if zh else "Yes: all 1,200 tests pass"
            for index, line in enumerate(lines):
                count = model.rowCount()
                member.stdin.write(line + "\n")
                member.stdin.flush()
                _wait(app, "a message", lambda c=count: model.rowCount() > c)
                if index == 0:
                    window.chat_page.compose_edit.setPlainText(answer)
                    count = model.rowCount()
                    window.chat_page.send_button.click()
                    _wait(app, "my message", lambda c=count: model.rowCount() > c)
        if shot.moment == "host":
            _host_with_a_plain_socket(app, window)
        elif shot.moment == "lab":
            _lab_run(app, window)
        _settle(app, 1.0)
        window.grab().save(str(out))
    finally:
        if member is not None:
            member.terminate()
            member.wait(timeout=10)
        backend.shutdown()
        discovery.shutdown()
        history.shutdown()
    return 0
