"""The transcript's view: follows the newest row, copies a selection, finds highlights.

The delegate that paints each row is in ``chatgui.ui.transcript_delegate``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QWidget,
)

from chatgui.ui.transcript_delegate import TranscriptDelegate
from chatgui.ui.transcript_model import Row, TranscriptModel


class TranscriptView(QListView):
    """A list view that follows the newest row unless the user has scrolled up.

    Signals:
        clear_requested: The user chose "Clear" from the context menu.
        top_reached: The user scrolled to the top (time to load older history).
        row_menu_built: ``(menu, row)``: the context menu of ``row`` (``None``: no row under
            the pointer) was built; a connected slot may add to it before it opens.
    """

    clear_requested = Signal()
    top_reached = Signal()
    row_menu_built = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = TranscriptDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(False)
        # Measured (200k rows in batches of 1000, bounded to 5000): SinglePass lays every row out
        # on each batch (21k rows/s, 80 ms stalls); Batched lays out in slices between events
        # and skips rows trimmed before their turn (65k rows/s, p99 stall 26 ms). Every batch
        # that trims the oldest rows restarts the layout at row 0 and lays out one slice at
        # once, so a slice is pure overhead under a flood: 500 rows cost 6 us per message in
        # batches of 512, 50 rows 0.7 us (and an idle view still finishes 5000 rows in
        # 100 short slices).
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(50)
        self.setWordWrap(True)
        self._follow = True
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scroll_value_changed)
        bar.rangeChanged.connect(self._on_scroll_range_changed)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Attach ``model`` and follow its batches to keep the newest row in sight (Qt override)."""
        old = self.model()
        if old is not None:
            old.rowsInserted.disconnect(self._on_rows_inserted)
        super().setModel(model)
        self._delegate.set_model(model if isinstance(model, TranscriptModel) else None)
        if model is not None:
            model.rowsInserted.connect(self._on_rows_inserted)

    def is_following(self) -> bool:
        """Whether new rows scroll into sight (the user has not scrolled up)."""
        return self._follow

    def _on_scroll_value_changed(self, value: int) -> None:
        # Any move that ends at the bottom resumes following; any other move stops it.
        # Growth of the range alone does not move the value, so it cannot stop following.
        bar = self.verticalScrollBar()
        self._follow = value >= bar.maximum() - 4
        if value == bar.minimum() and bar.maximum() > bar.minimum():
            self.top_reached.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Scrolling up at the top (or in a view too short to scroll) asks for older rows (Qt override)."""
        bar = self.verticalScrollBar()
        if event.angleDelta().y() > 0 and bar.value() == bar.minimum():
            self.top_reached.emit()
        super().wheelEvent(event)

    def set_highlight(self, text: str) -> None:
        """Highlight ``text`` (any case) wherever it occurs in the rows; "" for none."""
        self._delegate.set_highlight(text)
        self.viewport().update()

    def highlight_ranges(self, row: Row) -> list[tuple[int, int]]:
        """Where the highlighted text is drawn highlighted in ``row``: (start, length) pairs."""
        return self._delegate.matches(row.text)

    def _on_scroll_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(maximum)

    def _on_rows_inserted(self, *_args: object) -> None:
        if self._follow:
            self.scrollToBottom()

    def viewportEvent(self, event: QEvent) -> bool:
        """Re-wrap rows when the viewport's width changes, e.g. a scroll bar appears (Qt override)."""
        if event.type() == QEvent.Type.Resize:
            width = self.viewport().width()
            if width != self._delegate.view_width:
                self._delegate.set_view_width(width)
                self.scheduleDelayedItemsLayout()
        return super().viewportEvent(event)

    def selected_text(self) -> str:
        """The selected rows as ``time sender: text`` lines."""
        model = self.model()
        if not isinstance(model, TranscriptModel):
            return ""
        return model.text_for_rows(i.row() for i in self.selectionModel().selectedIndexes())

    def copy_selection(self) -> None:
        """Put the selected rows on the clipboard as plain text."""
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+C copies rows as text (Qt override)."""
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Copy, Select all and Clear, and what others add for the row (Qt override)."""
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The context menu for the row at ``pos`` (viewport coordinates), not yet shown."""
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy"))
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.selectionModel() is not None and self.selectionModel().hasSelection())
        copy.triggered.connect(self.copy_selection)
        select_all = menu.addAction(self.tr("Select all"))
        select_all.triggered.connect(self.selectAll)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear"))
        clear.triggered.connect(self.clear_requested)
        index = self.indexAt(pos)
        model = self.model()
        row = model.row_at(index.row()) if index.isValid() and isinstance(model, TranscriptModel) else None
        self.row_menu_built.emit(menu, row)
        return menu
