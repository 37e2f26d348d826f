"""Real multicast DNS on loopback inside this process: announce, find, change, withdraw, close."""

from __future__ import annotations

import queue
import secrets
import threading

import pytest

from chatgui.discovery.mdns import Announcer, Browser, Engine, Failure, FailureKind
from chatgui.discovery.rooms import SERVICE_TCP, SERVICE_UDP, Room
from tests.discovery.conftest import LOOPBACK

WAIT = 10.0  # upper bound; registration's probing takes about 1.7 s
# Other programs on this computer may announce rooms on loopback too: ours carry this tag.
TAG = secrets.token_hex(3)


class Seen:
    """What a browser reported, in order, waited on with a timeout."""

    def __init__(self) -> None:
        self.events: queue.Queue[tuple[str, object]] = queue.Queue()

    def added(self, room: Room) -> None:
        self.events.put(("added", room))

    def removed(self, room: Room) -> None:
        self.events.put(("removed", room))

    def failed(self, failure: Failure) -> None:
        self.events.put(("failed", failure))

    def next(self, kind: str, tag: str) -> object:
        """The next report of ``kind`` about a room named with ``tag`` (others on loopback are ignored)."""
        while True:
            got, payload = self.events.get(timeout=WAIT)
            if got == kind and (not isinstance(payload, Room) or f"({tag})" in payload.key):
                return payload


@pytest.mark.usefixtures("no_new_threads")
def test_announced_room_is_found_changed_and_lost() -> None:
    seen = Seen()
    named: queue.Queue[str] = queue.Queue()
    engine = Engine(LOOPBACK)
    announcer = Announcer(engine, on_announced=named.put, on_failed=seen.failed, tag=TAG)
    browser = Browser(seen.added, seen.removed, seen.failed, engine=engine)
    try:
        browser.start()
        announcer.announce("ann", "ann's room", "tcp", 50007)
        room = seen.next("added", TAG)
        assert room == Room(
            key=f"ann's room ({TAG})." + SERVICE_TCP,
            nick="ann",
            name="ann's room",
            mode="tcp",
            addresses=("127.0.0.1",),
            port=50007,
            version=room.version if isinstance(room, Room) else "",
        )
        assert isinstance(room, Room)
        assert room.version
        assert named.get(timeout=WAIT) == f"ann's room ({TAG})"

        announcer.update("ann", "renamed", "tcp", 50008)
        changed = seen.next("added", TAG)
        assert isinstance(changed, Room)
        assert (changed.key, changed.name, changed.port) == (room.key, "renamed", 50008)

        announcer.announce("ann", "renamed", "udp", 50008)  # another type: a new service
        assert seen.next("removed", TAG) == changed
        moved = seen.next("added", TAG)
        assert isinstance(moved, Room)
        assert (moved.mode, moved.key) == ("udp", f"renamed ({TAG})." + SERVICE_UDP)

        announcer.withdraw()
        assert seen.next("removed", TAG) == moved
    finally:
        announcer.close()
        browser.close()
        engine.close()


@pytest.mark.usefixtures("no_new_threads")
def test_a_private_room_is_found_with_its_lock_and_loses_it_when_public_again() -> None:
    seen = Seen()
    engine = Engine(LOOPBACK)
    announcer = Announcer(engine, on_failed=seen.failed, tag=TAG)
    browser = Browser(seen.added, seen.removed, seen.failed, engine=engine)
    try:
        browser.start()
        announcer.announce("ann", "Lab 3", "tcp", 50007, secure=True)
        room = seen.next("added", TAG)
        assert isinstance(room, Room)
        assert room.secure
        announcer.update("ann", "Lab 3", "tcp", 50007)
        changed = seen.next("added", TAG)
        assert isinstance(changed, Room)
        assert (changed.key, changed.secure) == (room.key, False)
    finally:
        announcer.close()
        browser.close()
        engine.close()


@pytest.mark.usefixtures("no_new_threads")
def test_closing_the_announcer_says_goodbye_and_each_gets_its_own_name() -> None:
    seen = Seen()
    # Own engines (closed by close()); the same tag and room from two Zeroconf instances:
    # the second must not take the first's name.
    browser = Browser(seen.added, seen.removed, seen.failed)
    first = Announcer(tag=TAG)
    second = Announcer(tag=TAG)
    try:
        browser.start()
        first.announce("ann", "room", "tcp", 1000)
        one = seen.next("added", TAG)
        second.announce("bob", "room", "tcp", 2000)
        two = seen.next("added", TAG)
        assert isinstance(one, Room)
        assert isinstance(two, Room)
        assert one.key != two.key
        assert {one.nick, two.nick} == {"ann", "bob"}
        first.close()
        assert seen.next("removed", TAG) == one
    finally:
        first.close()
        second.close()
        browser.close()


@pytest.mark.usefixtures("no_new_threads")
def test_discovery_turned_off_fails_once_without_threads_left() -> None:
    seen = Seen()
    engine = Engine([])
    failures: list[Failure] = []
    done = threading.Event()

    def failed(failure: Failure) -> None:
        failures.append(failure)
        done.set()

    announcer = Announcer(engine, on_failed=failed)
    browser = Browser(seen.added, seen.removed, seen.failed, engine=engine)
    try:
        browser.start()
        assert seen.next("failed", TAG) == Failure(FailureKind.DISABLED, "CHATGUI_DISCOVERY_INTERFACES=off")
        announcer.announce("ann", "room", "tcp", 1)
        announcer.announce("ann", "room", "tcp", 2)
        assert done.wait(WAIT)
    finally:
        announcer.close()
        browser.close()
        engine.close()
    assert len(failures) == 1


@pytest.mark.usefixtures("no_new_threads")
def test_close_without_start_and_twice_is_harmless() -> None:
    browser = Browser(Seen().added, Seen().removed, Seen().failed)
    announcer = Announcer()
    announcer.withdraw()
    for _ in range(2):
        browser.close()
        announcer.close()
