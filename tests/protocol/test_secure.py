"""Private rooms' sealing: passphrases, the handshake and sealed lines, happy and hostile.

The promise under test: any bytes from the network give a result or one of the documented
errors (``RemoteProtocolError`` and its subclasses), never anything else; nothing changed,
replayed, reordered or forged ever opens.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatgui.protocol import (
    MAX_LINE_BYTES,
    MAX_PASSPHRASE_CHARS,
    MAX_SEALED_LINE_BYTES,
    MAX_SEALED_PLAINTEXT_BYTES,
    NEED_DATA,
    CounterExhausted,
    Handshake,
    LineFramer,
    LocalProtocolError,
    PassphraseMismatch,
    PlaintextTooLong,
    RawText,
    RemoteProtocolError,
    RoomNotPrivate,
    SecureChannel,
    SecureError,
    generate_passphrase,
    is_handshake_line,
    udp_room_key,
)
from chatgui.protocol.secure import MAX_COUNTER
from chatgui.protocol.words import WORDS

PASSPHRASE = "maple-river-candle-orbit"


def lines(data: bytes) -> list[bytes]:
    r"""Split what a handshake returned into its lines, without their ``\n``."""
    assert data.endswith(b"\n")
    return data[:-1].split(b"\n")


def feed(handshake: Handshake, data: bytes) -> bytes:
    """Give ``handshake`` every line of ``data``; return all it answered."""
    return b"".join(handshake.receive_line(line) for line in lines(data))


def member_first(host_pass: str = PASSPHRASE, member_pass: str = PASSPHRASE) -> tuple[Handshake, Handshake]:
    """The order the net layer uses: the host waits for the member's first line."""
    host, member = Handshake(host_pass, host=True), Handshake(member_pass, host=False)
    to_host = member.start()
    to_member = feed(host, to_host)
    assert len(lines(to_member)) == 2  # the host's pake and its confirm at once
    to_host = feed(member, to_member)
    assert member.done
    assert not host.done
    assert feed(host, to_host) == b""
    return host, member


def connected() -> tuple[SecureChannel, SecureChannel]:
    """The host's and the member's channels after a real handshake."""
    host, member = member_first()
    return host.channel(), member.channel()


def keyed() -> tuple[SecureChannel, SecureChannel]:
    """Two ends of a channel with fresh random keys, without a handshake's 20 ms (for fuzzing)."""
    one, two = os.urandom(32), os.urandom(32)
    return SecureChannel(one, two), SecureChannel(two, one)


def frame(obj: object) -> bytes:
    return json.dumps(obj).encode()


# --- passphrases -------------------------------------------------------------------------


def test_the_word_list_is_long_distinct_and_easy() -> None:
    assert len(WORDS) >= 1024
    assert len(set(WORDS)) == len(WORDS)
    assert all(re.fullmatch("[a-z]{3,8}", word) for word in WORDS)


def test_a_generated_passphrase_is_four_listed_words() -> None:
    passphrases = {generate_passphrase() for _ in range(50)}
    assert len(passphrases) == 50  # 41 bits each: a repeat here means the randomness is broken
    for passphrase in passphrases:
        words = passphrase.split("-")
        assert len(words) == 4
        assert all(word in WORDS for word in words)


@pytest.mark.parametrize("passphrase", ["", "x" * (MAX_PASSPHRASE_CHARS + 1)])
def test_an_empty_or_too_long_passphrase_is_refused(passphrase: str) -> None:
    with pytest.raises(ValueError, match="passphrase"):
        Handshake(passphrase, host=True)
    with pytest.raises(ValueError, match="passphrase"):
        udp_room_key(passphrase)


def test_the_longest_passphrase_works() -> None:
    host, member = member_first("é" * MAX_PASSPHRASE_CHARS, "é" * MAX_PASSPHRASE_CHARS)
    assert host.room_code == member.room_code


# --- the handshake -----------------------------------------------------------------------


