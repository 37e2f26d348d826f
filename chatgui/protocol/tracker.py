"""Sequence tracking: what arrived from each sender, and which of our messages got receipts.

Pure bookkeeping with bounded memory; time comes in as ``now`` (seconds, any monotonic
clock). On TCP the receive counts stay zero; on UDP they show what the network did.
"""

from __future__ import annotations

import bisect
import enum
from collections import OrderedDict, deque
from collections.abc import Hashable
from dataclasses import dataclass


class Arrival(enum.Enum):
    """How one message's sequence number relates to what came before it."""

    NEW = "new"  # above everything seen so far (it may open a gap below it)
    DUPLICATE = "duplicate"  # seen before (or too old to tell: below the forgotten gaps)
    LATE = "late"  # fills an earlier gap: it was reordered


@dataclass(frozen=True, slots=True)
class SenderStats:
    """What arrived from one sender.

    ``received`` counts distinct messages, so ``received + lost == highest`` always.

    Attributes:
        received: Distinct messages received.
        highest: The highest sequence number seen.
        lost: Sequence numbers below ``highest`` never received (open gaps, plus gaps
            forgotten to bound memory, which stay lost for good).
        duplicated: Arrivals of a message already received.
        reordered: Arrivals that filled a gap.
    """

    received: int = 0
    highest: int = 0
    lost: int = 0
    duplicated: int = 0
    reordered: int = 0


class _Sender:
    """One sender's counters and its open gaps as sorted, disjoint, inclusive ranges."""

    __slots__ = (
        "duplicated",
        "forgotten",
        "gap_ends",
        "gap_starts",
        "highest",
        "horizon",
        "missing",
        "received",
        "reordered",
    )

    def __init__(self) -> None:
        self.received = 0
        self.highest = 0
        self.duplicated = 0
        self.reordered = 0
        self.missing = 0  # sequence numbers inside the open gaps
        self.forgotten = 0  # sequence numbers inside gaps dropped to bound memory
        self.horizon = 0  # everything at or below this is settled: received or lost for good
        self.gap_starts: list[int] = []
        self.gap_ends: list[int] = []


class ReceiveTracker:
    """Per-sender sequence tracking: gaps (lost), duplicates and late arrivals.

    Memory is bounded: each sender keeps at most ``max_gaps`` open gaps (the oldest is
    forgotten and its numbers count as lost for good; a later arrival below it counts as
    a duplicate, since it can no longer be told apart from one), and at most
    ``max_senders`` senders are tracked (the least recently heard from is dropped).

    Args:
        max_gaps: The most open gaps kept per sender.
        max_senders: The most senders kept.
    """

    def __init__(self, max_gaps: int = 4096, max_senders: int = 1024) -> None:
        if max_gaps < 1 or max_senders < 1:
            raise ValueError("max_gaps and max_senders must be at least 1")
        self._max_gaps = max_gaps
        self._max_senders = max_senders
        self._senders: OrderedDict[Hashable, _Sender] = OrderedDict()

    def on_msg(self, peer: Hashable, seq: int) -> Arrival:
        """Record one arrival of message ``seq`` (from 1) from sender ``peer``.

        Args:
            peer: The sender: its id (``Msg.peer``), or any hashable key, e.g. on UDP
                (source address, peer id), so a forged id from elsewhere is another sender.
            seq: The message's sequence number.

        Returns:
            How this arrival relates to the ones before it.
        """
        sender = self._senders.get(peer)
        if sender is None:
            sender = self._senders[peer] = _Sender()
            if len(self._senders) > self._max_senders:
                self._senders.popitem(last=False)
        else:
            self._senders.move_to_end(peer)
        if seq > sender.highest:
            if seq > sender.highest + 1:
                sender.gap_starts.append(sender.highest + 1)
                sender.gap_ends.append(seq - 1)
                sender.missing += seq - 1 - sender.highest
            sender.highest = seq
            sender.received += 1
            self._bound(sender)
            return Arrival.NEW
        index = bisect.bisect_right(sender.gap_starts, seq) - 1
        if seq <= sender.horizon or index < 0 or seq > sender.gap_ends[index]:
            sender.duplicated += 1
            return Arrival.DUPLICATE
        start, end = sender.gap_starts[index], sender.gap_ends[index]
        if start == end:
            del sender.gap_starts[index]
            del sender.gap_ends[index]
        elif seq == start:
            sender.gap_starts[index] = seq + 1
        elif seq == end:
            sender.gap_ends[index] = seq - 1
        else:
            sender.gap_ends[index] = seq - 1
            sender.gap_starts.insert(index + 1, seq + 1)
            sender.gap_ends.insert(index + 1, end)
        sender.missing -= 1
        sender.received += 1
        sender.reordered += 1
        self._bound(sender)
        return Arrival.LATE

    def _bound(self, sender: _Sender) -> None:
        """Forget the oldest gaps of ``sender`` beyond ``max_gaps``."""
        while len(sender.gap_starts) > self._max_gaps:
            start = sender.gap_starts.pop(0)
            end = sender.gap_ends.pop(0)
            sender.missing -= end - start + 1
            sender.forgotten += end - start + 1
            sender.horizon = end

    def stats(self, peer: Hashable) -> SenderStats:
        """What arrived from ``peer`` (all zeros for a sender not tracked).

        Args:
            peer: The sender's key, as given to ``on_msg``.

        Returns:
            The sender's counters.
        """
        sender = self._senders.get(peer)
        if sender is None:
            return SenderStats()
        return SenderStats(
            received=sender.received,
            highest=sender.highest,
            lost=sender.missing + sender.forgotten,
            duplicated=sender.duplicated,
            reordered=sender.reordered,
        )

    def peers(self) -> list[Hashable]:
        """The senders tracked, least recently heard from first."""
        return list(self._senders)


