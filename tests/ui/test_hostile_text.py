"""What a stranger sends is drawn as visible marks: no control, bidi override or look-alike hides."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from chatgui.events import ChatReceived, NickAssigned, RosterChanged, SessionState, StateChanged
from chatgui.ui import transcript_delegate
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_delegate import shown_sender
from tests.ui.conftest import FakeBackend
from tests.ui.page import page


def _host(window: MainWindow, backend: FakeBackend) -> None:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData("tcp"))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData("host"))
    page(window).host_edit.clear()
    page(window).connect_button.click()
    backend.deliver([StateChanged(SessionState.ACTIVE)])


def test_the_laid_out_text_shows_controls_and_overrides_as_marks() -> None:
    laid_out = transcript_delegate._for_layout("a\x1b]0;title\x07b\u202eevil\r\nnext\rover")
    assert "\x1b" not in laid_out
    assert "\x07" not in laid_out
    assert "\u202e" not in laid_out
    assert "\u27e8ESC\u27e9]0;title\u27e8BEL\u27e9b\u27e8U+202E\u27e9evil" in laid_out  # ⟨ESC⟩ ⟨BEL⟩
    assert laid_out.endswith("\u2028next\u27e8CR\u27e9over")  # CRLF is a line break, a lone CR a mark


def test_a_sender_is_one_line_of_marks_and_a_mixed_alphabet_name_is_flagged() -> None:
    assert shown_sender("alice") == "alice"
    assert shown_sender("\u0430lice") == "\u0430lice \u26a0"  # Cyrillic а among Latin letters
    assert shown_sender("bad\nname\x1b") == "bad\u23cename\u27e8ESC\u27e9"


def test_the_roster_marks_a_look_alike(qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend) -> None:
    _host(window, fake_backend)
    fake_backend.deliver([RosterChanged(("me", "alice", "alice (2)", "\u0430lice"))])
    assert page(window).roster_model.stringList() == ["me", "alice", "alice (2)", "\u0430lice \u26a0"]
    assert "⚠" in page(window).roster_view.toolTip()


def test_hostile_messages_keep_their_exact_text_in_the_model(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _host(window, fake_backend)
    text = "<b>bold?</b>\x1b[2J\u202e"
    fake_backend.deliver([ChatReceived("\u0430lice", text, "127.0.0.1:5")])
    row = page(window).transcript_model.rows()[-1]
    assert row.text == text  # kept exactly (copy, history, search); only drawing shows marks
    window.show()
    qtbot.waitExposed(window)
    page(window).transcript_view.viewport().repaint()  # paints the row without raising


def test_a_taken_name_is_told_in_the_transcript(window: MainWindow, fake_backend: FakeBackend) -> None:
    _host(window, fake_backend)
    fake_backend.deliver([NickAssigned("alice (2)", "alice")])
    assert page(window).transcript_model.rows()[-1].text == (
        "The name alice is taken in this room; you are alice (2) here."
    )
