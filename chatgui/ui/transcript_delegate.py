"""The transcript's delegate: time, sender and word-wrapped plain text per row, and its colours."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from chatgui.protocol.names import mixed_script
from chatgui.protocol.printable import NEWLINE_MARK, visible_marks
from chatgui.ui.transcript_model import FileRow, Receipt, Row, RowKind, TranscriptModel

_PAD_X = 8
_PAD_Y = 3
_GAP = 10
_MEASURED_TAIL = 128  # newest rows measured exactly: more than a tall screen holds
_MARKS = {Receipt.PENDING: "…", Receipt.DELIVERED: "✓", Receipt.MISSING: "✗", Receipt.NOT_SENT: "✗"}
_MARKS[Receipt.RELAYED] = "✓"  # the host's own message: in the room


def _for_layout(text: str) -> str:
    # A peer's controls, bidi overrides and invisible characters are shown as marks (⟨ESC⟩,
    # ⟨U+202E⟩), so nothing can reorder or hide what is drawn; QTextLayout breaks lines
    # only at U+2028.
    return visible_marks(text).replace("\n", "\u2028")


@functools.lru_cache(maxsize=4096)
def shown_sender(sender: str) -> str:
    """A sender as drawn: one line of visible marks, and ⚠ after a name that mixes alphabets.

    A nick such as Cyrillic "аlice" is a different name from "alice" (so the host lets it
    in) but looks the same; the mark says so wherever the name is shown.
    """
    shown = visible_marks(sender).replace("\n", NEWLINE_MARK).replace("\t", " ")
    return f"{shown} \u26a0" if mixed_script(sender) else shown


def warning_colour(palette: QPalette) -> QColor:
    """A warning colour readable on this palette's base (light red on dark, dark red on light)."""
    return (
        QColor("#ff8a80") if palette.color(QPalette.ColorRole.Base).lightness() < 128 else QColor("#c62828")
    )


def delivered_colour(palette: QPalette) -> QColor:
    """A green readable on this palette's base."""
    return (
        QColor("#81c784") if palette.color(QPalette.ColorRole.Base).lightness() < 128 else QColor("#1b5e20")
    )


def is_right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strongly directional letter is Arabic or Hebrew."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


_NOT_TEXT = frozenset({RowKind.SYSTEM, RowKind.ERROR, RowKind.DIVIDER, RowKind.MUTED})


@dataclass(frozen=True, slots=True)
class RowColours:
    """Every colour the delegate paints with, derived from one palette.

    Attributes:
        base: The view's background.
        text: Message text.
        dim: Times, system rows, raw senders and the earlier-history divider.
        own_sender: Our own nickname.
        own_background: The tint behind our own messages.
        warning: Error rows and missing receipts.
        delivered: The delivered tick.
        match_background: Behind a search match.
        match_text: A search match's text.
    """

    base: QColor
    text: QColor
    dim: QColor
    own_sender: QColor
    own_background: QColor
    warning: QColor
    delivered: QColor
    match_background: QColor
    match_text: QColor


def row_colours(palette: QPalette) -> RowColours:
    """The delegate's colours for ``palette`` (opaque, so their contrast can be measured)."""
    base = palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    amount = 28 / 255
    own_background = QColor.fromRgbF(
        base.redF() + (highlight.redF() - base.redF()) * amount,
        base.greenF() + (highlight.greenF() - base.greenF()) * amount,
        base.blueF() + (highlight.blueF() - base.blueF()) * amount,
    )
    dark = base.lightness() < 128
    return RowColours(
        base=base,
        text=palette.color(QPalette.ColorRole.Text),
        dim=palette.color(QPalette.ColorRole.PlaceholderText),
        own_sender=palette.color(QPalette.ColorRole.Link),
        own_background=own_background,
        warning=warning_colour(palette),
        delivered=delivered_colour(palette),
        match_background=QColor("#6d5200") if dark else QColor("#ffd54f"),
        match_text=QColor("#ffffff") if dark else QColor("#1b1b1b"),
    )


_TALL_SAMPLE = "Ag 中文 繁體 😀"


