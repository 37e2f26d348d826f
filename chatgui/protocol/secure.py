r"""Private rooms: passphrases, the TCP handshake and sealed TCP lines. Pure, no I/O.

Bytes in, bytes out: no socket, thread, Qt or clock. Randomness comes from ``os.urandom``
and ``secrets``, or from an ``entropy`` argument in tests. Every primitive is a library's
(``cryptography``: ChaCha20-Poly1305, HKDF-SHA256, HMAC-SHA256, scrypt; ``spake2``: the
password-authenticated key exchange magic-wormhole uses); this module only wires them up.
Sealed UDP datagrams, which share its passphrases, keys and errors, are in ``secure_datagrams.py``.

**TCP: SPAKE2, then key confirmation.** A recorded TCP session must not let a listener
test passphrases offline, so the passphrase never meets a hash an eavesdropper can see:
both ends run symmetric SPAKE2 (``idSymmetric=b"chatgui-room-v1"``) and each sends its
message as one JSON line ``{"v":1,"type":"pake","msg":<base64>}``. A chatgui that does not
know private rooms sees a frame of an unknown type and ignores it. Guessing needs a live
connection per guess (the host slows those down). From SPAKE2's shared key, HKDF-SHA256
derives five separate values, one ``info`` label each: the host->member and member->host
ChaCha20-Poly1305 keys, one confirmation key per direction and the room code. Each end then
sends ``{"v":1,"type":"confirm","mac":<base64>}``, an HMAC-SHA256 under its direction's
confirmation key over a direction label and both SPAKE2 messages (host's first); the other
end compares in constant time. A mismatch can only mean a different passphrase (or someone
in the middle, who is then stopped): ``PassphraseMismatch``, on both ends, since each checks
the other's confirmation (a member sends its own on the host's ``pake``, before it reads the
host's), within one round trip. A wrong guess costs a connection and teaches one bit, as
with any PAKE. Nothing is sealed before the peer's confirmation checked out.
Either end may send its ``pake`` first; a ``Handshake`` that receives the peer's ``pake``
before ``start()`` answers with its own ``pake`` and ``confirm`` at once. **The host should
wait for the member's first line** (``is_handshake_line``): a plain client (``nc``, a
tutorial script, a chatgui without the passphrase) is then told in plain text that the room
is private, and a ``pake`` is never sent to someone who cannot use it.

**Sealed lines.** Each direction has its own key and a 96-bit big-endian counter nonce
from 0 (a key never sees a nonce twice; ``seal`` refuses past 2**64 - 1 lines).
``ChaCha20Poly1305(key).encrypt(nonce, line, b"chatgui-tcp-v1")`` goes on the wire as
base64url without padding plus ``\n``: never ``{`` first, never a ``\n`` inside, so the
line framer stays as it is. ``open`` expects the next counter: TCP is in order, so a
replayed, reordered, dropped or changed line fails, and a channel that refused one line
refuses every later one (the connection must close). Base64 grows 4/3: a plaintext line of
at most ``MAX_SEALED_PLAINTEXT_BYTES`` (48 KiB - 32) seals to at most
``MAX_SEALED_LINE_BYTES`` (65,516 with ``\n``), under the framer's 64 KiB; the net layer
keeps its plaintext lines under that (``encode_relay(msg, MAX_SEALED_PLAINTEXT_BYTES + 1)``).

**Passphrases** are NFKC-normalised (the same words typed on any system give the same
bytes) and at most ``MAX_PASSPHRASE_CHARS`` characters. ``generate_passphrase`` draws four
words with ``secrets`` from the list in ``words.py`` (about 41 bits).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
import secrets
import unicodedata
from collections.abc import Callable
from enum import Enum
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from chatgui.protocol.errors import LocalProtocolError, RemoteProtocolError
from chatgui.protocol.frames import PROTOCOL_VERSION
from chatgui.protocol.words import WORDS

MAX_PASSPHRASE_CHARS: Final = 256
"""The longest passphrase accepted, in characters (before normalisation)."""

PASSPHRASE_WORDS: Final = 4
"""How many words ``generate_passphrase`` joins."""

KEY_BYTES: Final = 32
PAKE_ID: Final = b"chatgui-room-v1"
TCP_AAD: Final = b"chatgui-tcp-v1"

MAX_COUNTER: Final = 2**64 - 1
"""The last counter a key seals with (TCP lines and UDP datagrams alike)."""

TAG_BYTES: Final = 16
MAX_SEALED_PLAINTEXT_BYTES: Final = 48 * 1024 - 32
"""The longest plaintext line ``SecureChannel.seal`` takes (without its ``\\n``)."""
MAX_SEALED_LINE_BYTES: Final = -(-(MAX_SEALED_PLAINTEXT_BYTES + TAG_BYTES) * 4 // 3) + 1
"""The longest sealed line, ``\\n`` included (65,516: under the framer's ``MAX_LINE_BYTES``)."""

MAX_HANDSHAKE_LINE_BYTES: Final = 1024
"""A handshake line is about 80 bytes; a longer one is refused before it is parsed."""
_PAKE_MSG_BYTES: Final = 33  # SPAKE2's side byte and an Ed25519 point
_MAC_BYTES: Final = 32
_ROOM_CODE_DIGITS: Final = 8

Entropy = Callable[[int], bytes]


class SecureError(RemoteProtocolError):
    """A sealed line or datagram did not open: changed, forged, replayed or under another key."""


class PassphraseMismatch(RemoteProtocolError):
    """The handshake's key confirmation failed: the two ends used different passphrases."""


class RoomNotPrivate(RemoteProtocolError):
    """While waiting for the peer's ``pake``, a chat frame came: the other end is a plain room."""


class PlaintextTooLong(LocalProtocolError):
    """A line to seal is longer than ``MAX_SEALED_PLAINTEXT_BYTES``.

    Attributes:
        size: The line's size in bytes.
        limit: The largest size allowed.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"line of {size} bytes is over the sealing limit of {limit} bytes")
        self.size = size
        self.limit = limit


class CounterExhausted(LocalProtocolError):
    """A key has sealed 2**64 times; its nonces would repeat (start a new session)."""


def normalised_passphrase(passphrase: str) -> bytes:
    """``passphrase`` as the bytes keys are derived from (NFKC, UTF-8).

    Raises:
        ValueError: If ``passphrase`` is empty or too long.
    """
    if not passphrase:
        raise ValueError("a private room needs a passphrase")
    if len(passphrase) > MAX_PASSPHRASE_CHARS:
        raise ValueError(f"a passphrase has at most {MAX_PASSPHRASE_CHARS} characters")
    return unicodedata.normalize("NFKC", passphrase).encode("utf-8")


def generate_passphrase() -> str:
    """Propose a strong passphrase that is easy to say: four common words, e.g. "maple-river-candle-orbit".

    Returns:
        Four words of ``words.WORDS`` chosen with ``secrets``, joined by ``-``.
    """
    return "-".join(secrets.choice(WORDS) for _ in range(PASSPHRASE_WORDS))


def hkdf(key: bytes, info: bytes, length: int = KEY_BYTES) -> bytes:
    """HKDF-SHA256 of ``key`` with no salt: one separate key per ``info`` label."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(key)


# --- TCP: the handshake ------------------------------------------------------------------


def _handshake_line(kind: str, field: str, value: bytes) -> bytes:
    obj = {"v": PROTOCOL_VERSION, "type": kind, field: base64.b64encode(value).decode("ascii")}
    return json.dumps(obj, separators=(",", ":")).encode("ascii") + b"\n"


def _parse_handshake_line(line: bytes) -> tuple[str, bytes]:
    """Read one handshake line: ("pake", message) or ("confirm", mac).

    Raises:
        RoomNotPrivate: ``line`` is a version-1 frame of another type.
        RemoteProtocolError: ``line`` is anything else.
    """
    if len(line) > MAX_HANDSHAKE_LINE_BYTES:
        raise RemoteProtocolError(f"handshake line over {MAX_HANDSHAKE_LINE_BYTES} bytes")
    try:
        obj = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise RemoteProtocolError("handshake line is not JSON") from exc
    if type(obj) is not dict or type(obj.get("v")) is not int or obj["v"] != PROTOCOL_VERSION:
        raise RemoteProtocolError("handshake line is not a version-1 frame")
    kind = obj.get("type")
    if kind == "pake":
        field, size = "msg", _PAKE_MSG_BYTES
    elif kind == "confirm":
        field, size = "mac", _MAC_BYTES
    else:
        raise RoomNotPrivate(f"a {kind!r} frame came instead of the handshake")
    text = obj.get(field)
    if type(text) is not str:
        raise RemoteProtocolError(f"handshake {kind} without its {field}")
    try:
        value = base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error) as exc:  # non-ASCII text is a ValueError
        raise RemoteProtocolError(f"handshake {field} is not base64") from exc
    if len(value) != size:
        raise RemoteProtocolError(f"handshake {field} of {len(value)} bytes, not {size}")
    return kind, value


