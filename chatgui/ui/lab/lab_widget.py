"""The Lab: run the same workload over TCP and UDP at once and see, side by side, what happened."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chatgui.lab.export import save_csv, save_json
from chatgui.lab.model import PROTOCOLS, IoCall, LabResult, LifecycleStep, ProtocolResult
from chatgui.ui.lab.boundaries import BoundariesView
from chatgui.ui.lab.controller import LabControllerLike
from chatgui.ui.lab.lifecycle import LifecycleView
from chatgui.ui.lab.panels import ResultsTable, SettingsPanel, honest_note
from chatgui.ui.lab.pictures import ArrivalPlot, DeliveryStrip, FateLegend, RttPlot, nice_max
from chatgui.ui.widgets import named, section_title, set_primary


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class LabWidget(QWidget):
    """The whole lab: settings, Run/Cancel, results, pictures, boundaries, lifecycle, export.

    Args:
        controller: The lab facade (``chatgui.lab.bridge.LabController``; tests pass a fake
            with the same signals). The widget never owns it: whoever made it shuts it down.
        parent: Optional parent widget.
    """

    def __init__(self, controller: LabControllerLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.result: LabResult | None = None
        self.running = False
        self._demo = ""  # "boundaries" or "lifecycle" while one waits for the engine
        self.setObjectName("labWidget")
        self.setAccessibleName(self.tr("Lab"))
        self._build()
        controller.progress.connect(self.on_progress)
        controller.finished.connect(self.on_finished)
        controller.failed.connect(self.on_failed)
        controller.cancelled.connect(self.on_cancelled)
        controller.boundaries_ready.connect(self.on_boundaries_ready)
        controller.lifecycle_ready.connect(self.on_lifecycle_ready)
        self._apply_running(False)

    # ----------------------------------------------------------------- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.settings = SettingsPanel()
        self.settings.answer_check.toggled.connect(self.on_answer_toggled)
        outer.addWidget(self.settings)

        bar = QHBoxLayout()
        self.run_button = named(QPushButton(self.tr("Run")), "labRunButton", self.tr("Run"))
        self.run_button.setToolTip(self.tr("Send the workload over TCP and UDP at the same time."))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "labCancelButton", self.tr("Cancel"))
        self.run_button.clicked.connect(self.start_run)
        self.cancel_button.clicked.connect(self.cancel_run)
        set_primary(self.run_button, True)
        bar.addWidget(self.run_button)
        bar.addWidget(self.cancel_button)
        self.status = named(_plain(), "labStatus", self.tr("Lab status"))
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.csv_button = named(QPushButton(self.tr("Export CSV…")), "labCsvButton", self.tr("Export CSV"))
        self.json_button = named(
            QPushButton(self.tr("Export JSON…")), "labJsonButton", self.tr("Export JSON")
        )
        self.png_button = named(
            QPushButton(self.tr("Save pictures…")), "labPngButton", self.tr("Save pictures as PNG")
        )
        self.csv_button.setToolTip(
            self.tr("One row per message per protocol: its fate, arrival and round trip.")
        )
        self.json_button.setToolTip(self.tr("The figures of both protocols, as `lab --json` prints them."))
        self.png_button.setToolTip(self.tr("The results and pictures as a PNG image."))
        self.csv_button.clicked.connect(self.ask_export_csv)
        self.json_button.clicked.connect(self.ask_export_json)
        self.png_button.clicked.connect(self.ask_export_png)
        for button in (self.csv_button, self.json_button, self.png_button):
            bar.addWidget(button)
        outer.addLayout(bar)

        self.tabs = named(QTabWidget(), "labTabs", self.tr("Lab views"))
        self.run_page = self._build_run_page()
        scroll = QScrollArea()
        scroll.setObjectName("labRunScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.run_page)
        self.tabs.addTab(scroll, self.tr("Delivery"))
        self.boundaries = named(BoundariesView(), "boundariesView", self.tr("Message boundaries"))
        self.boundaries.run_requested.connect(self._on_boundaries_requested)
        self.tabs.addTab(self.boundaries, self.tr("Message boundaries"))
        self.tabs.setTabToolTip(1, self.tr("Message boundaries — in Chinese often called 粘包 / 拆包."))
        self.lifecycle = named(LifecycleView(), "lifecycleView", self.tr("Lifecycle"))
        self.lifecycle.lifecycle_requested.connect(self._on_lifecycle_requested)
        self.lifecycle.nobody_listens_requested.connect(self._on_nobody_requested)
        self.tabs.addTab(self.lifecycle, self.tr("Lifecycle"))
        outer.addWidget(self.tabs, 1)

    def _build_run_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("labPictures")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)

        top = QHBoxLayout()
        self.results = named(ResultsTable(), "labResults", self.tr("Results"))
        # The figures never wrap or shrink: the notes beside them take what is left.
        self.results.setMinimumWidth(self.results.sizeHint().width())
        top.addWidget(self.results)
        top.addSpacing(16)
        notes = QVBoxLayout()
        self.notes: dict[str, QLabel] = {}
        for protocol in PROTOCOLS:
            note = named(
                _plain(honest_note(protocol)),
                f"{protocol}Note",
                self.tr("What {0} experiences").format(protocol.upper()),
            )
            note.setWordWrap(True)
            notes.addWidget(note)
            self.notes[protocol] = note
        notes.addStretch(1)
        top.addLayout(notes, 1)
        layout.addLayout(top)

        self.legend = named(FateLegend(), "fateLegend", self.tr("Legend"))
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend, 1)
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
        legend_row.addWidget(self.same_scale_check)
        layout.addLayout(legend_row)

        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        self.strips: dict[str, DeliveryStrip] = {}
        self.arrival_plots: dict[str, ArrivalPlot] = {}
        self.rtt_plots: dict[str, RttPlot] = {}
        for column, protocol in enumerate(PROTOCOLS):
            name = protocol.upper()
            heading = _plain(name)
            font = QFont(heading.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            heading.setFont(font)
            heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(heading, 0, column)
            grid.addWidget(
                section_title(self.tr("{0}: one cell per message, numbered left to right").format(name)),
                1,
                column,
            )
            strip = named(DeliveryStrip(), f"{protocol}Strip", self.tr("{0} delivery strip").format(name))
            strip.setToolTip(
                self.tr("Each cell is one numbered message; its colour and mark say what became of it.")
            )
            grid.addWidget(strip, 2, column)
            grid.addWidget(
                section_title(
                    self.tr("{0}: arrival order — big orange dots came late, blue ones twice").format(name)
                ),
                3,
                column,
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
            grid.addWidget(arrivals, 4, column)
            grid.addWidget(section_title(self.tr("{0}: round trip of each message").format(name)), 5, column)
            rtt = named(RttPlot(), f"{protocol}RttPlot", self.tr("{0} round trip over time").format(name))
            grid.addWidget(rtt, 6, column)
            self.strips[protocol] = strip
            self.arrival_plots[protocol] = arrivals
            self.rtt_plots[protocol] = rtt
        for row, stretch in ((2, 2), (4, 3), (6, 3)):
            grid.setRowStretch(row, stretch)
        layout.addLayout(grid, 1)
        return page

    # ----------------------------------------------------------------- running

    def _apply_running(self, running: bool) -> None:
        self.running = running
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.settings.setEnabled(not running)
        has_result = self.result is not None and not running
        for button in (self.csv_button, self.json_button, self.png_button):
            button.setEnabled(has_result)

    @Slot()
    def start_run(self) -> None:
        """Run the workload under the conditions the form says."""
        if self.settings.peer_radio.isChecked() and not self.settings.peer():
            self.status.setText(
                self.tr("Type the address of a computer running lab-peer, or choose this computer.")
            )
            self.settings.peer_edit.setFocus()
            return
        workload = self.settings.workload()
        self.result = None
        self.results.clear()
        for protocol in PROTOCOLS:
            self.strips[protocol].set_fates(())
            self.arrival_plots[protocol].clear()
            self.rtt_plots[protocol].clear()
            self.notes[protocol].setText(honest_note(protocol))
        peer = self.settings.peer()
        self.status.setText(
            self.tr("Sending {0} messages over TCP and UDP to {1}…").format(f"{workload.count:,}", peer)
            if peer
            else self.tr("Sending {0} messages over TCP and UDP on this computer…").format(
                f"{workload.count:,}"
            )
        )
        self._apply_running(True)
        self.controller.run(workload, self.settings.conditions(), peer)

    @Slot()
    def cancel_run(self) -> None:
        """Stop the run; what arrived so far stays on screen."""
        self.status.setText(self.tr("Cancelling…"))
        self.controller.cancel()

    @Slot(object)
    def on_progress(self, result: LabResult) -> None:
        """Show the run so far."""
        if self.running:
            self.show_result(result)

    @Slot(object)
    def on_finished(self, result: LabResult) -> None:
        """Show the final result and say what it means in one line."""
        self.show_result(result)
        self._apply_running(False)
        tcp, udp = result.tcp, result.udp
        self.status.setText(
            self.tr(
                "Done. TCP delivered {0} of {1} in {2} s; UDP delivered {3} of {4}, "
                "lost {5}, duplicated {6}, out of order {7}."
            ).format(
                f"{tcp.delivered:,}",
                f"{tcp.sent:,}",
                f"{tcp.seconds:.2f}",
                f"{udp.delivered:,}",
                f"{udp.sent:,}",
                f"{udp.lost:,}",
                f"{udp.duplicated:,}",
                f"{udp.reordered:,}",
            )
        )

    @Slot(bool)
    def on_answer_toggled(self, enabled: bool) -> None:
        """Start or stop answering other computers' lab runs, and say which happened."""
        port, problem = self.controller.answer(enabled)
        if problem:
            self.settings.answer_check.blockSignals(True)
            self.settings.answer_check.setChecked(False)
            self.settings.answer_check.blockSignals(False)
            self.status.setText(problem)
        elif enabled:
            self.status.setText(
                self.tr(
                    "Answering lab runs on port {0}: on the other computer choose "
                    "“A computer running lab-peer” and type this computer's address."
                ).format(port)
            )
        else:
            self.status.setText(self.tr("No longer answering lab runs from other computers."))

    @Slot()
    def on_cancelled(self) -> None:
        """The run stopped on request; what arrived so far stays on screen."""
        self._apply_running(False)
        self.status.setText(self.tr("Cancelled. The pictures show what had happened by then."))

    @Slot(str)
    def on_failed(self, sentence: str) -> None:
        """Say what went wrong; whatever was waiting may try again."""
        if self._demo == "boundaries":
            self.boundaries.abandon(sentence)
        elif self._demo == "lifecycle":
            self.lifecycle.abandon(sentence)
        self._demo = ""
        if self.running:
            self._apply_running(False)
        self.status.setText(sentence)

    def show_result(self, result: LabResult) -> None:
        """Fill both columns, the strips and the plots from ``result`` (live or final)."""
        self.result = result
        sides: tuple[ProtocolResult, ProtocolResult] = (result.tcp, result.udp)
        for side in sides:
            self.results.show_result(side)
            self.strips[side.protocol].set_fates(side.fates)
            self.arrival_plots[side.protocol].set_arrivals(side.arrivals)
            self.rtt_plots[side.protocol].set_arrivals(side.arrivals)
            self.notes[side.protocol].setText(honest_note(side.protocol, side))
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

    # ----------------------------------------------------------------- demonstrations

    @Slot(object, str)
    def _on_boundaries_requested(self, writes: list[bytes], protocol: str) -> None:
        self._demo = "boundaries"
        self.controller.run_boundaries(writes, protocol)

    @Slot(object)
    def on_boundaries_ready(self, calls: Sequence[IoCall]) -> None:
        """Show the recorded calls (the view asks for the next protocol itself)."""
        self._demo = ""
        self.boundaries.show_calls(calls)

    @Slot()
    def _on_lifecycle_requested(self) -> None:
        self._demo = "lifecycle"
        self.controller.run_lifecycle()

    @Slot()
    def _on_nobody_requested(self) -> None:
        self._demo = "lifecycle"
        self.controller.run_nobody_listens()

    @Slot(object)
    def on_lifecycle_ready(self, steps: Sequence[LifecycleStep]) -> None:
        """Show the recorded timeline."""
        self._demo = ""
        self.lifecycle.show_steps(steps)

    # ----------------------------------------------------------------- export

    def export_png(self, path: str) -> bool:
        """Save the results and pictures (the Delivery page, whole) as a PNG image at ``path``."""
        return self.run_page.grab().save(path, "PNG")

    def export_csv(self, path: str) -> bool:
        """Write the last run as CSV (one row per message per protocol); False if it could not."""
        return self._write(save_csv, path)

    def export_json(self, path: str) -> bool:
        """Write the last run as JSON (the figures and every arrival); False if it could not."""
        return self._write(save_json, path)

    def _write(self, save: Callable[[LabResult, Path], None], path: str) -> bool:
        if self.result is None:
            return False
        try:
            save(self.result, Path(path))
        except OSError:
            return False
        return True

    def _ask_path(self, title: str, suffix: str, pattern: str) -> str:
        name, _ = QFileDialog.getSaveFileName(self, title, f"chatgui-lab.{suffix}", pattern)
        return name

    def _report_saved(self, ok: bool, path: str) -> None:
        self.status.setText(
            self.tr("Saved {0}.").format(path)
            if ok
            else self.tr(
                "Could not write {0}: check that the folder exists and that you may write there."
            ).format(path)
        )

    @Slot()
    def ask_export_png(self) -> None:
        """Ask where, then save the pictures."""
        path = self._ask_path(self.tr("Save the pictures"), "png", self.tr("PNG images (*.png)"))
        if path:
            self._report_saved(self.export_png(path), path)

    @Slot()
    def ask_export_csv(self) -> None:
        """Ask where, then write the run as CSV."""
        path = self._ask_path(self.tr("Export the run as CSV"), "csv", self.tr("CSV files (*.csv)"))
        if path:
            self._report_saved(self.export_csv(path), path)

    @Slot()
    def ask_export_json(self) -> None:
        """Ask where, then write the run as JSON."""
        path = self._ask_path(self.tr("Export the run as JSON"), "json", self.tr("JSON files (*.json)"))
        if path:
            self._report_saved(self.export_json(path), path)
