r"""Wire format version 1: chat frames as JSON objects, UTF-8.

On TCP each frame is one line ending in ``\n``; on UDP each frame is one datagram.
Anything that is not a version-1 JSON object is raw text from the peer.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any, NoReturn

import orjson

from chatgui.protocol.bounds import MAX_NICK_BYTES as MAX_NICK_BYTES
from chatgui.protocol.bounds import MAX_PEER_BYTES as MAX_PEER_BYTES
from chatgui.protocol.bounds import OverBound as _OverBound
from chatgui.protocol.bounds import bounded as _bounded
from chatgui.protocol.bounds import utf8_size as utf8_size
from chatgui.protocol.errors import LocalProtocolError, TextTooLong
from chatgui.protocol.files import (
    FILE_TYPE_NAMES,
    FileCancel,
    FileFrame,
    FileOffer,
    build_file_frame,
    prepare_file_frame,
)

PROTOCOL_VERSION = 1
MAX_LINE_BYTES = 64 * 1024  # a TCP line longer than this closes the connection
MAX_TEXT_BYTES = 16 * 1024  # a chat text (UTF-8 bytes) longer than this is refused before sending
MAX_UDP_PAYLOAD_V4 = 65_507
MAX_UDP_PAYLOAD_V6 = 65_527
UDP_FRAGMENT_WARNING_BYTES = 1_400  # above this, a datagram is likely fragmented on Ethernet
# Every string field has a bound checked on receipt (UTF-8 bytes); a frame over one is a
# ``BadFrame``: the sender is told and, on TCP, disconnected. A cleaned nick is shorter still
# (``names.MAX_NICK_CHARS``); the wire bound leaves room for what cleaning removes.
MAX_APP_BYTES = 64
MAX_ROOM_ID_BYTES = 64  # welcome's optional ``room``: the host's stable room identity
MAX_ROOM_NAME_BYTES = 256  # welcome's optional ``name``: the room's name as the host calls it
MAX_REASON_BYTES = 1024
MAX_ROSTER_NICKS = 1024
MAX_TYPE_CHARS = 64  # an unknown type's name is kept (``IgnoredFrame``) up to this length


@dataclass(frozen=True, slots=True)
class Hello:
    """First frame on a TCP connection; presence in a UDP broadcast or multicast room."""

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
    """Receipt of a ``Msg``: ``peer``/``seq``/``ts`` copied from it.

    ``also`` lists more sequence numbers of the same sender acknowledged at once (wire
    field ``also``, sent only when non-empty, at most ``MAX_ACK_ALSO`` of them): one
    datagram answers a burst instead of one per message.
    """

    peer: str
    seq: int
    ts: float
    also: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Welcome:
    """Host to a member, after its Hello: the name it has in this room (taken names get a suffix).

    ``room`` is the host's stable identity for this room and ``name`` the room's name (both
    optional: "" is not sent, and older hosts send neither); a member keeps one history per
    room identity however it reached the host.
    """

    nick: str
    room: str = ""
    name: str = ""


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


Frame = Hello | Msg | Ack | Roster | Join | Leave | Ping | Pong | Bye | ErrorFrame | Welcome | FileFrame


@dataclass(frozen=True, slots=True)
class BadFrame:
    """A version-1 frame of a known type with a field over its bound: refused, not shown.

    ``field`` names it (``nicks`` for the count of a roster), ``size`` is what came,
    ``limit`` the most allowed.
    """

    type: str
    field: str
    size: int
    limit: int


@dataclass(frozen=True, slots=True)
class IgnoredFrame:
    """A version-1 object of a type this version does not know: ignored (forward compatible)."""

    type: str


@dataclass(frozen=True, slots=True)
class RawText:
    r"""Bytes that are not a chatgui frame, decoded with the chosen encoding (invalid bytes replaced).

    ``data`` is the line without its ending (TCP) or the whole datagram (UDP);
    ``ending`` is the line ending that was stripped (``b"\n"``, ``b"\r\n"`` or ``b""``
    for a tail), so an echo can give the peer back exactly what it sent.
    """

    text: str
    data: bytes
    ending: bytes = field(default=b"", compare=False)  # metadata: two lines say the same either way


Received = Frame | IgnoredFrame | BadFrame | RawText
"""What one line or datagram from a peer becomes."""

_TYPE_NAMES: dict[type[Any], str] = {
    Hello: "hello",
    Msg: "msg",
    Ack: "ack",
    Roster: "roster",
    Join: "join",
    Leave: "leave",
    Ping: "ping",
    Pong: "pong",
    Bye: "bye",
    ErrorFrame: "error",
    Welcome: "welcome",
    **FILE_TYPE_NAMES,
}
# One encoder for every frame: json.dumps with options builds a new encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_ASCII_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)
# Sequence numbers stay within what every JSON implementation reads exactly (IEEE doubles).
MAX_SEQ = 2**53
MAX_ACK_ALSO = 1024
"""Most sequence numbers one ``ack`` may list in ``also``; a longer list is not a valid frame."""
_WHITESPACE = b" \t\r\n"


def check_text(text: str) -> None:
    """Refuse a chat text that is over ``MAX_TEXT_BYTES`` once encoded as UTF-8.

    Args:
        text: The text about to be sent.

    Raises:
        TextTooLong: If the text is over the limit.
    """
    # A character is at most 4 UTF-8 bytes, so short texts need no encoding to be measured.
    if len(text) * 4 <= MAX_TEXT_BYTES:
        return
    # surrogatepass: a lone surrogate is still measured (as 3 bytes) rather than crashing here.
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise TextTooLong(size, MAX_TEXT_BYTES)


def encode_frame(frame: Frame) -> bytes:
    """Encode a frame as compact UTF-8 JSON with ``"v": 1``, without a line ending.

    Args:
        frame: The frame to send.

    Returns:
        The frame's bytes.

    Raises:
        TextTooLong: If ``frame`` is a ``Msg`` whose text is over ``MAX_TEXT_BYTES``.
        LocalProtocolError: If a number in the frame is not finite (JSON cannot carry it);
            ``files.FileFieldInvalid`` if a file frame holds a field a receiver would refuse.
    """
    kind = type(frame)
    if kind is Msg:
        check_text(frame.text)  # type: ignore[union-attr]  # narrowed by the exact type check
    obj: dict[str, Any] = {"v": PROTOCOL_VERSION, "type": _TYPE_NAMES[kind]}
    for name in frame.__slots__:
        obj[name] = getattr(frame, name)
    if kind is Ack:
        if not obj["also"]:
            del obj["also"]  # a lone receipt stays byte-for-byte what it always was
        elif len(obj["also"]) > MAX_ACK_ALSO:
            raise LocalProtocolError(f"an ack lists over {MAX_ACK_ALSO} more sequence numbers")
    elif kind is Welcome:
        for optional in ("room", "name"):
            if not obj[optional]:
                del obj[optional]  # old members see the welcome they always saw
    elif kind is FileOffer or kind is FileCancel:
        # Checked by the rules a receiver applies; the thumbnail goes as base64.
        prepare_file_frame(frame, obj)  # type: ignore[arg-type]  # narrowed by the exact type check
    ts = obj.get("ts")
    if type(ts) is float and not math.isfinite(ts):
        # orjson would write null; the stdlib encoder refused, and so do we.
        raise LocalProtocolError(f"{kind.__name__} holds a number that is not finite")
    try:
        return orjson.dumps(obj)
    except orjson.JSONEncodeError:
        pass  # a lone surrogate, or an int beyond 64 bits: the stdlib encoder takes both
    try:
        return _ENCODER.encode(obj).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (e.g. half of a pasted emoji) has no UTF-8 form; JSON's \u escape
        # carries it and reads back as the same string.
        return _ASCII_ENCODER.encode(obj).encode("ascii")


def _reject_constant(_name: str) -> NoReturn:
    """Make NaN and Infinity, which are not JSON, fail the parse."""
    raise ValueError("not JSON")


# The fallback decoder (see ``_loads``): json.loads with options builds a new decoder per call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _str(obj: dict[str, Any], key: str, limit: int) -> str | None:
    value = obj.get(key)
    return _bounded(value, key, limit) if isinstance(value, str) else None


def _seq(obj: dict[str, Any]) -> int | None:
    value = obj.get("seq")
    # bool is an int to Python, not to the wire format.
    if type(value) is int and 1 <= value <= MAX_SEQ:
        return value
    return None


def _also(obj: dict[str, Any]) -> tuple[int, ...] | None:
    if "also" not in obj:
        return ()
    value = obj["also"]
    if not isinstance(value, list) or len(value) > MAX_ACK_ALSO:
        return None
    for seq in value:
        if type(seq) is not int or not 1 <= seq <= MAX_SEQ:
            return None
    return tuple(value)


def _number(obj: dict[str, Any], key: str) -> float | None:
    value = obj.get(key)
    if type(value) is int:
        value = float(value) if abs(value) <= 2**1023 else None
    if type(value) is float and math.isfinite(value):
        return value
    return None


def _nicks(obj: dict[str, Any]) -> tuple[str, ...] | None:
    value = obj.get("nicks")
    if not isinstance(value, list) or not all(isinstance(nick, str) for nick in value):
        return None
    if len(value) > MAX_ROSTER_NICKS:
        raise _OverBound("nicks", len(value), MAX_ROSTER_NICKS)
    return tuple(_bounded(nick, "nick", MAX_NICK_BYTES) for nick in value)


def _msg(obj: dict[str, Any]) -> Msg | None:
    """The ``msg`` frame in ``obj`` (the hot path: one per chat line), or None."""
    get = obj.get
    peer, seq, ts, nick, text = get("peer"), get("seq"), get("ts"), get("nick"), get("text")
    # Parsed JSON holds exact str/int/float, so type() checks say what isinstance() would.
    if type(ts) is not float or not math.isfinite(ts):
        ts = _number(obj, "ts")
        if ts is None:
            return None
    if (
        type(peer) is not str
        or type(nick) is not str
        or type(text) is not str
        or type(seq) is not int
        or not 1 <= seq <= MAX_SEQ
    ):
        return None
    if len(text) * 4 > MAX_TEXT_BYTES:
        _bounded(text, "text", MAX_TEXT_BYTES)
    if len(peer) > MAX_PEER_BYTES // 4 or len(nick) > MAX_NICK_BYTES // 4:
        _bounded(peer, "peer", MAX_PEER_BYTES)
        _bounded(nick, "nick", MAX_NICK_BYTES)
    # Msg(peer, seq, ts, nick, text) with its slots written directly: a frozen dataclass's
    # __init__ goes through object.__setattr__ per field, twice the cost under a flood.
    msg: Msg = _new(Msg)
    _set_peer(msg, peer)
    _set_seq(msg, seq)
    _set_ts(msg, ts)
    _set_nick(msg, nick)
    _set_text(msg, text)
    return msg


_new = object.__new__
_set_peer, _set_seq, _set_ts, _set_nick, _set_text = (getattr(Msg, name).__set__ for name in Msg.__slots__)
assert Msg.__slots__ == ("peer", "seq", "ts", "nick", "text")  # what _msg sets


def _loads(payload: bytes) -> Any:
    """Parse JSON as the wire format always has (the stdlib's rules), fast.

    orjson reads every ordinary frame. It refuses a few inputs the stdlib accepts — a
    lone surrogate escape, a number too large for a double (then refused below anyway),
    nesting over 1024 — and those go to the stdlib decoder, so what is a frame does
    not depend on the parser. Returns None when neither can read the payload.
    """
    try:
        return orjson.loads(payload)
    except orjson.JSONDecodeError:
        pass
    try:
        return _DECODER.decode(payload.decode("utf-8"))
    except (ValueError, RecursionError):
        # ValueError covers bad UTF-8, bad JSON, NaN and integers over Python's digit limit;
        # RecursionError is the parser's answer to absurd nesting.
        return None


def _build(kind: str, obj: dict[str, Any]) -> Frame | IgnoredFrame | None:
    """Build the frame of wire type ``kind`` (``msg`` is ``_msg``'s) from ``obj``; None if a field is bad.

    Raises:
        _OverBound: a field is over its bound.
    """
    if kind in ("join", "leave", "welcome"):
        nick = _str(obj, "nick", MAX_NICK_BYTES)
        if nick is None:
            return None
        if kind == "welcome":
            # Optional: a value that is not text is ignored like an unknown field.
            room = _str(obj, "room", MAX_ROOM_ID_BYTES) or ""
            name = _str(obj, "name", MAX_ROOM_NAME_BYTES) or ""
            return Welcome(nick, room, name)
        return Join(nick) if kind == "join" else Leave(nick)
    if kind in ("ping", "pong"):
        ts = _number(obj, "ts")
        if ts is None:
            return None
        return Ping(ts) if kind == "ping" else Pong(ts)
    if kind in ("bye", "error"):
        reason = _str(obj, "reason", MAX_REASON_BYTES)
        if reason is None:
            return None
        return Bye(reason) if kind == "bye" else ErrorFrame(reason)
    if kind == "ack":
        peer, seq, ts, also = _str(obj, "peer", MAX_PEER_BYTES), _seq(obj), _number(obj, "ts"), _also(obj)
        if peer is None or seq is None or ts is None or also is None:
            return None
        return Ack(peer, seq, ts, also)
    if kind == "hello":
        nick = _str(obj, "nick", MAX_NICK_BYTES)
        peer = _str(obj, "peer", MAX_PEER_BYTES)
        app = _str(obj, "app", MAX_APP_BYTES)
        if nick is None or peer is None or app is None:
            return None
        return Hello(nick, peer, app)
    if kind == "roster":
        nicks = _nicks(obj)
        return None if nicks is None else Roster(nicks)
    if kind in FILE_TYPE_NAMES.values():
        return build_file_frame(kind, obj)
    return IgnoredFrame(kind[:MAX_TYPE_CHARS])


def parse_frame(payload: bytes) -> Frame | IgnoredFrame | BadFrame | None:
    r"""Read one frame from untrusted bytes (a line without its ``\n``, or a datagram).

    Never raises. Leading and trailing whitespace (a ``\r`` left by CRLF) is tolerated;
    unknown fields are ignored.

    Args:
        payload: The bytes as received.

    Returns:
        The frame; ``IgnoredFrame`` for a version-1 object of a type this version does not
        know; ``BadFrame`` for a known type with a field over its bound; None if the bytes
        are not a chatgui v1 frame (show them as raw text).
    """
    payload = payload.strip(_WHITESPACE)
    # Most raw text is rejected here, before any decoding or JSON parsing.
    if not payload.startswith(b"{"):
        return None
    return frame_from_object(_loads(payload))


def frame_from_object(obj: Any) -> Frame | IgnoredFrame | BadFrame | None:
    """The frame a parsed JSON value is (as ``parse_frame`` reads it); None if it is not one.

    Args:
        obj: What a JSON parser made of a payload (anything: it is untrusted).

    Returns:
        As ``parse_frame``: the frame, ``IgnoredFrame``, ``BadFrame``, or None.
    """
    if type(obj) is not dict or type(obj.get("v")) is not int or obj["v"] != PROTOCOL_VERSION:
        return None
    kind = obj.get("type")
    if not isinstance(kind, str):
        return None
    try:
        return _msg(obj) if kind == "msg" else _build(kind, obj)
    except _OverBound as over:
        return BadFrame(kind, over.name, over.size, over.limit)


def fit_text(text: str, limit: int) -> tuple[str, int]:
    """``text`` cut to at most ``limit`` UTF-8 bytes, at a character boundary.

    Returns:
        The kept text and how many bytes were cut (0 when it fitted).
    """
    size = utf8_size(text, limit)
    if size <= limit:
        return text, 0
    data = text.encode("utf-8", "surrogatepass")
    kept = data[:limit].decode("utf-8", "ignore")  # a character cut in half is dropped whole
    return kept, size - len(kept.encode("utf-8", "surrogatepass"))
