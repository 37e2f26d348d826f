"""Frames v1: encoding, and parsing untrusted bytes without ever raising."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol import (
    MAX_ACK_ALSO,
    MAX_SEQ,
    MAX_TEXT_BYTES,
    Ack,
    Bye,
    DatagramTooLarge,
    ErrorFrame,
    Frame,
    Hello,
    IgnoredFrame,
    Join,
    Leave,
    LineTooLong,
    LocalProtocolError,
    Msg,
    NotEncodable,
    Ping,
    Pong,
    RemoteProtocolError,
    Roster,
    TextTooLong,
    check_text,
    encode_frame,
    parse_frame,
)
from tests.protocol.strategies import frames

FAST = settings(max_examples=300, deadline=None)
EVENT_MODULES = ("chatgui.protocol.frames", "chatgui.protocol.files")  # where every frame class lives


@FAST
@given(frames)
def test_every_frame_round_trips(frame: Frame) -> None:
    data = encode_frame(frame)
    assert b"\n" not in data  # JSON escapes newlines, so a frame is always one TCP line
    assert parse_frame(data) == frame


@pytest.mark.parametrize(
    ("frame", "wire"),
    [
        (Hello("ann", "p1", "0.1"), {"v": 1, "type": "hello", "nick": "ann", "peer": "p1", "app": "0.1"}),
        (
            Msg("p1", 7, 1.5, "ann", "你好 😀"),
            {"v": 1, "type": "msg", "peer": "p1", "seq": 7, "ts": 1.5, "nick": "ann", "text": "你好 😀"},
        ),
        (Ack("p1", 7, 1.5), {"v": 1, "type": "ack", "peer": "p1", "seq": 7, "ts": 1.5}),
        (
            Ack("p1", 7, 1.5, (5, 6)),
            {"v": 1, "type": "ack", "peer": "p1", "seq": 7, "ts": 1.5, "also": [5, 6]},
        ),
        (Roster(("ann", "bob")), {"v": 1, "type": "roster", "nicks": ["ann", "bob"]}),
        (Join("ann"), {"v": 1, "type": "join", "nick": "ann"}),
        (Leave("ann"), {"v": 1, "type": "leave", "nick": "ann"}),
        (Ping(2.0), {"v": 1, "type": "ping", "ts": 2.0}),
        (Pong(2.0), {"v": 1, "type": "pong", "ts": 2.0}),
        (Bye("done"), {"v": 1, "type": "bye", "reason": "done"}),
        (ErrorFrame("too big"), {"v": 1, "type": "error", "reason": "too big"}),
    ],
)
def test_wire_form_matches_design(frame: Frame, wire: dict[str, object]) -> None:
    data = encode_frame(frame)
    assert json.loads(data) == wire
    # Compact and readable: no spaces after separators, non-ASCII as UTF-8, not \u escapes.
    assert b", " not in data
    assert b": " not in data
    assert b"\\u" not in data


def test_text_over_the_limit_is_refused_before_encoding() -> None:
    check_text("x" * MAX_TEXT_BYTES)
    check_text("你" * (MAX_TEXT_BYTES // 3))
    with pytest.raises(TextTooLong) as info:
        encode_frame(Msg("p", 1, 0.0, "n", "你" * (MAX_TEXT_BYTES // 3 + 1)))
    assert (info.value.size, info.value.limit) == (3 * (MAX_TEXT_BYTES // 3 + 1), MAX_TEXT_BYTES)
    assert isinstance(info.value, LocalProtocolError)


def test_lone_surrogate_is_escaped_and_round_trips() -> None:
    frame = Msg("p", 1, 0.0, "n", "half \ud83d of an emoji")
    data = encode_frame(frame)
    data.decode("ascii")
    assert parse_frame(data) == frame


@pytest.mark.parametrize("ts", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_number_is_a_local_error(ts: float) -> None:
    with pytest.raises(LocalProtocolError, match="not finite"):
        encode_frame(Ping(ts))


def test_errors_carry_their_facts() -> None:
    assert DatagramTooLarge(70_000, 65_507).size == 70_000
    assert DatagramTooLarge(70_000, 65_507).limit == 65_507
    assert NotEncodable("gbk").encoding == "gbk"
    assert isinstance(NotEncodable("gbk"), LocalProtocolError)
    assert LineTooLong(10).limit == 10
    assert isinstance(LineTooLong(10), RemoteProtocolError)


MSG = '"peer":"p","seq":1,"ts":0,"nick":"n","text":"t"'


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"hello",
        b"   ",
        b"[1, 2]",
        b'"{"',
        b"{",
        b"{}",
        b'{"type":"msg"}',
        b'{"v":2,"type":"ping","ts":1}',
        b'{"v":"1","type":"ping","ts":1}',
        b'{"v":1.0,"type":"ping","ts":1}',
        b'{"v":true,"type":"ping","ts":1}',
        b'{"v":1}',
        b'{"v":1,"type":3}',
        b'{"v":1,"type":"ping"}',
        b'{"v":1,"type":"ping","ts":"1"}',
        b'{"v":1,"type":"ping","ts":true}',
        b'{"v":1,"type":"ping","ts":NaN}',
        b'{"v":1,"type":"ping","ts":Infinity}',
        b'{"v":1,"type":"ping","ts":1e999}',
        b'{"v":1,"type":"pong","ts":' + b"9" * 400 + b"}",
        b'{"v":1,"type":"pong","ts":' + b"9" * 5000 + b"}",
        b'{"v":1,"type":"join"}',
        b'{"v":1,"type":"leave","nick":null}',
        b'{"v":1,"type":"bye"}',
        b'{"v":1,"type":"error","reason":["x"]}',
        b'{"v":1,"type":"hello","nick":"n","peer":"p"}',
        b'{"v":1,"type":"roster","nicks":"ann"}',
        b'{"v":1,"type":"roster","nicks":["ann",1]}',
        b'{"v":1,"type":"ack","peer":"p","seq":1}',
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":null}',
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":2}',
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":{"2":3}}',
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":[2,true]}',
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":[2,0]}',
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":[2.0]}',
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":["2"]}',
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":[' + str(MAX_SEQ + 1).encode() + b"]}",
        b'{"v":1,"type":"ack","peer":"p","seq":1,"ts":0,"also":[' + b"2," * MAX_ACK_ALSO + b"2]}",
        b'{"v":1,"type":"msg",' + MSG.replace('"seq":1', '"seq":true').encode() + b"}",
        b'{"v":1,"type":"msg",' + MSG.replace('"seq":1', '"seq":0').encode() + b"}",
        b'{"v":1,"type":"msg",' + MSG.replace('"seq":1', '"seq":1.0').encode() + b"}",
        b'{"v":1,"type":"msg",' + MSG.replace('"seq":1', f'"seq":{MAX_SEQ + 1}').encode() + b"}",
        b'{"v":1,"type":"msg",' + MSG.replace('"nick":"n",', "").encode() + b"}",
        b'{"v":1,"type":"msg",' + MSG.replace('"ts":0', '"ts":"0"').encode() + b"}",
        b'{"v":1,"type":"msg",' + MSG.replace('"ts":0', '"ts":1e999').encode() + b"}",
        b'{"v":1,"type":"msg",' + MSG.replace('"text":"t"', '"text":null').encode() + b"}",
        b'{"v":1,"type":"ack","peer":"p","seq":0,"ts":0}',
        b'{"v":1,"type":"ack","peer":"p","seq":' + b"9" * 30 + b',"ts":0}',
        b'{"v":1,"type":"msg",' + MSG.replace('"seq":1', '"seq":' + "9" * 30).encode() + b"}",
        b'\xef\xbb\xbf{"v":1,"type":"ping","ts":1}',  # a BOM is not whitespace
        b'{"v":1,"type":"ping","ts":1,"x":"\xff"}',  # not UTF-8
        b'{"v":1,"type":"ping","ts":1} trailing',
        b"{" + b'"a":[' * 5000 + b"]" * 5000 + b"}",  # absurd nesting must not escape as RecursionError
    ],
)
def test_not_a_frame_is_none(payload: bytes) -> None:
    assert parse_frame(payload) is None


@pytest.mark.parametrize(
    ("payload", "frame"),
    [
        (b'  {"v":1,"type":"ping","ts":1}\r', Ping(1.0)),
        (b'{"v":1,"type":"pong","ts":-3,"extra":{"a":[1]}}', Pong(-3.0)),
        (b'{"type":"join","nick":"\xe4\xbd\xa0","v":1}', Join("你")),
        (
            b'{"v":1,"type":"msg",' + MSG.encode() + b',"nick":"last wins"}',
            Msg("p", 1, 0.0, "last wins", "t"),
        ),
        (b'{"v":1,"type":"typing","who":"ann"}', IgnoredFrame("typing")),
        (b'{"v":1,"type":""}', IgnoredFrame("")),
        (b'{"v":1,"type":"roster","nicks":[]}', Roster(())),
        (
            b'{"v":1,"type":"msg",' + MSG.replace('"seq":1', f'"seq":{MAX_SEQ}').encode() + b"}",
            Msg("p", MAX_SEQ, 0.0, "n", "t"),
        ),
        (b'{"v":1,"type":"ping","ts":' + b"9" * 300 + b"}", Ping(float(int("9" * 300)))),
        # The same frames whichever JSON parser reads them: huge integers, lone surrogates.
        (
            b'{"v":1,"type":"msg",' + MSG.replace('"ts":0', '"ts":' + "9" * 30).encode() + b"}",
            Msg("p", 1, 1e30, "n", "t"),
        ),
        (
            b'{"v":1,"type":"msg",' + MSG.replace('"ts":0', '"ts":2.5').encode() + b"}",
            Msg("p", 1, 2.5, "n", "t"),
        ),
        (b'{"v":1,"type":"msg",' + MSG.encode() + b',"x":' + b"9" * 400 + b"}", Msg("p", 1, 0.0, "n", "t")),
        (
            b'{"v":1,"type":"msg",' + MSG.replace('"text":"t"', '"text":"\\ud83d"').encode() + b"}",
            Msg("p", 1, 0.0, "n", "\ud83d"),
        ),
        # An ack from a version without "also", and the compatible extension.
        (b'{"v":1,"type":"ack","peer":"p","seq":3,"ts":0}', Ack("p", 3, 0.0)),
        (b'{"v":1,"type":"ack","peer":"p","seq":3,"ts":0,"also":[]}', Ack("p", 3, 0.0)),
        (
            b'{"v":1,"type":"ack","peer":"p","seq":3,"ts":0,"also":[1,2,' + str(MAX_SEQ).encode() + b"]}",
            Ack("p", 3, 0.0, (1, 2, MAX_SEQ)),
        ),
        (
            b'{"v":1,"type":"ack","peer":"p","seq":3,"ts":0,"also":[' + b"2," * (MAX_ACK_ALSO - 1) + b"2]}",
            Ack("p", 3, 0.0, (2,) * MAX_ACK_ALSO),
        ),
    ],
)
def test_frames_parse(payload: bytes, frame: Frame | IgnoredFrame) -> None:
    assert parse_frame(payload) == frame


@FAST
@given(st.binary(max_size=300))
def test_parse_frame_never_raises_on_bytes(payload: bytes) -> None:
    result = parse_frame(payload)
    assert result is None or type(result).__module__ in EVENT_MODULES


@FAST
@given(frames, st.integers(min_value=0, max_value=400), st.binary(min_size=1, max_size=3))
def test_parse_frame_never_raises_on_damaged_frames(frame: Frame, at: int, junk: bytes) -> None:
    data = encode_frame(frame)
    at = min(at, len(data))
    result = parse_frame(data[:at] + junk + data[at:])
    assert result is None or type(result).__module__ in EVENT_MODULES


def test_a_lone_ack_is_encoded_as_before() -> None:
    assert encode_frame(Ack("p", 3, 0.5)) == b'{"v":1,"type":"ack","peer":"p","seq":3,"ts":0.5}'
    assert encode_frame(Ack("p", 3, 0.5, (1, 2))) == (
        b'{"v":1,"type":"ack","peer":"p","seq":3,"ts":0.5,"also":[1,2]}'
    )


def test_an_ack_listing_too_many_is_refused_before_sending() -> None:
    assert parse_frame(encode_frame(Ack("p", 3, 0.0, (1,) * MAX_ACK_ALSO))) == Ack(
        "p", 3, 0.0, (1,) * MAX_ACK_ALSO
    )
    with pytest.raises(LocalProtocolError):
        encode_frame(Ack("p", 3, 0.0, (1,) * (MAX_ACK_ALSO + 1)))
