"""The window in Chinese: every text a user can see is translated (issue 6, "Languages")."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from chatgui import i18n
from chatgui.discovery.rooms import Room
from tests.ui.conftest import FakeBackend, FakeDiscovery, settings  # noqa: F401 (fixtures)

Install = Callable[[str], bool]

# Names that stay as they are in a Chinese UI: protocols, encodings, units, file types,
# programs, key names, and the socket calls the lab shows (Chinese tutorials write them so).
ALLOWED = {
    "TCP",
    "UDP",
    "IP",
    "IPv4",
    "IPv6",
    "LF",
    "CRLF",
    "UTF-8",
    "UTF",
    "GBK",
    "GB18030",
    "Big5",
    "Latin-1",
    "ASCII",
    "TTL",
    "RTT",
    "RST",
    "SYN",
    "ACK",
    "SYN-ACK",
    "FIN",
    "DNS",
    "VPN",
    "Wi-Fi",
    "chatgui",
    "ms",
    "kB",
    "MB",
    "KiB",
    "MiB",
    "kbit",
    "s",
    "hex",
    "CSV",
    "JSON",
    "PNG",
    "nc",
    "socat",
    "socket",
    "p50",
    "p95",
    "Ctrl",
    "Shift",
    "Alt",
    "Enter",
    "Esc",
    "F3",
    "Tab",
    "English",
    "lab-peer",
    "python3",
    "main.py",
    "lab",
    "x",
    "y",
    "z",
    "ff15",
    "ff",
    "README",
    "nft",
    "JPEG",
    "GIF",
    "WebP",
}
# Code-like spans: socket calls "recv()", command lines in back-quotes, flags, file masks,
# bytes literals and escapes.
CODE = re.compile(r"`[^`]*`|\b\w+\(\)|--[\w-]+|\*\.\w+|b''|\\[nr]")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z]")


def english_words(text: str, data: set[str]) -> list[str]:
    """The words of ``text`` that are English (not an allowed name, nor data like "lo")."""
    # Mnemonics: "文件(&F)", and "(F)" in the tooltip Qt derives from that text.
    text = re.sub(r"\(&?[A-Za-z]\)|&(?=\w)", "", text)
    text = CODE.sub(" ", text)
    return [word for word in WORD.findall(text) if word not in ALLOWED and word not in data]


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} menu", menu.title()
    for action in menu.actions():
        yield from action_texts(action, f"{where} > {menu.title()}")


def action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator() or not action.isVisible():
        return
    if action.menu() is not None:
        yield from menu_texts(action.menu(), where)  # type: ignore[arg-type]
        return
    yield f"{where} action", action.text()
    if action.toolTip() != action.text().replace("&", ""):
        yield f"{where} action tooltip", action.toolTip()


def own_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for the texts a widget shows of its own: tooltip, text, title, items, placeholder."""
    name = f"{type(widget).__name__} {widget.objectName() or '?'}"
    if widget.toolTip():
        yield f"{name} tooltip", widget.toolTip()
    if isinstance(widget, QLabel | QAbstractButton):
        yield name, widget.text()
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{name} item", widget.itemText(index)
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield f"{name} placeholder", widget.placeholderText()
    elif isinstance(widget, QAbstractSpinBox):
        yield f"{name} special value", widget.specialValueText()
        suffix = getattr(widget, "suffix", None)
        if suffix is not None:
            yield f"{name} suffix", suffix()


