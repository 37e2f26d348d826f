"""Private UDP rooms' sealing: the room key, sealed datagrams and replay windows, happy and hostile.

The promise under test: any datagram from the network opens or raises ``SecureError`` (or its
``Replayed``), never anything else; nothing changed, replayed or forged ever opens.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol import (
    DATAGRAM_OVERHEAD,
    MAX_SEALED_DATAGRAM_PAYLOAD,
    MAX_UDP_PAYLOAD_V6,
    CounterExhausted,
    DatagramOpener,
    DatagramSealer,
    DatagramTooLarge,
    Replayed,
    SecureError,
    is_sealed_datagram,
    udp_room_key,
)
from chatgui.protocol.secure import MAX_COUNTER
from chatgui.protocol.secure_datagrams import MAX_SENDERS, REPLAY_WINDOW

PASSPHRASE = "maple-river-candle-orbit"


@pytest.fixture(scope="module")
def room_key() -> bytes:
    return udp_room_key(PASSPHRASE)


def test_udp_room_key_is_stable_normalised_and_passphrase_bound(room_key: bytes) -> None:
    assert len(room_key) == 32
    assert udp_room_key("ｍａｐｌｅ-river-candle-orbit") == room_key
    assert udp_room_key("maple-river-candle-orbiT") != room_key


def test_a_datagram_round_trips(room_key: bytes) -> None:
    sealer, opener = DatagramSealer(room_key), DatagramOpener(room_key)
    plain = b'{"v":1,"type":"msg","nick":"alice","text":"my bank PIN is 4711"}'
    datagram = sealer.seal(plain)
    assert is_sealed_datagram(datagram)
    assert not is_sealed_datagram(plain)
    assert not is_sealed_datagram(b"")
    assert len(datagram) == len(plain) + DATAGRAM_OVERHEAD
    assert b"alice" not in datagram
    assert b"4711" not in datagram
    assert opener.open(datagram) == (sealer.sender_id, plain)
    assert opener.open(sealer.seal(b"")) == (sealer.sender_id, b"")


def test_a_sealed_datagram_is_never_utf8() -> None:
    sealer = DatagramSealer(os.urandom(32))
    with pytest.raises(UnicodeDecodeError):
        sealer.seal(b"x").decode("utf-8")


def test_each_session_has_its_own_sender_id() -> None:
    key = os.urandom(32)
    assert DatagramSealer(key).sender_id != DatagramSealer(key).sender_id
    assert len(DatagramSealer(key).sender_id) == 16


def test_a_datagram_under_another_key_does_not_open(room_key: bytes) -> None:
    datagram = DatagramSealer(os.urandom(32)).seal(b"hello")
    with pytest.raises(SecureError, match="forged"):
        DatagramOpener(room_key).open(datagram)


def test_the_largest_payload_and_one_more() -> None:
    key = os.urandom(32)
    sealer = DatagramSealer(key)
    datagram = sealer.seal(bytes(MAX_SEALED_DATAGRAM_PAYLOAD))
    assert len(datagram) == MAX_UDP_PAYLOAD_V6
    assert DatagramOpener(key).open(datagram)[1] == bytes(MAX_SEALED_DATAGRAM_PAYLOAD)
    with pytest.raises(DatagramTooLarge) as refused:
        sealer.seal(bytes(MAX_SEALED_DATAGRAM_PAYLOAD + 1))
    assert refused.value.limit == MAX_SEALED_DATAGRAM_PAYLOAD


def test_datagram_counters_end_before_nonces_repeat() -> None:
    key = os.urandom(32)
    sealer, opener = DatagramSealer(key), DatagramOpener(key)
    assert opener.open(sealer.seal(b"first"))[1] == b"first"
    sealer._counter = MAX_COUNTER
    last = sealer.seal(b"last")
    assert last[20:28] == b"\xff" * 8
    assert opener.open(last)[1] == b"last"  # a jump far past the window
    with pytest.raises(CounterExhausted):
        sealer.seal(b"one too many")


def test_room_keys_must_be_32_bytes() -> None:
    with pytest.raises(ValueError, match="32"):
        DatagramSealer(bytes(16))
    with pytest.raises(ValueError, match="32"):
        DatagramOpener(bytes(64))


@pytest.mark.parametrize(
    "datagram",
    [
        b"",
        b"\xc5CG1" + bytes(39),  # one byte short of a sealed empty payload
        b'{"v":1,"type":"msg","peer":"x","seq":1,"ts":0,"nick":"mallory","text":"forged"}',
        b"\xc5CG2" + bytes(60),
    ],
)
def test_short_unmarked_or_plain_datagrams_are_refused(datagram: bytes) -> None:
    with pytest.raises(SecureError) as refused:
        DatagramOpener(os.urandom(32)).open(datagram)
    assert not isinstance(refused.value, Replayed)


def test_a_replayed_datagram_opens_once() -> None:
    key = os.urandom(32)
    sealer, opener = DatagramSealer(key), DatagramOpener(key)
    datagram = sealer.seal(b"once")
    opener.open(datagram)
    with pytest.raises(Replayed, match="seen before"):
        opener.open(datagram)


def test_reordering_within_the_window_is_fine_and_too_old_is_refused() -> None:
    key = os.urandom(32)
    sealer, opener = DatagramSealer(key), DatagramOpener(key)
    datagrams = [sealer.seal(b"%d" % i) for i in range(REPLAY_WINDOW + 2)]
    opener.open(datagrams[REPLAY_WINDOW])  # 1,024 arrives first
    assert opener.open(datagrams[1])[1] == b"1"  # 1,023 behind: still in the window
    with pytest.raises(Replayed, match="older than the replay window"):
        opener.open(datagrams[0])  # 1,024 behind
    assert opener.open(datagrams[REPLAY_WINDOW + 1])[1] == b"%d" % (REPLAY_WINDOW + 1)
    with pytest.raises(Replayed):
        opener.open(datagrams[1])  # now out of the window, and seen anyway
    for i in range(2, REPLAY_WINDOW):
        assert opener.open(datagrams[i])[1] == b"%d" % i
    with pytest.raises(Replayed, match="seen before"):
        opener.open(datagrams[500])


def test_a_forged_datagram_with_a_seen_counter_is_refused_without_changing_the_window() -> None:
    key = os.urandom(32)
    sealer, opener = DatagramSealer(key), DatagramOpener(key)
    first, second = sealer.seal(b"a"), sealer.seal(b"b")
    opener.open(first)
    forged = bytearray(second)
    forged[-1] ^= 1
    with pytest.raises(SecureError):
        opener.open(bytes(forged))
    assert opener.open(second)[1] == b"b"  # the forgery did not mark counter 1 as seen


def test_senders_are_bounded_least_recent_first() -> None:
    key = os.urandom(32)
    opener = DatagramOpener(key, max_senders=2)
    one, two, three = DatagramSealer(key), DatagramSealer(key), DatagramSealer(key)
    first_of_one = one.seal(b"1")
    first_of_two = two.seal(b"2")
    opener.open(first_of_one)
    opener.open(first_of_two)
    opener.open(one.seal(b"1 again"))  # one is now the most recent
    opener.open(three.seal(b"3"))  # two is forgotten
    with pytest.raises(Replayed):
        opener.open(first_of_one)
    # A forgotten sender's old datagram opens again: the documented price of the bound.
    assert opener.open(first_of_two)[1] == b"2"


def test_forgeries_never_take_a_sender_slot() -> None:
    key = os.urandom(32)
    opener = DatagramOpener(key, max_senders=1)
    honest = DatagramSealer(key)
    first = honest.seal(b"hi")
    opener.open(first)
    for _ in range(5):
        with pytest.raises(SecureError):
            opener.open(DatagramSealer(os.urandom(32)).seal(b"flood"))
    with pytest.raises(Replayed):
        opener.open(first)  # still remembered


def test_the_default_bound() -> None:
    key = os.urandom(32)
    opener = DatagramOpener(key)
    sealers = [DatagramSealer(key) for _ in range(MAX_SENDERS + 1)]
    firsts = [sealer.seal(b"x") for sealer in sealers]
    for datagram in firsts:
        opener.open(datagram)
    with pytest.raises(Replayed):
        opener.open(firsts[-1])
    assert opener.open(firsts[0])[1] == b"x"  # the oldest of 257 was forgotten


@settings(max_examples=100)
@given(st.binary(max_size=2000))
def test_any_datagram_is_refused_with_a_secure_error(data: bytes) -> None:
    with pytest.raises(SecureError):
        DatagramOpener(bytes(32)).open(data)


@settings(max_examples=100)
@given(st.binary(max_size=300), st.data())
def test_a_tampered_or_truncated_datagram_never_opens(payload: bytes, data: st.DataObject) -> None:
    key = bytes(range(32))
    datagram = bytearray(DatagramSealer(key).seal(payload))
    if data.draw(st.booleans(), label="truncate"):
        datagram = datagram[: data.draw(st.integers(0, len(datagram) - 1), label="keep")]
    else:
        index = data.draw(st.integers(0, len(datagram) - 1), label="index")
        datagram[index] ^= data.draw(st.integers(1, 255), label="xor")
    with pytest.raises(SecureError):
        DatagramOpener(key).open(bytes(datagram))


@settings(max_examples=50)
@given(
    st.lists(st.binary(max_size=64), min_size=1, max_size=20),
    st.randoms(use_true_random=False),
)
def test_a_network_that_duplicates_and_reorders_shows_each_datagram_once(
    payloads: list[bytes], rng: random.Random
) -> None:
    key = bytes(32)
    senders = [DatagramSealer(key), DatagramSealer(key)]
    sent = [(i, senders[i % 2].seal(payload)) for i, payload in enumerate(payloads)]
    network = sent + rng.choices(sent, k=len(sent))
    rng.shuffle(network)
    opener = DatagramOpener(key)
    shown: list[int] = []
    for i, datagram in network:
        try:
            sender_id, payload = opener.open(datagram)
        except Replayed:
            continue
        assert sender_id == senders[i % 2].sender_id
        assert payload == payloads[i]
        shown.append(i)
    assert sorted(shown) == list(range(len(payloads)))
