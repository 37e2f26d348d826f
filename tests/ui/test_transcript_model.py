"""The transcript model: one insert per batch, bounded, receipts updated in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from chatgui.ui.transcript_model import Receipt, Row, RowKind, TranscriptModel


def _rows(n: int, start: int = 0) -> list[Row]:
    return [Row(RowKind.OTHER, "alice", f"m{start + i}") for i in range(n)]


class _Recorder:
    def __init__(self, model: TranscriptModel) -> None:
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.changed: list[int] = []
        model.rowsInserted.connect(self.on_inserted)
        model.rowsRemoved.connect(self.on_removed)
        model.dataChanged.connect(self.on_changed)

    def on_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.inserted.append((first, last))

    def on_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.removed.append((first, last))

    def on_changed(self, top: QModelIndex, _bottom: QModelIndex) -> None:
        self.changed.append(top.row())


def test_a_batch_is_one_insert(qtbot: QtBot) -> None:
    model = TranscriptModel()
    recorder = _Recorder(model)
    model.append_rows(_rows(1000))
    model.append_rows(_rows(500, 1000))
    assert recorder.inserted == [(0, 999), (1000, 1499)]
    assert recorder.removed == []
    assert model.rowCount() == 1500
    assert model.appended_count == 1500
    assert model.data(model.index(1499, 0)) == "m1499"


def test_bounded_trims_oldest_in_one_remove(qtbot: QtBot) -> None:
    model = TranscriptModel(max_rows=100)
    recorder = _Recorder(model)
    model.append_rows(_rows(80))
    model.append_rows(_rows(50, 80))
    assert recorder.removed == [(0, 29)]
    assert recorder.inserted == [(0, 79), (50, 99)]
    assert model.rowCount() == 100
    assert model.data(model.index(0, 0)) == "m30"
    assert model.data(model.index(99, 0)) == "m129"
    # A batch larger than the bound keeps only its newest rows.
    model.append_rows(_rows(250, 130))
    assert recorder.removed[-1] == (0, 99)
    assert recorder.inserted[-1] == (0, 99)
    assert model.data(model.index(0, 0)) == "m280"
    assert model.appended_count == 380


def test_receipts_update_in_place_even_after_trimming(qtbot: QtBot) -> None:
    model = TranscriptModel(max_rows=10)
    model.receipt_tooltips = {Receipt.DELIVERED: "after {rtt} ms", Receipt.MISSING: "no receipt"}
    recorder = _Recorder(model)
    model.append_rows(_rows(5))
    model.append_rows([Row(RowKind.OWN, "me", "hello", receipt=Receipt.PENDING, msg_id=7)])
    model.append_rows(_rows(6, 5))  # trims 2 rows: our message moves from row 5 to row 3
    assert model.row_for_msg_id(7) == 3
    assert model.set_receipt(7, Receipt.DELIVERED, 0.0123)
    assert recorder.changed == [3]
    index = model.index(3, 0)
    assert index.data(TranscriptModel.ReceiptRole) == Receipt.DELIVERED
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "after 12.3 ms"
    # A late "missing" cannot undo a delivery.
    assert not model.set_receipt(7, Receipt.MISSING)
    assert index.data(TranscriptModel.ReceiptRole) == Receipt.DELIVERED
    # Once trimmed away, the id is forgotten.
    model.append_rows(_rows(10, 100))
    assert model.row_for_msg_id(7) == -1
    assert not model.set_receipt(7, Receipt.DELIVERED, 0.1)


def test_clear_keeps_counting(qtbot: QtBot) -> None:
    model = TranscriptModel()
    model.append_rows(_rows(3))
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.clear()
    assert model.rowCount() == 0
    model.append_rows(_rows(2))
    assert model.appended_count == 5


def test_html_from_a_peer_is_kept_literally(qtbot: QtBot) -> None:
    model = TranscriptModel()
    model.append_rows([Row(RowKind.OTHER, "<i>eve</i>", "<b>x</b> <img src=x>")])
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "<b>x</b> <img src=x>"
    assert index.data(TranscriptModel.SenderRole) == "<i>eve</i>"


def test_copy_text_is_time_sender_text(qtbot: QtBot) -> None:
    model = TranscriptModel()
    model.append_rows(
        [Row(RowKind.OTHER, "bob", "hi", time_text="10:00:00"), Row(RowKind.SYSTEM, "", "bob left.")]
    )
    assert model.text_for_rows([1, 0]) == "10:00:00 bob: hi\n" + model.row_at(1).time + " bob left."


def test_max_rows_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_rows"):
        TranscriptModel(max_rows=0)
