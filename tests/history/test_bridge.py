"""The window's History facade with pytest-qt: results arrive as signals, nothing stays running."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chatgui.history.bridge import History, csv_labels
from chatgui.history.export import parse_csv, parse_json
from chatgui.history.store import HistoryDB, HistoryRow

ROOM = "tcp:127.0.0.1:5000"


def _row(text: str, kind: str = "other", sender: str = "ann") -> HistoryRow:
    return HistoryRow(0, ROOM, 1_795_000_000.0, kind, sender, text)


def _history_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("chatgui-history")]


@pytest.fixture
def history(tmp_path: Path, qtbot: QtBot) -> Iterator[History]:
    facade = History(folder=tmp_path)
    yield facade
    facade.shutdown()
    assert not facade.running


def test_recorded_rows_load_back_in_order(history: History, qtbot: QtBot) -> None:
    history.record(ROOM, [_row(f"m{n}") for n in range(1200)])
    history.record("elsewhere", [_row("other room")])
    with qtbot.waitSignal(history.loaded, timeout=5000) as blocker:
        history.load_recent(ROOM)
    room, rows = blocker.args[0]
    assert room == ROOM
    assert [r.text for r in rows] == [f"m{n}" for n in range(700, 1200)]
    with qtbot.waitSignal(history.loaded, timeout=5000) as blocker:
        history.load_more(ROOM, before_id=rows[0].id, limit=1000)
    assert [r.text for r in blocker.args[0][1]] == [f"m{n}" for n in range(700)]


def test_record_uses_the_room_it_is_given(history: History, qtbot: QtBot) -> None:
    history.record("tcp-host:7", [_row("x")])  # the row says ROOM; the call decides
    with qtbot.waitSignal(history.loaded, timeout=5000) as blocker:
        history.load_recent("tcp-host:7")
    assert [(r.room, r.text) for r in blocker.args[0][1]] == [("tcp-host:7", "x")]


def test_search_finds_case_insensitively(history: History, qtbot: QtBot) -> None:
    history.record(ROOM, [_row("Hello there"), _row("nothing"), _row("say HELLO")])
    with qtbot.waitSignal(history.search_finished, timeout=5000) as blocker:
        history.search(ROOM, "hello")
    room, query, rows = blocker.args[0]
    assert (room, query) == (ROOM, "hello")
    assert [r.text for r in rows] == ["Hello there", "say HELLO"]


def test_delete_one_room_then_all(history: History, qtbot: QtBot) -> None:
    history.record(ROOM, [_row("a")])
    history.record("b", [_row("b")])
    with qtbot.waitSignal(history.deleted, timeout=5000) as blocker:
        history.delete(ROOM)
    assert blocker.args == [ROOM]
    with qtbot.waitSignal(history.loaded, timeout=5000) as blocker:
        history.load_recent(ROOM)
    assert blocker.args[0] == (ROOM, [])
    with qtbot.waitSignal(history.deleted, timeout=5000) as blocker:
        history.delete()
    assert blocker.args == [None]
    history.shutdown()
    db = HistoryDB(history.path)
    assert db.rooms() == []
    db.close()


def _parse_windows_csv(path: Path) -> list[HistoryRow]:
    return parse_csv(path, labels=csv_labels())


@pytest.mark.parametrize(("fmt", "parse"), [("csv", _parse_windows_csv), ("json", parse_json)])
def test_export_writes_the_whole_room(history: History, qtbot: QtBot, tmp_path: Path, fmt, parse) -> None:  # type: ignore[no-untyped-def]
    rows = [_row('你好, "world"\nline two'), _row("mine", "own", "bob"), _row("bob joined.", "system", "")]
    history.record(ROOM, rows)
    target = tmp_path / f"out.{fmt}"
    with qtbot.waitSignal(history.export_finished, timeout=5000) as blocker:
        history.export(ROOM, target, fmt)
    assert blocker.args[0] == (ROOM, target, 3, "")
    assert [(r.kind, r.sender, r.text) for r in parse(target)] == [(r.kind, r.sender, r.text) for r in rows]


def test_export_failure_is_reported_not_raised(history: History, qtbot: QtBot, tmp_path: Path) -> None:
    history.record(ROOM, [_row("x")])
    target = tmp_path / "missing folder" / "out.txt"
    with qtbot.waitSignal(history.export_finished, timeout=5000) as blocker:
        history.export(ROOM, target, "txt")
    room, path, count, error = blocker.args[0]
    assert (room, path, count) == (ROOM, target, 0)
    assert error
    assert not target.exists()


def test_keep_no_history_writes_nothing(tmp_path: Path, qtbot: QtBot) -> None:
    history = History(folder=tmp_path, enabled=False)
    try:
        history.record(ROOM, [_row("secret")])
        with qtbot.waitSignal(history.loaded, timeout=5000) as blocker:
            history.load_recent(ROOM)
        assert blocker.args[0] == (ROOM, [])
        assert not history.path.exists()
        history.enabled = True
        history.record(ROOM, [_row("kept")])
        history.enabled = False
        history.record(ROOM, [_row("dropped")])
        with qtbot.waitSignal(history.loaded, timeout=5000) as blocker:
            history.load_recent(ROOM)
        assert [r.text for r in blocker.args[0][1]] == ["kept"]
    finally:
        history.shutdown()


def test_an_unusable_file_says_so(tmp_path: Path, qtbot: QtBot) -> None:
    (tmp_path / "history.sqlite3").mkdir()  # a folder where the file should be
    history = History(folder=tmp_path)
    try:
        with qtbot.waitSignal(history.failed, timeout=5000) as blocker:
            pass
        assert "history.sqlite3" in blocker.args[0]
        history.record(ROOM, [_row("x")])  # no error: it just is not kept
    finally:
        history.shutdown()


def test_shutdown_commits_stops_every_thread_and_is_idempotent(tmp_path: Path, qtbot: QtBot) -> None:
    history = History(folder=tmp_path)
    history.record(ROOM, [_row("last")])
    history.shutdown()
    history.shutdown()
    assert not history.running
    assert _history_threads() == []
    history.load_recent(ROOM)  # after shutdown: ignored, no error
    db = HistoryDB(tmp_path / "history.sqlite3")
    assert [r.text for r in db.recent(ROOM)] == ["last"]
    db.close()


def test_default_folder_is_the_app_data_location(qtbot: QtBot) -> None:
    from PySide6.QtCore import QStandardPaths

    history = History(enabled=False)
    try:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert history.path == Path(location) / "history.sqlite3"
    finally:
        history.shutdown()


def test_link_merges_and_the_room_list_names_it(history: History, qtbot: QtBot) -> None:
    history.record("tcp:127.0.0.1:5000", [_row("by v4")])
    history.record("tcp:[::1]:5000", [_row("by v6")])
    history.link("tcp:127.0.0.1:5000", "room:abc", "Ann's room")
    history.link("tcp:[::1]:5000", "room:abc")
    with qtbot.waitSignal(history.rooms_listed, timeout=5000) as blocker:
        history.list_rooms()
    (summary,) = blocker.args[0]
    assert (summary.key, summary.name, summary.count) == ("room:abc", "Ann's room", 2)
    with qtbot.waitSignal(history.loaded, timeout=5000) as loaded:
        history.load_recent("tcp:[::1]:5000")
    assert [r.text for r in loaded.args[0][1]] == ["by v4", "by v6"]


def test_a_receipt_recorded_later_is_on_the_row_read_back(history: History, qtbot: QtBot) -> None:
    history.record(ROOM, [HistoryRow(0, ROOM, 1.0, "own", "bob", "hi", receipt=1, ref="s:1")])
    history.record_receipt("s:1", 2, 0.005)
    with qtbot.waitSignal(history.loaded, timeout=5000) as loaded:
        history.load_recent(ROOM)
    assert [(r.receipt, r.rtt) for r in loaded.args[0][1]] == [(2, 0.005)]


def test_a_csv_export_is_in_the_windows_language(history: History, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Chinese(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
            words = {"time": "时间", "kind": "类型", "sender": "发送者", "text": "内容", "received": "收到的"}
            return words.get(source, "") if context == "History" else ""

    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        history.record(ROOM, [_row("你好")])
        with qtbot.waitSignal(history.export_finished, timeout=5000):
            history.export(ROOM, tmp_path / "zh.csv", "csv")
    finally:
        QCoreApplication.removeTranslator(translator)
    lines = (tmp_path / "zh.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0] == "时间,类型,发送者,内容"
    assert lines[1].split(",")[1:] == ["收到的", "ann", "你好"]
