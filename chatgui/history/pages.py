"""Reading a room's rows in pages: the latest page, the page before, every row in order.

Plain Python and ``sqlite3`` on a connection the caller owns (``chatgui.history.store``).
A room's rows may lie under several keys (its identity and the addresses linked to it:
``chatgui.history.rooms.members``). Each key is read as one range of the ``(room, id)``
index and the keys merged by id: a single ``room IN (...) ORDER BY id`` query makes SQLite
walk every row id of the file instead, which in a file of a million rows costs a second.
"""

from __future__ import annotations

import heapq
import operator
import sqlite3
from collections.abc import Iterator, Sequence

from chatgui.history.records import COLUMNS

_ALL = ", ".join(COLUMNS)
NO_ID_ABOVE = 2**63 - 1

Values = tuple[int, str, float, str, str, str, int, float, str]


def latest(conn: sqlite3.Connection, keys: Sequence[str], limit: int, before_id: int | None) -> list[Values]:
    """The latest ``limit`` rows under ``keys`` (older than ``before_id`` when given), newest first.

    Args:
        conn: The connection.
        keys: The room's keys.
        limit: At most this many rows.
        before_id: Only rows with a smaller id.

    Returns:
        The rows' values (``records.COLUMNS``), newest first.
    """
    below = before_id if before_id is not None else NO_ID_ABOVE
    limit = max(0, limit)
    found: list[Values] = []
    for key in keys:
        found += conn.execute(
            f"SELECT {_ALL} FROM messages WHERE room = ? AND id < ? ORDER BY id DESC LIMIT ?",
            (key, below, limit),
        )
    if len(keys) > 1:
        found.sort(key=operator.itemgetter(0), reverse=True)
        del found[limit:]
    return found


def every(conn: sqlite3.Connection, keys: Sequence[str], page: int) -> Iterator[Values]:
    """Every row under ``keys``, oldest first, read ``page`` rows a key at a time.

    Args:
        conn: The connection.
        keys: The room's keys.
        page: Rows read per query (memory stays bounded however long the history is).

    Yields:
        The rows' values, oldest first.
    """
    yield from heapq.merge(*(_every_of(conn, key, page) for key in keys), key=operator.itemgetter(0))


def _every_of(conn: sqlite3.Connection, key: str, page: int) -> Iterator[Values]:
    after = 0
    while True:
        rows: list[Values] = conn.execute(
            f"SELECT {_ALL} FROM messages WHERE room = ? AND id > ? ORDER BY id LIMIT ?", (key, after, page)
        ).fetchall()
        yield from rows
        if len(rows) < page:
            return
        after = rows[-1][0]
