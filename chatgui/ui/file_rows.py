"""A file offer's row in the conversation: a widget over the transcript row, following its entry.

``FileRowWidget`` shows one ``FileEntry`` (``chatgui.ui.transfers``): a type icon or the
offer's thumbnail, the cleaned name, size and kind, a warning for programs and scripts, a
progress bar with speed and time left, the outcome's sentence, and the buttons that apply
now (Save, Save as…, Cancel, Open folder, Withdraw). Every text is plain (names are hostile).
It asks for the height it needs (``height_wanted``); ``chatgui.ui.file_ui`` places it over
the row and acts on its buttons.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QMimeDatabase, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatgui.ui import transfer_words as words
from chatgui.ui.transcript_delegate import shown_sender, warning_colour
from chatgui.ui.transfers import FileEntry, Stage
from chatgui.ui.widgets import named

ICON = QSize(40, 40)
"""A file's type icon."""
THUMB = QSize(240, 180)
"""The box a picture's thumbnail is shown in."""
_PAD_Y = 4
_PERCENT = 1000  # the progress bar counts in tenths of a percent (sizes pass 2**31)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Transfers", text)


def _label(name: str, accessible: str) -> QLabel:
    label = named(QLabel(), name, accessible)
    label.setTextFormat(Qt.TextFormat.PlainText)  # never markup: a name like "<b>x</b>" shows as typed
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def type_icon(name: str, mime: str, style: QStyle) -> QIcon:
    """The desktop's icon for this kind of file (by type, else by name), or a plain file icon."""
    database = QMimeDatabase()
    kind = (
        database.mimeTypeForName(mime)
        if mime
        else database.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension)
    )
    if kind.isValid():
        for icon_name in (kind.iconName(), kind.genericIconName()):
            icon = QIcon.fromTheme(icon_name)
            if not icon.isNull():
                return icon
    return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)


