"""Rows of Chinese or emoji are tall enough for the fallback fonts they are drawn with."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from chatgui.ui.transcript_delegate import _PAD_Y, TranscriptDelegate
from chatgui.ui.transcript_model import Row, RowKind


def _line_height(text: str) -> float:
    layout = QTextLayout(text, QApplication.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return line.height()


@pytest.mark.parametrize("text", ["你好！我是小明", "繁體中文", "😀 emoji", "plain ascii"])
def test_a_one_line_row_is_as_tall_as_its_shaped_line(qapp: QApplication, text: str) -> None:
    delegate = TranscriptDelegate()
    row = Row(RowKind.OTHER, "小明", text, "12:00:00")
    text_area = delegate.measured_height(QApplication.font(), row, 800) - 2 * _PAD_Y
    assert text_area >= _line_height(text)
