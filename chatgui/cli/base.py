"""What every headless command shares: translation, exit statuses, UTF-8 output, the QCoreApplication."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

EXIT_OK = 0
EXIT_FAILED = 1  # could not start, the host went away, or the self-test failed
EXIT_USAGE = 2  # argparse's own status for a bad command line


def tr(text: str) -> str:
    """Translate a user-visible string of the headless commands."""
    return QCoreApplication.translate("cli", text)


def utf8_streams() -> None:
    """Write UTF-8 whatever the locale says, so every peer's text can be printed."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # One write and flush per batch is what makes a flood fast: no line buffering.
            reconfigure(encoding="utf-8", errors="backslashreplace", line_buffering=False)


def application() -> QCoreApplication:
    """The running QCoreApplication, or a new one named chatgui."""
    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication([sys.argv[0] if sys.argv else "chatgui"])
        app.setApplicationName("chatgui")
        app.setOrganizationName("chatgui")
    return app
