"""The real window at 800×500 and 1280×800, in both faces, in English and Chinese: nothing cut off.

The conversation keeps at least ``MIN_LINE_CHARS`` average characters of text per line (the
text column, after time and sender), side panels fold into drawers when it would not, English
wraps between words and the window's minimum size fits the smallest screen the README promises.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizeGrip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chatgui import i18n
from chatgui.events import Listening, RosterChanged, SessionState, StateChanged
from chatgui.ui.chat_page import MIN_LINE_CHARS
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_delegate import TranscriptDelegate
from tests.ui.conftest import FakeBackend, FakeDiscovery
from tests.ui.page import page

SIZES = [QSize(800, 500), QSize(1280, 800)]
ENGLISH = (
    "Could you send me the address of the room again, please? The one I wrote down "
    "yesterday does not answer, and the others are waiting for us in the laboratory."
)
_CONTROLS = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
CHINESE = "我们今天下午三点在实验室见面，请带上你的笔记本电脑和网线，我们要比较两种协议的区别。" * 2


@pytest.fixture(scope="module")
def qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("qm")


@pytest.fixture(params=[i18n.ENGLISH, "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication, qm_cache: Path) -> Iterator[str]:
    if request.param != i18n.ENGLISH:
        assert i18n.install_translator(qapp, request.param, cache=qm_cache)
    yield request.param
    i18n.install_translator(qapp, i18n.ENGLISH, cache=qm_cache)


def _window(qtbot: QtBot, settings: QSettings, backend: FakeBackend, size: QSize, socket: bool) -> MainWindow:
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    page(window).show_socket_controls(socket)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.size() == size)
    return window


def _in_a_room(window: MainWindow, backend: FakeBackend) -> None:
    page(window).host_room()
    backend.deliver(
        [
            StateChanged(SessionState.ACTIVE),
            Listening(("0.0.0.0:50007",), 50007),
            RosterChanged(("me", "bob", "王小明")),
        ]
    )
    QApplication.processEvents()


def _smallest(widget: QWidget) -> QSize:
    """The smallest size ``widget`` reads whole at: its minimum, or its hint (a wrapped label: its height)."""
    hint = widget.minimumSizeHint()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        hint = QSize(hint.width(), widget.heightForWidth(widget.width()))
    minimum = widget.minimumSize()
    return QSize(minimum.width() or hint.width(), minimum.height() or hint.height())


def _cut_off(window: QMainWindow) -> list[str]:
    """Visible widgets outside the window, or controls squeezed below the size they read whole at."""
    bounds = window.rect()
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QSizeGrip):
            continue  # the status bar places it on the window's frame (offscreen: never)
        name = widget.objectName() or f"{type(widget).__name__} {getattr(widget, 'text', str)()!r}"
        top_left = widget.mapTo(window, widget.rect().topLeft())
        rect = widget.rect().translated(top_left)
        if not bounds.contains(rect):
            found.append(f"{name} at {rect} outside {bounds}")
        if isinstance(widget, _CONTROLS):
            smallest = _smallest(widget)
            # One pixel of slack: the status bar gives its label 17 px of an 18 px hint, text whole.
            if widget.width() < smallest.width() - 1 or widget.height() < smallest.height() - 1:
                found.append(f"{name} squeezed to {widget.size()} below {smallest}")
    return found


def _text_lines(window: MainWindow, text: str) -> list[str]:
    view = page(window).transcript_view
    delegate = view.itemDelegate()
    assert isinstance(delegate, TranscriptDelegate)
    font = view.font()
    width = delegate.message_text_width(font, view.viewport().width())
    layout = delegate._layout(delegate._m(font), font, text, width)
    return [
        text[layout.lineAt(i).textStart() : layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
        for i in range(layout.lineCount())
    ]


def _check(window: MainWindow) -> None:
    view = page(window).transcript_view
    assert view.isVisible()
    delegate = view.itemDelegate()
    assert isinstance(delegate, TranscriptDelegate)
    text_width = delegate.message_text_width(view.font(), view.viewport().width())
    average = view.fontMetrics().averageCharWidth()
    assert text_width >= MIN_LINE_CHARS * average, (text_width, average)
    assert _cut_off(window) == []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert minimum.width() <= 800
    assert minimum.height() <= 500
    english = _text_lines(window, ENGLISH)
    assert len(english[0]) >= MIN_LINE_CHARS
    for line in english[:-1]:
        assert line.endswith(" "), f"English broke mid-word: {english}"
    chinese = _text_lines(window, CHINESE)
    # A Chinese character is about two average characters wide.
    assert len(chinese[0]) >= MIN_LINE_CHARS // 2, chinese


@pytest.mark.parametrize("size", SIZES, ids=["800x500", "1280x800"])
@pytest.mark.parametrize("socket", [False, True], ids=["simple", "socket"])
def test_the_window_fits_idle_and_in_a_room(
    qtbot: QtBot, settings: QSettings, size: QSize, socket: bool, language: str
) -> None:
    backend = FakeBackend()
    window = _window(qtbot, settings, backend, size, socket)
    assert page(window).rooms_panel.isVisible()  # idle: the rooms list is what a newcomer needs
    _check(window)
    _in_a_room(window, backend)
    assert page(window).roster_view.isVisible()
    _check(window)


def test_a_narrow_window_folds_the_rooms_into_a_drawer(qtbot: QtBot, settings: QSettings) -> None:
    backend = FakeBackend()
    window = _window(qtbot, settings, backend, QSize(800, 500), socket=False)
    drawer = window.chat_page.rooms_drawer_button
    assert not drawer.isVisible()
    _in_a_room(window, backend)
    assert not page(window).rooms_panel.isVisible()
    assert drawer.isVisible()
    drawer.click()  # the user asks for the rooms: they show, the conversation makes room
    assert page(window).rooms_panel.isVisible()
    drawer.click()
    assert not page(window).rooms_panel.isVisible()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: page(window).rooms_panel.isVisible())
    assert not drawer.isVisible()


def test_the_first_start_window_fits_the_screen_it_opens_on(qtbot: QtBot, settings: QSettings) -> None:
    # The offscreen screen is 800×600, narrower and lower than the 1040×640 first-start size.
    window = MainWindow(FakeBackend(), settings, discovery=FakeDiscovery())
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert screen.width() < 1040  # or this test proves nothing
    assert window.width() <= screen.width()
    assert window.height() <= screen.height()


@pytest.mark.parametrize("size", SIZES, ids=["800x500", "1280x800"])
def test_the_labs_picture_tab_fits_the_window(
    qtbot: QtBot, settings: QSettings, size: QSize, language: str
) -> None:
    window = _window(qtbot, settings, FakeBackend(), size, socket=False)
    window.tabs.setCurrentWidget(window.lab_page)
    lab = window.open_lab()
    lab.show_settings(False)  # as a run leaves them (the settings panel is the Delivery tab's business)
    lab.tabs.setCurrentWidget(lab.picture_scroll)
    view, viewport = lab.picture_view, lab.picture_scroll.viewport()
    qtbot.waitUntil(lambda: view.isVisible() and view.width() <= viewport.width())  # never sideways
    visible = viewport.rect().translated(viewport.mapTo(window, viewport.rect().topLeft()))
    in_tab = {
        w.objectName() or f"{type(w).__name__} {getattr(w, 'text', str)()!r}"
        for w in [view, *view.findChildren(QWidget)]
    }
    # The tab's own widgets may go on below the fold (its one scroll): checked below instead.
    found = [problem for problem in _cut_off(window) if problem.split(" at ")[0] not in in_tab]
    assert found == []
    for widget in view.findChildren(QWidget):
        if not widget.isVisible():
            continue
        top_left = widget.mapTo(window, widget.rect().topLeft())
        rect = widget.rect().translated(top_left)
        # Inside the window, or below the fold of the tab's one scroll: never cut at the side.
        assert rect.left() >= visible.left(), widget.objectName()
        assert rect.right() <= visible.right(), widget.objectName()
        if isinstance(widget, _CONTROLS):
            smallest = _smallest(widget)
            assert widget.width() >= smallest.width() - 1, widget.objectName()
    assert view.height() <= 2 * viewport.height()  # one scroll at most
    for canvas in view.canvases.values():
        assert canvas.width() >= 160
