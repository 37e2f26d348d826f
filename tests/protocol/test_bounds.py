"""Every field of every frame has a bound checked on receipt; a relayed line always fits a member's limit."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatgui.protocol import MAX_LINE_BYTES, MAX_TEXT_BYTES, BadFrame, Msg, Welcome, parse_frame
from chatgui.protocol.frames import (
    MAX_APP_BYTES,
    MAX_NICK_BYTES,
    MAX_PEER_BYTES,
    MAX_REASON_BYTES,
    MAX_ROOM_ID_BYTES,
    MAX_ROOM_NAME_BYTES,
    MAX_ROSTER_NICKS,
    MAX_TYPE_CHARS,
    IgnoredFrame,
    Roster,
    fit_text,
    utf8_size,
)
from chatgui.protocol.lines import encode_line, encode_relay, truncation_mark

BASE = {"v": 1, "peer": "p", "seq": 1, "ts": 0.0, "nick": "n", "text": "t", "app": "a", "reason": "r"}


def frame(kind: str, **fields: object) -> bytes:
    return json.dumps({**BASE, "type": kind, **fields}, ensure_ascii=False).encode()


# (type, field, limit): each string field, filled with a 3-byte character so bytes and characters differ.
BOUNDS = [
    ("msg", "text", MAX_TEXT_BYTES),
    ("msg", "nick", MAX_NICK_BYTES),
    ("msg", "peer", MAX_PEER_BYTES),
    ("hello", "nick", MAX_NICK_BYTES),
    ("hello", "peer", MAX_PEER_BYTES),
    ("hello", "app", MAX_APP_BYTES),
    ("ack", "peer", MAX_PEER_BYTES),
    ("join", "nick", MAX_NICK_BYTES),
    ("leave", "nick", MAX_NICK_BYTES),
    ("welcome", "nick", MAX_NICK_BYTES),
    ("welcome", "room", MAX_ROOM_ID_BYTES),
    ("welcome", "name", MAX_ROOM_NAME_BYTES),
    ("bye", "reason", MAX_REASON_BYTES),
    ("error", "reason", MAX_REASON_BYTES),
]


@pytest.mark.parametrize(("kind", "name", "limit"), BOUNDS)
def test_a_field_at_its_bound_is_accepted_and_one_byte_over_is_a_bad_frame(
    kind: str, name: str, limit: int
) -> None:
    at = "好" * (limit // 3) + "x" * (limit % 3)
    accepted = parse_frame(frame(kind, **{name: at}))
    assert accepted is not None
    assert not isinstance(accepted, BadFrame | IgnoredFrame)
    assert getattr(accepted, name) == at
    over = at + "x"
    assert parse_frame(frame(kind, **{name: over})) == BadFrame(kind, name, limit + 1, limit)


def test_a_roster_is_bounded_in_count_and_in_each_nick() -> None:
    full = ["n"] * MAX_ROSTER_NICKS
    assert parse_frame(frame("roster", nicks=full)) == Roster(tuple(full))
    assert parse_frame(frame("roster", nicks=[*full, "n"])) == BadFrame(
        "roster", "nicks", MAX_ROSTER_NICKS + 1, MAX_ROSTER_NICKS
    )
    long_nick = "x" * (MAX_NICK_BYTES + 1)
    assert parse_frame(frame("roster", nicks=["a", long_nick])) == BadFrame(
        "roster", "nick", MAX_NICK_BYTES + 1, MAX_NICK_BYTES
    )


def test_an_unknown_type_keeps_a_bounded_name() -> None:
    event = parse_frame(frame("z" * 100_000))
    assert event == IgnoredFrame("z" * MAX_TYPE_CHARS)


def test_welcome_round_trips() -> None:
    line = encode_line(Welcome("alice (2)"))
    assert parse_frame(line) == Welcome("alice (2)")
    named = Welcome("alice", "a1b2c3d4e5f60718-50007", "Ann's room 好")
    assert parse_frame(encode_line(named)) == named


def test_a_welcome_without_a_room_is_what_old_hosts_and_members_always_exchanged() -> None:
    # Old member: the bytes of a welcome without a room are unchanged (no new keys).
    assert json.loads(encode_line(Welcome("alice"))) == {"v": 1, "type": "welcome", "nick": "alice"}
    # Old host: no room, no name.
    assert parse_frame(b'{"v":1,"type":"welcome","nick":"alice"}') == Welcome("alice", "", "")
    # A room that is not text is ignored like an unknown field, not a reason to refuse the welcome.
    assert parse_frame(b'{"v":1,"type":"welcome","nick":"a","room":7,"name":null}') == Welcome("a")


def test_utf8_size_measures_only_what_may_be_over() -> None:
    assert utf8_size("好好", 8) == 2  # cannot be over 8 bytes: its length is enough
    assert utf8_size("好好好", 8) == 9
    assert utf8_size("\ud800", 0) == 3  # a lone surrogate is measured, not a crash


def test_fit_text_cuts_at_a_character_boundary() -> None:
    assert fit_text("abc", 3) == ("abc", 0)
    assert fit_text("好好", 4) == ("好", 3)  # half a character is dropped whole
    assert fit_text("a" * 10, 4) == ("aaaa", 6)


def test_a_relay_that_fits_is_the_plain_line() -> None:
    msg = Msg("p", 1, 0.0, "alice", "hi")
    assert encode_relay(msg) == encode_line(msg)


@pytest.mark.parametrize(
    "text",
    [
        "A" * 17_000,  # a raw line from nc over the text limit
        "A" * 65_000,
        "\x01" * 20_000,  # six bytes of JSON each
        "\x01" * 10_500 + "z" * 5_000,  # under the text limit, over the line limit once escaped
        "好" * 20_000,
        '"\\' * 9_000,
    ],
)
def test_a_relay_always_fits_the_members_limits_and_says_what_was_cut(text: str) -> None:
    msg = Msg("p" * MAX_PEER_BYTES, 2**53, 1e300, "好" * 32, text)
    line = encode_relay(msg)
    assert len(line) <= MAX_LINE_BYTES
    assert line.endswith(b"\n")
    relayed = parse_frame(line)
    assert isinstance(relayed, Msg)
    assert utf8_size(relayed.text, MAX_TEXT_BYTES) <= MAX_TEXT_BYTES
    kept = relayed.text.rsplit(" \u2026 [+", 1)[0]
    dropped = len(text.encode()) - len(kept.encode())
    assert dropped > 0
    assert relayed.text == kept + truncation_mark(dropped)
    assert text.startswith(kept)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from('a好\x01"\\\n😀\u202e'), min_size=0, max_size=30_000))
def test_any_relay_fits(text: str) -> None:
    line = encode_relay(Msg("peer", 1, 0.0, "nick", text))
    assert len(line) <= MAX_LINE_BYTES
    relayed = parse_frame(line)
    assert isinstance(relayed, Msg)
    if relayed.text != text:
        kept, mark = relayed.text.rsplit(" \u2026 [+", 1)
        assert text.startswith(kept)
        assert mark == f"{len(text.encode()) - len(kept.encode()):,} bytes]"


def test_a_tiny_line_limit_still_gives_a_line() -> None:
    line = encode_relay(Msg("p", 1, 0.0, "n", "\x01" * 5000), max_line=1500)
    assert len(line) <= 1500
    relayed = parse_frame(line)
    assert isinstance(relayed, Msg)
    assert relayed.text.endswith(truncation_mark(5000 - relayed.text.count("\x01")))
