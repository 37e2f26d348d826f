"""History search through the trigram index: the same rows as a scan, hostile queries literal.

The index is kept in step (triggers, deletes, merged rooms), built for older files by the writer,
and the page a room opens with read from one range of the (room, id) index per key.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatgui.history import search_index
from chatgui.history.rooms import identity_key
from chatgui.history.search_index import IndexKeeper
from chatgui.history.store import HistoryDB, HistoryRow
from chatgui.history.writer import HistoryWriter

OLD_FILE = Path(__file__).parent / "data" / "history-v0.1.sqlite3"
ROOM = "r"

# Texts where casefold() and simple lower-casing differ, FTS5 syntax, quotes and wildcards.
TRICKY = [
    "Straße",
    "STRASSE",
    "ﬁne ﬂour",
    "İstanbul",
    "ΣΊΣΥΦΟΣ σίσυφος ς",
    "ᏣᎳᎩ ꮳꮃꭹ",  # Cherokee: casefold() maps lower to UPPER
    "ÄRGER ärger",
    "你好世界 服务器 麒麟座",
    'say "hi" to "bob"',
    "a NEAR b AND c OR d NOT e",
    "NEAR(one two, 3)",
    "* star *",
    "^caret ^",
    "text:colon col:",
    "-minus --",
    "(paren) {brace}",
    "50% off",
    "a_b",
    "back\\slash",
    "emoji 🎉🎉 party",
    "nul \x00 inside",
    "",
]
QUERIES = [
    "strasse",
    "Straße",
    "SS",
    "fine",
    "ﬁ",
    "FLOUR",
    "i̇stanbul",
    "istanbul",
    "σίσυφος",
    "ΣΊΣ",
    "ꮳꮃꭹ",
    "ᏣᎳᎩ",
    "ärger",
    "你好",
    "麒麟座",
    "服务器",
    "好",
    '"hi"',
    '"',
    '""',
    'a" OR "b',
    "NEAR",
    "NEAR(one",
    "a NEAR b",
    "AND",
    "*",
    "star*",
    "^caret",
    "^",
    "text:",
    "col:",
    "-minus",
    "--",
    "(paren)",
    "{brace}",
    "%",
    "0%",
    "_",
    "a_b",
    "\\",
    "🎉🎉",
    "\x00",
    "nul \x00",
    "absent words",
    "   ",
]


def _rows(texts: list[str], room: str = ROOM) -> list[HistoryRow]:
    return [HistoryRow(0, room, 1_700_000_000.0 + n, "other", "ann", text) for n, text in enumerate(texts)]


def _expected(texts: list[str], query: str, limit: int = 1000) -> list[str]:
    folded = query.casefold()
    if not folded:
        return []
    return [t for t in texts if folded in t.casefold()][-limit:]


def _index_all(db: HistoryDB) -> None:
    while db.index_step() == search_index.INDEX_STEP:
        pass
    assert not db.index_lagging()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[HistoryDB]:
    store = HistoryDB(tmp_path / "history.sqlite3")
    yield store
    store.close()


def _corpus(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    words = [
        "alpha",
        "Beta",
        "GAMMA",
        "delta",
        "straße",
        "ﬁle",
        "你好",
        "世界",
        "服务器",
        "σς",
        '"q"',
        "*",
        "%_",
    ]
    return [" ".join(rng.choices(words, k=rng.randint(1, 6))) for _ in range(n)] + TRICKY


def test_every_query_finds_what_casefold_finds_whether_rows_are_indexed_or_not(db: HistoryDB) -> None:
    texts = _corpus(300)
    db.append(_rows(texts))
    db.append(_rows(["alpha in another room", "straße elsewhere"], room="other"))
    queries = [*QUERIES, "alpha", "ALPHA beta", "gamma delta", "世界", "σσ", "ss"]

    def found() -> dict[str, list[str]]:
        return {q: [r.text for r in db.search(ROOM, q)] for q in queries}

    expected = {q: _expected(texts, q) for q in queries}
    assert db.index_lagging()
    assert found() == expected  # nothing indexed: every row is in the scanned tail
    db.index_step(limit=150)
    assert db.index_lagging()
    assert found() == expected  # half indexed, half tail
    _index_all(db)
    assert found() == expected  # all indexed
    db.append(_rows(["a new alpha straße line", 'and "hi" again']))
    texts += ["a new alpha straße line", 'and "hi" again']
    assert found() == {q: _expected(texts, q) for q in queries}  # indexed rows and a fresh tail


def test_a_query_of_three_characters_or_more_goes_through_the_index(db: HistoryDB) -> None:
    db.append(_rows(["find the needle here", "nothing"]))
    _index_all(db)
    statements: list[str] = []
    db._conn.set_trace_callback(statements.append)
    try:
        assert [r.text for r in db.search(ROOM, "NEEDLE")] == ["find the needle here"]
    finally:
        db._conn.set_trace_callback(None)
    assert any(" MATCH " in s for s in statements)
    # Scanning only the (empty) tail with Python's casefold, never every row.
    assert all("py_lower" not in s or "id > " in s for s in statements)
    plan = db._conn.execute(
        "EXPLAIN QUERY PLAN SELECT m.id FROM messages_fts AS f JOIN messages AS m ON m.id = f.rowid"
        " WHERE messages_fts MATCH ? AND m.room IN (?) ORDER BY f.rowid DESC LIMIT 10",
        ('"needle"', ROOM),
    ).fetchall()
    details = " | ".join(row[3] for row in plan)
    assert "VIRTUAL TABLE" in details
    assert "PRIMARY KEY" in details
    assert "TEMP B-TREE" not in details


@pytest.mark.parametrize(
    "query", ['"', 'x" OR "y', "NEAR(a b)", "*", "a*", "^x", "c:x", "-x", "AND", "(", ")"]
)
def test_hostile_queries_are_text_never_syntax(db: HistoryDB, query: str) -> None:
    texts = ['x" OR "y', "NEAR(a b)", "a* b", "^x", "c:x", "-x", "AND", "(", ")", '"', "plain y"]
    db.append(_rows(texts))
    _index_all(db)
    assert [r.text for r in db.search(ROOM, query)] == _expected(texts, query)
    assert search_index.phrase('a"b') == '"a""b"'


def test_the_latest_matches_come_first_up_to_the_limit_across_index_and_tail(db: HistoryDB) -> None:
    db.append(_rows([f"match {n}" for n in range(30)]))
    _index_all(db)
    db.append(_rows([f"match {n}" for n in range(30, 35)]))
    assert [r.text for r in db.search(ROOM, "MATCH", limit=8)] == [f"match {n}" for n in range(27, 35)]
    assert [r.text for r in db.search(ROOM, "h 2", limit=3)] == ["match 27", "match 28", "match 29"]
    assert [r.text for r in db.search(ROOM, "2", limit=2)] == ["match 29", "match 32"]
    assert db.search(ROOM, "match", limit=0) == []


def test_rows_merged_under_a_room_identity_stay_searchable(db: HistoryDB) -> None:
    room = identity_key("abc")
    db.append(_rows(["before the host told its room: kiwi"], room="tcp:127.0.0.1:5000"))
    db.append(_rows(["other address: kiwi too"], room="tcp:[::1]:5000"))
    _index_all(db)
    db.link("tcp:127.0.0.1:5000", room, "Fruit")
    db.append(_rows(["after: KIWI"], room=room))
    db.append(_rows(["late row under the old address: kiwi"], room="tcp:127.0.0.1:5000"))
    assert not db.search("tcp:[::1]:5000", "nothing")
    want = ["before the host told its room: kiwi", "after: KIWI", "late row under the old address: kiwi"]
    assert [r.text for r in db.search(room, "kiwi")] == want
    assert [r.text for r in db.search("tcp:127.0.0.1:5000", "kiwi")] == want
    _index_all(db)
    assert [r.text for r in db.search(room, "kiwi")] == want
    assert [r.text for r in db.search(room, "ki")] == want


def _indexed_texts(db: HistoryDB) -> list[str]:
    return [t for (t,) in db._conn.execute("SELECT c0 FROM messages_fts_content ORDER BY id")]


def test_deleting_history_takes_its_text_out_of_the_index(db: HistoryDB) -> None:
    db.append(_rows(["secret plan"], room="a") + _rows(["public note", "second"], room="b"))
    _index_all(db)
    assert _indexed_texts(db) == ["secret plan", "public note", "second"]
    db.delete("a")
    assert _indexed_texts(db) == []  # emptied at once; the rows that stay are indexed again
    assert [r.text for r in db.search("b", "note")] == ["public note"]
    _index_all(db)
    assert _indexed_texts(db) == ["public note", "second"]
    assert [r.text for r in db.search("b", "note")] == ["public note"]
    triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    assert [n for (n,) in db._conn.execute(triggers)] == ["messages_fts_delete", "messages_fts_update"]
    db._conn.execute("DELETE FROM messages WHERE text = 'second'")  # the triggers are back
    assert _indexed_texts(db) == ["public note"]
    db.delete(None)
    assert _indexed_texts(db) == []
    assert not db.index_lagging()
    assert [n for (n,) in db._conn.execute(triggers)] == ["messages_fts_delete", "messages_fts_update"]


def test_triggers_keep_the_index_in_step_with_any_program_changing_rows(
    db: HistoryDB, tmp_path: Path
) -> None:
    db.append(_rows(["keep me", "drop me", "Change ME", "last"]))
    _index_all(db)
    other = sqlite3.connect(tmp_path / "history.sqlite3")  # another program: no py_lower
    with other:
        other.execute("DELETE FROM messages WHERE text = 'drop me'")
        other.execute("UPDATE messages SET receipt = 2 WHERE text = 'keep me'")
    other.close()
    assert _indexed_texts(db) == ["keep me", "change me", "last"]
    db._conn.execute("UPDATE messages SET text = 'Changed NOW' WHERE text = 'Change ME'")
    assert _indexed_texts(db) == ["keep me", "changed now", "last"]
    assert [r.text for r in db.search(ROOM, "changed")] == ["Changed NOW"]
    assert db.search(ROOM, "change me") == []
    db._conn.execute("DELETE FROM messages WHERE text = 'last'")  # the newest indexed row
    assert not db.index_lagging()
    db.append(_rows(["after the newest was deleted"]))
    assert db.index_lagging()
    assert [r.text for r in db.search(ROOM, "newest")] == ["after the newest was deleted"]


def test_a_file_of_version_0_1_is_indexed_by_the_writer(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    shutil.copyfile(OLD_FILE, path)
    db = HistoryDB(path)
    try:
        assert db.index_backlog() == 8
        before = {q: [r.text for r in db.search("tcp:[::1]:50041", q)] for q in ("你好", "SECOND", "by")}
        assert before == {"你好": ["你好"], "SECOND": ["second, by ::1"], "by": ["second, by ::1"]}
    finally:
        db.close()
    done = threading.Event()
    progress: list[tuple[int, int]] = []

    def on_progress(indexed: int, total: int) -> None:
        progress.append((indexed, total))
        if indexed >= total:
            done.set()

    writer = HistoryWriter(path, index_idle=0.0, on_index_progress=on_progress)
    try:
        assert done.wait(10.0)
    finally:
        writer.close()
    assert progress[-1] == (8, 8)
    db = HistoryDB(path)
    try:
        assert not db.index_lagging()
        assert {q: [r.text for r in db.search("tcp:[::1]:50041", q)] for q in before} == before
        db.link("tcp:127.0.0.1:50041", identity_key("x"))
        assert [r.text for r in db.search(identity_key("x"), "BOB")] == ["hi bob"]
    finally:
        db.close()


def test_a_file_written_before_the_index_existed_is_indexed_too(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    db = HistoryDB(path)
    db.append(_rows([f"row {n} of the old file" for n in range(2500)]))
    db.close()
    conn = sqlite3.connect(path)  # as the file was before this version: no index
    conn.executescript(
        "DROP TRIGGER messages_fts_delete; DROP TRIGGER messages_fts_update; DROP TABLE messages_fts;"
    )
    conn.close()
    db = HistoryDB(path)
    try:
        assert db.index_backlog() == 2500
        assert db.index_step() == search_index.INDEX_STEP
        assert db.index_step() == 500
        assert db.index_step() == 0
        assert [r.text for r in db.search(ROOM, "ROW 2499")] == ["row 2499 of the old file"]
    finally:
        db.close()


def test_a_writer_without_indexing_leaves_rows_to_the_scan(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    writer = HistoryWriter(path, index_idle=None)
    try:
        writer.submit(_rows(["never indexed", "still found"]))
        assert writer.flush()
    finally:
        writer.close()
    db = HistoryDB(path)
    try:
        assert db.index_backlog() == 2
        assert [r.text for r in db.search(ROOM, "FOUND")] == ["still found"]
    finally:
        db.close()


def test_the_keeper_waits_for_rows_to_stop_then_indexes_then_only_polls() -> None:
    keeper = IndexKeeper(idle=0.25, poll=2.0)
    assert keeper.pending
    assert keeper.wait_before(now=10.0, last_rows=9.9) == pytest.approx(0.15)  # rows still coming
    assert keeper.wait_before(now=10.0, last_rows=9.0) <= 0  # quiet: index now
    steps = [search_index.INDEX_STEP, 7]
    keeper.work(lambda: steps.pop(0), lambda: 2007, lambda: pytest.fail("not asked while pending"))
    assert keeper.pending
    keeper.work(lambda: steps.pop(0), lambda: 2007, lambda: pytest.fail("not asked while pending"))
    assert not keeper.pending
    assert keeper.wait_before(now=0.0, last_rows=0.0) > 1.0  # nothing pending: the next check
    keeper.rows_written()
    assert keeper.pending
    assert IndexKeeper(idle=None).wait_before(now=10.0, last_rows=0.0) is None


def test_the_keeper_reports_progress_and_survives_a_busy_file() -> None:
    calls: list[tuple[int, int]] = []
    keeper = IndexKeeper(idle=0.0, on_progress=lambda d, t: calls.append((d, t)))
    steps = [search_index.INDEX_STEP, search_index.INDEX_STEP, 10]
    for _ in range(3):
        keeper.work(lambda: steps.pop(0), lambda: 4010, lambda: True)
    assert calls == [(2000, 4010), (4000, 4010), (4010, 4010)]

    def busy() -> int:
        raise sqlite3.OperationalError("database is locked")

    keeper.rows_written()
    keeper.work(busy, lambda: 5, lambda: True)
    assert not keeper.pending  # looked at again at the next poll


def test_the_page_a_room_opens_with_reads_one_index_range_per_key(db: HistoryDB) -> None:
    room = identity_key("big")
    db.link("tcp:127.0.0.1:1", room)
    db.append(_rows([f"m{n}" for n in range(50)], room=room))
    db.append(_rows(["small"], room="small"))
    statements: list[str] = []
    db._conn.set_trace_callback(statements.append)
    try:
        assert [r.text for r in db.recent(room, limit=3)] == ["m47", "m48", "m49"]
    finally:
        db._conn.set_trace_callback(None)
    pages = [s for s in statements if s.lstrip().upper().startswith("SELECT ID, ROOM")]
    assert len(pages) == 2  # the identity and the linked address
    for statement in pages:
        plan = " | ".join(row[3] for row in db._conn.execute("EXPLAIN QUERY PLAN " + statement))
        assert "USING INDEX messages_room_id (room=? AND id<?)" in plan
        assert "TEMP B-TREE" not in plan
    assert [r.text for r in db.recent(room, limit=2, before_id=3)] == ["m0", "m1"]
    assert [r.text for r in db.iter_room(room, page=7)] == [f"m{n}" for n in range(50)]
