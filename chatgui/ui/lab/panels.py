"""The lab's settings form (workload, path, conditions) and the TCP | UDP results table."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatgui.lab.model import PROTOCOLS, Conditions, ProtocolResult, Workload
from chatgui.ui.widgets import named

DEFAULT_PEER_PORT = 50008
# Paced by default: 1,000 messages take a second, and no message queues behind the last one.
DEFAULT_RATE = 1000


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _spin(name: str, accessible: str, low: int, high: int, value: int, tip: str) -> QSpinBox:
    spin = named(QSpinBox(), name, accessible)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setToolTip(tip)
    spin.setGroupSeparatorShown(True)
    return spin


def _dspin(
    name: str, accessible: str, high: float, suffix: str, tip: str, special: str = "", decimals: int = 1
) -> QDoubleSpinBox:
    spin = named(QDoubleSpinBox(), name, accessible)
    spin.setRange(0.0, high)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    spin.setToolTip(tip)
    if special:
        # Shown instead of 0, which means "none" / "as fast as possible" here.
        spin.setSpecialValueText(special)
    return spin


class SettingsPanel(QWidget):
    """Workload, path and conditions, side by side in three groups."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._wide: bool | None = None

        workload = named(QGroupBox(self.tr("Workload (each protocol)")), "workloadGroup", self.tr("Workload"))
        form = QFormLayout(workload)
        self.count_spin = _spin(
            "countSpin", self.tr("Messages"), 1, 100_000, 1000, self.tr("How many numbered messages to send.")
        )
        self.size_spin = _spin(
            "sizeSpin",
            self.tr("Bytes per message"),
            32,
            60_000,
            100,
            self.tr("Bytes per message on the wire, the lab's sequence number and time stamp included."),
        )
        self.rate_spin = _dspin(
            "rateSpin",
            self.tr("Messages per second"),
            1_000_000,
            self.tr(" /s"),
            self.tr(
                "Messages per second. Paced, the round trips show the path; 0 sends everything in "
                "one burst, and then they show the messages queueing behind each other."
            ),
            special=self.tr("as fast as possible"),
            decimals=0,
        )
        self.rate_spin.setValue(DEFAULT_RATE)
        form.addRow(self.tr("Messages:"), self.count_spin)
        form.addRow(self.tr("Bytes each:"), self.size_spin)
        form.addRow(self.tr("Rate:"), self.rate_spin)
        self.groups = [workload]

        path = named(QGroupBox(self.tr("Path")), "pathGroup", self.tr("Path"))
        path_layout = QVBoxLayout(path)
        self.loopback_radio = named(
            QRadioButton(self.tr("This computer (a loopback pair)")),
            "loopbackRadio",
            self.tr("This computer"),
        )
        self.loopback_radio.setToolTip(
            self.tr("Both ends run inside chatgui on 127.0.0.1: no second computer or person needed.")
        )
        self.peer_radio = named(
            QRadioButton(self.tr("A computer running lab-peer:")), "peerRadio", self.tr("A peer computer")
        )
        self.peer_radio.setToolTip(
            self.tr("Start `python3 main.py lab-peer` on the other computer; it answers lab traffic.")
        )
        self.peer_edit = named(QLineEdit(), "peerEdit", self.tr("Peer address"))
        self.peer_edit.setPlaceholderText(
            self.tr("HOST[:PORT], port {0} if omitted").format(DEFAULT_PEER_PORT)
        )
        self.path_group = QButtonGroup(self)
        self.path_group.addButton(self.loopback_radio)
        self.path_group.addButton(self.peer_radio)
        self.loopback_radio.setChecked(True)
        self.peer_edit.setEnabled(False)
        self.peer_radio.toggled.connect(self.peer_edit.setEnabled)
        path_layout.addWidget(self.loopback_radio)
        path_layout.addWidget(self.peer_radio)
        path_layout.addWidget(self.peer_edit)
        self.answer_check = named(
            QCheckBox(self.tr("Let other computers run the lab against this one")),
            "answerCheck",
            self.tr("Answer lab runs from other computers"),
        )
        self.answer_check.setToolTip(
            self.tr(
                "Answers lab traffic on port {0} (TCP and UDP), like `python3 main.py lab-peer`, "
                "while this is ticked."
            ).format(DEFAULT_PEER_PORT)
        )
        path_layout.addWidget(self.answer_check)
        path_layout.addStretch(1)
        self.groups.append(path)

        conditions = named(
            QGroupBox(self.tr("Conditions (applied by chatgui, same for both)")),
            "conditionsGroup",
            self.tr("Conditions"),
        )
        grid = QGridLayout(conditions)
        percent = self.tr(" %")
        self.loss_spin = _dspin(
            "lossSpin",
            self.tr("Loss percent"),
            100,
            percent,
            self.tr(
                "Packets lost. UDP: the datagram is gone. TCP: the kernel resends it, so it arrives late."
            ),
        )
        self.dup_spin = _dspin(
            "dupSpin",
            self.tr("Duplication percent"),
            100,
            percent,
            self.tr("Packets delivered twice. UDP hands both copies to the program; TCP drops the repeat."),
        )
        self.reorder_spin = _dspin(
            "reorderSpin",
            self.tr("Reordering percent"),
            100,
            percent,
            self.tr("Packets held back and delivered after later ones. UDP: out of order; TCP: only delay."),
        )
        self.delay_spin = _dspin(
            "delaySpin",
            self.tr("Delay"),
            10_000,
            self.tr(" ms"),
            self.tr("One-way delay added to every packet."),
        )
        self.jitter_spin = _dspin(
            "jitterSpin",
            self.tr("Jitter"),
            10_000,
            self.tr(" ms"),
            self.tr("Each packet's delay varies by up to this much, more or less."),
        )
        self.bandwidth_spin = _dspin(
            "bandwidthSpin",
            self.tr("Bandwidth cap"),
            10_000_000,
            self.tr(" kbit/s"),
            self.tr("A cap on the path's speed; 0 means no cap."),
            special=self.tr("no cap"),
            decimals=0,
        )
        self.seed_spin = _spin(
            "seedSpin",
            self.tr("Seed"),
            0,
            2_000_000_000,
            1,
            self.tr("The same seed and settings repeat the same run exactly."),
        )
        cells = [
            (self.tr("Loss:"), self.loss_spin),
            (self.tr("Duplicates:"), self.dup_spin),
            (self.tr("Reorder:"), self.reorder_spin),
            (self.tr("Delay:"), self.delay_spin),
            (self.tr("± jitter:"), self.jitter_spin),
            (self.tr("Bandwidth:"), self.bandwidth_spin),
            (self.tr("Seed:"), self.seed_spin),
        ]
        for i, (caption, spin) in enumerate(cells):
            r, c = divmod(i, 2) if i < 6 else (3, 0)
            label = _plain(caption)
            label.setBuddy(spin)
            grid.addWidget(label, r, c * 2)
            grid.addWidget(spin, r, c * 2 + 1)
        self.groups.append(conditions)
        self._place(wide=True)

    def _wide_enough(self) -> int:
        """The width below which the conditions move under the other two groups."""
        return sum(group.sizeHint().width() for group in self.groups) + 2 * self._grid.horizontalSpacing()

    def _place(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        for group in self.groups:
            self._grid.removeWidget(group)
        workload, path, conditions = self.groups
        self._grid.addWidget(workload, 0, 0)
        self._grid.addWidget(path, 0, 1)
        if wide:
            self._grid.addWidget(conditions, 0, 2)
            self._grid.setColumnStretch(1, 0)
            self._grid.setColumnStretch(2, 1)
        else:
            self._grid.addWidget(conditions, 1, 0, 1, 2)
            self._grid.setColumnStretch(1, 1)
            self._grid.setColumnStretch(2, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Three groups side by side when they fit, else the conditions below (Qt override)."""
        self._place(event.size().width() >= self._wide_enough())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        """Narrow enough for two groups side by side (the conditions then go below)."""
        workload, path, conditions = self.groups
        width = max(
            workload.minimumSizeHint().width() + path.minimumSizeHint().width(),
            conditions.minimumSizeHint().width(),
        )
        return QSize(width + self._grid.horizontalSpacing(), super().minimumSizeHint().height())

    def workload(self) -> Workload:
        """The workload as the form says."""
        return Workload(
            count=self.count_spin.value(), size=self.size_spin.value(), rate=self.rate_spin.value()
        )

    def conditions(self) -> Conditions:
        """The conditions as the form says."""
        return Conditions(
            loss=self.loss_spin.value(),
            dup=self.dup_spin.value(),
            reorder=self.reorder_spin.value(),
            delay_ms=self.delay_spin.value(),
            jitter_ms=self.jitter_spin.value(),
            bandwidth_kbps=self.bandwidth_spin.value(),
            seed=self.seed_spin.value(),
        )

    def peer(self) -> str:
        """The peer as typed (HOST or HOST:PORT, trimmed), or an empty string for the loopback pair."""
        return self.peer_edit.text().strip() if self.peer_radio.isChecked() else ""

    def set_conditions(self, conditions: Conditions) -> None:
        """Fill the conditions fields (tests and a repeat of an exported run)."""
        self.loss_spin.setValue(conditions.loss)
        self.dup_spin.setValue(conditions.dup)
        self.reorder_spin.setValue(conditions.reorder)
        self.delay_spin.setValue(conditions.delay_ms)
        self.jitter_spin.setValue(conditions.jitter_ms)
        self.bandwidth_spin.setValue(conditions.bandwidth_kbps)
        self.seed_spin.setValue(conditions.seed)


def _ms(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _rate(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:.2f} M"
    if value >= 10_000:
        return f"{value / 1000:.1f} k"
    return f"{value:.0f}"


class ResultsTable(QWidget):
    """Sent, delivered, lost, duplicated, out of order, RTT, rates, time: a TCP and a UDP column."""

    ROWS = ("sent", "delivered", "lost", "duplicated", "reordered", "rtt", "msgs", "bytes", "seconds")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        captions = {
            "sent": self.tr("Sent"),
            "delivered": self.tr("Delivered"),
            "lost": self.tr("Lost"),
            "duplicated": self.tr("Duplicated"),
            "reordered": self.tr("Out of order"),
            "rtt": self.tr("Round trip per message p50 / p95 / max (ms)"),
            "msgs": self.tr("Messages per second"),
            "bytes": self.tr("Bytes per second"),
            "seconds": self.tr("Elapsed, first send to last echo (s)"),
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        self.values: dict[str, dict[str, QLabel]] = {}
        for column, protocol in enumerate(PROTOCOLS, start=1):
            head = _plain(protocol.upper())
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(head, 0, column)
            self.values[protocol] = {}
            for row, key in enumerate(self.ROWS, start=1):
                value = named(
                    _plain("–"), f"{protocol}{key.capitalize()}Value", f"{protocol.upper()} {captions[key]}"
                )
                value.setAlignment(Qt.AlignmentFlag.AlignRight)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(value, row, column)
                self.values[protocol][key] = value
        for row, key in enumerate(self.ROWS, start=1):
            grid.addWidget(_plain(captions[key]), row, 0)
        grid.setColumnStretch(3, 1)

    def value(self, protocol: str, key: str) -> str:
        """The text shown for ``protocol``'s ``key`` (tests)."""
        return self.values[protocol][key].text()

    def show_result(self, result: ProtocolResult) -> None:
        """Fill ``result.protocol``'s column."""
        cells = self.values[result.protocol]
        cells["sent"].setText(f"{result.sent:,}")
        cells["delivered"].setText(f"{result.delivered:,}")
        cells["lost"].setText(f"{result.lost:,}")
        cells["duplicated"].setText(f"{result.duplicated:,}")
        cells["reordered"].setText(f"{result.reordered:,}")
        cells["rtt"].setText(
            f"{_ms(result.rtt_p50_ms)} / {_ms(result.rtt_p95_ms)} / {_ms(result.rtt_max_ms)}"
        )
        cells["msgs"].setText(_rate(result.msgs_per_s))
        cells["bytes"].setText(_rate(result.bytes_per_s) + "B")
        seconds = f"{result.seconds:.2f}"
        cells["seconds"].setText(seconds if result.done else self.tr("{0} so far").format(seconds))

    def clear(self) -> None:
        """Dashes everywhere (before a run)."""
        for cells in self.values.values():
            for label in cells.values():
                label.setText("–")
