r"""Private rooms' file data: the room's file key and the sealed records of a data connection. Pure.

Bytes in, bytes out, like ``secure.py`` (whose passphrases, errors and tag size it shares):
no socket, thread, Qt or clock. Every primitive is ``cryptography``'s (scrypt, HKDF-SHA256,
ChaCha20-Poly1305); this module only wires them up.

**The file key.** ``room_file_key(passphrase) = scrypt(NFKC(passphrase),
salt=b"chatgui-file-room-v1", n=2**16, r=8, p=1)``, the UDP room key's price with a salt of
its own. Why not reuse a chat key: a TCP private room has no key every member knows (SPAKE2
gives each host-member connection its own), yet file data goes straight from member to
member; and a salt of its own keeps the file key independent of a UDP room's key with the
same passphrase (neither scheme's counters can ever meet the other's key). Derive it once
per session, off the GUI thread and the worker loop (about 200 ms and 64 MiB).

**Per connection keys.** The offer's secret token (which travels only inside the room,
sealed) is mixed into every key: ``ikm = file_key + token``, so a recording of data
connections alone never lets anyone test passphrases offline (in a TCP room, SPAKE2 denies
that to the chat; files keep the promise). Both ends add 16 random bytes, so no two
connections of the same offer (several receivers, a resume) share a key:

- the receiver sends, in the clear, ``HELLO_MAGIC`` (``b"\xc5CF1\n"``: not UTF-8, and a
  plaintext ``FileServer`` reads it as a bad line and closes at once), its salt ``rs``, one
  length byte and the offer id (the sender must know which token to use before anything
  opens; the id is random and says nothing of the file), then one record flagged last:
  the get line under ``HKDF(ikm, salt=offer id, info=b"chatgui file v1 get" + rs)``;
- the sender opens that record before it answers anything (a wrong passphrase or token:
  it closes without a byte), then sends its salt ``ss`` in the clear and the records of
  its answer and the data under ``HKDF(ikm, salt=offer id, info=b"chatgui file v1 data" +
  rs + ss)``.

**Records.** A 4-byte big-endian header (bit 31: this is the last record; the rest: the
body's length) and the body ``ChaCha20Poly1305(key).encrypt(nonce, plaintext,
aad=header)``, ``nonce`` = the direction byte (1: to the sender, 2: to the receiver), three
zero bytes and a 64-bit big-endian counter from 0. The header is authenticated, so the
"last" flag cannot be moved: a stream cut anywhere lacks its last record (the receiver
calls that vanished, never a shorter file). A plaintext is at most 64 KiB
(``MAX_RECORD_PLAINTEXT``); the get and the answer (each one the plain protocol's line,
``\n`` included) at most ``MAX_HEAD_BYTES``. Any length over its bound is refused from its
header, before the body is waited for. The data records' order and sizes (answer first,
then data until the last, adding up to exactly the rest of the file) are the net layer's to
check: it knows the sizes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from chatgui.protocol.errors import LocalProtocolError, RemoteProtocolError
from chatgui.protocol.file_stream import MAX_HEAD_BYTES
from chatgui.protocol.secure import (
    KEY_BYTES,
    MAX_COUNTER,
    TAG_BYTES,
    CounterExhausted,
    Entropy,
    PlaintextTooLong,
    SecureError,
    normalised_passphrase,
)
from chatgui.protocol.secure_datagrams import SCRYPT_N, SCRYPT_P, SCRYPT_R

FILE_SALT: Final = b"chatgui-file-room-v1"
GET_INFO: Final = b"chatgui file v1 get"
DATA_INFO: Final = b"chatgui file v1 data"
HELLO_MAGIC: Final = b"\xc5CF1\n"
SALT_BYTES: Final = 16
MAX_ID_BYTES: Final = 32
MAX_HELLO_BYTES: Final = len(HELLO_MAGIC) + SALT_BYTES + 1 + MAX_ID_BYTES
"""The receiver's clear preamble at its longest (54 bytes)."""
HEADER_BYTES: Final = 4
LAST_FLAG: Final = 0x8000_0000
MAX_RECORD_PLAINTEXT: Final = 64 * 1024
"""The most file bytes one record carries."""
MAX_RECORD_BYTES: Final = HEADER_BYTES + MAX_RECORD_PLAINTEXT + TAG_BYTES
"""One record on the wire at its longest, header included."""
TO_SENDER: Final = 1
TO_RECEIVER: Final = 2

_ID = re.compile(rb"[A-Za-z0-9_-]{1,32}")


