"""Private rooms' sealed file data: the file key, the request, the answer and the records.

The promise under test: any bytes from the network give a value, None (more needed) or a
``RemoteProtocolError``, never anything else; nothing changed, cut, reordered or under
another key ever opens; every bound is refused just over it, from its header.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol.errors import LocalProtocolError, RemoteProtocolError
from chatgui.protocol.file_seal import (
    HEADER_BYTES,
    HELLO_MAGIC,
    LAST_FLAG,
    MAX_HELLO_BYTES,
    MAX_RECORD_BYTES,
    MAX_RECORD_PLAINTEXT,
    SALT_BYTES,
    BadHello,
    GetReader,
    ReceiverSeal,
    RecordTooLong,
    SealedGet,
    SenderSeal,
    room_file_key,
)
from chatgui.protocol.file_stream import MAX_HEAD_BYTES, FileData, FileGet, encode_data, encode_get
from chatgui.protocol.secure import MAX_COUNTER, TAG_BYTES, CounterExhausted, PlaintextTooLong, SecureError
from chatgui.protocol.secure_datagrams import udp_room_key

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
OFFER = "Off3r_id-1"
TOKEN = "secret-token-" + "k" * 30
GET = encode_get(FileGet(OFFER, TOKEN, 1234))
ANSWER = encode_data(FileData(OFFER, 1234, 200_000))


def _fixed(byte: int) -> Callable[[int], bytes]:
    """An entropy function that always gives ``byte``s."""
    return lambda size: bytes([byte]) * size


def _pair(key: bytes = KEY, token: str = TOKEN) -> tuple[ReceiverSeal, bytes]:
    receiver = ReceiverSeal(key, OFFER, token, entropy=_fixed(7))
    return receiver, receiver.request(GET)


def _read_request(data: bytes) -> SealedGet:
    request = GetReader().receive_data(data)
    assert request is not None
    return request


def _sender(request: bytes, key: bytes = KEY, token: str = TOKEN) -> SenderSeal:
    return SenderSeal(key, token, _read_request(request), entropy=_fixed(9))


def _records(sender: SenderSeal, data: bytes, last_at_end: bool = True) -> bytes:
    out = bytearray(MAX_RECORD_BYTES)
    sealed = b""
    for at in range(0, len(data), MAX_RECORD_PLAINTEXT):
        piece = data[at : at + MAX_RECORD_PLAINTEXT]
        last = last_at_end and at + len(piece) == len(data)
        size = sender.seal_into(memoryview(piece), memoryview(out), last=last)
        sealed += bytes(out[:size])
    return sealed


def _drain(receiver: ReceiverSeal) -> tuple[bytes, list[bool]]:
    out = memoryview(bytearray(MAX_RECORD_PLAINTEXT))
    data, flags = b"", []
    while (record := receiver.next_into(out)) is not None:
        count, last = record
        data += bytes(out[:count])
        flags.append(last)
    return data, flags


# --- the file key -----------------------------------------------------------------------


def test_the_file_key_is_stable_normalised_and_its_own() -> None:
    key = room_file_key("maple-river-candle-orbit")
    assert len(key) == 32
    assert room_file_key("ｍａｐｌｅ-river-candle-orbit") == key
    assert room_file_key("maple-river-candle-orbiT") != key
    assert udp_room_key("maple-river-candle-orbit") != key  # never the UDP room's key
    with pytest.raises(ValueError, match="passphrase"):
        room_file_key("")


def test_a_key_that_is_not_32_bytes_or_a_bad_offer_id_is_a_callers_bug() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        ReceiverSeal(KEY[:31], OFFER, TOKEN)
    with pytest.raises(ValueError, match="offer id"):
        ReceiverSeal(KEY, "no/slash", TOKEN)
    with pytest.raises(ValueError, match="offer id"):
        ReceiverSeal(KEY, "é", TOKEN)
    with pytest.raises(ValueError, match="32 bytes"):
        _sender(_pair()[1], key=KEY + b"!")


# --- a whole exchange -------------------------------------------------------------------


def test_request_answer_and_file_round_trip_at_every_split() -> None:
    receiver, request = _pair()
    assert request.startswith(HELLO_MAGIC + bytes([7]) * SALT_BYTES + bytes([len(OFFER)]) + OFFER.encode())
    for split in range(1, len(request)):
        reader = GetReader()
        assert reader.receive_data(request[:split]) is None
        assert reader.receive_data(request[split:]) == _read_request(request)
    sender = _sender(request)
    assert sender.open_get() == GET
    data = os.urandom(2 * MAX_RECORD_PLAINTEXT + 5)
    stream = sender.seal_answer(ANSWER, last=False) + _records(sender, data)
    assert stream.startswith(bytes([9]) * SALT_BYTES)
    assert (
        len(stream)
        == SALT_BYTES + 3 * (HEADER_BYTES + TAG_BYTES) + len(ANSWER) + len(data) + HEADER_BYTES + TAG_BYTES
    )
    for step in (1, 7, 4096, len(stream)):
        receiver, _ = _pair()
        answer = None
        got, flags = b"", []
        for at in range(0, len(stream), step):
            receiver.receive_data(stream[at : at + step])
            if answer is None:
                answer = receiver.next_answer()
                if answer is None:
                    continue
            more, last = _drain(receiver)
            got += more
            flags += last
        assert answer == (ANSWER, False)
        assert got == data
        assert flags == [False, False, True]


def test_nothing_but_the_offer_id_shows_in_the_clear() -> None:
    _, request = _pair()
    sender = _sender(request)
    secret = b"my bank PIN is 4711 " * 100
    stream = request + sender.seal_answer(ANSWER, last=False) + _records(sender, secret)
    for clear in (TOKEN.encode(), b"file-get", b"file-data", b"4711", b"1234", b"200000"):
        assert clear not in stream
    assert OFFER.encode() in request


def test_every_connection_has_keys_of_its_own() -> None:
    first = ReceiverSeal(KEY, OFFER, TOKEN).request(GET)
    second = ReceiverSeal(KEY, OFFER, TOKEN).request(GET)
    assert first[len(HELLO_MAGIC) + SALT_BYTES :] != second[len(HELLO_MAGIC) + SALT_BYTES :]
    request = _pair()[1]
    one = SenderSeal(KEY, TOKEN, _read_request(request)).seal_answer(ANSWER, last=False)
    two = SenderSeal(KEY, TOKEN, _read_request(request)).seal_answer(ANSWER, last=False)
    assert one[SALT_BYTES:] != two[SALT_BYTES:]


def test_a_refusal_or_an_empty_rest_is_a_last_answer() -> None:
    receiver, request = _pair()
    sender = _sender(request)
    receiver.receive_data(sender.seal_answer(b"no\n", last=True))
    assert receiver.next_answer() == (b"no\n", True)


# --- under another key, changed, reordered, cut -----------------------------------------


@pytest.mark.parametrize(("key", "token"), [(OTHER_KEY, TOKEN), (KEY, TOKEN[:-1] + "x")])
def test_a_request_under_another_key_or_token_does_not_open(key: bytes, token: str) -> None:
    _, request = _pair(key, token)
    with pytest.raises(SecureError):
        _sender(request).open_get()


def test_an_answer_under_another_key_does_not_open() -> None:
    _, request = _pair()
    receiver, _ = _pair(OTHER_KEY)
    receiver.receive_data(_sender(request).seal_answer(ANSWER, last=False))
    with pytest.raises(SecureError):
        receiver.next_answer()


def test_every_flipped_byte_of_a_request_is_refused() -> None:
    _, request = _pair()
    for at in range(len(request)):
        changed = bytearray(request)
        changed[at] ^= 0x01
        reader = GetReader()
        try:
            got = reader.receive_data(bytes(changed))
            if got is None:  # a length grew: the body never comes
                continue
            SenderSeal(KEY, TOKEN, got).open_get()
        except RemoteProtocolError:
            continue
        pytest.fail(f"a request changed at byte {at} opened")


def test_every_flipped_byte_of_the_answer_and_data_is_refused() -> None:
    receiver, request = _pair()
    sender = _sender(request)
    stream = sender.seal_answer(ANSWER, last=False) + _records(sender, b"0123456789" * 10)
    for at in range(len(stream)):
        changed = bytearray(stream)
        changed[at] ^= 0x80
        receiver = ReceiverSeal(KEY, OFFER, TOKEN, entropy=_fixed(7))
        receiver.receive_data(changed)
        try:
            answer = receiver.next_answer()
            data = _drain(receiver) if answer is not None else None
        except RemoteProtocolError:
            continue
        assert answer is None or data == (b"", []), f"changed at byte {at}, it opened"


def test_the_last_flag_cannot_be_moved_and_records_cannot_be_reordered() -> None:
    receiver, request = _pair()
    sender = _sender(request)
    answer = sender.seal_answer(ANSWER, last=False)
    first, second = _records(sender, b"a"), _records(sender, b"b", last_at_end=False)
    receiver.receive_data(answer)
    assert receiver.next_answer() == (ANSWER, False)
    moved = bytearray(first)
    moved[0] ^= LAST_FLAG >> 24
    out = memoryview(bytearray(MAX_RECORD_PLAINTEXT))
    receiver.receive_data(moved)
    with pytest.raises(SecureError):
        receiver.next_into(out)
    receiver, _ = _pair()
    receiver.receive_data(answer + second)
    receiver.next_answer()
    with pytest.raises(SecureError):  # record 2 where record 1 belongs
        receiver.next_into(out)


def test_a_cut_stream_waits_for_more_and_says_whether_the_sender_spoke() -> None:
    receiver, request = _pair()
    assert not receiver.heard
    sender = _sender(request)
    stream = sender.seal_answer(ANSWER, last=False) + _records(sender, b"x" * 100)
    receiver.receive_data(stream[:1])
    assert receiver.heard
    assert receiver.next_answer() is None
    receiver.receive_data(stream[1 : SALT_BYTES + 2])
    assert receiver.next_answer() is None
    receiver.receive_data(stream[SALT_BYTES + 2 : -1])
    assert receiver.next_answer() == (ANSWER, False)
    assert _drain(receiver) == (b"", [])


# --- the request's bounds, from a stranger ---------------------------------------------


def _hello(offer_id: bytes = OFFER.encode(), size: int | None = None) -> bytes:
    return HELLO_MAGIC + bytes(SALT_BYTES) + bytes([len(offer_id) if size is None else size]) + offer_id


def _header(body: int, last: bool = True) -> bytes:
    return (body | (LAST_FLAG if last else 0)).to_bytes(HEADER_BYTES, "big")


@pytest.mark.parametrize("data", [b"{", b'{"v":1,"type":"file-get"}\n', HELLO_MAGIC[:4] + b"\x00", b"\x00"])
def test_a_request_without_the_magic_is_refused_at_its_first_wrong_byte(data: bytes) -> None:
    with pytest.raises(BadHello) as caught:
        GetReader().receive_data(data)
    assert caught.value.field == "magic"


@pytest.mark.parametrize(
    "hello",
    [
        _hello(b"", 0),
        _hello(b"a" * 33),  # just over the id's 32
        _hello(b"a.b"),
        _hello("é".encode()),
    ],
)
def test_a_bad_offer_id_is_refused(hello: bytes) -> None:
    with pytest.raises(BadHello) as caught:
        GetReader().receive_data(hello + _header(100))
    assert caught.value.field == "id"


def test_the_longest_request_is_held_and_one_byte_more_is_refused_from_its_header() -> None:
    receiver = ReceiverSeal(KEY, "a" * 32, TOKEN)
    longest = receiver.request(b"x" * MAX_HEAD_BYTES)
    assert len(longest) == MAX_HELLO_BYTES + HEADER_BYTES + MAX_HEAD_BYTES + TAG_BYTES
    assert SenderSeal(KEY, TOKEN, _read_request(longest)).open_get() == b"x" * MAX_HEAD_BYTES
    with pytest.raises(PlaintextTooLong) as local:
        receiver.request(b"x" * (MAX_HEAD_BYTES + 1))
    assert (local.value.size, local.value.limit) == (MAX_HEAD_BYTES + 1, MAX_HEAD_BYTES)
    with pytest.raises(RecordTooLong) as caught:
        GetReader().receive_data(_hello() + _header(MAX_HEAD_BYTES + TAG_BYTES + 1))
    assert (caught.value.size, caught.value.limit) == (
        MAX_HEAD_BYTES + TAG_BYTES + 1,
        MAX_HEAD_BYTES + TAG_BYTES,
    )
    with pytest.raises(RecordTooLong):
        GetReader().receive_data(_hello() + _header(TAG_BYTES - 1))


def test_a_request_record_not_flagged_last_is_refused() -> None:
    with pytest.raises(BadHello) as caught:
        GetReader().receive_data(_hello() + _header(40, last=False))
    assert caught.value.field == "record"


def test_a_complete_request_ignores_what_follows_and_takes_no_more() -> None:
    _, request = _pair()
    reader = GetReader()
    assert reader.receive_data(request + b"trailing") == _read_request(request)
    with pytest.raises(LocalProtocolError):
        reader.receive_data(b"more")


# --- the answer's and records' bounds, from a stranger ---------------------------------


def test_an_answer_just_over_its_bound_is_refused_from_its_header() -> None:
    receiver, _ = _pair()
    receiver.receive_data(bytes(SALT_BYTES) + _header(MAX_HEAD_BYTES + TAG_BYTES + 1))
    with pytest.raises(RecordTooLong) as caught:
        receiver.next_answer()
    assert caught.value.limit == MAX_HEAD_BYTES + TAG_BYTES
    receiver, request = _pair()
    sender = _sender(request)
    with pytest.raises(PlaintextTooLong):
        sender.seal_answer(b"x" * (MAX_HEAD_BYTES + 1), last=True)
    receiver.receive_data(sender.seal_answer(b"x" * MAX_HEAD_BYTES, last=True))
    assert receiver.next_answer() == (b"x" * MAX_HEAD_BYTES, True)


def test_a_record_just_over_64_kib_is_refused_from_its_header() -> None:
    receiver, request = _pair()
    sender = _sender(request)
    receiver.receive_data(sender.seal_answer(ANSWER, last=False))
    receiver.next_answer()
    full = _records(sender, b"z" * MAX_RECORD_PLAINTEXT, last_at_end=False)
    assert len(full) == MAX_RECORD_BYTES
    receiver.receive_data(full)
    out = memoryview(bytearray(MAX_RECORD_PLAINTEXT))
    assert receiver.next_into(out) == (MAX_RECORD_PLAINTEXT, False)
    receiver.receive_data(_header(MAX_RECORD_PLAINTEXT + TAG_BYTES + 1))
    with pytest.raises(RecordTooLong) as caught:
        receiver.next_into(out)
    assert (caught.value.size, caught.value.limit) == (
        MAX_RECORD_PLAINTEXT + TAG_BYTES + 1,
        MAX_RECORD_PLAINTEXT + TAG_BYTES,
    )


def test_a_record_shorter_than_its_tag_is_refused() -> None:
    receiver, _ = _pair()
    receiver.receive_data(bytes(SALT_BYTES) + _header(TAG_BYTES - 1))
    with pytest.raises(RecordTooLong):
        receiver.next_answer()


# --- the caller's mistakes --------------------------------------------------------------


def test_the_order_of_calls_is_kept() -> None:
    receiver, request = _pair()
    sender = _sender(request)
    out = memoryview(bytearray(MAX_RECORD_BYTES))
    with pytest.raises(LocalProtocolError, match="answer goes first"):
        sender.seal_into(memoryview(b"x"), out, last=True)
    answer = sender.seal_answer(ANSWER, last=False)
    with pytest.raises(LocalProtocolError, match="already sealed"):
        sender.seal_answer(ANSWER, last=False)
    with pytest.raises(LocalProtocolError, match="answer goes first"):
        receiver.next_into(out)
    receiver.receive_data(answer)
    receiver.next_answer()
    with pytest.raises(LocalProtocolError, match="already taken"):
        receiver.next_answer()
    with pytest.raises(LocalProtocolError, match="room"):
        receiver.next_into(out[: MAX_RECORD_PLAINTEXT - 1])


def test_sealing_keeps_its_bounds() -> None:
    sender = _sender(_pair()[1])
    sender.seal_answer(ANSWER, last=False)
    out = memoryview(bytearray(MAX_RECORD_BYTES + 1))
    with pytest.raises(PlaintextTooLong):
        sender.seal_into(memoryview(bytes(MAX_RECORD_PLAINTEXT + 1)), out, last=True)
    with pytest.raises(LocalProtocolError, match="do not fit"):
        sender.seal_into(memoryview(b"abc"), out[: HEADER_BYTES + 3 + TAG_BYTES - 1], last=True)
    sender._sealer._counter = MAX_COUNTER + 1
    with pytest.raises(CounterExhausted):
        sender.seal_into(memoryview(b"abc"), out, last=True)


# --- anything at all --------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=700), st.integers(min_value=1, max_value=64))
def test_any_bytes_give_a_request_none_or_a_remote_error(data: bytes, step: int) -> None:
    reader = GetReader()
    try:
        for at in range(0, len(data), step):
            if reader.receive_data(data[at : at + step]) is not None:
                return
    except RemoteProtocolError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=700))
def test_any_bytes_after_a_request_give_none_or_a_remote_error(data: bytes) -> None:
    receiver, _ = _pair()
    receiver.receive_data(data)
    try:
        if receiver.next_answer() is not None:
            _drain(receiver)
    except RemoteProtocolError:
        pass
