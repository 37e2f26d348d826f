"""The transcript view: estimated heights for unseen rows are measured once they come into sight."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from chatgui.ui.transcript_delegate import TranscriptDelegate
from chatgui.ui.transcript_model import Row, RowKind, TranscriptModel
from chatgui.ui.transcript_view import TranscriptView


def _visible_rows(view: TranscriptView) -> list[int]:
    model = view.model()
    viewport = view.viewport().rect()
    return [r for r in range(model.rowCount()) if view.visualRect(model.index(r, 0)).intersects(viewport)]


def test_rows_scrolled_into_sight_get_their_measured_height(qtbot: QtBot) -> None:
    model = TranscriptModel()
    view = TranscriptView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    # CJK text is about twice as wide per character as the estimate assumes.
    texts = ["中文消息 " * (5 + i % 7) if i % 2 else "word " * (10 + i % 30) for i in range(1500)]
    model.append_rows(Row(RowKind.OTHER, "bob", text) for text in texts)
    width = view.viewport().width()
    delegate = view.itemDelegate()
    assert isinstance(delegate, TranscriptDelegate)
    top = [model.row_at(r) for r in range(20)]
    assert not any(row.layout_exact for row in top)  # far from the newest rows: estimated
    assert any(row.layout_height != delegate.measured_height(view.font(), row, width) for row in top)

    view.scrollToTop()

    def measured() -> None:
        rows = _visible_rows(view)
        assert rows
        for r in rows:
            row = model.row_at(r)
            assert row.layout_exact
            assert view.visualRect(model.index(r, 0)).height() == row.layout_height
            assert row.layout_height == delegate.measured_height(view.font(), row, width)

    qtbot.waitUntil(measured, timeout=5000)


def test_following_view_shows_the_newest_row(qtbot: QtBot) -> None:
    model = TranscriptModel(max_rows=500)
    view = TranscriptView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    for batch in range(5):
        model.append_rows(Row(RowKind.OTHER, "bob", f"line {batch}-{i} " * (1 + i % 9)) for i in range(300))
    last = model.index(model.rowCount() - 1, 0)
    qtbot.waitUntil(lambda: last.row() in _visible_rows(view), timeout=5000)
    assert view.is_following()
