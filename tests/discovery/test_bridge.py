"""The GUI-thread facade with real multicast DNS on loopback: signals, rooms, clean shutdown."""

from __future__ import annotations

import errno
import secrets
import threading

import pytest
from pytestqt.qtbot import QtBot

from chatgui.discovery.bridge import Discovery, describe_failure
from chatgui.discovery.mdns import Failure, FailureKind, _refused
from chatgui.discovery.rooms import SERVICE_TCP, Room
from chatgui.os_errors import os_error_words
from tests.discovery.conftest import LOOPBACK

WAIT_MS = 10_000  # upper bound; registration's probing takes about 1.7 s


# Other programs on this computer may announce rooms on loopback too: ours has this nick.
NICK = "ann-" + secrets.token_hex(3)


def _ours(room: Room) -> bool:
    return room.nick == NICK


def test_room_found_then_lost_after_withdraw(qtbot: QtBot) -> None:
    before = set(threading.enumerate())
    discovery = Discovery(interfaces=LOOPBACK)
    try:
        discovery.start_browsing()
        with (
            qtbot.waitSignal(discovery.room_found, timeout=WAIT_MS, check_params_cb=_ours) as found,
            qtbot.waitSignal(discovery.announced, timeout=WAIT_MS) as announced,
        ):
            discovery.announce(NICK, "ann's room", "tcp", 50007)
        room = found.args[0]
        assert isinstance(room, Room)
        assert (room.nick, room.name, room.mode, room.host, room.port) == (
            NICK,
            "ann's room",
            "tcp",
            "127.0.0.1",
            50007,
        )
        assert room.key == announced.args[0] + "." + SERVICE_TCP
        assert discovery.announced_name == announced.args[0]
        assert room in discovery.rooms

        with qtbot.waitSignal(discovery.room_lost, timeout=WAIT_MS, check_params_cb=_ours) as lost:
            discovery.withdraw()
        assert lost.args == [room]
        assert room not in discovery.rooms
        assert discovery.announced_name == ""
    finally:
        discovery.shutdown()
        discovery.shutdown()  # idempotent
    left = [thread.name for thread in set(threading.enumerate()) - before if thread.is_alive()]
    assert not left, f"threads left running after shutdown(): {left}"


def test_unavailable_is_said_once_and_in_words(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHATGUI_DISCOVERY_INTERFACES", "off")
    discovery = Discovery()
    sentences: list[str] = []
    discovery.unavailable.connect(sentences.append)  # GUI-thread signal: the slot runs here
    try:
        with qtbot.waitSignal(discovery.unavailable, timeout=WAIT_MS):
            discovery.start_browsing()
        # The announcer fails too: its report is posted (a wake) and drained, but not said again.
        with qtbot.assertNotEmitted(discovery.unavailable):
            with qtbot.waitSignal(discovery._wake, timeout=WAIT_MS):
                discovery.announce("ann", "room", "udp", 1)
            qtbot.waitUntil(lambda: not discovery._pending, timeout=WAIT_MS)
    finally:
        discovery.shutdown()
    assert len(sentences) == 1
    assert sentences[0].startswith("Finding rooms on this network is not possible:")
    assert "you can still type an address" in sentences[0]


def test_shutdown_before_anything_started_and_calls_after_it(qtbot: QtBot) -> None:
    discovery = Discovery(interfaces=LOOPBACK)
    discovery.shutdown()
    discovery.start_browsing()
    discovery.announce("ann", "room", "tcp", 1)
    discovery.withdraw()
    discovery.shutdown()
    assert discovery.rooms == []


def test_the_systems_refusal_is_said_by_its_number_never_its_english(qtbot: QtBot) -> None:
    refused = _refused(OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address"))
    assert refused.code == errno.EADDRNOTAVAIL
    sentence = describe_failure(refused)
    assert "Cannot assign" not in sentence
    assert os_error_words(errno.EADDRNOTAVAIL) in sentence
    # zeroconf's own errors carry no number: their words are all there is.
    assert "bad packet" in describe_failure(_refused(ValueError("bad packet")))


def test_a_name_taken_again_and_again_is_a_sentence_of_its_own(qtbot: QtBot) -> None:
    sentence = describe_failure(Failure(FailureKind.NAME_TAKEN))
    assert "taking the room's name" in sentence
    assert "refused multicast" not in sentence