class SendTracker:
    """Our sent messages waiting for a receipt: RTT when it comes, expiry when it does not.

    Memory is bounded: over ``max_pending`` waiting messages, the oldest are reported
    by ``expired`` as if their time had run out.

    Args:
        receipt_timeout: Seconds to wait for a receipt.
        max_pending: The most messages waiting at once.
        max_samples: How many recent RTT samples are kept for ``rtt_percentile``.
    """

    def __init__(
        self, receipt_timeout: float = 2.0, max_pending: int = 65536, max_samples: int = 1024
    ) -> None:
        if max_pending < 1 or max_samples < 1:
            raise ValueError("max_pending and max_samples must be at least 1")
        self._timeout = receipt_timeout
        self._max_pending = max_pending
        # Insertion order is send order, and with one timeout also deadline order.
        self._pending: OrderedDict[int, float] = OrderedDict()
        self._overflow: list[tuple[int, float]] = []
        self._samples: deque[float] = deque(maxlen=max_samples)

    def sent(self, seq: int, now: float) -> None:
        """Start waiting for the receipt of message ``seq``, sent at ``now``.

        Args:
            seq: Our message's sequence number.
            now: When it was sent.
        """
        self._pending.pop(seq, None)
        self._pending[seq] = now
        if len(self._pending) > self._max_pending:
            self._overflow.append(self._pending.popitem(last=False))

    def acked(self, seq: int, now: float) -> float | None:
        """Record the receipt of message ``seq``.

        Args:
            seq: The sequence number the receipt names.
            now: When the receipt arrived.

        Returns:
            The round-trip time in seconds; None for a sequence number not waiting (unknown,
            already acknowledged, or already expired).
        """
        sent_at = self._pending.pop(seq, None)
        if sent_at is None:
            return None
        rtt = max(0.0, now - sent_at)
        self._samples.append(rtt)
        return rtt

    def expired(self, now: float) -> list[int]:
        """The messages whose receipt is overdue at ``now``, each reported once, oldest first.

        Args:
            now: The current time.

        Returns:
            Their sequence numbers.
        """
        overdue = [seq for seq, _ in self._overflow]
        self._overflow.clear()
        pending = self._pending
        while pending:
            seq, sent_at = next(iter(pending.items()))
            if sent_at + self._timeout > now:
                break
            del pending[seq]
            overdue.append(seq)
        return overdue

    def next_deadline(self) -> float | None:
        """When ``expired`` will next have something to report; None if nothing is waiting."""
        if self._overflow:
            return self._overflow[0][1]
        for sent_at in self._pending.values():
            return sent_at + self._timeout
        return None

    def pending_count(self) -> int:
        """How many messages are waiting for a receipt."""
        return len(self._pending) + len(self._overflow)

    def rtt_samples(self) -> list[float]:
        """The most recent round-trip times, oldest first, in seconds."""
        return list(self._samples)

    def rtt_percentile(self, percent: float) -> float | None:
        """A percentile of the recent round-trip times (nearest rank).

        Args:
            percent: From 0 to 100, e.g. 50 for the median, 95 for p95.

        Returns:
            The round-trip time in seconds; None before any receipt.
        """
        if not self._samples:
            return None
        ordered = sorted(self._samples)
        rank = round(percent / 100 * (len(ordered) - 1))
        return ordered[min(max(rank, 0), len(ordered) - 1)]
