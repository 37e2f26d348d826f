"""The Lab: run the same workload over TCP and UDP at once and see, side by side, what happened."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatgui.lab.model import IoCall, LabResult, LifecycleStep
from chatgui.lab.picture import PictureResult
from chatgui.lab.picture_wire import Picture
from chatgui.ui.lab.boundaries import BoundariesView
from chatgui.ui.lab.controller import LabControllerLike
from chatgui.ui.lab.lifecycle import LifecycleView
from chatgui.ui.lab.notes import conditions_summary, done_sentence
from chatgui.ui.lab.panels import SettingsPanel
from chatgui.ui.lab.picture_tab import PictureView
from chatgui.ui.lab.run_page import RunPage, plain_label
from chatgui.ui.lab.saving import save_file, save_picture
from chatgui.ui.widgets import named, set_primary

# Shorter than this, Run folds the settings away so the results get the height.
FOLD_SETTINGS_BELOW = 900


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
        controller.picture_progress.connect(self.on_picture_progress)
        controller.picture_finished.connect(self.on_picture_finished)
        self._apply_running(False)

    # ----------------------------------------------------------------- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(4)
        self.settings = SettingsPanel()
        self.settings.answer_check.toggled.connect(self.on_answer_toggled)
        self.settings.groups[2].setToolTip(self._model_tip())
        # In a scroll area: open settings never force the window taller than a small screen.
        self.settings_scroll = self._scrolled(self.settings, "labSettingsScroll")
        self.settings_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.settings_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(self.settings_scroll)

        bar = QHBoxLayout()
        self.settings_button = named(QToolButton(), "labSettingsButton", self.tr("Show or hide the settings"))
        self.settings_button.setText(self.tr("Settings"))
        self.settings_button.setCheckable(True)
        self.settings_button.setChecked(True)
        self.settings_button.setToolButtonStyle(
            self.settings_button.toolButtonStyle().ToolButtonTextBesideIcon
        )
        self.settings_button.setToolTip(self.tr("Show or hide the workload, path and conditions."))
        self.settings_button.toggled.connect(self.show_settings)
        bar.addWidget(self.settings_button)
        self.run_button = named(QPushButton(self.tr("Run")), "labRunButton", self.tr("Run"))
        self.run_button.setToolTip(self.tr("Send the workload over TCP and UDP at the same time."))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "labCancelButton", self.tr("Cancel"))
        self.run_button.clicked.connect(self.start_run)
        self.cancel_button.clicked.connect(self.cancel_run)
        set_primary(self.run_button, True)
        bar.addWidget(self.run_button)
        bar.addWidget(self.cancel_button)
        bar.addStretch(1)
        self.csv_button = named(QPushButton(self.tr("Export CSV…")), "labCsvButton", self.tr("Export CSV"))
        self.json_button = named(
            QPushButton(self.tr("Export JSON…")), "labJsonButton", self.tr("Export JSON")
        )
        self.png_button = named(
            QPushButton(self.tr("Save pictures…")), "labPngButton", self.tr("Save pictures as PNG")
        )
        self.csv_button.setToolTip(
            self.tr(
                "One row per message per protocol: its fate, arrival and round trip, after comment "
                "lines naming the version, conditions and seed."
            )
        )
        self.json_button.setToolTip(self.tr("The figures of both protocols, as `lab --json` prints them."))
        self.png_button.setToolTip(
            self.tr(
                "The results and pictures as a PNG image, captioned with the version, conditions and seed."
            )
        )
        self.csv_button.clicked.connect(self.ask_export_csv)
        self.json_button.clicked.connect(self.ask_export_json)
        self.png_button.clicked.connect(self.ask_export_png)
        for button in (self.csv_button, self.json_button, self.png_button):
            bar.addWidget(button)
        outer.addLayout(bar)
        self.status = named(plain_label(), "labStatus", self.tr("Lab status"))
        outer.addWidget(self.status)
        # What the folded settings were, and where the last file went: a line each, never the summary.
        self.settings_summary = named(plain_label(), "labSettingsSummary", self.tr("Settings of the run"))
        self.settings_summary.hide()
        outer.addWidget(self.settings_summary)
        self.saved_label = named(plain_label(), "labSaved", self.tr("Where the last file was saved"))
        self.saved_label.hide()
        outer.addWidget(self.saved_label)

        self.tabs = named(QTabWidget(), "labTabs", self.tr("Lab views"))
        self.run_page = RunPage()
        self.results = self.run_page.results
        self.notes = self.run_page.notes
        self.legend = self.run_page.legend
        self.same_scale_check = self.run_page.same_scale_check
        self.strips = self.run_page.strips
        self.arrival_plots = self.run_page.arrival_plots
        self.rtt_plots = self.run_page.rtt_plots
        self.run_scroll = self._scrolled(self.run_page, "labRunScroll")
        # The page fits its width (plots stack when narrow): only ever scrolled up and down.
        self.run_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs.addTab(self.run_scroll, self.tr("Delivery"))
        self.boundaries = named(BoundariesView(), "boundariesView", self.tr("Message boundaries"))
        self.boundaries.run_requested.connect(self._on_boundaries_requested)
        self.tabs.addTab(self._scrolled(self.boundaries, "boundariesScroll"), self.tr("Message boundaries"))
        self.tabs.setTabToolTip(1, self.tr("Message boundaries — in Chinese often called 粘包 / 拆包."))
        self.lifecycle = named(LifecycleView(), "lifecycleView", self.tr("Lifecycle"))
        self.lifecycle.lifecycle_requested.connect(self._on_lifecycle_requested)
        self.lifecycle.nobody_listens_requested.connect(self._on_nobody_requested)
        self.tabs.addTab(self._scrolled(self.lifecycle, "lifecycleScroll"), self.tr("Lifecycle"))
        self.picture_view = PictureView()
        self.picture_view.run_requested.connect(self._on_picture_requested)
        self.picture_scroll = self._scrolled(self.picture_view, "pictureScroll")
        self.tabs.addTab(self.picture_scroll, self.tr("A picture, both ways"))
        self.tabs.setTabToolTip(
            self.tabs.count() - 1,
            self.tr("The same picture over TCP and over UDP: whole and later, or on time with holes."),
        )
        outer.addWidget(self.tabs, 1)

    @staticmethod
    def _scrolled(widget: QWidget, name: str) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setObjectName(name)
        scroll.setWidgetResizable(True)
        scroll.setWidget(widget)
        return scroll

    def _model_tip(self) -> str:
        return self.tr(
            "Applied by the lab on the sending side, before the socket. UDP's datagrams are really "
            "dropped, duplicated or held back; TCP's bytes cannot be, so for TCP a lost packet is "
            "held back for one retransmission timeout (at least 200 ms, doubling when the resend is "
            "lost too) and a reordered one holds back the messages behind it."
        )

    def minimumSizeHint(self) -> QSize:
        """Small enough for an 800 × 500 window (Qt override)."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 760), min(hint.height(), 400))

    @Slot(bool)
    def show_settings(self, shown: bool) -> None:
        """Unfold or fold the settings; folded, one line says what they are."""
        self.settings_scroll.setVisible(shown)
        if self.settings_button.isChecked() != shown:
            self.settings_button.setChecked(shown)
        self._update_summary()

    def _update_summary(self) -> None:
        folded = not self.settings_scroll.isVisibleTo(self)
        if folded:
            self.settings_summary.setText(
                conditions_summary(self.settings.workload(), self.settings.conditions(), self.settings.peer())
            )
        self.settings_summary.setVisible(folded)

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
        self.run_page.clear()
        self.saved_label.hide()
        if self.height() < FOLD_SETTINGS_BELOW:
            self.show_settings(False)
        self._update_summary()
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
        self.status.setText(done_sentence(result))

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
        elif self._demo == "picture":
            self.picture_view.abandon(sentence)
        self._demo = ""
        if self.running:
            self._apply_running(False)
        self.status.setText(sentence)

    def show_result(self, result: LabResult) -> None:
        """Fill both columns, the notes, the strips and the plots from ``result`` (live or final)."""
        self.result = result
        self.run_page.show_result(result)

    # ----------------------------------------------------------------- demonstrations

    @Slot(object, str, int, bool)
    def _on_boundaries_requested(
        self, writes: list[bytes], protocol: str, recv_size: int, arriving: bool
    ) -> None:
        self._demo = "boundaries"
        self.controller.run_boundaries(writes, protocol, recv_size=recv_size, as_they_arrive=arriving)

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

    @Slot(object)
    def _on_picture_requested(self, picture: Picture) -> None:
        """Send the picture under the conditions in Settings, at the workload's rate."""
        self._demo = "picture"
        if self.height() < FOLD_SETTINGS_BELOW:
            self.show_settings(False)  # as Run does: the pictures get the height
        self.controller.run_picture(picture, self.settings.conditions(), self.settings.workload().rate)

    @Slot(object)
    def on_picture_progress(self, result: PictureResult) -> None:
        """Paint what has arrived so far."""
        self.picture_view.on_progress(result)

    @Slot(object)
    def on_picture_finished(self, result: PictureResult) -> None:
        """Paint what arrived, with its counts."""
        if self._demo == "picture":
            self._demo = ""
        self.picture_view.on_finished(result)

    # ----------------------------------------------------------------- export

    def export_png(self, path: str) -> bool:
        """Save the Delivery page whole as a PNG at ``path``, captioned with what produced it."""
        return self.result is not None and save_picture(self.run_page, self.result, path)

    def export_csv(self, path: str) -> bool:
        """Write the last run as CSV (one row per message per protocol); False if it could not."""
        return self.result is not None and save_file(self.result, "csv", path)

    def export_json(self, path: str) -> bool:
        """Write the last run as JSON (the figures and every arrival); False if it could not."""
        return self.result is not None and save_file(self.result, "json", path)

    def _ask_path(self, title: str, suffix: str, pattern: str) -> str:
        name, _ = QFileDialog.getSaveFileName(self, title, f"chatgui-lab.{suffix}", pattern)
        return name

    def _report_saved(self, ok: bool, path: str) -> None:
        """Say where the file went on a line of its own: the run's summary stays as it is."""
        self.saved_label.setText(
            self.tr("Saved to {0}").format(path)
            if ok
            else self.tr(
                "Could not write {0}: check that the folder exists and that you may write there."
            ).format(path)
        )
        self.saved_label.show()

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
