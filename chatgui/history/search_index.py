"""Searching a room's history quickly: an FTS5 trigram index of the rows' case-folded text.

Plain Python and ``sqlite3`` on a connection the caller owns (``chatgui.history.store``), which
has registered ``py_lower`` (``str.casefold``) on it.

What a search finds is what it always found: the rows whose ``text.casefold()`` contains
``query.casefold()``, literally. The index holds exactly that folded text (``messages_fts``,
trigram tokens, ``case_sensitive 1`` so SQLite folds nothing more), so a query of three or more
folded characters is one phrase lookup; shorter ones scan the folded copy the index keeps,
with no Python call per row.

The index follows the rows by itself where SQLite can: triggers remove a deleted row from it
and re-fold a row whose text changes; deleting history from chatgui empties it (:func:`emptied`).
New rows are indexed by the history writer once no rows have come for a moment
(:class:`IndexKeeper`), not by an insert trigger: folding needs Python, and indexing costs
~30 µs a row, fifteen times what storing the row costs, which a flood must not pay. The
rows not indexed yet are always the newest ones (every row up to :func:`indexed_to` is in the
index, none above), so a search looks them up by scanning just that tail. A file of an older
version starts with everything in that tail and is indexed in the same way, a step at a time.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence

from chatgui.history.records import COLUMNS

FTS_TABLE = "messages_fts"
MIN_INDEXED_QUERY = 3  # folded characters: a trigram index cannot find less
INDEX_STEP = 2000  # rows indexed a step (~60 ms here): the writer looks at its queue between steps
_CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, tokenize = 'trigram case_sensitive 1', columnsize = 0)"
)
SCHEMA = (
    _CREATE_FTS,
    # Pure SQL, so a row deleted by any program (an older chatgui too) leaves the index.
    "CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages BEGIN"
    f" DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END",
    # Only chatgui changes a row's text (none does today); the row is folded again if it was
    # indexed, else the writer indexes it with the rest of the tail.
    "CREATE TRIGGER IF NOT EXISTS messages_fts_update AFTER UPDATE OF id, text ON messages BEGIN"
    f" DELETE FROM {FTS_TABLE} WHERE rowid = old.id;"
    f" INSERT INTO {FTS_TABLE} (rowid, text) SELECT new.id, py_lower(new.text)"
    f" WHERE new.id <= (SELECT max(id) FROM {FTS_TABLE}_content); END",
)

_ALL = ", ".join(COLUMNS)
_FOLD = "py_lower"  # the SQL name of :func:`fold` on every connection of the history file
_JOINED = ", ".join(f"m.{name}" for name in COLUMNS)
Row = tuple[int, str, float, str, str, str, int, float, str]


def fold(text: str | None) -> str:
    """What a search compares: ``text.casefold()`` ("" for NULL)."""
    return "" if text is None else text.casefold()


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Register :func:`fold` as ``py_lower``, create the index and its triggers when missing.

    Idempotent; the schema is changed in a transaction of its own.
    """
    # SQLite's lower() folds ASCII only; casefold() folds every script, applied to both
    # sides, so "Ä" finds "ä" and "STRASSE" finds "Straße".
    conn.create_function(_FOLD, 1, fold, deterministic=True)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA:
            conn.execute(statement)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def indexed_to(conn: sqlite3.Connection) -> int:
    """The highest row id in the index: every row up to it is indexed, none above it (0: none)."""
    (top,) = conn.execute(f"SELECT coalesce(max(id), 0) FROM {FTS_TABLE}_content").fetchone()
    return int(top)


def backlog(conn: sqlite3.Connection) -> int:
    """How many rows are not indexed yet."""
    (n,) = conn.execute("SELECT count(*) FROM messages WHERE id > ?", (indexed_to(conn),)).fetchone()
    return int(n)


