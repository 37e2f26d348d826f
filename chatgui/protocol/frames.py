"""Wire format version 1: chat frames as JSON objects, UTF-8.

On TCP each frame is one line ending in ``\\n``; on UDP each frame is one datagram.
Anything that is not a version-1 JSON object is raw text from the peer.
"""

from __future__ import annotations

from dataclasses import dataclass

PROTOCOL_VERSION = 1
MAX_LINE_BYTES = 64 * 1024  # a TCP line longer than this closes the connection
MAX_TEXT_BYTES = 16 * 1024  # a chat text (UTF-8 bytes) longer than this is refused before sending
MAX_UDP_PAYLOAD_V4 = 65_507
MAX_UDP_PAYLOAD_V6 = 65_527
UDP_FRAGMENT_WARNING_BYTES = 1_400  # above this, a datagram is likely fragmented on Ethernet


@dataclass(frozen=True, slots=True)
class Hello:
    """First frame on a TCP connection."""

    nick: str
    peer: str
    app: str


@dataclass(frozen=True, slots=True)
class Msg:
    """A chat message; ``seq`` counts per sender from 1, ``ts`` is the sender's clock."""

    peer: str
    seq: int
    ts: float
    nick: str
    text: str


@dataclass(frozen=True, slots=True)
class Ack:
    """Receipt of a ``Msg``: ``peer``/``seq``/``ts`` copied from it."""

    peer: str
    seq: int
    ts: float


@dataclass(frozen=True, slots=True)
class Roster:
    """Host to clients: who is in the room."""

    nicks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Join:
    """Host to clients: someone joined."""

    nick: str


@dataclass(frozen=True, slots=True)
class Leave:
    """Host to clients: someone left."""

    nick: str


@dataclass(frozen=True, slots=True)
class Ping:
    """Keep-alive and RTT probe."""

    ts: float


@dataclass(frozen=True, slots=True)
class Pong:
    """Answer to ``Ping`` with its ``ts``."""

    ts: float


@dataclass(frozen=True, slots=True)
class Bye:
    """Orderly goodbye."""

    reason: str


@dataclass(frozen=True, slots=True)
class ErrorFrame:
    """The other side refused something (wire type ``error``)."""

    reason: str


Frame = Hello | Msg | Ack | Roster | Join | Leave | Ping | Pong | Bye | ErrorFrame


@dataclass(frozen=True, slots=True)
class IgnoredFrame:
    """A version-1 object of a type this version does not know: ignored (forward compatible)."""

    type: str


@dataclass(frozen=True, slots=True)
class RawText:
    """Bytes that are not a chatgui frame, decoded with the chosen encoding (invalid bytes replaced)."""

    text: str
    data: bytes
