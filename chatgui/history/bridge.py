"""``History``: the window's facade over the history file (GUI thread in, signals out).

Writes go to a :class:`~chatgui.history.writer.HistoryWriter` (its own thread, one commit
per 0.1 s). Reads, searches, deletes and exports run in a small ``QThread`` worker with
its own connection; each result comes back as a queued signal into a ``@Slot`` of
``History`` (a GUI-thread QObject), which re-emits it. Nothing here ever touches the
disk in the GUI thread.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QThread, QTimer, Signal, Slot

from chatgui.history.export import EXPORTERS, CsvLabels, export_csv
from chatgui.history.rows import history_row
from chatgui.history.store import HistoryDB, HistoryRow, ReceiptUpdate, RowValues, default_path
from chatgui.history.writer import HistoryWriter
from chatgui.tracing import traced

FLUSH_BEFORE_READ = 2.0  # seconds: a read waits this long at most for rows still being written
INDEX_PROGRESS_EVERY = 1.0  # seconds between two ``index_progress`` signals (the last always comes)
APP_NAME = "chatgui"  # the organisation and application name the window and the commands set


def _tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


def csv_labels() -> CsvLabels:
    """The CSV header and kind column in the window's language."""
    return CsvLabels(
        (_tr("time"), _tr("kind"), _tr("sender"), _tr("text")),
        {
            "own": _tr("sent"),
            "other": _tr("received"),
            "raw": _tr("raw text"),
            "system": _tr("event"),
            "error": _tr("problem"),
        },
    )


def app_data_folder() -> Path:
    """``QStandardPaths.AppDataLocation`` for chatgui, the same for the window and the commands.

    Qt builds that folder from the application's organisation and name. The window and
    the headless commands both set them to "chatgui" (``chatgui.ui.app``,
    ``chatgui.cli_base``); when nothing has set them yet (a script, a test without an
    application) they are set here the same way, so every entry point agrees.

    Returns:
        The folder (e.g. ``~/.local/share/chatgui/chatgui`` on Linux); it may not exist yet.
    """
    if QCoreApplication.instance() is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


class _Worker(QObject):
    """Lives in the history thread: one connection, requests in order, results as signals."""

    loaded = Signal(object)
    search_finished = Signal(object)
    deleted = Signal(object)
    export_finished = Signal(object)
    rooms_listed = Signal(object)
    failed = Signal(str)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self._db: HistoryDB | None = None

    def _open(self, create: bool) -> HistoryDB | None:
        if self._db is None and (create or self._path.exists()):
            self._db = HistoryDB(self._path)
        return self._db

    @Slot(object)
    @traced  # runs in the reader QThread: without it coverage never sees it (chatgui/tracing.py)
    def on_request(self, request: tuple[Any, ...]) -> None:
        """Run one request from the GUI thread (in order of arrival)."""
        what, writer = request[0], request[1]
        if what == "close":
            if self._db is not None:
                self._db.close()
                self._db = None
            thread = QThread.currentThread()
            if thread is not None:
                thread.quit()
            return
        if isinstance(writer, HistoryWriter):
            # What the window recorded before asking must be in what it gets back.
            writer.flush(FLUSH_BEFORE_READ)
        try:
            self._handle(what, request[2:])
        except (sqlite3.Error, OSError) as exc:
            self.failed.emit(
                _tr("The history file {path} cannot be used: {detail}").format(path=self._path, detail=exc)
            )
            if what in ("recent", "more"):
                self.loaded.emit((request[2], []))
            elif what == "search":
                self.search_finished.emit((request[2], request[3], []))
            elif what == "export":
                self.export_finished.emit((request[2], request[3], 0, str(exc)))
            elif what == "rooms":
                self.rooms_listed.emit([])

    def _handle(self, what: str, args: tuple[Any, ...]) -> None:
        if what in ("recent", "more"):
            room, limit, before_id = args
            db = self._open(create=False)
            rows = db.recent(room, limit, before_id) if db is not None else []
            self.loaded.emit((room, rows))
        elif what == "search":
            room, query = args
            db = self._open(create=False)
            rows = db.search(room, query) if db is not None else []
            self.search_finished.emit((room, query, rows))
        elif what == "delete":
            (room,) = args
            db = self._open(create=False)
            if db is not None:
                db.delete(room)
            self.deleted.emit(room)
        elif what == "export":
            room, path, fmt, labels = args
            db = self._open(create=False)
            source: Iterable[HistoryRow] = db.iter_room(room) if db is not None else []
            count = export_csv(source, path, labels) if fmt == "csv" else EXPORTERS[fmt](source, path)
            self.export_finished.emit((room, path, count, ""))
        elif what == "rooms":
            db = self._open(create=False)
            self.rooms_listed.emit(db.summaries() if db is not None else [])
        elif what == "link":
            address, identity, name = args
            db = self._open(create=True)
            assert db is not None
            db.link(address, identity, name)


