"""The history store: round trips, paging, search, delete, room keys, and the batching writer."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatgui.events import SessionConfig
from chatgui.history import search_index
from chatgui.history.records import ReceiptUpdate
from chatgui.history.store import HistoryDB, HistoryRow, default_path, room_key
from chatgui.history.writer import HistoryWriter

TEXTS = [
    "hello",
    "<b>not bold</b> &amp; <script>alert(1)</script>",
    "你好，世界 🌍 مرحبا \u202eRTL",
    "several\nlines\r\nand\ttabs",
    "nul \x00 inside",
    "",
    "x" * 70_000,
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[HistoryDB]:
    store = HistoryDB(tmp_path / "sub" / "history.sqlite3")
    yield store
    store.close()


def _rows(room: str, texts: list[str], kind: str = "other") -> list[HistoryRow]:
    return [HistoryRow(0, room, 1_700_000_000.25 + n, kind, "ann", text) for n, text in enumerate(texts)]


def test_rows_come_back_exactly_in_order_with_ids(db: HistoryDB) -> None:
    db.append(_rows("r", TEXTS))
    got = db.recent("r")
    assert [row.text for row in got] == TEXTS
    assert [row.ts for row in got] == [1_700_000_000.25 + n for n in range(len(TEXTS))]
    assert all(row.id > 0 and row.room == "r" and row.sender == "ann" for row in got)
    assert [row.id for row in got] == sorted(row.id for row in got)


def test_a_lone_surrogate_is_stored_as_a_replacement_character(db: HistoryDB) -> None:
    db.append(_rows("r", ["ok", "bad \ud800 half"]))
    assert [row.text for row in db.recent("r")] == ["ok", "bad \ufffd half"]


def test_the_file_is_wal_with_normal_sync(db: HistoryDB) -> None:
    with sqlite3.connect(db.path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    other.close()
    assert db._conn.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL


def test_paging_back_with_before_id(db: HistoryDB) -> None:
    db.append(_rows("r", [f"m{n}" for n in range(1200)]))
    db.append(_rows("other room", ["elsewhere"]))
    page = db.recent("r", limit=500)
    assert [row.text for row in page] == [f"m{n}" for n in range(700, 1200)]
    page = db.recent("r", limit=500, before_id=page[0].id)
    assert [row.text for row in page] == [f"m{n}" for n in range(200, 700)]
    page = db.recent("r", limit=500, before_id=page[0].id)
    assert [row.text for row in page] == [f"m{n}" for n in range(200)]
    assert db.recent("r", limit=500, before_id=page[0].id) == []
    assert [row.text for row in db.iter_room("r", page=7)] == [f"m{n}" for n in range(1200)]


def test_search_is_literal_and_ignores_case_in_every_script(db: HistoryDB) -> None:
    texts = ["50% off", "500 items", "a_b", "axb", "ÄRGER", "Straße", "你好世界", "HELLO there", "say hello"]
    db.append(_rows("r", texts))
    db.append(_rows("s", ["hello from another room"]))

    def found(query: str) -> list[str]:
        return [row.text for row in db.search("r", query)]

    assert found("hello") == ["HELLO there", "say hello"]
    assert found("0%") == ["50% off"]
    assert found("_") == ["a_b"]
    assert found("ärger") == ["ÄRGER"]
    assert found("STRASSE") == ["Straße"]
    assert found("好世") == ["你好世界"]
    assert found("") == []
    assert found("absent") == []


def test_search_returns_the_latest_matches_up_to_its_limit(db: HistoryDB) -> None:
    db.append(_rows("r", [f"match {n}" for n in range(50)]))
    assert [row.text for row in db.search("r", "MATCH", limit=3)] == ["match 47", "match 48", "match 49"]


def test_delete_one_room_then_everything(db: HistoryDB) -> None:
    db.append(_rows("a", ["1", "2"]) + _rows("b", ["3"]) + _rows("c", ["4"]))
    assert db.rooms() == ["a", "b", "c"]
    db.delete("b")
    assert db.rooms() == ["a", "c"]
    assert db.count() == 3
    db.delete()
    assert db.rooms() == []
    assert db.count() == 0


def test_deleted_text_is_gone_from_the_file_not_only_from_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Delete history" promises the text is forgotten: not left in free pages, the WAL or the
    # search index's pages for anyone who reads the file's bytes. Debian builds SQLite with
    # secure delete on by default, python.org's builds do not: start from "off" as they do.
    connect = sqlite3.connect

    def insecure(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute("PRAGMA secure_delete=OFF")
        return conn

    monkeypatch.setattr(sqlite3, "connect", insecure)
    path = tmp_path / "history.sqlite3"
    store = HistoryDB(path)
    secret = "zebra-quartz-" * 40
    store.append(_rows("a", [secret, "keep"]) + _rows("b", ["other"]))
    while search_index.index_step(store._conn):  # indexed, as the writer does when rows stop coming
        pass
    store.delete("a")
    store.close()
    files = [path, *path.parent.glob("history.sqlite3-*")]
    assert not any(b"zebra-quartz" in f.read_bytes() for f in files)
    assert b"other" in path.read_bytes()


@pytest.mark.parametrize(
    ("config", "key"),
    [
        (SessionConfig("tcp", "host", "ann", port=50007), "tcp-host:50007"),
        (SessionConfig("tcp", "host", "bob", port=50007, bind="127.0.0.1", raw=True), "tcp-host:50007"),
        (SessionConfig("tcp", "join", "ann", host="Example.LAN.", port=5000), "tcp:example.lan:5000"),
        (SessionConfig("tcp", "join", "ann", host="::1", port=5000), "tcp:[::1]:5000"),
        (SessionConfig("tcp", "join", "ann", host="[0:0::1]", port=5000), "tcp:[::1]:5000"),
        (SessionConfig("udp", "peer", "ann", host="10.0.0.2", port=9, local_port=8), "udp:8>10.0.0.2:9"),
        (SessionConfig("udp", "peer", "ann", host="", port=9, local_port=9), "udp:9"),
        (SessionConfig("udp", "broadcast", "ann", port=50007, local_port=50007), "broadcast:50007"),
        (
            SessionConfig("udp", "multicast", "ann", port=50007, group="FF12::50:7"),
            "multicast:[ff12::50:7]:50007",
        ),
        (SessionConfig("udp", "multicast", "ann", port=50007), "multicast:239.255.50.7:50007"),
    ],
)
def test_room_keys(config: SessionConfig, key: str) -> None:
    assert room_key(config) == key


def test_default_path_names_the_file_in_the_folder(tmp_path: Path) -> None:
    assert default_path(tmp_path) == tmp_path / "history.sqlite3"


def _writer_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "chatgui-history-writer"]


def test_writer_batches_a_flood_into_few_commits(tmp_path: Path) -> None:
    commits: list[int] = []
    writer = HistoryWriter(tmp_path / "h.sqlite3", on_commit=commits.append)
    started = time.monotonic()
    for n in range(100_000):
        writer.submit([HistoryRow(0, "r", 1.0, "other", "ann", f"m{n}")])
    assert writer.flush()
    elapsed = time.monotonic() - started
    writer.close()
    assert sum(commits) == 100_000
    # One commit per 0.1 s window at most (plus the one flush() asked for).
    assert len(commits) <= elapsed / 0.1 + 2
    assert len(commits) < 100
    db = HistoryDB(tmp_path / "h.sqlite3")
    assert [row.text for row in db.recent("r", limit=2)] == ["m99998", "m99999"]
    db.close()


def test_rows_given_as_values_are_stored_like_rows_and_their_receipts_follow(tmp_path: Path) -> None:
    writer = HistoryWriter(tmp_path / "h.sqlite3")
    try:
        writer.submit(
            [
                HistoryRow(0, "r", 1.0, "other", "ann", "as a row"),
                ("r", 2.0, "own", "me", "as values", 0, 0.0, "s:1"),
                ReceiptUpdate("s:1", 1, 0.25),
                ("r", 3.0, "other", "bob", "lone \ud800 surrogate", 0, 0.0, ""),
            ]
        )
        assert writer.flush()
    finally:
        writer.close()
    db = HistoryDB(tmp_path / "h.sqlite3")
    try:
        rows = db.recent("r")
    finally:
        db.close()
    assert [(r.kind, r.sender, r.text, r.receipt, r.rtt, r.ref) for r in rows] == [
        ("other", "ann", "as a row", 0, 0.0, ""),
        ("own", "me", "as values", 1, 0.25, "s:1"),
        ("other", "bob", "lone \ufffd surrogate", 0, 0.0, ""),
    ]


def test_writer_commits_a_lone_row_within_its_interval(tmp_path: Path) -> None:
    committed = threading.Event()
    writer = HistoryWriter(tmp_path / "h.sqlite3", interval=0.1, on_commit=lambda _: committed.set())
    try:
        started = time.monotonic()
        writer.submit([HistoryRow(0, "r", 1.0, "system", "", "one")])
        assert committed.wait(5)
        assert time.monotonic() - started < 1.0  # generous: an idle writer commits at once
    finally:
        writer.close()


def test_rows_submitted_within_one_interval_share_one_commit(tmp_path: Path) -> None:
    commits: list[int] = []
    writer = HistoryWriter(tmp_path / "h.sqlite3", interval=5.0, on_commit=commits.append)
    try:
        writer.submit([HistoryRow(0, "r", 1.0, "other", "a", "first")])
        assert writer.flush()
        for n in range(10):
            writer.submit([HistoryRow(0, "r", 1.0, "other", "a", f"then {n}")])
        assert writer.flush()
    finally:
        writer.close()
    assert commits == [1, 10]


def test_close_flushes_stops_the_thread_and_is_idempotent(tmp_path: Path) -> None:
    writer = HistoryWriter(tmp_path / "h.sqlite3", interval=10.0)
    writer.submit([HistoryRow(0, "r", 1.0, "other", "a", "last words")])
    writer.close()
    writer.close()
    assert not writer.running
    assert _writer_threads() == []
    writer.submit([HistoryRow(0, "r", 1.0, "other", "a", "after close")])  # ignored, no error
    db = HistoryDB(tmp_path / "h.sqlite3")
    assert [row.text for row in db.recent("r")] == ["last words"]
    db.close()


def test_a_writer_that_cannot_open_its_file_raises_and_leaves_no_thread(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.Error):
        HistoryWriter(tmp_path)  # a folder, not a database file
    assert _writer_threads() == []