def test_member_first_both_ends_agree_and_talk() -> None:
    host, member = member_first()
    assert re.fullmatch(r"\d{4} \d{4}", host.room_code)
    assert host.room_code == member.room_code
    to_member, to_host = host.channel(), member.channel()
    assert to_host.open(to_member.seal(b"hello")[:-1]) == b"hello"
    assert to_member.open(to_host.seal(b"welcome")[:-1]) == b"welcome"


def test_host_first_works_too() -> None:
    host, member = Handshake(PASSPHRASE, host=True), Handshake(PASSPHRASE, host=False)
    to_host = feed(member, host.start())
    assert len(lines(to_host)) == 2  # the member's pake and its confirm at once
    to_member = feed(host, to_host)
    assert host.done
    assert feed(member, to_member) == b""
    assert member.done
    assert host.room_code == member.room_code


@pytest.mark.parametrize("order", ["host", "member", "interleaved"])
def test_both_ends_start_at_once_in_any_arrival_order(order: str) -> None:
    host, member = Handshake(PASSPHRASE, host=True), Handshake(PASSPHRASE, host=False)
    host_pake, member_pake = host.start(), member.start()
    if order == "host":
        host_confirm = feed(host, member_pake)
        member_confirm = feed(member, host_pake)
    else:
        member_confirm = feed(member, host_pake)
        host_confirm = feed(host, member_pake)
    if order == "interleaved":
        assert feed(member, host_confirm) == b""
        assert feed(host, member_confirm) == b""
    else:
        assert feed(host, member_confirm) == b""
        assert feed(member, host_confirm) == b""
    assert host.done
    assert member.done
    assert host.room_code == member.room_code
    assert member.channel().open(host.channel().seal(b"x")[:-1]) == b"x"


def test_each_connection_gets_fresh_keys_and_code() -> None:
    first, _ = member_first()
    second, _ = member_first()
    # Same passphrase, same first line to seal: different keys make different bytes.
    assert first.channel().seal(b"x") != second.channel().seal(b"x")


def test_a_wrong_passphrase_fails_on_both_ends() -> None:
    host, member = Handshake(PASSPHRASE, host=True), Handshake("maple-river-candle-orbiT", host=False)
    to_member = feed(host, member.start())
    pake, confirm = lines(to_member)
    to_host = member.receive_line(pake)
    with pytest.raises(PassphraseMismatch):
        member.receive_line(confirm)
    with pytest.raises(PassphraseMismatch):
        feed(host, to_host)
    assert not host.done
    assert not member.done
    with pytest.raises(RemoteProtocolError, match="after the handshake ended"):
        host.receive_line(confirm)  # a failed handshake takes nothing more


def test_two_hosts_do_not_confirm() -> None:
    one, two = Handshake(PASSPHRASE, host=True), Handshake(PASSPHRASE, host=True)
    to_two = feed(one, two.start())
    with pytest.raises(PassphraseMismatch):
        feed(two, to_two)


def test_the_passphrase_is_nfkc_normalised() -> None:
    host, member = member_first("ｍａｐｌｅ", "maple")  # fullwidth letters, as some IMEs type them
    assert host.room_code == member.room_code


def test_calls_out_of_turn_are_local_errors() -> None:
    handshake = Handshake(PASSPHRASE, host=False)
    with pytest.raises(LocalProtocolError):
        _ = handshake.room_code
    with pytest.raises(LocalProtocolError):
        handshake.channel()
    handshake.start()
    with pytest.raises(LocalProtocolError, match="already started"):
        handshake.start()


def test_channel_is_one_object() -> None:
    host, _ = member_first()
    assert host.channel() is host.channel()


