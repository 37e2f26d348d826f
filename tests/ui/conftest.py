"""GUI tier: a real window offscreen, a fake backend for unit tests, temporary settings."""

from __future__ import annotations

import os

# Before Qt is imported (the top-level conftest does it too; this tier must not depend on it).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from pytestqt.qtbot import QtBot

from chatgui.discovery.rooms import Room
from chatgui.events import SessionConfig, SessionState, StateChanged
from chatgui.history.store import HistoryRow, RowValues
from chatgui.net.backend import Backend
from chatgui.ui.main_window import MainWindow


class FakeBackend(QObject):
    """Same signals and commands as ``chatgui.net.backend.Backend``; records what the window asks.

    Tests play the worker's part with ``deliver`` (STYLE.md 10).
    """

    # ``object``, not ``list``: a list signal converts every event to a QVariant and back
    # (about 0.25 us per event), a cost the real facade should not pay either.
    events_received = Signal(object)
    state_changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._state = SessionState.IDLE
        self.started: list[SessionConfig] = []
        self.sent: list[str] = []
        self.stops = 0
        self.shutdowns = 0
        self.encodings: list[str] = []
        self.raw_changes: list[tuple[bool, str]] = []
        self.checks: list[tuple[str, str, int]] = []

    @property
    def state(self) -> SessionState:
        return self._state

    def start(self, config: SessionConfig) -> None:
        self.started.append(config)
        self.deliver([StateChanged(SessionState.STARTING)])

    def stop(self) -> None:
        self.stops += 1

    def send(self, text: str) -> None:
        self.sent.append(text)

    def set_encoding(self, encoding: str) -> None:
        self.encodings.append(encoding)

    def set_raw(self, raw: bool, line_ending: str) -> None:
        self.raw_changes.append((raw, line_ending))

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        self.shutdowns += 1
        return True

    def check(self, mode: str, host: str, port: int) -> None:
        self.checks.append((mode, host, port))

    def deliver(self, events: list[object]) -> None:
        """Hand the window one batch, the way the real facade does (batch, then state)."""
        self.events_received.emit(events)
        for event in events:
            if isinstance(event, StateChanged):
                self._state = event.state
                self.state_changed.emit(event.state)


class FakeDiscovery(QObject):
    """Same signals and commands as ``chatgui.discovery.bridge.Discovery``; records announcements.

    Tests play the network's part by emitting ``room_found``/``room_lost``/``unavailable``.
    """

    room_found = Signal(object)
    room_lost = Signal(object)
    unavailable = Signal(str)
    announced = Signal(str)  # the instance name our room is announced under

    def __init__(self, rooms: list[Room] | None = None) -> None:
        super().__init__()
        self.known: list[Room] = list(rooms or [])
        self.calls: list[tuple[object, ...]] = []

    @property
    def rooms(self) -> list[Room]:
        return list(self.known)

    def start_browsing(self) -> None:
        self.calls.append(("start_browsing",))

    def announce(self, nick: str, room: str, mode: str, port: int, *, secure: bool = False) -> None:
        self.calls.append(("announce", nick, room, mode, port, *(("secure",) if secure else ())))

    def withdraw(self) -> None:
        self.calls.append(("withdraw",))

    def shutdown(self) -> None:
        self.calls.append(("shutdown",))


class FakeHistory(QObject):
    """Same signals and commands as ``chatgui.history.bridge.History``, kept in memory.

    Answers come back on the next turn of the event loop, as the real facade's do; ``rows``
    is shared by every ``FakeHistory`` made with the same list (a "file" surviving a restart).
    """

    loaded = Signal(object)
    search_finished = Signal(object)
    export_finished = Signal(object)
    failed = Signal(str)

    def __init__(self, rows: list[HistoryRow] | None = None, enabled: bool = True) -> None:
        super().__init__()
        self.rows: list[HistoryRow] = rows if rows is not None else []
        self.enabled = enabled
        self.calls: list[tuple[object, ...]] = []
        self._answers: list[tuple[Signal, object]] = []

    def record_values(self, values: list[RowValues]) -> None:
        rows = [HistoryRow(0, *v) for v in values]
        room = rows[0].room if rows else ""
        self.calls.append(("record", room, len(rows)))
        if self.enabled:
            next_id = len(self.rows) + 1
            self.rows.extend(replace(r, id=next_id + i, room=room) for i, r in enumerate(rows))

    def _room(self, room: str) -> list[HistoryRow]:
        return [r for r in self.rows if r.room == room]

    def _answer(self, signal: object, payload: object) -> None:
        self._answers.append((signal, payload))  # type: ignore[arg-type]
        QTimer.singleShot(0, self._deliver)

    @Slot()
    def _deliver(self) -> None:
        signal, payload = self._answers.pop(0)
        signal.emit(payload)  # type: ignore[attr-defined]

    def load_recent(self, room: str, limit: int = 500) -> None:
        self.calls.append(("load_recent", room, limit))
        self._answer(self.loaded, (room, self._room(room)[-limit:]))

    def load_more(self, room: str, before_id: int, limit: int = 500) -> None:
        self.calls.append(("load_more", room, before_id, limit))
        older = [r for r in self._room(room) if r.id < before_id]
        self._answer(self.loaded, (room, older[-limit:]))

    def search(self, room: str, query: str) -> None:
        self.calls.append(("search", room, query))
        found = [r for r in self._room(room) if query.casefold() in r.text.casefold()]
        self._answer(self.search_finished, (room, query, found))

    def delete(self, room: str | None = None) -> None:
        self.calls.append(("delete", room))
        self.rows[:] = [r for r in self.rows if room is not None and r.room != room]

    def export(self, room: str, path: Path, fmt: str) -> None:
        self.calls.append(("export", room, path, fmt))
        self._answer(self.export_finished, (room, path, len(self._room(room)), ""))

    def shutdown(self) -> None:
        self.calls.append(("shutdown",))


class FakeNotifier(QObject):
    """Same signal and commands as ``chatgui.ui.notify.TrayNotifier``; records what it was asked."""

    activated = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []
        self.unread: list[int] = []
        self.alerts = 0

    def show_message(self, title: str, body: str) -> None:
        self.messages.append((title, body))

    def set_unread(self, count: int) -> None:
        self.unread.append(count)

    def alert(self) -> None:
        self.alerts += 1


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary ini file, never the user's."""
    return QSettings(str(tmp_path / "chatgui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def fake_backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def window(qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings) -> MainWindow:
    win = MainWindow(fake_backend, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def fake_discovery() -> FakeDiscovery:
    return FakeDiscovery()


@pytest.fixture
def lan_window(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings, fake_discovery: FakeDiscovery
) -> MainWindow:
    """A window with a fake discovery (first start: empty settings)."""
    win = MainWindow(fake_backend, settings, discovery=fake_discovery)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


MakeWindow = Callable[[str], MainWindow]
"""Makes a shown window named ``name`` with a real ``Backend`` and settings of its own."""


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeWindow]:
    """Windows with their own real Backend and settings file; every backend shut down at the end."""
    backends: list[Backend] = []

    def make(name: str) -> MainWindow:
        backend = Backend()
        backends.append(backend)
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(backend, settings)
        qtbot.addWidget(window)
        window.resize(1200, 700)  # wide enough for the People panel beside the conversation
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for backend in backends:
        assert backend.shutdown()
