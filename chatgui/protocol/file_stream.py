r"""A file transfer's data connection: one get line, one answer line, then raw bytes.

The receiver connects (TCP) to the sender and sends one ``file-get`` line naming the
offer, its secret token and the offset it already has, and optionally (``nick``) the
receiver's nick in the room, so the sender can say who it is sending to (a claim: the sender
shows it only where the room knows that nick, beside the address). The sender answers one
``file-data`` line followed by exactly ``size - offset`` raw bytes, or one
``file-refused`` line, and closes. Every line is a JSON object ending in ``\n``, at most
``MAX_HEAD_BYTES`` bytes including the ending; anything else is refused.

Pure: bytes in, values out, bytes out (no socket, thread or clock).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import orjson

from chatgui.protocol.errors import LineTooLong, LocalProtocolError, RemoteProtocolError
from chatgui.protocol.names import MAX_NICK_CHARS, clean_nick

PROTOCOL_VERSION: Final = 1
MAX_HEAD_BYTES: Final = 512
"""The longest get / data / refused line, its newline included."""
MAX_FILE_SIZE: Final = 2**53
"""The largest size or offset (JSON numbers stay exact up to here everywhere)."""
MAX_REASON_CHARS: Final = 32
MAX_GET_NICK_CHARS: Final = MAX_NICK_CHARS
"""The longest ``nick`` on a get line, in characters as sent (before cleaning)."""
REFUSED_REASONS: Final = frozenset({"unknown", "cancelled", "busy", "offset", "changed"})
"""The reasons a sender gives. ``changed``: the file changed on disk since it was offered.

