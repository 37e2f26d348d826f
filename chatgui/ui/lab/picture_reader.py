"""The user's picture for the lab, read in a pool thread: a large file never freezes the window.

``PictureReader.read(path)`` returns at once; ``picture_read(path, picture)`` follows on the
GUI thread with the ``Picture`` made small (``load_picture``: at most 40 megapixels, refused
from the header before anything is decoded), or None where the file is no picture chatgui
can read. Only the newest request is answered: a newer one (or ``cancel``) supersedes the
others, whichever finishes last, and one that had not started yet is dropped unread.

Answers travel on one relay that lives as long as the program, never on an object that a
closing window may have deleted: a reader that is gone simply hears nothing. Deleting a
reader waits for the decode under way (its pool is its child), which ends within a second
or two at the cap.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from chatgui.lab.picture_wire import Picture
from chatgui.ui.lab.picture_canvas import load_picture

_numbers = itertools.count(1)


class _Relay(QObject):
    """Lives in the GUI thread for good; pool threads emit on it, so answers arrive queued."""

    done = Signal(int, str, object)


@functools.cache
def _relay() -> _Relay:
    """The one relay (made on first use, in the GUI thread, which asks for the first reading)."""
    return _Relay()


class _Job(QRunnable):
    """One file's reading, in a pool thread."""

    def __init__(self, relay: _Relay, number: int, path: str) -> None:
        super().__init__()
        self._relay, self._number, self._path = relay, number, path

    def run(self) -> None:
        picture = load_picture(self._path, Path(self._path).name)
        self._relay.done.emit(self._number, self._path, picture)


class PictureReader(QObject):
    """Reads the lab's pictures off the GUI thread; only the newest request is answered.

    Signals:
        picture_read(str, object): the path asked for and its ``Picture``, or None if it
            could not be read (not a picture, damaged, over 40 megapixels).
    """

    picture_read = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Two threads: a small picture chosen after a large one is not queued behind it.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._newest = 0
        _relay().done.connect(self._on_done)

    @property
    def busy(self) -> bool:
        """Whether a reading is awaited (asked for, not yet answered nor cancelled)."""
        return self._newest != 0

    def read(self, path: str) -> None:
        """Read the picture at ``path``; ``picture_read`` follows unless a newer request comes first."""
        self._pool.clear()  # older requests not started yet are dropped unread
        self._newest = next(_numbers)
        self._pool.start(_Job(_relay(), self._newest, path))

    def cancel(self) -> None:
        """Answer no request made so far."""
        self._pool.clear()
        self._newest = 0

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for readings under way (tests, shutdown); True when none is left."""
        return bool(self._pool.waitForDone(msecs))

    @Slot(int, str, object)
    def _on_done(self, number: int, path: str, picture: object) -> None:
        if number != self._newest:
            return  # superseded, cancelled, or another reader's
        self._newest = 0
        self.picture_read.emit(path, picture if isinstance(picture, Picture) else None)
