"""The lab's Delivery page: the figures, what they mean, the strips and the plots of TCP and UDP.

The page arranges itself for its width: wide, each protocol's arrival and round-trip plots
sit side by side and the notes beside the figures; narrow, the notes go under the figures
and the two plots take turns (a "Show:" choice), so the page needs one scroll at most.
Either way the figures come first, and the plots get the height that is left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from chatgui.lab.model import PROTOCOLS, LabResult, ProtocolResult
from chatgui.ui.lab.notes import honest_note, model_note, pacing_note
from chatgui.ui.lab.panels import ResultsTable
from chatgui.ui.lab.pictures import ArrivalPlot, RttPlot, nice_max
from chatgui.ui.lab.strip import DelayLegend, DeliveryStrip, FateLegend, delay_shades
from chatgui.ui.widgets import named, section_title

# At least this wide, each protocol's two plots go side by side (each then still ~290 px).
WIDE_PAGE = 1000


def plain_label(text: str = "") -> QLabel:
    """A word-wrapped plain-text label (nothing in the lab is HTML)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _titled(title: str, body: QWidget) -> QWidget:
    """``body`` under its section title, as one block the page can move."""
    block = QWidget()
    layout = QVBoxLayout(block)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    heading = section_title(title)
    heading.setWordWrap(True)  # a long title wraps instead of widening the page
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    return block


