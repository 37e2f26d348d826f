"""The history database: one SQLite file per user, rows keyed by room, written in batches.

Plain Python and ``sqlite3``: no Qt, no sockets. The window reaches it through
``chatgui.history.bridge.History``; the headless commands use ``chatgui.history.writer.HistoryWriter``
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
from collections.abc import Iterator, Sequence
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
    "ReceiptUpdate",
    "RoomSummary",
    "RowValues",
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
row_values = operator.attrgetter(*_FIELDS)
"""A ``HistoryRow``'s values in the order they are written (``RowValues``, the database assigns ``id``)."""

RowValues = tuple[str, float, str, str, str, int, float, str]
"""A row to write as plain values: ``(room, ts, kind, sender, text, receipt, rtt, ref)``."""


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
        self.append_values(list(map(row_values, rows)), receipts)

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
