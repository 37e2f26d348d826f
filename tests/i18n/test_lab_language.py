"""The lab in Chinese after a real run: every tab, label and table cell (issue 12, point 6)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chatgui.lab.bridge import LabController
from chatgui.lab.model import Conditions
from chatgui.ui.lab import LabWidget
from chatgui.ui.lab.boundaries import DEMO_MESSAGES
from chatgui.ui.lab.help import lab_help_text
from chatgui.ui.lab.strip import Legend
from tests.i18n.test_window_language import Install, data_names, english_words, own_texts

# Data, not words: the demo's own messages, and a socket option shown as code.
LAB_DATA = {word for message in DEMO_MESSAGES for word in message.split()} | {"shutdown", "SHUT_WR"}
BYTE_ESCAPE = re.compile(r"\\x[0-9a-fA-F]{2}")
HEX_COLUMN = 3  # the calls tables' hex bytes ("e4 bd a0") are data too


def lab_texts(lab: LabWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of the lab, visible now or not, table cells included."""
    for widget in lab.findChildren(QWidget):
        yield from own_texts(widget)
        name = f"{type(widget).__name__} {widget.objectName() or '?'}"
        if isinstance(widget, Legend):
            for text in widget.texts():
                yield f"{name} entry", text
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                yield f"{name} header", header.text() if header is not None else ""
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    if item is not None and not (column == HEX_COLUMN and "Calls" in widget.objectName()):
                        yield f"{name} cell {row},{column}", item.text()


def offenders(lab: LabWidget) -> list[str]:
    data = data_names() | LAB_DATA
    found = []
    for where, text in lab_texts(lab):
        # A split UTF-8 character shows as byte escapes ("\\xef\\xbc"): data, not words.
        words = english_words(BYTE_ESCAPE.sub(" ", text), data)
        if words:
            found.append(f"{where}: {text!r} (English: {', '.join(words)})")
    return found


@pytest.fixture
def real_lab(qtbot: QtBot) -> Iterator[LabWidget]:
    controller = LabController()
    widget = LabWidget(controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 733)
    widget.show()
    yield widget
    controller.shutdown()


def _run_everything(lab: LabWidget, qtbot: QtBot) -> None:
    """A real impaired run, both demonstrations, and a framing change: every view filled."""
    lab.settings.count_spin.setValue(200)
    lab.settings.set_conditions(Conditions(loss=5, dup=2, reorder=2, seed=3))
    with qtbot.waitSignal(lab.controller.finished, timeout=30_000):
        lab.run_button.click()
    lab.tabs.setCurrentIndex(1)
    lab.boundaries.send_button.click()
    qtbot.waitUntil(lab.boundaries.send_button.isEnabled, timeout=10_000)
    lab.boundaries.framing_combo.setCurrentIndex(lab.boundaries.framing_combo.findData("length"))
    lab.tabs.setCurrentIndex(2)
    with qtbot.waitSignal(lab.controller.lifecycle_ready, timeout=10_000):
        lab.lifecycle.lifecycle_button.click()
    lifecycle = list(lab.lifecycle.steps)
    with qtbot.waitSignal(lab.controller.lifecycle_ready, timeout=10_000):
        lab.lifecycle.nobody_button.click()
    lab.lifecycle.show_steps(lifecycle + list(lab.lifecycle.steps))  # both demonstrations' rows at once


def test_the_walk_finds_english_in_the_english_lab(real_lab: LabWidget, qtbot: QtBot) -> None:
    _run_everything(real_lab, qtbot)
    found = offenders(real_lab)
    assert any("LifecycleTable cell" in f for f in found)  # it reads the detail column
    assert any("labResults" in f or "Value" in f or "Note" in f for f in found)


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_the_lab_after_a_real_run_has_no_english(
    language: str, translated: Install, qapp: QApplication, qtbot: QtBot
) -> None:
    assert translated(language)  # before the widget is built, as the app does
    controller = LabController()
    widget = LabWidget(controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 733)
    widget.show()
    try:
        _run_everything(widget, qtbot)
        found = offenders(widget)
        found += [f"help: {w}" for w in english_words(lab_help_text(), data_names())]
    finally:
        controller.shutdown()
    assert not found, "English text in the lab:\n" + "\n".join(found)
