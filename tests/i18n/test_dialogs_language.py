"""Every dialog the window opens speaks Chinese too: ours, and Qt's own (issue 12, point 6).

The walk of the window itself (menus, every tab) is ``test_window_language``; this one opens
each dialog the window can open — About, the Help pages, Delete history, the question before
a hosted room ends, the export file dialog, the passphrase dialog, the Check popover — and
reads every text in it. Blocking dialogs are read from a timer inside their own event loop,
then closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chatgui import i18n
from chatgui.discovery.rooms import Room
from chatgui.events import Listening, RosterChanged, SessionState, StateChanged
from tests.i18n.test_window_language import (  # noqa: F401 (fixtures)
    Install,
    chinese_window,
    data_names,
    english_words,
    own_texts,
    window,
)
from tests.ui.conftest import settings  # noqa: F401 (fixture)


def dialog_texts(dialog: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a user reads in ``dialog`` as it is now."""
    yield "title", dialog.windowTitle()
    if isinstance(dialog, QMessageBox):
        yield "message", dialog.text()
        yield "details", dialog.informativeText()
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        if not widget.isVisibleTo(dialog) and widget is not dialog:
            continue
        yield from own_texts(widget)
        name = f"{type(widget).__name__} {widget.objectName() or '?'}"
        if isinstance(widget, QTreeView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(widget.rootIndex())):
                yield f"{name} header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            root = widget.rootIndex()
            for row in range(min(model.rowCount(root), 20)):
                for column in range(1, model.columnCount(root)):  # column 0: the files' own names
                    yield f"{name} cell", str(model.data(model.index(row, column, root)) or "")
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(QModelIndex()), 20)):
                yield f"{name} row", str(model.data(model.index(row, 0)) or "")
    for action in dialog.findChildren(QAction):  # context menus: the file dialog's "Rename", …
        if action.text():
            yield f"action {action.objectName() or '?'}", action.text()


def english_in(dialog: QWidget) -> list[str]:
    data = data_names()
    found = []
    for where, text in dialog_texts(dialog):
        # Numbers, sizes and dates are data; so is the folder shown (a path).
        if where.startswith("QComboBox lookInCombo") or where.startswith("QLineEdit fileNameEdit"):
            continue
        words = english_words(text, data)
        if words:
            found.append(f"{type(dialog).__name__} {where}: {text!r} (English: {', '.join(words)})")
    return found


def read_modal(qtbot: QtBot, kind: type[QWidget], found: list[str], name: str = "") -> None:
    """Arm a timer that reads the next ``kind`` dialog once it shows, then closes it."""

    def shown() -> QDialog | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible() and (not name or widget.objectName() == name):
                assert isinstance(widget, QDialog)
                return widget
        return None

    def read() -> None:
        dialog = shown()
        if dialog is None:
            QTimer.singleShot(10, read)  # not up yet: its event loop is starting
            return
        try:
            found.append(f"seen {kind.__name__}")
            found.extend(english_in(dialog))
        except Exception as exc:  # reported by the test, never left hanging
            found.append(f"reading failed: {exc!r}")
        finally:
            dialog.done(0)

    QTimer.singleShot(0, read)


def test_qt_file_dialog_labels_are_translated(translated: Install) -> None:
    # Qt 6 added mnemonics ("&Look in:") that qtbase_zh_*.qm does not know yet.
    assert translated("zh_CN")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert (
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"
    )
    assert translated("zh_TW")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "尋找於(&L)："
    # Only Qt's strings: the app's own untranslated text is left alone (and stays visible).
    assert QCoreApplication.translate("MainWindow", "&Look in:") == "&Look in:"
    assert QCoreApplication.translate("QFileDialog", "Not a Qt string at all") == "Not a Qt string at all"


def test_english_turns_the_gaps_off(translated: Install) -> None:
    assert translated("zh_CN")
    assert not translated("en")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


def test_every_dialog_of_the_window_speaks_chinese(
    chinese_window: QMainWindow,  # noqa: F811 (the fixture imported above)
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = chinese_window
    found: list[str] = []

    # About and Delete history block in their own event loop: read them from inside it.
    read_modal(qtbot, QMessageBox, found)
    win.show_about()  # type: ignore[attr-defined]
    read_modal(qtbot, QMessageBox, found, "deleteHistoryBox")
    win.history_view.confirm_delete()  # type: ignore[attr-defined]

    # The export file dialog (Qt's own, not the system's: see i18n), in a folder of ours.
    (tmp_path / "folder").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    read_modal(qtbot, QFileDialog, found)
    win.history_view.ask_export_path("csv")  # type: ignore[attr-defined]

    # The Help pages.
    for action in (win.actions_.how_to_chat, win.actions_.how_to_read_lab):  # type: ignore[attr-defined]
        action.trigger()
    for name in ("howToChatDialog", "howToReadLabDialog"):
        dialog = win.findChild(QDialog, name)
        assert dialog is not None
        found.append("seen help")
        found.extend(english_in(dialog))
        dialog.close()

    # A private room's passphrase.
    room = Room("k", "小明", "大厅", "tcp", ("127.0.0.1",), 5000, secure=True)  # names are data
    win.session_control.join_room(room)  # type: ignore[attr-defined]
    passphrase = win.session_control.passphrase_dialog  # type: ignore[attr-defined]
    assert passphrase is not None
    found.extend(english_in(passphrase))
    passphrase.reject()

    # The Check popover, with an answer in it.
    bar = win.chat_page.connection_bar  # type: ignore[attr-defined]
    bar.host_edit.setText("127.0.0.1")
    bar.port_spin.setValue(4000)
    win.actions_.check.trigger()  # type: ignore[attr-defined]
    found.extend(english_in(win.check_popover))  # type: ignore[attr-defined]

    # The question before a hosted room ends.
    win.actions_.host_room.trigger()  # type: ignore[attr-defined]
    win.backend.deliver(  # type: ignore[attr-defined]
        [StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:5000",), 5000), RosterChanged(("ann", "bob"))]
    )
    win.actions_.quit.trigger()  # type: ignore[attr-defined]
    box = win.quit_guard.box  # type: ignore[attr-defined]
    assert box is not None
    found.extend(english_in(box))
    box.reject()
    qtbot.waitUntil(lambda: win.quit_guard.box is None)  # type: ignore[attr-defined]

    assert found.count("seen QMessageBox") == 2
    assert "seen QFileDialog" in found
    offenders = [line for line in found if not line.startswith("seen ")]
    assert not offenders, "English text in the dialogs:\n" + "\n".join(offenders)


def test_the_dialog_walk_sees_english(
    window: QMainWindow,  # noqa: F811 (the fixture imported above)
    qtbot: QtBot,
) -> None:
    # The same walk in English must find plenty, or it is not looking.
    assert i18n.installed_language() == "en"
    found: list[str] = []
    read_modal(qtbot, QMessageBox, found, "deleteHistoryBox")
    window.history_view.confirm_delete()  # type: ignore[attr-defined]
    window.actions_.how_to_chat.trigger()  # type: ignore[attr-defined]
    dialog = window.findChild(QDialog, "howToChatDialog")
    assert dialog is not None
    found.extend(english_in(dialog))
    assert len([line for line in found if not line.startswith("seen ")]) > 4
