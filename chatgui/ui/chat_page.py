"""The chat tab's widgets: connection bar, addresses, rooms, conversation, roster and message box.

Built here, wired by the window. The conversation keeps at least ``MIN_LINE_CHARS`` average
characters per line: below the width that needs, the side panels fold into drawer buttons in
the conversation's header (the rooms list first while in a room, where it cannot be used, and
the roster when even that is too much). Its sentences were written in the window and keep the
window's translation context ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Slot
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatgui.events import SessionState
from chatgui.ui.addresses_bar import AddressesBar
from chatgui.ui.compose import ComposeEdit
from chatgui.ui.connection_bar import ConnectionBar
from chatgui.ui.keychain import KeychainLike
from chatgui.ui.reconnect_banner import ReconnectBanner
from chatgui.ui.rooms_panel import RoomsPanel
from chatgui.ui.search_bar import SearchBar
from chatgui.ui.transcript_delegate import TranscriptDelegate
from chatgui.ui.transcript_model import Receipt, TranscriptModel
from chatgui.ui.transcript_view import TranscriptView
from chatgui.ui.widgets import named, section_title, separator, set_primary

MIN_LINE_CHARS = 30
"""The conversation's narrowest line, in average characters of its font."""
ROSTER_WIDTH = 160


def _tr(text: str) -> str:
    # These sentences were written in the window and are translated under its context.
    return QCoreApplication.translate("MainWindow", text)


