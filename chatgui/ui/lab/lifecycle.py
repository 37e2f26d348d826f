"""What the sockets did: TCP's connect/accept/data/FIN/close against UDP's lone datagrams."""

from __future__ import annotations

import errno
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from chatgui.lab.model import PROTOCOLS, TCP, UDP, LifecycleStep
from chatgui.os_errors import os_error_words
from chatgui.ui.widgets import named


def _tr(text: str) -> str:
    return QCoreApplication.translate("LifecycleView", text)


def step_sentence(step: LifecycleStep) -> str:
    """A learner's sentence for one step (translated); unknown keys show the key itself."""
    sentences = {
        "socket": _tr("socket() made a socket"),
        "bind": _tr("bind() took a port"),
        "listen": _tr("listen(): ready for connections"),
        "connect": _tr("connect(): the three-way handshake (SYN, SYN-ACK, ACK)"),
        "accept": _tr("accept() returned a new socket for this connection"),
        "send": _tr("send() handed bytes to the kernel"),
        "recv": _tr("recv() returned bytes"),
        "fin": _tr('shutdown(): FIN, "I will send no more"'),
        "eof": _tr("recv() returned b'' — the other side closed"),
        "close": _tr("close()"),
        "refused": _tr("connection refused: nobody listens there (the kernel answered RST)"),
        "sendto": _tr("sendto() sent a datagram — no connection, no handshake"),
        "recvfrom": _tr("recvfrom() returned one whole datagram"),
        "nothing": _tr("nothing arrived, and nobody said so"),
        "error": _tr("the operating system reported an error"),
    }
    return sentences.get(step.what, step.what)


def _os_error(step: LifecycleStep) -> str:
    """The OS's error in the user's language (by number); its own words only without a number."""
    known = {
        errno.ECONNREFUSED: _tr("connection refused (nothing listens on that port)"),
        errno.ECONNRESET: _tr("connection reset by the other side"),
        errno.ETIMEDOUT: _tr("timed out"),
        errno.EHOSTUNREACH: _tr("no route to that computer"),
        errno.ENETUNREACH: _tr("the network is unreachable"),
    }
    return known.get(step.errno) or (os_error_words(step.errno) if step.errno else step.os_text)


