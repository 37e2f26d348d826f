"""The chat tab's widgets: connection bar, addresses, rooms, conversation, roster and message box.

Built here, wired by the window. Its sentences were written in the window and keep the
window's translation context ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtGui import QAction
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
from chatgui.ui.transcript_model import Receipt, TranscriptModel
from chatgui.ui.transcript_view import TranscriptView
from chatgui.ui.widgets import named, section_title, separator, set_primary


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
        outer.setContentsMargins(12, 10, 12, 6)
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
        self.splitter.setSizes([290, 560, 160])
        self.roster_panel.hide()
        outer.addWidget(self.splitter, 1)

        compose_row = QHBoxLayout()
        compose_row.setSpacing(8)
        self.compose_edit = named(ComposeEdit(), "composeEdit", _tr("Message"))
        line = self.compose_edit.fontMetrics().lineSpacing()
        self.compose_edit.setFixedHeight(line * 3 + 14)
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
        self.roster_panel.setVisible(roster_shown and not idle)
        self.rooms_panel.set_idle(idle)
        if idle:
            self.reconnect_banner.dismiss()
            self.addresses_bar.hide()
