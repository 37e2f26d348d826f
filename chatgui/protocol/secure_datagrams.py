r"""Private UDP rooms: the room key, sealed datagrams and their replay windows. Pure, no I/O.

Bytes in, bytes out, like ``secure.py`` (passphrases, keys and the errors come from there).

**UDP: no handshake, so a memory-hard room key.** A datagram room has no connection to run
SPAKE2 over, so its key is ``scrypt(NFKC(passphrase), salt=b"chatgui-udp-room-v1",
n=2**16, r=8, p=1)``: 64 MiB and about 200 ms per guess here (n=2**15 took 86-130 ms, under
the 100 ms a guess must cost). A recorded UDP room *can* be attacked offline at that price;
a generated passphrase is the defence. A datagram is
``b"\xc5CG1" + sender_id (16 random bytes per session) + counter (8, big-endian) +
ChaCha20Poly1305(HKDF(room_key, info=b"chatgui-udp-sender" + sender_id)).encrypt(4 zero
bytes + counter, payload, aad=the 28 header bytes)``. ``0xC5 0x43`` is not UTF-8, so no
plaintext frame starts like that. A key per sender makes the nonce (counter) unique per
key with no coordination between senders. The opener keeps a 1,024-datagram sliding
replay window per sender (a bitmap, as WireGuard and RFC 6479 do), updated only after the
tag checked out, for at most 256 senders (least recently heard evicted); a sender enters
that table, and its derived key the cache, only with an authentic datagram, so forgeries
cannot flush it.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from chatgui.protocol.errors import DatagramTooLarge
from chatgui.protocol.frames import MAX_UDP_PAYLOAD_V6
from chatgui.protocol.secure import (
    KEY_BYTES,
    MAX_COUNTER,
    TAG_BYTES,
    CounterExhausted,
    Entropy,
    SecureError,
    hkdf,
    normalised_passphrase,
)

UDP_SALT: Final = b"chatgui-udp-room-v1"
UDP_SENDER_INFO: Final = b"chatgui-udp-sender"
SCRYPT_N: Final = 2**16
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1

DATAGRAM_MARKER: Final = b"\xc5CG1"
SENDER_ID_BYTES: Final = 16
COUNTER_BYTES: Final = 8
DATAGRAM_HEADER_BYTES: Final = len(DATAGRAM_MARKER) + SENDER_ID_BYTES + COUNTER_BYTES
DATAGRAM_OVERHEAD: Final = DATAGRAM_HEADER_BYTES + TAG_BYTES
"""How many bytes sealing adds to a datagram's payload (44)."""
MAX_SEALED_DATAGRAM_PAYLOAD: Final = MAX_UDP_PAYLOAD_V6 - DATAGRAM_OVERHEAD
"""The largest payload ``DatagramSealer.seal`` takes (an IPv4 room keeps to 65,507 - 44)."""
REPLAY_WINDOW: Final = 1024
MAX_SENDERS: Final = 256


class Replayed(SecureError):
    """A sealed datagram was seen before, or is too old for the replay window."""


def udp_room_key(passphrase: str) -> bytes:
    """Derive a UDP room's 32-byte key from its passphrase with scrypt (slow on purpose).

    About 200 ms and 64 MiB here: call it off the GUI thread.

    Raises:
        ValueError: If ``passphrase`` is empty or too long.
    """
    return Scrypt(salt=UDP_SALT, length=KEY_BYTES, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        normalised_passphrase(passphrase)
    )


def is_sealed_datagram(data: bytes) -> bool:
    """Whether ``data`` starts with the sealed-datagram marker (no plaintext frame does)."""
    return data[: len(DATAGRAM_MARKER)] == DATAGRAM_MARKER


def _sender_cipher(room_key: bytes, sender_id: bytes) -> ChaCha20Poly1305:
    return ChaCha20Poly1305(hkdf(room_key, UDP_SENDER_INFO + sender_id))


def _check_room_key(room_key: bytes) -> None:
    if len(room_key) != KEY_BYTES:
        raise ValueError(f"a room key is {KEY_BYTES} bytes")


def _datagram_nonce(counter: bytes) -> bytes:
    return b"\x00\x00\x00\x00" + counter