def test_out_of_order_lines_are_remote_errors() -> None:
    host, member = Handshake(PASSPHRASE, host=True), Handshake(PASSPHRASE, host=False)
    pake, confirm = lines(feed(host, member.start()))
    with pytest.raises(RemoteProtocolError, match="confirm before the pake"):
        Handshake(PASSPHRASE, host=False).receive_line(confirm)
    member.receive_line(pake)
    with pytest.raises(RemoteProtocolError, match="second pake"):
        member.receive_line(pake)
    _, done_member = member_first()
    with pytest.raises(RemoteProtocolError, match="after the handshake ended"):
        done_member.receive_line(confirm)
    assert done_member.done  # a stray line does not undo a finished handshake's keys


def test_a_reflected_pake_is_refused() -> None:
    handshake = Handshake(PASSPHRASE, host=True)
    with pytest.raises(RemoteProtocolError, match="not valid"):
        handshake.receive_line(handshake.start()[:-1])


def pake(msg: bytes) -> bytes:
    return frame({"v": 1, "type": "pake", "msg": base64.b64encode(msg).decode()})


@pytest.mark.parametrize(
    ("line", "error", "match"),
    [
        (b"{" * (1025), RemoteProtocolError, "over 1024"),
        (b"\xff{}", RemoteProtocolError, "not JSON"),
        (b"hello", RemoteProtocolError, "not JSON"),
        (b"[" * 500 + b"]" * 500, RemoteProtocolError, "version-1"),
        (b"[1]", RemoteProtocolError, "version-1"),
        (frame({"type": "pake"}), RemoteProtocolError, "version-1"),
        (frame({"v": True, "type": "pake"}), RemoteProtocolError, "version-1"),
        (frame({"v": 2, "type": "pake"}), RemoteProtocolError, "version-1"),
        (frame({"v": 1, "type": "welcome", "nick": "host"}), RoomNotPrivate, "welcome"),
        (frame({"v": 1}), RoomNotPrivate, "None"),
        (frame({"v": 1, "type": "pake"}), RemoteProtocolError, "without its msg"),
        (frame({"v": 1, "type": "pake", "msg": 7}), RemoteProtocolError, "without its msg"),
        (frame({"v": 1, "type": "pake", "msg": "a*b="}), RemoteProtocolError, "not base64"),
        (frame({"v": 1, "type": "pake", "msg": "é"}), RemoteProtocolError, "not base64"),
        (pake(b"S" * 32), RemoteProtocolError, "32 bytes, not 33"),
        (pake(b"S" + b"\xff" * 32), RemoteProtocolError, "not valid"),  # not a curve point
        (pake(b"S" + bytes(32)), RemoteProtocolError, "not valid"),
        (pake(b"A" + bytes(32)), RemoteProtocolError, "not valid"),  # an asymmetric SPAKE2 side
    ],
    ids=lambda value: value[:40] if isinstance(value, bytes) else None,
)
def test_garbage_is_a_remote_error(line: bytes, error: type[Exception], match: str) -> None:
    handshake = Handshake(PASSPHRASE, host=True)
    with pytest.raises(error, match=match):
        handshake.receive_line(line)
    # A well-formed pake frame is a private-room client's line, whatever its message.
    assert is_handshake_line(line) == (match == "not valid")


def test_is_handshake_line() -> None:
    handshake = Handshake(PASSPHRASE, host=False)
    first = handshake.start()
    assert is_handshake_line(first[:-1])
    assert is_handshake_line(first[:-1] + b"\r")  # JSON's whitespace, as a CRLF client sends
    confirm = lines(feed(Handshake(PASSPHRASE, host=True), first))[1]
    assert not is_handshake_line(confirm)
    assert not is_handshake_line(frame({"v": 1, "type": "hello", "nick": "a", "peer": "p", "app": "1"}))
    assert not is_handshake_line(b"")


