"""The chat window: composes the rooms panel, connection bar, transcript, roster, message box, status.

It owns the session as the user sees it: starting and stopping through the backend, joining
rooms found on the network, announcing its own room while hosting, checking an address, and
turning each batch of backend events into transcript rows, roster and status. The room's
history (``history_view``), search (``transcript_search``), background notifications
(``notifications``) and the menu bar (``window_menus``) live in their own modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QSettings,
    QStringListModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatgui import __version__
from chatgui import settings as settings_keys
from chatgui.discovery.rooms import Room
from chatgui.history.store import room_key
from chatgui.net.events import (
    SessionConfig,
    SessionState,
)
from chatgui.ui import i18n
from chatgui.ui.addresses_bar import AddressesBar
from chatgui.ui.addresses_panel import AddressesPanel
from chatgui.ui.compose import ComposeEdit
from chatgui.ui.connection_bar import ConnectionBar
from chatgui.ui.connection_form import DEFAULT_PORT
from chatgui.ui.history_view import HISTORY_PAGE as _HISTORY_PAGE
from chatgui.ui.history_view import HistoryView, row_from_history
from chatgui.ui.interfaces import BackendLike, DiscoveryLike, HistoryLike, NotifierLike
from chatgui.ui.notifications import Notifications
from chatgui.ui.notify import TrayNotifier
from chatgui.ui.presenter import Presenter
from chatgui.ui.reconnect_banner import ReconnectBanner
from chatgui.ui.rooms_panel import RoomsPanel
from chatgui.ui.search_bar import SearchBar
from chatgui.ui.status import SessionFacts, StatusLabel
from chatgui.ui.themes import Theme, ThemeManager
from chatgui.ui.transcript_model import Receipt, Row, RowKind, TranscriptModel
from chatgui.ui.transcript_search import TranscriptSearch
from chatgui.ui.transcript_view import TranscriptView
from chatgui.ui.widgets import named, section_title, separator, set_primary
from chatgui.ui.window_menus import WindowActions, build_menus

if TYPE_CHECKING:
    from chatgui.lab.bridge import LabController
    from chatgui.ui.lab import LabWidget

# Kept importable from here: tests page through history with it.
HISTORY_PAGE = _HISTORY_PAGE
_NOTIFYING = frozenset({RowKind.OTHER, RowKind.RAW})


class MainWindow(QMainWindow):
    """The chat window.

    Args:
        backend: The session facade; the window starts, stops and sends through it only.
        settings: Where the connection fields and window geometry persist (tests pass a
            temporary ini file).
        discovery: Finds rooms on the network and announces ours; ``None`` when it is not
            available (the rooms panel says so; typing an address keeps working). The
            window does not start or shut it down: whoever made it does.
        history: Keeps every row shown, per room, and gives it back; ``None``: no history
            (the view shows this session only). Whoever made it shuts it down.
        notifier: The tray icon and taskbar; a :class:`TrayNotifier` when omitted.
        parent: Optional parent widget.
    """

    def __init__(
        self,
        backend: BackendLike,
        settings: QSettings,
        discovery: DiscoveryLike | None = None,
        parent: QWidget | None = None,
        *,
        history: HistoryLike | None = None,
        notifier: NotifierLike | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.settings = settings
        self.discovery = discovery
        self.history = history
        self._last_sent = ""

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("chatgui"))
        self.transcript_model = TranscriptModel(parent=self)
        self.roster_model = QStringListModel(self)
        self._build()
        self.history_view = HistoryView(
            history, self.transcript_model, self.transcript_view, self.status_label, self
        )
        self.transcript_search = TranscriptSearch(
            self.history_view,
            self.search_bar,
            self.transcript_model,
            self.transcript_view,
            self.compose_edit,
            self,
        )
        finder = self.transcript_search
        self.search_bar.search_requested.connect(finder.search)
        self.search_bar.next_requested.connect(finder.find_next)
        self.search_bar.previous_requested.connect(finder.find_previous)
        self.search_bar.closed.connect(finder.on_search_closed)
        self.transcript_view.top_reached.connect(self.history_view.load_older)
        self.presenter = Presenter(
            discovery,
            self.transcript_model.max_rows,
            self.connection_bar.target_text,
            self._announced_nick,
            SessionFacts(port=DEFAULT_PORT),
            self,
        )
        presenter = self.presenter
        presenter.rows_ready.connect(self._append_rows)
        presenter.receipt_changed.connect(self._on_receipt_changed)
        presenter.state_applied.connect(self._on_state_applied)
        presenter.roster_changed.connect(self.roster_model.setStringList)
        presenter.status_shown.connect(self._on_status_shown)
        presenter.addresses_shown.connect(self._on_addresses_shown)
        presenter.reconnect_event.connect(self.reconnect_banner.on_event)
        presenter.message_refused.connect(self._on_message_refused)
        app = QApplication.instance()
        self.themes = ThemeManager(app, self) if isinstance(app, QApplication) else None
        self.notifier: NotifierLike = (
            notifier if notifier is not None else TrayNotifier(self, self.windowIcon())
        )
        self.notifier.activated.connect(self.bring_to_front)
        self.actions_ = build_menus(self)
        self.notifications = Notifications(self.notifier, self.actions_.mute.isChecked, self)
        self.notification_policy = self.notifications.policy
        self._connect_actions(self.actions_)
        self._load_settings()
        self.presenter.apply_state(backend.state)
        self._apply_palette()

        backend.events_received.connect(self.presenter.on_events_received)
        backend.state_changed.connect(self.presenter.on_state_changed)
        self.history_view.connect_history()
        self.transcript_search.connect_history()

        panel = self.rooms_panel
        if discovery is None:
            panel.on_unavailable(
                self.tr("Finding rooms on this network is not available — type the host's address above.")
            )
        else:
            discovery.room_found.connect(panel.on_room_found)
            discovery.room_lost.connect(panel.on_room_lost)
            discovery.unavailable.connect(panel.on_unavailable)
            for room in discovery.rooms:
                panel.on_room_found(room)

    # ----------------------------------------------------------------- building

    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(12, 10, 12, 6)
        outer.setSpacing(8)

        self.connection_bar = ConnectionBar()
        bar = self.connection_bar
        # The fields by their old names: tests, the benchmark and scripts reach them here.
        self.mode_combo = bar.mode_combo
        self.role_combo = bar.role_combo
        self.host_edit = bar.host_edit
        self.port_spin = bar.port_spin
        self.local_port_spin = bar.local_port_spin
        self.nick_edit = bar.nick_edit
        self.connect_button = bar.connect_button
        self.raw_check = bar.raw_check
        self.line_ending_combo = bar.line_ending_combo
        self.encoding_combo = bar.encoding_combo
        self.check_button = bar.check_button
        self.group_edit = bar.group_edit
        self.ttl_spin = bar.ttl_spin
        self.interface_combo = bar.interface_combo
        self.room_edit = bar.room_edit
        outer.addWidget(bar)
        outer.addWidget(separator(Qt.Orientation.Horizontal))

        self.addresses_bar = AddressesBar()
        self.addresses_caption = self.addresses_bar.caption
        self.addresses_label = self.addresses_bar.label
        self.copy_addresses_button = self.addresses_bar.copy_button
        self.all_addresses_button = self.addresses_bar.all_button
        self.addresses_bar.all_requested.connect(self.show_addresses_panel)
        self.addresses_panel = AddressesPanel(self)
        outer.addWidget(self.addresses_bar)
        self.reconnect_banner = ReconnectBanner(self.backend.stop)
        outer.addWidget(self.reconnect_banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        self.rooms_panel = RoomsPanel()
        self.rooms_view = self.rooms_panel.view
        self.host_room_button = self.rooms_panel.host_button
        self.join_button = self.rooms_panel.join_button
        self.rooms_panel.join_requested.connect(self.on_join_requested)
        self.rooms_panel.host_requested.connect(self.host_room)
        self.rooms_panel.addresses_requested.connect(self.show_addresses_panel)
        self.splitter.addWidget(self.rooms_panel)
        conversation = QWidget()
        conversation_layout = QVBoxLayout(conversation)
        conversation_layout.setContentsMargins(0, 0, 0, 0)
        conversation_layout.setSpacing(2)
        header = QHBoxLayout()
        header.setSpacing(4)
        self.conversation_title = section_title(self.tr("Conversation"))
        header.addWidget(self.conversation_title)
        header.addStretch(1)
        self.clear_action = QAction(self.tr("Clear"), self)
        self.clear_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton))
        self.clear_action.setToolTip(self.tr("Remove every row from the conversation view."))
        self.clear_action.triggered.connect(self.clear_transcript)
        self.clear_button = named(QToolButton(), "clearButton", self.tr("Clear"))
        self.clear_button.setDefaultAction(self.clear_action)
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.setAutoRaise(True)
        header.addWidget(self.clear_button)
        conversation_layout.addLayout(header)
        self.search_bar = SearchBar()
        self.search_bar.hide()
        conversation_layout.addWidget(self.search_bar)
        self.transcript_view = named(TranscriptView(), "transcriptView", self.tr("Conversation"))
        self.transcript_view.setModel(self.transcript_model)
        self.transcript_view.clear_requested.connect(self.clear_transcript)
        conversation_layout.addWidget(self.transcript_view, 1)
        self.splitter.addWidget(conversation)

        self.roster_panel = QWidget()
        roster_layout = QVBoxLayout(self.roster_panel)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        roster_layout.setSpacing(2)
        self.roster_title = section_title(self.tr("In the room"))
        # Same height as the conversation header (which holds a tool button) so both lists align.
        self.roster_title.setMinimumHeight(self.clear_button.sizeHint().height())
        roster_layout.addWidget(self.roster_title)
        self.roster_view = named(QListView(), "rosterView", self.tr("People in the room"))
        self.roster_view.setModel(self.roster_model)
        self.roster_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roster_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.roster_view.setSpacing(2)
        self.roster_view.setToolTip(
            self.tr(
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
        self.compose_edit = named(ComposeEdit(), "composeEdit", self.tr("Message"))
        line = self.compose_edit.fontMetrics().lineSpacing()
        self.compose_edit.setFixedHeight(line * 3 + 14)
        self.compose_edit.submitted.connect(self.send_message)
        self.compose_edit.recall_requested.connect(self.recall_last_sent)
        compose_row.addWidget(self.compose_edit, 1)
        self.send_button = named(QPushButton(self.tr("Send")), "sendButton", self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send the message (Enter). Shift+Enter starts a new line."))
        self.send_button.clicked.connect(self.send_current)
        self.send_button.setMinimumWidth(90)
        self.send_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        compose_row.addWidget(self.send_button)
        outer.addLayout(compose_row)

        # The chat and the lab side by side as tabs; the lab is built the first time it is
        # opened, so the window starts as fast as before and a chat-only session pays nothing.
        self.tabs = named(QTabWidget(), "mainTabs", self.tr("Chat and lab"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(central, self.tr("Chat"))
        self.lab_page = QWidget()
        self.lab_page.setObjectName("labPage")
        QVBoxLayout(self.lab_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.lab_page, self.tr("Lab: TCP vs UDP"))
        self.tabs.setTabToolTip(
            1, self.tr("Send the same numbered messages over TCP and UDP and see what each delivers.")
        )
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.lab: LabWidget | None = None
        self.lab_controller: LabController | None = None
        self.setCentralWidget(self.tabs)

        self.status_label = StatusLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().setSizeGripEnabled(True)

        self.transcript_model.receipt_tooltips = {
            Receipt.PENDING: self.tr("Sent — waiting for a receipt."),
            Receipt.DELIVERED: self.tr("Delivered — the receipt came back after {rtt} ms."),
            Receipt.MISSING: self.tr(
                "No receipt came back. UDP does not tell the sender whether anything arrived."
            ),
            Receipt.NOT_SENT: self.tr(
                "Not sent — typed while reconnecting, and reconnecting was cancelled or too much "
                "was waiting. Send it again."
            ),
        }

        bar.connect_button.clicked.connect(self.toggle_connection)
        bar.check_button.clicked.connect(self.check_address)
        bar.host_edit.returnPressed.connect(self.toggle_connection)
        bar.raw_options_changed.connect(self._on_raw_changed)
        bar.encoding_changed.connect(self._on_encoding_changed)

        # Nothing in this window is markup: a nickname like "<b>x</b>" must show as typed.
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.resize(1040, 640)
        self.setMinimumSize(760, 440)

    # ----------------------------------------------------------------- fields

    @property
    def listening_port(self) -> int:
        """The port this session listens or receives on (0 until it is known)."""
        return self.presenter.session.listening_port

    def mode(self) -> str:
        """The selected protocol: "tcp" or "udp"."""
        return self.connection_bar.mode()

    def role(self) -> str:
        """The selected role: "host", "join", "peer", "broadcast" or "multicast"."""
        return self.connection_bar.role()

    def line_ending(self) -> str:
        """The raw-mode line ending characters: empty, LF or CRLF."""
        return self.connection_bar.line_ending()

    def encoding(self) -> str:
        """The selected text encoding for raw text."""
        return self.connection_bar.encoding()

    def session_config(self) -> SessionConfig:
        """The session the fields describe."""
        return self.connection_bar.session_config()

    @Slot()
    def _on_raw_changed(self) -> None:
        if self.presenter.state != SessionState.IDLE:
            self.backend.set_raw(self.connection_bar.raw(), self.line_ending())

    @Slot()
    def _on_encoding_changed(self) -> None:
        if self.presenter.state != SessionState.IDLE:
            self.backend.set_encoding(self.encoding())

    # ----------------------------------------------------------------- actions

    @Slot()
    def toggle_connection(self) -> None:
        """Connect when idle; otherwise disconnect (or cancel a connection in progress)."""
        if self.presenter.state == SessionState.IDLE:
            self.start_session()
        elif self.presenter.state != SessionState.STOPPING:
            self.backend.stop()

    @Slot()
    def host_room(self) -> None:
        """Host a TCP room on the port set above (the newcomer's "Host a room")."""
        if self.presenter.state != SessionState.IDLE:
            return
        bar = self.connection_bar
        if bar.mode() != "tcp" or bar.role() != "host":
            # What the field held was someone else's address, not one to listen on.
            self.host_edit.clear()
            self._select(self.mode_combo, "tcp")
            self._select(self.role_combo, "host")
        self.start_session()

    @Slot(object)
    def on_join_requested(self, room: Room | None) -> None:
        """Join ``room``, or (``None``) the address typed in the connection bar."""
        if room is not None:
            self.join_room(room)
            return
        if self.presenter.state != SessionState.IDLE:
            return
        if self.mode() == "udp":
            self._select(self.role_combo, "peer")
        else:
            self._select(self.role_combo, "join")
        if not self.host_edit.text().strip():
            self.presenter.show_error(
                self.tr("Double-click a room in the list, or type the host's address above and press Join.")
            )
            self.host_edit.setFocus()
            return
        self.start_session()

    def join_room(self, room: Room) -> None:
        """Fill mode, role, host and port from ``room`` and connect (nothing happens outside IDLE)."""
        if self.presenter.state != SessionState.IDLE:
            return
        if not room.host:
            self.presenter.show_error(
                self.tr("{nick}'s room announced no address this computer can use.").format(nick=room.nick)
            )
            return
        udp = room.mode == "udp"
        self._select(self.mode_combo, "udp" if udp else "tcp")
        self._select(self.role_combo, "peer" if udp else "join")
        self.host_edit.setText(room.host)
        self.port_spin.setValue(room.port)
        self.start_session()

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    @Slot()
    def check_address(self) -> None:
        """Ask the backend whether something answers at the typed host and port."""
        host = self.host_edit.text().strip()
        port = self.port_spin.value()
        if not host:
            self.presenter.show_error(self.tr("Type an address to check first."))
            self.host_edit.setFocus()
            return
        if port == 0:
            self.presenter.show_error(self.tr("Type the port to check (1–65535) first."))
            self.port_spin.setFocus()
            return
        # The check's own sentence holds the status line until it is done.
        self.presenter.hold_status(
            self.tr("Checking {address}…").format(address=self.connection_bar.target_text())
        )
        self.backend.check(self.mode(), host, port)

    @Slot()
    def show_addresses_panel(self) -> None:
        """Pop up every address of this computer, under the button that asked for it."""
        session = self.presenter.session
        listening = self.presenter.state == SessionState.ACTIVE and session.role in ("host", "peer")
        self.addresses_panel.fill(session.listening_port if listening else 0)
        anchor = self.sender()
        self.addresses_panel.pop_up_at(anchor if isinstance(anchor, QWidget) else self.rooms_panel)

    def start_session(self) -> None:
        """Start the session the fields describe, after checking what can be checked here."""
        config = self.session_config()
        if config.role == "join" and not config.host:
            self.presenter.show_error(
                self.tr("Type the address of the computer hosting the room, then press Connect.")
            )
            self.host_edit.setFocus()
            return
        if config.port == 0 and (config.role == "join" or (config.mode == "udp" and config.host)):
            self.presenter.show_error(
                self.tr("Type the port the other side listens on (1–65535), then press Connect.")
            )
            self.port_spin.setFocus()
            return
        if not self.nick_edit.text().strip():
            self.nick_edit.setText(config.nick)
        udp_target = self.connection_bar.target_text() if config.mode == "udp" and config.host else ""
        facts = SessionFacts(
            mode=config.mode,
            role=config.role,
            port=config.port,
            udp_target=udp_target,
            roster=(),
            group=config.group,
            interface=config.interface,
        )
        self.presenter.begin(facts, self.connection_bar.room_name())
        self.transcript_model.receipt_tooltips[Receipt.MISSING] = (
            self.tr("No receipt came back. UDP does not tell the sender whether anything arrived.")
            if config.mode == "udp"
            else self.tr("No receipt came back — the other side may not be a chatgui app.")
        )
        self._save_settings()
        self._open_room(room_key(config))
        self.backend.start(config)

    @Slot()
    def send_current(self) -> None:
        """Send what is in the message box."""
        self.send_message(self.compose_edit.toPlainText())

    @Slot(str)
    def send_message(self, text: str) -> None:
        """Send ``text`` and clear the message box (nothing happens for blank text or while idle)."""
        if self.presenter.state != SessionState.ACTIVE or not text.strip():
            return
        self._last_sent = text
        self.backend.send(text)
        self.compose_edit.clear()

    @Slot()
    def clear_transcript(self) -> None:
        """Remove every row from the view (the history keeps them)."""
        self.transcript_model.clear()
        self.history_view.view_cleared()

    @Slot()
    def recall_last_sent(self) -> None:
        """Put the last message sent back in the (empty) message box."""
        if self._last_sent and not self.compose_edit.toPlainText():
            self.compose_edit.setPlainText(self._last_sent)
            self.compose_edit.moveCursor(self.compose_edit.textCursor().MoveOperation.End)

    # ----------------------------------------------------------------- rows, history, search

    def _append_rows(self, rows: list[Row], skipped: int = 0) -> None:
        """Show a batch, keep it in the room's history and tell the user if they are away."""
        self.transcript_model.append_rows(rows, skipped=skipped)
        if not rows:
            return
        self.history_view.record(rows)
        if not self.isActiveWindow() and not self.actions_.mute.isChecked():
            messages = [(r.sender, r.text) for r in rows if r.kind in _NOTIFYING]
            if messages:
                self.notifications.notify(messages)

    @property
    def room(self) -> str:
        """The history key of the current (or last) room; empty before the first session."""
        return self.history_view.room

    @room.setter
    def room(self, room: str) -> None:
        self.history_view.room = room

    def _open_room(self, room: str) -> None:
        self.transcript_search.forget_pending()
        self.history_view.open_room(room)

    @Slot()
    def load_older_history(self) -> None:
        """Put the page of history before the oldest row shown above it (scrolled to the top)."""
        self.history_view.load_older()

    _row_from_history = staticmethod(row_from_history)

    @Slot()
    def open_search(self) -> None:
        """Show the search bar (Ctrl+F)."""
        self.transcript_search.open_search()

    @Slot(str)
    def search(self, query: str) -> None:
        """Find ``query`` in this room's history (or, without one, in the rows shown)."""
        self.transcript_search.search(query)

    @property
    def match_position(self) -> tuple[int, int]:
        """The current match (from 1; 0 = none) and how many there are."""
        return self.transcript_search.match_position

    @Slot()
    def bring_to_front(self) -> None:
        """Raise and activate the window (the user clicked the tray icon or a notification)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # ----------------------------------------------------------------- menu actions

    def _connect_actions(self, actions: WindowActions) -> None:
        actions.export_text.triggered.connect(self.export_text)
        actions.export_csv.triggered.connect(self.export_csv)
        actions.export_json.triggered.connect(self.export_json)
        actions.delete_history.triggered.connect(self.delete_history)
        actions.quit.triggered.connect(self.close)
        actions.copy.triggered.connect(self.copy)
        finder = self.transcript_search
        actions.find.triggered.connect(finder.open_search)
        actions.find_next.triggered.connect(finder.find_next)
        actions.find_previous.triggered.connect(finder.find_previous)
        actions.clear_view.triggered.connect(self.clear_transcript)
        for action in actions.themes.values():
            action.triggered.connect(self.on_theme_chosen)
        for action in actions.languages.values():
            action.triggered.connect(self.on_language_chosen)
        actions.send_with_enter.triggered.connect(self.on_send_key_chosen)
        actions.send_with_ctrl_enter.triggered.connect(self.on_send_key_chosen)
        actions.keep_history.toggled.connect(self.set_keep_history)
        actions.mute.toggled.connect(self.on_mute_toggled)
        actions.about.triggered.connect(self.show_about)
        has_history = self.history is not None
        for action in (actions.export_text, actions.export_csv, actions.export_json, actions.delete_history):
            action.setEnabled(has_history)
        actions.keep_history.setEnabled(has_history)

    @Slot()
    def copy(self) -> None:
        """Copy from the focused field, or the selected conversation rows."""
        focus = QApplication.focusWidget()
        copy = getattr(focus, "copy", None)
        if focus is not None and focus is not self.transcript_view and callable(copy):
            copy()
        else:
            self.transcript_view.copy_selection()

    @Slot()
    def export_text(self) -> None:
        """Export this room's history as plain text."""
        self.export_history("txt")

    @Slot()
    def export_csv(self) -> None:
        """Export this room's history as CSV."""
        self.export_history("csv")

    @Slot()
    def export_json(self) -> None:
        """Export this room's history as JSON."""
        self.export_history("json")

    def export_history(self, fmt: str) -> None:
        """Ask where to, then export the current (or last) room's history as ``fmt``."""
        self.history_view.export(fmt)

    def ask_export_path(self, fmt: str) -> Path | None:
        """The file to export to, from a save dialog (None: cancelled); tests replace this."""
        return self.history_view.ask_export_path(fmt)

    @Slot()
    def delete_history(self) -> None:
        """Ask, then delete this room's history or every room's."""
        self.history_view.delete()

    def confirm_delete(self) -> str:
        """Ask what to delete: "room", "all" or "" (cancel); tests replace this."""
        return self.history_view.confirm_delete()

    @Slot()
    def show_about(self) -> None:
        """The About box: name, version, what it is."""
        QMessageBox.about(
            self,
            self.tr("About chatgui"),
            self.tr("chatgui {version}\n\nChat on a LAN over TCP or UDP, and see how the two differ.").format(
                version=__version__
            ),
        )

    @Slot()
    def on_theme_chosen(self) -> None:
        """Apply and remember the theme chosen in the View menu."""
        action = self.sender()
        if isinstance(action, QAction):
            self.set_theme(Theme.parse(action.data()))

    def set_theme(self, theme: Theme) -> None:
        """Switch to ``theme`` now and keep it for the next start."""
        self.actions_.themes[theme].setChecked(True)
        self.settings.setValue(settings_keys.THEME, theme.value)
        if self.themes is not None:
            self.themes.apply(theme)

    @Slot()
    def on_language_chosen(self) -> None:
        """Remember the language chosen in the View menu; it applies at the next start."""
        action = self.sender()
        if not isinstance(action, QAction):
            return
        self.settings.setValue(settings_keys.LANGUAGE, str(action.data()))
        self.status_label.show_sentence(
            self.tr("The new language applies the next time chatgui starts."), error=False
        )

    @Slot()
    def on_send_key_chosen(self) -> None:
        """Apply and remember which key sends."""
        self.set_send_with_ctrl_enter(self.actions_.send_with_ctrl_enter.isChecked())

    def set_send_with_ctrl_enter(self, ctrl_enter: bool) -> None:
        """Ctrl+Enter sends (Enter: new line) when True; Enter sends when False."""
        (self.actions_.send_with_ctrl_enter if ctrl_enter else self.actions_.send_with_enter).setChecked(True)
        self.compose_edit.send_with_ctrl_enter = ctrl_enter
        self.settings.setValue(settings_keys.CTRL_ENTER, ctrl_enter)
        if ctrl_enter:
            self.send_button.setToolTip(self.tr("Send the message (Ctrl+Enter). Enter starts a new line."))
        else:
            self.send_button.setToolTip(self.tr("Send the message (Enter). Shift+Enter starts a new line."))
        self.presenter.apply_state(self.presenter.state)

    @Slot(bool)
    def set_keep_history(self, keep: bool) -> None:
        """Keep (or stop keeping) every row in the history file."""
        self.actions_.keep_history.setChecked(keep)
        self.actions_.history_off_note.setVisible(not keep)
        self.settings.setValue(settings_keys.KEEP_HISTORY, keep)
        if self.history is not None:
            self.history.enabled = keep

    @Slot(bool)
    def on_mute_toggled(self, muted: bool) -> None:
        """Stop (or resume) desktop notifications."""
        self.settings.setValue(settings_keys.MUTE, muted)
        if muted:
            self.notifications.cancel_pending()

    @Slot()
    def copy_addresses(self) -> None:
        """Put the addresses others can join at on the clipboard, one a line."""
        self.addresses_bar.copy_addresses()

    # ----------------------------------------------------------------- backend → window

    @Slot(object)
    def _on_state_applied(self, state: SessionState) -> None:
        idle = state == SessionState.IDLE
        self.connection_bar.follow_state(state)
        active = state == SessionState.ACTIVE
        self.compose_edit.setEnabled(active)
        self.send_button.setEnabled(active)
        # One primary action at a time: Connect while idle, Send while connected.
        # The rooms panel's Host / Join hold the primary role while idle.
        set_primary(self.connect_button, False)
        set_primary(self.send_button, active)
        if active:
            if self.compose_edit.send_with_ctrl_enter:
                self.compose_edit.setPlaceholderText(
                    self.tr("Type a message — Ctrl+Enter sends, Enter starts a new line")
                )
            else:
                self.compose_edit.setPlaceholderText(
                    self.tr("Type a message — Enter sends, Shift+Enter starts a new line")
                )
            self.compose_edit.setFocus()
        elif state == SessionState.STARTING:
            self.compose_edit.setPlaceholderText(self.tr("Connecting… you can type once connected"))
        else:
            self.compose_edit.setPlaceholderText(
                self.tr("Not connected — join or host a room to start chatting")
            )
        self.roster_panel.setVisible(self.presenter.session.mode == "tcp" and not idle)
        self.rooms_panel.set_idle(idle)
        if idle:
            self.reconnect_banner.dismiss()
            self.addresses_bar.hide()
            self.roster_model.setStringList([])

    @Slot(str, bool, bool)
    def _on_status_shown(self, sentence: str, error: bool, good: bool) -> None:
        self.status_label.show_sentence(sentence, error=error, good=good)

    @Slot(object, object, object)
    def _on_receipt_changed(self, msg_id: int, receipt: Receipt, rtt: float) -> None:
        self.transcript_model.set_receipt(msg_id, receipt, rtt)

    @Slot()
    def _on_message_refused(self) -> None:
        if not self.compose_edit.toPlainText():
            self.compose_edit.setPlainText(self._last_sent)

    @Slot(int, bool)
    def _on_addresses_shown(self, port: int, udp: bool) -> None:
        bind = "" if udp else self.host_edit.text().strip()
        self.addresses_bar.show_addresses(port, udp=udp, bind=bind)

    def _announced_nick(self) -> str:
        return self.nick_edit.text().strip() or self.session_config().nick

    def changeEvent(self, event: QEvent) -> None:
        """Re-derive the few palette-based colours when the palette changes (Qt override)."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.on_activated()
        super().changeEvent(event)

    def on_activated(self) -> None:
        """The user is here: nothing is unread any more."""
        self.notifications.on_activated()

    def _apply_palette(self) -> None:
        self.addresses_bar.apply_palette(self.palette())

    # ----------------------------------------------------------------- settings

    def _load_settings(self) -> None:
        self.connection_bar.load_settings(self.settings)
        geometry = self.settings.value(settings_keys.GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        settings = self.settings
        self.set_theme(Theme.parse(settings.value(settings_keys.THEME, Theme.SYSTEM.value)))
        self.set_send_with_ctrl_enter(settings_keys.read_flag(settings, settings_keys.CTRL_ENTER, False))
        keep = settings_keys.keep_history(settings)
        if self.history is not None and not self.history.enabled:
            keep = False  # the app started without keeping history: say so
        self.set_keep_history(keep)
        self.actions_.mute.setChecked(settings_keys.read_flag(settings, settings_keys.MUTE, False))
        language = settings_keys.read_text(settings, settings_keys.LANGUAGE, i18n.SYSTEM)
        self.actions_.languages.get(language, self.actions_.languages[i18n.SYSTEM]).setChecked(True)

    def _save_settings(self) -> None:
        self.connection_bar.save_settings(self.settings)
        self.settings.setValue(settings_keys.GEOMETRY, self.saveGeometry())
        self.settings.sync()

    @Slot(int)
    def on_tab_changed(self, index: int) -> None:
        """Build the lab the first time its tab is opened."""
        if self.tabs.widget(index) is self.lab_page and self.lab is None:
            self.open_lab()

    def open_lab(self) -> LabWidget:
        """The lab widget, built on first use (its controller runs lab traffic in threads)."""
        if self.lab is None:
            # Imported here, not at the top: a chat-only start never loads the lab.
            from chatgui.lab.bridge import LabController
            from chatgui.ui.lab import LabWidget

            self.lab_controller = LabController(self)
            self.lab = LabWidget(self.lab_controller)
            layout = self.lab_page.layout()
            assert layout is not None
            layout.addWidget(self.lab)
            self.lab.show()  # added to a page that may already be visible: show it now
        return self.lab

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the settings and stop the workers before the window goes (Qt override)."""
        self._save_settings()
        self.presenter.withdraw()
        if self.lab_controller is not None:
            self.lab_controller.shutdown()
        hide = getattr(self.notifier, "hide", None)
        if callable(hide):
            hide()
        self.backend.shutdown()
        super().closeEvent(event)
