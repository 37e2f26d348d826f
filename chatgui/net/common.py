"""What every endpoint shares: fast ``ChatReceived`` building, refused-text problems, wire reasons."""

from __future__ import annotations

from chatgui.events import ChatReceived, Problem, ProblemOccurred, Severity
from chatgui.protocol.errors import NotEncodable, TextTooLong

_new = object.__new__
_set_nick, _set_text, _set_sender, _set_peer, _set_seq, _set_ts = (
    getattr(ChatReceived, name).__set__ for name in ("nick", "text", "sender", "peer", "seq", "ts")
)
assert ChatReceived.__slots__ == ("nick", "text", "sender", "peer", "seq", "ts")  # what chat_received sets


def chat_received(nick: str, text: str, sender: str, peer: str, seq: int, ts: float) -> ChatReceived:
    """``ChatReceived(nick, text, sender, peer, seq, ts)``, made in half the time.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
    under a flood (one event per message, on the worker thread that shares the GIL with
    the GUI) writing the slots directly is a measurable saving. The result is an
    ordinary, equal ``ChatReceived``.
    """
    event: ChatReceived = _new(ChatReceived)
    _set_nick(event, nick)
    _set_text(event, text)
    _set_sender(event, sender)
    _set_peer(event, peer)
    _set_seq(event, seq)
    _set_ts(event, ts)
    return event


def host_part(address: str) -> str:
    """The host of "host:port" or "[v6]:port"."""
    return address.rsplit(":", 1)[0]


def local_problem(exc: TextTooLong | NotEncodable | Exception) -> ProblemOccurred:
    """The event for text we refused to send (a ``LocalProtocolError``)."""
    if isinstance(exc, TextTooLong):
        return ProblemOccurred(Problem.TEXT_TOO_LONG, Severity.WARNING, size=exc.size, limit=exc.limit)
    if isinstance(exc, NotEncodable):
        return ProblemOccurred(Problem.NOT_ENCODABLE, Severity.WARNING, encoding=exc.encoding)
    return ProblemOccurred(Problem.OS_ERROR, Severity.WARNING, detail=str(exc))


# The words a private room's refusals use on the wire (English, as every ``error`` reason):
# the other end recognises them to say the matching sentence in its user's language.
ROOM_PRIVATE_REASON = "this room is private: join with its passphrase"
"""A host with a passphrase to a chatgui that said hello without one."""
ROOM_NOT_PRIVATE_REASON = "this room has no passphrase"
"""A host without a passphrase to a chatgui that began a private-room handshake."""
PASSPHRASE_MISMATCH_REASON = "the passphrase does not match this room's; closing"
"""A host whose handshake with a member failed its key confirmation."""
PRIVATE_PLAIN_LINE = b"This room is private: join it with chatgui and its passphrase\n"
"""What a plain client (nc, a tutorial script) of a private room reads before the host closes."""
LINE_TOO_LONG_REASON = "line too long (over {limit} bytes); closing"
"""What either end says before closing a connection that sent a line over ``limit`` bytes."""
HANDSHAKE_TIMEOUT_SECONDS = 5.0
"""How long a member waits for a private room's handshake when ``connect_timeout`` is not set."""