class BadHello(RemoteProtocolError):
    """The receiver's clear preamble is not ``HELLO_MAGIC``, a salt, a length and an offer id.

    Attributes:
        field: ``magic``, ``id`` (its length or characters) or ``record`` (the get record is
            not flagged last).
    """

    def __init__(self, field: str) -> None:
        super().__init__(f"bad sealed file request: {field}")
        self.field = field


class RecordTooLong(RemoteProtocolError):
    """A record's header announces a body over its bound (or under the tag's size).

    Attributes:
        size: The body's announced size in bytes.
        limit: The largest body allowed there.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"sealed record of {size} bytes, allowed {TAG_BYTES} to {limit}")
        self.size = size
        self.limit = limit


def room_file_key(passphrase: str) -> bytes:
    """The 32-byte key a private room's file transfers derive their keys from (scrypt: slow).

    About 200 ms and 64 MiB: call it once per session, off the GUI thread and off the
    worker loop. Distinct from the chat's keys on purpose (see the module's docstring).

    Raises:
        ValueError: If ``passphrase`` is empty or too long.
    """
    return Scrypt(salt=FILE_SALT, length=KEY_BYTES, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        normalised_passphrase(passphrase)
    )


def _cipher(file_key: bytes, token: str, offer_id: str, info: bytes) -> ChaCha20Poly1305:
    if len(file_key) != KEY_BYTES:
        raise ValueError(f"a file key is {KEY_BYTES} bytes")
    ikm = file_key + token.encode("ascii")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=offer_id.encode("ascii"), info=info)
    return ChaCha20Poly1305(hkdf.derive(ikm))


def _nonce(direction: int, counter: int) -> bytes:
    return bytes((direction, 0, 0, 0)) + counter.to_bytes(8, "big")


def _header(size: int, last: bool) -> bytes:
    return (size | (LAST_FLAG if last else 0)).to_bytes(HEADER_BYTES, "big")


class _Sealer:
    """Seals one direction's records, counter from 0."""

    __slots__ = ("_cipher", "_counter", "_direction")

    def __init__(self, cipher: ChaCha20Poly1305, direction: int) -> None:
        self._cipher = cipher
        self._direction = direction
        self._counter = 0

    @property
    def count(self) -> int:
        """How many records it has sealed."""
        return self._counter

    def _next_nonce(self) -> bytes:
        if self._counter > MAX_COUNTER:
            raise CounterExhausted("this connection has sealed 2**64 records")
        nonce = _nonce(self._direction, self._counter)
        self._counter += 1
        return nonce

    def seal(self, payload: bytes, last: bool, limit: int) -> bytes:
        if len(payload) > limit:
            raise PlaintextTooLong(len(payload), limit)
        header = _header(len(payload) + TAG_BYTES, last)
        return header + self._cipher.encrypt(self._next_nonce(), payload, header)

    def seal_into(self, payload: memoryview, out: memoryview, last: bool) -> int:
        size = len(payload)
        if size > MAX_RECORD_PLAINTEXT:
            raise PlaintextTooLong(size, MAX_RECORD_PLAINTEXT)
        end = HEADER_BYTES + size + TAG_BYTES
        if len(out) < end:
            raise LocalProtocolError(f"{end} bytes do not fit in {len(out)}")
        header = _header(size + TAG_BYTES, last)
        out[:HEADER_BYTES] = header
        self._cipher.encrypt_into(self._next_nonce(), payload, header, out[HEADER_BYTES:end])
        return end


def _body_size(header: bytes | bytearray, limit: int) -> tuple[int, bool]:
    word = int.from_bytes(header[:HEADER_BYTES], "big")
    size = word & ~LAST_FLAG
    if not TAG_BYTES <= size <= limit + TAG_BYTES:
        raise RecordTooLong(size, limit + TAG_BYTES)
    return size, bool(word & LAST_FLAG)


def _open_failed() -> SecureError:
    return SecureError("a file record is forged, changed, out of order or under another key")


@dataclass(frozen=True, slots=True)
class SealedGet:
    """A receiver's request as it came: its offer id and salt, and the get record still sealed."""

    offer_id: str
    salt: bytes
    header: bytes
    body: bytes