def is_handshake_line(line: bytes) -> bool:
    r"""Whether ``line`` (one line, without ``\n``) is a private-room client's first line, a ``pake``.

    Never raises: any bytes at all give ``True`` or ``False``.
    """
    try:
        kind, _ = _parse_handshake_line(line)
    except RemoteProtocolError:
        return False
    return kind == "pake"


class _State(Enum):
    NEW = "new"  # nothing sent, nothing received
    STARTED = "started"  # our pake sent, waiting for theirs
    CONFIRMING = "confirming"  # pakes exchanged, our confirm sent, waiting for theirs
    DONE = "done"
    FAILED = "failed"


class Handshake:
    r"""One TCP connection's handshake: SPAKE2 symmetric, then key confirmation. Sans-I/O.

    Feed every complete line the peer sends (without ``\n``) to ``receive_line`` and send
    whatever it returns, in order, before acting on a later error; once ``done``, the rest
    of the stream belongs to ``channel()``. Any error ends the handshake for good.

    Args:
        passphrase: The room's passphrase (1 to ``MAX_PASSPHRASE_CHARS`` characters).
        host: Whether this end hosts the room (the two ends must differ).
        entropy: Where SPAKE2's random scalar comes from (tests pass a fixed one).

    Raises:
        ValueError: If ``passphrase`` is empty or too long.
    """

    def __init__(self, passphrase: str, *, host: bool, entropy: Entropy = os.urandom) -> None:
        # spake2 builds its group parameters when imported (about 20 ms): only a private room pays.
        from spake2 import SPAKE2_Symmetric

        self._host = host
        self._spake = SPAKE2_Symmetric(
            normalised_passphrase(passphrase), idSymmetric=PAKE_ID, entropy_f=entropy
        )
        self._state = _State.NEW
        self._ours = b""
        self._expected_mac = b""
        self._room_code = ""
        self._keys = (b"", b"")
        self._channel: SecureChannel | None = None

    @property
    def done(self) -> bool:
        """True once the peer's confirmation checked out: ``channel()`` and ``room_code`` are ready."""
        return self._state is _State.DONE

    @property
    def room_code(self) -> str:
        """A code both ends show, e.g. "4821 0937" (someone in the middle would see another).

        Raises:
            LocalProtocolError: Before ``done``.
        """
        self._require_done()
        return self._room_code

    def start(self) -> bytes:
        r"""The first line to send (ends with ``\n``). Call it at most once, before any line came.

        Raises:
            LocalProtocolError: If the handshake has already started.
        """
        if self._state is not _State.NEW:
            raise LocalProtocolError("the handshake has already started")
        self._state = _State.STARTED
        self._ours = self._spake.start()
        return _handshake_line("pake", "msg", self._ours)

    def receive_line(self, line: bytes) -> bytes:
        r"""Take one complete line from the peer (without ``\n``).

        Returns:
            The bytes to send now (whole lines, or ``b""`` for none).

        Raises:
            PassphraseMismatch: The peer's confirmation does not match (another passphrase).
            RoomNotPrivate: The peer sent a chat frame where its ``pake`` belonged.
            RemoteProtocolError: Anything else: garbage, a line out of order, a line after
                the handshake ended.
        """
        if self._state is _State.DONE:  # the stream belongs to the channel now; the keys stay
            raise RemoteProtocolError("a line after the handshake ended (done)")
        try:
            return self._receive(line)
        except RemoteProtocolError:
            self._state = _State.FAILED
            raise

    def channel(self) -> SecureChannel:
        """The sealed channel for the rest of the connection (the same one on every call).

        Raises:
            LocalProtocolError: Before ``done``.
        """
        self._require_done()
        if self._channel is None:
            self._channel = SecureChannel(*self._keys)
        return self._channel

    def _require_done(self) -> None:
        if self._state is not _State.DONE:
            raise LocalProtocolError("the handshake has not finished")

    def _receive(self, line: bytes) -> bytes:
        if self._state is _State.FAILED:
            raise RemoteProtocolError("a line after the handshake ended (failed)")
        kind, value = _parse_handshake_line(line)
        if self._state is _State.CONFIRMING:
            if kind != "confirm":
                raise RemoteProtocolError("a second pake")
            if not hmac.compare_digest(value, self._expected_mac):
                raise PassphraseMismatch("the peer's key confirmation does not match")
            self._state = _State.DONE
            return b""
        if kind != "pake":
            raise RemoteProtocolError("a confirm before the pake")
        out = self.start() if self._state is _State.NEW else b""
        try:
            key = self._spake.finish(value)
        # spake2 is untyped pure Python whose checks raise its own errors, ValueError,
        # NotOnCurve (an Exception) or AssertionError: every one is a bad peer message.
        except Exception as exc:
            raise RemoteProtocolError("the peer's pake message is not valid") from exc
        host_msg, member_msg = (self._ours, value) if self._host else (value, self._ours)
        transcript = host_msg + member_msg
        to_member = hkdf(key, b"chatgui-tcp-v1 host->member key")
        to_host = hkdf(key, b"chatgui-tcp-v1 member->host key")
        confirm_host = hkdf(key, b"chatgui-tcp-v1 host confirmation")
        confirm_member = hkdf(key, b"chatgui-tcp-v1 member confirmation")
        code = int.from_bytes(hkdf(key, b"chatgui-tcp-v1 room code", 8), "big") % 10**_ROOM_CODE_DIGITS
        self._room_code = f"{code // 10**4:04d} {code % 10**4:04d}"
        host_mac = hmac.digest(confirm_host, b"host->member" + transcript, "sha256")
        member_mac = hmac.digest(confirm_member, b"member->host" + transcript, "sha256")
        if self._host:
            self._keys = (to_member, to_host)
            ours, self._expected_mac = host_mac, member_mac
        else:
            self._keys = (to_host, to_member)
            ours, self._expected_mac = member_mac, host_mac
        self._state = _State.CONFIRMING
        return out + _handshake_line("confirm", "mac", ours)


