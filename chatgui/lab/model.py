"""The lab's values: what a run asks for, what happened to each message, what it measured.

Pure values (frozen, slotted dataclasses) safe to hand across threads, plus two pure
functions: ``LabResult.to_json`` (the ``lab --json`` shape) and ``reassemble`` (how a
receiver's framing turns recv chunks back into messages). No Qt, no sockets, no clock.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

TCP = "tcp"
UDP = "udp"
PROTOCOLS = (TCP, UDP)

LENGTH_PREFIX_BYTES = 4


@dataclass(frozen=True, slots=True)
class Workload:
    """What a run sends over each protocol.

    Attributes:
        count: numbered messages per protocol.
        size: bytes per message on the wire (frame included).
        rate: messages per second; 0 means as fast as possible.
    """

    count: int = 1000
    size: int = 100
    rate: float = 0.0


@dataclass(frozen=True, slots=True)
class Conditions:
    """The path's impairment, applied by chatgui on the sending side (every OS).

    Attributes:
        loss: percent of packets lost (UDP: dropped; TCP: paid as retransmission delay).
        dup: percent duplicated (UDP only; TCP never duplicates above the kernel).
        reorder: percent held back and delivered late (UDP: out of order; TCP: delay only).
        delay_ms: one-way delay.
        jitter_ms: ± uniform jitter on the delay.
        bandwidth_kbps: a cap; 0 means none.
        seed: the same seed and settings give the same run.
    """

    loss: float = 0.0
    dup: float = 0.0
    reorder: float = 0.0
    delay_ms: float = 0.0
    jitter_ms: float = 0.0
    bandwidth_kbps: float = 0.0
    seed: int = 1

    @property
    def impaired(self) -> bool:
        """Whether any condition is set (the seed alone changes nothing)."""
        return any((self.loss, self.dup, self.reorder, self.delay_ms, self.jitter_ms, self.bandwidth_kbps))


class Fate(enum.Enum):
    """What became of one numbered message."""

    DELIVERED = "delivered"  # arrived once, in order
    LATE = "late"  # arrived, but after a higher sequence number (out of order)
    DUPLICATED = "duplicated"  # arrived more than once
    LOST = "lost"  # never arrived
    PENDING = "pending"  # not yet decided (live view)


@dataclass(frozen=True, slots=True)
class Arrival:
    """One message arriving at the receiver.

    Attributes:
        seq: the message's number, 1..count.
        index: 0-based arrival order at the receiver.
        t: seconds since the run started.
        rtt_ms: the round trip, from the echo, when it came back.
    """

    seq: int
    index: int
    t: float
    rtt_ms: float | None


@dataclass(frozen=True, slots=True)
class ProtocolResult:
    """What one protocol did in a run (so far, while ``done`` is False).

    The ``injected_*`` and ``retransmit_delay_ms`` fields say what the in-app impairment
    did to this protocol's packets, so the lab can be honest: for UDP they become losses,
    duplicates and late arrivals; for TCP they only cost time (``retransmit_delay_ms``).
    """

    protocol: str
    sent: int
    delivered: int
    lost: int
    duplicated: int
    reordered: int
    rtt_p50_ms: float | None
    rtt_p95_ms: float | None
    rtt_max_ms: float | None
    msgs_per_s: float
    bytes_per_s: float
    seconds: float
    fates: tuple[Fate, ...]
    arrivals: tuple[Arrival, ...]
    done: bool
    injected_lost: int = 0
    injected_duplicated: int = 0
    injected_reordered: int = 0
    retransmit_delay_ms: float = 0.0

    @classmethod
    def empty(cls, protocol: str, count: int) -> ProtocolResult:
        """A result before anything was sent: every message pending."""
        return cls(
            protocol=protocol,
            sent=0,
            delivered=0,
            lost=0,
            duplicated=0,
            reordered=0,
            rtt_p50_ms=None,
            rtt_p95_ms=None,
            rtt_max_ms=None,
            msgs_per_s=0.0,
            bytes_per_s=0.0,
            seconds=0.0,
            fates=(Fate.PENDING,) * count,
            arrivals=(),
            done=False,
        )

    def to_json(self) -> dict[str, object]:
        """The protocol's figures as plain JSON values (no per-message lists)."""
        return {
            "protocol": self.protocol,
            "sent": self.sent,
            "delivered": self.delivered,
            "lost": self.lost,
            "duplicated": self.duplicated,
            "reordered": self.reordered,
            "rtt_ms": {"p50": self.rtt_p50_ms, "p95": self.rtt_p95_ms, "max": self.rtt_max_ms},
            "msgs_per_s": self.msgs_per_s,
            "bytes_per_s": self.bytes_per_s,
            "seconds": self.seconds,
            "done": self.done,
            "injected": {
                "lost": self.injected_lost,
                "duplicated": self.injected_duplicated,
                "reordered": self.injected_reordered,
            },
            "retransmit_delay_ms": self.retransmit_delay_ms,
        }


