"""A file transfer's data connection: get / data / refused lines, bounded, any split, any bytes."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol.errors import LineTooLong, LocalProtocolError, RemoteProtocolError
from chatgui.protocol.file_stream import (
    MAX_FILE_SIZE,
    MAX_GET_NICK_CHARS,
    MAX_HEAD_BYTES,
    REFUSED_REASONS,
    BadStreamLine,
    FileData,
    FileGet,
    FileRefused,
    HeadReader,
    encode_data,
    encode_get,
    encode_refused,
    is_offer_id,
    is_token,
    parse_answer,
    parse_get,
)
from chatgui.protocol.names import clean_nick

FAST = settings(max_examples=200, deadline=None)
ID = "a" * 32
TOKEN = "T_-9" * 16  # 64 characters, the longest token

ids = st.text(alphabet="AZaz09_-", min_size=1, max_size=32)
tokens = st.text(alphabet="AZaz09_-", min_size=32, max_size=64)
counts = st.integers(min_value=0, max_value=MAX_FILE_SIZE)


def test_longest_lines_fit_the_bound() -> None:
    longest = [
        encode_get(FileGet(ID, TOKEN, MAX_FILE_SIZE)),
        encode_data(FileData(ID, MAX_FILE_SIZE, MAX_FILE_SIZE)),
        *(encode_refused(FileRefused(ID, reason)) for reason in REFUSED_REASONS),
    ]
    assert all(len(line) <= MAX_HEAD_BYTES and line.endswith(b"\n") for line in longest)


def test_lines_are_the_contracts() -> None:
    assert encode_get(FileGet("x1", "k" * 32, 5)) == (
        b'{"v":1,"type":"file-get","id":"x1","token":"' + b"k" * 32 + b'","offset":5}\n'
    )
    assert encode_data(FileData("x1", 0, 9)) == b'{"v":1,"type":"file-data","id":"x1","offset":0,"size":9}\n'
    assert encode_refused(FileRefused("x1", "busy")) == (
        b'{"v":1,"type":"file-refused","id":"x1","reason":"busy"}\n'
    )


@FAST
@given(ids, tokens, counts)
def test_get_round_trips(offer_id: str, token: str, offset: int) -> None:
    get = FileGet(offer_id, token, offset)
    line = encode_get(get)
    assert parse_get(line) == get
    assert parse_get(line.rstrip(b"\n")) == get


@FAST
@given(ids, counts, counts)
def test_data_round_trips(offer_id: str, a: int, b: int) -> None:
    data = FileData(offer_id, min(a, b), max(a, b))
    assert parse_answer(encode_data(data)) == data


@pytest.mark.parametrize("reason", sorted(REFUSED_REASONS))
def test_refused_round_trips(reason: str) -> None:
    refused = FileRefused("id", reason)
    assert parse_answer(encode_refused(refused)) == refused


def test_unknown_reason_of_the_right_shape_is_accepted() -> None:
    assert parse_answer(b'{"v":1,"type":"file-refused","id":"a","reason":"quota"}') == FileRefused(
        "a", "quota"
    )


def test_unknown_fields_are_ignored() -> None:
    line = b'{"v":1,"type":"file-get","id":"a","token":"' + b"t" * 32 + b'","offset":0,"x":[1]}'
    assert parse_get(line) == FileGet("a", "t" * 32, 0)


@pytest.mark.parametrize(
    "bad",
    [
        FileGet("", TOKEN, 0),
        FileGet("a" * 33, TOKEN, 0),
        FileGet("a/b", TOKEN, 0),
        FileGet(ID, "t" * 31, 0),
        FileGet(ID, "t" * 65, 0),
        FileGet(ID, TOKEN, -1),
        FileGet(ID, TOKEN, MAX_FILE_SIZE + 1),
        FileGet(ID, TOKEN, True),
    ],
)
def test_an_illegal_get_is_never_sent(bad: FileGet) -> None:
    with pytest.raises(LocalProtocolError):
        encode_get(bad)


@pytest.mark.parametrize(
    "bad",
    [
        FileData("", 0, 0),
        FileData(ID, 2, 1),
        FileData(ID, 0, MAX_FILE_SIZE + 1),
        FileData(ID, -1, 0),
    ],
)
def test_illegal_data_is_never_sent(bad: FileData) -> None:
    with pytest.raises(LocalProtocolError):
        encode_data(bad)


@pytest.mark.parametrize("bad", [FileRefused("", "busy"), FileRefused(ID, "quota")])
def test_an_illegal_refusal_is_never_sent(bad: FileRefused) -> None:
    with pytest.raises(LocalProtocolError):
        encode_refused(bad)


def _get(**fields: object) -> bytes:
    obj = {"v": 1, "type": "file-get", "id": "a", "token": "t" * 32, "offset": 0, **fields}
    return json.dumps({k: v for k, v in obj.items() if v is not None}).encode()


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (b"", "json"),
        (b"hello", "json"),
        (b"\xff\xfe", "json"),
        (b"[1]", "json"),
        (b'{"v":1,"type":"file-get"', "json"),
        (_get(v=2), "v"),
        (_get(v=True), "v"),
        (_get(v="1"), "v"),
        (_get(type="file-data"), "type"),
        (_get(id=""), "id"),
        (_get(id="a" * 33), "id"),
        (_get(id="a b"), "id"),
        (_get(id=7), "id"),
        (_get(token="t" * 31), "token"),
        (_get(token="t" * 65), "token"),
        (_get(token="t" * 31 + "é"), "token"),
        (_get(offset=-1), "offset"),
        (_get(offset=MAX_FILE_SIZE + 1), "offset"),
        (_get(offset=1.0), "offset"),
        (_get(offset=False), "offset"),
        (_get(offset="0"), "offset"),
        (_get(x="y" * MAX_HEAD_BYTES), "size"),
    ],
)
def test_a_strangers_bad_get_is_refused(line: bytes, field: str) -> None:
    with pytest.raises(BadStreamLine) as caught:
        parse_get(line)
    assert caught.value.field == field


def test_a_get_just_at_the_bound_is_read_and_one_over_is_not() -> None:
    base = _get(x="")
    fill = MAX_HEAD_BYTES - len(base)
    assert parse_get(_get(x="y" * fill)) == FileGet("a", "t" * 32, 0)
    with pytest.raises(BadStreamLine):
        parse_get(_get(x="y" * (fill + 1)))


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (b"null", "json"),
        (b'{"v":1,"type":"file-get"}', "type"),
        (b'{"v":1,"type":"file-data","id":"a","offset":2,"size":1}', "offset"),
        (b'{"v":1,"type":"file-data","id":"a","offset":0}', "size"),
        (b'{"v":1,"type":"file-data","offset":0,"size":1}', "id"),
        (b'{"v":1,"type":"file-refused","id":"a","reason":"Busy"}', "reason"),
        (b'{"v":1,"type":"file-refused","id":"a","reason":""}', "reason"),
        (b'{"v":1,"type":"file-refused","id":"a","reason":"' + b"x" * 33 + b'"}', "reason"),
        (b'{"v":1,"type":"file-refused","reason":"busy"}', "id"),
    ],
)
def test_a_bad_answer_is_refused(line: bytes, field: str) -> None:
    with pytest.raises(BadStreamLine) as caught:
        parse_answer(line)
    assert caught.value.field == field


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_a_value_or_a_remote_error(data: bytes) -> None:
    for parse in (parse_get, parse_answer):
        with contextlib.suppress(RemoteProtocolError):
            parse(data)


def test_identity_checks() -> None:
    assert is_offer_id("a-b_C9")
    assert not is_offer_id("a.b")
    assert is_token("x" * 32)
    assert not is_token("x" * 31)


def test_head_reader_splits_line_and_rest_at_every_index() -> None:
    stream = encode_data(FileData("a", 0, 3)) + b"abc"
    for cut in range(len(stream) + 1):
        reader = HeadReader()
        line = reader.receive_data(stream[:cut])
        after = stream[cut:]
        if line is None:
            line, after = reader.receive_data(after), b""
        assert line == stream[: stream.index(b"\n")]
        assert reader.rest + after == b"abc"


def test_head_reader_one_byte_at_a_time() -> None:
    reader = HeadReader()
    got = [reader.receive_data(bytes([b])) for b in b'{"v":1}\n']
    assert got[:7] == [None] * 7
    assert got[7] == b'{"v":1}'
    assert reader.rest == b""


def test_head_reader_refuses_the_moment_the_line_passes_the_bound() -> None:
    reader = HeadReader(limit=8)
    assert reader.receive_data(b"1234567") is None
    with pytest.raises(LineTooLong):
        reader.receive_data(b"8")


def test_head_reader_takes_a_line_exactly_at_the_bound() -> None:
    assert HeadReader(limit=8).receive_data(b"1234567\n") == b"1234567"
    with pytest.raises(LineTooLong):
        HeadReader(limit=8).receive_data(b"12345678\n")


def test_head_reader_is_used_once() -> None:
    reader = HeadReader()
    assert reader.receive_data(b"x\n") == b"x"
    with pytest.raises(LocalProtocolError):
        reader.receive_data(b"y\n")


# -- the receiver's nick on the get line (who is fetching, for the sender's "Sending to …") -----


def test_a_get_may_carry_the_receivers_nick_and_the_longest_one_fits_the_bound() -> None:
    get = FileGet(ID, TOKEN, MAX_FILE_SIZE, "\U0001f600" * MAX_GET_NICK_CHARS)  # 4 UTF-8 bytes each
    line = encode_get(get)
    assert len(line) <= MAX_HEAD_BYTES
    assert parse_get(line) == get
    assert b'"nick"' not in encode_get(FileGet(ID, TOKEN, 0))  # none: as before, old senders see no change
    assert encode_get(FileGet("x1", "k" * 32, 5, 'b"\\o')) == (
        b'{"v":1,"type":"file-get","id":"x1","token":"' + b"k" * 32 + b'","offset":5,"nick":"b\\"\\\\o"}\n'
    )


@FAST
@given(ids, tokens, counts, st.text(max_size=MAX_GET_NICK_CHARS))
def test_a_get_with_a_nick_round_trips_cleaned(offer_id: str, token: str, offset: int, nick: str) -> None:
    clean = clean_nick(nick)
    assert parse_get(encode_get(FileGet(offer_id, token, offset, clean))) == FileGet(
        offer_id, token, offset, clean
    )
    assert parse_get(_get(nick=nick)).nick == clean  # a stranger's is cleaned on the way in


@pytest.mark.parametrize("nick", ["a\nb", " bob", "bo\u202eb", "x" * (MAX_GET_NICK_CHARS + 1)])
def test_a_nick_that_is_not_clean_is_never_sent(nick: str) -> None:
    with pytest.raises(LocalProtocolError):
        encode_get(FileGet(ID, TOKEN, 0, nick))


def test_a_strangers_nick_just_over_the_bound_or_not_text_is_refused() -> None:
    assert parse_get(_get(nick="n" * MAX_GET_NICK_CHARS)).nick == "n" * MAX_GET_NICK_CHARS
    for bad in ("n" * (MAX_GET_NICK_CHARS + 1), 7, ["bob"], None, True):
        line = json.dumps(
            {"v": 1, "type": "file-get", "id": "a", "token": "t" * 32, "offset": 0, "nick": bad}
        )
        with pytest.raises(BadStreamLine) as caught:
            parse_get(line.encode())
        assert caught.value.field == "nick"


def test_a_strangers_nick_of_nothing_printable_is_no_nick() -> None:
    assert parse_get(_get(nick="\u200b\u202e \t")).nick == ""