class RunPage(QWidget):
    """Results table and notes, legends, and per protocol a delivery strip and two plots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labPictures")
        self.result: LabResult | None = None
        self._wide: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        self.top = QGridLayout()
        self.top.setHorizontalSpacing(16)
        self.results = named(ResultsTable(), "labResults", self.tr("Results"))
        # The figures never wrap or shrink: the notes beside them take what is left.
        self.results.setMinimumWidth(self.results.sizeHint().width())
        self.notes_box = QWidget()
        notes = QVBoxLayout(self.notes_box)
        notes.setContentsMargins(0, 0, 0, 0)
        self.notes: dict[str, QLabel] = {}
        for protocol in PROTOCOLS:
            note = named(
                plain_label(honest_note(protocol)),
                f"{protocol}Note",
                self.tr("What {0} experiences").format(protocol.upper()),
            )
            notes.addWidget(note)
            self.notes[protocol] = note
        self.pacing_note = named(plain_label(), "pacingNote", self.tr("What the round trips measure"))
        self.model_note = named(plain_label(), "modelNote", self.tr("Where TCP's loss comes from"))
        notes.addWidget(self.pacing_note)
        notes.addWidget(self.model_note)
        self.pacing_note.hide()
        self.model_note.hide()
        notes.addStretch(1)
        layout.addLayout(self.top)

        self.legend = named(FateLegend(), "fateLegend", self.tr("Legend"))
        self.delay_legend = named(DelayLegend(), "delayLegend", self.tr("Delay legend"))
        self.legends = QGridLayout()
        self.legends.setVerticalSpacing(0)
        self.same_scale_check = named(
            QCheckBox(self.tr("Same scales for TCP and UDP")),
            "sameScaleCheck",
            self.tr("Same scales for TCP and UDP"),
        )
        self.same_scale_check.setChecked(True)
        self.same_scale_check.setToolTip(
            self.tr("On: the plots compare fairly. Off: each plot zooms in on its own protocol.")
        )
        self.same_scale_check.toggled.connect(self._rescale)
        layout.addLayout(self.legends)
        # Narrow, one kind of plot at a time (both protocols), so the page needs one scroll at most.
        self.plot_choice = named(QComboBox(), "plotChoice", self.tr("Which plot to show"))
        self.plot_choice.addItem(self.tr("Show: arrival order"), "arrivals")
        self.plot_choice.addItem(self.tr("Show: round trip of each message"), "rtt")
        self.plot_choice.setToolTip(
            self.tr("The window is narrow: the two plots take turns. Wider, both show.")
        )
        self.plot_choice.currentIndexChanged.connect(self._show_chosen_plot)

        self.grid = QGridLayout()
        self.grid.setVerticalSpacing(4)
        self.strips: dict[str, DeliveryStrip] = {}
        self.arrival_plots: dict[str, ArrivalPlot] = {}
        self.rtt_plots: dict[str, RttPlot] = {}
        self._blocks: dict[str, tuple[QWidget, QWidget, QWidget]] = {}
        for protocol in PROTOCOLS:
            name = protocol.upper()
            strip = named(DeliveryStrip(), f"{protocol}Strip", self.tr("{0} delivery strip").format(name))
            strip.setToolTip(
                self.tr(
                    "Each cell is one numbered message; its colour and mark say what became of it, "
                    "and a delivered one's shade how much longer than the fastest its round trip took."
                )
            )
            arrivals = named(
                ArrivalPlot(), f"{protocol}ArrivalPlot", self.tr("{0} arrival order").format(name)
            )
            arrivals.setToolTip(
                self.tr(
                    "Each dot is one arrival: across, the order it arrived in; up, its sequence number. "
                    "Without loss or reordering every dot sits on the dashed line; lost messages lift "
                    "the line, late ones fall below their neighbours."
                )
            )
            rtt = named(RttPlot(), f"{protocol}RttPlot", self.tr("{0} round trip over time").format(name))
            self._blocks[protocol] = (
                _titled(self.tr("{0}: one cell per message, numbered left to right").format(name), strip),
                _titled(
                    self.tr("{0}: arrival order — big orange dots came late, blue ones twice").format(name),
                    arrivals,
                ),
                _titled(self.tr("{0}: round trip of each message").format(name), rtt),
            )
            self.strips[protocol] = strip
            self.arrival_plots[protocol] = arrivals
            self.rtt_plots[protocol] = rtt
        layout.addLayout(self.grid, 1)
        self._arrange(wide=True)

    # ----------------------------------------------------------------- layout

    @property
    def wide(self) -> bool:
        """Whether the plots sit side by side (the page is at least ``WIDE_PAGE`` wide)."""
        return bool(self._wide)

    def _arrange(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        for widget in (self.legend, self.delay_legend, self.same_scale_check):
            self.legends.removeWidget(widget)
        self.legends.addWidget(self.legend, 0, 0)
        self.legends.addWidget(self.delay_legend, 1, 0, 1, 2 if wide else 1)
        # Narrow, the check sits beside the one-line fate legend, leaving the delay legend the width.
        self.legends.addWidget(self.same_scale_check, 0, 1, Qt.AlignmentFlag.AlignRight)
        self.legends.removeWidget(self.plot_choice)
        if not wide:
            self.legends.addWidget(self.plot_choice, 2, 0, Qt.AlignmentFlag.AlignLeft)
        self.plot_choice.setVisible(not wide)
        self.legends.setColumnStretch(0, 1)
        self.top.removeWidget(self.results)
        self.top.removeWidget(self.notes_box)
        self.top.addWidget(self.results, 0, 0, Qt.AlignmentFlag.AlignTop)
        if wide:
            self.top.addWidget(self.notes_box, 0, 1)
            self.top.setColumnStretch(1, 1)
        else:
            self.top.addWidget(self.notes_box, 1, 0)
            self.top.setColumnStretch(1, 0)
        for column, protocol in enumerate(PROTOCOLS):
            strip, arrivals, rtt = self._blocks[protocol]
            for block in (strip, arrivals, rtt):
                self.grid.removeWidget(block)
            if wide:
                # Per protocol two columns: the strip across both, then the plots side by side.
                self.grid.addWidget(strip, 0, 2 * column, 1, 2)
                self.grid.addWidget(arrivals, 1, 2 * column)
                self.grid.addWidget(rtt, 1, 2 * column + 1)
            else:
                self.grid.addWidget(strip, 0, 2 * column, 1, 2)
                self.grid.addWidget(arrivals, 1, 2 * column, 1, 2)
                self.grid.addWidget(rtt, 1, 2 * column, 1, 2)
        self.grid.setRowStretch(0, 2)
        self.grid.setRowStretch(1, 3)
        self._show_chosen_plot()

    @Slot()
    def _show_chosen_plot(self) -> None:
        rtt_only = not self._wide and self.plot_choice.currentData() == "rtt"
        arrivals_only = not self._wide and not rtt_only
        for _, arrivals, rtt in self._blocks.values():
            arrivals.setVisible(not rtt_only)
            rtt.setVisible(not arrivals_only)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when wide, stacked when narrow (Qt override)."""
        self._arrange(event.size().width() >= WIDE_PAGE)
        super().resizeEvent(event)

    # ----------------------------------------------------------------- results

    def clear(self) -> None:
        """Dashes and empty pictures (a new run starts)."""
        self.result = None
        self.results.clear()
        for protocol in PROTOCOLS:
            self.strips[protocol].set_fates(())
            self.arrival_plots[protocol].clear()
            self.rtt_plots[protocol].clear()
            self.notes[protocol].setText(honest_note(protocol))

    def show_result(self, result: LabResult) -> None:
        """Fill both columns, the notes, the strips and the plots from ``result`` (live or final)."""
        self.result = result
        sides: tuple[ProtocolResult, ProtocolResult] = (result.tcp, result.udp)
        # "On time" is the fastest round trip of either protocol: one yardstick for both strips.
        rtts = [a.rtt_ms for side in sides for a in side.arrivals if a.rtt_ms is not None]
        baseline = min(rtts) if rtts else None
        count = result.workload.count
        for side in sides:
            self.results.show_result(side)
            shades = delay_shades(side.arrivals, count, baseline) if len(side.fates) == count else b""
            self.strips[side.protocol].set_fates(side.fates, shades)
            self.arrival_plots[side.protocol].set_arrivals(side.arrivals)
            self.rtt_plots[side.protocol].set_arrivals(side.arrivals)
            self.notes[side.protocol].setText(honest_note(side.protocol, side))
        self.pacing_note.setText(pacing_note(result.workload))
        self.pacing_note.show()
        model = model_note(result.conditions, result.peer, result.tcp.injected_lost)
        self.model_note.setText(model)
        self.model_note.setVisible(bool(model))
        self._rescale()

    @Slot()
    def _rescale(self) -> None:
        """Axis ends for the plots: shared by both protocols, or each its own."""
        if self.result is None:
            return
        count = max(self.result.workload.count, 1)
        sides = (self.result.tcp, self.result.udp)
        for side in sides:
            self.arrival_plots[side.protocol].set_range(max(count, len(side.arrivals)), count)
        ends = {side.protocol: self.rtt_plots[side.protocol].max_values() for side in sides}
        if self.same_scale_check.isChecked():
            # The same scale for both, so TCP's extra delay shows as the size it is.
            shared = (max(t for t, _ in ends.values()), max(r for _, r in ends.values()))
            ends = dict.fromkeys(ends, shared)
        for protocol, (t_max, rtt_max) in ends.items():
            self.rtt_plots[protocol].set_range(nice_max(t_max), nice_max(rtt_max))
