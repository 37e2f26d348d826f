"""Message boundaries (粘包 / 拆包): each send() and recv() with its bytes, and the receiver's framing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatgui.lab.model import FRAMINGS, PROTOCOLS, TCP, UDP, Framing, IoCall, length_prefixed, reassemble
from chatgui.ui.widgets import named

# Three short messages, one of them Chinese and 16 bytes with its newline: a learner sees
# UTF-8's multi-byte characters, and a recv(8) that cuts one in half (拆包).
DEMO_MESSAGES: tuple[str, ...] = ("hello", "你好，世界", "bye")
RECV_SIZES: tuple[int, ...] = (4, 8, 16, 1024)
DEFAULT_RECV_SIZE = 8


def frame(messages: Sequence[bytes], framing: Framing) -> list[bytes]:
    """What the sender writes for each message under ``framing`` (one write per message)."""
    if framing == "newline":
        return [m + b"\n" for m in messages]
    if framing == "length":
        return [length_prefixed(m) for m in messages]
    return list(messages)


def shown_text(data: bytes) -> str:
    r"""``data`` as readable text: UTF-8 where it decodes, ``\n`` and ``\xNN`` escapes elsewhere."""
    out: list[str] = []
    for ch in data.decode("utf-8", errors="backslashreplace"):
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def receiver_messages(calls: Sequence[IoCall], protocol: str, framing: Framing) -> list[bytes]:
    """The messages the receiver's framing makes of its recv calls.

    A UDP receiver frames inside each datagram (a datagram never continues into the next);
    a TCP receiver frames the byte stream, whatever the recv calls' sizes.
    """
    chunks = [c.data for c in calls if c.side == "recv" and c.protocol == protocol]
    if protocol == UDP:
        return [m for chunk in chunks for m in reassemble([chunk], framing)]
    return reassemble(chunks, framing)


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)  # a table item shows plain text; nothing here is HTML
    item.setToolTip(text)  # long merged recv() chunks are elided in the cell
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class BoundariesView(QWidget):
    """TCP | UDP: the calls each side made, and what the receiver's framing reassembles.

    ``run_requested`` asks the lab widget to send these framed writes over one protocol.
    """

    run_requested = Signal(object, str, int, bool)  # writes, protocol, recv size, read as they arrive

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls: dict[str, list[IoCall]] = {TCP: [], UDP: []}
        self.sent_framing: Framing | None = None
        self._queue: list[str] = []
        outer = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "TCP carries a stream of bytes: the receiver's recv() may return two writes stuck "
                "together (粘包) or half of one (拆包). UDP keeps every datagram whole. A receiver "
                "needs framing to find where each message ends."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        outer.addWidget(intro)

        bar = QHBoxLayout()
        self.send_button = named(
            QPushButton(self.tr("Send three quick messages")),
            "boundariesButton",
            self.tr("Send three quick messages"),
        )
        self.send_button.setToolTip(
            self.tr(
                "Writes three short messages, one send() each, as fast as possible, over TCP and over UDP."
            )
        )
        self.send_button.clicked.connect(self.start)
        bar.addWidget(self.send_button)
        framing_label = QLabel(self.tr("Framing:"))
        framing_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(framing_label)
        self.framing_combo = named(QComboBox(), "framingCombo", self.tr("Framing"))
        names = {
            "none": self.tr("none: each recv() is a message"),
            "newline": self.tr("newline: a message ends at \\n"),
            "length": self.tr("length: a 4-byte big-endian length, then the bytes"),
        }
        for framing in FRAMINGS:
            self.framing_combo.addItem(names[framing], framing)
        self.framing_combo.setToolTip(
            self.tr(
                "How the sender marks message ends and how the receiver finds them. Changing it "
                "re-reads the bytes already received; send again to frame them this way too."
            )
        )
        framing_label.setBuddy(self.framing_combo)
        self.framing_combo.currentIndexChanged.connect(self._on_framing_changed)
        bar.addWidget(self.framing_combo)
        bar.addStretch(1)
        outer.addLayout(bar)
        reader = QHBoxLayout()
        size_label = QLabel(self.tr("TCP receiver calls recv() with:"))
        size_label.setTextFormat(Qt.TextFormat.PlainText)
        reader.addWidget(size_label)
        self.recv_size_combo = named(QComboBox(), "recvSizeCombo", self.tr("Receive size"))
        for size in RECV_SIZES:
            self.recv_size_combo.addItem(self.tr("{0} bytes").format(size), size)
        self.recv_size_combo.setCurrentIndex(RECV_SIZES.index(DEFAULT_RECV_SIZE))
        self.recv_size_combo.setToolTip(
            self.tr(
                "How many bytes each recv() may return. Smaller than a message, it cuts the message "
                "across reads (拆包). UDP's recvfrom() always takes a whole datagram."
            )
        )
        size_label.setBuddy(self.recv_size_combo)
        reader.addWidget(self.recv_size_combo)
        self.arrival_combo = named(QComboBox(), "readModeCombo", self.tr("When the receiver reads"))
        self.arrival_combo.addItem(self.tr("reading as the bytes arrive"), True)
        self.arrival_combo.addItem(self.tr("reading once everything has arrived"), False)
        self.arrival_combo.setToolTip(
            self.tr(
                "As they arrive: the receiver reads each write's bytes before the next write, so "
                "writes do not merge but a small recv() splits them. Once everything arrived: the "
                "writes wait together in the kernel and one recv() takes several (粘包)."
            )
        )
        reader.addWidget(self.arrival_combo)
        reader.addStretch(1)
        outer.addLayout(reader)
        self.status = named(QLabel(), "boundariesStatus", self.tr("Boundaries status"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        self.framing_note = named(QLabel(), "framingNote", self.tr("Why the messages changed"))
        self.framing_note.setTextFormat(Qt.TextFormat.PlainText)
        self.framing_note.setWordWrap(True)
        self.framing_note.hide()
        outer.addWidget(self.framing_note)

        columns = QGridLayout()
        self.call_tables: dict[str, QTableWidget] = {}
        self.message_tables: dict[str, QTableWidget] = {}
        for column, protocol in enumerate(PROTOCOLS):
            box = QGroupBox(protocol.upper())
            box_layout = QVBoxLayout(box)
            calls = named(
                QTableWidget(0, 4), f"{protocol}CallsTable", self.tr("{0} calls").format(protocol.upper())
            )
            calls.setHorizontalHeaderLabels(
                [self.tr("Call"), self.tr("Bytes"), self.tr("Text"), self.tr("Hex")]
            )
            messages = named(
                QTableWidget(0, 2),
                f"{protocol}MessagesTable",
                self.tr("{0} messages").format(protocol.upper()),
            )
            messages.setHorizontalHeaderLabels([self.tr("Message"), self.tr("Text")])
            for table in (calls, messages):
                table.setWordWrap(False)
                table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
                table.verticalHeader().setVisible(False)
                table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
                table.horizontalHeader().setStretchLastSection(True)
            box_layout.addWidget(calls, 3)
            caption = QLabel(self.tr("What the receiver's framing makes of it:"))
            caption.setTextFormat(Qt.TextFormat.PlainText)
            box_layout.addWidget(caption)
            box_layout.addWidget(messages, 2)
            columns.addWidget(box, 0, column)
            self.call_tables[protocol] = calls
            self.message_tables[protocol] = messages
        outer.addLayout(columns, 1)

    def framing(self) -> Framing:
        """The receiver's framing the user chose."""
        value: Framing = self.framing_combo.currentData()
        return value

    def recv_size(self) -> int:
        """The TCP receiver's recv() size the user chose."""
        return int(self.recv_size_combo.currentData())

    def as_they_arrive(self) -> bool:
        """Whether the TCP receiver reads as the bytes arrive (else once all arrived)."""
        return bool(self.arrival_combo.currentData())

    def framing_name(self, framing: Framing) -> str:
        """A framing's short name in a sentence."""
        names = {
            "none": self.tr("no framing"),
            "newline": self.tr("newline framing"),
            "length": self.tr("length-prefix framing"),
        }
        return names[framing]

    def writes(self) -> list[bytes]:
        """The three messages framed for the current choice."""
        return frame([m.encode("utf-8") for m in DEMO_MESSAGES], self.framing())

    @Slot()
    def start(self) -> None:
        """Forget the last demonstration and ask for TCP first, then UDP."""
        self.calls = {TCP: [], UDP: []}
        self.sent_framing = self.framing()
        self._queue = [UDP]
        for protocol in PROTOCOLS:
            self._fill(protocol)
        self.send_button.setEnabled(False)
        self.framing_note.hide()
        self.status.setText(self.tr("Sending over TCP…"))
        self.run_requested.emit(self.writes(), TCP, self.recv_size(), self.as_they_arrive())

    def show_calls(self, calls: Sequence[IoCall]) -> None:
        """Show what ``run_boundaries`` recorded (one protocol's calls, or both)."""
        for protocol in PROTOCOLS:
            mine = [c for c in calls if c.protocol == protocol]
            if mine:
                self.calls[protocol] = mine
                self._fill(protocol)
        if self._queue:
            protocol = self._queue.pop(0)
            self.status.setText(self.tr("Sending over UDP…"))
            self.run_requested.emit(
                self.writes() if self.sent_framing is None else self._sent_writes(),
                protocol,
                self.recv_size(),
                self.as_they_arrive(),
            )
            return
        self.send_button.setEnabled(True)
        self.status.setText(self._summary())

    def abandon(self, sentence: str) -> None:
        """The demonstration failed: say why and allow another try."""
        self._queue = []
        self.send_button.setEnabled(True)
        self.status.setText(sentence)

    def _sent_writes(self) -> list[bytes]:
        framing = self.sent_framing or "none"
        return frame([m.encode("utf-8") for m in DEMO_MESSAGES], framing)

    def _summary(self) -> str:
        sends = {p: sum(1 for c in self.calls[p] if c.side == "send") for p in PROTOCOLS}
        recvs = {p: sum(1 for c in self.calls[p] if c.side == "recv") for p in PROTOCOLS}
        return self.tr(
            "TCP: {0} send() calls came out as {1} recv() results. "
            "UDP: {2} sendto() calls, {3} recvfrom() results."
        ).format(sends[TCP], recvs[TCP], sends[UDP], recvs[UDP])

    def _fill(self, protocol: str) -> None:
        table = self.call_tables[protocol]
        calls = self.calls[protocol]
        table.setRowCount(len(calls))
        for row, call in enumerate(calls):
            if protocol == TCP:
                name = "send()" if call.side == "send" else "recv()"
            else:
                name = "sendto()" if call.side == "send" else "recvfrom()"
            label = (
                self.tr("sender: {0}").format(name)
                if call.side == "send"
                else self.tr("receiver: {0}").format(name)
            )
            table.setItem(row, 0, _item(label))
            table.setItem(row, 1, _item(str(len(call.data)), align_right=True))
            table.setItem(row, 2, _item(shown_text(call.data)))
            table.setItem(row, 3, _item(call.data.hex(" ")))
        self._refresh_protocol(protocol)

    @Slot()
    def _on_framing_changed(self) -> None:
        """Re-read the bytes with the new framing, and say why the messages changed."""
        for protocol in PROTOCOLS:
            self._refresh_protocol(protocol)
        sent, now = self.sent_framing, self.framing()
        if sent is None or not any(self.calls.values()):
            self.framing_note.hide()
            return
        if sent == now:
            sentence = self.tr(
                "Read with {0}, the framing they were written with: the messages come out as sent."
            )
            self.framing_note.setText(sentence.format(self.framing_name(now)))
        else:
            found = len(receiver_messages(self.calls[TCP], TCP, now))
            sentence = self.tr(
                "The table changed because the receiver now looks for {1}, but these bytes were "
                "written with {0}: it finds {2} message(s) where the sender wrote 3, cut in the "
                "wrong places or not at all. Send again to write them with {1}."
            )
            self.framing_note.setText(sentence.format(self.framing_name(sent), self.framing_name(now), found))
        self.framing_note.show()

    def _refresh_protocol(self, protocol: str) -> None:
        table = self.message_tables[protocol]
        messages = receiver_messages(self.calls[protocol], protocol, self.framing())
        table.setRowCount(len(messages))
        for row, message in enumerate(messages):
            table.setItem(row, 0, _item(str(row + 1), align_right=True))
            table.setItem(row, 1, _item(shown_text(message)))

    def messages_shown(self, protocol: str) -> list[str]:
        """The reassembled messages as the table shows them (tests)."""
        table = self.message_tables[protocol]
        items = (table.item(row, 1) for row in range(table.rowCount()))
        return [item.text() if item is not None else "" for item in items]
