"""While the writer builds the search index of a big file, the window says so, then says it is ready."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from chatgui.history.bridge import History
from chatgui.history.store import HistoryDB, HistoryRow
from chatgui.ui import history_view
from chatgui.ui.history_view import HistoryView
from chatgui.ui.transcript_model import TranscriptModel
from chatgui.ui.transcript_view import TranscriptView

ROWS = 2500  # more than one index step (2,000 rows)


class Status:
    """The status line: keeps every sentence shown."""

    def __init__(self) -> None:
        self.sentences: list[str] = []

    def show_sentence(self, text: str, *, error: bool, good: bool = False) -> None:
        assert not error
        self.sentences.append(text)


def _file_without_index(folder: Path) -> None:
    path = folder / "history.sqlite3"
    db = HistoryDB(path)
    db.append([HistoryRow(0, "r", 1.0 + n, "other", "ann", f"row {n}") for n in range(ROWS)])
    db.close()
    conn = sqlite3.connect(path)  # as a file of an older version: no index yet
    conn.executescript(
        "DROP TRIGGER messages_fts_delete; DROP TRIGGER messages_fts_update; DROP TABLE messages_fts;"
    )
    conn.close()


def test_the_status_line_follows_the_index_build(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_view, "INDEX_NOTICE_ROWS", 1000)
    _file_without_index(tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    status = Status()
    history = History(folder=tmp_path, enabled=False)  # nothing writes yet: the view is wired first
    try:
        view = HistoryView(history, TranscriptModel(), TranscriptView(window), status, window)
        view.connect_history()
        with qtbot.waitSignal(history.index_progress, timeout=10_000, check_params_cb=lambda d, t: d >= t):
            history.enabled = True  # the writer starts and indexes the file
        assert status.sentences[0] == "Preparing history search: 80% of 2,500 messages. " + (
            "Searching works meanwhile, only more slowly."
        )
        assert status.sentences[-1] == "History search is ready."
    finally:
        history.shutdown()
    assert not history.running


def test_a_small_build_says_nothing(tmp_path: Path, qtbot: QtBot) -> None:
    _file_without_index(tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    status = Status()
    history = History(folder=tmp_path, enabled=False)
    try:
        view = HistoryView(history, TranscriptModel(), TranscriptView(window), status, window)
        view.connect_history()
        with qtbot.waitSignal(history.index_progress, timeout=10_000, check_params_cb=lambda d, t: d >= t):
            history.enabled = True
        assert status.sentences == []
    finally:
        history.shutdown()
