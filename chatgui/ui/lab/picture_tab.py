"""The lab's "A picture, both ways" tab: one picture over TCP and over UDP, painted as it arrived.

The tab asks for a run with ``run_requested`` (the lab widget supplies the conditions and
the controller) and shows what each receiver got: TCP's picture whole with its time, UDP's
with grey holes where datagrams were lost, and counts. A sentence says which figures were
measured and which were modelled. The picture, its captions and that sentence save as one PNG
with the run's metadata.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatgui.lab.export import picture_metadata
from chatgui.lab.model import PROTOCOLS, TCP
from chatgui.lab.picture import PictureResult, PictureSide
from chatgui.lab.picture_wire import HEADER, MAX_DATAGRAM, Picture
from chatgui.resources import lab_picture_path
from chatgui.ui.lab.notes import conditions_parts, real_loss_note
from chatgui.ui.lab.picture_canvas import PictureCanvas, load_picture, side_image
from chatgui.ui.lab.picture_reader import PictureReader
from chatgui.ui.lab.run_page import plain_label
from chatgui.ui.lab.saving import captioned_image, write_png
from chatgui.ui.widgets import named, section_title


def tr(text: str) -> str:
    """``text`` in the user's language (context "LabPicture")."""
    return QCoreApplication.translate("LabPicture", text)


def blocks_sentence(picture: Picture) -> str:
    """How the picture travels: rows per datagram, datagram size, datagrams per protocol."""
    return tr(
        "{name} ({width} × {height} pixels) travels as its pixels, not as a compressed file (where "
        "one lost datagram would spoil the whole picture): each datagram carries {rows} rows of "
        "pixels, {size} bytes (at most {limit}), so {blocks} datagrams per protocol. TCP and UDP send "
        "at the same time under the conditions in Settings; UDP never resends."
    ).format(
        name=picture.name,
        width=picture.width,
        height=picture.height,
        rows=picture.rows_per_block,
        size=f"{HEADER.size + picture.payload_size(0):,}",
        limit=f"{MAX_DATAGRAM:,}",
        blocks=picture.block_count,
    )


def side_sentence(side: PictureSide) -> str:
    """What one receiver got, in a line (measured)."""
    if side.protocol == TCP:
        if side.received == side.blocks:
            return tr("Whole after {seconds} s: {blocks} of {blocks} blocks.").format(
                seconds=f"{side.seconds:.2f}", blocks=side.blocks
            )
        if not side.done:
            return tr("{received} of {blocks} blocks so far; the rest wait for resends.").format(
                received=side.received, blocks=side.blocks
            )
        return tr("Stopped with {received} of {blocks} blocks: the connection broke.").format(
            received=side.received, blocks=side.blocks
        )
    holes = len(side.holes)
    if not side.done:
        return tr("{received} of {blocks} blocks so far.").format(received=side.received, blocks=side.blocks)
    return tr(
        "{received} of {blocks} blocks in {seconds} s; {holes} grey holes where datagrams were lost "
        "({late} arrived out of order, {duplicates} twice)."
    ).format(
        received=side.received,
        blocks=side.blocks,
        seconds=f"{side.seconds:.2f}",
        holes=holes,
        late=side.late,
        duplicates=side.duplicates,
    )


def truth_sentence(result: PictureResult) -> str:
    """Which figures were measured and which were modelled, and where to see real loss."""
    text = tr(
        "Measured: which blocks each receiver got, and when. This runs on this computer, over "
        "loopback, which loses nothing."
    )
    if result.conditions.impaired:
        text += " " + tr(
            "Modelled: chatgui dropped {udp} of UDP's datagrams before the socket, and held back "
            "{tcp} of TCP's blocks as TCP would after losing their packets ({wait} s of "
            "retransmission timeouts in all); no TCP packet was really lost."
        ).format(
            udp=result.udp.injected_lost,
            tcp=result.tcp.injected_lost,
            wait=f"{result.tcp.retransmit_delay_ms / 1000:.2f}",
        )
    return text + " " + real_loss_note()


