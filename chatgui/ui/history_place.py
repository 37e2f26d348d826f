"""History as a place of its own: the rooms you have been in, opened read-only, one history per room.

The window's File ▸ History… lists the rooms kept in the history (``HistoryBrowser``); a room
chosen opens read-only in the conversation while no session runs, or in a window of its own
beside a live one (``HistoryWindow``). A room's rows follow the identity its host tells
(``room_identified``), not the address it was reached by; a room this window hosts is told
an identity made of this installation's random host id and the port.
"""

from __future__ import annotations

import secrets

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Slot
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from chatgui import settings as settings_keys
from chatgui.events import SessionState
from chatgui.history.rooms import IDENTITY_PREFIX, identity_key
from chatgui.ui.history_browser import HistoryBrowser, HistoryWindow
from chatgui.ui.history_view import HistoryView
from chatgui.ui.interfaces import HistoryLike
from chatgui.ui.presenter import Presenter
from chatgui.ui.transcript_search import TranscriptSearch


def _tr(text: str) -> str:
    # Written in the window first: translated under its context.
    return QCoreApplication.translate("MainWindow", text)


class HistoryPlace(QObject):
    """Opens rooms' histories: the live room's, and past rooms' read-only.

    Args:
        history: The history store (None: no history; nothing is listed or opened).
        settings: Where this installation's host id is kept.
        presenter: The session as the user sees it (which room, which state).
        view: The history shown in the conversation.
        search: The conversation's search (forgets a pending search when the room changes).
        compose: The message box (says when what is shown is a read-only history).
        window: The window (the browser's and history windows' parent).
    """

    def __init__(
        self,
        history: HistoryLike | None,
        settings: QSettings,
        presenter: Presenter,
        view: HistoryView,
        search: TranscriptSearch,
        compose: QPlainTextEdit,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._history = history
        self._settings = settings
        self._presenter = presenter
        self._view = view
        self._search = search
        self._compose = compose
        self._window = window
        self.browser: HistoryBrowser | None = None
        """File ▸ History…'s list of rooms, once opened."""

    def open_room(self, room: str) -> None:
        """Show the live session's room ``room`` (its key) in the conversation."""
        self._search.forget_pending()
        session = self._presenter.session
        if session.mode == "tcp" and session.role == "host" and room.startswith(IDENTITY_PREFIX):
            # Hosted before rooms had an identity: those rows are this room's first.
            name = self._presenter.room_name
            self._view.open_room(room, name, previous=f"tcp-host:{session.port}")
        else:
            self._view.open_room(room)

    def host_identity(self, port: int) -> str:
        """The identity of the room this window hosts on ``port`` (told to members)."""
        host_id = self._settings.value(settings_keys.HOST_ID)
        if not isinstance(host_id, str) or not host_id:
            host_id = secrets.token_hex(8)
            self._settings.setValue(settings_keys.HOST_ID, host_id)
        return f"{host_id}-{port}"

    @Slot(str, str)
    def on_room_identified(self, room_id: str, name: str) -> None:
        """The host told which room this is: the history follows the room."""
        self._view.identify(identity_key(room_id), name)

    @Slot()
    def show_browser(self) -> None:
        """File ▸ History…: list the rooms with history; the one chosen opens read-only."""
        history = self._history
        if history is None:
            return
        if self.browser is None:
            self.browser = HistoryBrowser(self._window)
            self.browser.room_chosen.connect(self.open_history)
            listed = getattr(history, "rooms_listed", None)
            if listed is not None:
                listed.connect(self.browser.show_rooms)
        list_rooms = getattr(history, "list_rooms", None)
        if callable(list_rooms):
            list_rooms()
        self.browser.show()
        self.browser.raise_()
        self.browser.activateWindow()

    @Slot(str, str)
    def open_history(self, room: str, name: str) -> None:
        """Show ``room``'s history read-only: in the conversation while no session runs, else apart."""
        if self._history is None:
            return
        if self._presenter.state != SessionState.IDLE:
            HistoryWindow(self._history, room, name, self._window).show()
            return
        self._search.forget_pending()
        self._view.open_room(room, name, read_only=True)
        self._compose.setPlaceholderText(
            _tr("History of {room} — read only. Join or host a room to chat.").format(room=name)
        )
        self._compose.viewport().update()  # a disabled box does not repaint its placeholder by itself
