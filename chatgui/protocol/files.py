"""Files in the room: the ``file-offer`` and ``file-cancel`` frames, and names safe to save under.

An offer travels in the room like a ``msg``; the file itself goes over a separate TCP
connection from the receiver to the sender (``file_stream``). Every field is bounded on
receipt: a string over its bound is a ``BadFrame``, and so is a thumbnail that is not a
PNG or JPEG in base64 (``field="thumb"``, its size then possibly under the limit); a required
field missing or not of its form makes the object no frame at all (as for every other
type). The name is the sender's word and nothing more: a receiver saves under
:func:`safe_name` of it, never under it.
"""

from __future__ import annotations

import base64
import ipaddress
import re
import secrets
import unicodedata
from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from chatgui.protocol.bounds import MAX_NICK_BYTES, MAX_PEER_BYTES, OverBound, bounded, utf8_size
from chatgui.protocol.errors import LocalProtocolError
from chatgui.protocol.printable import needs_escape

MAX_FILE_ID_CHARS = 32
MAX_FILE_NAME_BYTES = 1024  # the name as the sender gave it; a saved name is shorter (``safe_name``)
MAX_FILE_SIZE = 2**53  # what every JSON implementation reads exactly
MAX_MIME_BYTES = 128
MIN_TOKEN_CHARS = 32
MAX_TOKEN_CHARS = 64
MAX_ADDR_BYTES = 64
MAX_THUMB_CHARS = 12_288  # base64 on the wire ...
MAX_THUMB_BYTES = MAX_THUMB_CHARS // 4 * 3  # ... at most 9,216 bytes of PNG or JPEG
SHA256_HEX_CHARS = 64

_WORD = re.compile(r"[A-Za-z0-9_-]+")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_THUMB_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


@dataclass(frozen=True, slots=True)
class FileOffer:
    """A member offers a file to the room (wire type ``file-offer``).

    ``id`` names the offer (random, 1–32 of ``[A-Za-z0-9_-]``); ``name`` is the file's name
    as the sender gave it (clean it with :func:`safe_name` before any use); ``sha256`` is the
    whole file's digest in lowercase hex. A receiver connects to ``port`` at ``addr`` (an IP
    address a TCP host stamps when relaying; "" means the datagram's source) and proves
    itself with ``token``. ``nick`` is stamped by a TCP host; ``thumb`` holds a PNG or JPEG
    thumbnail (base64 on the wire, at most ``MAX_THUMB_BYTES``), b"" for none.
    """

    peer: str
    id: str
    name: str
    size: int
    sha256: str
    mime: str
    port: int
    token: str
    addr: str = ""
    nick: str = ""
    thumb: bytes = b""


@dataclass(frozen=True, slots=True)
class FileCancel:
    """The sender withdrew offer ``id`` (wire type ``file-cancel``): receivers stop and clean up."""

    peer: str
    id: str


FileFrame = FileOffer | FileCancel

FILE_TYPE_NAMES: dict[type[Any], str] = {FileOffer: "file-offer", FileCancel: "file-cancel"}
"""The wire type of each file frame (``frames`` dispatches on these)."""


class FileFieldInvalid(LocalProtocolError):
    """We tried to send a file frame a receiver would refuse or read differently.

    Attributes:
        type: The frame's wire type.
        field: The first field at fault.
    """

    def __init__(self, type_: str, field: str) -> None:
        super().__init__(f"{type_}: {field} is not valid")
        self.type = type_
        self.field = field


def new_offer_id() -> str:
    """A fresh random offer id (16 characters of ``[A-Za-z0-9_-]``)."""
    return secrets.token_urlsafe(12)


def new_token() -> str:
    """A fresh secret for an offer's data connections (43 characters of ``[A-Za-z0-9_-]``)."""
    return secrets.token_urlsafe(32)


# -- reading ---------------------------------------------------------------------------