def step_detail(step: LifecycleStep) -> str:
    """The detail column for one step (translated; addresses and numbers stay as they are)."""
    address, nbytes = step.address, step.nbytes
    if step.detail == "listening":
        return _tr("listening on {0}").format(address)
    if step.detail == "bound":
        return _tr("bound to {0}").format(address)
    if step.detail == "unconnected":
        return _tr("no connection")
    if step.detail == "bytes":
        return _tr("{0} bytes").format(nbytes)
    if step.detail == "peer_closed":
        return _tr("{0} bytes (the peer closed its side)").format(nbytes)
    if step.detail == "shutdown":
        return "shutdown(SHUT_WR)"
    if step.detail == "no_close_handshake":
        return _tr("no close handshake: the other side is not told")
    if step.detail == "no_error":
        return _tr("{0}: {1} bytes, no error").format(address, nbytes)
    if step.detail == "no_error_connected":
        return _tr("{0} (connected socket): {1} bytes, no error").format(address, nbytes)
    if step.detail == "no_answer":
        return _tr("no answer, no error in {0} s").format(f"{step.seconds:g}")
    if step.detail == "os_error":
        words = _os_error(step)
        if step.what == "error":
            return _tr("the OS reported later: {0}").format(words)
        return f"{address}: {words}" if address else words
    return address


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class LifecycleView(QWidget):
    """Two timelines side by side, and the "nobody listens" demonstration."""

    lifecycle_requested = Signal()
    nobody_listens_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[LifecycleStep] = []
        outer = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "TCP is a connection: a handshake before any data, and a goodbye (FIN) after. "
                "UDP has no connection at all: each datagram goes out on its own, and nobody "
                "tells the sender whether it arrived."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        bar = QHBoxLayout()
        self.lifecycle_button = named(
            QPushButton(self.tr("Show a connection's life")),
            "lifecycleButton",
            self.tr("Show a connection's life"),
        )
        self.lifecycle_button.setToolTip(
            self.tr("Connects, sends a few bytes and closes over TCP; sends one datagram over UDP.")
        )
        self.nobody_button = named(
            QPushButton(self.tr("Send to a port where nobody listens")),
            "nobodyListensButton",
            self.tr("Send to a port where nobody listens"),
        )
        self.nobody_button.setToolTip(
            self.tr(
                "TCP fails at once (connection refused); UDP says it sent the datagram while nothing arrives."
            )
        )
        self.lifecycle_button.clicked.connect(self._ask_lifecycle)
        self.nobody_button.clicked.connect(self._ask_nobody)
        bar.addWidget(self.lifecycle_button)
        bar.addWidget(self.nobody_button)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.summary = named(QLabel(), "lifecycleSummary", self.tr("Lifecycle summary"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        grid = QGridLayout()
        self.tables: dict[str, QTableWidget] = {}
        for column, protocol in enumerate(PROTOCOLS):
            box = QGroupBox(protocol.upper())
            layout = QVBoxLayout(box)
            table = named(
                QTableWidget(0, 4),
                f"{protocol}LifecycleTable",
                self.tr("{0} timeline").format(protocol.upper()),
            )
            table.setHorizontalHeaderLabels(
                [self.tr("ms"), self.tr("Side"), self.tr("What happened"), self.tr("Detail")]
            )
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setWordWrap(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            layout.addWidget(table)
            grid.addWidget(box, 0, column)
            self.tables[protocol] = table
        outer.addLayout(grid, 1)

    @Slot()
    def _ask_lifecycle(self) -> None:
        self._busy(self.tr("Recording a TCP connection and a UDP datagram…"))
        self.lifecycle_requested.emit()

    @Slot()
    def _ask_nobody(self) -> None:
        self._busy(self.tr("Sending to a port where nobody listens…"))
        self.nobody_listens_requested.emit()

    def _busy(self, sentence: str) -> None:
        self.lifecycle_button.setEnabled(False)
        self.nobody_button.setEnabled(False)
        self.summary.setText(sentence)

    def abandon(self, sentence: str) -> None:
        """The demonstration failed: say why and allow another try."""
        self.lifecycle_button.setEnabled(True)
        self.nobody_button.setEnabled(True)
        self.summary.setText(sentence)

    def show_steps(self, steps: Sequence[LifecycleStep]) -> None:
        """Fill both timelines from what the engine recorded."""
        self.steps = list(steps)
        for protocol in PROTOCOLS:
            mine = [s for s in self.steps if s.protocol == protocol]
            table = self.tables[protocol]
            table.setRowCount(len(mine))
            side_names = {"client": self.tr("client"), "server": self.tr("server")}
            for row, step in enumerate(mine):
                table.setItem(row, 0, _item(f"{step.t * 1000:.2f}"))
                table.setItem(row, 1, _item(side_names.get(step.side, step.side)))
                table.setItem(row, 2, _item(step_sentence(step)))
                table.setItem(row, 3, _item(step_detail(step)))
            table.resizeRowsToContents()
        self.lifecycle_button.setEnabled(True)
        self.nobody_button.setEnabled(True)
        self.summary.setText(self._summary())

    def _summary(self) -> str:
        whats = {p: {s.what for s in self.steps if s.protocol == p} for p in PROTOCOLS}
        if "refused" in whats[TCP] or "nothing" in whats[UDP]:
            tcp = (
                self.tr("TCP failed at once: connection refused.")
                if "refused" in whats[TCP]
                else self.tr("TCP did not report a refusal.")
            )
            udp = (
                self.tr("UDP's sendto() reported success, and nothing arrived.")
                if "nothing" in whats[UDP]
                else self.tr("UDP: see its timeline.")
            )
            return f"{tcp} {udp}"
        return self.tr(
            "TCP: {0} steps, handshake and goodbye included. UDP: {1} steps, datagrams only."
        ).format(
            sum(1 for s in self.steps if s.protocol == TCP), sum(1 for s in self.steps if s.protocol == UDP)
        )

    def whats(self, protocol: str) -> list[str]:
        """The step keys shown for ``protocol`` (tests)."""
        return [s.what for s in self.steps if s.protocol == protocol]
