"""``python main.py discover``: list the rooms announced on this network, then exit."""

from __future__ import annotations

import sys
import unicodedata

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

from chatgui.cli.base import EXIT_FAILED, EXIT_OK, application
from chatgui.cli.base import tr as _t
from chatgui.cli.io import InterruptWatcher
from chatgui.cli.session import printable
from chatgui.discovery.bridge import Discovery
from chatgui.discovery.rooms import Room


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: East Asian wide and full-width characters take two."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def format_rooms(rooms: list[Room]) -> list[str]:
    """One aligned line per room: ``NICK  MODE  HOST  PORT  ROOM`` (peer text made printable)."""
    rows = [
        [
            printable(room.nick) or "-",
            room.mode.upper(),
            room.host or "-",
            str(room.port),
            printable(room.name),
        ]
        for room in sorted(rooms, key=lambda room: (room.nick.lower(), room.name.lower(), room.key))
    ]
    widths = [max((display_width(row[column]) for row in rows), default=0) for column in range(4)]
    lines = []
    for row in rows:
        cells = [cell + " " * (width - display_width(cell)) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[4]]))
    return lines


class DiscoverRun(QObject):
    """Collects rooms for a while, then prints them; ends early if discovery cannot work."""

    def __init__(self, app: QCoreApplication, discovery: Discovery, timeout: float) -> None:
        super().__init__()
        self._app = app
        self._discovery = discovery
        self.exit_code = EXIT_OK
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(timeout * 1000))
        self._timer.timeout.connect(self.on_time_up)
        discovery.unavailable.connect(self.on_unavailable)

    def start(self) -> None:
        """Start listening and the clock."""
        self._discovery.start_browsing()
        self._timer.start()

    @Slot()
    def on_time_up(self) -> None:
        """Enough listening."""
        self._app.quit()

    @Slot(str)
    def on_unavailable(self, sentence: str) -> None:
        """Multicast does not work here: say why and stop."""
        sys.stderr.write(sentence + "\n")
        sys.stderr.flush()
        self.exit_code = EXIT_FAILED
        self._timer.stop()
        self._app.quit()

    def request_stop(self) -> None:
        """Ctrl+C / SIGTERM: print what was found so far."""
        self._timer.stop()
        self._app.quit()


def run_discover(timeout: float) -> int:
    """Listen for ``timeout`` seconds and print the rooms found.

    Returns:
        0 (rooms printed, or none found: a note on stderr), 1 when multicast does not work here.
    """
    app = application()
    discovery = Discovery()
    run = DiscoverRun(app, discovery, timeout)
    watcher = InterruptWatcher(run.request_stop)
    try:
        run.start()
        app.exec()
        rooms = discovery.rooms
    finally:
        watcher.close()
        discovery.shutdown()
    if run.exit_code != EXIT_OK:
        return run.exit_code
    if rooms:
        sys.stdout.write("".join(line + "\n" for line in format_rooms(rooms)))
        sys.stdout.flush()
    else:
        sys.stderr.write(_t("No rooms found on this network.") + "\n")
    return EXIT_OK