class _Malformed(Exception):
    """A required field is missing or not of its form: the object is not a file frame."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _text(obj: dict[str, Any], key: str, limit: int) -> str:
    value = obj.get(key)
    if type(value) is not str:
        raise _Malformed(key)
    return bounded(value, key, limit)


def _word(obj: dict[str, Any], key: str, low: int, high: int) -> str:
    value = _text(obj, key, high)  # a valid word is ASCII: bytes are characters
    if len(value) < low or not _WORD.fullmatch(value):
        raise _Malformed(key)
    return value


def _integer(obj: dict[str, Any], key: str, low: int, high: int) -> int:
    value = obj.get(key)
    # bool is an int to Python, not to the wire format.
    if type(value) is not int or not low <= value <= high:
        raise _Malformed(key)
    return value


def _optional(obj: dict[str, Any], key: str, limit: int) -> str:
    value = obj.get(key)
    # Not text: ignored like an unknown field (a TCP host overwrites addr and nick anyway).
    return bounded(value, key, limit) if type(value) is str else ""


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _thumb(obj: dict[str, Any]) -> bytes:
    value = obj.get("thumb")
    if type(value) is not str or not value:
        return b""
    size = len(value)
    if size > MAX_THUMB_CHARS:
        raise OverBound("thumb", size, MAX_THUMB_CHARS)
    try:
        data = base64.b64decode(value, validate=True)
    except ValueError:  # binascii.Error, or a character that is not ASCII
        raise OverBound("thumb", size, MAX_THUMB_CHARS) from None
    if not data.startswith(_THUMB_MAGIC):
        # A thumbnail is a picture a window may decode: anything else is refused outright.
        raise OverBound("thumb", size, MAX_THUMB_CHARS)
    return data


def _read(kind: str, obj: dict[str, Any]) -> FileOffer | FileCancel:
    peer = _text(obj, "peer", MAX_PEER_BYTES)
    offer_id = _word(obj, "id", 1, MAX_FILE_ID_CHARS)
    if kind == "file-cancel":
        return FileCancel(peer, offer_id)
    name = _text(obj, "name", MAX_FILE_NAME_BYTES)
    size = _integer(obj, "size", 0, MAX_FILE_SIZE)
    sha256 = _text(obj, "sha256", SHA256_HEX_CHARS)
    if not _SHA256.fullmatch(sha256):
        raise _Malformed("sha256")
    mime = _text(obj, "mime", MAX_MIME_BYTES)
    port = _integer(obj, "port", 1, 65535)
    token = _word(obj, "token", MIN_TOKEN_CHARS, MAX_TOKEN_CHARS)
    addr = _optional(obj, "addr", MAX_ADDR_BYTES)
    nick = _optional(obj, "nick", MAX_NICK_BYTES)
    addr = addr if _is_ip(addr) else ""  # never a name to resolve: an address or nothing
    return FileOffer(peer, offer_id, name, size, sha256, mime, port, token, addr, nick, _thumb(obj))


def build_file_frame(kind: str, obj: dict[str, Any]) -> FileOffer | FileCancel | None:
    """The file frame of wire type ``kind`` in the untrusted object ``obj``; None if it is not one.

    Raises:
        OverBound: a field is over its bound, or ``thumb`` is not a PNG or JPEG in base64
            (``frames`` makes it a ``BadFrame``).
    """
    try:
        return _read(kind, obj)
    except _Malformed:
        return None


# -- writing ---------------------------------------------------------------------------


def prepare_file_frame(frame: FileOffer | FileCancel, obj: dict[str, Any]) -> None:
    """Make ``obj`` (``frame``'s fields, as ``encode_frame`` collected them) ready for the wire.

    Empty optional fields are left out and the thumbnail becomes base64. The result is read
    back by the receiver's rules: what cannot come back as ``frame`` is not sent.

    Raises:
        FileFieldInvalid: a field is over its bound or not of its form.
    """
    kind = obj["type"]
    if type(frame) is FileOffer:
        for optional in ("addr", "nick", "thumb"):
            if not obj[optional]:
                del obj[optional]
        if "thumb" in obj:
            obj["thumb"] = base64.b64encode(frame.thumb).decode("ascii")
    try:
        back = _read(kind, obj)
    except (_Malformed, OverBound) as bad:
        raise FileFieldInvalid(kind, bad.name) from None
    for name in frame.__slots__:
        if getattr(back, name) != getattr(frame, name):  # e.g. an addr that is no IP address
            raise FileFieldInvalid(kind, name)


# -- names to save under ---------------------------------------------------------------

MIN_NAME_BYTES = 32
"""The smallest ``max_bytes`` :func:`safe_name` takes (room for a name and an extension)."""
_SEPARATORS = re.compile(r"[/\\]")
# Characters Windows forbids in a name; a colon is dropped (``C:`` is no drive letter then).
_FORBIDDEN = str.maketrans({'"': "_", "<": "_", ">": "_", "|": "_", "?": "_", "*": "_", ":": None})
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{port}{digit}" for port in ("com", "lpt") for digit in "123456789¹²³"]
)
_COMPOUND = (".tar",)  # "x.tar.gz" keeps ".tar.gz" whole when cut or numbered
_RISKY = frozenset(
    """
    .exe .msi .msp .bat .cmd .com .scr .pif .cpl .ps1 .psm1 .ps1xml .vbs .vbe .vb .js .jse .wsf .wsh
    .hta .jar .sh .bash .zsh .csh .ksh .command .app .apk .deb .rpm .py .pyw .pyz .pl .rb .php .lnk .url
    .reg .inf .dll .sys .msc .gadget .desktop .appimage .run .pkg .mpkg .dmg .scf .chm .iso .img
    .vhd .vhdx .docm .xlsm .pptm .xlam .dotm .application .workflow .action .elf .ko .so .dylib
    """.split()  # noqa: SIM905  # a word list reads best as words
)


def _trim(text: str) -> str:
    """``text`` without leading or trailing dots and white space."""
    while True:
        trimmed = text.strip().strip(".")
        if trimmed == text:
            return text
        text = trimmed


def _clean(raw: str) -> str:
    """The last path component of ``raw``, NFC, nothing invisible or forbidden, trimmed (not cut)."""
    text = "".join(char for char in unicodedata.normalize("NFC", raw) if not needs_escape(char))
    text = _SEPARATORS.split(text)[-1].translate(_FORBIDDEN)
    # Removing a character may leave two that compose: normalise again.
    return _trim(unicodedata.normalize("NFC", text))


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, at a character boundary."""
    if utf8_size(text, limit) <= limit:
        return text
    return text.encode("utf-8", "surrogatepass")[: max(limit, 0)].decode("utf-8", "ignore")


def _suffix(name: str, limit: int) -> str:
    """``name``'s extension (``.tar.gz`` whole), or "" when it has none of at most ``limit`` bytes."""
    dot = name.rfind(".")
    if dot <= 0:
        return ""
    for compound in _COMPOUND:
        start = dot - len(compound)
        if start > 0 and name[start:dot].casefold() == compound:
            dot = start
            break
    suffix = name[dot:]
    return suffix if utf8_size(suffix, limit) <= limit else ""


def _reserved(name: str) -> bool:
    """Whether Windows takes ``name`` for a device (``CON``, ``com1.txt``, ``LPT9.tar.gz``)."""
    return name.split(".", 1)[0].rstrip(" ").casefold() in _RESERVED


def safe_name(raw: str, *, max_bytes: int = 200) -> str:
    r"""A file name safe to create on Windows, macOS and Linux, made from a name off the network.

    The last component after ``/`` or ``\``, NFC, without control, bidi or invisible
    characters, Windows' forbidden ``<>"|?*`` (as ``_``) or colons (dropped), without leading
    or trailing dots and spaces (so never ``..`` nor hidden); a Windows device name (``CON``,
    ``lpt9.tar.gz``) gets a ``_`` in front; cut to ``max_bytes`` UTF-8 bytes keeping the
    extension. ``safe_name(safe_name(x)) == safe_name(x)``.

    Args:
        raw: The name as a sender gave it.
        max_bytes: The longest result, in UTF-8 bytes (at least ``MIN_NAME_BYTES``).

    Returns:
        The cleaned name; "file" when nothing is left.

    Raises:
        ValueError: ``max_bytes`` is under ``MIN_NAME_BYTES``.
    """
    if max_bytes < MIN_NAME_BYTES:
        raise ValueError(f"max_bytes must be at least {MIN_NAME_BYTES}")
    text = _clean(raw)
    if not text:
        return "file"
    suffix = _suffix(text, max_bytes // 4)
    budget = max_bytes - utf8_size(suffix, 0)
    stem = _cut(text[: len(text) - len(suffix)], budget)
    if _reserved(stem + suffix):
        stem = _cut("_" + stem, budget)  # starts with "_" now: never a device name again
    if not suffix:
        stem = _trim(stem)  # a cut may end on a dot or a space
    return stem + suffix


def is_risky(name: str) -> bool:
    """Whether opening a file of this name may run it: an executable, a script, an installer.

    Judged by the extension that counts once the name is cleaned (``a.pdf.exe``,
    ``a\u202etxt.exe`` and ``a.exe.`` are all risky). The window warns; nothing opens itself.
    """
    text = _clean(name)
    dot = text.rfind(".")
    return dot > 0 and text[dot:].casefold() in _RISKY


def _key(name: str) -> str:
    """What two names in one folder are compared by: many file systems ignore case and form."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def unique_name(folder_names: Set[str], wanted: str, *, max_bytes: int = 200) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)`` ... before the extension, whichever is free.

    Args:
        folder_names: The names already in the folder (compared ignoring case and
            Unicode form, as Windows and macOS do).
        wanted: A name from :func:`safe_name` with the same ``max_bytes``.
        max_bytes: The longest result, in UTF-8 bytes.

    Returns:
        A name not in ``folder_names``, as long as ``wanted`` at most: ``photo (2).png``.
    """
    taken = {_key(name) for name in folder_names}
    if _key(wanted) not in taken:
        return wanted
    suffix = _suffix(wanted, max_bytes // 4)
    stem = wanted[: len(wanted) - len(suffix)]
    number = 2
    while True:
        mark = f" ({number})"
        candidate = _cut(stem, max_bytes - utf8_size(suffix, 0) - len(mark)) + mark + suffix
        if _key(candidate) not in taken:
            return candidate
        number += 1