class GetReader:
    """The sender's side of a sealed request: the clear preamble, then one record. Sans-I/O.

    At most ``MAX_HELLO_BYTES + HEADER_BYTES + MAX_HEAD_BYTES + TAG_BYTES`` bytes are ever
    held; each field is refused the moment it is known to be bad.
    """

    __slots__ = ("_buf", "_done")

    def __init__(self) -> None:
        self._buf = bytearray()
        self._done = False

    def receive_data(self, data: bytes) -> SealedGet | None:
        """The request once it is complete, else None (more bytes needed); later bytes are ignored.

        Raises:
            BadHello: The preamble is malformed, or the record is not flagged last.
            RecordTooLong: The record's header announces a body over a get line's bound.
            LocalProtocolError: Called again after the request was complete.
        """
        if self._done:
            raise LocalProtocolError("the request was already complete")
        buf = self._buf
        buf += data
        magic = len(HELLO_MAGIC)
        if buf[:magic] != HELLO_MAGIC[: len(buf)]:
            raise BadHello("magic")
        id_at = magic + SALT_BYTES + 1
        if len(buf) < id_at:
            return None
        id_size = buf[id_at - 1]
        if not 1 <= id_size <= MAX_ID_BYTES:
            raise BadHello("id")
        header_at = id_at + id_size
        if len(buf) < header_at:
            return None
        offer_id = bytes(buf[id_at:header_at])
        if _ID.fullmatch(offer_id) is None:
            raise BadHello("id")
        body_at = header_at + HEADER_BYTES
        if len(buf) < body_at:
            return None
        size, last = _body_size(buf[header_at:body_at], MAX_HEAD_BYTES)
        if not last:
            raise BadHello("record")
        if len(buf) < body_at + size:
            return None
        self._done = True
        get = SealedGet(
            offer_id.decode("ascii"),
            bytes(buf[magic : magic + SALT_BYTES]),
            bytes(buf[header_at:body_at]),
            bytes(buf[body_at : body_at + size]),
        )
        buf.clear()
        return get


class SenderSeal:
    """The sender's end of one sealed data connection: opens the get, seals the answer and data.

    Args:
        file_key: ``room_file_key(passphrase)``.
        token: The offer's token (the one the request's offer id names).
        request: What ``GetReader`` returned.
        entropy: Where the sender's salt comes from (tests pass a fixed one).

    Raises:
        ValueError: If ``file_key`` is not 32 bytes.
    """

    def __init__(
        self, file_key: bytes, token: str, request: SealedGet, *, entropy: Entropy = os.urandom
    ) -> None:
        self._request = request
        self._get = _cipher(file_key, token, request.offer_id, GET_INFO + request.salt)
        self.salt: Final = entropy(SALT_BYTES)
        info = DATA_INFO + request.salt + self.salt
        self._sealer = _Sealer(_cipher(file_key, token, request.offer_id, info), TO_RECEIVER)

    def open_get(self) -> bytes:
        r"""The get line inside the request (as sealed: with its ``\n``).

        Raises:
            SecureError: It does not open: another passphrase or token, or changed bytes.
        """
        request = self._request
        try:
            return self._get.decrypt(_nonce(TO_SENDER, 0), request.body, request.header)
        except InvalidTag:
            raise _open_failed() from None

    def seal_answer(self, line: bytes, *, last: bool) -> bytes:
        r"""The sender's salt and the answer line sealed: the first bytes the sender sends.

        ``last``: nothing follows (a refusal, or no byte of the file left to send).

        Raises:
            PlaintextTooLong: ``line`` is over ``MAX_HEAD_BYTES``.
            LocalProtocolError: The answer was already sealed.
        """
        if self._sealer.count:
            raise LocalProtocolError("the answer was already sealed")
        return self.salt + self._sealer.seal(line, last, MAX_HEAD_BYTES)

    def seal_into(self, payload: memoryview, out: memoryview, *, last: bool) -> int:
        """Seal up to ``MAX_RECORD_PLAINTEXT`` file bytes into ``out``; returns the bytes written there.

        ``out`` needs ``len(payload) + HEADER_BYTES + TAG_BYTES`` bytes.

        Raises:
            PlaintextTooLong: ``payload`` is over ``MAX_RECORD_PLAINTEXT``.
            LocalProtocolError: ``out`` is too small, or the answer was not sealed first.
            CounterExhausted: After 2**64 records (never in practice).
        """
        if not self._sealer.count:
            raise LocalProtocolError("the answer goes first")
        return self._sealer.seal_into(payload, out, last)


