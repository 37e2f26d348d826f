"""The window carries the app icon, drawn from the SVG in resources/icons."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from chatgui.ui.app import create_application


def test_the_application_has_the_chatgui_icon(qapp: QApplication) -> None:
    app = create_application([])
    icon = app.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(32, 32).toImage()
    assert image.width() == 32
    # Drawn, not blank: some pixels are opaque.
    assert any(image.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32))