class DatagramSealer:
    """Seals this session's datagrams: a random 16-byte sender id and a counter from 0.

    Args:
        room_key: ``udp_room_key(passphrase)``.
        entropy: Where the sender id comes from (tests pass a fixed one).

    Raises:
        ValueError: If ``room_key`` is not 32 bytes.
    """

    def __init__(self, room_key: bytes, *, entropy: Entropy = os.urandom) -> None:
        _check_room_key(room_key)
        self.sender_id: Final = entropy(SENDER_ID_BYTES)
        self._cipher = _sender_cipher(room_key, self.sender_id)
        self._counter = 0

    def seal(self, payload: bytes) -> bytes:
        """Seal one datagram's payload.

        Raises:
            DatagramTooLarge: If ``payload`` is over ``MAX_SEALED_DATAGRAM_PAYLOAD``.
            CounterExhausted: After 2**64 datagrams (never in practice).
        """
        if len(payload) > MAX_SEALED_DATAGRAM_PAYLOAD:
            raise DatagramTooLarge(len(payload), MAX_SEALED_DATAGRAM_PAYLOAD)
        if self._counter > MAX_COUNTER:
            raise CounterExhausted("this session has sealed 2**64 datagrams")
        counter = self._counter.to_bytes(COUNTER_BYTES, "big")
        self._counter += 1
        header = DATAGRAM_MARKER + self.sender_id + counter
        return header + self._cipher.encrypt(_datagram_nonce(counter), payload, header)


class _Sender:
    """One sender's key and replay window: bit ``i`` of ``seen`` is counter ``highest - i``."""

    __slots__ = ("cipher", "highest", "seen")

    def __init__(self, cipher: ChaCha20Poly1305) -> None:
        self.cipher = cipher
        self.highest = -1
        self.seen = 0

    def check(self, counter: int) -> None:
        if counter > self.highest:
            return
        behind = self.highest - counter
        if behind >= REPLAY_WINDOW:
            raise Replayed(f"datagram {counter} is older than the replay window")
        if self.seen >> behind & 1:
            raise Replayed(f"datagram {counter} was seen before")

    def accept(self, counter: int) -> None:
        if counter > self.highest:
            ahead = counter - self.highest
            # A jump past the window forgets it all; shifting by up to 2**64 would not end.
            self.seen = (self.seen << ahead | 1) & ((1 << REPLAY_WINDOW) - 1) if ahead < REPLAY_WINDOW else 1
            self.highest = counter
        else:
            self.seen |= 1 << (self.highest - counter)


class DatagramOpener:
    """Opens a room's datagrams: one replay window per sender, at most ``max_senders`` remembered.

    Args:
        room_key: ``udp_room_key(passphrase)``.
        max_senders: How many senders' windows (and keys) to keep; the least recently heard
            is forgotten first, and its old datagrams could then be shown again.

    Raises:
        ValueError: If ``room_key`` is not 32 bytes.
    """

    def __init__(self, room_key: bytes, *, max_senders: int = MAX_SENDERS) -> None:
        _check_room_key(room_key)
        self._room_key = room_key
        self._max_senders = max_senders
        self._senders: OrderedDict[bytes, _Sender] = OrderedDict()

    def open(self, datagram: bytes) -> tuple[bytes, bytes]:
        """Open one datagram.

        Returns:
            ``(sender_id, payload)``.

        Raises:
            Replayed: It was seen before, or is older than the replay window.
            SecureError: Anything else: too short, no marker, forged, changed or under
                another key.
        """
        if len(datagram) < DATAGRAM_OVERHEAD:
            raise SecureError(f"sealed datagram of {len(datagram)} bytes is too short")
        if not is_sealed_datagram(datagram):
            raise SecureError("not a sealed datagram")
        header = datagram[:DATAGRAM_HEADER_BYTES]
        sender_id = header[len(DATAGRAM_MARKER) : len(DATAGRAM_MARKER) + SENDER_ID_BYTES]
        counter_bytes = header[-COUNTER_BYTES:]
        counter = int.from_bytes(counter_bytes, "big")
        sender = self._senders.get(sender_id)
        if sender is None:
            cipher = _sender_cipher(self._room_key, sender_id)
        else:
            sender.check(counter)
            cipher = sender.cipher
        try:
            payload = cipher.decrypt(_datagram_nonce(counter_bytes), datagram[DATAGRAM_HEADER_BYTES:], header)
        except InvalidTag as exc:
            raise SecureError("datagram is forged, changed or under another key") from exc
        if sender is None:
            sender = self._senders[sender_id] = _Sender(cipher)
            if len(self._senders) > self._max_senders:
                self._senders.popitem(last=False)
        else:
            self._senders.move_to_end(sender_id)
        sender.accept(counter)
        return sender_id, payload
