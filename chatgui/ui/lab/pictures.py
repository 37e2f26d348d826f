"""The lab's pictures, painted with QPainter: delivery strip, legend, arrival order, RTT over time.

Everything is painted from arrays prepared when a result arrives (an 8-bit image with one
pixel per sequence number, point polygons in data coordinates), never from per-message
widgets, so 10,000 messages repaint in a few milliseconds and a live run can update ten
times a second without stalling the window.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
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
        self.setMinimumSize(200, 70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """A wide, short band."""
        return QSize(480, 110)

    @property
    def fates(self) -> tuple[Fate, ...]:
        """The fates painted, index = sequence number - 1."""
        return self._fates

    def fate_counts(self) -> dict[Fate, int]:
        """How many cells of each fate the strip paints."""
        return dict(self._counts)

    def set_fates(self, fates: Sequence[Fate]) -> None:
        """Paint these fates (index = sequence number - 1); cheap enough for ten updates a second.

        Args:
            fates: One fate per sequence number.
        """
        fates = tuple(fates)
        if fates == self._fates:
            return
        self._fates = fates
        # Keyed by identity: an Enum's __hash__ is Python code, and this runs for every cell.
        by_id = _INDEX_BY_ID
        pixels = bytes([by_id[id(f)] for f in fates])
        self._counts = {fate: pixels.count(i) for fate, i in FATE_INDEX.items()}
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
                data[start + len(chunk) : start + columns] = bytes([len(FATE_COLOURS)]) * tail
        image = QImage(bytes(data), columns, layout.rows, stride, QImage.Format.Format_Indexed8)
        table = [c.rgba() for c in FATE_COLOURS.values()]
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


class FateLegend(QWidget):
    """Swatches with the strip's own colours and glyphs, each with its (translated) name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[Fate, str]] = [
            (Fate.DELIVERED, self.tr("delivered once, in order")),
            (Fate.LATE, self.tr("late (out of order)")),
            (Fate.DUPLICATED, self.tr("duplicated")),
            (Fate.LOST, self.tr("lost")),
            (Fate.PENDING, self.tr("not yet arrived")),
        ]
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _swatch(self) -> int:
        return self.fontMetrics().height()

    def sizeHint(self) -> QSize:
        """All entries on one line."""
        metrics = self.fontMetrics()
        width = sum(self._swatch() + 6 + metrics.horizontalAdvance(text) + 18 for _, text in self.entries)
        return QSize(width, self._swatch() + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Swatch, glyph, plain text; entries side by side."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self._swatch()
        x = 0
        y = (self.height() - size) // 2
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        for fate, text in self.entries:
            cell = QRectF(x, y, size, size)
            painter.fillRect(cell, FATE_COLOURS[fate])
            paint_glyph(painter, fate, cell)
            x += size + 6
            painter.setPen(text_colour)
            width = self.fontMetrics().horizontalAdvance(text)
            painter.drawText(QRectF(x, 0, width + 2, self.height()), Qt.AlignmentFlag.AlignVCenter, text)
            x += width + 18
        painter.end()


def nice_step(span: float, ticks: int = 5) -> float:
    """A 1/2/5 × 10^n step that cuts ``span`` into about ``ticks`` parts."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


def nice_max(value: float) -> float:
    """``value`` rounded up to a tick, so an axis ends on a label."""
    if value <= 0:
        return 1.0
    step = nice_step(value)
    return math.ceil(value / step) * step


def _format_tick(value: float, step: float) -> str:
    if step >= 1:
        return f"{value:.0f}"
    decimals = min(4, max(1, -math.floor(math.log10(step))))
    return f"{value:.{decimals}f}"


@dataclass(frozen=True, slots=True)
class Series:
    """Points in data coordinates, drawn as dots of one colour (``emphasis`` makes them bigger)."""

    points: QPolygonF
    colour: QColor
    emphasis: float = 1.0


class ScatterPlot(QWidget):
    """Axes with ticks and dot series; subclasses turn results into series.

    Args:
        x_label: The x axis' title (translated).
        y_label: The y axis' title (translated).
        parent: Optional parent widget.
    """

    def __init__(self, x_label: str, y_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.x_label = x_label
        self.y_label = y_label
        self.x_max = 1.0
        self.y_max = 1.0
        self.series: list[Series] = []
        self.diagonal = False
        self.setMinimumSize(200, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """A modest plot."""
        return QSize(480, 170)

    def set_range(self, x_max: float, y_max: float) -> None:
        """Axis ends (both axes start at 0); a pair of plots shares them to compare fairly."""
        self.x_max = max(x_max, 1e-9)
        self.y_max = max(y_max, 1e-9)
        self.update()

    def point_count(self) -> int:
        """How many dots the plot draws."""
        return sum(s.points.size() for s in self.series)

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("00000") + 8
        bottom = metrics.height() * 2 + 4
        top = metrics.height() // 2 + 2
        right = metrics.horizontalAdvance("0000") // 2 + 4  # room for the last x label's right half
        return QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Frame, grid, ticks, axis titles, then every series through one data→pixel transform."""
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        area = self._plot_rect()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = palette.color(QPalette.ColorRole.Mid)
        grid.setAlpha(90)
        metrics = self.fontMetrics()
        x_step = nice_step(self.x_max)
        y_step = nice_step(self.y_max)
        painter.setPen(grid)
        x = 0.0
        while x <= self.x_max + 1e-9:
            px = area.left() + area.width() * x / self.x_max
            painter.setPen(grid)
            painter.drawLine(QLineF(px, area.top(), px, area.bottom()))
            painter.setPen(text)
            label = _format_tick(x, x_step)
            w = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(px - w / 2, area.bottom() + metrics.ascent() + 2), label)
            x += x_step
        y = 0.0
        while y <= self.y_max + 1e-9:
            py = area.bottom() - area.height() * y / self.y_max
            painter.setPen(grid)
            painter.drawLine(QLineF(area.left(), py, area.right(), py))
            painter.setPen(text)
            label = _format_tick(y, y_step)
            w = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(area.left() - w - 4, py + metrics.ascent() / 2 - 1), label)
            y += y_step
        painter.setPen(text)
        painter.drawText(
            QRectF(area.left(), area.bottom() + metrics.height() + 2, area.width(), metrics.height() + 2),
            Qt.AlignmentFlag.AlignHCenter,
            self.x_label,
        )
        painter.drawText(
            QRectF(area.left() + 4, area.top(), area.width(), metrics.height() + 2), 0, self.y_label
        )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(area)

        painter.setClipRect(area.adjusted(-3, -3, 3, 3))
        to_pixels = QTransform()
        to_pixels.translate(area.left(), area.bottom())
        to_pixels.scale(area.width() / self.x_max, -area.height() / self.y_max)
        if self.diagonal:
            # Dashed in pixels: a dash pattern under the data transform costs ~15 ms a paint.
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
            end = min(self.x_max, self.y_max)
            painter.drawLine(to_pixels.map(QLineF(0, 0, end, end)))
        painter.setTransform(to_pixels)
        dot = 3.0 if self.point_count() > 2000 else 4.0
        for series in self.series:
            pen = QPen(series.colour, dot * series.emphasis)
            pen.setCosmetic(True)  # dot size in pixels whatever the scale
            # Round dots only where there are few: a square dot is several times cheaper to fill.
            many = series.points.size() > 500
            pen.setCapStyle(Qt.PenCapStyle.SquareCap if many else Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPoints(series.points)
        painter.end()


class ArrivalPlot(ScatterPlot):
    """Sequence number against arrival index: in-order arrivals lie on the diagonal.

    Arrivals only ever grow during a run, so only the new ones are converted on each update.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("arrival order (0 = first to arrive)"), self.tr("sequence number"), parent)
        self.diagonal = True
        self._seen: set[int] = set()
        self._highest = 0
        self._count = 0
        self.in_order = QPolygonF()
        self.late = QPolygonF()
        self.repeats = QPolygonF()
        self.series = [
            Series(self.in_order, FATE_COLOURS[Fate.DELIVERED]),
            # The rare events are what the picture is for: drawn last and bigger.
            Series(self.late, FATE_COLOURS[Fate.LATE], 1.8),
            Series(self.repeats, FATE_COLOURS[Fate.DUPLICATED], 1.8),
        ]

    def clear(self) -> None:
        """Forget every arrival (a new run)."""
        self._seen.clear()
        self._highest = 0
        self._count = 0
        for series in self.series:
            series.points.clear()
        self.update()

    def set_arrivals(self, arrivals: Sequence[Arrival]) -> None:
        """Show these arrivals (in arrival order); a shorter list than before starts over."""
        if len(arrivals) < self._count:
            self.clear()
        for arrival in arrivals[self._count :]:
            point = QPointF(arrival.index, arrival.seq)
            if arrival.seq in self._seen:
                self.repeats.append(point)
            elif arrival.seq < self._highest:
                self.late.append(point)
            else:
                self.in_order.append(point)
            self._seen.add(arrival.seq)
            self._highest = max(self._highest, arrival.seq)
        self._count = len(arrivals)
        self.update()


class RttPlot(ScatterPlot):
    """Round-trip time of each message against when it arrived."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("time since start (s)"), self.tr("round trip (ms)"), parent)
        self.points = QPolygonF()
        self.series = [Series(self.points, QColor(90, 90, 200))]
        self._count = 0
        self._missing: list[int] = []

    def clear(self) -> None:
        """Forget every point (a new run)."""
        self.points.clear()
        self._count = 0
        self._missing = []
        self.update()

    def set_arrivals(self, arrivals: Sequence[Arrival]) -> None:
        """Plot every arrival whose echo came back; later updates add echoes that came back since."""
        if len(arrivals) < self._count:
            self.clear()
        # An arrival's echo may come back after the arrival was first reported: revisit only those.
        still_missing: list[int] = []
        for i in self._missing:
            arrival = arrivals[i]
            if arrival.rtt_ms is None:
                still_missing.append(i)
            else:
                self.points.append(QPointF(arrival.t, arrival.rtt_ms))
        for i in range(self._count, len(arrivals)):
            arrival = arrivals[i]
            if arrival.rtt_ms is None:
                still_missing.append(i)
            else:
                self.points.append(QPointF(arrival.t, arrival.rtt_ms))
        self._missing = still_missing
        self._count = len(arrivals)
        self.update()

    def max_values(self) -> tuple[float, float]:
        """The largest time and round trip plotted."""
        rect = self.points.boundingRect() if self.points.size() else QRectF()
        return rect.right(), rect.bottom()
