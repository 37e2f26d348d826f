"""Muting a person in a room: their messages folded, their file offers refused, no notices.

"Mute {nick}" / "Unmute {nick}" are in the People list's context menu and in a message's.
A muted person's message becomes one folded line ("Message from a muted person — click to
show"): a click (or "Show this message") unfolds that one; it is never lost, for the history
records it as it came (a ``RowKind.MUTED`` row is kept as ``OTHER``). Folded rows are not
notified (the window notifies ``OTHER`` and ``RAW`` rows only). Their new offers never become
rows, so nothing of theirs can be saved; the first one of each person in a session is said
once. Their offers shown before they were muted fold too (``chatgui.ui.mute_files``), and
search skips what is folded (``chatgui.ui.transcript_search``). Who is muted is remembered per
room (``chatgui.ui.mute_list``).

Rows are folded before the window appends them (``Presenter.rows_ready`` reaches this object
first: it is connected before the window's own slot), and rows that reach the model another
way (history pages, a room identified) when they are inserted. With nobody muted, a batch
costs one truth test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    Slot,
)
from PySide6.QtWidgets import QMenu

from chatgui.events import FileOffered, SessionState
from chatgui.history.rooms import identity_key
from chatgui.ui.chat_page import ChatPage
from chatgui.ui.file_ui import FileUi
from chatgui.ui.history_view import HistoryView
from chatgui.ui.mute_files import MutedFiles
from chatgui.ui.mute_list import MuteList, person_key
from chatgui.ui.presenter import Presenter
from chatgui.ui.transcript_delegate import TranscriptDelegate, shown_sender
from chatgui.ui.transcript_model import FileRow, Row, RowKind, TranscriptModel

_SPOKEN = (RowKind.OTHER, RowKind.MUTED)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Mute", text)


class RosterMarks(QIdentityProxyModel):
    """The People list as shown: a muted person's name says so ("alice (muted)").

    Args:
        source: The names as the presenter lists them.
        muted_at: Whether the person on a row is muted.
        parent: The owner of this object.
    """

    def __init__(self, source: Any, muted_at: Callable[[int], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._muted_at = muted_at

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The name, marked when muted (Qt override)."""
        value = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and self._muted_at(index.row()):
            return _tr("{name} (muted)").format(name=value)
        return value

    def refresh(self) -> None:
        """Every row may have changed (someone was muted or unmuted)."""
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0))


