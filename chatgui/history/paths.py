"""Where the history file lives by default: Qt's per-user data folder for chatgui."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APP_NAME = "chatgui"  # the organisation and application name the window and the commands set


def app_data_folder() -> Path:
    """``QStandardPaths.AppDataLocation`` for chatgui, the same for the window and the commands.

    Qt builds that folder from the application's organisation and name. The window and
    the headless commands both set them to "chatgui" (``chatgui.app``,
    ``chatgui.cli.base``); when nothing has set them yet (a script, a test without an
    application) they are set here the same way, so every entry point agrees.

    Returns:
        The folder (e.g. ``~/.local/share/chatgui/chatgui`` on Linux); it may not exist yet.
    """
    if QCoreApplication.instance() is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)
