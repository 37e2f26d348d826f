"""Batches of every length are written with a few statement shapes (sqlite3 caches each shape)."""

from __future__ import annotations

from pathlib import Path

from chatgui.history.store import HistoryDB, HistoryRow


def test_batches_of_any_length_use_few_statement_shapes(tmp_path: Path) -> None:
    db = HistoryDB(tmp_path / "history.sqlite3")
    sizes: set[int] = set()

    def traced(sql: str) -> None:
        if sql.startswith("INSERT INTO messages"):
            sizes.add(sql.count("), (") + 1)  # rows in this statement

    db._conn.set_trace_callback(traced)
    total = 0
    for length in range(1, 300):
        db.append([HistoryRow(0, "room", 1.0, "other", "n", f"t{total + i}") for i in range(length)])
        total += length
    # One shape per length would leave 299 compiled statements (up to 6,000 rows each) cached.
    assert sizes <= {1, 2, 4, 8, 16, 32, 64, 128, 256}
    assert [row.text for row in db.iter_room("room")] == [f"t{i}" for i in range(total)]
    db.close()
