"""The history database: one SQLite file per user, rows keyed by room, written in batches.

Plain Python and ``sqlite3``: no Qt, no sockets. The window reaches it through
``chatgui.history.bridge.History``; the headless commands use :class:`HistoryWriter`
directly. Both write the same rows under the same :func:`room_key`, so a room hosted
headless shows its history when the window opens it later.

Durability: WAL mode, ``synchronous=NORMAL``: a commit survives ``kill -9``, a power cut may
lose the last commits, the file is never corrupt. The writer commits every ``interval``
(0.1 s) at most, so a killed process loses at most its last window and the batch in hand.
"""

from __future__ import annotations

import contextlib
import itertools
import operator
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from chatgui.history import pages, rooms, search_index
from chatgui.history.records import (
    KIND_ERROR,
    KIND_OTHER,
    KIND_OWN,
    KIND_RAW,
    KIND_SYSTEM,
    KINDS,
    HistoryRow,
    ReceiptUpdate,
    clean_text,
)
from chatgui.history.rooms import RoomSummary, room_key

__all__ = [
    "KINDS",
    "KIND_ERROR",
    "KIND_OTHER",
    "KIND_OWN",
    "KIND_RAW",
    "KIND_SYSTEM",
    "HistoryDB",
    "HistoryRow",
    "HistoryWriter",
    "ReceiptUpdate",
    "RoomSummary",
    "default_path",
    "room_key",
]

FILE_NAME = "history.sqlite3"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS messages ("
    " id INTEGER PRIMARY KEY, room TEXT NOT NULL, ts REAL NOT NULL,"
    " kind TEXT NOT NULL, sender TEXT NOT NULL, text TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS messages_room_id ON messages (room, id)",
)
ROWS_PER_INSERT = 6000
_FIELDS = ("room", "ts", "kind", "sender", "text", "receipt", "rtt", "ref")
_VALUES = operator.attrgetter(*_FIELDS)

RowValues = tuple[str, float, str, str, str, int, float, str]
"""A row to write as plain values: ``(room, ts, kind, sender, text, receipt, rtt, ref)``."""

WriterItem = HistoryRow | ReceiptUpdate | RowValues
"""What the writer is given: rows (objects or values) and receipts, in order."""


def _insert_statement(rows: int) -> str:
    marks = "(" + ", ".join("?" * len(_FIELDS)) + ")"
    return f"INSERT INTO messages ({', '.join(_FIELDS)}) VALUES " + ", ".join([marks] * rows)


def default_path(folder: Path) -> Path:
    """The history file: ``history.sqlite3`` in ``folder``.

    Args:
        folder: Where to keep it; the app's data folder is asked of Qt by
            ``chatgui.history.bridge.app_data_folder`` (this module stays free of Qt).

    Returns:
        The file's path (the file and folder may not exist yet).
    """
    return folder / FILE_NAME


def _row(values: tuple[int, str, float, str, str, str, int, float, str]) -> HistoryRow:
    return HistoryRow(*values)


_DELIVERED = 2  # ``Receipt.DELIVERED`` in the window's numbering


def _in(keys: Sequence[str]) -> str:
    return "room IN (" + ", ".join("?" * len(keys)) + ")"