def _shaped_line(font: QFont, text: str) -> tuple[int, int]:
    """Height and ascent of one laid-out line of ``text``, fallback fonts included."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1_000_000)
    layout.endLayout()
    return int(line.height() + 0.999), int(line.ascent() + 0.999)


class _Metrics:
    """Fonts and column widths derived from one base font, computed once per font."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.italic = QFont(font)
        self.italic.setItalic(True)
        self.fm = QFontMetrics(self.font)
        self.bold_fm = QFontMetrics(self.bold)
        # A line of Chinese or emoji is drawn with a fallback font that is taller than the
        # base font: every line gets the pitch of the tallest script and one shared
        # baseline, so no glyph is cut off and time, sender and text line up in every row.
        tall_height, tall_ascent = _shaped_line(self.font, _TALL_SAMPLE)
        self.baseline = max(self.fm.ascent(), self.bold_fm.ascent(), tall_ascent)
        descent = max(self.fm.descent(), self.bold_fm.descent(), tall_height - tall_ascent)
        self.line_height = self.baseline + descent
        self.time_width = self.fm.horizontalAdvance("00:00:00")
        # Wide enough for a nickname or a raw sender's "192.168.1.100:50007" without eliding.
        self.sender_width = max(
            self.fm.averageCharWidth() * 14, self.fm.horizontalAdvance("192.168.100.100:50007")
        )
        # Fallback fonts (CJK, emoji) draw up to about one em per character.
        self.widest_char = max(self.fm.maxWidth(), 2 * self.fm.height())
        self.mark_width = max(self.fm.horizontalAdvance(m) for m in _MARKS.values()) + 4

    def text_left(self, row: Row) -> int:
        """Where the message text starts; system rows start under the sender column."""
        left = _PAD_X + self.time_width + _GAP
        if row.kind in _NOT_TEXT:
            return left
        return left + self.sender_width + _GAP

    def text_width(self, row: Row, total: int) -> int:
        """How wide the text of ``row`` may be in a view ``total`` pixels wide."""
        return max(40, total - self.text_left(row) - self.mark_width - _PAD_X)


