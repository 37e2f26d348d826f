"""Datagrams copied out of the kernel in large rounds and handled in small ones (UDP under a flood).

A UDP socket's receive buffer holds a few thousand small datagrams (its size is counted in
kernel memory, ~1 KiB a datagram however small); under a flood it overflows within tens of
milliseconds whenever the worker is busy handling, or waiting for the GIL held by the GUI
or the history writer. Copying a datagram out costs a fraction of handling it, so each read
round first empties the socket into a bounded backlog (at most ``DRAIN_PER_ROUND`` a round,
``MAX_BACKLOG_DATAGRAMS`` and ``MAX_BACKLOG_BYTES`` in all), then handles a small slice of
it; the rest follows from a zero-delay timer, so other sockets, commands and timers get
their turn. What the network delivered is then lost only when the backlog is full — the
same bound a bigger kernel buffer would be, held in this process.
"""

from __future__ import annotations

import socket
from collections import deque
from collections.abc import Callable
from typing import Any

from chatgui.net.loop import Loop, Timer

DRAIN_PER_ROUND = 8192
"""The most datagrams copied out of the kernel in one round (other sockets wait meanwhile)."""
MAX_BACKLOG_DATAGRAMS = 200_000
"""Datagrams read but not yet handled, at most (~0.3 KB each for a chat message)."""
MAX_BACKLOG_BYTES = 32 * 1024 * 1024
"""Their payload bytes, at most: big datagrams are bounded by size, not by count."""
PAUSED_RECHECK_SECONDS = 0.005
"""While the worker handles nothing (the GUI is behind), how often the socket is emptied into
the backlog (a 4 MiB receive buffer holds ~25 ms of a fast flood of small datagrams)."""

Datagram = tuple[bytes, Any]


class Backlog:
    """One socket's datagrams read but not handled yet; the loop thread's alone.

    Args:
        loop: The loop that watches the socket.
        sock: The non-blocking UDP socket.
        again: Called (from a timer) while datagrams wait: read and handle the next round.
        refused: Called when the socket reports an ICMP "port unreachable" for what we sent.
        failed: Called with any other error of ``recvfrom`` (the round ends there).
    """

    __slots__ = ("_again", "_failed", "_loop", "_refused", "_sock", "_timer", "queue", "queued_bytes")

    def __init__(
        self,
        loop: Loop,
        sock: socket.socket,
        again: Callable[[], None],
        refused: Callable[[], None],
        failed: Callable[[OSError], None],
    ) -> None:
        self._loop, self._sock = loop, sock
        self._again, self._refused, self._failed = again, refused, failed
        self.queue: deque[Datagram] = deque()
        self.queued_bytes = 0
        self._timer: Timer | None = None

    def drain(self) -> None:
        """Copy what the socket holds into the backlog, within its bounds."""
        queue = self.queue
        room = min(DRAIN_PER_ROUND, MAX_BACKLOG_DATAGRAMS - len(queue))
        size = self.queued_bytes
        recvfrom, append = self._sock.recvfrom, queue.append
        last: Any = None
        for _ in range(room):
            if size > MAX_BACKLOG_BYTES:
                break
            try:
                data, addr = recvfrom(65536)
            except (BlockingIOError, InterruptedError):
                break
            except (ConnectionRefusedError, ConnectionResetError):
                self._refused()
                continue
            except OSError as exc:
                self._failed(exc)
                break
            if addr == last:
                addr = last  # one address object for a run from one sender (memory, and cheap ==)
            else:
                last = addr
            append((data, addr))
            size += len(data)
        self.queued_bytes = size

    def take(self, count: int) -> list[Datagram]:
        """The oldest ``count`` datagrams (fewer if fewer wait), removed from the backlog."""
        queue = self.queue
        count = min(count, len(queue))
        if not count:
            return []
        popleft = queue.popleft
        batch = [popleft() for _ in range(count)]
        self.queued_bytes -= sum(len(data) for data, _ in batch)
        return batch

    def follow_up(self) -> None:
        """Handle the next round soon if datagrams wait, or empty the socket soon while reading is paused."""
        if self._timer is not None:
            return
        if self._loop.reading_paused:
            self._timer = self._loop.call_later(PAUSED_RECHECK_SECONDS, self._on_due)
        elif self.queue:
            self._timer = self._loop.call_later(0.0, self._on_due)

    def _on_due(self) -> None:
        self._timer = None
        if self._loop.reading_paused:
            # The GUI is behind: nothing is handled, but the socket is still emptied into the
            # backlog (bounded on its own), so a burst waits here rather than overflow the kernel.
            self.drain()
            self.follow_up()
            return
        self._again()

    def close(self) -> None:
        """Forget what waits, and the timer."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.queue.clear()
        self.queued_bytes = 0