class HistoryDB:
    """One connection to the history file; use it from the thread that created it.

    Args:
        path: The database file; its folder is created when missing.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # isolation_level=None: we open transactions ourselves, one per batch.
        self._conn = sqlite3.connect(str(path), timeout=10.0, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA secure_delete=ON")  # deleted text is overwritten, not left free
        for statement in _SCHEMA:
            self._conn.execute(statement)
        rooms.ensure_schema(self._conn)  # also brings a file of version 0.1 up to date
        search_index.ensure_schema(self._conn)  # also registers py_lower (str.casefold)
        self.commits = 0
        # Eight parameters a row: 32,766 parameters a statement by default since SQLite 3.32
        # (999 before).
        limit = self._conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        self._rows_per_insert = max(1, min(ROWS_PER_INSERT, limit // len(_FIELDS)))
        self._full_insert = _insert_statement(self._rows_per_insert)

    def append(self, rows: Sequence[HistoryRow], receipts: Sequence[ReceiptUpdate] = ()) -> None:
        """Write ``rows``, then apply ``receipts``, in one transaction (the database assigns ids).

        Args:
            rows: The rows to add, in the order they were shown.
            receipts: Receipts for rows written now or before.
        """
        self.append_values(list(map(_VALUES, rows)), receipts)

    def append_values(self, values: list[RowValues], receipts: Sequence[ReceiptUpdate] = ()) -> None:
        """``append`` for rows given as ``row_values`` tuples (a flood's rows are never objects).

        Args:
            values: The rows to add, in the order they were shown.
            receipts: Receipts for rows written now or before.
        """
        if not values and not receipts:
            return
        self._conn.execute("BEGIN")
        try:
            try:
                self._insert(values)
            except UnicodeEncodeError:
                # A JSON frame may carry a lone surrogate, which UTF-8 cannot hold; store
                # U+FFFD in its place rather than lose the batch.
                self._conn.execute("ROLLBACK")
                self._conn.execute("BEGIN")
                self._insert(
                    [
                        (clean_text(room), ts, clean_text(kind), clean_text(sender), clean_text(text), *rest)
                        for room, ts, kind, sender, text, *rest in values
                    ]
                )
            if receipts:
                self._conn.executemany(
                    "UPDATE messages SET receipt = ?, rtt = ? WHERE ref = ? AND NOT (receipt = ? AND ? != ?)",
                    [(u.receipt, u.rtt, u.ref, _DELIVERED, u.receipt, _DELIVERED) for u in receipts if u.ref],
                )
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        self.commits += 1

    def _insert(self, values: Sequence[tuple[object, ...]]) -> None:
        # Thousands of rows per statement: sqlite3 releases the GIL around every statement step,
        # and taking it back waits up to the switch interval under a flood. Measured: executemany()
        # 5k rows/s, 1,000 rows a statement 35k rows/s, 6,000 rows a statement 500k rows/s.
        step = self._rows_per_insert
        for start in range(0, len(values), step):
            chunk = values[start : start + step]
            # A short rest goes in power-of-two pieces: a statement of every length would each stay
            # in sqlite3's statement cache (128 of up to 6,000 rows: hundreds of MB under a flood).
            while chunk:
                size = step if len(chunk) == step else 1 << (len(chunk).bit_length() - 1)
                piece, chunk = chunk[:size], chunk[size:]
                statement = self._full_insert if size == step else _insert_statement(size)
                self._conn.execute(statement, list(itertools.chain.from_iterable(piece)))

    def recent(self, room: str, limit: int = 500, before_id: int | None = None) -> list[HistoryRow]:
        """The latest ``limit`` rows of ``room`` (older than ``before_id`` when given), oldest first.

        Args:
            room: The room key.
            limit: At most this many rows.
            before_id: Only rows with a smaller id (the page before the oldest one shown).

        Returns:
            The rows, oldest first.
        """
        found = pages.latest(self._conn, rooms.members(self._conn, room), limit, before_id)
        rows = [_row(values) for values in found]
        rows.reverse()
        return rows

    def iter_room(self, room: str, page: int = 5000) -> Iterator[HistoryRow]:
        """Every row of ``room``, oldest first, read ``page`` rows at a time (for export).

        Args:
            room: The room key.
            page: Rows read per query; memory stays bounded however long the history is.

        Yields:
            The rows, oldest first.
        """
        for values in pages.every(self._conn, rooms.members(self._conn, room), page):
            yield _row(values)

    def search(self, room: str, query: str, limit: int = 1000) -> list[HistoryRow]:
        """Rows of ``room`` whose text contains ``query`` (any case), the latest ``limit``, oldest first.

        "Any case" is ``str.casefold`` on both sides ("STRASSE" finds "Straße"). Three or more
        folded characters are looked up in the search index; shorter queries scan (see
        ``chatgui.history.search_index``); the answer is the same either way.

        Args:
            room: The room key.
            query: Literal text (``%``, ``_``, quotes, ``*``, ``NEAR`` ... are just text);
                empty finds nothing.
            limit: At most this many rows (the most recent matches).

        Returns:
            The matching rows, oldest first.
        """
        folded = search_index.fold(query)
        if not folded:
            return []
        keys = rooms.members(self._conn, room)
        rows = [_row(values) for values in search_index.search(self._conn, keys, folded, limit)]
        rows.reverse()
        return rows

    def index_backlog(self) -> int:
        """How many rows the search index does not hold yet (they are searched by a scan)."""
        return search_index.backlog(self._conn)

    def index_lagging(self) -> bool:
        """Whether some row is not in the search index yet (cheap)."""
        return search_index.lagging(self._conn)

    def index_step(self, limit: int = search_index.INDEX_STEP) -> int:
        """Put up to ``limit`` more rows into the search index (the writer calls this when idle).

        Returns:
            How many were indexed (fewer than ``limit``: the index holds every row).
        """
        return search_index.index_step(self._conn, limit)

    def rooms(self) -> list[str]:
        """Every room key rows are stored under, sorted.

        Returns:
            The room keys.
        """
        return [room for (room,) in self._conn.execute("SELECT DISTINCT room FROM messages ORDER BY room")]

    def summaries(self) -> list[RoomSummary]:
        """Every room that has history (linked addresses folded in), the most recently active first."""
        return rooms.summaries(self._conn)

    def link(self, address: str, identity: str, name: str = "") -> None:
        """Record that the room reached as ``address`` is ``identity``; its rows move there.

        Args:
            address: The key the session started under.
            identity: The room's identity key (``rooms.identity_key``).
            name: The room's name ("" = keep what is known).
        """
        rooms.link(self._conn, address, identity, name)

    def set_name(self, room: str, name: str) -> None:
        """Remember ``room``'s name (the room list shows it instead of an address)."""
        rooms.set_name(self._conn, room, name)

    def count(self, room: str | None = None) -> int:
        """How many rows ``room`` (or the whole file, for None) holds.

        Args:
            room: A room key, or None for every room.

        Returns:
            The number of rows.
        """
        if room is None:
            (n,) = self._conn.execute("SELECT count(*) FROM messages").fetchone()
        else:
            keys = rooms.members(self._conn, room)
            (n,) = self._conn.execute(f"SELECT count(*) FROM messages WHERE {_in(keys)}", keys).fetchone()
        return int(n)

    def delete(self, room: str | None = None) -> None:
        """Forget one room's history, or everything (``room`` None), and give the space back.

        Args:
            room: A room key, or None for every room.
        """
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            with search_index.emptied(self._conn):  # the rows that stay are indexed again
                if room is None:
                    self._conn.execute("DELETE FROM messages")
                else:
                    keys = rooms.members(self._conn, room)
                    self._conn.execute(f"DELETE FROM messages WHERE {_in(keys)}", keys)
                    room = keys[0]
            rooms.forget(self._conn, room)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        # Nor in the WAL (secure_delete zeroes the pages): the user asked this file to forget.
        with contextlib.suppress(sqlite3.OperationalError):  # another reader holds it: later
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()


class HistoryWriter:
    """A thread that owns its own :class:`HistoryDB` and commits whatever is queued in batches.

    ``submit`` only appends to a deque (O(1), never touches the disk). The thread wakes at
    most every ``interval`` seconds and writes everything queued in one transaction, so
    a flood of 100k rows costs a few dozen commits, not 100k.

    Memory: the queue is unbounded in count but holds only rows already submitted, and
    the thread drains all of them in every cycle; it falls behind only while one commit
    takes longer than the rows arriving meanwhile, and then the next batch is simply
    larger. The bound is therefore "what the caller submitted since the last commit
    began", which the callers (the window and the headless commands) already hold
    bounded upstream (the network's own buffers are bounded).

    Args:
        path: The database file.
        interval: The longest time between a ``submit`` and the commit that holds it
            (plus that commit's own duration).
        on_commit: Called in the writer thread after every commit with the rows written
            (tests count commits with it).
        index_idle: Seconds without new rows before the thread puts rows into the search
            index (``chatgui.history.search_index``); None: it never does.
        on_index_progress: Called in the writer thread while it indexes, with (rows indexed,
            rows to index); the last call has both equal.
    """

    def __init__(
        self,
        path: Path,
        interval: float = 0.1,
        on_commit: Callable[[int], None] | None = None,
        index_idle: float | None = 0.25,
        on_index_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.path = path
        self._index = search_index.IndexKeeper(index_idle, on_index_progress)
        self._last_rows = 0.0  # time.monotonic() of the last submit
        self.interval = interval
        self._on_commit = on_commit
        self._queue: deque[WriterItem] = deque()
        self._cond = threading.Condition()
        self._submitted = 0  # rows handed to submit(), ever
        self._committed = 0  # rows committed (or dropped after a failure), ever
        self._closing = False
        self._hurry = False  # a flush is waiting: commit now instead of at the next interval
        self._closed = False
        self.commits = 0
        self.error: BaseException | None = None  # the last write failure, if any
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chatgui-history-writer", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self.error is not None:
            raise self.error

    def submit(self, rows: Sequence[WriterItem]) -> None:
        """Queue ``rows`` (or receipts for rows submitted before) for the next commit; returns at once.

        Thread-safe. A receipt is applied after every row submitted before it.

        Args:
            rows: The rows, in the order they were shown.
        """
        if not rows or self._closed:
            return
        self._queue.extend(rows)
        with self._cond:
            self._last_rows = time.monotonic()
            self._submitted += len(rows)
            self._cond.notify()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted so far is committed.

        Args:
            timeout: The longest wait, in seconds.

        Returns:
            True when it was committed within ``timeout``.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            target = self._submitted
            self._hurry = True
            self._cond.notify_all()
            while self._committed < target:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._thread.is_alive():
                    return self._committed >= target
                self._cond.wait(remaining)
        return True

    def close(self, timeout: float = 10.0) -> None:
        """Commit what is queued and stop the thread (idempotent).

        Args:
            timeout: The longest wait for the last commit.
        """
        if self._closed:
            return
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        self._closed = True

    @property
    def running(self) -> bool:
        """Whether the writer thread is alive."""
        return self._thread.is_alive()

    def _take_all(self) -> list[WriterItem]:
        batch: list[WriterItem] = []
        queue = self._queue
        while True:
            try:
                batch.append(queue.popleft())
            except IndexError:
                return batch

    def _run(self) -> None:
        try:
            db = HistoryDB(self.path)
        except BaseException as exc:  # the caller's constructor re-raises it
            self.error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            self._loop(db)
        finally:
            db.close()

    def _loop(self, db: HistoryDB) -> None:
        last_commit = 0.0
        index = self._index
        while True:
            with self._cond:
                while not self._queue and not self._closing:
                    wait = index.wait_before(time.monotonic(), self._last_rows)
                    if wait is not None and wait <= 0:
                        break
                    self._cond.wait(wait)
                closing = self._closing
                idle = not self._queue
            if idle and not closing:
                index.work(db.index_step, db.index_backlog, db.index_lagging)
                continue
            if not closing:
                # Let rows gather: at most one commit per interval, however fast they come.
                wait = last_commit + self.interval - time.monotonic()
                if wait > 0:
                    with self._cond:
                        self._cond.wait_for(lambda: self._closing or self._hurry, wait)
            with self._cond:
                self._hurry = False
            batch = self._take_all()
            last_commit = time.monotonic()
            if batch:
                self._write(db, batch)
            if closing and not self._queue:
                return

    def _write(self, db: HistoryDB, batch: Iterable[WriterItem]) -> None:
        items = list(batch)
        rows: list[RowValues] = []
        receipts: list[ReceiptUpdate] = []
        for item in items:
            if isinstance(item, tuple):
                rows.append(item)
            elif isinstance(item, HistoryRow):
                rows.append(_VALUES(item))
            else:
                receipts.append(item)
        try:
            # Rows go in before receipts, so a receipt in the same batch as its row finds it.
            db.append_values(rows, receipts)
        except Exception as exc:  # a full disk, a locked file ...: drop this batch, keep going
            self.error = exc
        else:
            self.commits += 1
            if rows:
                self._index.rows_written()
            if self._on_commit is not None:
                self._on_commit(len(rows))
        with self._cond:
            self._committed += len(items)
            self._cond.notify_all()