class PictureView(QWidget):
    """Choose a picture, send it both ways, see both receivers' pictures; save them as PNG.

    The user's picture (chosen with "Choose a picture…" or dropped on the tab) is read off
    the GUI thread; meanwhile the status says so and nothing can be sent.

    Signals:
        run_requested: a ``Picture`` to send (the lab widget adds the conditions).
        picture_ready(bool): the user's picture was read (True) or could not be (False, and a
            sentence says why).
    """

    run_requested = Signal(object)
    picture_ready = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureView")
        self.result: PictureResult | None = None
        self.running = False
        self.builtin = load_picture(str(lab_picture_path()), tr("The built-in drawing"))
        self.chosen: Picture | None = None
        self.reader = PictureReader(self)
        self.reader.picture_read.connect(self._on_picture_read)
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        bar = QHBoxLayout()
        self.source_combo = named(QComboBox(), "pictureSource", tr("Which picture to send"))
        self.source_combo.addItem(tr("Built-in drawing"), "builtin")
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.source_combo.activated.connect(self._on_source_chosen)
        self.choose_button = named(
            QPushButton(tr("Choose a picture…")), "pictureChoose", tr("Choose a picture")
        )
        self.choose_button.setToolTip(
            tr(
                "Send a picture of yours instead (PNG, JPEG, GIF…), or drop one on this tab; "
                "it is made small first."
            )
        )
        self.choose_button.clicked.connect(self.ask_picture)
        self.run_button = named(
            QPushButton(tr("Send both ways")), "pictureRun", tr("Send the picture both ways")
        )
        self.run_button.setToolTip(tr("Send the picture over TCP and over UDP at the same time."))
        self.run_button.clicked.connect(self.start)
        self.export_button = named(
            QPushButton(tr("Save as PNG…")), "pictureExport", tr("Save the pictures as PNG")
        )
        self.export_button.setToolTip(
            tr("Both pictures as a PNG image, captioned with the version, conditions and seed.")
        )
        self.export_button.clicked.connect(self.ask_export)
        for widget in (self.source_combo, self.choose_button, self.run_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.about = named(plain_label(), "pictureAbout", tr("How the picture travels"))
        layout.addWidget(self.about)
        self.status = named(plain_label(), "pictureStatus", tr("Picture status"))
        layout.addWidget(self.status)

        # What a saved PNG shows: both pictures, their lines and the measured/modelled sentence.
        self.results_box = QWidget()
        self.results_box.setObjectName("pictureResults")
        grid = QGridLayout(self.results_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.canvases: dict[str, PictureCanvas] = {}
        self.side_labels: dict[str, QLabel] = {}
        for column, protocol in enumerate(PROTOCOLS):
            name = protocol.upper()
            title = section_title(
                tr("TCP: resends what is lost, so the picture arrives whole, later")
                if protocol == TCP
                else tr("UDP: one datagram per block, nothing resent")
            )
            title.setWordWrap(True)
            canvas = named(PictureCanvas(), f"{protocol}PictureCanvas", tr("{0} picture").format(name))
            line = named(plain_label(), f"{protocol}PictureLine", tr("What {0} delivered").format(name))
            grid.addWidget(title, 0, column)
            grid.addWidget(canvas, 1, column)
            grid.addWidget(line, 2, column, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column, 1)
            self.canvases[protocol] = canvas
            self.side_labels[protocol] = line
        grid.setRowStretch(1, 1)
        self.truth = named(plain_label(), "pictureTruth", tr("What was measured and what was modelled"))
        grid.addWidget(self.truth, 3, 0, 1, 2)
        layout.addWidget(self.results_box, 1)
        self._apply(False)
        self._show_picture()

    # ----------------------------------------------------------------- choosing

    @property
    def picture(self) -> Picture | None:
        """The picture the next run sends."""
        return self.chosen if self.source_combo.currentData() == "file" else self.builtin

    @Slot()
    def ask_picture(self) -> None:
        """Ask for a picture file, then use it."""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a picture"), "", tr("Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)")
        )
        if path:
            self.use_file(path)

    def use_file(self, path: str) -> None:
        """Read the picture in ``path`` off the GUI thread, then send it from now on.

        Returns at once, saying "Reading …"; ``picture_ready(True)`` follows when it is read,
        or ``picture_ready(False)`` and a sentence when it cannot be. A newer choice supersedes
        this one, whichever is read first.
        """
        self.reader.read(path)
        self.status.setText(tr("Reading {name}…").format(name=Path(path).name))
        self._apply(self.running)

    @Slot(str, object)
    def _on_picture_read(self, path: str, picture: Picture | None) -> None:
        if picture is None:
            self.status.setText(
                tr(
                    "{0} is not a picture chatgui can read (or it is over 40 megapixels): choose another."
                ).format(Path(path).name)
            )
            self._apply(self.running)
            self.picture_ready.emit(False)
            return
        self.chosen = picture
        self.status.setText("")
        if self.source_combo.findData("file") < 0:
            self.source_combo.addItem("", "file")
        index = self.source_combo.findData("file")
        self.source_combo.setItemText(index, tr("Your picture: {0}").format(picture.name))
        self.source_combo.setCurrentIndex(index)
        self._show_picture()
        self.picture_ready.emit(True)

    @Slot()
    def _on_source_chosen(self) -> None:
        """The user picked from the list: a picture still being read is no longer wanted."""
        if self.reader.busy:
            self.reader.cancel()
            self.status.setText("")
            self._apply(self.running)

    @staticmethod
    def _dropped_file(event: QDropEvent) -> str:
        """The one local file being dragged, or "" (several files, or not a file)."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return urls[0].toLocalFile() if len(urls) == 1 and urls[0].isLocalFile() else ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Take one file dragged onto the tab, unless a run is going on (Qt override)."""
        if not self.running and self._dropped_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Use the file dropped on the tab, as "Choose a picture…" would (Qt override)."""
        path = self._dropped_file(event)
        if path and not self.running:
            event.acceptProposedAction()
            self.use_file(path)

    @Slot()
    def _on_source_changed(self) -> None:
        self._show_picture()

    def _show_picture(self) -> None:
        """A new choice: say how it will travel; the old results go."""
        picture = self.picture
        self.result = None
        self.about.setText(blocks_sentence(picture) if picture is not None else "")
        for protocol in PROTOCOLS:
            self.canvases[protocol].set_image(side_image(picture, None) if picture is not None else QImage())
            self.side_labels[protocol].setText("")
        self.truth.setText("")
        if picture is None:
            self.status.setText(
                tr("The built-in drawing is missing from this installation: choose a picture.")
            )
        self._apply(self.running)

    # ----------------------------------------------------------------- running

    def _apply(self, running: bool) -> None:
        self.running = running
        self.run_button.setEnabled(not running and not self.reader.busy and self.picture is not None)
        self.source_combo.setEnabled(not running)
        self.choose_button.setEnabled(not running)
        self.export_button.setEnabled(not running and self.result is not None)

    @Slot()
    def start(self) -> None:
        """Ask for a run of the chosen picture."""
        picture = self.picture
        if picture is None or self.reader.busy:
            return
        self.result = None
        self.status.setText(tr("Sending the picture over TCP and UDP on this computer…"))
        self._apply(True)
        self.run_requested.emit(picture)

    def show_result(self, result: PictureResult) -> None:
        """Paint what each receiver has so far (live or final)."""
        self.result = result
        for side in (result.tcp, result.udp):
            self.canvases[side.protocol].set_image(side_image(result.picture, side))
            self.side_labels[side.protocol].setText(side_sentence(side))
        self.truth.setText(truth_sentence(result))

    def on_progress(self, result: PictureResult) -> None:
        """A live result (ignored once the run is over)."""
        if self.running:
            self.show_result(result)

    def on_finished(self, result: PictureResult) -> None:
        """The final result: paint it and say under which conditions it ran."""
        self.show_result(result)
        self._apply(False)
        self.status.setText(tr("Done under {0}.").format(" · ".join(conditions_parts(result.conditions))))

    def abandon(self, sentence: str) -> None:
        """The run could not go on: say why; another may be tried."""
        self._apply(False)
        self.status.setText(sentence)

    # ----------------------------------------------------------------- saving

    def captioned(self) -> QImage:
        """Both pictures, their lines and the measured/modelled sentence, captioned with what made them."""
        assert self.result is not None
        caption = tr("{0} · {1} · this computer (loopback)").format(
            self.result.picture.name, " · ".join(conditions_parts(self.result.conditions, every=True))
        )
        return captioned_image(self.results_box, caption, picture_metadata(self.result))

    def export_png(self, path: str) -> bool:
        """Save the pictures as PNG at ``path``; False if there is nothing yet or it could not be written."""
        return self.result is not None and write_png(self.captioned(), path)

    @Slot()
    def ask_export(self) -> None:
        """Ask where, then save, and say where it went."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save the pictures"), "chatgui-picture.png", tr("PNG images (*.png)")
        )
        if path:
            ok = self.export_png(path)
            self.status.setText(
                tr("Saved to {0}").format(path)
                if ok
                else tr(
                    "Could not write {0}: check that the folder exists and that you may write there."
                ).format(path)
            )