@given(st.binary(max_size=200))
def test_any_bytes_are_a_remote_error(data: bytes) -> None:
    assert is_handshake_line(data) in (True, False)
    with pytest.raises(RemoteProtocolError):
        Handshake(PASSPHRASE, host=True).receive_line(data)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_tampered_handshake_line_never_confirms(data: st.DataObject) -> None:
    host, member = Handshake(PASSPHRASE, host=True), Handshake(PASSPHRASE, host=False)
    to_member = lines(feed(host, member.start()))
    which = data.draw(st.sampled_from([0, 1]), label="line")
    line = bytearray(to_member[which])
    index = data.draw(st.integers(0, len(line) - 1), label="index")
    line[index] ^= data.draw(st.integers(1, 255), label="xor")
    to_member[which] = bytes(line)
    try:
        for each in to_member:
            member.receive_line(each)
    except RemoteProtocolError:
        assert not member.done
    else:
        # Only a change JSON cannot see (e.g. an escape) may pass; the keys then still agree.
        assert member.done
        assert member.room_code == host.room_code


# --- sealed lines ------------------------------------------------------------------------


def test_a_sealed_line_hides_and_frames_cleanly() -> None:
    to_member, to_host = connected()
    plain = b'{"v":1,"type":"msg","text":"my bank PIN is 4711"}'
    sealed = to_member.seal(plain)
    assert sealed.endswith(b"\n")
    assert b"\n" not in sealed[:-1]
    assert not sealed.startswith(b"{")
    assert b"4711" not in sealed
    assert re.fullmatch(rb"[A-Za-z0-9_-]+\n", sealed)
    assert to_host.open(sealed[:-1]) == plain
    assert to_member.seal(plain) != sealed  # a new nonce every line


def test_the_same_line_each_way_differs() -> None:
    to_member, to_host = connected()
    assert to_member.seal(b"x") != to_host.seal(b"x")


def test_an_end_cannot_open_its_own_lines() -> None:
    to_member, _ = connected()
    with pytest.raises(SecureError):
        to_member.open(to_member.seal(b"echo")[:-1])


def test_the_longest_plaintext_fits_the_framer() -> None:
    to_member, to_host = connected()
    plain = b"x" * MAX_SEALED_PLAINTEXT_BYTES
    sealed = to_member.seal(plain)
    assert len(sealed) == MAX_SEALED_LINE_BYTES <= MAX_LINE_BYTES
    framer = LineFramer()
    framer.receive_data(sealed, now=0.0)
    event = framer.next_event(now=0.0)
    assert isinstance(event, RawText)
    assert to_host.open(event.data) == plain
    with pytest.raises(PlaintextTooLong) as refused:
        to_member.seal(plain + b"x")
    assert (refused.value.size, refused.value.limit) == (
        MAX_SEALED_PLAINTEXT_BYTES + 1,
        MAX_SEALED_PLAINTEXT_BYTES,
    )


def test_a_sealed_line_over_the_limit_is_refused_unread() -> None:
    _, to_host = connected()
    with pytest.raises(SecureError, match="over the limit"):
        to_host.open(b"A" * MAX_SEALED_LINE_BYTES)


def test_counters_end_before_nonces_repeat() -> None:
    to_member, to_host = connected()
    to_member._send_counter = to_host._receive_counter = MAX_COUNTER
    assert to_host.open(to_member.seal(b"last")[:-1]) == b"last"
    with pytest.raises(CounterExhausted):
        to_member.seal(b"one too many")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda line: line[:-1], id="truncated"),
        pytest.param(lambda line: line[:5], id="cut short"),
        pytest.param(lambda line: b"", id="empty"),
        pytest.param(lambda line: line + b"A", id="one more character"),
        pytest.param(
            lambda line: b"+" + line[1:] if line[:1] == b"-" else b"*" + line[1:], id="bad alphabet"
        ),
        pytest.param(lambda line: line + b"==", id="padded"),
        pytest.param(lambda line: "é".encode() + line, id="not ascii"),
        pytest.param(lambda line: line.replace(b"-", b"+").replace(b"_", b"/") + b"+", id="standard base64"),
        pytest.param(lambda line: bytes([line[0] ^ 1]) + line[1:], id="flipped"),
    ],
)
def test_a_changed_line_does_not_open(change: Callable[[bytes], bytes]) -> None:
    to_member, to_host = connected()
    sealed = to_member.seal(b"a line of some length, " * 3)[:-1]
    with pytest.raises(SecureError):
        to_host.open(change(sealed))


