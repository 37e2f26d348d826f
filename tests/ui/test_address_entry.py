"""The Host field takes the address people were told: typed, pasted, with its port, or several at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from chatgui.events import SessionState
from chatgui.net.backend import Backend
from chatgui.sentences_address import scope_sentence
from chatgui.ui.address_entry import AddressChooser, AddressEntry, link_local_zones
from chatgui.ui.main_window import MainWindow
from chatgui.ui.room_dialogs import JoinAddressDialog
from tests.ui.conftest import FakeBackend
from tests.ui.page import page

WAIT_MS = 10_000
BANNER = "Others can join at 192.0.2.2:50007 · [fd00::2]:50007 · [fe80::1%eth0]:50007 (link-local)"


def _choose(window: MainWindow, mode: str, role: str) -> None:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData(mode))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData(role))


def _entry(window: MainWindow) -> AddressEntry:
    return window.session_control.address_entry


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    edit = page(window).host_edit
    edit.clear()
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def _paste_into(qtbot: QtBot, entry: AddressEntry, edit: QLineEdit, text: str) -> None:
    """Paste ``text`` over what ``edit`` holds, and wait until ``entry`` has read it."""
    QGuiApplication.clipboard().setText(text)
    edit.setFocus()
    edit.selectAll()
    edit.paste()
    qtbot.waitUntil(lambda: not entry.paste_pending, timeout=WAIT_MS)


def _paste(qtbot: QtBot, window: MainWindow, text: str) -> None:
    _paste_into(qtbot, _entry(window), page(window).host_edit, text)


@pytest.mark.parametrize(
    ("typed", "host", "port"),
    [
        ("127.0.0.1:50041", "127.0.0.1", 50041),
        ("[::1]:50041", "::1", 50041),
        ("[fe80::1%eth0]:50041", "fe80::1%eth0", 50041),
        ("localhost:50041", "localhost", 50041),
    ],
)
def test_connect_splits_the_port_without_leaving_the_field(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend, typed: str, host: str, port: int
) -> None:
    _choose(window, "tcp", "join")
    page(window).port_spin.setValue(50007)
    _type(qtbot, window, typed)
    assert page(window).host_edit.text() == typed  # typing is left alone
    page(window).connect_button.click()
    assert [(c.host, c.port) for c in fake_backend.started] == [(host, port)]
    assert (page(window).host_edit.text(), page(window).port_spin.value()) == (host, port)


def test_leaving_the_field_splits_the_port(qtbot: QtBot, window: MainWindow) -> None:
    _choose(window, "tcp", "join")
    _type(qtbot, window, "[::1]:50041")
    page(window).host_edit.editingFinished.emit()
    assert (page(window).host_edit.text(), page(window).port_spin.value()) == ("::1", 50041)


def test_a_bare_address_keeps_the_port_box(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _choose(window, "tcp", "join")
    page(window).port_spin.setValue(50123)
    _type(qtbot, window, "fe80::1%eth0")
    page(window).connect_button.click()
    assert [(c.host, c.port) for c in fake_backend.started] == [("fe80::1%eth0", 50123)]


def test_the_udp_send_to_field_splits_the_port_too(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _choose(window, "udp", "peer")
    _type(qtbot, window, "[::1]:50041")
    page(window).connect_button.click()
    assert [(c.mode, c.role, c.host, c.port) for c in fake_backend.started] == [("udp", "peer", "::1", 50041)]


def test_check_splits_the_port(qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend) -> None:
    _choose(window, "tcp", "join")
    _type(qtbot, window, "127.0.0.1:50041")
    page(window).check_button.click()
    assert fake_backend.checks == [("tcp", "127.0.0.1", 50041)]


def test_pasting_one_address_fills_both_fields_at_once(qtbot: QtBot, window: MainWindow) -> None:
    _choose(window, "tcp", "join")
    _paste(qtbot, window, "192.0.2.2:50041")
    assert (page(window).host_edit.text(), page(window).port_spin.value()) == ("192.0.2.2", 50041)
    assert _entry(window).chooser is None


def test_pasting_a_banner_line_asks_which_address(qtbot: QtBot, window: MainWindow) -> None:
    _choose(window, "tcp", "join")
    page(window).host_edit.setText("old.example")
    _paste(qtbot, window, BANNER)
    chooser = _entry(window).chooser
    assert isinstance(chooser, AddressChooser)
    qtbot.waitUntil(chooser.isVisible, timeout=WAIT_MS)
    shown = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert shown == ["192.0.2.2:50007", "[fd00::2]:50007", "[fe80::1%eth0]:50007"]
    chooser.list.setCurrentRow(1)
    chooser.accept()
    assert _entry(window).chooser is None
    assert (page(window).host_edit.text(), page(window).port_spin.value()) == ("fd00::2", 50007)


def test_cancel_keeps_the_field_as_it_was(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _choose(window, "tcp", "join")
    page(window).host_edit.setText("old.example")
    page(window).port_spin.setValue(50123)
    _paste(qtbot, window, "192.0.2.2:50007\n[fd00::2]:50007")  # what Copy copied before
    chooser = _entry(window).chooser
    assert chooser is not None
    chooser.done(QDialog.DialogCode.Rejected)
    assert (page(window).host_edit.text(), page(window).port_spin.value()) == ("old.example", 50123)
    assert fake_backend.started == []


def test_connect_with_several_addresses_asks_and_does_not_connect(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _choose(window, "tcp", "join")
    page(window).host_edit.setText("192.0.2.2:50007 [fd00::2]:50007")
    page(window).connect_button.click()
    assert fake_backend.started == []
    assert _entry(window).chooser is not None
    assert "several addresses" in page(window).status_label.text()
    _entry(window).chooser.done(QDialog.DialogCode.Accepted)  # type: ignore[union-attr]
    assert page(window).host_edit.text() == "192.0.2.2"


def test_link_local_without_interface_names_this_computers_interfaces(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _choose(window, "tcp", "join")
    _type(qtbot, window, "[fe80::1]:50041")
    page(window).connect_button.click()
    assert fake_backend.started == []
    assert page(window).status_label.text() == scope_sentence("fe80::1", link_local_zones())
    assert "Invalid argument" not in page(window).status_label.text()
    assert page(window).port_spin.value() == 50041  # the port was still taken


@pytest.mark.parametrize(
    ("typed", "shown"), [("host:99999", "99999"), ("[::1", "[::1"), ("::1:50041", "[::1]:50041")]
)
def test_what_is_no_address_is_said_before_connecting(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend, typed: str, shown: str
) -> None:
    _choose(window, "tcp", "join")
    _type(qtbot, window, typed)
    page(window).connect_button.click()
    assert fake_backend.started == []
    assert shown in page(window).status_label.text()
    assert "could not be found" not in page(window).status_label.text()


def test_a_huge_garbage_paste_changes_nothing_else(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _choose(window, "tcp", "join")
    page(window).port_spin.setValue(50123)
    _paste(qtbot, window, "[:" * 500_000)
    assert _entry(window).chooser is None
    assert page(window).port_spin.value() == 50123
    page(window).connect_button.click()
    assert fake_backend.started == []


# ----------------------------------------------------------------- real windows on loopback


@pytest.fixture
def real_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """A window hosting a TCP room on every interface (dual-stack), on a free port."""
    backend = Backend()
    host = MainWindow(backend, QSettings(str(tmp_path / "host.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(host)
    host.show()
    _choose(host, "tcp", "host")
    page(host).host_edit.setText("")
    page(host).port_spin.setValue(0)
    page(host).nick_edit.setText("ann")
    page(host).connect_button.click()
    qtbot.waitUntil(lambda: page(host).listening_port > 0, timeout=WAIT_MS)
    yield host
    assert backend.shutdown()


@pytest.mark.parametrize("typed", ["127.0.0.1:{port}", "[::1]:{port}"])
def test_typing_host_and_port_joins_a_real_room(
    qtbot: QtBot, real_window: MainWindow, tmp_path: Path, typed: str
) -> None:
    port = page(real_window).listening_port
    backend = Backend()
    try:
        guest = MainWindow(backend, QSettings(str(tmp_path / "guest.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(guest)
        guest.show()
        _choose(guest, "tcp", "join")
        page(guest).nick_edit.setText("bob")
        page(guest).port_spin.setValue(1)
        _type(qtbot, guest, typed.format(port=port))
        page(guest).connect_button.click()
        qtbot.waitUntil(lambda: guest.backend.state == SessionState.ACTIVE, timeout=WAIT_MS)
        qtbot.waitUntil(
            lambda: set(page(real_window).roster_model.stringList()) == {"ann", "bob"}, timeout=WAIT_MS
        )
        assert page(guest).port_spin.value() == port
    finally:
        assert backend.shutdown()


def test_the_join_by_address_dialog_reads_the_address_too(qtbot: QtBot) -> None:
    dialog = JoinAddressDialog("", 50007)
    qtbot.addWidget(dialog)
    _paste_into(qtbot, dialog.address_entry, dialog.host_edit, "[::1]:50041")
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("::1", 50041)
    _paste_into(qtbot, dialog.address_entry, dialog.host_edit, BANNER)
    chooser = dialog.address_entry.chooser
    assert chooser is not None
    chooser.done(QDialog.DialogCode.Rejected)
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("::1", 50041)