class ChatPage(QWidget):
    """The chat tab.

    Args:
        model: The transcript the conversation shows.
        roster_model: The names the roster lists.
        stop: Stops the session (the reconnecting banner's Cancel).
        keychain: Where the connection bar remembers passphrases (None: nowhere).
        parent: Optional parent widget.
    """

    def __init__(
        self,
        model: TranscriptModel,
        roster_model: QStringListModel,
        stop: Callable[[], None],
        keychain: KeychainLike | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self._margin = 12
        outer.setContentsMargins(self._margin, 10, self._margin, 6)
        outer.setSpacing(8)

        self.connection_bar = ConnectionBar(keychain)
        outer.addWidget(self.connection_bar)
        outer.addWidget(separator(Qt.Orientation.Horizontal))

        self.addresses_bar = AddressesBar()
        outer.addWidget(self.addresses_bar)
        self.reconnect_banner = ReconnectBanner(stop)
        outer.addWidget(self.reconnect_banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        self.rooms_panel = RoomsPanel()
        self.splitter.addWidget(self.rooms_panel)
        conversation = QWidget()
        conversation_layout = QVBoxLayout(conversation)
        conversation_layout.setContentsMargins(0, 0, 0, 0)
        conversation_layout.setSpacing(2)
        header = QHBoxLayout()
        header.setSpacing(4)
        self.conversation_title = section_title(_tr("Conversation"))
        header.addWidget(self.conversation_title)
        header.addStretch(1)
        # Drawers for the side panels folded away when the window is narrow.
        self.rooms_drawer_button = named(QToolButton(), "roomsDrawerButton", _tr("On this network"))
        self.rooms_drawer_button.setText(_tr("Rooms"))
        self.rooms_drawer_button.setToolTip(_tr("Show or hide the rooms on this network."))
        self.roster_drawer_button = named(QToolButton(), "rosterDrawerButton", _tr("People in the room"))
        self.roster_drawer_button.setText(_tr("People"))
        self.roster_drawer_button.setToolTip(_tr("Show or hide who is in the room."))
        for drawer in (self.rooms_drawer_button, self.roster_drawer_button):
            drawer.setCheckable(True)
            drawer.setAutoRaise(True)
            drawer.hide()
            drawer.toggled.connect(self.fit_panels)
            header.addWidget(drawer)
        self.clear_action = QAction(_tr("Clear"), self)
        self.clear_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton))
        self.clear_action.setToolTip(_tr("Remove every row from the conversation view."))
        self.clear_button = named(QToolButton(), "clearButton", _tr("Clear"))
        self.clear_button.setDefaultAction(self.clear_action)
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.setAutoRaise(True)
        header.addWidget(self.clear_button)
        conversation_layout.addLayout(header)
        self.search_bar = SearchBar()
        self.search_bar.hide()
        conversation_layout.addWidget(self.search_bar)
        self.transcript_view = named(TranscriptView(), "transcriptView", _tr("Conversation"))
        self.transcript_view.setModel(model)
        conversation_layout.addWidget(self.transcript_view, 1)
        self.splitter.addWidget(conversation)

        self.roster_panel = QWidget()
        roster_layout = QVBoxLayout(self.roster_panel)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        roster_layout.setSpacing(2)
        self.roster_title = section_title(_tr("In the room"))
        # Same height as the conversation header (which holds a tool button) so both lists align.
        self.roster_title.setMinimumHeight(self.clear_button.sizeHint().height())
        roster_layout.addWidget(self.roster_title)
        self.roster_view = named(QListView(), "rosterView", _tr("People in the room"))
        self.roster_view.setModel(roster_model)
        self.roster_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roster_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.roster_view.setSpacing(2)
        self.roster_view.setToolTip(
            _tr(
                "Names are unique in a room. ⚠ marks a name that mixes alphabets (such as Latin and "
                "Cyrillic): it may be made to look like someone else's."
            )
        )
        roster_layout.addWidget(self.roster_view)
        self.splitter.addWidget(self.roster_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([270, 560, ROSTER_WIDTH])
        self.roster_panel.hide()
        self._idle = True
        self._roster_wanted = False
        outer.addWidget(self.splitter, 1)

        compose_row = QHBoxLayout()
        compose_row.setSpacing(8)
        # The paperclip: send a file or a picture (wired by chatgui.ui.file_ui; hidden without it).
        self.attach_button = named(QToolButton(), "attachButton", _tr("Send a file"))
        self.attach_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.attach_button.setText(_tr("File…"))
        self.attach_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.attach_button.setToolTip(
            _tr(
                "Send a file or a picture to the room. You can also drop files on the window or "
                "paste a picture."
            )
        )
        self.attach_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.attach_button.hide()
        compose_row.addWidget(self.attach_button)
        self.compose_edit = named(ComposeEdit(), "composeEdit", _tr("Message"))
        line = self.compose_edit.fontMetrics().lineSpacing()
        # Three lines, two when the window is short.
        self.compose_edit.setMinimumHeight(line * 2 + 14)
        self.compose_edit.setMaximumHeight(line * 3 + 14)
        compose_row.addWidget(self.compose_edit, 1)
        self.send_button = named(QPushButton(_tr("Send")), "sendButton", _tr("Send"))
        self.send_button.setToolTip(_tr("Send the message (Enter). Shift+Enter starts a new line."))
        self.send_button.setMinimumWidth(90)
        self.send_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        compose_row.addWidget(self.send_button)
        outer.addLayout(compose_row)

        model.receipt_tooltips = {
            Receipt.PENDING: _tr("Sent — waiting for a receipt."),
            Receipt.DELIVERED: _tr("Delivered — the receipt came back after {rtt} ms."),
            Receipt.MISSING: _tr(
                "No receipt came back. UDP does not tell the sender whether anything arrived."
            ),
            Receipt.NOT_SENT: _tr(
                "Not sent — typed while reconnecting, and reconnecting was cancelled or too much "
                "was waiting. Send it again."
            ),
        }

    def follow_state(self, state: SessionState, roster_shown: bool) -> None:
        """Follow the session's state: button text, editable fields, message box, panels."""
        idle = state == SessionState.IDLE
        self.connection_bar.follow_state(state)
        active = state == SessionState.ACTIVE
        self.compose_edit.setEnabled(active)
        self.send_button.setEnabled(active)
        # One primary action at a time: Connect while idle, Send while connected.
        # The rooms panel's Host / Join hold the primary role while idle.
        set_primary(self.connection_bar.connect_button, False)
        set_primary(self.send_button, active)
        if active:
            if self.compose_edit.send_with_ctrl_enter:
                self.compose_edit.setPlaceholderText(
                    _tr("Type a message — Ctrl+Enter sends, Enter starts a new line")
                )
            else:
                self.compose_edit.setPlaceholderText(
                    _tr("Type a message — Enter sends, Shift+Enter starts a new line")
                )
            self.compose_edit.setFocus()
        elif state == SessionState.STARTING:
            self.compose_edit.setPlaceholderText(_tr("Connecting… you can type once connected"))
        else:
            self.compose_edit.setPlaceholderText(_tr("Not connected — join or host a room to start chatting"))
        self._idle = idle
        self._roster_wanted = roster_shown and not idle
        self.fit_panels()
        self.rooms_panel.set_idle(idle)
        if idle:
            self.reconnect_banner.dismiss()
            self.addresses_bar.hide()

    # ----------------------------------------------------------------- fitting the panels

    def conversation_width_needed(self) -> int:
        """The conversation's narrowest width: ``MIN_LINE_CHARS`` average characters of text per line."""
        view = self.transcript_view
        delegate = view.itemDelegate()
        font = view.font()
        text = view.fontMetrics().averageCharWidth() * MIN_LINE_CHARS
        taken = 0
        if isinstance(delegate, TranscriptDelegate):
            taken = 1_000 - delegate.message_text_width(font, 1_000)
        return text + taken + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth()

    @Slot()
    def fit_panels(self) -> None:
        """Show the side panels that fit beside the conversation; fold the others into drawers."""
        space = self.width() - self._margin * 2
        handle = self.splitter.handleWidth()
        rooms_width = self.rooms_panel.sizeHint().width()
        # Whose place beside the conversation comes first: the roster in a room (the rooms list
        # cannot be used then), the rooms list otherwise.
        wanted = [("roster", ROSTER_WIDTH)] if self._roster_wanted else []
        wanted.append(("rooms", rooms_width))
        used, fits = self.conversation_width_needed(), set()
        for name, width in wanted:
            if used + handle + width <= space:
                fits.add(name)
                used += handle + width
        rooms = "rooms" in fits or self.rooms_drawer_button.isChecked()
        roster = self._roster_wanted and ("roster" in fits or self.roster_drawer_button.isChecked())
        self.rooms_drawer_button.setVisible("rooms" not in fits)
        self.roster_drawer_button.setVisible(self._roster_wanted and "roster" not in fits)
        if rooms == self.rooms_panel.isHidden() or roster == self.roster_panel.isHidden():
            self.rooms_panel.setVisible(rooms)
            self.roster_panel.setVisible(roster)
            sides = (rooms_width + handle if rooms else 0) + (ROSTER_WIDTH + handle if roster else 0)
            self.splitter.setSizes([rooms_width, max(space - sides, 1), ROSTER_WIDTH])

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the side panels to the new width (Qt override)."""
        super().resizeEvent(event)
        self.fit_panels()