class FileRowWidget(QWidget):
    """One offer's row: what it is, how far it is, and what can be done with it.

    Args:
        entry: The offer it shows (``show_entry`` follows its changes).
        left: Where the text column starts in the row (time and sender are painted before it).
        parent: Optional parent widget.

    Signals:
        save_clicked, save_as_clicked, cancel_clicked, open_folder_clicked, withdraw_clicked,
        picture_clicked: the user asked for that, for ``offer_id``.
        height_wanted: The height this row needs at its width now.
    """

    save_clicked = Signal(str)
    save_as_clicked = Signal(str)
    cancel_clicked = Signal(str)
    open_folder_clicked = Signal(str)
    withdraw_clicked = Signal(str)
    stop_clicked = Signal(str, str)  # offer id, the receiver to stop sending to
    picture_clicked = Signal(str)
    height_wanted = Signal(int)

    def __init__(self, entry: FileEntry, left: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileRow")
        self.offer_id = entry.offer_id
        self._saved_picture = False  # the thumbnail shown is the received file's
        self._may_open = False
        self._pixmap: QPixmap | None = None
        self._entry: FileEntry | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(left, _PAD_Y, 12, _PAD_Y)
        outer.setSpacing(10)
        self.picture_button = named(QToolButton(), "filePictureButton", _tr("File"))
        self.picture_button.setAutoRaise(True)
        self.picture_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.picture_button.setIconSize(ICON)
        self.picture_button.setIcon(type_icon(entry.name, entry.mime, self.style()))
        self.picture_button.clicked.connect(lambda: self.picture_clicked.emit(self.offer_id))
        outer.addWidget(self.picture_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(2)
        outer.addLayout(column, 1)
        self.name_label = _label("fileNameLabel", _tr("File name"))
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        column.addWidget(self.name_label)
        self.detail_label = _label("fileDetailLabel", _tr("Size and kind"))
        self.detail_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.detail_label)
        self.risky_label = _label("fileRiskyLabel", _tr("Warning"))
        self.risky_label.setWordWrap(True)
        self.risky_label.setText(
            _tr("⚠ A program or a script: it can harm this computer. Save it only if you trust it.")
        )
        column.addWidget(self.risky_label)
        self.progress = named(QProgressBar(), "fileProgress", _tr("Progress"))
        self.progress.setRange(0, _PERCENT)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(max(8, self.fontMetrics().height() // 2))
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column.addWidget(self.progress)
        self.status_label = _label("fileStatusLabel", _tr("Transfer"))
        self.status_label.setWordWrap(True)
        column.addWidget(self.status_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.save_button = self._button(buttons, "fileSaveButton", _tr("Save"), self.save_clicked)
        self.save_button.setToolTip(_tr("Save it in your downloads folder."))
        self.save_as_button = self._button(buttons, "fileSaveAsButton", _tr("Save as…"), self.save_as_clicked)
        self.cancel_button = self._button(buttons, "fileCancelButton", _tr("Cancel"), self.cancel_clicked)
        self.open_folder_button = self._button(
            buttons, "fileOpenFolderButton", _tr("Open folder"), self.open_folder_clicked
        )
        self.withdraw_button = self._button(
            buttons, "fileWithdrawButton", _tr("Withdraw"), self.withdraw_clicked
        )
        self.withdraw_button.setToolTip(_tr("Take the offer back: nobody can fetch it any more."))
        self.stop_button = named(QToolButton(), "fileStopButton", _tr("Stop sending to…"))
        self.stop_button.setText(_tr("Stop sending to…"))
        self.stop_button.setToolTip(_tr("Stop sending this file to one receiver; the others go on."))
        self.stop_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.stop_menu = QMenu(self.stop_button)
        self.stop_menu.setObjectName("fileStopMenu")
        self.stop_button.setMenu(self.stop_menu)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)  # beside a tall thumbnail, the lines stay together at the top
        self._last_height = -1
        self.show_entry(entry)

    def _button(self, row: QHBoxLayout, name: str, text: str, signal: object) -> QPushButton:
        button = named(QPushButton(text), name, text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: signal.emit(self.offer_id))  # type: ignore[attr-defined]
        row.addWidget(button)
        return button

    def show_entry(self, entry: FileEntry) -> None:
        """Show ``entry`` as it is now."""
        stage = entry.stage
        name = entry.name or _tr("(a file being prepared)")
        self.name_label.setText(name)
        self.picture_button.setAccessibleName(name)
        detail = [words.human_size(entry.size), words.kind_words(entry.name, entry.mime)]
        self.detail_label.setText(" · ".join(detail) if entry.name else "")
        self.detail_label.setVisible(bool(entry.name))
        self.risky_label.setVisible(entry.risky)
        # A style sheet, not the palette: a theme's style sheet would override a palette colour.
        # The window's palette: a theme's palette reaches a widget on a view's viewport late.
        warning = f"color: {warning_colour(self.window().palette()).name()};"
        self.risky_label.setStyleSheet(warning)
        running = stage in (Stage.PREPARING, Stage.RECEIVING, Stage.WAITING)
        self.progress.setVisible(running)
        if running:
            total = entry.total or entry.size
            self.progress.setValue(int(entry.done * _PERCENT / total) if total else 0)
        status = entry.status()
        self.status_label.setText(status)
        self.status_label.setVisible(bool(status))
        self.status_label.setStyleSheet(warning if stage == Stage.FAILED else "")
        self._entry = entry
        self.save_button.setVisible(entry.can_save and stage != Stage.SAVED)
        self.save_button.setText(_tr("Save again") if stage == Stage.FAILED else _tr("Save"))
        self.save_as_button.setVisible(entry.can_save)
        self.cancel_button.setVisible(entry.running or (entry.own and stage == Stage.PREPARING))
        self.open_folder_button.setVisible(stage == Stage.SAVED)
        self.withdraw_button.setVisible(entry.own and stage == Stage.OFFERED)
        self._show_receivers(entry)
        self._may_open = stage == Stage.SAVED and entry.picture and not entry.risky
        self._follow_opening()
        self.want_height()

    def _show_receivers(self, entry: FileEntry) -> None:
        """Our offer: one "stop" item per receiver still being sent to (names are plain text)."""
        running = [send for send in entry.sends.values() if not send.outcome] if entry.own else []
        self.stop_menu.clear()
        for send in running:
            action = self.stop_menu.addAction(shown_sender(send.peer))
            action.triggered.connect(partial(self.stop_clicked.emit, self.offer_id, send.peer))
        self.stop_button.setVisible(bool(running))

    def _follow_opening(self) -> None:
        opens = self.opens_picture
        self.picture_button.setToolTip(_tr("Open the picture") if opens else "")
        self.picture_button.setCursor(
            Qt.CursorShape.PointingHandCursor if opens else Qt.CursorShape.ArrowCursor
        )

    @property
    def opens_picture(self) -> bool:
        """Whether a click on the picture opens the saved file (a saved picture, not risky)."""
        return self._may_open and self._saved_picture

    def set_picture(self, image: QImage, saved: bool) -> None:
        """Show ``image`` (a thumbnail) instead of the type icon; ``saved``: of the received file."""
        self._pixmap = QPixmap.fromImage(image)
        self._fit_picture()
        self._saved_picture = saved or self._saved_picture
        self._follow_opening()
        self.want_height()

    def _fit_picture(self) -> None:
        """The thumbnail at most ``THUMB`` and two fifths of the row's text column (narrow windows)."""
        pixmap = self._pixmap
        if pixmap is None:
            return
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        column = (self.width() if self.width() > 100 else 900) - margins.left() - margins.right()
        box = QSize(min(THUMB.width(), max(ICON.width(), column * 2 // 5)), THUMB.height())
        if pixmap.width() > box.width() or pixmap.height() > box.height():
            pixmap = pixmap.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        if pixmap.size() != self.picture_button.iconSize():
            self.picture_button.setIcon(QIcon(pixmap))
            self.picture_button.setIconSize(pixmap.size())

    def wanted_height(self, width: int) -> int:
        """The height this row needs at ``width`` pixels."""
        layout = self.layout()
        assert layout is not None
        if layout.hasHeightForWidth():
            return max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
        return layout.totalSizeHint().height()

    def want_height(self) -> None:
        """Say the height needed now, when it changed."""
        height = self.wanted_height(self.width() if self.width() > 100 else 600)
        if height != self._last_height:
            self._last_height = height
            self.height_wanted.emit(height)

    def changeEvent(self, event: QEvent) -> None:
        """A new theme or a new parent (the view): the warning colour follows (Qt override)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange) and self._entry is not None:
            self.show_entry(self._entry)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width may wrap the sentences differently (Qt override)."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_picture()
            self.want_height()
