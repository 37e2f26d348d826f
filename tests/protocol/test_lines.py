"""TCP framing: the same events however the stream is split, bounded, and on time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol import (
    NEED_DATA,
    Closed,
    Frame,
    IgnoredFrame,
    LineEvent,
    LineFramer,
    LineTooLong,
    Msg,
    NeedData,
    Ping,
    RawText,
    RemoteProtocolError,
    encode_line,
)
from tests.protocol.strategies import frames

FAST = settings(max_examples=200, deadline=None)
BULK = {"on": False}


@pytest.fixture(autouse=True, scope="module", params=["next_event", "next_events"])
def _bulk(request: pytest.FixtureRequest) -> None:
    """Every test that drains through ``drain`` runs once per way of taking events."""
    BULK["on"] = request.param == "next_events"


def drain(framer: LineFramer, now: float = 0.0) -> list[LineEvent]:
    """Every event available at ``now``; stops at NEED_DATA or the first Closed."""
    if BULK["on"]:
        return list(framer.next_events(now))
    events: list[LineEvent] = []
    while True:
        event = framer.next_event(now)
        if isinstance(event, NeedData):
            return events
        events.append(event)
        if isinstance(event, Closed):
            return events


def feed(chunks: list[bytes], framer: LineFramer | None = None) -> list[LineEvent]:
    """Feed the chunks with no time passing, close, and collect every event."""
    framer = framer or LineFramer()
    events: list[LineEvent] = []
    for chunk in filter(None, chunks):  # a socket gives b"" only at the close
        framer.receive_data(chunk, 0.0)
        events += drain(framer)
    framer.receive_data(b"", 0.0)
    return events + drain(framer)


STREAM = (
    encode_line(Msg("p1", 1, 1.5, "ann", "你好 <b>x</b>\n😀"))
    + b"hello from nc\n"
    + "\u4e2d\u6587\r\n".encode()
    + b"\n"
    + encode_line(Ping(3.0))
    + b'{"v":1,"type":"future","x":1}\r\n'
    + b"bad \xff\xfe bytes\n"
    + b"unterminated \xe4\xbd"
)
EXPECTED: list[LineEvent] = [
    Msg("p1", 1, 1.5, "ann", "你好 <b>x</b>\n😀"),
    RawText("hello from nc", b"hello from nc", b"\n"),
    RawText("中文", "中文".encode(), b"\r\n"),
    RawText("", b"", b"\n"),
    Ping(3.0),
    IgnoredFrame("future"),
    RawText("bad \ufffd\ufffd bytes", b"bad \xff\xfe bytes", b"\n"),
    RawText("unterminated \ufffd", b"unterminated \xe4\xbd"),
    Closed(),
]


def test_stream_all_at_once() -> None:
    assert feed([STREAM]) == EXPECTED


def test_stream_one_byte_at_a_time() -> None:
    assert feed([STREAM[i : i + 1] for i in range(len(STREAM))]) == EXPECTED


def test_stream_split_at_every_index() -> None:
    for i in range(len(STREAM) + 1):
        assert feed([STREAM[:i], STREAM[i:]]) == EXPECTED, i


@FAST
@given(st.lists(frames, max_size=8), st.data())
def test_frames_survive_any_split(sent: list[Frame], data: st.DataObject) -> None:
    stream = b"".join(encode_line(frame) for frame in sent)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=6)))
    chunks = [stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True)]
    assert feed(chunks) == [*sent, Closed()]


@FAST
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r{"), max_size=60),
    st.data(),
)
def test_raw_text_survives_any_split_and_any_pause(text: str, data: st.DataObject) -> None:
    # Pauses flush tails mid-line and mid-character; nothing may be lost or garbled.
    stream = text.encode()
    framer = LineFramer(tail_delay=0.1)
    events: list[LineEvent] = []
    now, start = 0.0, 0
    while start < len(stream):
        end = data.draw(st.integers(start + 1, len(stream)))
        framer.receive_data(stream[start:end], now)
        now += data.draw(st.sampled_from([0.0, 0.05, 0.1, 1.0]))
        events += drain(framer, now)
        start = end
    framer.receive_data(b"", now)
    events += drain(framer, now)
    assert events[-1] == Closed()
    raw = events[:-1]
    assert all(isinstance(event, RawText) for event in raw)
    assert "".join(event.text for event in raw if isinstance(event, RawText)) == text.replace("\n", "")
    assert b"".join(event.data for event in raw if isinstance(event, RawText)) == stream.replace(b"\n", b"")


@FAST
@given(st.lists(st.binary(max_size=40), max_size=10), st.lists(st.floats(0, 0.3), min_size=10, max_size=10))
def test_any_bytes_give_events_or_remote_protocol_error(chunks: list[bytes], pauses: list[float]) -> None:
    framer = LineFramer(max_line=32)
    now = 0.0
    try:
        for chunk, pause in zip([*filter(None, chunks), b""], pauses, strict=False):
            framer.receive_data(chunk, now)
            now += pause
            for event in drain(framer, now):
                assert isinstance(event, RawText | IgnoredFrame | Closed) or type(event).__module__ == (
                    "chatgui.protocol.frames"
                )
    except RemoteProtocolError:
        pass


def test_cjk_split_across_receives_decodes_whole() -> None:
    framer = LineFramer()
    ni = "你".encode()
    framer.receive_data(b"a" + ni[:1], 0.0)
    assert framer.next_event(0.0) is NEED_DATA
    framer.receive_data(ni[1:] + b"b\n", 0.0)
    assert framer.next_event(0.0) == RawText("a你b", b"a" + ni + b"b")


def test_cjk_split_across_a_tail_flush_decodes_whole() -> None:
    framer = LineFramer(tail_delay=0.1)
    hao = "好".encode()
    framer.receive_data(b"x" + hao[:2], 0.0)
    assert framer.next_event(0.05) is NEED_DATA
    assert framer.next_event(0.1) == RawText("x", b"x" + hao[:2])
    framer.receive_data(hao[2:] + b"y\n", 0.5)
    assert framer.next_event(0.5) == RawText("好y", hao[2:] + b"y")


def test_tail_that_is_only_half_a_character_waits_for_the_rest() -> None:
    framer = LineFramer(tail_delay=0.1)
    hao = "好".encode()
    framer.receive_data(hao[:1], 0.0)
    assert framer.next_event(0.2) is NEED_DATA  # nothing to show yet, and nothing lost
    framer.receive_data(hao[1:], 0.3)
    assert framer.next_event(0.4) == RawText("好", hao)


def test_half_a_character_at_close_is_shown_replaced() -> None:
    framer = LineFramer(tail_delay=0.1)
    framer.receive_data(b"\xe4", 0.0)
    assert framer.next_event(0.2) is NEED_DATA
    framer.receive_data(b"", 0.3)
    assert drain(framer, 0.3) == [RawText("\ufffd", b"\xe4"), Closed()]


def test_half_a_character_then_line_end_is_shown_replaced() -> None:
    framer = LineFramer(tail_delay=0.1)
    framer.receive_data(b"\xe4", 0.0)
    assert framer.next_event(0.2) is NEED_DATA
    framer.receive_data(b"\n", 0.3)
    assert framer.next_event(0.3) == RawText("\ufffd", b"\xe4")


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("gbk", "你好，世界"), ("gb18030", "你好 𠀀 €"), ("big5", "繁體中文"), ("utf-8", "😀 naïve")],
)
def test_raw_lines_in_other_encodings(encoding: str, text: str) -> None:
    data = text.encode(encoding)
    framer = LineFramer(encoding=encoding)
    events = feed([data[:3], data[3:] + b"\r\n", data], framer)
    assert events == [RawText(text, data), RawText(text, data), Closed()]


def test_encoding_can_change_between_lines() -> None:
    framer = LineFramer()
    assert framer.encoding == "utf-8"
    framer.encoding = "gbk"
    assert framer.encoding == "gbk"
    framer.receive_data("你好\n".encode("gbk"), 0.0)
    assert framer.next_event(0.0) == RawText("你好", "你好".encode("gbk"))


def test_frames_are_utf8_whatever_the_raw_encoding() -> None:
    frame = Msg("p", 1, 0.0, "n", "你好")
    assert feed([encode_line(frame)], LineFramer(encoding="big5")) == [frame, Closed()]


def test_line_of_exactly_max_line_is_fine() -> None:
    framer = LineFramer(max_line=10)
    framer.receive_data(b"x" * 10 + b"\n", 0.0)
    assert framer.next_event(0.0) == RawText("x" * 10, b"x" * 10)


def test_max_line_unterminated_bytes_are_fine_and_one_more_raises() -> None:
    framer = LineFramer(max_line=10)
    framer.receive_data(b"x" * 6, 0.0)
    framer.receive_data(b"x" * 4, 0.0)
    with pytest.raises(LineTooLong) as info:
        framer.receive_data(b"x", 0.0)
    assert info.value.limit == 10
    assert framer.next_event(1.0) is NEED_DATA  # the long line is dropped, not shown
    assert framer.next_deadline() is None
    with pytest.raises(LineTooLong):
        framer.receive_data(b"\n", 1.0)
    with pytest.raises(LineTooLong):
        framer.receive_data(b"", 1.0)


def test_long_line_is_refused_at_once_but_lines_before_it_are_kept() -> None:
    framer = LineFramer(max_line=10)
    framer.receive_data(b"first", 0.0)
    with pytest.raises(LineTooLong):
        framer.receive_data(b" line\nsecond\n" + b"y" * 11 + b"\nnever", 0.0)
    assert drain(framer) == [RawText("first line", b"first line"), RawText("second", b"second")]


def test_long_line_spanning_receives_is_refused() -> None:
    framer = LineFramer(max_line=10)
    framer.receive_data(b"ok\n" + b"y" * 8, 0.0)
    with pytest.raises(LineTooLong):
        framer.receive_data(b"yyy\n", 0.0)
    assert drain(framer) == [RawText("ok", b"ok")]


def test_crlf_counts_towards_the_line_limit() -> None:
    framer = LineFramer(max_line=10)
    with pytest.raises(LineTooLong):
        framer.receive_data(b"x" * 10 + b"\r\n", 0.0)


def test_a_shown_tail_no_longer_counts_towards_the_limit() -> None:
    # A tutorial script that never sends "\n" keeps talking as long as it pauses.
    framer = LineFramer(max_line=10, tail_delay=0.1)
    for i in range(5):
        framer.receive_data(b"z" * 10, float(i))
        assert framer.next_event(i + 0.1) == RawText("z" * 10, b"z" * 10)


def test_tail_is_shown_after_tail_delay_of_quiet() -> None:
    # Binary fractions keep the arithmetic exact.
    framer = LineFramer(tail_delay=0.125)
    assert framer.next_deadline() is None
    framer.receive_data(b"hel", 1.0)
    assert framer.next_deadline() == 1.125
    assert framer.next_event(1.0625) is NEED_DATA
    framer.receive_data(b"lo", 1.0625)  # more bytes: the quiet starts again
    assert framer.next_deadline() == 1.1875
    assert framer.next_event(1.125) is NEED_DATA
    assert framer.next_event(1.1875) == RawText("hello", b"hello")
    assert framer.next_deadline() is None
    assert framer.next_event(5.0) is NEED_DATA
    framer.receive_data(b" world\r\n", 5.0)  # the rest of that line
    assert drain(framer, 5.0) == [RawText(" world", b" world")]


def test_line_end_after_a_shown_tail_adds_nothing() -> None:
    framer = LineFramer(tail_delay=0.1)
    framer.receive_data(b"hi", 0.0)
    assert framer.next_event(0.1) == RawText("hi", b"hi")
    framer.receive_data(b"\r\n", 0.2)
    assert framer.next_event(0.2) is NEED_DATA


def test_rest_of_a_shown_line_is_raw_even_if_it_looks_like_a_frame() -> None:
    framer = LineFramer(tail_delay=0.1)
    framer.receive_data(b"say: ", 0.0)
    assert framer.next_event(0.1) == RawText("say: ", b"say: ")
    ping = encode_line(Ping(1.0))
    framer.receive_data(ping, 0.2)
    assert framer.next_event(0.2) == RawText(ping[:-1].decode(), ping[:-1])
    framer.receive_data(ping, 0.3)  # the next line is a line of its own again
    assert framer.next_event(0.3) == Ping(1.0)


def test_tail_that_looks_like_a_frame_waits_longer() -> None:
    framer = LineFramer(tail_delay=0.1)
    line = encode_line(Msg("p", 1, 0.0, "n", "late segment"))
    framer.receive_data(b" " + line[:20], 0.0)
    assert framer.next_deadline() == pytest.approx(1.0)
    assert framer.next_event(0.5) is NEED_DATA
    framer.receive_data(line[20:], 0.6)
    assert framer.next_event(0.6) == Msg("p", 1, 0.0, "n", "late segment")


def test_frame_without_line_end_is_a_frame_when_its_tail_is_shown() -> None:
    framer = LineFramer(tail_delay=0.1)
    line = encode_line(Ping(2.0))
    framer.receive_data(line[:-1], 0.0)
    assert framer.next_event(0.5) is NEED_DATA
    assert framer.next_event(1.0) == Ping(2.0)
    framer.receive_data(b"\n", 1.1)
    assert framer.next_event(1.1) is NEED_DATA


def test_frame_without_line_end_at_close() -> None:
    framer = LineFramer()
    framer.receive_data(encode_line(Ping(2.0))[:-1], 0.0)
    framer.receive_data(b"", 0.0)
    assert framer.next_deadline() is None  # closed: everything is due now
    assert drain(framer) == [Ping(2.0), Closed()]


def test_rest_of_a_shown_tail_at_close_is_raw() -> None:
    framer = LineFramer(tail_delay=0.1)
    framer.receive_data(b"a", 0.0)
    assert framer.next_event(0.1) == RawText("a", b"a")
    framer.receive_data(encode_line(Ping(2.0))[:-1], 0.2)
    framer.receive_data(b"", 0.2)
    assert drain(framer, 0.2) == [
        RawText('{"v":1,"type":"ping","ts":2.0}', encode_line(Ping(2.0))[:-1]),
        Closed(),
    ]


def test_closed_after_everything_and_forever() -> None:
    framer = LineFramer()
    framer.receive_data(b"one\ntwo\nthr", 0.0)
    framer.receive_data(b"", 0.0)
    framer.receive_data(b"", 0.0)  # a second close changes nothing
    assert drain(framer) == [RawText("one", b"one"), RawText("two", b"two"), RawText("thr", b"thr"), Closed()]
    assert framer.next_event(9.0) == Closed()
    assert framer.next_event(9.0) == Closed()


def test_close_with_nothing_pending() -> None:
    framer = LineFramer()
    framer.receive_data(b"", 0.0)
    assert framer.next_event(0.0) == Closed()


def test_data_after_close_is_a_caller_bug() -> None:
    framer = LineFramer()
    framer.receive_data(b"", 0.0)
    with pytest.raises(RuntimeError, match="after the stream was closed"):
        framer.receive_data(b"x", 0.0)


def test_need_data_is_one_sentinel() -> None:
    assert repr(NEED_DATA) == "NEED_DATA"
    assert isinstance(NEED_DATA, NeedData)


def test_many_lines_in_one_receive_cost_linear_time() -> None:
    # 20,000 lines in one chunk: quadratic re-slicing would take seconds here.
    framer = LineFramer()
    framer.receive_data(b"line\n" * 20_000, 0.0)
    assert len(drain(framer)) == 20_000


def test_raw_lines_remember_their_ending_for_an_exact_echo() -> None:
    framer = LineFramer()
    framer.receive_data(b"lf\ncrlf\r\ntail", 0.0)
    events = drain(framer, 1.0)
    assert [e.ending for e in events if isinstance(e, RawText)] == [b"\n", b"\r\n", b""]
    assert [e.data + e.ending for e in events if isinstance(e, RawText)] == [b"lf\n", b"crlf\r\n", b"tail"]


def test_bulk_path_gives_nothing_for_the_bare_ending_of_a_line_already_shown() -> None:
    # Deterministic: Hypothesis reaches this branch only on some runs.
    framer = LineFramer()
    framer.receive_data(b"tail", 0.0)
    assert framer.next_events(1.0) == [RawText("tail", b"tail")]
    framer.receive_data(b"\r\nnext\n", 1.0)
    assert framer.next_events(1.0) == [RawText("next", b"next", b"\n")]
