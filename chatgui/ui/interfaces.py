"""The interfaces the window's parts take in their constructors (tests pass fakes that mypy checks).

The real parts are ``chatgui.net.backend.Backend``, ``chatgui.discovery.bridge.Discovery``,
``chatgui.history.bridge.History`` and ``chatgui.ui.notify.TrayNotifier``; nothing here
imports the window, so any helper can type an argument against these.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import SignalInstance

from chatgui.discovery.rooms import Room
from chatgui.events import SessionConfig, SessionState
from chatgui.history.store import RowValues


class BackendLike(Protocol):
    """What the window needs from ``chatgui.net.backend.Backend`` (tests pass a fake)."""

    @property
    def events_received(self) -> SignalInstance:
        """Emits a ``list`` of events, in order, once per drain."""

    @property
    def state_changed(self) -> SignalInstance:
        """Emits the new ``SessionState``."""

    @property
    def state(self) -> SessionState:
        """The current session state."""

    def start(self, config: SessionConfig) -> None:
        """Start a session (stopping a running one first)."""

    def stop(self) -> None:
        """End the session."""

    def send(self, text: str) -> None:
        """Send a message; the result arrives as ``ChatSent`` or ``ProblemOccurred``."""

    def set_encoding(self, encoding: str) -> None:
        """Change the raw-text encoding of the running session."""

    def set_raw(self, raw: bool, line_ending: str) -> None:
        """Switch raw sending on or off in the running session."""

    def check(self, mode: str, host: str, port: int) -> None:
        """Check whether ``host``:``port`` answers; a ``CheckFinished`` event follows."""

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop everything and join the worker thread."""


class DiscoveryLike(Protocol):
    """What the window needs from ``chatgui.discovery.bridge.Discovery`` (tests pass a fake)."""

    @property
    def room_found(self) -> SignalInstance:
        """Emits a ``Room`` when it appears, and again when it changes (same ``key``)."""

    @property
    def room_lost(self) -> SignalInstance:
        """Emits a ``Room`` that went away."""

    @property
    def unavailable(self) -> SignalInstance:
        """Emits, once, a translated sentence saying rooms cannot be found."""

    @property
    def announced(self) -> SignalInstance:
        """Emits the instance name our room is announced under (it may be renamed on a clash)."""

    @property
    def rooms(self) -> Sequence[Room]:
        """The rooms known now."""

    def announce(self, nick: str, room: str, mode: str, port: int, *, secure: bool = False) -> object:
        """Announce this computer's room (replacing an earlier announcement); ``secure``: private."""

    def withdraw(self) -> object:
        """Stop announcing."""


class HistoryLike(Protocol):
    """What the window needs from ``chatgui.history.bridge.History`` (tests pass a fake)."""

    @property
    def loaded(self) -> SignalInstance:
        """Emits ``(room, rows)`` for ``load_recent`` / ``load_more``, rows oldest first."""

    @property
    def search_finished(self) -> SignalInstance:
        """Emits ``(room, query, rows)``, rows oldest first."""

    @property
    def enabled(self) -> bool:
        """Whether rows are kept."""

    @enabled.setter
    def enabled(self, value: bool) -> None: ...

    def record_values(self, values: list[RowValues]) -> None:
        """Keep rows just shown, as ``(room, ts, kind, sender, text, receipt, rtt, ref)`` (at once)."""

    def load_recent(self, room: str, limit: int = 500) -> None:
        """Ask for the latest ``limit`` rows of ``room``."""

    def load_more(self, room: str, before_id: int, limit: int = 500) -> None:
        """Ask for the ``limit`` rows of ``room`` before ``before_id``."""

    def search(self, room: str, query: str) -> None:
        """Look for ``query`` in ``room``'s history."""

    def delete(self, room: str | None = None) -> None:
        """Forget ``room``'s history (None: every room)."""

    def export(self, room: str, path: Path, fmt: str) -> None:
        """Write ``room``'s history to ``path`` as "txt", "csv" or "json"."""


class NotifierLike(Protocol):
    """What the window needs from the desktop (tests pass a fake)."""

    @property
    def activated(self) -> SignalInstance:
        """Emits when the user clicks the tray icon or a notification."""

    def show_message(self, title: str, body: str) -> None:
        """Show a desktop notification."""

    def set_unread(self, count: int) -> None:
        """Show the unread count (0: none) on the tray icon."""

    def alert(self) -> None:
        """Ask for attention in the taskbar."""


class StatusLike(Protocol):
    """The status line (``chatgui.ui.status.StatusLabel``): one sentence at a time."""

    def show_sentence(self, text: str, *, error: bool, good: bool = False) -> None:
        """Show ``text``; an error stands out, good news too."""
