"""Private rooms on real loopback sockets: the handshake, sealed lines, refusals, slowed guesses."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Iterator
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
from chatgui.protocol.secure_datagrams import is_sealed_datagram
from tests.net.conftest import LineSocket, Peer
from tests.net.test_udp_group import _two_talk, free_udp_port, multicast

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


# -- UDP -----------------------------------------------------------------------------


def udp(nick: str, host: str = "", port: int = 0, **kw: Any) -> SessionConfig:
    return SessionConfig(mode="udp", role="peer", nick=nick, bind="127.0.0.1", host=host, port=port, **kw)


@pytest.fixture
def wire() -> Iterator[socket.socket]:
    """A plain UDP socket in the middle: it sees what goes over the wire and can send it again."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(5)
    yield sock
    sock.close()


def test_a_private_udp_pair_chats_with_receipts(make_peer: Callable[[], Peer]) -> None:
    a = make_peer()
    a.start_active(udp("a", passphrase=PASSPHRASE))
    b = make_peer()
    b.start_active(udp("b", "127.0.0.1", a.listening_port(), passphrase=PASSPHRASE))
    for i in range(10):
        b.backend.send(f"b{i} 你好")
    got = a.wait_count(ChatReceived, 10)
    assert sorted(e.text for e in got) == sorted(f"b{i} 你好" for i in range(10))
    assert {e.nick for e in got} == {"b"}
    assert len(b.wait_count(ReceiptReceived, 10)) == 10
    a.backend.send("back to b")  # to everyone heard from
    assert b.wait(ChatReceived, lambda e: e.text == "back to b").nick == "a"
    a.wait(ReceiptReceived)
    assert not a.rec.of(ProblemOccurred)
    assert not b.rec.of(ProblemOccurred)


def test_a_replayed_datagram_is_shown_once_and_counted(
    make_peer: Callable[[], Peer], wire: socket.socket
) -> None:
    a = make_peer()
    a.start_active(udp("a", passphrase=PASSPHRASE))
    b = make_peer()
    b.start_active(udp("b", "127.0.0.1", wire.getsockname()[1], passphrase=PASSPHRASE))
    b.backend.send("pay 10 euros")
    captured, _ = wire.recvfrom(65536)
    assert is_sealed_datagram(captured)
    assert b"pay 10" not in captured
    assert b'"b"' not in captured
    target = ("127.0.0.1", a.listening_port())
    wire.sendto(captured, target)
    a.wait(ChatReceived, lambda e: e.text == "pay 10 euros")
    wire.sendto(captured, target)
    unreadable = a.wait(ProblemOccurred, problem(Problem.UNREADABLE))
    assert unreadable.size == 1
    assert unreadable.address == f"127.0.0.1:{wire.getsockname()[1]}"
    assert len(a.rec.of(ChatReceived)) == 1


def test_forged_and_foreign_datagrams_are_not_shown_but_counted(
    make_peer: Callable[[], Peer], wire: socket.socket
) -> None:
    a = make_peer()
    a.start_active(udp("a", passphrase=PASSPHRASE))
    target = ("127.0.0.1", a.listening_port())
    forged = {
        "v": 1,
        "type": "msg",
        "peer": "p",
        "seq": 1,
        "ts": 1.0,
        "nick": "boss",
        "text": "wire the money",
    }
    for seq in range(1, 6):
        wire.sendto(json.dumps({**forged, "seq": seq}).encode(), target)

    def counted() -> int:
        return sum(e.size or 0 for e in a.rec.of(ProblemOccurred, problem(Problem.UNREADABLE)))

    a.qtbot.waitUntil(lambda: counted() == 5, timeout=5000)
    reports = a.rec.of(ProblemOccurred, problem(Problem.UNREADABLE))
    assert 1 <= len(reports) <= 2  # at most once a second per address
    stranger = make_peer()
    stranger.start_active(udp("eve", "127.0.0.1", a.listening_port(), passphrase="another-pass-phrase-x"))
    stranger.backend.send("let me in")
    a.wait(ProblemOccurred, lambda e: e.problem is Problem.UNREADABLE and e.address != reports[0].address)
    assert not a.rec.of(ChatReceived)


def test_private_multicast_instances_hear_each_other_but_not_themselves(
    make_peer: Callable[[], Peer],
) -> None:
    port = free_udp_port()
    a, b = make_peer(), make_peer()
    a.start_active(multicast("a", port, passphrase=PASSPHRASE))
    b.start_active(multicast("b", port, passphrase=PASSPHRASE))
    _two_talk(a, b)
