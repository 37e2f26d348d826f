"""The GUI-thread facade of discovery: rooms found and lost as Qt signals, announcing as calls.

zeroconf's and our worker threads only append to a deque and emit a payload-less wake
signal (once per drain) into a slot of this object, which lives in the GUI thread; every
signal the window sees is emitted from the GUI thread (DESIGN.md, "Measured facts").
"""

from __future__ import annotations

import collections
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from chatgui.discovery.mdns import Announcer, Browser, Engine, Failure, FailureKind
from chatgui.discovery.rooms import Room
from chatgui.os_errors import os_error_words


def describe_failure(failure: Failure) -> str:
    """The user's sentence for discovery being unavailable (translated)."""
    translate = QCoreApplication.translate
    if failure.kind is FailureKind.NO_INTERFACE:
        reason = translate("Discovery", "this computer has no network connection")
    elif failure.kind is FailureKind.DISABLED:
        reason = translate("Discovery", "it is turned off ({setting})").format(setting=failure.detail)
    elif failure.kind is FailureKind.NAME_TAKEN:
        reason = translate("Discovery", "others on this network keep taking the room's name")
    else:
        # The OS's number in the user's words; zeroconf's own errors have no number.
        detail = os_error_words(failure.code) if failure.code else failure.detail
        reason = translate("Discovery", "the system refused multicast ({detail})").format(detail=detail)
    return translate(
        "Discovery",
        "Finding rooms on this network is not possible: {reason} — you can still type an address.",
    ).format(reason=reason)


class Discovery(QObject):
    """Rooms on the LAN for the window, and this app's own room announced while hosting.

    Create and use it in the GUI thread; call ``shutdown()`` before the application ends.

    Args:
        parent: the Qt parent.
        interfaces: IP addresses of the interfaces multicast DNS may use (None: the
            ``CHATGUI_DISCOVERY_INTERFACES`` environment variable, else every interface).
    """

    room_found = Signal(object)  # a Room, found or changed
    room_lost = Signal(object)  # the Room as last seen
    unavailable = Signal(str)  # a translated sentence; at most once
    announced = Signal(str)  # the instance name our room is announced under (may be renamed)
    _wake = Signal()

    def __init__(self, parent: QObject | None = None, *, interfaces: Sequence[str] | None = None) -> None:
        super().__init__(parent)
        self._engine = Engine(interfaces)
        self._pending: collections.deque[tuple[str, object]] = collections.deque()
        self._wake_pending = False
        self._rooms: dict[str, Room] = {}
        self._browser: Browser | None = None
        self._announcer: Announcer | None = None
        self._said_unavailable = False
        self._announced_name = ""
        self._shut = False
        self._wake.connect(self.on_wake, Qt.ConnectionType.QueuedConnection)

    @property
    def rooms(self) -> list[Room]:
        """The rooms known now, sorted by room name then nickname."""
        return sorted(self._rooms.values(), key=lambda room: (room.name.lower(), room.nick.lower(), room.key))

    @property
    def announced_name(self) -> str:
        """Our own room's instance name while announced, else "" (its ``Room.key`` less the service type)."""
        return self._announced_name

    def start_browsing(self) -> None:
        """Start finding rooms (returns at once; idempotent)."""
        if self._shut or self._browser is not None:
            return
        self._browser = Browser(self._post_found, self._post_lost, self._post_failed, engine=self._engine)
        self._browser.start()

    def announce(self, nick: str, room: str, mode: str, port: int, *, secure: bool = False) -> None:
        """Announce our room, or change what is announced (returns at once); ``secure``: private."""
        if self._shut:
            return
        if self._announcer is None:
            self._announcer = Announcer(self._engine, self._post_announced, self._post_failed)
        self._announcer.announce(nick, room, mode, port, secure=secure)

    def withdraw(self) -> None:
        """Stop announcing our room (returns at once)."""
        self._announced_name = ""
        if self._announcer is not None:
            self._announcer.withdraw()

    def shutdown(self) -> None:
        """Withdraw, stop browsing and join every thread (blocking; idempotent)."""
        if self._shut:
            return
        self._shut = True
        if self._announcer is not None:
            self._announcer.close()
        if self._browser is not None:
            self._browser.close()
        self._engine.close()
        self._pending.clear()
        self._announced_name = ""

    # --- called in worker threads: append and wake, nothing else ---

    def _post(self, kind: str, payload: object) -> None:
        self._pending.append((kind, payload))
        if not self._wake_pending:
            self._wake_pending = True
            self._wake.emit()

    def _post_found(self, room: Room) -> None:
        self._post("found", room)

    def _post_lost(self, room: Room) -> None:
        self._post("lost", room)

    def _post_failed(self, failure: Failure) -> None:
        self._post("failed", failure)

    def _post_announced(self, name: str) -> None:
        self._post("announced", name)

    # --- the GUI thread ---

    @Slot()
    def on_wake(self) -> None:
        """Deliver everything the workers posted since the last wake."""
        self._wake_pending = False  # before draining: a post from now on wakes us again
        while self._pending and not self._shut:
            kind, payload = self._pending.popleft()
            if kind == "found":
                assert isinstance(payload, Room)
                self._rooms[payload.key] = payload
                self.room_found.emit(payload)
            elif kind == "lost":
                assert isinstance(payload, Room)
                self._rooms.pop(payload.key, None)
                self.room_lost.emit(payload)
            elif kind == "announced":
                assert isinstance(payload, str)
                self._announced_name = payload
                self.announced.emit(payload)
            elif kind == "failed" and not self._said_unavailable:
                assert isinstance(payload, Failure)
                self._said_unavailable = True
                self.unavailable.emit(describe_failure(payload))
