"""Light and dark looks: the system's scheme by default, or a manual choice on Fusion.

"system" leaves the platform's style and palette alone (Qt 6.5+ styles follow the desktop's
light/dark scheme themselves) unless the desktop says it is dark and the style's palette is
still light, in which case the dark palette below stands in. "light" and "dark" use Fusion
with the palettes below, whose colours were chosen so every text the transcript draws keeps
a WCAG contrast of at least 4.5:1 on its background (tests/ui/test_themes.py measures it).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


class Theme(enum.StrEnum):
    """The user's choice of look (the value is what settings store)."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def parse(cls, value: object) -> Theme:
        """The theme a stored setting names; SYSTEM for anything unknown."""
        try:
            return cls(str(value))
        except ValueError:
            return cls.SYSTEM


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def light_palette() -> QPalette:
    """The light palette (dark text on near-white)."""
    r = QPalette.ColorRole
    return _palette(
        {
            r.Window: "#f3f3f3",
            r.WindowText: "#1b1b1b",
            r.Base: "#ffffff",
            r.AlternateBase: "#f5f7fa",
            r.Text: "#1b1b1b",
            r.Button: "#ececec",
            r.ButtonText: "#1b1b1b",
            r.BrightText: "#ffffff",
            r.Highlight: "#1565c0",
            r.HighlightedText: "#ffffff",
            r.Link: "#0d47a1",
            r.LinkVisited: "#4a148c",
            r.PlaceholderText: "#5f6368",
            r.ToolTipBase: "#ffffdc",
            r.ToolTipText: "#1b1b1b",
            r.Light: "#ffffff",
            r.Midlight: "#e3e3e3",
            r.Mid: "#b8b8b8",
            r.Dark: "#9e9e9e",
            r.Shadow: "#767676",
        },
        disabled_text="#8a8a8a",
    )


def dark_palette() -> QPalette:
    """The dark palette (light text on charcoal, not pure black: easier on the eyes for hours)."""
    r = QPalette.ColorRole
    return _palette(
        {
            r.Window: "#2b2b2b",
            r.WindowText: "#e6e6e6",
            r.Base: "#1e1e1e",
            r.AlternateBase: "#262626",
            r.Text: "#e6e6e6",
            r.Button: "#353535",
            r.ButtonText: "#e6e6e6",
            r.BrightText: "#ffffff",
            r.Highlight: "#2f6fb5",
            r.HighlightedText: "#ffffff",
            r.Link: "#8ab4f8",
            r.LinkVisited: "#c58af9",
            r.PlaceholderText: "#a0a0a0",
            r.ToolTipBase: "#3c3c3c",
            r.ToolTipText: "#e6e6e6",
            r.Light: "#4a4a4a",
            r.Midlight: "#3d3d3d",
            r.Mid: "#2a2a2a",
            r.Dark: "#191919",
            r.Shadow: "#000000",
        },
        disabled_text="#7a7a7a",
    )


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark one (its base is darker than mid-grey)."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour (0 black .. 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 .. 21; 4.5 is the bar for body text)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


class ThemeManager(QObject):
    """Applies a :class:`Theme` to the application and follows the desktop's scheme under SYSTEM.

    Args:
        app: The application whose style and palette change.
        parent: Who owns the manager (the window), so it stops following with it.
    """

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._theme = Theme.SYSTEM
        self._native_style = app.style().name()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    @property
    def theme(self) -> Theme:
        """The theme applied last."""
        return self._theme

    def apply(self, theme: Theme) -> None:
        """Switch the whole application to ``theme`` now."""
        self._theme = theme
        hints = QGuiApplication.styleHints()
        if theme == Theme.SYSTEM:
            hints.unsetColorScheme()
            if self._app.style().name() != self._native_style:
                self._app.setStyle(QStyleFactory.create(self._native_style))
            # A default-constructed palette hands the palette back to the platform, which then
            # follows the desktop's changes again.
            self._app.setPalette(QPalette())
            if hints.colorScheme() == Qt.ColorScheme.Dark and not is_dark(self._app.palette()):
                # The desktop said dark but the style kept a light palette (Fusion on a bare X
                # server, older styles): the dark palette keeps the promise.
                self._set_fusion(dark_palette())
            return
        hints.setColorScheme(Qt.ColorScheme.Dark if theme == Theme.DARK else Qt.ColorScheme.Light)
        self._set_fusion(dark_palette() if theme == Theme.DARK else light_palette())

    def _set_fusion(self, palette: QPalette) -> None:
        if self._app.style().name().lower() != "fusion":
            self._app.setStyle(QStyleFactory.create("Fusion"))
        self._app.setPalette(palette)

    @Slot(Qt.ColorScheme)
    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme == Theme.SYSTEM:
            self.apply(Theme.SYSTEM)
