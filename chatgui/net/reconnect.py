"""A member's way back to a lost host: the back-off between attempts, and what was typed meanwhile.

Messages typed while reconnecting are kept (bounded: ``MAX_QUEUED_MESSAGES`` and
``MAX_QUEUED_BYTES``), shown as sent and awaiting their receipt, and go out in order once
the member is back in the room; beyond the bound, or when the user cancels, each is
reported not sent.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from chatgui.events import ChatSent, Event, Problem, ProblemOccurred, ReceiptMissing, Severity
from chatgui.net.receipts import Receipts
from chatgui.net.stream import Stream

RECONNECT_DELAYS = (1.0, 2.0, 4.0, 8.0, 16.0, 30.0)
"""Seconds before each reconnect attempt; the last one repeats until it works or the user cancels."""

MAX_QUEUED_MESSAGES = 100
MAX_QUEUED_BYTES = 1024 * 1024
"""What is kept of the messages typed while reconnecting; beyond it each is reported not sent."""


def reconnect_delay(attempt: int) -> float:
    """Seconds to wait before reconnect ``attempt`` (1, 2, …)."""
    return RECONNECT_DELAYS[min(attempt, len(RECONNECT_DELAYS)) - 1]


class AwayQueue:
    """The messages typed while reconnecting, in order: (seq, line, expects a receipt)."""

    def __init__(self, emit: Callable[[Event], None], receipts: Receipts) -> None:
        self.emit = emit
        self.receipts = receipts
        self._queue: deque[tuple[int, bytes, bool]] = deque()
        self._queued_bytes = 0

    def __len__(self) -> int:
        return len(self._queue)

    def add(self, seq: int, data: bytes, expects: bool, sent: ChatSent) -> None:
        """Keep a message typed while reconnecting (it shows as sent, awaiting its receipt)."""
        emit = self.emit
        emit(sent)
        if len(self._queue) >= MAX_QUEUED_MESSAGES or self._queued_bytes + len(data) > MAX_QUEUED_BYTES:
            if expects:
                emit(ReceiptMissing(seq, not_sent=True))
            emit(ProblemOccurred(Problem.RECONNECT_GAVE_UP, Severity.WARNING, size=1))
            return
        self._queue.append((seq, data, expects))
        self._queued_bytes += len(data)

    def send(self, stream: Stream | None) -> None:
        """Back in the room: what was typed meanwhile goes out, in order."""
        queue = self._queue
        while queue and stream is not None and not (stream.closed or stream.closing):
            seq, data, expects = queue.popleft()
            self._queued_bytes -= len(data)
            stream.write(data)
            if expects:
                self.receipts.sent(seq)

    def give_up(self) -> None:
        """The user cancelled: every message still waiting is reported not sent."""
        queue, self._queue, self._queued_bytes = self._queue, deque(), 0
        if not queue:
            return
        emit = self.emit
        for seq, _data, expects in queue:
            if expects:
                emit(ReceiptMissing(seq, not_sent=True))
        emit(ProblemOccurred(Problem.RECONNECT_GAVE_UP, Severity.WARNING, size=len(queue)))
