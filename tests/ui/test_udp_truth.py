"""The window tells the truth about UDP: listed addresses really receive; only a UDP host is announced.

Also: each address in the "Others can join at" banner has its own Copy button, and what it
copies is one address the Host field takes back as it is.
"""

from __future__ import annotations

import ifaddr
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

import chatgui.ui.addresses_bar as bar_module
from chatgui.events import Listening, SessionState, StateChanged
from chatgui.protocol.address_text import read_addresses
from chatgui.ui.addresses import lan_addresses, listened_families
from chatgui.ui.main_window import MainWindow
from tests.ui.conftest import FakeBackend, FakeDiscovery
from tests.ui.page import page


def _select(window: MainWindow, mode: str, role: str) -> None:
    page(window).mode_combo.setCurrentIndex(page(window).mode_combo.findData(mode))
    page(window).role_combo.setCurrentIndex(page(window).role_combo.findData(role))


def _listen(window: MainWindow, backend: FakeBackend, *addresses: str, port: int = 50123) -> None:
    page(window).connect_button.click()
    backend.deliver([StateChanged(SessionState.ACTIVE), Listening(addresses, port)])


# ----------------------------------------------------------------- the listing rule


def test_listened_families() -> None:
    assert listened_families(("0.0.0.0:5",)) == {4}
    assert listened_families(("[::]:5",)) == {6}
    assert listened_families(("0.0.0.0:5", "[::]:5")) == {4, 6}
    assert listened_families(("127.0.0.1:5",)) == {4}
    assert listened_families(("[fe80::1%eth0]:5",)) == {6}
    assert listened_families(()) == {4, 6}


def _made_up_computer() -> list[ifaddr.Adapter]:
    return [
        ifaddr.Adapter(
            "eth0",
            "eth0",
            [
                ifaddr.IP("192.0.2.2", 24, "eth0"),
                ifaddr.IP(("fd00::2", 0, 0), 64, "eth0"),
                ifaddr.IP(("fe80::1", 0, 4), 64, "eth0"),
            ],
        )
    ]


def test_a_peer_bound_to_ipv4_lists_no_ipv6_address(
    window: MainWindow, fake_backend: FakeBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    computer = _made_up_computer()
    monkeypatch.setattr(bar_module, "lan_addresses", lambda: lan_addresses(computer))
    _select(window, "udp", "peer")
    page(window).host_edit.setText("127.0.0.1")
    page(window).port_spin.setValue(9)
    _listen(window, fake_backend, "0.0.0.0:50123")
    assert page(window).addresses_caption.text() == "Others can send to"
    assert page(window).addresses_bar.addresses() == ["192.0.2.2:50123"]


def test_a_dual_stack_peer_lists_both_families(
    window: MainWindow, fake_backend: FakeBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    computer = _made_up_computer()
    monkeypatch.setattr(bar_module, "lan_addresses", lambda: lan_addresses(computer))
    _select(window, "udp", "peer")
    page(window).host_edit.clear()
    _listen(window, fake_backend, "0.0.0.0:50123", "[::]:50123")
    assert page(window).addresses_bar.addresses() == [
        "192.0.2.2:50123",
        "[fd00::2]:50123",
        "[fe80::1%eth0]:50123",
    ]


def test_an_ipv6_only_socket_lists_no_ipv4_address(
    window: MainWindow, fake_backend: FakeBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    computer = _made_up_computer()
    monkeypatch.setattr(bar_module, "lan_addresses", lambda: lan_addresses(computer))
    _select(window, "udp", "peer")
    page(window).host_edit.setText("::1")
    page(window).port_spin.setValue(9)
    _listen(window, fake_backend, "[::]:50123")
    assert page(window).addresses_bar.addresses() == ["[fd00::2]:50123", "[fe80::1%eth0]:50123"]


# ----------------------------------------------------------------- one Copy per address


def test_each_address_has_its_own_copy_button(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _select(window, "tcp", "host")
    page(window).host_edit.clear()
    _listen(window, fake_backend, "0.0.0.0:50123", "[::]:50123")
    expected = [address.with_port(50123) for address in lan_addresses()]
    bar = page(window).addresses_bar
    assert bar.addresses() == expected
    assert len(bar.copy_buttons) == len(expected)
    for button, address in zip(bar.copy_buttons, expected, strict=True):
        assert button.isVisible()
        assert address in button.accessibleName()
        QGuiApplication.clipboard().setText("before")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        copied = QGuiApplication.clipboard().text()
        assert copied == address
        assert " " not in copied  # no "(link-local)"
        assert "\n" not in copied  # no second address
        found = read_addresses(copied)
        assert isinstance(found, tuple)
        assert len(found) == 1
        assert found[0].text() == copied  # the Host field takes it back as it is


def test_the_bind_address_of_a_host_is_the_one_to_copy(
    qtbot: QtBot, window: MainWindow, fake_backend: FakeBackend
) -> None:
    _select(window, "tcp", "host")
    page(window).host_edit.setText("::1")
    _listen(window, fake_backend, "[::1]:50124", port=50124)
    assert page(window).addresses_bar.addresses() == ["[::1]:50124"]
    QGuiApplication.clipboard().setText("before")
    qtbot.mouseClick(page(window).addresses_bar.copy_buttons[0], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "[::1]:50124"


# ----------------------------------------------------------------- announcing


def test_a_udp_peer_writing_to_one_person_is_not_announced(
    lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    _select(lan_window, "udp", "peer")
    page(lan_window).nick_edit.setText("ann")
    page(lan_window).host_edit.setText("127.0.0.1")
    page(lan_window).port_spin.setValue(50041)
    assert page(lan_window).connection_bar.room_edit.isHidden()  # no room: no room name to ask
    _listen(lan_window, fake_backend, "0.0.0.0:41234", port=41234)
    assert fake_discovery.calls == []


def test_a_udp_host_answering_whoever_writes_is_announced(
    lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    _select(lan_window, "udp", "peer")
    page(lan_window).nick_edit.setText("ann")
    page(lan_window).host_edit.clear()
    assert not page(lan_window).connection_bar.room_edit.isHidden()
    _listen(lan_window, fake_backend, "0.0.0.0:41234", "[::]:41234", port=41234)
    assert fake_discovery.calls == [("announce", "ann", "ann's room", "udp", 41234)]
