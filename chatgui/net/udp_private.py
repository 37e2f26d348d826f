"""A private UDP room: the room key off the loop, every datagram sealed, every one received opened.

A private room (a passphrase) has the shared secret plain UDP lacks: the room key is derived
once at the start (scrypt, ~200 ms, on a short-lived thread: the loop never waits for it),
every datagram sent is sealed and every one received opened (``protocol.secure_datagrams``).
Plaintext, forged, changed and replayed datagrams are dropped and counted (``UNREADABLE``,
at most once a second per address); the key is the identity, so a nick is shown as it came
and the tracker is keyed by the sealed sender id. The plaintext path is untouched: a private room
reads with its own method, ``PrivateRoom.read``, and hands every frame but a ``Msg`` to the
peer's ``_on_frame`` like the plaintext path does.

``udp.py`` imports this module, not the other way round: what the room uses of its
``UdpPeer`` is the ``SealedPeer`` protocol below.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from chatgui.events import Problem, ProblemOccurred, Severity
from chatgui.net.common import chat_received
from chatgui.net.endpoint import SessionContext
from chatgui.net.errors import format_sockaddr, problem_from_error
from chatgui.net.loop import Loop, Timer
from chatgui.protocol.datagrams import decode_datagram
from chatgui.protocol.frames import Msg, Received
from chatgui.protocol.names import clean_nick
from chatgui.protocol.secure import SecureError
from chatgui.protocol.secure_datagrams import (
    DATAGRAM_MARKER,
    SENDER_ID_BYTES,
    DatagramOpener,
    DatagramSealer,
    udp_room_key,
)
from chatgui.protocol.tracker import Arrival, ReceiveTracker

UNREADABLE_INTERVAL = 1.0
"""Datagrams that did not open are counted and reported at most once a second per address."""
MAX_UNREADABLE_SOURCES = 256
"""Addresses whose unreadable datagrams are being counted (a spray from many is bounded)."""
_SENDER = slice(len(DATAGRAM_MARKER), len(DATAGRAM_MARKER) + SENDER_ID_BYTES)
DUPLICATE = Arrival.DUPLICATE

Owed = dict[tuple[Any, str], tuple[list[int], list[float]]]
"""Receipts owed in one read round, per (sender address, sender id): seqs and stamps."""


class SealedPeer(Protocol):
    """What a private room uses of its ``UdpPeer`` (by shape, so udp.py need not be imported)."""

    closed: bool
    ctx: SessionContext
    received: ReceiveTracker
    _front: Any

    def _remember(self, addr: Any) -> None: ...

    def _drain_error_queue(self, sock: socket.socket | None) -> None: ...

    def _nobody_listening(self) -> None: ...

    def _send_to(self, data: bytes, addr: Any, sock: socket.socket | None = None) -> bool: ...

    def _on_frame(self, frame: Received, data: bytes, addr: Any, sock: socket.socket, echo: bool) -> None: ...

    def _settle(self, owed: Owed, sock: socket.socket) -> None: ...


def derive_room_key(loop: Loop, passphrase: str, then: Callable[[bytes], None]) -> None:
    """Derive the room key on a short-lived thread, then call ``then(key)`` on the loop."""

    def derive() -> None:  # scrypt takes ~200 ms: never on the loop
        key = udp_room_key(passphrase)
        loop.submit_threadsafe(partial(then, key))

    threading.Thread(target=derive, name="chatgui-room-key", daemon=True).start()


class PrivateRoom:
    """One peer's private room: the sealer, the opener, and the count of what did not open.

    Args:
        peer: The ``UdpPeer`` this room reads for.
        key: ``udp_room_key(passphrase)``.
        batch: The most datagrams one read takes (``DATAGRAMS_PER_WAKEUP``).
    """

    def __init__(self, peer: SealedPeer, key: bytes, batch: int) -> None:
        self.peer = peer
        self.sealer, self.opener = DatagramSealer(key), DatagramOpener(key)
        self._batch = batch
        # Unreadable datagrams per address as [not yet reported, when last reported].
        self._unreadable: dict[str, list[float]] = {}
        self._unreadable_timer: Timer | None = None

    def read(self, sock: socket.socket) -> None:
        """``UdpPeer._read`` for a private room: open each datagram (or count it), then the same rules."""
        peer = self.peer
        if peer.closed:
            return
        ctx = peer.ctx
        opener, emit, own_id = self.opener, ctx.emit, self.sealer.sender_id
        owed: Owed = {}
        for _ in range(self._batch):
            try:
                data, addr = sock.recvfrom(65536)
            except (BlockingIOError, InterruptedError):
                break
            except (ConnectionRefusedError, ConnectionResetError):
                peer._drain_error_queue(sock)
                peer._nobody_listening()
                continue
            except OSError as exc:
                emit(problem_from_error(exc, severity=Severity.WARNING))
                break
            if data[_SENDER] == own_id and data.startswith(DATAGRAM_MARKER):
                continue  # our own broadcast or multicast, back through loopback (not opened)
            try:
                sender_id, payload = opener.open(data)
            except SecureError:  # plaintext, forged, changed, replayed, another passphrase: counted
                self.count_unreadable(addr)
                continue
            if addr != peer._front:
                peer._remember(addr)
            frame = decode_datagram(payload, ctx.settings.encoding)
            match frame:
                case Msg(peer=sender, seq=seq, ts=ts, nick=nick, text=text):
                    entry = owed.get((addr, sender))
                    if entry is None:
                        owed[(addr, sender)] = ([seq], [ts])
                    else:
                        entry[0].append(seq)
                        entry[1].append(ts)
                    if peer.received.on_msg(sender_id, seq) is not DUPLICATE:
                        address = format_sockaddr(addr)
                        emit(chat_received(clean_nick(nick) or address, text, address, sender, seq, ts))
                        if ctx.config.echo and sender != ctx.peer_id:
                            peer._send_to(payload, addr, sock)
                case _:
                    peer._on_frame(frame, payload, addr, sock, False)  # raw text is not echoed here
        peer._settle(owed, sock)

    def count_unreadable(self, addr: Any) -> None:
        """One more datagram from ``addr`` did not open: say so now, or within the second."""
        counts = self._unreadable
        address = format_sockaddr(addr)
        entry = counts.get(address)
        if entry is None:
            if len(counts) >= MAX_UNREADABLE_SOURCES:
                self._report_unreadable(force=True)
                counts.clear()
            entry = counts[address] = [0.0, -UNREADABLE_INTERVAL]
        entry[0] += 1
        loop = self.peer.ctx.loop
        now = loop.now()
        if now - entry[1] >= UNREADABLE_INTERVAL:
            # Only this address: scanning all of them for every datagram of a spray from
            # many addresses would cost hundreds of steps a datagram. The others are due
            # on the timer armed when their count was held back.
            self._report(address, entry, now)
        elif self._unreadable_timer is None:
            self._unreadable_timer = loop.call_later(UNREADABLE_INTERVAL, self._on_unreadable_due)

    def _on_unreadable_due(self) -> None:
        self._unreadable_timer = None
        if not self.peer.closed:
            self._report_unreadable()

    def _report_unreadable(self, *, force: bool = False) -> None:
        """Report every address's count whose second is over (``force``: all of them)."""
        now, waiting = self.peer.ctx.loop.now(), False
        for address, entry in self._unreadable.items():
            if not entry[0]:
                continue
            if force or now - entry[1] >= UNREADABLE_INTERVAL:
                self._report(address, entry, now)
            else:
                waiting = True
        if waiting and self._unreadable_timer is None:
            self._unreadable_timer = self.peer.ctx.loop.call_later(
                UNREADABLE_INTERVAL, self._on_unreadable_due
            )

    def _report(self, address: str, entry: list[float], now: float) -> None:
        count = int(entry[0])
        entry[0], entry[1] = 0.0, now
        self.peer.ctx.emit(ProblemOccurred(Problem.UNREADABLE, Severity.WARNING, address=address, size=count))

    def close(self) -> None:
        """Forget the timer: the session is over."""
        if self._unreadable_timer is not None:
            self._unreadable_timer.cancel()
            self._unreadable_timer = None