class TranscriptDelegate(QStyledItemDelegate):
    """Paints a row as plain text; never interprets markup, whatever a peer sends.

    Attributes:
        folded_text: The one line a muted person's message (``RowKind.MUTED``) shows instead.
        folded_file_text: The one line a muted person's file offer (a folded ``FileRow``) shows.
    """

    folded_text = ""
    folded_file_text = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics: _Metrics | None = None
        self._width = 0
        # Set by the view: a row straight from the model skips a QVariant round trip per call.
        self._model: TranscriptModel | None = None
        self._highlight: re.Pattern[str] | None = None
        self._highlight_text = ""
        self._colours_cache: RowColours | None = None
        self._colours_key = -1

    @property
    def highlight(self) -> str:
        """The text highlighted wherever it occurs (case-insensitive; "" for none)."""
        return self._highlight_text

    def set_highlight(self, text: str) -> None:
        """Highlight every occurrence of ``text`` (case-insensitive) in the rows; "" for none."""
        self._highlight_text = text
        self._highlight = re.compile(re.escape(text), re.IGNORECASE) if text else None

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Where the highlighted text occurs in ``text``: (start, length) pairs."""
        if self._highlight is None:
            return []
        return [(m.start(), m.end() - m.start()) for m in self._highlight.finditer(text)]

    @property
    def view_width(self) -> int:
        """The width rows are currently laid out for."""
        return self._width

    def message_text_width(self, font: QFont, view_width: int) -> int:
        """How wide a message's text is wrapped in a view ``view_width`` pixels wide (time, sender taken)."""
        m = self._m(font)
        taken = _PAD_X + m.time_width + _GAP + m.sender_width + _GAP + m.mark_width + _PAD_X
        return max(0, view_width - taken)

    def message_text_left(self, font: QFont) -> int:
        """Where a message's text starts in a row (time and sender before it): a file row's widget too."""
        m = self._m(font)
        return _PAD_X + m.time_width + _GAP + m.sender_width + _GAP

    def set_model(self, model: TranscriptModel | None) -> None:
        """The model whose rows this delegate sizes (``None``: go through ``index.data``)."""
        self._model = model

    def set_view_width(self, width: int) -> None:
        """The width rows are laid out for; cached heights are kept per width."""
        self._width = width

    def _m(self, font: QFont) -> _Metrics:
        m = self._metrics
        if m is None or m.font != font:
            m = self._metrics = _Metrics(font)
        return m

    def _text_font(self, m: _Metrics, row: Row) -> QFont:
        return m.italic if row.kind in _NOT_TEXT else m.font

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Height of the wrapped text at the view's width, cached on the row (Qt override).

        Shaping text is most of the cost of a flood, and most rows of a flood are trimmed
        before anyone sees them: only the newest rows (the ones on screen while the view
        follows) are measured here; older ones get an estimate that ``paint`` corrects
        (``sizeHintChanged``) if they ever come into sight.
        """
        model = self._model
        position = index.row()
        row: Row = model.row_at(position) if model is not None else index.data(TranscriptModel.RowRole)
        width = self._width or option.rect.width()
        if row.layout_width != width:
            m = self._m(option.font)
            if model is not None and position < model.rowCount() - _MEASURED_TAIL:
                row.layout_height, row.layout_exact = self._estimate(m, row, width)
            else:
                row.layout_height, row.layout_exact = self._height(m, row, width), True
            row.layout_width = width
        return QSize(width, row.layout_height)

    def measured_height(self, font: QFont, row: Row, width: int) -> int:
        """The exact height of ``row`` painted with ``font`` in a view ``width`` pixels wide."""
        return self._height(self._m(font), row, width)

    def _estimate(self, m: _Metrics, row: Row, width: int) -> tuple[int, bool]:
        if row.kind == RowKind.FILE or row.kind == RowKind.MUTED:
            return self._height(m, row, width), True
        text = visible_marks(row.text)  # measured as drawn
        text_width = m.text_width(row, width)
        breaks = text.count("\n")
        if not breaks and "\r" not in text and len(text) * m.widest_char <= text_width:
            return m.line_height + 2 * _PAD_Y, True
        lines = breaks + 1 + (len(text) * m.fm.averageCharWidth()) // text_width
        return lines * m.line_height + 2 * _PAD_Y, False

    def _height(self, m: _Metrics, row: Row, width: int) -> int:
        if row.kind == RowKind.FILE:  # a file offer: as tall as its widget asks (chatgui.ui.file_rows)
            return max(m.line_height + 2 * _PAD_Y, getattr(row, "height", 0))
        if row.kind == RowKind.MUTED:  # folded: one line, whatever the message
            return m.line_height + 2 * _PAD_Y
        text = visible_marks(row.text)  # measured as drawn
        text_width = m.text_width(row, width)
        # Most chat lines fit on one line: a short one is known to fit without shaping it
        # (no glyph is wider than ``widest_char``), a longer one is measured, not laid out.
        if (
            "\n" not in text
            and "\r" not in text
            and (len(text) * m.widest_char <= text_width or m.fm.horizontalAdvance(text) <= text_width)
        ):
            return m.line_height + 2 * _PAD_Y
        layout = self._layout(m, self._text_font(m, row), text, text_width)
        return max(1, layout.lineCount()) * m.line_height + 2 * _PAD_Y

    @staticmethod
    def _layout(
        m: _Metrics,
        font: QFont,
        text: str,
        width: int,
        formats: list[QTextLayout.FormatRange] | None = None,
    ) -> QTextLayout:
        """Wrap ``text``; line ``i`` has its baseline at ``i * line_height + baseline``.

        Right-to-left text (Arabic, Hebrew) is laid out right to left and aligned right.
        """
        layout = QTextLayout(_for_layout(text), font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if is_right_to_left(text):
            text_option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            text_option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        layout.setTextOption(text_option)
        if formats:
            layout.setFormats(formats)
        layout.beginLayout()
        y = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y + m.baseline - line.ascent()))
            y += m.line_height
        layout.endLayout()
        return layout

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Paint time, sender, text and the receipt mark (Qt override)."""
        row: Row = index.data(TranscriptModel.RowRole)
        rect = option.rect
        palette: QPalette = option.palette
        m = self._m(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if not row.layout_exact and row.layout_width > 0:
            row.layout_exact = True
            height = self._height(m, row, row.layout_width)
            if height != row.layout_height:
                row.layout_height = height
                model = index.model()
                if model is not None:
                    self.sizeHintChanged.emit(model.index(index.row(), 0))
        colours = self._colours(palette)
        painter.save()
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif row.kind == RowKind.OWN:
            painter.fillRect(rect, colours.own_background)
        text_colour = palette.color(QPalette.ColorRole.HighlightedText) if selected else colours.text
        dim = text_colour if selected else colours.dim
        top = rect.top() + _PAD_Y
        line_h = m.line_height
        baseline = top + m.baseline
        if row.kind == RowKind.DIVIDER:
            self._paint_divider(painter, m, rect, baseline, row.text, dim)
            painter.restore()
            return

        painter.setFont(m.font)
        painter.setPen(dim)
        painter.drawText(QPointF(rect.left() + _PAD_X, baseline), row.time)

        text_font = m.font
        if row.kind in _NOT_TEXT:
            text_font = m.italic
            if row.kind == RowKind.ERROR and not selected:
                text_colour = colours.warning
            elif not selected:
                text_colour = dim
        else:
            sender_x = rect.left() + _PAD_X + m.time_width + _GAP
            if row.kind == RowKind.OWN and not selected:
                painter.setPen(colours.own_sender)
            elif row.kind == RowKind.RAW and not selected:
                painter.setPen(dim)
            else:
                painter.setPen(text_colour)
            painter.setFont(m.bold if row.kind != RowKind.RAW else m.font)
            metrics = m.bold_fm if row.kind != RowKind.RAW else m.fm
            sender = metrics.elidedText(
                shown_sender(row.sender), Qt.TextElideMode.ElideMiddle, m.sender_width
            )
            right_aligned = sender_x + m.sender_width - metrics.horizontalAdvance(sender)
            painter.drawText(QPointF(right_aligned, baseline), sender)

        if row.kind == RowKind.FILE:  # the offer's widget covers the text's place
            painter.restore()
            return
        text_x = rect.left() + m.text_left(row)
        text_width = m.text_width(row, rect.width())
        painter.setFont(text_font)
        painter.setPen(text_colour)
        text = row.text
        if row.kind == RowKind.MUTED:
            text = self.folded_file_text if isinstance(row, FileRow) else self.folded_text
        formats = self._match_formats(text, colours)
        shown = visible_marks(text)  # controls and bidi overrides drawn as marks, never obeyed
        if (
            not formats
            and row.layout_height <= line_h + 2 * _PAD_Y
            and "\n" not in shown
            and not is_right_to_left(shown)
        ):
            # drawText at a point takes no flags at all: '&' and '<b>' draw literally.
            painter.drawText(QPointF(text_x, baseline), shown)
        else:
            layout = self._layout(m, text_font, text, text_width, formats)
            layout.draw(painter, QPointF(text_x, top))

        mark = _MARKS.get(row.receipt)
        if mark is not None:
            if selected:
                painter.setPen(text_colour)
            elif row.receipt in (Receipt.DELIVERED, Receipt.RELAYED):
                painter.setPen(colours.delivered)
            elif row.receipt in (Receipt.MISSING, Receipt.NOT_SENT):
                painter.setPen(colours.warning)
            else:
                painter.setPen(dim)
            painter.setFont(m.bold)
            centred = (
                rect.right() - _PAD_X - m.mark_width + (m.mark_width - m.bold_fm.horizontalAdvance(mark)) / 2
            )
            painter.drawText(QPointF(centred, baseline), mark)
        painter.restore()

    def _colours(self, palette: QPalette) -> RowColours:
        key = palette.cacheKey()
        if self._colours_key != key or self._colours_cache is None:
            self._colours_cache = row_colours(palette)
            self._colours_key = key
        return self._colours_cache

    def _match_formats(self, text: str, colours: RowColours) -> list[QTextLayout.FormatRange]:
        """Background and colour for every search match, in layout text positions."""
        if self._highlight is None:
            return []
        char_format = QTextCharFormat()
        char_format.setBackground(colours.match_background)
        char_format.setForeground(colours.match_text)
        ranges = []
        # Matched in the text as laid out, so positions agree with the layout's.
        for start, length in self.matches(_for_layout(text)):
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, length, char_format
            ranges.append(span)
        return ranges

    @staticmethod
    def _paint_divider(
        painter: QPainter, m: _Metrics, rect: QRect, baseline: float, text: str, colour: QColor
    ) -> None:
        painter.setFont(m.italic)
        painter.setPen(colour)
        label = f"  {text}  "
        width = QFontMetrics(m.italic).horizontalAdvance(label)
        left = rect.left() + (rect.width() - width) / 2
        middle = rect.top() + rect.height() / 2
        painter.drawLine(QPointF(rect.left() + _PAD_X, middle), QPointF(left, middle))
        painter.drawLine(QPointF(left + width, middle), QPointF(rect.right() - _PAD_X, middle))
        painter.drawText(QPointF(left, baseline), label)
