"""``main.py --startup-time``: from process start to the window's first paint.

The installers' budget is "launch to window shown in under a second". The clock starts
when the kernel started this process (``/proc/self/stat`` on Linux, so a frozen bundle's
bootloader and unpacking count too) or, elsewhere, at the top of ``main.py``; it stops at
the first paint event of the real chat window, built by ``chatgui.ui.app`` exactly as a user
gets it (with a throwaway settings file, so measuring never changes the user's settings).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Slot

# A window that has not painted after this long will not: report it instead of hanging.
PAINT_TIMEOUT_MS = 20_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("startup", text)


def start_ticks_from_stat(stat: str) -> int:
    """The process start time in clock ticks after boot, from the text of ``/proc/<pid>/stat``.

    Args:
        stat: The whole line; the command name (field 2) may hold spaces and parentheses.

    Returns:
        Field 22, ``starttime``.

    Raises:
        ValueError: The text is not a stat line.
    """
    # Fields after the command name start after its *last* ')': a name can contain ')'.
    _, sep, rest = stat.rpartition(")")
    fields = rest.split()
    if not sep or len(fields) < 20:
        raise ValueError("not a /proc/<pid>/stat line")
    return int(fields[19])


def seconds_since_process_start(fallback_started: float) -> float:
    """Seconds since the kernel started this process, or since ``fallback_started``.

    Args:
        fallback_started: A ``time.perf_counter()`` value taken as early as possible, used
            where ``/proc`` is not available (Windows, macOS).

    Returns:
        The elapsed time in seconds.
    """
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        ticks = start_ticks_from_stat(stat)
        # starttime counts from boot on CLOCK_BOOTTIME since Linux 5.3; one tick is 10 ms.
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, AttributeError):
        return time.perf_counter() - fallback_started


class FirstPaintTimer(QObject):
    """Watches one window and quits the event loop at its first paint, remembering when."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self._started = started
        self.elapsed: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Record the first paint of the watched window and end the event loop."""
        if self.elapsed is None and event.type() == QEvent.Type.Paint:
            self.elapsed = seconds_since_process_start(self._started)
            # Leave the loop after this paint is done, so the window really was drawn.
            QTimer.singleShot(0, self.on_give_up)
        return False

    @Slot()
    def on_give_up(self) -> None:
        """End the event loop (after the first paint, or when waiting for it timed out)."""
        QCoreApplication.exit(0)


def run_startup_time(argv: list[str], started: float) -> int:
    """Build and show the real window, print ``startup: N ms`` at its first paint, and exit.

    Args:
        argv: The command line, for Qt's own options.
        started: ``time.perf_counter()`` at the top of ``main.py`` (used off Linux).

    Returns:
        0 when the window painted, 1 if it did not within the timeout.
    """
    from chatgui.ui.app import app_icon, create_application, main_window

    app = create_application(argv)
    app.setWindowIcon(app_icon())
    with tempfile.TemporaryDirectory(prefix="chatgui-startup-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = main_window(settings=settings)
        timer = FirstPaintTimer(started)
        window.installEventFilter(timer)
        QTimer.singleShot(PAINT_TIMEOUT_MS, timer.on_give_up)
        window.show()
        try:
            app.exec()
        finally:
            window.removeEventFilter(timer)
            window.backend.shutdown()
            window.close()
            settings.sync()
    if timer.elapsed is None:
        message = _tr("startup: the window did not paint within {s} s").format(s=PAINT_TIMEOUT_MS // 1000)
        print(message, file=sys.stderr, flush=True)
        return 1
    print(_tr("startup: {ms} ms").format(ms=round(timer.elapsed * 1000)), flush=True)
    return 0