# --- TCP: sealed lines -------------------------------------------------------------------


def _nonce(counter: int) -> bytes:
    return counter.to_bytes(12, "big")


class SecureChannel:
    r"""A TCP connection after the handshake: one key and one counter per direction.

    Args:
        send_key: The 32-byte key of the lines this end sends.
        receive_key: The 32-byte key of the lines the peer sends.

    Raises:
        ValueError: If a key is not 32 bytes.
    """

    def __init__(self, send_key: bytes, receive_key: bytes) -> None:
        if len(send_key) != KEY_BYTES or len(receive_key) != KEY_BYTES:
            raise ValueError(f"keys are {KEY_BYTES} bytes")
        self._send = ChaCha20Poly1305(send_key)
        self._receive = ChaCha20Poly1305(receive_key)
        self._send_counter = 0
        self._receive_counter = 0
        self._broken = False

    def seal(self, line: bytes) -> bytes:
        r"""Seal one plaintext line (without ``\n``) as one line to send (with ``\n``; never ``{`` first).

        Raises:
            PlaintextTooLong: If ``line`` is over ``MAX_SEALED_PLAINTEXT_BYTES``.
            CounterExhausted: After 2**64 lines (never in practice).
        """
        if len(line) > MAX_SEALED_PLAINTEXT_BYTES:
            raise PlaintextTooLong(len(line), MAX_SEALED_PLAINTEXT_BYTES)
        if self._send_counter > MAX_COUNTER:
            raise CounterExhausted("this connection has sealed 2**64 lines")
        sealed = self._send.encrypt(_nonce(self._send_counter), line, TCP_AAD)
        self._send_counter += 1
        return base64.urlsafe_b64encode(sealed).rstrip(b"=") + b"\n"

    def open(self, sealed: bytes) -> bytes:
        r"""Open the peer's next sealed line (without ``\n``).

        Returns:
            The plaintext line.

        Raises:
            SecureError: The line is not the peer's next one, sealed under its key, unchanged
                (and then every later line fails too: close the connection).
        """
        if self._broken:
            raise SecureError("an earlier line did not open")
        try:
            return self._open(sealed)
        except SecureError:
            self._broken = True
            raise

    def _open(self, sealed: bytes) -> bytes:
        if len(sealed) >= MAX_SEALED_LINE_BYTES:
            raise SecureError(f"sealed line of {len(sealed)} bytes is over the limit")
        try:
            data = base64.b64decode(sealed + b"=" * (-len(sealed) % 4), altchars=b"-_", validate=True)
        except binascii.Error as exc:
            raise SecureError("sealed line is not base64url") from exc
        if base64.urlsafe_b64encode(data).rstrip(b"=") != sealed:
            raise SecureError("sealed line is not canonical base64url")
        try:
            line = self._receive.decrypt(_nonce(self._receive_counter), data, TCP_AAD)
        except InvalidTag as exc:
            raise SecureError("sealed line is changed, out of order or under another key") from exc
        self._receive_counter += 1
        return line