class History(QObject):
    """The history of every room, for the window: record, load, search, delete, export.

    Args:
        folder: Where ``history.sqlite3`` lives; None = ``QStandardPaths.AppDataLocation``.
        enabled: False = keep no history: nothing is written (the file is not even created).
        parent: The Qt parent.

    Signals:
        loaded: ``(room, rows)`` for ``load_recent`` / ``load_more``, rows oldest first.
        search_finished: ``(room, query, rows)``, rows oldest first.
        deleted: ``room`` (None = everything) once its history is gone.
        export_finished: ``(room, path, count, error)``; ``error`` is "" when the file was
            written, else the system's words (nothing is left at ``path`` then).
        rooms_listed: ``list[RoomSummary]`` for ``list_rooms``, the most recent first.
        failed: A translated sentence: the history file cannot be opened or read.
        index_progress: ``(indexed, total)`` while the writer puts rows into the search index
            (after a flood, or a file of an older version): at most once a second, and once
            with both equal when it is done. Searches are right meanwhile, only slower.
    """

    loaded = Signal(object)
    search_finished = Signal(object)
    deleted = Signal(object)
    export_finished = Signal(object)
    rooms_listed = Signal(object)
    failed = Signal(str)
    index_progress = Signal(int, int)

    _requested = Signal(object)

    def __init__(
        self, folder: Path | None = None, enabled: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = default_path(folder if folder is not None else app_data_folder())
        self._enabled = enabled
        self._writer: HistoryWriter | None = None
        self._shut_down = False
        self._thread = QThread()
        self._thread.setObjectName("chatgui-history-reader")
        self._worker = _Worker(self.path)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._requested.connect(self._worker.on_request)
        self._worker.loaded.connect(self.on_loaded)
        self._worker.search_finished.connect(self.on_search_finished)
        self._worker.deleted.connect(self.on_deleted)
        self._worker.export_finished.connect(self.on_export_finished)
        self._worker.rooms_listed.connect(self.on_rooms_listed)
        self._worker.failed.connect(self.on_failed)
        self._thread.start()
        self._open_error = ""
        self._progress_said = 0.0  # time.monotonic() of the last index_progress
        if enabled:
            self._start_writer()

    def _start_writer(self) -> None:
        try:
            self._writer = HistoryWriter(self.path, on_index_progress=self._on_index_progress)
        except (sqlite3.Error, OSError) as exc:
            self._writer = None
            self._open_error = _tr("The history file {path} cannot be used: {detail}").format(
                path=self.path, detail=exc
            )
            # Said once the caller has had a chance to connect ``failed``.
            QTimer.singleShot(0, self.on_open_failed)

    @property
    def enabled(self) -> bool:
        """Whether rows are kept; setting False stops writing (what is stored stays until deleted)."""
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        if value == self._enabled or self._shut_down:
            self._enabled = value
            return
        self._enabled = value
        if value:
            self._start_writer()
        elif self._writer is not None:
            writer, self._writer = self._writer, None
            writer.close()

    @property
    def running(self) -> bool:
        """Whether any history thread (reader or writer) is still running."""
        writer_running = self._writer is not None and self._writer.running
        return self._thread.isRunning() or writer_running

    def record(self, room: str, rows: Sequence[HistoryRow]) -> None:
        """Keep ``rows`` (shown in ``room``); returns at once, the writer commits them within 0.1 s.

        Args:
            room: The room key; it replaces each row's own ``room`` when they differ.
            rows: The rows, in the order they were shown.
        """
        if self._writer is None or not rows:
            return
        if any(row.room != room for row in rows):
            rows = [history_row(room, r.ts, r.kind, r.sender, r.text, r.receipt, r.rtt, r.ref) for r in rows]
        self._writer.submit(rows)

    def record_values(self, values: list[RowValues]) -> None:
        """``record`` for rows given as ``(room, ts, kind, sender, text, receipt, rtt, ref)`` tuples.

        A flood records one row per message in the GUI thread, which shares the GIL with the
        socket worker: a tuple costs a tenth of a row object there (measured 0.10 against
        1.03 µs), and the writer stores it as it is.
        """
        if self._writer is None or not values:
            return
        self._writer.submit(values)

    def _on_index_progress(self, done: int, total: int) -> None:
        # In the writer thread: the signal is queued to the GUI thread's receivers.
        now = time.monotonic()
        if done >= total or now - self._progress_said >= INDEX_PROGRESS_EVERY:
            self._progress_said = now
            self.index_progress.emit(done, total)

    def _request(self, *request: Any) -> bool:
        if self._shut_down:
            return False
        self._requested.emit((request[0], self._writer, *request[1:]))
        return True

    def load_recent(self, room: str, limit: int = 500) -> None:
        """Ask for the latest ``limit`` rows of ``room``; ``loaded`` answers.

        Args:
            room: The room key.
            limit: At most this many rows.
        """
        self._request("recent", room, limit, None)

    def load_more(self, room: str, before_id: int, limit: int = 500) -> None:
        """Ask for the ``limit`` rows before ``before_id`` (scrolling up); ``loaded`` answers.

        Args:
            room: The room key.
            before_id: The id of the oldest row shown.
            limit: At most this many rows.
        """
        self._request("more", room, limit, before_id)

    def search(self, room: str, query: str) -> None:
        """Look for ``query`` (literal, any case) in ``room``; ``search_finished`` answers.

        Args:
            room: The room key.
            query: The text to find.
        """
        self._request("search", room, query)

    def delete(self, room: str | None = None) -> None:
        """Forget ``room``'s history (None = every room); ``deleted`` answers.

        Args:
            room: The room key, or None for everything.
        """
        self._request("delete", room)

    def export(self, room: str, path: Path, fmt: str) -> None:
        """Write ``room``'s whole history to ``path``; ``export_finished`` answers.

        Args:
            room: The room key.
            path: The file to write (replaced when it exists).
            fmt: "txt", "csv" or "json".

        Raises:
            ValueError: ``fmt`` is not one of those.
        """
        if fmt not in EXPORTERS:
            raise ValueError(f"unknown export format {fmt!r}")
        self._request("export", room, Path(path), fmt, csv_labels())

    def list_rooms(self) -> None:
        """Ask for every room that has history; ``rooms_listed`` answers."""
        self._request("rooms")

    def link(self, address: str, identity: str, name: str = "") -> None:
        """The room reached as ``address`` is ``identity`` (called ``name``): one history from now on.

        Rows recorded before this call (under ``address``) are moved to ``identity``.

        Args:
            address: The key the session was opened under.
            identity: The room's identity key (``chatgui.history.rooms.identity_key``).
            name: The room's name ("" = keep what is known).
        """
        if self._writer is not None:
            self._request("link", address, identity, name)

    def record_receipt(self, ref: str, receipt: int, rtt: float = 0.0) -> None:
        """Keep a receipt for our message ``ref`` recorded before (returns at once).

        Args:
            ref: The row's ``ref``.
            receipt: The mark (``Receipt`` value).
            rtt: Round-trip time in seconds (0.0 = not known).
        """
        if self._writer is not None and ref:
            self._writer.submit([ReceiptUpdate(ref, receipt, rtt)])

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait (blocking) until everything recorded so far is committed; for tests and exit.

        Args:
            timeout: The longest wait, in seconds.

        Returns:
            True when it was (or nothing is being kept).
        """
        return self._writer.flush(timeout) if self._writer is not None else True

    def shutdown(self) -> None:
        """Commit what was recorded and stop both threads (blocking, idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self._writer is not None:
            self._writer.close()
        self._requested.emit(("close", None))
        self._thread.wait()

    @Slot(object)
    def on_loaded(self, payload: object) -> None:
        """Pass on the worker's ``loaded``."""
        self.loaded.emit(payload)

    @Slot(object)
    def on_search_finished(self, payload: object) -> None:
        """Pass on the worker's ``search_finished``."""
        self.search_finished.emit(payload)

    @Slot(object)
    def on_deleted(self, room: object) -> None:
        """Pass on the worker's ``deleted``."""
        self.deleted.emit(room)

    @Slot(object)
    def on_export_finished(self, payload: object) -> None:
        """Pass on the worker's ``export_finished``."""
        self.export_finished.emit(payload)

    @Slot(object)
    def on_rooms_listed(self, payload: object) -> None:
        """Pass on the worker's ``rooms_listed``."""
        self.rooms_listed.emit(payload)

    @Slot(str)
    def on_failed(self, sentence: str) -> None:
        """Pass on the worker's ``failed``."""
        self.failed.emit(sentence)

    @Slot()
    def on_open_failed(self) -> None:
        """Say that the history file could not be opened for writing."""
        if self._open_error:
            self.failed.emit(self._open_error)
