"""Reading the lines of one TCP read at once gives what reading them one by one gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol import MAX_SEQ, MAX_TEXT_BYTES, BadFrame, Msg, encode_frame, parse_frame
from chatgui.protocol.lines import parse_frames
from tests.protocol.strategies import frames

FAST = settings(max_examples=300, deadline=None)
MSG = '"peer":"p","seq":1,"ts":0,"nick":"n","text":"t"'

# Payloads whose answer depends on details of the JSON reading: white space, a BOM, a second
# parser's rules (huge numbers, lone surrogates, nesting), a field over its bound, not a dict.
AWKWARD = [
    b"",
    b" ",
    b"hello",
    b"[1, 2]",
    b'"text"',
    b"12",
    b"null",
    b'  {"v":1,"type":"ping","ts":1}\r',
    b'\t{"v":1,"type":"msg",' + MSG.encode() + b"}\r",
    b'\xef\xbb\xbf{"v":1,"type":"ping","ts":1}',
    b'\x0c{"v":1,"type":"ping","ts":1}',
    b'{"v":1,"type":"ping","ts":1,"x":"\xff"}',
    b'{"v":1,"type":"ping","ts":1} trailing',
    b'{"v":1,"type":"ping","ts":1},{"v":1,"type":"ping","ts":2}',
    b"{" + b'"a":[' * 2000 + b"]" * 2000 + b"}",
    b'{"v":1,"type":"msg",' + MSG.replace('"ts":0', '"ts":' + "9" * 30).encode() + b"}",
    b'{"v":1,"type":"msg",' + MSG.replace('"seq":1', '"seq":' + "9" * 30).encode() + b"}",
    b'{"v":1,"type":"msg",' + MSG.replace('"seq":1', f'"seq":{MAX_SEQ + 1}').encode() + b"}",
    b'{"v":1,"type":"msg",' + MSG.replace('"text":"t"', '"text":"\\ud83d"').encode() + b"}",
    b'{"v":1,"type":"msg",'
    + MSG.replace('"text":"t"', '"text":"' + "x" * (MAX_TEXT_BYTES + 1) + '"').encode()
    + b"}",
    b'{"v":1,"type":"msg",' + MSG.replace('"nick":"n"', '"nick":"' + "n" * 300 + '"').encode() + b"}",
    b'{"v":1,"type":"msg",' + MSG.replace('"ts":0', '"ts":NaN').encode() + b"}",
    b'{"v":true,"type":"msg",' + MSG.encode() + b"}",
    b'{"v":1.0,"type":"msg",' + MSG.encode() + b"}",
    b'{"v":2,"type":"msg",' + MSG.encode() + b"}",
    b'{"v":1,"type":7,' + MSG.encode() + b"}",
    b'{"v":1,"type":"typing"}',
    b'{"v":1,"type":"roster","nicks":["a","b"]}',
]


def _same(payloads: list[bytes]) -> None:
    batch = parse_frames(payloads)
    single = [parse_frame(payload) for payload in payloads]
    assert batch == single
    assert [type(frame) for frame in batch] == [type(frame) for frame in single]


def test_awkward_payloads_read_the_same_at_once() -> None:
    _same(AWKWARD)
    kinds = {type(frame) for frame in parse_frames(AWKWARD)}
    assert {Msg, BadFrame, type(None)} <= kinds  # the list reaches every kind of answer


def test_a_msg_read_at_once_is_an_ordinary_equal_msg() -> None:
    (msg,) = parse_frames([b'{"v":1,"type":"msg",' + MSG.encode() + b"}"])
    assert msg == Msg("p", 1, 0.0, "n", "t")
    assert hash(msg) == hash(Msg("p", 1, 0.0, "n", "t"))
    assert repr(msg) == repr(Msg("p", 1, 0.0, "n", "t"))


@FAST
@given(
    st.lists(
        st.one_of(
            frames.map(encode_frame),
            frames.map(lambda frame: b" \t" + encode_frame(frame) + b"\r"),
            st.sampled_from(AWKWARD),
            st.binary(max_size=120),
        ),
        max_size=20,
    )
)
def test_any_payloads_read_the_same_at_once(payloads: list[bytes]) -> None:
    _same(payloads)


@FAST
@given(frames, st.integers(min_value=0, max_value=400), st.binary(min_size=1, max_size=3))
def test_damaged_frames_read_the_same_at_once(frame: object, at: int, junk: bytes) -> None:
    data = encode_frame(frame)  # type: ignore[arg-type]  # a Frame from the strategy
    at = min(at, len(data))
    _same([data, data[:at] + junk + data[at:], data])
