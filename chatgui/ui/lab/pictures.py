"""The lab's plots, painted with QPainter: arrival order and round trip over time.

Points are kept as polygons in data coordinates and drawn through one transform, so
10,000 dots repaint in a few milliseconds during a live run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from chatgui.lab.model import Arrival, Fate
from chatgui.ui.lab.strip import FATE_COLOURS


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
        self.setMinimumSize(160, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """A modest plot."""
        return QSize(480, 140)

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
