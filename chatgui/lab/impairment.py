"""Seeded path conditions, decided per packet on the sending side (pure: time is an argument).

A UDP datagram can be dropped, duplicated, held back until after the next one (so it
arrives out of order), delayed with jitter and paced by a bandwidth cap. TCP's bytes
cannot be lost, duplicated or reordered above the kernel, so for TCP the same draws only
cost time: a "lost" segment waits one retransmission timeout (200 ms at least), and the
timeout doubles each time its retransmission is lost too (exponential backoff, drawn with
the same loss rate); a "reordered" one holds back delivery until the next one is there,
and every later message waits behind it (head-of-line blocking). A duplicate costs TCP
nothing at all. The counts of what was injected travel with the result, so the lab can say
what each protocol experienced.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from chatgui.lab.model import TCP, UDP, Conditions

MIN_RTO_S = 0.2  # Linux's minimum retransmission timeout
MAX_RTO_S = 60.0
MAX_RETRANSMISSIONS = 6  # the lab gives up doubling here (Linux would keep trying for minutes)


@dataclass(frozen=True, slots=True)
class Release:
    """One copy of a packet to put on the wire at ``at`` (seconds, the caller's clock).

    Attributes:
        at: when to send it.
        seq: which message.
        late: whether it was held back until after a later message.
    """

    at: float
    seq: int
    late: bool = False


@dataclass(slots=True)
class Injected:
    """What the conditions did so far (counts of messages, not copies)."""

    lost: int = 0
    duplicated: int = 0
    reordered: int = 0
    retransmit_delay_s: float = 0.0


class Impairment:
    """Decides, per message offered, when each copy of it goes on the wire.

    Releases are returned in the order they must be sent: when two have the same ``at``,
    the earlier one in the list goes first (a held-back packet goes right after the one
    that overtook it).

    Args:
        conditions: the settings and the seed.
        protocol: "tcp" or "udp" (what the draws mean differs, see the module).
    """

    def __init__(self, conditions: Conditions, protocol: str) -> None:
        if protocol not in (TCP, UDP):
            raise ValueError(protocol)
        self.conditions = conditions
        self.protocol = protocol
        # The protocol in the seed: TCP and UDP draw independently, each repeatable.
        self._random = random.Random(f"{conditions.seed}/{protocol}")
        # Retransmissions draw from their own stream: the first-try draws of every packet stay
        # the same whatever the loss rate does to retransmissions.
        self._retransmissions = random.Random(f"{conditions.seed}/{protocol}/retransmissions")
        self.injected = Injected()
        self._link_free_at = 0.0
        self._last_release = 0.0  # TCP: nothing overtakes what went before
        self._held: list[tuple[int, int]] = []  # (seq, copies) waiting for a later packet

    def _chance(self, percent: float) -> bool:
        # Always draw, so one setting never shifts the draws of another for the same seed.
        draw = self._random.random() * 100.0
        return draw < percent

    def _departure(self, now: float, size: int) -> float:
        """When the packet has left the capped link (``now`` with no cap)."""
        kbps = self.conditions.bandwidth_kbps
        if kbps <= 0:
            return now
        start = max(now, self._link_free_at)
        self._link_free_at = start + size * 8 / (kbps * 1000.0)
        return self._link_free_at

    def _delay(self) -> float:
        jitter = self.conditions.jitter_ms
        spread = self._random.uniform(-jitter, jitter) if jitter > 0 else 0.0
        return max(0.0, self.conditions.delay_ms + spread) / 1000.0

    def _retransmission_delay(self) -> float:
        """How long a lost segment takes to get through: RTO, doubled per lost retransmission."""
        rtt = 2 * self.conditions.delay_ms / 1000.0
        rto = min(MAX_RTO_S, max(MIN_RTO_S, 2 * rtt))
        waited = rto
        for _ in range(MAX_RETRANSMISSIONS - 1):
            if self._retransmissions.random() * 100.0 >= self.conditions.loss:
                break
            rto = min(MAX_RTO_S, rto * 2)
            waited += rto
        return waited

    def offer(self, seq: int, size: int, now: float) -> list[Release]:
        """Decide the fate of message ``seq`` of ``size`` bytes offered at ``now``.

        Returns:
            The copies to send and when, held-back earlier messages included.
        """
        lost = self._chance(self.conditions.loss)
        duplicated = self._chance(self.conditions.dup)
        held = self._chance(self.conditions.reorder)
        at = self._departure(now, size) + self._delay()
        if self.protocol == TCP:
            return self._offer_tcp(seq, at, lost=lost, duplicated=duplicated, held=held)
        return self._offer_udp(seq, at, lost=lost, duplicated=duplicated, held=held)

    def _offer_udp(self, seq: int, at: float, *, lost: bool, duplicated: bool, held: bool) -> list[Release]:
        if lost:
            self.injected.lost += 1
            return []
        copies = 2 if duplicated else 1
        if duplicated:
            self.injected.duplicated += 1
        if held:
            self._held.append((seq, copies))
            return []
        releases = [Release(at, seq)] * copies
        # What was held back goes right after this later packet: it arrives out of order.
        for held_seq, held_copies in self._held:
            self.injected.reordered += 1
            releases.extend([Release(at, held_seq, late=True)] * held_copies)
        self._held.clear()
        return releases

    def _offer_tcp(self, seq: int, at: float, *, lost: bool, duplicated: bool, held: bool) -> list[Release]:
        if duplicated:
            self.injected.duplicated += 1  # the receiving kernel drops the copy: no cost
        if lost:
            self.injected.lost += 1
            penalty = self._retransmission_delay()
            self.injected.retransmit_delay_s += penalty
            at += penalty
        at = max(at, self._last_release)
        if held:
            # Reordered on the wire: the kernel holds this and what follows until it is there.
            self.injected.reordered += 1
            self._held.append((seq, 1))
            return []
        self._last_release = at
        releases = [Release(at, held_seq) for held_seq, _ in self._held]
        self._held.clear()
        releases.append(Release(at, seq))
        return releases

    def flush(self, now: float) -> list[Release]:
        """Release whatever is still held back, at ``now`` (the last message was offered).

        Nothing came after it, so a UDP packet released here arrives in order and is not
        counted as reordered.
        """
        at = max(now, self._last_release) if self.protocol == TCP else now
        releases = [Release(at, seq) for seq, copies in self._held for _ in range(copies)]
        self._held.clear()
        return releases
