"""Stdin and signals for the headless commands, delivered into the Qt event loop."""

from __future__ import annotations

import codecs
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot


class StdinReader(QObject):
    """Reads stdin in a plain daemon thread and hands the GUI thread whole lines, a chunk at a time.

    A blocking read cannot sit in the Qt event loop portably (Windows has no select on a
    console), so a thread reads and emits; the receiver lives in the GUI thread.
    """

    lines_read = Signal(list)
    reached_eof = Signal()

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self._thread = threading.Thread(target=self._run, name="chatgui-stdin", daemon=True)

    def start(self) -> None:
        """Start reading."""
        self._thread.start()

    def _run(self) -> None:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        tail = ""
        while True:
            try:
                chunk = os.read(self._fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            lines = (tail + decoder.decode(chunk)).split("\n")
            tail = lines.pop()
            if lines:
                self.lines_read.emit([line.removesuffix("\r") for line in lines])
        tail += decoder.decode(b"", final=True)
        if tail:
            self.lines_read.emit([tail.removesuffix("\r")])
        self.reached_eof.emit()


class InterruptWatcher(QObject):
    """Turns SIGINT/SIGTERM into a call in the GUI thread while Qt's event loop runs.

    Python runs signal handlers only between bytecodes; Qt's C++ loop would hold them back.
    ``signal.set_wakeup_fd`` writes a byte on a socket whose notifier wakes the loop, and the
    handler then runs at once.
    """

    def __init__(self, on_interrupt: Callable[[], None]) -> None:
        super().__init__()
        self._on_interrupt = on_interrupt
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.on_wakeup)
        self._old_wakeup = -1
        self._old_handlers: dict[int, object] = {}
        try:
            self._old_wakeup = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        except ValueError:  # not the main thread: leave signals alone
            return
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._old_handlers[signum] = signal.signal(signum, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self._on_interrupt()

    @Slot()
    def on_wakeup(self) -> None:
        """Empty the wake-up socket (the Python handler has already run or runs right now)."""
        try:
            while self._reader.recv(4096):
                pass
        except OSError:
            pass

    def close(self) -> None:
        """Restore the previous handlers and wake-up fd."""
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]  # what signal.signal returned
        if self._old_handlers:
            signal.set_wakeup_fd(self._old_wakeup)
        self._old_handlers.clear()
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def stdin_fd() -> int | None:
    """The file descriptor of stdin, or None when there is none (e.g. a GUI-subsystem Windows program)."""
    if sys.stdin is None:
        return None
    try:
        return sys.stdin.fileno()
    except (OSError, ValueError):
        return None