A receiver accepts any other reason of the same shape (a newer sender may know more) and
treats it as a refusal it cannot explain.
"""

_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")
_REASON = re.compile(r"[a-z-]{1,32}")


class BadStreamLine(RemoteProtocolError):
    """The peer's get or answer line is not what the contract allows.

    Attributes:
        field: What was wrong: ``json`` (not a JSON object), ``v``, ``type`` or a field's name.
    """

    def __init__(self, field: str) -> None:
        super().__init__(f"bad data-connection line: {field}")
        self.field = field


@dataclass(frozen=True, slots=True)
class FileGet:
    """Receiver to sender: send offer ``id`` from byte ``offset`` (``token`` proves the offer was seen).

    ``nick``: the receiver's nick in the room, cleaned ("" = not said; older receivers never say it).
    """

    id: str
    token: str
    offset: int
    nick: str = ""


@dataclass(frozen=True, slots=True)
class FileData:
    """Sender to receiver: ``size - offset`` raw bytes of offer ``id`` follow this line."""

    id: str
    offset: int
    size: int


@dataclass(frozen=True, slots=True)
class FileRefused:
    """Sender to receiver: nothing follows; ``reason`` says why (see ``REFUSED_REASONS``)."""

    id: str
    reason: str


def is_offer_id(value: str) -> bool:
    """Whether ``value`` is a well-formed offer id (1–32 of ``[A-Za-z0-9_-]``)."""
    return _ID.fullmatch(value) is not None


def is_token(value: str) -> bool:
    """Whether ``value`` is a well-formed data-connection token (32–64 of ``[A-Za-z0-9_-]``)."""
    return _TOKEN.fullmatch(value) is not None


def _is_count(value: object) -> bool:
    return type(value) is int and 0 <= value <= MAX_FILE_SIZE


def _line(fields: dict[str, Any]) -> bytes:
    return orjson.dumps({"v": PROTOCOL_VERSION, **fields}) + b"\n"


def encode_get(get: FileGet) -> bytes:
    """The get line for ``get``.

    Raises:
        LocalProtocolError: A field is not what the contract allows.
    """
    if not is_offer_id(get.id) or not is_token(get.token) or not _is_count(get.offset):
        raise LocalProtocolError(f"not a valid file-get: {get!r}")
    if not isinstance(get.nick, str) or clean_nick(get.nick) != get.nick:
        raise LocalProtocolError(f"not a clean nick for a file-get: {get.nick!r}")
    fields: dict[str, Any] = {"type": "file-get", "id": get.id, "token": get.token, "offset": get.offset}
    if get.nick:
        fields["nick"] = get.nick
    return _line(fields)


def encode_data(data: FileData) -> bytes:
    """The line that starts the raw bytes.

    Raises:
        LocalProtocolError: A field is not what the contract allows.
    """
    valid = is_offer_id(data.id) and _is_count(data.offset) and _is_count(data.size)
    if not valid or data.offset > data.size:
        raise LocalProtocolError(f"not a valid file-data: {data!r}")
    return _line({"type": "file-data", "id": data.id, "offset": data.offset, "size": data.size})


def encode_refused(refused: FileRefused) -> bytes:
    """The refusal line (``reason`` one of ``REFUSED_REASONS``).

    Raises:
        LocalProtocolError: A field is not what the contract allows.
    """
    if not is_offer_id(refused.id) or refused.reason not in REFUSED_REASONS:
        raise LocalProtocolError(f"not a valid file-refused: {refused!r}")
    return _line({"type": "file-refused", "id": refused.id, "reason": refused.reason})


def _object(line: bytes) -> dict[str, Any]:
    if len(line) > MAX_HEAD_BYTES:
        raise BadStreamLine("size")
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError:
        raise BadStreamLine("json") from None
    if not isinstance(obj, dict):
        raise BadStreamLine("json")
    version = obj.get("v")
    if type(version) is not int or version != PROTOCOL_VERSION:
        raise BadStreamLine("v")
    return obj


def _text(obj: dict[str, Any], field: str, pattern: re.Pattern[str]) -> str:
    value = obj.get(field)
    if not isinstance(value, str) or pattern.fullmatch(value) is None:
        raise BadStreamLine(field)
    return value


def _count(obj: dict[str, Any], field: str) -> int:
    value = obj.get(field)
    if not isinstance(value, int) or not _is_count(value):
        raise BadStreamLine(field)
    return value


def parse_get(line: bytes) -> FileGet:
    r"""The get line a stranger sent (with or without its ``\n``); unknown fields are ignored.

    ``nick`` may be absent; present, it is text of at most ``MAX_GET_NICK_CHARS`` characters,
    returned cleaned (``clean_nick``: "" when nothing printable is left).

    Raises:
        BadStreamLine: Anything else than a well-formed ``file-get``.
    """
    obj = _object(line)
    if obj.get("type") != "file-get":
        raise BadStreamLine("type")
    get = FileGet(_text(obj, "id", _ID), _text(obj, "token", _TOKEN), _count(obj, "offset"))
    if "nick" not in obj:
        return get
    nick = obj["nick"]
    if not isinstance(nick, str) or len(nick) > MAX_GET_NICK_CHARS:
        raise BadStreamLine("nick")
    return FileGet(get.id, get.token, get.offset, clean_nick(nick))


def parse_answer(line: bytes) -> FileData | FileRefused:
    r"""The sender's answer line (with or without its ``\n``); unknown fields are ignored.

    Raises:
        BadStreamLine: Anything else than a well-formed ``file-data`` or ``file-refused``.
    """
    obj = _object(line)
    kind = obj.get("type")
    if kind == "file-refused":
        return FileRefused(_text(obj, "id", _ID), _text(obj, "reason", _REASON))
    if kind != "file-data":
        raise BadStreamLine("type")
    offset, size = _count(obj, "offset"), _count(obj, "size")
    if offset > size:
        raise BadStreamLine("offset")
    return FileData(_text(obj, "id", _ID), offset, size)


class HeadReader:
    r"""Collects the one line that starts a data connection, refused the moment it passes the limit.

    Feed bytes with ``receive_data`` until it returns the line (without ``\n``); the
    bytes that came after it are in ``rest`` (on the receiving side: the file's first bytes).
    """

    __slots__ = ("_buf", "_done", "limit", "rest")

    def __init__(self, limit: int = MAX_HEAD_BYTES) -> None:
        self.limit = limit
        self.rest = b""
        self._buf = bytearray()
        self._done = False

    def receive_data(self, data: bytes) -> bytes | None:
        r"""The complete line once its ``\n`` arrived, else None (more bytes needed).

        Raises:
            LineTooLong: ``limit`` bytes came without a line ending.
            LocalProtocolError: Called again after the line was complete.
        """
        if self._done:
            raise LocalProtocolError("the line was already complete")
        start = len(self._buf)
        self._buf += data
        end = self._buf.find(b"\n", start)
        if end < 0:
            if len(self._buf) >= self.limit:
                raise LineTooLong(self.limit)
            return None
        if end + 1 > self.limit:
            raise LineTooLong(self.limit)
        self._done = True
        self.rest = bytes(self._buf[end + 1 :])
        line = bytes(self._buf[:end])
        self._buf.clear()
        return line
