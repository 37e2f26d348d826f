"""Private rooms on real loopback sockets: the handshake, sealed lines, refusals, slowed guesses."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from typing import Any

import pytest

from chatgui.events import (
    ChatReceived,
    Problem,
    ProblemOccurred,
    ReceiptReceived,
    RoomCode,
    RosterChanged,
    SessionConfig,
    SessionEnded,
)
from chatgui.net.common import PRIVATE_PLAIN_LINE
from chatgui.protocol.secure import Handshake, PassphraseMismatch, SecureChannel
from tests.net.conftest import LineSocket, Peer

PASSPHRASE = "maple-river-candle-orbit"


def host_config(**kw: Any) -> SessionConfig:
    return SessionConfig(mode="tcp", role="host", nick="hostess", bind="127.0.0.1", port=0, **kw)


def join_config(port: int, nick: str, **kw: Any) -> SessionConfig:
    return SessionConfig(mode="tcp", role="join", nick=nick, host="127.0.0.1", port=port, **kw)


def problem(kind: Problem) -> Callable[[ProblemOccurred], bool]:
    return lambda e: e.problem is kind


class SecureSocket(LineSocket):
    """A hand-made private-room member: the handshake and sealed lines over a plain socket."""

    channel: SecureChannel

    def handshake(self, passphrase: str) -> Handshake:
        shake = Handshake(passphrase, host=False)
        self.sock.sendall(shake.start())
        while not shake.done:
            reply = shake.receive_line(self.line())
            if reply:
                self.sock.sendall(reply)
        self.channel = shake.channel()
        return shake

    def send_sealed(self, **fields: Any) -> None:
        self.sock.sendall(self.channel.seal(json.dumps({"v": 1, **fields}).encode()))

    def sealed_frame(self) -> dict[str, Any]:
        return dict(json.loads(self.channel.open(self.line())))


@pytest.fixture
def private_host(make_peer: Callable[[], Peer]) -> Peer:
    peer = make_peer()
    peer.start_active(host_config(passphrase=PASSPHRASE))
    return peer


def test_private_room_host_and_two_members_chat_with_one_room_code_each(
    private_host: Peer, make_peer: Callable[[], Peer]
) -> None:
    port = private_host.listening_port()
    alice, bob = make_peer(), make_peer()
    alice.start_active(join_config(port, "alice", passphrase=PASSPHRASE))
    bob.start_active(join_config(port, "bob", passphrase=PASSPHRASE))
    alice.wait(RosterChanged, lambda e: sorted(e.nicks) == ["alice", "bob", "hostess"])
    codes = {e.address.rsplit(":", 1)[1]: e.code for e in private_host.wait_count(RoomCode, 2)}
    for member in (alice, bob):
        code = member.wait(RoomCode)
        local_port = member.rec.events[[type(e).__name__ for e in member.rec.events].index("Connected")].local
        assert code.code == codes[local_port.rsplit(":", 1)[1]]
        assert len(code.code) == 9
    assert codes[next(iter(codes))] != codes[list(codes)[1]]  # fresh keys per connection

    for i in range(20):
        alice.backend.send(f"secret {i}")
    got = bob.wait_count(ChatReceived, 20, lambda e: e.nick == "alice")
    assert [e.text for e in got] == [f"secret {i}" for i in range(20)]
    assert len(alice.wait_count(ReceiptReceived, 20)) == 20
    private_host.backend.send("from the host")
    assert alice.wait(ChatReceived, lambda e: e.text == "from the host").nick == "hostess"
    bob.backend.send("x" * 16_000)
    assert alice.wait(ChatReceived, lambda e: e.nick == "bob").text == "x" * 16_000
    assert private_host.wait_count(ChatReceived, 21)[-1].text == "x" * 16_000


def test_a_private_room_sends_nothing_readable(private_host: Peer) -> None:
    port = private_host.listening_port()
    member = SecureSocket(port)
    try:
        member.handshake(PASSPHRASE)
        member.send_sealed(type="hello", nick="mallory", peer="m0", app="test")
        raw = member.line()
        assert b"mallory" not in raw
        assert not raw.startswith(b"{")
        member.buf = raw + b"\n" + member.buf
        assert member.sealed_frame() == {"v": 1, "type": "welcome", "nick": "mallory"}
        assert member.sealed_frame()["type"] == "roster"
    finally:
        member.close()


def test_a_wrong_passphrase_fails_on_both_sides_within_two_seconds(
    private_host: Peer, make_peer: Callable[[], Peer]
) -> None:
    port = private_host.listening_port()
    eve = make_peer()
    started = time.monotonic()
    eve.start(join_config(port, "eve", passphrase="wrong-words-here-now"))
    failed = eve.wait(ProblemOccurred, problem(Problem.PASSPHRASE_MISMATCH), timeout=2000)
    assert failed.fatal
    eve.wait(SessionEnded, timeout=2000)
    private_host.wait(ProblemOccurred, problem(Problem.PASSPHRASE_MISMATCH), timeout=2000)
    assert time.monotonic() - started < 2.0
    assert not eve.rec.of(RoomCode)
    assert not private_host.rec.of(RoomCode)


def test_plain_clients_are_told_the_room_is_private(
    private_host: Peer, make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    port = private_host.listening_port()
    nc = plain_clients(port)
    nc.sock.sendall(b"hi there\n")
    assert nc.read_until_closed() == PRIVATE_PLAIN_LINE
    tutorial = plain_clients(port)
    tutorial.send_json(type="hello", nick="t", peer="t0", app="test")
    assert json.loads(tutorial.read_until_closed()) == {
        "v": 1,
        "type": "error",
        "reason": "this room is private: join with its passphrase",
    }
    carol = make_peer()
    carol.start(join_config(port, "carol"))
    refused = carol.wait(ProblemOccurred, problem(Problem.ROOM_PRIVATE), timeout=2000)
    assert refused.fatal
    carol.wait(SessionEnded)
    private_host.wait(ProblemOccurred, problem(Problem.ROOM_PRIVATE))
    assert not private_host.rec.of(ChatReceived)


def test_a_passphrase_for_a_plain_room_is_refused_at_once(host: Peer, make_peer: Callable[[], Peer]) -> None:
    dave = make_peer()
    started = time.monotonic()
    dave.start(join_config(host.listening_port(), "dave", passphrase=PASSPHRASE))
    assert dave.wait(ProblemOccurred, problem(Problem.ROOM_NOT_PRIVATE), timeout=2000).fatal
    assert time.monotonic() - started < 2.0


def test_a_silent_old_host_times_out_the_handshake(make_peer: Callable[[], Peer]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        frank = make_peer()
        frank.start(join_config(port, "frank", passphrase=PASSPHRASE, connect_timeout=1.0))
        conn, _ = server.accept()
        with conn:
            timeout = frank.wait(ProblemOccurred, problem(Problem.HANDSHAKE_TIMEOUT), timeout=3000)
            assert timeout.fatal
            assert timeout.limit == 1


def test_repeated_wrong_guesses_are_slowed_and_said_once(private_host: Peer) -> None:
    port = private_host.listening_port()
    for _ in range(2):
        guess = SecureSocket(port)
        with pytest.raises(PassphraseMismatch):
            guess.handshake("a-wrong-guess")
        guess.close()
    private_host.wait_count(ProblemOccurred, 2, problem(Problem.PASSPHRASE_MISMATCH))
    assert not private_host.rec.of(ProblemOccurred, problem(Problem.GUESSES_SLOWED))
    for expected in (1.0,):
        guess = SecureSocket(port)
        started = time.monotonic()
        with pytest.raises(PassphraseMismatch):
            guess.handshake("a-wrong-guess")
        assert time.monotonic() - started >= expected - 0.1
        guess.close()
    private_host.wait_count(ProblemOccurred, 3, problem(Problem.PASSPHRASE_MISMATCH))
    slowed = private_host.rec.of(ProblemOccurred, problem(Problem.GUESSES_SLOWED))
    assert len(slowed) == 1
    assert slowed[0].limit == 1
    # The right passphrase still gets in (after its wait), and ends the streak.
    member = SecureSocket(port)
    started = time.monotonic()
    member.handshake(PASSPHRASE)
    assert time.monotonic() - started >= 1.9
    member.close()
    member = SecureSocket(port)
    started = time.monotonic()
    member.handshake(PASSPHRASE)
    assert time.monotonic() - started < 0.5
    member.close()


def test_a_tampered_line_ends_only_its_connection(private_host: Peer, make_peer: Callable[[], Peer]) -> None:
    port = private_host.listening_port()
    alice, bob = make_peer(), make_peer()
    alice.start_active(join_config(port, "alice", passphrase=PASSPHRASE))
    bob.start_active(join_config(port, "bob", passphrase=PASSPHRASE))
    mallory = SecureSocket(port)
    try:
        mallory.handshake(PASSPHRASE)
        mallory.send_sealed(type="hello", nick="mallory", peer="m0", app="test")
        alice.wait(RosterChanged, lambda e: "mallory" in e.nicks)
        line = bytearray(
            mallory.channel.seal(b'{"v":1,"type":"msg","peer":"m0","seq":1,"ts":1,"nick":"m","text":"hi"}')
        )
        line[10] = ord("A") if line[10] != ord("A") else ord("B")
        mallory.sock.sendall(bytes(line))
        unreadable = private_host.wait(ProblemOccurred, problem(Problem.UNREADABLE))
        assert unreadable.size == 1
        assert not unreadable.fatal
        alice.wait(RosterChanged, lambda e: "mallory" not in e.nicks)
        mallory.read_until_closed()
    finally:
        mallory.close()
    alice.backend.send("still here")
    assert bob.wait(ChatReceived, lambda e: e.text == "still here").nick == "alice"
    assert not private_host.rec.of(ChatReceived, lambda e: e.text == "hi")


def test_a_member_gives_up_a_host_whose_line_does_not_open(make_peer: Callable[[], Peer]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        grace = make_peer()
        grace.start(join_config(server.getsockname()[1], "grace", passphrase=PASSPHRASE))
        conn, _ = server.accept()
        with conn:
            conn.settimeout(5)
            fake = LineSocket.__new__(SecureSocket)
            fake.sock, fake.buf = conn, b""
            shake = Handshake(PASSPHRASE, host=True)
            conn.sendall(shake.receive_line(fake.line()))
            shake.receive_line(fake.line())
            assert shake.done
            channel = shake.channel()
            assert json.loads(channel.open(fake.line()))["type"] == "hello"
            conn.sendall(b"AAAA" + channel.seal(b'{"v":1,"type":"welcome","nick":"grace"}'))
            unreadable = grace.wait(ProblemOccurred, problem(Problem.UNREADABLE))
            assert unreadable.size == 1
            assert unreadable.fatal
    assert grace.wait(RoomCode).code == shake.room_code


def test_raw_mode_and_a_passphrase_are_refused(make_peer: Callable[[], Peer]) -> None:
    peer = make_peer()
    peer.start(host_config(passphrase=PASSPHRASE, raw=True))
    assert peer.wait(ProblemOccurred).fatal
    peer.wait(SessionEnded)
