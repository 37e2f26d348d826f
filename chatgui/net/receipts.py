"""Our own messages awaiting a receipt: ticks when an ``ack`` names them, a mark when none came."""

from __future__ import annotations

from collections.abc import Callable

from chatgui.events import Event, ReceiptMissing, ReceiptReceived
from chatgui.net.loop import Loop, Timer
from chatgui.protocol.frames import Ack
from chatgui.protocol.tracker import SendTracker


class Receipts:
    """One endpoint's sent messages and the single timer that reports overdue receipts.

    Args:
        loop: The worker's loop (clock and timers).
        emit: Where ``ReceiptReceived``/``ReceiptMissing`` go.
        timeout: Seconds after which a message without a receipt is reported missing.
    """

    def __init__(self, loop: Loop, emit: Callable[[Event], None], timeout: float) -> None:
        self.tracker = SendTracker(timeout)
        self._loop = loop
        self._emit = emit
        self._timer: Timer | None = None
        self._closed = False

    def sent(self, seq: int) -> None:
        """Message ``seq`` went out and a receipt may follow."""
        self.tracker.sent(seq, self._loop.now())
        self._arm()

    def on_ack(self, ack: Ack, now: float) -> None:
        """Tick every message ``ack`` names (``seq`` and the ones in ``also``)."""
        acked, emit = self.tracker.acked, self._emit
        for seq in (*ack.also, ack.seq):
            rtt = acked(seq, now)
            if rtt is not None:
                emit(ReceiptReceived(seq, rtt))

    def close(self) -> None:
        """Stop reporting: the session is over."""
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _arm(self) -> None:
        if self._timer is not None or self._closed:
            return
        deadline = self.tracker.next_deadline()
        if deadline is not None:
            self._timer = self._loop.call_at(deadline, self._on_due)

    def _on_due(self) -> None:
        self._timer = None
        if self._closed:
            return
        for seq in self.tracker.expired(self._loop.now()):
            self._emit(ReceiptMissing(seq))
        self._arm()