@dataclass(frozen=True, slots=True)
class LabResult:
    """One run: what was asked, over which path, and what each protocol did.

    Attributes:
        workload: what was sent.
        conditions: the in-app impairment.
        peer: "" for the in-app loopback pair, else "host:port" of a lab-peer.
        tcp: TCP's result.
        udp: UDP's result.
    """

    workload: Workload
    conditions: Conditions
    peer: str
    tcp: ProtocolResult
    udp: ProtocolResult

    @property
    def done(self) -> bool:
        """Whether both protocols have finished."""
        return self.tcp.done and self.udp.done

    def to_json(self) -> dict[str, object]:
        """The ``lab --json`` shape: ``{"tcp": {...}, "udp": {...}, "workload": ..., ...}``."""
        return {
            "tcp": self.tcp.to_json(),
            "udp": self.udp.to_json(),
            "workload": asdict(self.workload),
            "conditions": asdict(self.conditions),
            "peer": self.peer,
        }


@dataclass(frozen=True, slots=True)
class IoCall:
    """One ``send()`` or ``recv()``/``recvfrom()`` and the bytes it moved.

    Attributes:
        side: "send" or "recv".
        protocol: "tcp" or "udp".
        data: the bytes written or returned.
        t: seconds since the demonstration started.
    """

    side: str
    protocol: str
    data: bytes
    t: float


Framing = Literal["none", "newline", "length"]
FRAMINGS: tuple[Framing, ...] = ("none", "newline", "length")


def length_prefixed(message: bytes) -> bytes:
    """``message`` behind its 4-byte big-endian length (the "length" framing's encoder)."""
    return len(message).to_bytes(LENGTH_PREFIX_BYTES, "big") + message


def reassemble(chunks: Sequence[bytes], framing: Framing) -> list[bytes]:
    """The messages a receiver with ``framing`` gets from these recv chunks, in order.

    "none" takes each chunk as one message (what a tutorial ``recv(1024)`` loop does, and
    why it breaks on TCP); "newline" splits on a newline byte (the newline is not part of the
    message); "length" reads a 4-byte big-endian length, then that many bytes, even when a
    chunk ends inside the prefix. Bytes of an unfinished last message are not returned.

    Args:
        chunks: what the recv calls returned, in order.
        framing: the receiver's framing.

    Returns:
        The complete messages.
    """
    if framing == "none":
        return [bytes(chunk) for chunk in chunks if chunk]
    buffer = bytearray()
    messages: list[bytes] = []
    for chunk in chunks:
        buffer += chunk
        if framing == "newline":
            while (end := buffer.find(b"\n")) >= 0:
                messages.append(bytes(buffer[:end]))
                del buffer[: end + 1]
        else:
            while len(buffer) >= LENGTH_PREFIX_BYTES:
                size = int.from_bytes(buffer[:LENGTH_PREFIX_BYTES], "big")
                if len(buffer) < LENGTH_PREFIX_BYTES + size:
                    break
                messages.append(bytes(buffer[LENGTH_PREFIX_BYTES : LENGTH_PREFIX_BYTES + size]))
                del buffer[: LENGTH_PREFIX_BYTES + size]
    return messages


@dataclass(frozen=True, slots=True)
class LifecycleStep:
    """One thing a socket did, for the lifecycle timeline.

    Attributes:
        protocol: "tcp" or "udp".
        side: "client" or "server".
        what: a short key: "socket", "connect", "accept", "send", "recv", "fin", "close",
            "refused", "sendto", "recvfrom", "nothing", "error".
        detail: a short key for the detail column, which the UI turns into a sentence:
            "" (just the address, if any), "listening", "bound", "unconnected", "bytes",
            "peer_closed", "shutdown", "no_close_handshake", "no_error", "no_error_connected",
            "no_answer", "os_error".
        t: seconds since the demonstration started.
        address: "host:port" the step concerns, or "".
        nbytes: bytes moved, or -1.
        seconds: how long the step waited ("no_answer"), or 0.
        errno: the OS error number ("os_error", "refused"), or 0.
        os_text: the OS's own words for it (shown only when the UI has no sentence of its own).
    """

    protocol: str
    side: str
    what: str
    detail: str
    t: float
    address: str = ""
    nbytes: int = -1
    seconds: float = 0.0
    errno: int = 0
    os_text: str = ""
