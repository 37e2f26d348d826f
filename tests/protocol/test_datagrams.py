"""UDP datagrams and raw text: one datagram is one frame, raw text as typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol import (
    ENCODINGS,
    LINE_ENDINGS,
    MAX_TEXT_BYTES,
    MAX_UDP_PAYLOAD_V4,
    MAX_UDP_PAYLOAD_V6,
    DatagramTooLarge,
    Frame,
    IgnoredFrame,
    Msg,
    NotEncodable,
    RawText,
    Roster,
    TextTooLong,
    decode_datagram,
    decode_raw,
    encode_datagram,
    encode_frame,
    encode_raw,
)
from tests.protocol.strategies import frames

FAST = settings(max_examples=300, deadline=None)


@FAST
@given(frames)
def test_every_frame_round_trips_as_a_datagram(frame: Frame) -> None:
    assert decode_datagram(encode_datagram(frame), "utf-8") == frame


@FAST
@given(st.binary(max_size=300), st.sampled_from(ENCODINGS))
def test_decode_datagram_never_raises(data: bytes, encoding: str) -> None:
    event = decode_datagram(data, encoding)
    if isinstance(event, RawText):
        assert event.data == data


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"hello", "hello"),
        (b"hello\n", "hello"),
        (b"hello\r\n", "hello"),
        (b"hello\n\n", "hello\n"),  # only one line ending is stripped
        (b"a\rb\r", "a\rb\r"),
        (b"", ""),
        (b"\xff", "\ufffd"),
    ],
)
def test_raw_datagram_shows_text_and_keeps_exact_bytes(data: bytes, text: str) -> None:
    assert decode_datagram(data, "utf-8") == RawText(text, data)


def test_raw_datagram_in_gbk() -> None:
    data = "你好\n".encode("gbk")
    assert decode_datagram(data, "gbk") == RawText("你好", data)


def test_unknown_frame_type_in_a_datagram_is_ignored() -> None:
    assert decode_datagram(b'{"v":1,"type":"lab-burst"}', "utf-8") == IgnoredFrame("lab-burst")


def test_datagram_over_the_limit_is_refused() -> None:
    # Control characters take 6 bytes each once JSON-escaped: a legal text, too big a datagram.
    frame = Msg("p", 1, 0.0, "n", "\x01" * MAX_TEXT_BYTES)
    with pytest.raises(DatagramTooLarge) as info:
        encode_datagram(frame)
    assert info.value.size == len(encode_frame(frame))
    assert info.value.limit == MAX_UDP_PAYLOAD_V4
    nicks = Roster(tuple(f"user{i}" for i in range(200)))
    with pytest.raises(DatagramTooLarge):
        encode_datagram(nicks, limit=1000)
    assert encode_datagram(nicks, limit=MAX_UDP_PAYLOAD_V6) == encode_frame(nicks)


def test_text_too_long_for_a_datagram() -> None:
    with pytest.raises(TextTooLong):
        encode_datagram(Msg("p", 1, 0.0, "n", "x" * (MAX_TEXT_BYTES + 1)))


@pytest.mark.parametrize(
    ("line_ending", "suffix"),
    [("none", b""), ("lf", b"\n"), ("crlf", b"\r\n"), ("", b""), ("\n", b"\n"), ("\r\n", b"\r\n")],
)
def test_raw_line_endings_by_name_or_value(line_ending: str, suffix: bytes) -> None:
    assert encode_raw("hi", "utf-8", line_ending) == b"hi" + suffix


def test_unknown_line_ending_is_refused() -> None:
    with pytest.raises(ValueError, match="line ending"):
        encode_raw("hi", "utf-8", "cr")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_raw_round_trip_in_every_encoding(encoding: str) -> None:
    text = "你好" if encoding != "big5" else "你們好"
    data = encode_raw(text, encoding, "crlf")
    assert data == text.encode(encoding) + b"\r\n"
    assert decode_raw(data, encoding) == text + "\r\n"


def test_emoji_is_not_encodable_in_gbk() -> None:
    with pytest.raises(NotEncodable) as info:
        encode_raw("hi 😀", "gbk", "lf")
    assert info.value.encoding == "gbk"
    assert encode_raw("hi 😀", "gb18030", "none") == "hi 😀".encode("gb18030")


def test_raw_limit_is_measured_on_the_encoded_bytes() -> None:
    # 6,000 characters: 18,000 bytes in UTF-8 (over the limit), 12,000 in GBK (under it).
    text = "你" * 6000
    encode_raw(text, "gbk", "lf")
    with pytest.raises(TextTooLong) as info:
        encode_raw(text, "utf-8", "lf")
    assert info.value.size == 18_000


def test_decode_raw_replaces_invalid_bytes() -> None:
    assert decode_raw(b"ok \xff", "utf-8") == "ok \ufffd"
    assert set(LINE_ENDINGS) == {"none", "lf", "crlf"}
