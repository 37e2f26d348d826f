"""Per-protocol bookkeeping of a run: echoes in, a ``ProtocolResult`` out (pure; time is an argument)."""

from __future__ import annotations

from chatgui.lab.impairment import Injected
from chatgui.lab.model import Arrival, Fate, ProtocolResult


def percentile(ordered: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile of an already sorted list (None when empty)."""
    if not ordered:
        return None
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil without float surprises
    return ordered[int(rank) - 1]


class Tracker:
    """What came back for one protocol: every echo, each with its receiver arrival index.

    Args:
        protocol: "tcp" or "udp".
        count: how many numbered messages the run sends.
        frame_size: bytes per message on the wire.
    """

    def __init__(self, protocol: str, count: int, frame_size: int) -> None:
        self.protocol = protocol
        self.count = count
        self.frame_size = frame_size
        self.sent = 0
        self.copies_sent = 0
        self.echoes: list[Arrival] = []
        self.last_echo_t = 0.0

    def on_offered(self) -> None:
        """The application sent the next message (the path may still drop it)."""
        self.sent += 1

    def on_wire(self) -> None:
        """One copy of a message went on the wire (an echo for it may come back)."""
        self.copies_sent += 1

    def on_echo(self, seq: int, index: int, t: float, rtt_ms: float | None) -> None:
        """An echo of ``seq`` came back at ``t``: the receiver's ``index``-th arrival."""
        if 1 <= seq <= self.count:
            self.echoes.append(Arrival(seq, index, t, rtt_ms))
            self.last_echo_t = t

    def result(self, now: float, *, done: bool, injected: Injected | None = None) -> ProtocolResult:
        """The figures so far; when ``done``, what never came back is lost."""
        arrivals = tuple(sorted(self.echoes, key=lambda a: a.index))
        copies = [0] * (self.count + 1)
        late = [False] * (self.count + 1)
        highest = 0
        for arrival in arrivals:
            if copies[arrival.seq] == 0 and arrival.seq < highest:
                late[arrival.seq] = True
            copies[arrival.seq] += 1
            highest = max(highest, arrival.seq)
        fates: list[Fate] = []
        for seq in range(1, self.count + 1):
            if copies[seq] > 1:
                fates.append(Fate.DUPLICATED)
            elif late[seq]:
                fates.append(Fate.LATE)
            elif copies[seq] == 1:
                fates.append(Fate.DELIVERED)
            else:
                fates.append(Fate.LOST if done else Fate.PENDING)
        delivered = sum(1 for c in copies[1:] if c)
        rtts = sorted(a.rtt_ms for a in arrivals if a.rtt_ms is not None)
        seconds = self.last_echo_t if done and arrivals else now
        rate = delivered / seconds if seconds > 0 else 0.0
        injected = injected or Injected()
        return ProtocolResult(
            protocol=self.protocol,
            sent=self.sent,
            delivered=delivered,
            lost=fates.count(Fate.LOST),
            duplicated=sum(1 for c in copies[1:] if c > 1),
            reordered=sum(late),
            rtt_p50_ms=percentile(rtts, 0.5),
            rtt_p95_ms=percentile(rtts, 0.95),
            rtt_max_ms=rtts[-1] if rtts else None,
            msgs_per_s=rate,
            bytes_per_s=rate * self.frame_size,
            seconds=seconds,
            fates=tuple(fates),
            arrivals=arrivals,
            done=done,
            injected_lost=injected.lost,
            injected_duplicated=injected.duplicated,
            injected_reordered=injected.reordered,
            retransmit_delay_ms=injected.retransmit_delay_s * 1000.0,
        )