class ReceiverSeal:
    """The receiver's end of one sealed data connection: seals the get, opens what comes back.

    Feed what the sender sends to ``receive_data``; take the answer with ``next_answer`` and
    then the file's records with ``next_into``. Any error ends the connection.

    Args:
        file_key: ``room_file_key(passphrase)``.
        offer_id: The offer's id.
        token: The offer's token.
        entropy: Where the receiver's salt comes from (tests pass a fixed one).

    Raises:
        ValueError: If ``file_key`` is not 32 bytes or ``offer_id`` is malformed.
    """

    def __init__(self, file_key: bytes, offer_id: str, token: str, *, entropy: Entropy = os.urandom) -> None:
        if _ID.fullmatch(offer_id.encode("ascii", "replace")) is None:
            raise ValueError(f"malformed offer id: {offer_id!r}")
        self._offer_id, self._token, self._file_key = offer_id, token, file_key
        self.salt: Final = entropy(SALT_BYTES)
        self._get = _Sealer(_cipher(file_key, token, offer_id, GET_INFO + self.salt), TO_SENDER)
        self._opener: ChaCha20Poly1305 | None = None
        self._counter = 0
        self._buf = bytearray()

    @property
    def heard(self) -> bool:
        """Whether any byte came from the sender (a close before one: it did not open our get)."""
        return self._opener is not None or bool(self._buf)

    def request(self, get_line: bytes) -> bytes:
        """The first bytes to send: the clear preamble and ``get_line`` sealed in a last record.

        Raises:
            PlaintextTooLong: ``get_line`` is over ``MAX_HEAD_BYTES``.
        """
        offer_id = self._offer_id.encode("ascii")
        hello = HELLO_MAGIC + self.salt + bytes((len(offer_id),)) + offer_id
        return hello + self._get.seal(get_line, True, MAX_HEAD_BYTES)

    def receive_data(self, data: bytes | bytearray | memoryview) -> None:
        """Take bytes the sender sent (any split)."""
        self._buf += data

    def _ready(self, limit: int) -> tuple[int, bool] | None:
        """The next record's body size and flag once it is all here, else None."""
        buf = self._buf
        if self._opener is None:
            if len(buf) < SALT_BYTES:
                return None
            info = DATA_INFO + self.salt + bytes(buf[:SALT_BYTES])
            self._opener = _cipher(self._file_key, self._token, self._offer_id, info)
            del buf[:SALT_BYTES]
        if len(buf) < HEADER_BYTES:
            return None
        size, last = _body_size(buf, limit)
        if len(buf) < HEADER_BYTES + size:
            return None
        return size, last

    def next_answer(self) -> tuple[bytes, bool] | None:
        """The answer line and its "last" flag, once its record is here (else None).

        Raises:
            RecordTooLong: Its header announces more than an answer line's bound.
            SecureError: It does not open.
            LocalProtocolError: The answer was already taken.
        """
        if self._counter:
            raise LocalProtocolError("the answer was already taken")
        ready = self._ready(MAX_HEAD_BYTES)
        if ready is None:
            return None
        size, last = ready
        line = self._open(size, None)
        return line, last

    def next_into(self, out: memoryview) -> tuple[int, bool] | None:
        """Open the next file record into ``out`` once it is here: (bytes written, last), else None.

        ``out`` needs room for ``MAX_RECORD_PLAINTEXT`` bytes.

        Raises:
            RecordTooLong: Its header announces more than ``MAX_RECORD_PLAINTEXT``.
            SecureError: It does not open (changed, forged, cut or out of order).
            LocalProtocolError: ``out`` is too small, or the answer was not taken first.
        """
        if not self._counter:
            raise LocalProtocolError("the answer goes first")
        if len(out) < MAX_RECORD_PLAINTEXT:
            raise LocalProtocolError(f"a record needs {MAX_RECORD_PLAINTEXT} bytes of room")
        ready = self._ready(MAX_RECORD_PLAINTEXT)
        if ready is None:
            return None
        size, last = ready
        self._open(size, out)
        return size - TAG_BYTES, last

    def _open(self, size: int, out: memoryview | None) -> bytes:
        assert self._opener is not None  # _ready made it
        nonce = _nonce(TO_RECEIVER, self._counter)
        end = HEADER_BYTES + size
        with memoryview(self._buf) as view:
            header, body = view[:HEADER_BYTES], view[HEADER_BYTES:end]
            try:
                if out is None:
                    plain = self._opener.decrypt(nonce, body, header)
                else:
                    self._opener.decrypt_into(nonce, body, header, out[: size - TAG_BYTES])
                    plain = b""
            except InvalidTag:
                raise _open_failed() from None
            finally:
                header.release()
                body.release()
        del self._buf[:end]
        self._counter += 1
        return plain