class Mute(QObject):
    """Mute and unmute people in the live room; fold their rows, refuse their offers.

    Args:
        settings: Where who is muted is remembered.
        page: The chat tab: its conversation (row menu, clicks, layout), its People list
            (context menu; it shows the marked names) and our nickname.
        presenter: The session (room, roster, state) and the rows it emits; make this object
            before connecting the window's slot to ``rows_ready``, so rows are folded first.
        history: The live room's key as the history knows it (an address until identified).
        parent: The owner of this object.
        files: The window's file rows: a muted person's offers shown before fold too (None: not).
    """

    def __init__(
        self,
        settings: QSettings,
        page: ChatPage,
        presenter: Presenter,
        history: HistoryView,
        parent: QObject | None = None,
        files: FileUi | None = None,
    ) -> None:
        super().__init__(parent)
        view, roster_view = page.transcript_view, page.roster_view
        model = view.model()
        assert isinstance(model, TranscriptModel)
        self.people = MuteList(settings)
        self._model = model
        self._view = view
        self._roster_view = roster_view
        self._presenter = presenter
        self._history = history
        self._own_nick = page.connection_bar.announced_nick
        self._identity = ""
        self.room = ""
        """The key of the room people are muted in now ("" before any session)."""
        self.muted: frozenset[str] = frozenset()
        """The person keys muted in ``room``."""
        self._told: set[str] = set()
        delegate = view.itemDelegate()
        model.folded_text = _tr("Message from a muted person — click to show")
        model.folded_file_text = _tr("A file from a muted person — click to show")
        if isinstance(delegate, TranscriptDelegate):
            delegate.folded_text = model.folded_text
            delegate.folded_file_text = model.folded_file_text
        self.files = MutedFiles(files, model, self.is_muted, self._relayout, self) if files else None
        self.roster = RosterMarks(roster_view.model(), self._muted_at, self)
        roster_view.setModel(self.roster)
        roster_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        roster_view.customContextMenuRequested.connect(self._on_roster_menu_requested)
        self._file_rows = presenter.file_rows
        presenter.file_rows = self._file_rows_unless_muted
        presenter.rows_ready.connect(self.on_rows_ready)
        presenter.state_applied.connect(self.on_state_applied)
        presenter.room_identified.connect(self.on_room_identified)
        model.rowsInserted.connect(self._on_rows_inserted)
        view.row_menu_built.connect(self.on_row_menu_built)
        view.clicked.connect(self.on_row_clicked)
        view.activated.connect(self.on_row_clicked)

    # ----------------------------------------------------------------- the room

    @Slot(object)
    def on_state_applied(self, state: SessionState) -> None:
        """A session starts (offers are told about again, the room may be another) or changes."""
        if state == SessionState.STARTING:
            self._identity = ""
            self._told.clear()
        self._follow_room()

    @Slot(str, str)
    def on_room_identified(self, room_id: str, _name: str) -> None:
        """The host told its room's identity: people are muted in that room from now on."""
        self._identity = identity_key(room_id)
        self._follow_room()

    def _follow_room(self) -> None:
        room = self._identity or self._history.room
        if room != self.room:
            self.room = room
            self.muted = self.people.muted(room) if room else frozenset()
            self._refold()
            self.roster.refresh()

    # ----------------------------------------------------------------- muting

    def is_muted(self, name: str) -> bool:
        """Whether the sender shown as ``name`` is muted in the live room."""
        return bool(self.muted) and person_key(name) in self.muted

    def set_muted(self, name: str, muted: bool) -> None:
        """Mute (or unmute) the sender shown as ``name`` in the live room, and remember it."""
        if not self.room or not self.people.set_muted(self.room, name, muted):
            return
        self.muted = self.people.muted(self.room)
        self._refold(person_key(name))
        self.roster.refresh()

    def reveal(self, row: Row) -> None:
        """Unfold one muted person's message or file offer (the others stay folded)."""
        if row.kind == RowKind.MUTED and isinstance(row, FileRow):
            position = next((i for i, r in enumerate(self._model.rows()) if r is row), -1)
            if self.files is not None and position >= 0:
                self.files.show(row, position)
                self._relayout()
        elif row.kind == RowKind.MUTED:
            row.kind = RowKind.OTHER
            row.layout_width = -1
            self._relayout()

    def _refold(self, only: str = "") -> None:
        """Fold the rows of everyone muted and unfold the others' (``only``: of that person)."""
        changed = False
        muted = self.muted
        for position, row in enumerate(self._model.rows()):
            if isinstance(row, FileRow):
                if self.files is not None and (not only or person_key(row.sender) == only):
                    changed = self.files.follow(row, position, person_key(row.sender) in muted) or changed
                continue
            if row.kind not in _SPOKEN:
                continue
            key = person_key(row.sender)
            if only and key != only:
                continue
            kind = RowKind.MUTED if key in muted else RowKind.OTHER
            if row.kind != kind:
                row.kind, row.layout_width, changed = kind, -1, True
        if changed:
            self._relayout()

    def _relayout(self) -> None:
        self._view.scheduleDelayedItemsLayout()
        self._view.viewport().update()

    # ----------------------------------------------------------------- rows on their way in

    @Slot(object, int)
    def on_rows_ready(self, rows: Sequence[Row], _skipped: int = 0) -> None:
        """Fold a batch's rows from muted people before the window appends (and records) them."""
        muted = self.muted
        if not muted:
            return
        other, folded, key = RowKind.OTHER, RowKind.MUTED, person_key
        for row in rows:
            if row.kind == other and key(row.sender) in muted:
                row.kind = folded

    @Slot(QModelIndex, int, int)
    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Fold rows that reached the model without a batch (history pages, a room identified)."""
        muted = self.muted
        if not muted:
            return
        model, laid_out = self._model, False
        for position in range(first, last + 1):
            row = model.row_at(position)
            if row.kind == RowKind.OTHER and person_key(row.sender) in muted:
                row.kind = RowKind.MUTED
                laid_out = laid_out or row.layout_width != -1
                row.layout_width = -1
        if laid_out:
            self._relayout()

    def _file_rows_unless_muted(self, event: object) -> Sequence[Row]:
        """A muted person's offer is refused: no row (nothing to save), said once a session."""
        if type(event) is FileOffered and not event.own and self.is_muted(event.nick):
            key = person_key(event.nick)
            if key in self._told:
                return ()
            self._told.add(key)
            sentence = _tr("{nick} offered a file; it was refused because you muted them in this room.")
            return [Row(RowKind.SYSTEM, "", sentence.format(nick=shown_sender(event.nick)))]
        return self._file_rows(event)

    # ----------------------------------------------------------------- menus and clicks

    @Slot(QModelIndex)
    def on_row_clicked(self, index: QModelIndex) -> None:
        """A click on a folded message unfolds it."""
        if index.isValid() and index.row() < self._model.rowCount():
            self.reveal(self._model.row_at(index.row()))

    @Slot(object, object)
    def on_row_menu_built(self, menu: QMenu, row: Row | None) -> None:
        """A message's context menu: Show this message (folded), Mute / Unmute its sender."""
        if row is None or row.kind not in _SPOKEN or not row.sender or not self.room:
            return
        menu.addSeparator()
        if row.kind == RowKind.MUTED:
            show = menu.addAction(
                _tr("Show this offer") if isinstance(row, FileRow) else _tr("Show this message")
            )
            show.setObjectName("showMutedAction")
            show.triggered.connect(partial(self.reveal, row))
        self.add_person_actions(menu, row.sender)

    def roster_menu(self, pos: QPoint) -> QMenu | None:
        """The People list's context menu at ``pos`` (viewport coordinates); None: nobody there."""
        index = self._roster_view.indexAt(pos)
        name = self._name_at(index.row()) if index.isValid() else ""
        if not name or not self.room or self._is_self(index.row(), name):
            return None
        menu = QMenu(self._roster_view)
        self.add_person_actions(menu, name)
        return menu

    @Slot(QPoint)
    def _on_roster_menu_requested(self, pos: QPoint) -> None:
        menu = self.roster_menu(pos)
        if menu is not None:
            menu.exec(self._roster_view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def add_person_actions(self, menu: QMenu, name: str) -> None:
        """Add "Mute {nick}" (or "Unmute {nick}") for the sender shown as ``name`` to ``menu``."""
        muted = self.is_muted(name)
        shown = shown_sender(name).replace("&", "&&")  # a name's "&" is no shortcut marker
        text = _tr("Unmute {nick}") if muted else _tr("Mute {nick}")
        action = menu.addAction(text.format(nick=shown))
        action.setObjectName("unmuteAction" if muted else "muteAction")
        action.setToolTip(self._explanation(muted))
        menu.setToolTipsVisible(True)
        action.triggered.connect(partial(self.set_muted, name, not muted))

    def _explanation(self, muted: bool) -> str:
        if muted:
            said = _tr("Show their messages and offers in this room again.")
        else:
            said = _tr(
                "Fold their messages into one line each and refuse their files in this room, on "
                "this computer only; they are not told. The history still keeps their messages."
            )
        session = self._presenter.session
        if session.mode == "udp" and not session.private:
            said += "\n\n" + _tr(
                "This room has no passphrase: anyone on the network can send under this name, so "
                "muting it mutes whoever uses it, and someone muted can come back under another."
            )
        return said

    def _name_at(self, row: int) -> str:
        roster = self._presenter.session.roster
        return roster[row] if 0 <= row < len(roster) else ""

    def _is_self(self, row: int, name: str) -> bool:
        """Whether the People list's ``row`` is us (listed first, except by a host we joined)."""
        session = self._presenter.session
        if session.mode == "tcp" and session.role == "join":
            return person_key(name) == person_key(self._own_nick())
        return row == 0

    def _muted_at(self, row: int) -> bool:
        name = self._name_at(row)
        return bool(name) and self.is_muted(name)
