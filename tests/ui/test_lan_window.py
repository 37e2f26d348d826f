"""The window for a LAN: rooms on this network, first start, announce, Check, broadcast/multicast."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chatgui.discovery.rooms import Room
from chatgui.events import (
    DEFAULT_MULTICAST_GROUP,
    CheckFinished,
    CheckOutcome,
    Listening,
    SessionConfig,
    SessionState,
    StateChanged,
)
from chatgui.ui.addresses import Reach, interface_addresses
from chatgui.ui.connection_form import default_nick
from chatgui.ui.main_window import MainWindow
from chatgui.ui.transcript_delegate import delivered_colour, warning_colour
from tests.ui.conftest import FakeBackend, FakeDiscovery
from tests.ui.page import page

ANN = Room("ann (a1b2)", "ann", "ann's room", "tcp", ("192.0.2.10", "fe80::1%eth0"), 50007, "0.3")
BOB = Room("bob (c3d4)", "bob", "<b>bob</b> & co", "udp", ("2001:db8::7",), 50100, "0.3")

NEW_NAMES = [
    "roomsView",
    "roomsHint",
    "hostRoomButton",
    "joinButton",
    "showAddressesButton",
    "checkButton",
    "groupEdit",
    "ttlSpin",
    "interfaceCombo",
    "roomEdit",
    "allAddressesButton",
]


def _shown(window: MainWindow) -> list[str]:
    model = page(window).rooms_panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _double_click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = page(window).rooms_view
    rect = view.visualRect(page(window).rooms_panel.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _select(combo_owner: MainWindow, name: str, data: str) -> None:
    combo = getattr(page(combo_owner), name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


# ----------------------------------------------------------------- first start


def test_first_start_has_the_rooms_list_and_two_obvious_actions(lan_window: MainWindow) -> None:
    assert page(lan_window).nick_edit.text() == default_nick()
    assert page(lan_window).mode() == "tcp"
    assert page(lan_window).port_spin.value() == 50007
    assert page(lan_window).rooms_view.isVisible()
    assert page(lan_window).host_room_button.isVisible()
    assert page(lan_window).host_room_button.text() == "Host a room…"
    assert page(lan_window).join_by_address_button.isVisible()
    # The simple face: no socket tool before any room or name.
    assert not page(lan_window).mode_combo.isVisible()
    assert not page(lan_window).raw_check.isVisible()
    assert not page(lan_window).connect_button.isVisible()
    assert page(lan_window).socket_controls_button.isVisible()
    assert not page(lan_window).actions_.socket_controls.isChecked()
    assert page(lan_window).join_button.isVisible()
    assert page(lan_window).join_button.text() == "Join"
    assert QApplication.activeModalWidget() is None
    hint = page(lan_window).rooms_panel.hint_label
    assert hint.isVisible()
    assert hint.text() == "No rooms found yet — ask someone to host one, or host your own."
    for name in NEW_NAMES:
        widget = lan_window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_tab_order_goes_from_the_rooms_list_to_its_actions(lan_window: MainWindow) -> None:
    assert _tab_chain(page(lan_window).rooms_view, 3) == [
        "joinButton",
        "joinByAddressButton",
        "hostRoomButton",
    ]


def _tab_chain(start: QWidget, count: int) -> list[str]:
    order = []
    widget = start
    for _ in range(count):
        widget = widget.nextInFocusChain()
        # A spin box's own line edit ("qt_spinbox_lineedit") is part of the spin box.
        while (
            not widget.isVisible()
            or widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or widget.objectName().startswith("qt_")
        ):
            widget = widget.nextInFocusChain()
        order.append(widget.objectName())
    return order


def test_tab_order_follows_the_connection_rows(lan_window: MainWindow) -> None:
    page(lan_window).show_socket_controls()
    _select(lan_window, "role_combo", "join")
    assert _tab_chain(page(lan_window).nick_edit, 3) == ["socketControlsButton", "connectButton", "modeCombo"]
    assert _tab_chain(page(lan_window).mode_combo, 9) == [
        "roleCombo",
        "hostEdit",
        "portSpin",
        "checkButton",
        "passphraseEdit",
        "passphraseShowButton",
        "generatePassphraseButton",
        "rememberPassphraseCheck",
        "rawCheck",
    ]
    _select(lan_window, "mode_combo", "udp")
    _select(lan_window, "role_combo", "multicast")
    assert _tab_chain(page(lan_window).role_combo, 5) == [
        "groupEdit",
        "portSpin",
        "ttlSpin",
        "interfaceCombo",
        "passphraseEdit",
    ]


# ----------------------------------------------------------------- the live rooms list


def test_rooms_appear_update_and_vanish(lan_window: MainWindow, fake_discovery: FakeDiscovery) -> None:
    hint = page(lan_window).rooms_panel.hint_label
    fake_discovery.room_found.emit(ANN)
    fake_discovery.room_found.emit(BOB)
    assert _shown(lan_window) == [
        "ann's room\nhosted by ann · TCP · 192.0.2.10:50007",
        "<b>bob</b> & co\nhosted by bob · UDP · [2001:db8::7]:50100",
    ]
    assert hint.text() == "Double-click a room to join it."
    renamed = Room(ANN.key, "ann", "ann's quiz", "tcp", ("192.0.2.11",), 50008)
    fake_discovery.room_found.emit(renamed)  # same key: the row changes, no new row
    assert _shown(lan_window)[0] == "ann's quiz\nhosted by ann · TCP · 192.0.2.11:50008"
    assert len(_shown(lan_window)) == 2
    fake_discovery.room_lost.emit(renamed)
    assert _shown(lan_window) == ["<b>bob</b> & co\nhosted by bob · UDP · [2001:db8::7]:50100"]
    fake_discovery.room_lost.emit(BOB)
    fake_discovery.room_lost.emit(BOB)  # already gone: nothing happens
    assert _shown(lan_window) == []
    assert hint.text().startswith("No rooms found yet")


def test_rooms_known_before_the_window_are_listed(
    qtbot: QtBot, fake_backend: FakeBackend, settings: QSettings
) -> None:
    window = MainWindow(fake_backend, settings, discovery=FakeDiscovery([ANN]))
    qtbot.addWidget(window)
    assert page(window).rooms_panel.model.rooms() == [ANN]


def test_unavailable_is_said_once_in_the_panel_and_manual_entry_keeps_working(
    lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    label = page(lan_window).rooms_panel.unavailable_label
    assert not label.isVisible()
    fake_discovery.unavailable.emit("Finding rooms on this network is not possible: no interface.")
    fake_discovery.unavailable.emit("a second sentence")
    assert label.isVisible()
    assert label.text() == "Finding rooms on this network is not possible: no interface."
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert QApplication.activeModalWidget() is None
    # One sentence, not two saying the same: the hint waits for rooms to appear.
    assert page(lan_window).rooms_panel.hint_label.isHidden()
    page(lan_window).show_socket_controls()
    _select(lan_window, "role_combo", "join")
    page(lan_window).host_edit.setText("127.0.0.1")
    page(lan_window).connect_button.click()
    assert fake_backend.started[-1].host == "127.0.0.1"


def test_without_discovery_the_panel_says_so(window: MainWindow) -> None:
    label = page(window).rooms_panel.unavailable_label
    assert label.isVisible()
    assert "join by the host's address" in label.text()


# ----------------------------------------------------------------- joining a room


def test_double_click_fills_the_fields_and_connects(
    qtbot: QtBot, lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    page(lan_window).nick_edit.setText("zed")
    fake_discovery.room_found.emit(ANN)
    _double_click_row(qtbot, lan_window, 0)
    assert fake_backend.started == [
        SessionConfig(mode="tcp", role="join", nick="zed", host="192.0.2.10", port=50007, reconnect=True)
    ]
    assert (page(lan_window).mode(), page(lan_window).role()) == ("tcp", "join")
    assert page(lan_window).host_edit.text() == "192.0.2.10"
    assert page(lan_window).port_spin.value() == 50007
    # Connecting: the room actions wait until the session is over.
    assert not page(lan_window).join_button.isEnabled()
    assert not page(lan_window).host_room_button.isEnabled()


def test_enter_on_a_udp_room_starts_a_udp_peer(
    qtbot: QtBot, lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    fake_discovery.room_found.emit(ANN)
    fake_discovery.room_found.emit(BOB)
    view = page(lan_window).rooms_view
    view.setFocus()
    view.setCurrentIndex(page(lan_window).rooms_panel.model.index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    config = fake_backend.started[-1]
    assert (config.mode, config.role, config.host, config.port) == ("udp", "peer", "2001:db8::7", 50100)


def test_join_button_joins_the_selected_room_and_becomes_primary(
    lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    fake_discovery.room_found.emit(ANN)
    assert page(lan_window).host_room_button.isDefault()
    page(lan_window).rooms_view.setCurrentIndex(page(lan_window).rooms_panel.model.index(0, 0))
    assert page(lan_window).join_button.isDefault()
    assert not page(lan_window).host_room_button.isDefault()
    page(lan_window).join_button.click()
    assert fake_backend.started[-1].host == "192.0.2.10"


def test_join_with_nothing_selected_and_no_address_says_what_to_do(
    lan_window: MainWindow, fake_backend: FakeBackend
) -> None:
    page(lan_window).show_socket_controls()  # the address typed in the socket controls
    page(lan_window).host_edit.clear()
    page(lan_window).join_button.click()
    assert fake_backend.started == []
    assert page(lan_window).role() == "join"
    assert "Double-click a room" in page(lan_window).status_label.text()
    page(lan_window).host_edit.setText("localhost")
    page(lan_window).join_button.click()
    assert fake_backend.started[-1] == SessionConfig(
        mode="tcp",
        role="join",
        nick=page(lan_window).nick_edit.text(),
        host="localhost",
        port=50007,
        reconnect=True,
    )


# ----------------------------------------------------------------- hosting and announcing


def test_host_a_room_announces_it_and_withdraws_at_the_end(
    lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    page(lan_window).nick_edit.setText("ann")
    _select(lan_window, "role_combo", "join")
    page(lan_window).host_edit.setText("192.0.2.99")  # someone else's address: not one to listen on
    page(lan_window).host_room()
    (started,) = fake_backend.started
    # The room's identity (told to members in the welcome) is this computer's host id and the port.
    assert started.room_id.endswith("-50007")
    assert started == SessionConfig(
        mode="tcp", role="host", nick="ann", port=50007, room_id=started.room_id, room_name="ann's room"
    )
    assert fake_discovery.calls == []  # nothing to announce until the port is open
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50007",), 50007)])
    assert fake_discovery.calls == [("announce", "ann", "ann's room", "tcp", 50007)]
    fake_backend.deliver([StateChanged(SessionState.IDLE)])
    assert fake_discovery.calls[-1] == ("withdraw",)
    assert len(fake_discovery.calls) == 2


def test_our_own_room_is_marked_in_the_list_while_we_host_it(
    lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    ours = Room("ann's room (9f3a)._chatgui._tcp.local.", "ann", "ann's room", "tcp", ("192.0.2.2",), 50007)
    prefix = Room("ann's room._chatgui._tcp.local.", "ann", "ann's room", "tcp", ("192.0.2.9",), 50007)
    model = page(lan_window).rooms_panel.model

    def lines() -> list[str]:
        return [str(model.data(model.index(row, 0))).splitlines()[1] for row in range(model.rowCount())]

    page(lan_window).nick_edit.setText("ann")
    page(lan_window).host_room()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50007",), 50007)])
    fake_discovery.announced.emit("ann's room (9f3a)")
    fake_discovery.room_found.emit(ours)
    fake_discovery.room_found.emit(prefix)  # another host's room, whose name ours begins with
    marked = [line.startswith("your room · ") for line in lines()]
    assert sorted(marked) == [False, True]
    fake_backend.deliver([StateChanged(SessionState.IDLE)])  # withdrawn: ours no more
    assert not any(line.startswith("your room") for line in lines())


def test_a_udp_peer_announces_its_room_name_with_the_port_it_got(
    lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    _select(lan_window, "mode_combo", "udp")
    page(lan_window).nick_edit.setText("bo")
    page(lan_window).room_edit.setText("Lab 3 <i>")
    page(lan_window).host_edit.clear()
    page(lan_window).connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:41234",), 41234)])
    assert fake_discovery.calls == [("announce", "bo", "Lab 3 <i>", "udp", 41234)]
    lan_window.close()
    assert fake_discovery.calls[-1] == ("withdraw",)


def test_joining_and_broadcasting_announce_nothing(
    lan_window: MainWindow, fake_discovery: FakeDiscovery, fake_backend: FakeBackend
) -> None:
    fake_discovery.room_found.emit(ANN)
    page(lan_window).join_room(ANN)
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), StateChanged(SessionState.IDLE)])
    _select(lan_window, "mode_combo", "udp")
    _select(lan_window, "role_combo", "broadcast")
    page(lan_window).connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50007",), 50007)])
    assert fake_discovery.calls == []


# ----------------------------------------------------------------- Check


def test_check_says_checking_then_the_answer_coloured(
    lan_window: MainWindow, fake_backend: FakeBackend
) -> None:
    page(lan_window).show_socket_controls()
    _select(lan_window, "role_combo", "join")
    assert page(lan_window).check_button.isVisible()
    page(lan_window).host_edit.setText("127.0.0.1")
    page(lan_window).port_spin.setValue(4000)
    page(lan_window).check_button.click()
    assert fake_backend.checks == [("tcp", "127.0.0.1", 4000)]
    assert fake_backend.started == []  # checking is not connecting
    assert page(lan_window).status_label.text() == "Checking 127.0.0.1:4000…"
    palette = lan_window.palette()

    fake_backend.deliver(
        [CheckFinished("tcp", "127.0.0.1", 4000, CheckOutcome.WORKS, "127.0.0.1:4000", 0.002)]
    )
    works = page(lan_window).status_label.text()
    assert "127.0.0.1" in works
    status_colour = page(lan_window).status_label.palette().color(QPalette.ColorRole.WindowText)
    assert status_colour == delivered_colour(palette)
    # The answer is in the Check's own popover, beside its button; the conversation keeps none.
    popover = lan_window.check_popover
    assert popover.isVisible()
    assert popover.labels[0].text() == f"✓ {works}"
    assert page(lan_window).transcript_model.rowCount() == 0

    fake_backend.deliver([CheckFinished("tcp", "127.0.0.1", 4000, CheckOutcome.REFUSED, "127.0.0.1:4000")])
    refused = page(lan_window).status_label.text()
    assert refused != works
    status_colour = page(lan_window).status_label.palette().color(QPalette.ColorRole.WindowText)
    assert status_colour == warning_colour(palette)
    assert popover.labels[0].text() == f"✗ {refused}"
    assert page(lan_window).transcript_model.rowCount() == 0


def test_check_needs_an_address_and_is_only_where_one_is_typed(
    lan_window: MainWindow, fake_backend: FakeBackend
) -> None:
    page(lan_window).show_socket_controls()
    _select(lan_window, "role_combo", "host")
    assert not page(lan_window).check_button.isVisible()
    _select(lan_window, "role_combo", "join")
    page(lan_window).host_edit.clear()
    page(lan_window).check_button.click()
    assert fake_backend.checks == []
    assert "address to check" in page(lan_window).status_label.text()
    _select(lan_window, "mode_combo", "udp")
    assert page(lan_window).check_button.isVisible()
    page(lan_window).host_edit.setText("::1")
    page(lan_window).port_spin.setValue(5000)
    page(lan_window).check_button.click()
    assert fake_backend.checks == [("udp", "::1", 5000)]
    assert page(lan_window).status_label.text() == "Checking [::1]:5000…"
    _select(lan_window, "role_combo", "multicast")
    assert not page(lan_window).check_button.isVisible()


# ----------------------------------------------------------------- broadcast and multicast


def test_broadcast_and_multicast_show_their_own_fields(
    lan_window: MainWindow, fake_backend: FakeBackend
) -> None:
    w = lan_window
    page(w).show_socket_controls()
    _select(w, "mode_combo", "udp")
    assert page(w).host_edit.isVisible()
    assert page(w).local_port_spin.isVisible()
    assert not page(w).interface_combo.isVisible()

    _select(w, "role_combo", "broadcast")
    assert not page(w).host_edit.isVisible()
    assert not page(w).local_port_spin.isVisible()
    assert page(w).interface_combo.isVisible()
    assert not page(w).group_edit.isVisible()
    assert not page(w).ttl_spin.isVisible()
    assert page(w).interface_combo.itemData(0) == ""
    assert page(w).interface_combo.itemText(0) == "Automatic"

    _select(w, "role_combo", "multicast")
    assert page(w).group_edit.isVisible()
    assert page(w).group_edit.placeholderText() == DEFAULT_MULTICAST_GROUP
    assert page(w).ttl_spin.isVisible()
    assert (page(w).ttl_spin.minimum(), page(w).ttl_spin.maximum(), page(w).ttl_spin.value()) == (1, 255, 1)
    assert page(w).interface_combo.isVisible()
    assert not page(w).room_edit.isVisible()

    page(w).nick_edit.setText("m")
    page(w).port_spin.setValue(50009)
    page(w).connect_button.click()
    assert fake_backend.started[-1] == SessionConfig(
        mode="udp", role="multicast", nick="m", port=50009, group=DEFAULT_MULTICAST_GROUP, ttl=1
    )


def test_broadcast_lists_interfaces_with_a_broadcast_address(lan_window: MainWindow) -> None:
    from chatgui.ui.addresses import broadcast_interfaces

    _select(lan_window, "mode_combo", "udp")
    _select(lan_window, "role_combo", "broadcast")
    combo = page(lan_window).interface_combo
    listed = [combo.itemData(i) for i in range(combo.count())]
    assert listed == ["", *(i.name for i in broadcast_interfaces())]


def test_status_line_for_broadcast_and_multicast(lan_window: MainWindow, fake_backend: FakeBackend) -> None:
    w = lan_window
    _select(w, "mode_combo", "udp")
    _select(w, "role_combo", "broadcast")
    page(w).interface_combo.addItem("eth9", "eth9")  # an interface this test machine may not have
    page(w).interface_combo.setCurrentIndex(page(w).interface_combo.count() - 1)
    page(w).connect_button.click()
    assert fake_backend.started[-1].interface == "eth9"
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50007",), 50007)])
    assert page(w).status_label.text() == "Broadcasting on port 50007 (eth9)"
    assert not page(w).addresses_bar.isVisible()
    fake_backend.deliver([StateChanged(SessionState.IDLE)])

    page(w).interface_combo.setCurrentIndex(0)  # automatic: the backend says which one it took
    page(w).connect_button.click()
    assert fake_backend.started[-1].interface == ""
    fake_backend.deliver(
        [
            StateChanged(SessionState.ACTIVE),
            Listening(("0.0.0.0:50007",), 50007, destination="10.0.0.255:50007", interface="wlan0"),
        ]
    )
    assert page(w).status_label.text() == "Broadcasting on port 50007 (wlan0)"
    fake_backend.deliver([StateChanged(SessionState.IDLE)])

    _select(w, "role_combo", "multicast")
    page(w).group_edit.setText("239.1.2.3")
    page(w).connect_button.click()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50007",), 50007)])
    assert page(w).status_label.text() == "In multicast group 239.1.2.3, port 50007"


def test_group_ttl_interface_and_room_round_trip(
    qtbot: QtBot, settings: QSettings, fake_backend: FakeBackend
) -> None:
    first = MainWindow(fake_backend, settings, discovery=FakeDiscovery())
    qtbot.addWidget(first)
    _select(first, "mode_combo", "udp")
    _select(first, "role_combo", "multicast")
    page(first).group_edit.setText("ff15::7")
    page(first).ttl_spin.setValue(4)
    page(first).interface_combo.addItem("wlan7", "wlan7")
    page(first).interface_combo.setCurrentIndex(page(first).interface_combo.count() - 1)
    page(first).room_edit.setText("Lab 3")
    first.close()

    second = MainWindow(FakeBackend(), QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert (page(second).mode(), page(second).role()) == ("udp", "multicast")
    assert page(second).group_edit.text() == "ff15::7"
    assert page(second).ttl_spin.value() == 4
    # Not on this computer: still chosen, and marked.
    assert page(second).interface_combo.currentData() == "wlan7"
    assert page(second).interface_combo.currentText() == "wlan7 (not found)"
    assert page(second).room_edit.text() == "Lab 3"
    config = page(second).session_config()
    assert (config.group, config.ttl, config.interface) == ("ff15::7", 4, "wlan7")


# ----------------------------------------------------------------- addresses


def test_addresses_panel_lists_every_address_with_a_copy_button(qtbot: QtBot, lan_window: MainWindow) -> None:
    page(lan_window).rooms_panel.addresses_button.click()
    panel = page(lan_window).addresses_panel
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    groups = interface_addresses()
    every = [a for _, addresses in groups for a in addresses]
    assert [b.property("address") for b in panel.copy_buttons] == [a.ip for a in every]
    reaches = [label.text() for label in panel.findChildren(QWidget, "addressReach")]
    expected = {
        Reach.NETWORK: "others on the network can use this",
        Reach.SAME_LINK: "same network link only",
        Reach.THIS_COMPUTER: "this computer only",
    }
    assert reaches == [expected[a.reach] for a in every]
    loopback = next(i for i, a in enumerate(every) if a.ip == "127.0.0.1")
    QGuiApplication.clipboard().setText("before")
    qtbot.mouseClick(panel.copy_buttons[loopback], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "127.0.0.1"


def test_addresses_panel_from_the_banner_carries_the_port(
    qtbot: QtBot, lan_window: MainWindow, fake_backend: FakeBackend
) -> None:
    page(lan_window).host_room()
    fake_backend.deliver([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:50123",), 50123)])
    page(lan_window).all_addresses_button.click()
    panel = page(lan_window).addresses_panel
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    assert "127.0.0.1:50123" in [b.property("address") for b in panel.copy_buttons]