def visible_texts(window: QMainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a user reads in the window as it is now."""
    yield "window title", window.windowTitle()
    for action in window.menuBar().actions():
        yield from action_texts(action, "menu bar")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        yield from own_texts(widget)
        name = f"{type(widget).__name__} {widget.objectName() or '?'}"
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"{name} tab", widget.tabText(index)
                yield f"{name} tab tooltip", widget.tabToolTip(index)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            header = widget.horizontalHeader() if isinstance(widget, QTableView) else None
            if isinstance(widget, QTreeView):
                header = widget.header()
            if header is not None and not header.isHidden():
                for column in range(header.count()):
                    yield f"{name} header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for row in range(min(model.rowCount(QModelIndex()), 50)):
                yield f"{name} row", str(model.data(model.index(row, 0)) or "")


def data_names() -> set[str]:
    """Text that comes from the system, not from us: interface names, the user's name."""
    names = {name for _, name in socket.if_nameindex()}
    names.update(re.findall(r"[A-Za-z][\w.-]*", socket.gethostname()))
    import getpass

    names.add(getpass.getuser())
    return names


def offenders(window: QMainWindow) -> list[str]:
    data = data_names()
    found = []
    for where, text in visible_texts(window):
        words = english_words(text, data)
        if words:
            found.append(f"{where}: {text!r} (English: {', '.join(words)})")
    return found


@pytest.fixture(params=["zh_CN", "zh_TW"])
def chinese_window(request: pytest.FixtureRequest, translated: Install, qapp: QApplication) -> QMainWindow:
    """The real window, built after the translator was installed (as the app does at start)."""
    assert translated(request.param)
    return request.getfixturevalue("window")


@pytest.fixture
def window(qtbot, settings):  # type: ignore[no-untyped-def]  # noqa: F811 (the gui tier's, re-made here)
    from chatgui.ui.main_window import MainWindow

    discovery = FakeDiscovery()
    win = MainWindow(FakeBackend(), settings, discovery=discovery)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # Rooms on the network, an open one and a private one: their lines in the list are read too
    # (names and nicknames are the hosts' own words: Chinese here, so they count as data).
    for secure in (False, True):
        discovery.room_found.emit(
            Room(f"room-{secure}", "小李", "实验小组", "tcp", ("127.0.0.1",), 50007, secure=secure)
        )
    return win


def test_the_detector_catches_english() -> None:
    assert english_words("Send the message", set()) == ["Send", "the", "message"]
    assert english_words("Shift+Enter starts a line", set()) == ["starts", "a", "line"]
    assert english_words("发送（Enter）· TCP · recv() 返回 b'' · 文件(&F)", set()) == []
    assert english_words("lo (127.0.0.1)", {"lo"}) == []


def test_the_walk_sees_the_english_window(window: QMainWindow) -> None:
    # Without a translation the same walk must find plenty, or it is not looking.
    assert len(offenders(window)) > 20


def test_chinese_window_has_no_english_text(chinese_window: QMainWindow) -> None:
    found = offenders(chinese_window)
    assert not found, "English text in the window:\n" + "\n".join(found)


def test_chinese_lab_tab_has_no_english_text(chinese_window: QMainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    lab = chinese_window.open_lab()  # type: ignore[attr-defined]
    for tabs in chinese_window.findChildren(QTabWidget):
        if tabs.indexOf(chinese_window.lab_page) >= 0:  # type: ignore[attr-defined]
            tabs.setCurrentWidget(chinese_window.lab_page)  # type: ignore[attr-defined]
    qtbot.waitUntil(lab.isVisible)
    found = set(offenders(chinese_window))
    # Every view of the lab (delivery, boundaries, lifecycle...), one after the other.
    for tabs in lab.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            found.update(offenders(chinese_window))
    assert not found, "English text in the lab:\n" + "\n".join(sorted(found))


def test_qt_standard_buttons_are_translated(translated: Install) -> None:
    # qtbase_<lang>.qm from PySide6 covers QMessageBox/QDialogButtonBox buttons.
    assert translated("zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert translated("zh_TW")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "儲存"


def test_english_removes_the_translation(translated: Install) -> None:
    assert translated("zh_CN")
    assert i18n.installed_language() == "zh_CN"
    assert not translated("en")
    assert i18n.installed_language() == "en"
    assert QCoreApplication.translate("TranscriptView", "Copy") == "Copy"
