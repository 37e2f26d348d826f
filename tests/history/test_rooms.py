"""One room is one history however its host was reached; rows keep their receipts; rooms are listed.

``data/history-v0.1.sqlite3`` was written by version 0.1's ``HistoryDB`` (rows keyed by the
address typed, no receipt columns): the store must read it, add what it lacks, and merge
the addresses of one room once the host tells its identity.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatgui.events import SessionConfig
from chatgui.history.rooms import identity_key
from chatgui.history.store import HistoryDB, HistoryRow, ReceiptUpdate, room_key
from chatgui.history.writer import HistoryWriter

OLD_FILE = Path(__file__).parent / "data" / "history-v0.1.sqlite3"
ROOM = identity_key("ab12cd34ef56ab78-50041")
ADDRESSES = ("tcp:127.0.0.1:50041", "tcp:[::1]:50041", "tcp:192.0.2.2:50041")


@pytest.fixture
def old_db(tmp_path: Path) -> Iterator[HistoryDB]:
    path = tmp_path / "history.sqlite3"
    shutil.copyfile(OLD_FILE, path)
    db = HistoryDB(path)
    yield db
    db.close()


def test_the_old_file_has_the_old_schema_and_three_keys_for_one_room() -> None:
    with sqlite3.connect(OLD_FILE) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(messages)")]
        keys = {key for (key,) in conn.execute("SELECT DISTINCT room FROM messages")}
    conn.close()
    assert columns == ["id", "room", "ts", "kind", "sender", "text"]
    assert set(ADDRESSES) <= keys


def test_an_old_file_opens_and_its_rows_read_back_without_marks(old_db: HistoryDB) -> None:
    rows = old_db.recent(ADDRESSES[0])
    assert [r.text for r in rows] == ["Connected to 127.0.0.1:50041.", "first, by 127.0.0.1", "hi bob"]
    assert {(r.receipt, r.rtt, r.ref) for r in rows} == {(0, 0.0, "")}


def test_addresses_of_one_room_merge_into_one_history_once_the_identity_is_seen(old_db: HistoryDB) -> None:
    old_db.link(ADDRESSES[0], ROOM, "Ann's room")
    assert old_db.count(ROOM) == 3
    old_db.link(ADDRESSES[1], ROOM)
    old_db.link(ADDRESSES[2], ROOM, "Ann's room")
    merged = [r.text for r in old_db.recent(ROOM)]
    assert merged == [
        "Connected to 127.0.0.1:50041.",
        "first, by 127.0.0.1",
        "hi bob",
        "second, by ::1",
        "你好",
        "third, by 192.0.2.2",
    ]
    # The rows were moved, not copied: no key of the old three holds a row of its own.
    assert not set(ADDRESSES) & set(old_db.rooms())
    # Opening the room by any of its addresses shows the one history; search and export see it too.
    for address in ADDRESSES:
        assert [r.text for r in old_db.recent(address)] == merged
        assert [r.text for r in old_db.search(address, "BY")] == [t for t in merged if "by" in t]
        assert [r.text for r in old_db.iter_room(address, page=2)] == merged
        assert old_db.count(address) == 6
    # Other rooms stay apart.
    assert [r.text for r in old_db.recent("tcp:198.51.100.7:6000")] == ["another room"]


def test_the_rooms_are_listed_by_name_with_last_activity_and_count(old_db: HistoryDB) -> None:
    for address in ADDRESSES:
        old_db.link(address, ROOM, "Ann's room")
    listed = old_db.summaries()
    assert [(s.key, s.name, s.count) for s in listed] == [
        ("tcp:198.51.100.7:6000", "", 1),
        ("tcp-host:50007", "", 1),
        (ROOM, "Ann's room", 6),
    ]
    assert listed[-1].last_ts == 1_700_000_005.0
    assert listed[-1].addresses == ADDRESSES


def test_a_host_rekeyed_to_its_identity_keeps_its_old_rows(old_db: HistoryDB) -> None:
    config = SessionConfig(mode="tcp", role="host", nick="bob", port=50007, room_id="me-50007")
    assert room_key(config) == identity_key("me-50007")
    old_db.link("tcp-host:50007", room_key(config), "Bob's room")
    assert [r.text for r in old_db.recent(room_key(config))] == ["my own room"]


def test_rows_written_under_the_address_after_the_link_still_belong_to_the_room(old_db: HistoryDB) -> None:
    old_db.link(ADDRESSES[0], ROOM)
    old_db.append([HistoryRow(0, ADDRESSES[0], 1_800_000_000.0, "own", "bob", "late row")])
    assert [r.text for r in old_db.recent(ROOM)][-1] == "late row"


def test_deleting_a_room_forgets_every_address_of_it(old_db: HistoryDB) -> None:
    for address in ADDRESSES:
        old_db.link(address, ROOM, "Ann's room")
    old_db.delete(ADDRESSES[1])
    assert old_db.count(ROOM) == 0
    assert ROOM not in [s.key for s in old_db.summaries()]
    assert old_db.count("tcp:198.51.100.7:6000") == 1


def test_receipts_are_stored_and_a_delivery_is_not_undone(tmp_path: Path) -> None:
    db = HistoryDB(tmp_path / "h.sqlite3")
    try:
        db.append(
            [
                HistoryRow(0, "r", 1.0, "own", "bob", "one", receipt=1, ref="s1:1"),
                HistoryRow(0, "r", 2.0, "own", "bob", "two", receipt=1, ref="s1:2"),
                HistoryRow(0, "r", 3.0, "own", "bob", "three", receipt=2, rtt=0.004, ref="s1:3"),
            ]
        )
        db.append([], [ReceiptUpdate("s1:1", 2, 0.012), ReceiptUpdate("s1:2", 3), ReceiptUpdate("s1:3", 3)])
        got = [(r.text, r.receipt, r.rtt) for r in db.recent("r")]
    finally:
        db.close()
    assert got == [("one", 2, 0.012), ("two", 3, 0.0), ("three", 2, 0.004)]


def test_the_writer_applies_a_receipt_after_its_row_even_in_the_same_batch(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    writer = HistoryWriter(path, interval=60.0)
    try:
        writer.submit([HistoryRow(0, "r", 1.0, "own", "bob", "hi", receipt=1, ref="s:7")])
        writer.submit([ReceiptUpdate("s:7", 2, 0.003)])
        assert writer.flush()
    finally:
        writer.close()
    db = HistoryDB(path)
    try:
        assert [(r.receipt, r.rtt) for r in db.recent("r")] == [(2, 0.003)]
    finally:
        db.close()
