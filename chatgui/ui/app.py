"""QApplication setup and the window factory."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from chatgui.cli.base import tr
from chatgui.history.bridge import History
from chatgui.resources import icon_path
from chatgui.settings import LANGUAGE, keep_history, read_text

if TYPE_CHECKING:
    from chatgui.ui.interfaces import BackendLike, DiscoveryLike, HistoryLike
    from chatgui.ui.main_window import MainWindow

APP_NAME = "chatgui"

SWITCH_INTERVAL_S = 0.0002
"""How long a thread may hold the GIL while another waits for it (Python's default: 5 ms).

The GUI thread does little per flood slice but calls into Python hundreds of times from Qt
(row sizes, counts, painting), and each call waits for the GIL the socket worker holds.
Measured under a 200,000-message flood on 2 cores, history on: 5 ms held the window's
timers 160 ms late at p99, 1 ms 40-67 ms, 0.2 ms 13-24 ms (max 22-36 ms) for about 12%
fewer messages a second over TCP; 0.1 ms was no better and cost more."""


def app_icon() -> QIcon:
    """The app icon, for ``QApplication.setWindowIcon``.

    Returns:
        The icon; a null icon if the file is missing (the window still works without one).
    """
    path = icon_path()
    return QIcon(str(path)) if path.is_file() else QIcon()


def create_application(argv: list[str]) -> QApplication:
    """Create (or return the existing) QApplication, named for QSettings.

    Args:
        argv: The command line Qt may read its own options from.

    Returns:
        The application object.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    from chatgui.net.backend import tune_collector

    tune_collector()  # short GC pauses under a flood (measured; see chatgui.net.backend)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


def create_discovery() -> Any:
    """Make the LAN discovery facade, or None when this installation cannot discover rooms.

    Returns:
        A ``chatgui.discovery.bridge.Discovery`` (not browsing yet), or None when it cannot
        be imported (zeroconf missing): the window then says so and manual entry works.
    """
    try:
        from chatgui.discovery.bridge import Discovery  # needs zeroconf
    except ImportError:
        return None
    return Discovery()


def create_history(settings: QSettings) -> History:
    """Make the history facade in the app's data folder.

    Args:
        settings: The user's settings ("Keep history" decides whether anything is written).
    """
    return History(enabled=keep_history(settings))


def install_language(app: QApplication, settings: QSettings) -> bool:
    """Load the translation the user chose (View › Language), before any window exists.

    Returns:
        Whether a translation was installed (False: English).
    """
    from chatgui import i18n

    return i18n.install_translator(app, read_text(settings, LANGUAGE, i18n.SYSTEM))


def main_window(
    backend: BackendLike | None = None,
    settings: QSettings | None = None,
    discovery: DiscoveryLike | None = None,
    history: HistoryLike | None = None,
) -> MainWindow:
    """Build the chat window.

    Args:
        backend: The session facade; a new ``chatgui.net.backend.Backend`` when omitted.
        settings: Where settings persist; the user's settings for this app when omitted.
        discovery: Finds and announces rooms; the window lists none without it.
        history: Keeps every room's messages; the window shows this session only without it.

    Returns:
        The window (not shown yet).
    """
    from chatgui.ui.main_window import MainWindow

    if backend is None:
        from chatgui.net.backend import Backend

        backend = Backend()
    if settings is None:
        settings = QSettings(APP_NAME, APP_NAME)
    return MainWindow(backend, settings, discovery=discovery, history=history)


def missing_display(environ: Mapping[str, str], platform: str = sys.platform) -> str:
    """The sentence to print when the window has no screen to open on, else "".

    On Linux and the BSDs Qt needs an X or Wayland display; without one it aborts with a
    message about plugins (and ``xcb-cursor0``) that misleads more than it helps. Windows
    and macOS always have a screen; ``QT_QPA_PLATFORM`` (e.g. ``offscreen``) is the user's
    own choice and is left to Qt.

    Args:
        environ: The environment (``os.environ``).
        platform: ``sys.platform``.
    """
    if platform.startswith(("win", "darwin", "cygwin")) or environ.get("QT_QPA_PLATFORM"):
        return ""
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return ""
    frozen = getattr(sys, "frozen", False)
    command = f"{os.path.basename(sys.executable)} --help" if frozen else "python3 main.py --help"
    return tr(
        "chatgui cannot open its window: there is no display here (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set). Start it from a desktop session; or use the headless "
        "commands ({command}); or set QT_QPA_PLATFORM=offscreen to run the window "
        "without a screen."
    ).format(command=command)


def run_gui(argv: list[str]) -> int:
    """Run the windowed app until the window closes.

    Args:
        argv: The command line (Qt options are honoured).

    Returns:
        The exit status.
    """
    no_screen = missing_display(os.environ)
    if no_screen:
        print(no_screen, file=sys.stderr)
        return 1
    from chatgui.net.backend import Backend
    from chatgui.net.fdlimit import raise_open_file_limit

    raise_open_file_limit()  # a host with many members needs more than the usual 1,024 files
    app = create_application(argv)
    settings = QSettings(APP_NAME, APP_NAME)
    install_language(app, settings)
    backend = Backend()
    discovery = create_discovery()
    history = create_history(settings)
    window = main_window(backend, settings, discovery=discovery, history=history)
    window.show()
    if discovery is not None:
        # After show(): the window paints first; browsing starts off the GUI thread anyway.
        discovery.start_browsing()
    try:
        return app.exec()
    finally:
        if discovery is not None:
            discovery.shutdown()  # unregisters our room, so others see it vanish at once
        # closeEvent already did this; a second call is a no-op, and it covers app.quit().
        backend.shutdown()
        if history is not None:
            history.shutdown()  # commits the last batch
