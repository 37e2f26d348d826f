"""What host and member share of a private TCP room: the handshake's step on a stream, its limits.

Both ends feed the peer's clear lines to a ``protocol.secure.Handshake`` the same way
(``handshake_step``), refuse raw mode the same way (``raw_refused``), and keep every line
they send within what one sealed line holds (``SEALED_LINE_LIMIT``).
"""

from __future__ import annotations

from chatgui.events import Problem, ProblemOccurred
from chatgui.net.endpoint import SessionContext
from chatgui.net.stream import Stream
from chatgui.protocol.frames import MAX_LINE_BYTES
from chatgui.protocol.secure import MAX_SEALED_PLAINTEXT_BYTES, Handshake

SEALED_LINE_LIMIT = MAX_SEALED_PLAINTEXT_BYTES + 1
"""The longest line (with its ``\\n``) a private room sends: one sealed line's plaintext."""


def line_limit(private: bool) -> int:
    """The longest line a room sends its members: a sealed line's in a private room."""
    return SEALED_LINE_LIMIT if private else MAX_LINE_BYTES


def raw_refused(ctx: SessionContext, passphrase: str, address: str) -> bool:
    """Fail the session (and say True) when a private room is asked for raw mode.

    Raw bytes cannot be sealed for a program that has no key; the window refuses it too.
    """
    if passphrase and ctx.settings.raw:
        ctx.failed(ProblemOccurred(Problem.ROOM_PRIVATE, address=address))
        return True
    return False


def handshake_step(stream: Stream, handshake: Handshake, line: bytes) -> bool:
    """Feed the peer's clear ``line`` to ``handshake``, send its answer, and seal ``stream`` when done.

    Returns:
        Whether the handshake is done (``stream.channel`` is set: every later line is sealed).

    Raises:
        RemoteProtocolError: What ``Handshake.receive_line`` raises (``PassphraseMismatch``,
            ``RoomNotPrivate`` or anything else the peer got wrong); nothing was sent.
    """
    reply = handshake.receive_line(line)
    if reply:
        stream.write(reply)  # still in clear: the channel comes after
    if not handshake.done:
        return False
    stream.channel = handshake.channel()
    return True
