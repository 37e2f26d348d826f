"""The chat window: connection bar, transcript, roster, message box and status line."""

from __future__ import annotations

import getpass
from collections import deque
from collections.abc import Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QSettings, QStringListModel, Qt, SignalInstance, Slot
from PySide6.QtGui import QAction, QCloseEvent, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatgui.net.events import (
    ChatReceived,
    ChatSent,
    Connected,
    Listening,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptMissing,
    ReceiptReceived,
    RosterChanged,
    SessionConfig,
    SessionEnded,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.protocol.raw import ENCODINGS, LINE_ENDINGS
from chatgui.sentences import describe, describe_event
from chatgui.ui.addresses import lan_addresses
from chatgui.ui.compose import ComposeEdit
from chatgui.ui.transcript_model import Receipt, Row, RowKind, TranscriptModel
from chatgui.ui.transcript_view import TranscriptView, warning_colour

DEFAULT_PORT = 50007
_ENCODING_LABELS = {"utf-8": "UTF-8", "gbk": "GBK", "gb18030": "GB18030", "big5": "Big5"}
# Problems about one message the user just typed: give the text back instead of losing it.
_MESSAGE_EVENTS = frozenset({ChatReceived, RawReceived, ChatSent})
# A flood is made of these; a batch of nothing else takes the fast path.
_FLOOD_EVENTS = frozenset({ChatReceived, RawReceived})
_ONLY_CHAT = frozenset({ChatReceived})
_SYSTEM_ROW_EVENTS = frozenset({Listening, Connected, PeerJoined, PeerLeft, SessionEnded})
_REFUSED_BEFORE_SENDING = {Problem.TEXT_TOO_LONG, Problem.DATAGRAM_TOO_LARGE, Problem.NOT_ENCODABLE}


_W = TypeVar("_W", bound=QWidget)


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

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop everything and join the worker thread."""


def default_nick() -> str:
    """The OS user name, or "guest" when the OS will not say."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):
        # getuser() raises when no login name is set (containers, some services).
        return "guest"
    return name.strip() or "guest"


class MainWindow(QMainWindow):
    """The chat window.

    Args:
        backend: The session facade; the window starts, stops and sends through it only.
        settings: Where the connection fields and window geometry persist (tests pass a
            temporary ini file).
        parent: Optional parent widget.
    """

    def __init__(self, backend: BackendLike, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.settings = settings
        self._state = SessionState.IDLE
        self._mode_at_start = "tcp"
        self._role_at_start = "host"
        self._port_at_start = DEFAULT_PORT
        self._listening_port = 0
        self._connected_to = ""
        self._udp_target = ""
        self._roster: tuple[str, ...] = ()
        self._last_sent = ""
        self._error_shown = False
        self._states_in_batch: deque[SessionState] = deque()
        self._addresses: list[str] = []

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("chatgui"))
        self.transcript_model = TranscriptModel(parent=self)
        self.roster_model = QStringListModel(self)
        self._build()
        self._load_settings()
        self._update_fields()
        self._apply_state(backend.state)
        self._apply_palette()

        backend.events_received.connect(self.on_events_received)
        backend.state_changed.connect(self.on_state_changed)

    # ----------------------------------------------------------------- building

    def _named(self, widget: _W, name: str, accessible: str) -> _W:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        return widget

    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(12, 10, 12, 6)
        outer.setSpacing(8)

        self.mode_combo = self._named(QComboBox(), "modeCombo", self.tr("Protocol"))
        self.mode_combo.addItem(self.tr("TCP"), "tcp")
        self.mode_combo.addItem(self.tr("UDP"), "udp")
        self.mode_combo.setToolTip(
            self.tr("TCP: a room with delivery guaranteed in order. UDP: single datagrams, no guarantee.")
        )
        self.role_combo = self._named(QComboBox(), "roleCombo", self.tr("Role"))
        self.host_label = QLabel(self.tr("Host"))
        self.host_edit = self._named(QLineEdit(), "hostEdit", self.tr("Address"))
        self.host_edit.setMinimumWidth(150)
        self.host_label.setBuddy(self.host_edit)
        self.port_spin = self._named(QSpinBox(), "portSpin", self.tr("Port"))
        # 0 lets a host take any free port (the status line then says which one).
        self.port_spin.setRange(0, 65535)
        self.port_spin.setSpecialValueText(self.tr("any"))
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_label = QLabel(self.tr("Port"))
        self.port_label.setBuddy(self.port_spin)
        self.connect_button = self._named(
            QPushButton(self.tr("Connect")), "connectButton", self.tr("Connect")
        )
        self.connect_button.setDefault(True)
        self.connect_button.setMinimumWidth(110)
        font = self.connect_button.font()
        font.setBold(True)
        self.connect_button.setFont(font)

        self.nick_edit = self._named(QLineEdit(), "nickEdit", self.tr("Nickname"))
        self.nick_edit.setMaxLength(40)
        self.nick_edit.setPlaceholderText(self.tr("your name in the room"))
        self.nick_edit.setToolTip(self.tr("The name others see next to your messages."))
        nick_label = QLabel(self.tr("Nickname"))
        nick_label.setBuddy(self.nick_edit)
        self.local_port_spin = self._named(QSpinBox(), "localPortSpin", self.tr("My UDP port"))
        self.local_port_spin.setRange(0, 65535)
        self.local_port_spin.setSpecialValueText(self.tr("any"))
        self.local_port_spin.setToolTip(
            self.tr("The UDP port this computer receives on; 0 (any) lets the system pick a free one.")
        )
        self.local_port_label = QLabel(self.tr("My port"))
        self.local_port_label.setBuddy(self.local_port_spin)
        self.raw_check = self._named(QCheckBox(self.tr("Raw text")), "rawCheck", self.tr("Raw text mode"))
        self.raw_check.setToolTip(
            self.tr(
                "Send exactly what you type, with no chatgui framing — to talk to nc, socat "
                "or a plain socket script."
            )
        )
        self.line_ending_combo = self._named(QComboBox(), "lineEndingCombo", self.tr("Line ending"))
        self.line_ending_combo.addItem(self.tr("No line ending"), "none")
        self.line_ending_combo.addItem(self.tr("LF (\\n)"), "lf")
        self.line_ending_combo.addItem(self.tr("CRLF (\\r\\n)"), "crlf")
        self.line_ending_combo.setCurrentIndex(1)
        self.line_ending_combo.setToolTip(self.tr("What raw mode puts after each message you send."))
        self.encoding_combo = self._named(QComboBox(), "encodingCombo", self.tr("Text encoding"))
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(_ENCODING_LABELS.get(encoding, encoding), encoding)
        self.encoding_combo.setToolTip(
            self.tr("How raw text is turned into bytes and back — also for raw text received.")
        )
        encoding_label = QLabel(self.tr("Encoding"))
        encoding_label.setBuddy(self.encoding_combo)

        # The connection bar: what to connect to and the primary action on the first row,
        # who you are and the raw-text options (secondary) on the second.
        self.connection_bar = QWidget()
        self.connection_bar.setObjectName("connectionBar")
        bar = QVBoxLayout(self.connection_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        first = QHBoxLayout()
        first.setSpacing(6)
        first.addWidget(self.mode_combo)
        first.addWidget(self.role_combo)
        first.addSpacing(12)
        first.addWidget(self.host_label)
        first.addWidget(self.host_edit, 1)
        first.addSpacing(6)
        first.addWidget(self.port_label)
        first.addWidget(self.port_spin)
        first.addSpacing(12)
        first.addWidget(self.connect_button)
        bar.addLayout(first)

        second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(nick_label)
        self.nick_edit.setMaximumWidth(200)
        second.addWidget(self.nick_edit, 1)
        self.local_port_separator = _separator()
        second.addWidget(self.local_port_separator)
        second.addWidget(self.local_port_label)
        second.addWidget(self.local_port_spin)
        second.addWidget(_separator())
        second.addWidget(self.raw_check)
        second.addWidget(self.line_ending_combo)
        second.addWidget(_separator())
        second.addWidget(encoding_label)
        second.addWidget(self.encoding_combo)
        second.addStretch(1)
        bar.addLayout(second)
        outer.addWidget(self.connection_bar)
        outer.addWidget(_separator(Qt.Orientation.Horizontal))

        # "Others can join at": a quiet banner with selectable addresses and a copy button.
        self.addresses_bar = QFrame()
        self.addresses_bar.setObjectName("addressesBar")
        self.addresses_bar.setAutoFillBackground(True)
        banner = QHBoxLayout(self.addresses_bar)
        banner.setContentsMargins(10, 6, 6, 6)
        banner.setSpacing(10)
        self.addresses_caption = QLabel(self.tr("Others can join at"))
        self.addresses_caption.setObjectName("addressesCaption")
        caption_font = self.addresses_caption.font()
        caption_font.setBold(True)
        self.addresses_caption.setFont(caption_font)
        banner.addWidget(self.addresses_caption, 0, Qt.AlignmentFlag.AlignTop)
        self.addresses_label = self._named(QLabel(), "addressesLabel", self.tr("Addresses to join"))
        self.addresses_label.setTextFormat(Qt.TextFormat.PlainText)
        self.addresses_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.addresses_label.setWordWrap(True)
        self.addresses_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.addresses_label.setToolTip(self.tr("Tell the other person one of these; select to copy."))
        banner.addWidget(self.addresses_label, 1)
        self.copy_addresses_button = self._named(
            QToolButton(), "copyAddressesButton", self.tr("Copy the addresses")
        )
        self.copy_addresses_button.setText(self.tr("Copy"))
        self.copy_addresses_button.setToolTip(self.tr("Copy these addresses to the clipboard."))
        self.copy_addresses_button.setAutoRaise(True)
        self.copy_addresses_button.clicked.connect(self.copy_addresses)
        banner.addWidget(self.copy_addresses_button, 0, Qt.AlignmentFlag.AlignTop)
        self.addresses_bar.hide()
        outer.addWidget(self.addresses_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        conversation = QWidget()
        conversation_layout = QVBoxLayout(conversation)
        conversation_layout.setContentsMargins(0, 0, 0, 0)
        conversation_layout.setSpacing(2)
        header = QHBoxLayout()
        header.setSpacing(4)
        self.conversation_title = _section_title(self.tr("Conversation"))
        header.addWidget(self.conversation_title)
        header.addStretch(1)
        self.clear_action = QAction(self.tr("Clear"), self)
        self.clear_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton))
        self.clear_action.setToolTip(self.tr("Remove every row from the conversation view."))
        self.clear_action.triggered.connect(self.clear_transcript)
        self.clear_button = self._named(QToolButton(), "clearButton", self.tr("Clear"))
        self.clear_button.setDefaultAction(self.clear_action)
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.setAutoRaise(True)
        header.addWidget(self.clear_button)
        conversation_layout.addLayout(header)
        self.transcript_view = self._named(TranscriptView(), "transcriptView", self.tr("Conversation"))
        self.transcript_view.setModel(self.transcript_model)
        self.transcript_view.clear_requested.connect(self.clear_transcript)
        conversation_layout.addWidget(self.transcript_view, 1)
        self.splitter.addWidget(conversation)

        self.roster_panel = QWidget()
        roster_layout = QVBoxLayout(self.roster_panel)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        roster_layout.setSpacing(2)
        self.roster_title = _section_title(self.tr("In the room"))
        # Same height as the conversation header (which holds a tool button) so both lists align.
        self.roster_title.setMinimumHeight(self.clear_button.sizeHint().height())
        roster_layout.addWidget(self.roster_title)
        self.roster_view = self._named(QListView(), "rosterView", self.tr("People in the room"))
        self.roster_view.setModel(self.roster_model)
        self.roster_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roster_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.roster_view.setSpacing(2)
        roster_layout.addWidget(self.roster_view)
        self.splitter.addWidget(self.roster_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([700, 160])
        self.roster_panel.hide()
        outer.addWidget(self.splitter, 1)

        compose_row = QHBoxLayout()
        compose_row.setSpacing(8)
        self.compose_edit = self._named(ComposeEdit(), "composeEdit", self.tr("Message"))
        line = self.compose_edit.fontMetrics().lineSpacing()
        self.compose_edit.setFixedHeight(line * 3 + 14)
        self.compose_edit.submitted.connect(self.send_message)
        compose_row.addWidget(self.compose_edit, 1)
        self.send_button = self._named(QPushButton(self.tr("Send")), "sendButton", self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send the message (Enter). Shift+Enter starts a new line."))
        self.send_button.clicked.connect(self.send_current)
        self.send_button.setMinimumWidth(90)
        self.send_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        compose_row.addWidget(self.send_button)
        outer.addLayout(compose_row)

        self.setCentralWidget(central)

        self.status_label = self._named(QLabel(), "statusLabel", self.tr("Status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setWordWrap(False)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().setSizeGripEnabled(True)

        self.transcript_model.receipt_tooltips = {
            Receipt.PENDING: self.tr("Sent — waiting for a receipt."),
            Receipt.DELIVERED: self.tr("Delivered — the receipt came back after {rtt} ms."),
            Receipt.MISSING: self.tr(
                "No receipt came back. UDP does not tell the sender whether anything arrived."
            ),
        }

        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        self.role_combo.currentIndexChanged.connect(self._update_fields)
        self.connect_button.clicked.connect(self.toggle_connection)
        self.raw_check.toggled.connect(self._on_raw_changed)
        self.line_ending_combo.currentIndexChanged.connect(self._on_raw_changed)
        self.encoding_combo.currentIndexChanged.connect(self._on_encoding_changed)
        self.host_edit.returnPressed.connect(self.toggle_connection)

        # Nothing in this window is markup: a nickname like "<b>x</b>" must show as typed.
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.resize(900, 600)
        self.setMinimumSize(720, 420)

    # ----------------------------------------------------------------- fields

    def _fill_roles(self, mode: str, keep: str | None = None) -> None:
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        if mode == "udp":
            self.role_combo.addItem(self.tr("Peer"), "peer")
        else:
            self.role_combo.addItem(self.tr("Host a room"), "host")
            self.role_combo.addItem(self.tr("Join"), "join")
        index = self.role_combo.findData(keep) if keep else -1
        self.role_combo.setCurrentIndex(max(index, 0))
        self.role_combo.blockSignals(False)

    @Slot()
    def _on_mode_changed(self) -> None:
        self._fill_roles(self.mode(), self.role())
        self._update_fields()

    @property
    def listening_port(self) -> int:
        """The port this session listens or receives on (0 until it is known)."""
        return self._listening_port

    def mode(self) -> str:
        """The selected protocol: "tcp" or "udp"."""
        return str(self.mode_combo.currentData())

    def role(self) -> str:
        """The selected role: "host", "join" or "peer"."""
        return str(self.role_combo.currentData())

    def line_ending(self) -> str:
        """The raw-mode line ending characters: empty, LF or CRLF."""
        return LINE_ENDINGS[str(self.line_ending_combo.currentData())]

    def encoding(self) -> str:
        """The selected text encoding for raw text."""
        return str(self.encoding_combo.currentData())

    @Slot()
    def _update_fields(self) -> None:
        """Show, label and explain only the fields that make sense for the mode and role."""
        mode, role = self.mode(), self.role()
        self.role_combo.setToolTip(
            self.tr("UDP has no rooms: every peer sends datagrams to the others.")
            if mode == "udp"
            else self.tr("Host a room others join, or join someone's room.")
        )
        if mode == "udp":
            self.host_label.setText(self.tr("Send to"))
            self.host_edit.setPlaceholderText(self.tr("anyone who writes to me"))
            self.host_edit.setToolTip(
                self.tr(
                    "The other computer's address. Leave it empty to answer whoever sends "
                    "to this computer's UDP port."
                )
            )
            self.port_label.setText(self.tr("Their port"))
            self.port_spin.setToolTip(self.tr("The UDP port the other side receives on."))
        elif role == "host":
            self.host_label.setText(self.tr("Listen on"))
            self.host_edit.setPlaceholderText(self.tr("all interfaces"))
            self.host_edit.setToolTip(
                self.tr(
                    "Leave empty to accept people on every network of this computer, "
                    "or type one of its own addresses."
                )
            )
            self.port_label.setText(self.tr("Port"))
            self.port_spin.setToolTip(self.tr("The port your room listens on; others type it to join."))
        else:
            self.host_label.setText(self.tr("Host"))
            self.host_edit.setPlaceholderText(self.tr("the host's address, e.g. 192.168.1.5"))
            self.host_edit.setToolTip(
                self.tr("The address of the computer hosting the room (a name, IPv4 or IPv6).")
            )
            self.port_label.setText(self.tr("Port"))
            self.port_spin.setToolTip(self.tr("The port the host's room listens on."))
        udp = mode == "udp"
        self.local_port_label.setVisible(udp)
        self.local_port_spin.setVisible(udp)
        self.local_port_separator.setVisible(udp)
        self.line_ending_combo.setEnabled(self.raw_check.isChecked())

    @Slot()
    def _on_raw_changed(self) -> None:
        self.line_ending_combo.setEnabled(self.raw_check.isChecked())
        if self._state != SessionState.IDLE:
            self.backend.set_raw(self.raw_check.isChecked(), self.line_ending())

    @Slot()
    def _on_encoding_changed(self) -> None:
        if self._state != SessionState.IDLE:
            self.backend.set_encoding(self.encoding())

    def session_config(self) -> SessionConfig:
        """The session the fields describe."""
        mode, role = self.mode(), self.role()
        host = self.host_edit.text().strip()
        nick = self.nick_edit.text().strip() or default_nick()
        port = self.port_spin.value()
        raw = self.raw_check.isChecked()
        ending, encoding = self.line_ending(), self.encoding()
        if mode == "udp":
            return SessionConfig(
                mode="udp",
                role="peer",
                nick=nick,
                host=host,
                port=port,
                local_port=self.local_port_spin.value(),
                raw=raw,
                line_ending=ending,
                encoding=encoding,
            )
        if role == "host":
            return SessionConfig(
                mode="tcp",
                role="host",
                nick=nick,
                bind=host,
                port=port,
                raw=raw,
                line_ending=ending,
                encoding=encoding,
            )
        return SessionConfig(
            mode="tcp",
            role="join",
            nick=nick,
            host=host,
            port=port,
            raw=raw,
            line_ending=ending,
            encoding=encoding,
        )

    # ----------------------------------------------------------------- actions

    @Slot()
    def toggle_connection(self) -> None:
        """Connect when idle; otherwise disconnect (or cancel a connection in progress)."""
        if self._state == SessionState.IDLE:
            self.start_session()
        elif self._state != SessionState.STOPPING:
            self.backend.stop()

    def start_session(self) -> None:
        """Start the session the fields describe, after checking what can be checked here."""
        config = self.session_config()
        if config.role == "join" and not config.host:
            self._show_error(
                self.tr("Type the address of the computer hosting the room, then press Connect.")
            )
            self.host_edit.setFocus()
            return
        if config.port == 0 and (config.role == "join" or (config.mode == "udp" and config.host)):
            self._show_error(
                self.tr("Type the port the other side listens on (1–65535), then press Connect.")
            )
            self.port_spin.setFocus()
            return
        if not self.nick_edit.text().strip():
            self.nick_edit.setText(config.nick)
        self._mode_at_start = config.mode
        self._role_at_start = config.role
        self._port_at_start = config.port
        self._listening_port = 0
        self._connected_to = ""
        self._udp_target = self._target_text() if config.mode == "udp" and config.host else ""
        self._error_shown = False
        self.transcript_model.receipt_tooltips[Receipt.MISSING] = (
            self.tr("No receipt came back. UDP does not tell the sender whether anything arrived.")
            if config.mode == "udp"
            else self.tr("No receipt came back — the other side may not be a chatgui app.")
        )
        self._save_settings()
        self.backend.start(config)

    @Slot()
    def send_current(self) -> None:
        """Send what is in the message box."""
        self.send_message(self.compose_edit.toPlainText())

    @Slot(str)
    def send_message(self, text: str) -> None:
        """Send ``text`` and clear the message box (nothing happens for blank text or while idle)."""
        if self._state != SessionState.ACTIVE or not text.strip():
            return
        self._last_sent = text
        self.backend.send(text)
        self.compose_edit.clear()

    @Slot()
    def clear_transcript(self) -> None:
        """Remove every row from the transcript."""
        self.transcript_model.clear()

    # ----------------------------------------------------------------- backend → window

    @Slot(object)
    def on_state_changed(self, state: SessionState) -> None:
        """Follow the session's state: button text, editable fields, message box.

        States inside a batch were already applied in order with the batch's other events
        (so an error between STARTING and IDLE stays on the status line); the facade's
        ``state_changed`` for those arrives after the batch and is skipped here.
        """
        if self._states_in_batch and self._states_in_batch[0] == state:
            self._states_in_batch.popleft()
            return
        self._states_in_batch.clear()
        self._apply_state(state)

    def _apply_state(self, state: SessionState) -> None:
        self._state = state
        idle = state == SessionState.IDLE
        for widget in (
            self.mode_combo,
            self.role_combo,
            self.host_edit,
            self.port_spin,
            self.local_port_spin,
            self.nick_edit,
        ):
            widget.setEnabled(idle)
        labels = {
            SessionState.IDLE: self.tr("Connect"),
            SessionState.STARTING: self.tr("Cancel"),
            SessionState.ACTIVE: self.tr("Disconnect"),
            SessionState.STOPPING: self.tr("Disconnecting…"),
        }
        self.connect_button.setText(labels[state])
        self.connect_button.setAccessibleName(labels[state])
        self.connect_button.setEnabled(state != SessionState.STOPPING)
        active = state == SessionState.ACTIVE
        self.compose_edit.setEnabled(active)
        self.send_button.setEnabled(active)
        # One primary action at a time: Connect while idle, Send while connected.
        _set_primary(self.connect_button, idle, self.palette())
        _set_primary(self.send_button, active, self.palette())
        if active:
            self.compose_edit.setPlaceholderText(
                self.tr("Type a message — Enter sends, Shift+Enter starts a new line")
            )
            self.compose_edit.setFocus()
        elif state == SessionState.STARTING:
            self.compose_edit.setPlaceholderText(self.tr("Connecting… you can type once connected"))
        else:
            self.compose_edit.setPlaceholderText(self.tr("Not connected — press Connect to start chatting"))
        self.roster_panel.setVisible(self._mode_at_start == "tcp" and not idle)
        if idle:
            self.addresses_bar.hide()
            self.roster_model.setStringList([])
            self._roster = ()
        # The sentence that ended a session stays on the status line until the next attempt.
        if not (idle and self._error_shown):
            self._error_shown = False
            self._refresh_status()

    def _refresh_status(self) -> None:
        state = self._state
        if state == SessionState.IDLE:
            text = self.tr("Not connected — choose TCP or UDP, fill in the address and press Connect.")
        elif state == SessionState.STOPPING:
            text = self.tr("Disconnecting…")
        elif state == SessionState.STARTING:
            if self._role_at_start == "join":
                text = self.tr("Connecting to {address}…").format(address=self._target_text())
            else:
                text = self.tr("Opening port {port}…").format(port=self._port_at_start)
        elif self._mode_at_start == "udp":
            port = self._listening_port or "…"
            if self._udp_target:
                text = self.tr("UDP port {port} is open — sending to {address}").format(
                    port=port, address=self._udp_target
                )
            else:
                text = self.tr("UDP port {port} is open — answering whoever writes to it").format(port=port)
        elif self._role_at_start == "host":
            people = len(self._roster) or 1
            if people == 1:
                text = self.tr("Hosting on port {port} — only you in the room so far").format(
                    port=self._listening_port or self._port_at_start
                )
            else:
                text = self.tr("Hosting on port {port} — {count} people in the room").format(
                    port=self._listening_port or self._port_at_start, count=people
                )
        else:
            address = self._connected_to or self._target_text()
            if self._roster:
                text = self.tr("Connected to {address} — {count} people in the room").format(
                    address=address, count=len(self._roster)
                )
            else:
                text = self.tr("Connected to {address}").format(address=address)
        self._set_status(text, error=False)

    def _target_text(self) -> str:
        host = self.host_edit.text().strip()
        port = self.port_spin.value()
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    def _set_status(self, text: str, *, error: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
        palette = self.palette()
        if error:
            palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
        self.status_label.setPalette(palette)
        font = self.status_label.font()
        font.setBold(error)
        self.status_label.setFont(font)

    def _show_error(self, sentence: str) -> None:
        self._error_shown = True
        self._set_status(sentence, error=True)
        self.transcript_model.append_rows([Row(RowKind.ERROR, "", sentence)])

    @Slot(object)
    def on_events_received(self, events: Sequence[object]) -> None:
        """Turn a batch of backend events into transcript rows (one model insert per batch).

        Under a flood a batch is thousands of ``ChatReceived``/``RawReceived`` and every
        microsecond spent per event here is taken from the socket worker too (one GIL), so
        a batch of messages only is built in one comprehension; anything else goes through
        the per-event loop. Status and scrolling follow once per batch, never per event.
        """
        # Under a flood one batch can hold far more messages than the transcript keeps:
        # build rows only for the newest ``max_rows`` of them; the rest count as appended.
        stamp = TranscriptModel.stamp()
        kinds = set(map(type, events))
        if kinds <= _FLOOD_EVENTS:
            keep_from = max(0, len(events) - self.transcript_model.max_rows)
            tail = events[keep_from:] if keep_from else events
            if kinds == _ONLY_CHAT:
                other = RowKind.OTHER
                rows = [Row(other, e.nick, e.text, stamp) for e in tail]  # type: ignore[attr-defined]
            else:
                rows = [_message_row(e, stamp) for e in tail]  # type: ignore[arg-type]
            if rows or keep_from:
                self.transcript_model.append_rows(rows, skipped=keep_from)
            return
        self._mixed_batch(events, stamp)

    def _mixed_batch(self, events: Sequence[object], stamp: str) -> None:
        rows: list[Row] = []
        pending: dict[int, Row] = {}
        status_dirty = False
        keep_from = self._first_kept_message(events)
        skipped = 0
        for position, event in enumerate(events):
            kind = type(event)
            if position < keep_from and kind in _MESSAGE_EVENTS:
                skipped += 1
                continue
            if kind is ChatReceived or kind is RawReceived:
                rows.append(_message_row(event, stamp))  # type: ignore[arg-type]
            elif kind is ChatSent:
                assert isinstance(event, ChatSent)
                row = Row(
                    RowKind.OWN,
                    event.nick,
                    event.text,
                    time_text=stamp,
                    receipt=Receipt.PENDING if event.expects_receipt else Receipt.NONE,
                    msg_id=event.msg_id,
                )
                if event.expects_receipt:
                    pending[event.msg_id] = row
                rows.append(row)
            elif kind is ReceiptReceived or kind is ReceiptMissing:
                assert isinstance(event, ReceiptReceived | ReceiptMissing)
                self._apply_receipt(event, pending)
            elif kind is ProblemOccurred:
                assert isinstance(event, ProblemOccurred)
                rows.append(self._problem_row(event))
            elif kind is StateChanged:
                assert isinstance(event, StateChanged)
                self._states_in_batch.append(event.state)
                self._apply_state(event.state)
            elif kind is RosterChanged:
                assert isinstance(event, RosterChanged)
                self._roster = event.nicks
                self.roster_model.setStringList(list(event.nicks))
                status_dirty = True
            else:
                if kind is Listening:
                    assert isinstance(event, Listening)
                    self._listening_port = event.port
                    self._show_addresses(event.port)
                    status_dirty = True
                elif kind is Connected:
                    assert isinstance(event, Connected)
                    self._connected_to = event.remote
                    status_dirty = True
                elif kind is SessionEnded:
                    assert isinstance(event, SessionEnded)
                    if event.by_user:
                        self._error_shown = False
                sentence = describe_event(event)
                if sentence is not None and kind in _SYSTEM_ROW_EVENTS:
                    rows.append(Row(RowKind.SYSTEM, "", sentence, time_text=stamp))
        if rows or skipped:
            self.transcript_model.append_rows(rows, skipped=skipped)
        if status_dirty and not self._error_shown:
            self._refresh_status()

    def _first_kept_message(self, events: Sequence[object]) -> int:
        limit = self.transcript_model.max_rows
        if len(events) <= limit:
            return 0
        seen = 0
        for position in range(len(events) - 1, -1, -1):
            if type(events[position]) in _MESSAGE_EVENTS:
                seen += 1
                if seen > limit:
                    return position + 1
        return 0

    def _apply_receipt(self, event: ReceiptReceived | ReceiptMissing, pending: dict[int, Row]) -> None:
        if isinstance(event, ReceiptReceived):
            receipt, rtt = Receipt.DELIVERED, event.rtt
        else:
            receipt, rtt = Receipt.MISSING, 0.0
        row = pending.get(event.msg_id)
        if row is None:
            self.transcript_model.set_receipt(event.msg_id, receipt, rtt)
        elif not (receipt == Receipt.MISSING and row.receipt == Receipt.DELIVERED):
            row.receipt = receipt
            row.rtt = rtt

    def _problem_row(self, event: ProblemOccurred) -> Row:
        sentence = describe(event)
        if event.severity == Severity.INFO:
            return Row(RowKind.SYSTEM, "", sentence)
        self._error_shown = True
        self._set_status(sentence, error=True)
        if event.problem in _REFUSED_BEFORE_SENDING and not self.compose_edit.toPlainText():
            self.compose_edit.setPlainText(self._last_sent)
        return Row(RowKind.ERROR, "", sentence)

    def _show_addresses(self, port: int) -> None:
        bind = self.host_edit.text().strip() if self._mode_at_start == "tcp" else ""
        if bind:
            shown = [f"[{bind}]:{port}" if ":" in bind else f"{bind}:{port}"]
        else:
            shown = []
            for address in lan_addresses():
                text = address.with_port(port)
                if address.link_local:
                    text += self.tr(" (link-local)")
                shown.append(text)
        if not shown:
            caption = self.tr("Only this computer can join")
            text = self.tr(
                "This computer has no network address other than itself (127.0.0.1:{port})."
            ).format(port=port)
        else:
            caption = (
                self.tr("Others can send to")
                if self._mode_at_start == "udp"
                else self.tr("Others can join at")
            )
            text = "   ·   ".join(shown)
        self._addresses = shown
        self.addresses_caption.setText(caption)
        self.addresses_label.setText(text)
        self.addresses_bar.show()

    @Slot()
    def copy_addresses(self) -> None:
        """Put the addresses others can join at on the clipboard, one a line."""
        addresses = [a.split(" (", 1)[0] for a in self._addresses]
        if addresses:
            QGuiApplication.clipboard().setText("\n".join(addresses))

    def changeEvent(self, event: QEvent) -> None:
        """Re-derive the few palette-based colours when the palette changes (Qt override)."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        palette = self.palette()
        banner = QPalette(palette)
        banner.setColor(
            QPalette.ColorRole.Window,
            _mix(palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Highlight), 0.14),
        )
        self.addresses_bar.setPalette(banner)
        _set_primary(self.connect_button, self._state == SessionState.IDLE, palette)
        _set_primary(self.send_button, self._state == SessionState.ACTIVE, palette)

    # ----------------------------------------------------------------- settings

    def _load_settings(self) -> None:
        s = self.settings
        mode = str(s.value("connection/mode", "tcp"))
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(mode), 0))
        self.mode_combo.blockSignals(False)
        self._fill_roles(self.mode(), str(s.value("connection/role", "host")))
        self.host_edit.setText(str(s.value("connection/host", "")))
        self.port_spin.setValue(_int(s.value("connection/port", DEFAULT_PORT), DEFAULT_PORT))
        self.local_port_spin.setValue(_int(s.value("connection/local_port", 0), 0))
        self.nick_edit.setText(str(s.value("connection/nick", "")) or default_nick())
        self.raw_check.setChecked(_bool(s.value("raw/enabled", False)))
        ending = str(s.value("raw/line_ending", "lf"))
        self.line_ending_combo.setCurrentIndex(max(self.line_ending_combo.findData(ending), 0))
        encoding = str(s.value("raw/encoding", "utf-8"))
        self.encoding_combo.setCurrentIndex(max(self.encoding_combo.findData(encoding), 0))
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))

    def _save_settings(self) -> None:
        s = self.settings
        s.setValue("connection/mode", self.mode())
        s.setValue("connection/role", self.role())
        s.setValue("connection/host", self.host_edit.text().strip())
        s.setValue("connection/port", self.port_spin.value())
        s.setValue("connection/local_port", self.local_port_spin.value())
        s.setValue("connection/nick", self.nick_edit.text().strip())
        s.setValue("raw/enabled", self.raw_check.isChecked())
        s.setValue("raw/line_ending", str(self.line_ending_combo.currentData()))
        s.setValue("raw/encoding", self.encoding())
        s.setValue("window/geometry", self.saveGeometry())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the settings and stop the worker before the window goes (Qt override)."""
        self._save_settings()
        self.backend.shutdown()
        super().closeEvent(event)


def _separator(orientation: Qt.Orientation = Qt.Orientation.Vertical) -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine if orientation == Qt.Orientation.Vertical else QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _mix(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * amount,
        base.greenF() + (tint.greenF() - base.greenF()) * amount,
        base.blueF() + (tint.blueF() - base.blueF()) * amount,
    )


def _set_primary(button: QPushButton, primary: bool, base: QPalette) -> None:
    # Palette roles only (no style sheet): the highlight colour follows light and dark themes.
    palette = QPalette(base)
    if primary:
        # The active group's colours for the inactive window too: a grabbed or unfocused
        # window would otherwise show a washed-out primary button.
        active = QPalette.ColorGroup.Active
        for group in (active, QPalette.ColorGroup.Inactive):
            palette.setColor(
                group, QPalette.ColorRole.Button, base.color(active, QPalette.ColorRole.Highlight)
            )
            palette.setColor(
                group, QPalette.ColorRole.ButtonText, base.color(active, QPalette.ColorRole.HighlightedText)
            )
    button.setPalette(palette)


def _message_row(event: ChatReceived | RawReceived, stamp: str) -> Row:
    if type(event) is ChatReceived:
        return Row(RowKind.OTHER, event.nick, event.text, stamp)
    return Row(RowKind.RAW, event.sender, event.text, stamp)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _bool(value: object) -> bool:
    # Ini files give strings back ("true"/"false"); native backends give bools.
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)