def test_a_non_canonical_ending_does_not_open() -> None:
    to_member, to_host = connected()
    sealed = to_member.seal(b"xxx")[:-1]  # 19 bytes -> 26 characters, the last with 4 spare bits
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(sealed[-1:])
    other = sealed[:-1] + alphabet[last ^ 1 : (last ^ 1) + 1]  # same bytes, another spare bit
    assert base64.urlsafe_b64decode(other + b"==") == base64.urlsafe_b64decode(sealed + b"==")
    with pytest.raises(SecureError, match="canonical"):
        to_host.open(other)


def test_replayed_reordered_and_dropped_lines_do_not_open() -> None:
    for case in ("replayed", "reordered", "dropped"):
        to_member, to_host = connected()
        first, second = to_member.seal(b"one")[:-1], to_member.seal(b"two")[:-1]
        if case == "replayed":
            assert to_host.open(first) == b"one"
            with pytest.raises(SecureError):
                to_host.open(first)
        else:
            with pytest.raises(SecureError):
                to_host.open(second)
        # Whatever failed, the channel stays shut: the connection must end.
        with pytest.raises(SecureError, match="earlier line"):
            to_host.open(first if case != "replayed" else second)


def test_keys_must_be_32_bytes() -> None:
    with pytest.raises(ValueError, match="32"):
        SecureChannel(bytes(31), bytes(32))
    with pytest.raises(ValueError, match="32"):
        SecureChannel(bytes(32), bytes(33))


@settings(max_examples=50)
@given(st.lists(st.binary(max_size=300), min_size=1, max_size=10))
def test_random_lines_round_trip_through_the_framer(payloads: list[bytes]) -> None:
    to_member, to_host = keyed()
    framer = LineFramer()
    framer.receive_data(b"".join(to_member.seal(payload) for payload in payloads), now=0.0)
    for payload in payloads:
        event = framer.next_event(now=0.0)
        assert isinstance(event, RawText)  # never taken for a frame: it cannot start with "{"
        assert to_host.open(event.data) == payload
    assert framer.next_event(now=0.0) is NEED_DATA


@settings(max_examples=100)
@given(st.binary(max_size=200), st.data())
def test_a_tampered_or_truncated_line_never_opens(payload: bytes, data: st.DataObject) -> None:
    to_member, to_host = keyed()
    sealed = bytearray(to_member.seal(payload)[:-1])
    if data.draw(st.booleans(), label="truncate"):
        sealed = sealed[: data.draw(st.integers(0, len(sealed) - 1), label="keep")]
    else:
        index = data.draw(st.integers(0, len(sealed) - 1), label="index")
        sealed[index] ^= data.draw(st.integers(1, 255), label="xor")
    with pytest.raises(SecureError):
        to_host.open(bytes(sealed))


@settings(max_examples=100)
@given(st.lists(st.binary(max_size=100), max_size=5))
def test_garbage_lines_never_open(garbage: list[bytes]) -> None:
    _, to_host = keyed()
    for line in garbage:
        with pytest.raises(SecureError):
            to_host.open(line)


@settings(max_examples=40)
@given(st.permutations(range(4)))
def test_lines_out_of_order_never_open(order: list[int]) -> None:
    to_member, to_host = keyed()
    sealed = [to_member.seal(b"%d" % i)[:-1] for i in range(4)]
    opened = []
    try:
        for i in order:
            opened.append(to_host.open(sealed[i]))
    except SecureError:
        pass
    # Only the in-order prefix opens: nothing later, nothing out of place.
    assert opened == [b"%d" % i for i in range(len(opened))]
    assert order[: len(opened)] == list(range(len(opened)))