def index_step(conn: sqlite3.Connection, limit: int = INDEX_STEP) -> int:
    """Index up to ``limit`` of the oldest rows not indexed yet (one transaction).

    Args:
        conn: A connection in autocommit mode.
        limit: At most this many rows.

    Returns:
        How many rows were indexed (fewer than ``limit``: none are left).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute(
            "SELECT id, text FROM messages WHERE id > ? ORDER BY id LIMIT ?", (indexed_to(conn), limit)
        ).fetchall()
        values = [(row_id, fold(text)) for row_id, text in rows]
        # Two parameters a row; 32,766 parameters a statement since SQLite 3.32 (999 before).
        per = max(1, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // 2)
        for start in range(0, len(values), per):
            chunk = values[start : start + per]
            conn.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, text) VALUES " + ", ".join(["(?, ?)"] * len(chunk)),
                list(itertools.chain.from_iterable(chunk)),
            )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(rows)


@contextlib.contextmanager
def emptied(conn: sqlite3.Connection) -> Iterator[None]:
    """Drop the index and its triggers around deleting rows (inside the caller's transaction).

    Deleting history does this rather than let the triggers take the rows out one by one:
    that costs ~30 µs a row, and FTS5 only marks them deleted, so pieces of the text the user
    asked to forget would stay in the index's older segments until a merge. Without the
    triggers, ``DELETE FROM messages`` empties the table at once. The index comes back empty
    and the writer indexes the rows that stay again.
    """
    conn.execute("DROP TRIGGER IF EXISTS messages_fts_delete")
    conn.execute("DROP TRIGGER IF EXISTS messages_fts_update")
    conn.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    yield
    for statement in SCHEMA:
        conn.execute(statement)


def phrase(folded: str) -> str:
    """``folded`` as one FTS5 string: every character literal (quotes doubled), never syntax."""
    return '"' + folded.replace('"', '""') + '"'


def search(conn: sqlite3.Connection, keys: Sequence[str], folded: str, limit: int) -> list[Row]:
    """The latest ``limit`` rows under ``keys`` whose folded text contains ``folded``, newest first.

    One read transaction, so the index and the tail are seen at the same instant.

    Args:
        conn: A connection in autocommit mode with ``py_lower`` registered.
        keys: The room's keys (``rooms.members``).
        folded: The query, already folded (not empty).
        limit: At most this many rows.

    Returns:
        The rows' values (``records.COLUMNS``), newest first.
    """
    if limit <= 0 or not keys:
        return []
    conn.execute("BEGIN")
    try:
        top = indexed_to(conn)
        # The tail (rows newer than the index), per key so each is one range of the (room, id)
        # index: casefold() itself, a Python call a row, except where SQLite's LIKE is the same.
        found = _merged(conn, _TAIL_SQL, keys, (top, *_tail_args(folded)), limit)
        need = limit - len(found)
        if need > 0 and top:
            found += _indexed(conn, keys, folded, top, need)
    finally:
        conn.execute("COMMIT")
    return found


# A row of ASCII text (as many characters as bytes; a NUL makes them differ) casefolds to
# its ASCII lower case, which is what LIKE compares: no Python call for it.
_TAIL_SQL = (
    f"SELECT {_ALL} FROM messages WHERE room = ? AND id > ? AND CASE"
    " WHEN ? AND length(text) = length(CAST(text AS BLOB)) THEN text LIKE ? ESCAPE '\\'"
    f" ELSE instr({_FOLD}(text), ?) > 0 END ORDER BY id DESC LIMIT ?"
)
_LIKE_MAX = 10_000  # characters; SQLite refuses patterns over 50,000 bytes


def _tail_args(folded: str) -> tuple[object, ...]:
    """The parameters of ``_TAIL_SQL`` after ``top``: (use LIKE, its pattern, the folded query)."""
    if "\x00" in folded or len(folded) > _LIKE_MAX:  # LIKE would stop at the NUL
        return (0, "", folded)
    pattern = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return (1, f"%{pattern}%", folded)


def _indexed(conn: sqlite3.Connection, keys: Sequence[str], folded: str, top: int, need: int) -> list[Row]:
    marks = ", ".join("?" * len(keys))
    if len(folded) >= MIN_INDEXED_QUERY and "\x00" not in folded:
        # The index in rowid order, newest first, each row's room checked by its key: stops
        # after ``need`` matches.
        cursor = conn.execute(
            f"SELECT {_JOINED} FROM {FTS_TABLE} AS f JOIN messages AS m ON m.id = f.rowid"
            f" WHERE {FTS_TABLE} MATCH ? AND m.room IN ({marks}) ORDER BY f.rowid DESC LIMIT ?",
            (phrase(folded), *keys, need),
        )
        return list(cursor)
    # One or two characters: the folded copy the index keeps, read newest first in the order
    # it is stored (CROSS JOIN keeps SQLite from walking the room's rows instead, a random
    # lookup each: three times slower in a big room), no Python per row, ending after
    # ``need`` matches. At worst one pass over the copy (~0.2 s for a million rows here).
    cursor = conn.execute(
        f"SELECT {_JOINED} FROM {FTS_TABLE}_content AS c CROSS JOIN messages AS m ON m.id = c.id"
        f" WHERE c.id <= ? AND instr(c.c0, ?) > 0 AND m.room IN ({marks}) ORDER BY c.id DESC LIMIT ?",
        (top, folded, *keys, need),
    )
    return list(cursor)


def _merged(
    conn: sqlite3.Connection, sql: str, keys: Sequence[str], args: tuple[object, ...], limit: int
) -> list[Row]:
    """``sql`` run for each key (its first parameter), the results merged newest first."""
    found: list[Row] = []
    for key in keys:
        found += conn.execute(sql, (key, *args, limit))
    if len(keys) > 1:
        found.sort(key=lambda values: values[0], reverse=True)
        del found[limit:]
    return found


def lagging(conn: sqlite3.Connection) -> bool:
    """Whether some row is not indexed yet (two lookups, however big the file)."""
    (newest,) = conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()
    return int(newest) > indexed_to(conn)


Progress = Callable[[int, int], None]


class IndexKeeper:
    """When the history writer indexes rows: only after rows stopped coming for a moment.

    Used by ``chatgui.history.writer.HistoryWriter`` in its own thread. A flood is written at
    full speed and indexed once it is over; the file is checked every ``poll`` seconds for
    rows no one indexed (deleted history, an older chatgui writing the file).

    Args:
        idle: Seconds without new rows before indexing; None: never index.
        on_progress: Called after each step with (rows indexed in this run, rows to index in
            it); the last call has both equal.
        poll: Seconds between checks of the file while nothing is known to be pending.
    """

    def __init__(self, idle: float | None, on_progress: Progress | None = None, poll: float = 2.0) -> None:
        self.idle = idle
        self.poll = poll
        self.pending = idle is not None  # the file may hold rows not indexed (checked at once)
        self._on_progress = on_progress
        self._next_poll = 0.0
        self._done = 0
        self._total = 0

    def wait_before(self, now: float, last_rows: float) -> float | None:
        """Seconds the writer may sleep before the next step or check (None: until rows come).

        Args:
            now: ``time.monotonic()``.
            last_rows: When rows were last submitted (``time.monotonic()``).

        Returns:
            0 or less: do :meth:`work` now.
        """
        if self.idle is None:
            return None
        if self.pending:
            return last_rows + self.idle - now
        return self._next_poll - now

    def work(self, step: Callable[[], int], backlog: Callable[[], int], check: Callable[[], bool]) -> None:
        """One step: index rows when some are pending, else look whether some are.

        Args:
            step: Index the next rows (``HistoryDB.index_step``); returns how many.
            backlog: How many rows are not indexed (``HistoryDB.index_backlog``).
            check: Whether any row is not indexed (``HistoryDB.index_lagging``).
        """
        try:
            if not self.pending:
                self.pending = check()
                self._next_poll = time.monotonic() + self.poll
                return
            if not self._total:
                self._total, self._done = backlog(), 0
            indexed = step()
        except sqlite3.Error:  # the file is busy (a long delete) or failing: look again later
            self.pending = False
            self._next_poll = time.monotonic() + self.poll
            return
        self._done += indexed
        finished = indexed < INDEX_STEP
        if self._on_progress is not None and self._done:
            self._on_progress(self._done, self._done if finished else max(self._total, self._done + 1))
        if finished:
            self.pending = False
            self._total = 0
            self._next_poll = time.monotonic() + self.poll

    def rows_written(self) -> None:
        """New rows are in the file: index them when the writer is next idle."""
        if self.idle is not None:
            self.pending = True
