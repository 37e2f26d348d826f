"""The delivery strip and its legends: one cell per sequence number, coloured by its fate and delay.

The strip paints an 8-bit image with one pixel per sequence number, scaled up, never
per-message widgets, so 10,000 messages repaint in a few milliseconds and a live run can
update ten times a second without stalling the window. A delivered message's cell is shaded
by how much longer its round trip took than the run's fastest one, so TCP's cost (waiting
for a resend, and behind it) shows in the same place as UDP's loss.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from chatgui.lab.model import Arrival, Fate

# Colours chosen so their greys differ too (luma ≈ 134, 169, 56, 99, 224): the strip reads on a
# monochrome printout, and the glyphs below tell the fates apart without any colour at all.
FATE_COLOURS: dict[Fate, QColor] = {
    Fate.DELIVERED: QColor(76, 175, 80),
    Fate.LATE: QColor(240, 160, 32),
    Fate.LOST: QColor(176, 0, 32),
    Fate.DUPLICATED: QColor(41, 98, 255),
    Fate.PENDING: QColor(224, 224, 224),
}
# Pixel values of the strip's indexed image.
FATE_INDEX: dict[Fate, int] = {fate: i for i, fate in enumerate(FATE_COLOURS)}
_INDEX_BY_ID: dict[int, int] = {id(fate): i for fate, i in FATE_INDEX.items()}
# A delivered message whose round trip took longer than the run's fastest by at least
# DELAY_EDGES_MS[i] is painted DELAY_COLOURS[i]: darker green, then amber-brown, then dark
# brown (greys darken too: luma ≈ 107, 102, 62). 200 ms is Linux's shortest resend timeout.
DELAY_EDGES_MS: tuple[float, ...] = (10.0, 50.0, 200.0)
DELAY_COLOURS: tuple[QColor, ...] = (QColor(60, 140, 60), QColor(150, 95, 10), QColor(95, 55, 10))
_DELAY_BASE = len(FATE_COLOURS)  # pixel value of the first delay shade
_BACKGROUND = _DELAY_BASE + len(DELAY_COLOURS)
_GLYPH_LIGHT = QColor(255, 255, 255)
_GLYPH_DARK = QColor(40, 40, 40)
# Below this many pixels per cell a glyph is noise; the colours (and the legend) carry it.
_MIN_GLYPH_CELL = 6
_MIN_GAP_CELL = 5


def paint_glyph(painter: QPainter, fate: Fate, cell: QRectF) -> None:
    """Draw ``fate``'s grey-safe mark inside ``cell``: × lost, ● duplicated, / late.

    The strip and the legend both call this, so the legend shows exactly what the strip draws.

    Args:
        painter: An active painter.
        fate: Whose mark to draw (delivered and pending have none).
        cell: The cell's rectangle in device pixels.
    """
    inset = max(1.0, cell.width() * 0.2)
    inner = cell.adjusted(inset, inset, -inset, -inset)
    width = max(1.0, cell.width() / 7)
    if fate is Fate.LOST:
        painter.setPen(QPen(_GLYPH_LIGHT, width))
        painter.drawLine(QLineF(inner.topLeft(), inner.bottomRight()))
        painter.drawLine(QLineF(inner.bottomLeft(), inner.topRight()))
    elif fate is Fate.LATE:
        painter.setPen(QPen(_GLYPH_DARK, width))
        painter.drawLine(QLineF(inner.bottomLeft(), inner.topRight()))
    elif fate is Fate.DUPLICATED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_GLYPH_LIGHT)
        radius = inner.width() / 2.6
        painter.drawEllipse(inner.center(), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def delay_shades(arrivals: Sequence[Arrival], count: int, fastest_ms: float | None) -> bytes:
    """Per sequence number, how late its first arrival was: 0 on time, i + 1 past DELAY_EDGES_MS[i].

    Args:
        arrivals: One protocol's arrivals (any order; the first arrival of a number counts).
        count: How many sequence numbers the run has.
        fastest_ms: The round trip called "on time" (the run's fastest), or None: all on time.

    Returns:
        ``count`` bytes, index = sequence number - 1.
    """
    shades = bytearray(count)
    if fastest_ms is None:
        return bytes(shades)
    edges = [fastest_ms + edge for edge in DELAY_EDGES_MS]
    seen = bytearray(count + 1)
    for arrival in sorted(arrivals, key=lambda a: a.index):
        seq, rtt = arrival.seq, arrival.rtt_ms
        if not 1 <= seq <= count or seen[seq]:
            continue
        seen[seq] = 1
        if rtt is None or rtt < edges[0]:
            continue
        shades[seq - 1] = 3 if rtt >= edges[2] else 2 if rtt >= edges[1] else 1
    return bytes(shades)


@dataclass(frozen=True, slots=True)
class StripLayout:
    """Where the strip's cells go: ``columns`` cells of ``cell`` pixels per row, from ``origin``."""

    cell: int
    columns: int
    rows: int
    origin_x: int
    origin_y: int

    def rect(self, i: int) -> QRectF:
        """Cell ``i``'s rectangle (0-based, i.e. sequence number minus one)."""
        row, col = divmod(i, self.columns)
        return QRectF(self.origin_x + col * self.cell, self.origin_y + row * self.cell, self.cell, self.cell)


def strip_layout(count: int, width: int, height: int) -> StripLayout:
    """The biggest square cell that fits ``count`` cells, row by row, into width × height.

    Args:
        count: Number of cells (sequence numbers).
        width: Available pixels across.
        height: Available pixels down.

    Returns:
        The layout; cells are at least one pixel (the picture then overflows downwards).
    """
    if count <= 0 or width <= 0 or height <= 0:
        return StripLayout(1, 1, 0, 0, 0)
    cell = max(1, int(math.sqrt(width * height / count)))
    while cell > 1 and (width // cell) * (height // cell) < count:
        cell -= 1
    columns = max(1, width // cell)
    rows = -(-count // columns)
    return StripLayout(cell, columns, rows, 0, 0)


class DeliveryStrip(QWidget):
    """One cell per sequence number, coloured (and marked) by what became of that message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fates: tuple[Fate, ...] = ()
        self._counts: dict[Fate, int] = dict.fromkeys(FATE_COLOURS, 0)
        self._image = QImage()
        self._marked: dict[Fate, list[int]] = {}
        self._pixels = b""
        self._shades = b""
        self.shade_counts = [0] * len(DELAY_COLOURS)  # delivered cells painted with each delay shade
        self.setMinimumSize(160, 56)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """A wide, short band."""
        return QSize(480, 80)

    @property
    def fates(self) -> tuple[Fate, ...]:
        """The fates painted, index = sequence number - 1."""
        return self._fates

    def fate_counts(self) -> dict[Fate, int]:
        """How many cells of each fate the strip paints."""
        return dict(self._counts)

    def set_fates(self, fates: Sequence[Fate], shades: bytes = b"") -> None:
        """Paint these fates (index = sequence number - 1); cheap enough for ten updates a second.

        Args:
            fates: One fate per sequence number.
            shades: Per sequence number, ``delay_shades``' lateness (0: on time); only
                delivered cells are shaded. Empty: none is.
        """
        fates = tuple(fates)
        if fates == self._fates and shades == self._shades:
            return
        self._fates = fates
        self._shades = shades
        # Keyed by identity: an Enum's __hash__ is Python code, and this runs for every cell.
        by_id = _INDEX_BY_ID
        pixels = bytes([by_id[id(f)] for f in fates])
        self._counts = {fate: pixels.count(i) for fate, i in FATE_INDEX.items()}
        delivered = FATE_INDEX[Fate.DELIVERED]
        if shades and len(shades) == len(pixels) and any(shades):
            base = _DELAY_BASE - 1
            pixels = bytes(
                base + shade if p == delivered and shade else p
                for p, shade in zip(pixels, shades, strict=True)
            )
        self.shade_counts = [pixels.count(_DELAY_BASE + i) for i in range(len(DELAY_COLOURS))]
        self._marked = {}
        for fate in (Fate.LOST, Fate.LATE, Fate.DUPLICATED):
            if self._counts[fate]:
                value = FATE_INDEX[fate]
                self._marked[fate] = [i for i, p in enumerate(pixels) if p == value]
        self._pixels = pixels
        self._image = QImage()  # rebuilt at paint time for the current width
        self.update()

    def _build_image(self, layout: StripLayout) -> QImage:
        columns = layout.columns
        stride = (columns + 3) & ~3  # QImage wants 32-bit aligned scan lines
        data = bytearray(stride * layout.rows)
        pixels = self._pixels
        for row in range(layout.rows):
            chunk = pixels[row * columns : (row + 1) * columns]
            start = row * stride
            data[start : start + len(chunk)] = chunk
            # The unused tail of the last row shows as background, not as pending cells.
            tail = columns - len(chunk)
            if tail > 0:
                data[start + len(chunk) : start + columns] = bytes([_BACKGROUND]) * tail
        image = QImage(bytes(data), columns, layout.rows, stride, QImage.Format.Format_Indexed8)
        table = [c.rgba() for c in FATE_COLOURS.values()] + [c.rgba() for c in DELAY_COLOURS]
        table.append(self.palette().color(QPalette.ColorRole.Base).rgba())
        image.setColorTable(table)
        return image.copy()  # own the pixels: ``data`` goes away with this frame

    def layout_now(self) -> StripLayout:
        """Where the cells are at the widget's current size."""
        return strip_layout(len(self._fates), self.width(), self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Scale the one-pixel-per-cell image up, then glyphs and gaps if the cells are big enough."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if not self._fates:
            painter.end()
            return
        layout = self.layout_now()
        if self._image.isNull() or self._image.width() != layout.columns:
            self._image = self._build_image(layout)
        target = QRect(0, 0, layout.columns * layout.cell, layout.rows * layout.cell)
        painter.drawImage(target, self._image)
        if layout.cell >= _MIN_GAP_CELL:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1))
            lines = [QLineF(x, 0, x, target.bottom() + 1) for x in range(0, target.width() + 1, layout.cell)]
            lines += [QLineF(0, y, target.width(), y) for y in range(0, target.height() + 1, layout.cell)]
            painter.drawLines(lines)
        if layout.cell >= _MIN_GLYPH_CELL:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for fate, cells in self._marked.items():
                for i in cells:
                    paint_glyph(painter, fate, layout.rect(i).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()


class Legend(QWidget):
    """Swatches with the strip's own colours and glyphs, each with its (translated) name.

    The entries flow onto as many lines as the width needs (height for width), so a narrow
    window shows every one of them.

    Args:
        caption: Text before the first swatch ("" for none).
        entries: (colour, fate whose glyph to draw or None, text) in order.
        parent: Optional parent widget.
    """

    _GAP = 18

    def __init__(
        self, caption: str, entries: list[tuple[QColor, Fate | None, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.caption = caption
        self.entries = entries
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def texts(self) -> list[str]:
        """Every text the legend paints (tests, and the language check)."""
        return ([self.caption] if self.caption else []) + [text for _, _, text in self.entries]

    def _swatch(self) -> int:
        return self.fontMetrics().height()

    def _places(self, width: int) -> list[tuple[int, int, QColor | None, Fate | None, str]]:
        """(x, line, colour or None for the caption, glyph, text) for each part at ``width``."""
        metrics = self.fontMetrics()
        size = self._swatch()
        parts: list[tuple[QColor | None, Fate | None, str]] = []
        if self.caption:
            parts.append((None, None, self.caption))
        parts.extend(self.entries)
        places: list[tuple[int, int, QColor | None, Fate | None, str]] = []
        x = line = 0
        for colour, fate, text in parts:
            needed = metrics.horizontalAdvance(text) + (0 if colour is None else size + 6)
            if x and x + needed > width:
                x, line = 0, line + 1
            places.append((x, line, colour, fate, text))
            x += needed + self._GAP
        return places

    def _lines(self, width: int) -> int:
        places = self._places(width)
        return places[-1][1] + 1 if places else 1

    def _line_height(self) -> int:
        return self._swatch() + 6

    def hasHeightForWidth(self) -> bool:
        """The height depends on how many lines the entries need."""
        return True

    def heightForWidth(self, width: int) -> int:
        """One line per row of entries that fits ``width``."""
        return self._lines(width) * self._line_height()

    def sizeHint(self) -> QSize:
        """All entries on one line."""
        places = self._places(1_000_000)
        metrics = self.fontMetrics()
        width = (
            (places[-1][0] + metrics.horizontalAdvance(places[-1][4]) + self._swatch() + 6) if places else 0
        )
        return QSize(width, self._line_height())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest entry."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(t) for t in self.texts()), default=0)
        return QSize(widest + self._swatch() + 6, self._line_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Swatch, glyph, plain text; entries side by side, onto the next line when full."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self._swatch()
        step = self._line_height()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        for x, line, colour, fate, text in self._places(self.width()):
            top = line * step
            if colour is not None:
                cell = QRectF(x, top + 3, size, size)
                painter.fillRect(cell, colour)
                if fate is not None:
                    paint_glyph(painter, fate, cell)
                x += size + 6
            painter.setPen(text_colour)
            width = metrics.horizontalAdvance(text)
            painter.drawText(QRectF(x, top, width + 2, step), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class FateLegend(Legend):
    """What the strip's colours and marks say became of each message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        entries: list[tuple[QColor, Fate | None, str]] = [
            (FATE_COLOURS[Fate.DELIVERED], None, self.tr("delivered once, in order")),
            (FATE_COLOURS[Fate.LATE], Fate.LATE, self.tr("late (out of order)")),
            (FATE_COLOURS[Fate.DUPLICATED], Fate.DUPLICATED, self.tr("duplicated")),
            (FATE_COLOURS[Fate.LOST], Fate.LOST, self.tr("lost")),
            (FATE_COLOURS[Fate.PENDING], None, self.tr("not yet arrived")),
        ]
        super().__init__("", entries, parent)


class DelayLegend(Legend):
    """What the delay shades of delivered cells say: how much longer than the fastest round trip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        entries: list[tuple[QColor, Fate | None, str]] = [
            (FATE_COLOURS[Fate.DELIVERED], None, self.tr("on time (under 10 ms more)")),
            (DELAY_COLOURS[0], None, self.tr("10–50 ms more")),
            (DELAY_COLOURS[1], None, self.tr("50–200 ms more")),
            (DELAY_COLOURS[2], None, self.tr("200 ms or more (a resend's wait)")),
        ]
        super().__init__(self.tr("Delivered, round trip compared with the run's fastest:"), entries, parent)
