"""UDP without a shared secret has no identity; the peer shows what it can know, and strangers break nothing.

Every forgery here comes from a plain socket on 127.0.0.1 with a port of its own, while a
real chatgui peer checks that the room goes on.
"""

from __future__ import annotations

import contextlib
import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatgui.events import (
    ChatReceived,
    Event,
    Problem,
    ProblemOccurred,
    RawReceived,
    SessionConfig,
    SessionState,
    Severity,
)
from chatgui.net.loop import Loop
from chatgui.net.session import Session
from chatgui.net.udp import MAX_NICKS, MAX_TRACKED_SENDERS, UdpPeer, host_port
from chatgui.protocol.frames import MAX_NICK_BYTES, MAX_PEER_BYTES, MAX_TEXT_BYTES
from chatgui.protocol.names import clean_nick
from tests.net.conftest import Peer

LOCAL = "127.0.0.1"


def udp(nick: str, host: str = "", port: int = 0, bind: str = LOCAL, **kw: Any) -> SessionConfig:
    return SessionConfig(mode="udp", role="peer", nick=nick, bind=bind, host=host, port=port, **kw)


def msg(peer: str, seq: int, nick: str, text: str, **extra: Any) -> bytes:
    frame = {"v": 1, "type": "msg", "peer": peer, "seq": seq, "ts": 1.5, "nick": nick, "text": text}
    return json.dumps({**frame, **extra}).encode()


@pytest.fixture
def strangers() -> Iterator[Callable[[], socket.socket]]:
    """Plain UDP sockets on 127.0.0.1, each with a port of its own."""
    made: list[socket.socket] = []

    def make() -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((LOCAL, 0))
        sock.settimeout(5)
        made.append(sock)
        return sock

    yield make
    for sock in made:
        sock.close()


@pytest.fixture
def stranger(strangers: Callable[[], socket.socket]) -> socket.socket:
    return strangers()


def address(sock: socket.socket) -> str:
    return f"{LOCAL}:{sock.getsockname()[1]}"


def room(make_peer: Callable[[], Peer]) -> tuple[Peer, Peer, int]:
    """``me`` answering whoever writes, and ``alice``, a real chatgui peer writing to it."""
    me = make_peer()
    me.start_active(udp("me"))
    port = me.listening_port()
    alice = make_peer()
    alice.start_active(udp("alice", LOCAL, port))
    return me, alice, port


def says(peer: Peer, text: str, **fields: Any) -> ChatReceived:
    """Wait until ``peer`` shows ``text``; check the fields given."""
    got = peer.wait(ChatReceived, lambda e: e.text == text)
    for name, value in fields.items():
        assert getattr(got, name) == value, (name, got)
    return got


# -- the tracker is keyed by peer id and source address --------------------------------------


def test_forged_peer_id_from_another_address_cannot_silence_anyone(
    make_peer: Callable[[], Peer], stranger: socket.socket
) -> None:
    me, alice, port = room(make_peer)
    alice.backend.send("one")
    first = says(me, "one", nick="alice")
    alice_addr = first.sender
    # alice's id with the numbers she will use next, and far above, from another address.
    for seq in [*range(2, 40), 1_000_000]:
        stranger.sendto(msg(first.peer, seq, "alice", f"forged {seq}"), (LOCAL, port))
    says(me, "forged 1000000", sender=address(stranger))
    alice.backend.send("two")
    alice.backend.send("three")
    says(me, "two", sender=alice_addr, nick="alice", seq=2)
    says(me, "three", sender=alice_addr, nick="alice", seq=3)
    # Still tracked per sender: a repeat from the stranger stays a repeat.
    stranger.sendto(msg(first.peer, 5, "alice", "forged again"), (LOCAL, port))
    stranger.sendto(b"marker", (LOCAL, port))
    me.wait(RawReceived, lambda e: e.text == "marker")
    assert not me.rec.of(ChatReceived, lambda e: e.text == "forged again")


@pytest.fixture
def bare_peer() -> Iterator[tuple[UdpPeer, list[Event]]]:
    """A UDP peer driven by hand in this thread: the test decides when it reads."""
    loop = Loop()
    events: list[Event] = []
    session = Session(loop, events.append)
    session.start(udp("me"))  # a numeric bind address binds at once, without running the loop
    peer = session._endpoint
    assert isinstance(peer, UdpPeer)
    assert peer.sock is not None
    yield peer, events
    session.stop()
    loop.close()


def _read_all(peer: UdpPeer) -> None:
    """Read rounds until nothing waits in the peer's backlog (a round handles DATAGRAMS_PER_WAKEUP)."""
    assert peer.sock is not None
    peer._read(peer.sock)
    while peer._backlogs[peer.sock].queue:
        peer._read(peer.sock)


def test_senders_tracked_are_bounded_and_the_oldest_go_first(
    bare_peer: tuple[UdpPeer, list[Event]], strangers: Callable[[], socket.socket]
) -> None:
    peer, events = bare_peer
    assert peer.sock is not None
    port = peer.sock.getsockname()[1]
    alice = strangers()
    alice.sendto(msg("alice-id", 1, "alice", "first"), (LOCAL, port))
    peer._read(peer.sock)
    sprayers = [strangers() for _ in range(4)]
    for index in range(MAX_TRACKED_SENDERS + 40):  # ids and source ports both sprayed
        sprayers[index % 4].sendto(msg(f"id{index}", 7, f"n{index}", "spray"), (LOCAL, port))
        if index % 100 == 99:
            _read_all(peer)  # well within the kernel's buffer between reads
    _read_all(peer)
    tracked = peer.received.peers()
    assert len(tracked) == MAX_TRACKED_SENDERS
    assert (("127.0.0.1", alice.getsockname()[1]), "alice-id") not in tracked  # the oldest went
    # Being forgotten costs alice nothing: her next message is shown.
    alice.sendto(msg("alice-id", 2, "alice", "second"), (LOCAL, port))
    peer._read(peer.sock)
    shown = [e for e in events if isinstance(e, ChatReceived)]
    assert [e.text for e in shown if e.peer == "alice-id"] == ["first", "second"]
    assert len(shown) == MAX_TRACKED_SENDERS + 42


# -- a nick already seen from another address is shown with the address ----------------------


def test_a_nick_seen_from_another_address_is_shown_with_that_address(
    make_peer: Callable[[], Peer], strangers: Callable[[], socket.socket]
) -> None:
    me, alice, port = room(make_peer)
    alice.backend.send("the real one")
    says(me, "the real one", nick="alice")
    s1, s2 = strangers(), strangers()
    # Another address, the same name however it is spelt: shown with the address, always.
    spellings = [
        ("plain", "alice"),
        ("case", "ALICE"),
        ("zero width", "ali\u200bce"),
        ("full width", "ａｌｉｃｅ"),
        ("padded", "  alice\n"),
    ]
    for seq, (text, nick) in enumerate(spellings, start=1):
        s1.sendto(msg("s1", seq, nick, text), (LOCAL, port))
        says(me, text, nick=f"{clean_nick(nick)} ({address(s1)})", sender=address(s1))
    # The first address to use a nick keeps it plain; later ones from elsewhere do not.
    s1.sendto(msg("s1", 100, "carol", "carol first"), (LOCAL, port))
    says(me, "carol first", nick="carol")
    s2.sendto(msg("s2", 1, "Carol", "carol second"), (LOCAL, port))
    says(me, "carol second", nick=f"Carol ({address(s2)})")
    s1.sendto(msg("s1", 101, "carol", "carol again"), (LOCAL, port))
    says(me, "carol again", nick="carol")
    # Our own nick is ours.
    s2.sendto(msg("s2", 2, "Me", "as me"), (LOCAL, port))
    says(me, "as me", nick=f"Me ({address(s2)})")
    # Nothing printable left: the address is the name; controls never reach the name.
    s2.sendto(msg("s2", 3, "\u200b\u202e\x1b", "nameless"), (LOCAL, port))
    says(me, "nameless", nick=address(s2))
    s2.sendto(msg("s2", 4, "bob\x1b]0;title\x07\u202e" + "b" * 60, "long"), (LOCAL, port))
    shown = says(me, "long").nick
    assert shown == clean_nick("bob\x1b]0;title\x07\u202e" + "b" * 60)
    assert len(shown) <= 32
    assert "\x1b" not in shown
    assert "\u202e" not in shown
    # And the real alice is still plain alice.
    alice.backend.send("still me")
    says(me, "still me", nick="alice")


def test_nicks_remembered_are_bounded_and_newcomers_then_show_their_address(
    bare_peer: tuple[UdpPeer, list[Event]], stranger: socket.socket
) -> None:
    peer, events = bare_peer
    assert peer.sock is not None
    port = peer.sock.getsockname()[1]
    for index in range(MAX_NICKS + 10):
        stranger.sendto(msg("spray", index + 1, f"nick{index}", "spray"), (LOCAL, port))
        if index % 200 == 199:
            _read_all(peer)
    _read_all(peer)
    assert len(peer._nick_owners) == MAX_NICKS
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as newcomer:
        newcomer.bind((LOCAL, 0))
        newcomer.sendto(msg("new", 1, "dave", "hello"), (LOCAL, port))
        peer._read(peer.sock)
        last = events[-1]
        assert isinstance(last, ChatReceived)
        assert last.nick == f"dave ({address(newcomer)})"
    assert len(peer._nick_owners) == MAX_NICKS


@pytest.mark.parametrize("role", ["broadcast", "multicast"])
def test_group_roles_show_a_nick_from_a_second_address_with_it(
    make_peer: Callable[[], Peer], strangers: Callable[[], socket.socket], role: str
) -> None:
    # Loopback only (see tests/net/test_udp_group.py); a shared port that no one else holds.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind((LOCAL, 0))
        port = int(probe.getsockname()[1])
    me = make_peer()
    group = {"group": "239.255.50.7"} if role == "multicast" else {}
    me.start_active(SessionConfig(mode="udp", role=role, nick="me", port=port, interface="lo", **group))
    s1, s2 = strangers(), strangers()
    s1.sendto(msg("s1", 1, "zed", "first zed"), (LOCAL, port))
    says(me, "first zed", nick="zed", sender=address(s1))
    s2.sendto(msg("s2", 1, "Zed", "second zed"), (LOCAL, port))
    says(me, "second zed", nick=f"Zed ({address(s2)})", sender=address(s2))
    s2.sendto(msg("s2", 2, "me", "as me"), (LOCAL, port))
    says(me, "as me", nick=f"me ({address(s2)})")
    s1.sendto(msg("s1", 2, "zed", "zed again"), (LOCAL, port))
    says(me, "zed again", nick="zed")


# -- join --udp HOST PORT: only the destination speaks under a nick ---------------------------


@pytest.mark.parametrize("bind", [LOCAL, "::"], ids=["ipv4", "dual-stack"])
def test_join_shows_other_addresses_as_addresses(
    make_peer: Callable[[], Peer], stranger: socket.socket, bind: str
) -> None:
    if bind == "::" and not socket.has_ipv6:
        pytest.skip("no IPv6 on this computer")
    bob = make_peer()
    bob.start_active(udp("bob"))
    bob_port = bob.listening_port()
    me = make_peer()
    # Dual stack: the destination becomes ::ffff:127.0.0.1, sources arrive IPv4-mapped too.
    me.start_active(udp("me", LOCAL, bob_port, bind=bind))
    me_port = me.listening_port()
    me.backend.send("hi bob")
    says(bob, "hi bob", nick="me")
    bob.backend.send("hi me")
    says(me, "hi me", nick="bob", sender=f"{LOCAL}:{bob_port}")
    stranger.sendto(msg("forger", 1, "bob", "I am bob"), (LOCAL, me_port))
    says(me, "I am bob", nick=address(stranger), sender=address(stranger))
    stranger.sendto(b"raw from elsewhere", (LOCAL, me_port))
    assert me.wait(RawReceived, lambda e: e.text == "raw from elsewhere").sender == address(stranger)
    bob.backend.send("still bob")
    says(me, "still bob", nick="bob")


def test_host_port_compares_what_is_the_same_address() -> None:
    assert host_port(("::ffff:127.0.0.1", 5, 0, 0)) == host_port(("127.0.0.1", 5)) == ("127.0.0.1", 5)
    assert host_port(("::1", 5, 0, 0)) == host_port(("0:0::1", 5)) == ("::1", 5)
    assert host_port(("fe80::1%lo", 5, 0, 1)) == ("fe80::1", 5)
    assert host_port(("127.0.0.1", 5)) != host_port(("127.0.0.1", 6))
    assert host_port(("not an address", 5)) == ("not an address", 5)


# -- host --udp --echo ---------------------------------------------------------------------


def _until_marker(sock: socket.socket, marker: bytes) -> list[bytes]:
    """What ``sock`` receives up to and including ``marker`` (sent last, so echoed last)."""
    got: list[bytes] = []
    while not got or got[-1] != marker:
        got.append(sock.recvfrom(65536)[0])
    return got


def _receipts(datagrams: list[bytes]) -> list[tuple[str, int]]:
    """(peer, seq) of every receipt in the acks among ``datagrams`` (one ack may carry several)."""
    acks = [json.loads(data) for data in datagrams if data.startswith(b'{"v":1,"type":"ack"')]
    return [(ack["peer"], seq) for ack in acks for seq in (*ack.get("also", []), ack["seq"])]


def test_echo_sends_every_datagram_back_as_it_came(
    make_peer: Callable[[], Peer], stranger: socket.socket
) -> None:
    echo = make_peer()
    echo.start_active(udp("echo", echo=True))
    port = echo.listening_port()
    for data in (b"Hello, world", b"\xff\xfe not utf-8", b"two\nlines\r\n", b""):
        stranger.sendto(data, (LOCAL, port))
        got, source = stranger.recvfrom(1024)
        assert (got, source) == (data, (LOCAL, port))
    framed = msg("tutor", 1, "tutor", "a chatgui message") + b"  "  # exact bytes, spaces too
    stranger.sendto(framed, (LOCAL, port))
    got = [stranger.recvfrom(65536)[0] for _ in range(2)]
    assert got[0] == framed
    assert json.loads(got[1]) == {"v": 1, "type": "ack", "peer": "tutor", "seq": 1, "ts": 1.5}
    says(echo, "a chatgui message", nick="tutor")
    # A real chatgui peer writing to it gets its own message back, under its nick.
    member = make_peer()
    member.start_active(udp("member", LOCAL, port))
    member.backend.send("echo me")
    says(member, "echo me", nick="member", sender=f"{LOCAL}:{port}")
    says(echo, "echo me", nick="member")


def test_echo_does_not_bounce_repeats_answers_or_its_own_messages(
    make_peer: Callable[[], Peer], stranger: socket.socket
) -> None:
    echo = make_peer()
    echo.start_active(udp("echo", echo=True))
    port = echo.listening_port()
    stranger.sendto(b"hello", (LOCAL, port))  # now the echo peer has heard of the stranger
    assert stranger.recvfrom(1024)[0] == b"hello"
    # The stranger plays a second echo server: what the echo peer types comes back to it.
    echo.backend.send("typed")
    mine = stranger.recvfrom(65536)[0]
    assert json.loads(mine)["text"] == "typed"
    stranger.sendto(mine, (LOCAL, port))
    repeat = msg("tutor", 1, "tutor", "once")
    stranger.sendto(repeat, (LOCAL, port))
    stranger.sendto(repeat, (LOCAL, port))
    stranger.sendto(
        json.dumps({"v": 1, "type": "ack", "peer": "x", "seq": 1, "ts": 0}).encode(), (LOCAL, port)
    )
    stranger.sendto(json.dumps({"v": 1, "type": "pong", "ts": 0}).encode(), (LOCAL, port))
    stranger.sendto(b"marker", (LOCAL, port))
    got = _until_marker(stranger, b"marker")
    while len(_receipts(got)) < 3:
        got.insert(0, stranger.recvfrom(65536)[0])  # receipts go out at the end of a read round
    # A later round: anything bounced in the rounds before has arrived by now.
    stranger.sendto(b"second marker", (LOCAL, port))
    got += _until_marker(stranger, b"second marker")
    frames = [json.loads(data) for data in got if not data.endswith(b"marker")]
    # An ack for its own message come back, the message echoed once, two acks for the repeat.
    assert [f["text"] for f in frames if f["type"] == "msg"] == ["once"]
    assert sorted(_receipts(got)) == sorted([(json.loads(mine)["peer"], 1), ("tutor", 1), ("tutor", 1)])
    assert [f["type"] for f in frames].count("pong") == 0
    assert echo.backend.state is SessionState.ACTIVE


def test_without_echo_nothing_is_echoed(make_peer: Callable[[], Peer], stranger: socket.socket) -> None:
    me = make_peer()
    me.start_active(udp("me"))
    port = me.listening_port()
    stranger.sendto(b"raw", (LOCAL, port))
    me.wait(RawReceived, lambda e: e.text == "raw")
    stranger.sendto(msg("tutor", 1, "tutor", "hi"), (LOCAL, port))
    assert json.loads(stranger.recvfrom(65536)[0])["type"] == "ack"  # the first answer is the ack


# -- a field over its bound: dropped, reported at most once a second ---------------------------

OVER_BOUNDS = [
    ("nick", msg("p", 1, "n" * (MAX_NICK_BYTES + 1), "x"), MAX_NICK_BYTES + 1, MAX_NICK_BYTES),
    ("nick", msg("p", 1, "é" * (MAX_NICK_BYTES // 2) + "e", "x"), MAX_NICK_BYTES + 1, MAX_NICK_BYTES),
    ("peer", msg("p" * (MAX_PEER_BYTES + 1), 1, "n", "x"), MAX_PEER_BYTES + 1, MAX_PEER_BYTES),
    ("text", msg("p", 1, "n", "t" * (MAX_TEXT_BYTES + 1)), MAX_TEXT_BYTES + 1, MAX_TEXT_BYTES),
    ("peer", json.dumps({"v": 1, "type": "ack", "peer": "p" * 65, "seq": 1, "ts": 0}).encode(), 65, 64),
    (
        "nick",
        json.dumps({"v": 1, "type": "hello", "nick": "n" * 257, "peer": "p", "app": "a"}).encode(),
        257,
        256,
    ),
]


@pytest.mark.parametrize(("field", "data", "size", "limit"), OVER_BOUNDS)
def test_a_field_over_its_bound_is_dropped_and_reported_while_the_room_goes_on(
    make_peer: Callable[[], Peer], stranger: socket.socket, field: str, data: bytes, size: int, limit: int
) -> None:
    me, alice, port = room(make_peer)
    stranger.sendto(data, (LOCAL, port))
    problem = me.wait(ProblemOccurred)
    assert problem == ProblemOccurred(
        Problem.BAD_FRAME, Severity.WARNING, address=address(stranger), detail=field, size=size, limit=limit
    )
    alice.backend.send("the room goes on")
    says(me, "the room goes on", nick="alice")
    assert not me.rec.of(RawReceived)
    assert [e.text for e in me.rec.of(ChatReceived)] == ["the room goes on"]
    assert me.backend.state is SessionState.ACTIVE


def test_just_at_the_bounds_is_shown(make_peer: Callable[[], Peer], stranger: socket.socket) -> None:
    me, _alice, port = room(make_peer)
    text = "t" * MAX_TEXT_BYTES
    stranger.sendto(msg("p" * MAX_PEER_BYTES, 1, "n" * MAX_NICK_BYTES, text), (LOCAL, port))
    got = me.wait(ChatReceived)
    assert (got.text, got.peer, got.nick) == (text, "p" * MAX_PEER_BYTES, clean_nick("n" * MAX_NICK_BYTES))
    assert not me.rec.of(ProblemOccurred)


def test_bad_frame_reports_are_coalesced_to_one_a_second(
    bare_peer: tuple[UdpPeer, list[Event]], stranger: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    peer, events = bare_peer
    assert peer.sock is not None
    port = peer.sock.getsockname()[1]
    clock = [100.0]
    monkeypatch.setattr(peer.ctx.loop, "now", lambda: clock[0])
    bad = msg("p", 1, "n" * (MAX_NICK_BYTES + 1), "x")

    def problems() -> list[ProblemOccurred]:
        return [e for e in events if isinstance(e, ProblemOccurred)]

    for _ in range(50):
        stranger.sendto(bad, (LOCAL, port))
    peer._read(peer.sock)
    assert [p.problem for p in problems()] == [Problem.BAD_FRAME]
    clock[0] += 0.999
    stranger.sendto(bad, (LOCAL, port))
    peer._read(peer.sock)
    assert len(problems()) == 1
    clock[0] += 0.001
    stranger.sendto(bad, (LOCAL, port))
    stranger.sendto(msg("p", 1, "n", "fine"), (LOCAL, port))
    peer._read(peer.sock)
    assert [p.problem for p in problems()] == [Problem.BAD_FRAME] * 2
    assert [e.text for e in events if isinstance(e, ChatReceived)] == ["fine"]
    assert not [e for e in events if isinstance(e, RawReceived)]


# -- any datagram from a stranger: nothing escapes _read, the room goes on ---------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_field_values = (
    _json
    | st.text(max_size=300)
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.lists(st.integers(min_value=-(2**64), max_value=2**64), max_size=1100)
    # Just over and just at the bounds (random text rarely reaches them).
    | st.sampled_from(["p" * 64, "p" * 65, "n" * 256, "n" * 257, "é" * 129, "r" * 1025, "t" * 16385])
    | st.just(["n"] * 1025)
)
_frames = st.fixed_dictionaries(
    {
        "v": st.sampled_from([1, 1, 1, 2, "1", None]),
        "type": st.sampled_from(
            ["msg", "ack", "hello", "ping", "pong", "error", "bye", "roster", "join", "x"]
        ),
    },
    optional={
        key: _field_values for key in ("peer", "seq", "ts", "nick", "text", "also", "reason", "nicks", "app")
    },
).map(lambda frame: json.dumps(frame).encode())
_datagrams = st.binary(max_size=2000) | _frames | _json.map(lambda value: json.dumps(value).encode())


@pytest.mark.parametrize("echo", [False, True], ids=["peer", "echo"])
def test_any_datagram_from_a_stranger_breaks_nothing(
    make_peer: Callable[[], Peer], strangers: Callable[[], socket.socket], echo: bool
) -> None:
    me = make_peer()
    me.start_active(udp("me", echo=echo))
    port = me.listening_port()
    alice = make_peer()
    alice.start_active(udp("alice", LOCAL, port))
    stranger = strangers()
    stranger.setblocking(False)  # its answers (acks, pongs, echoes) are not read
    checks = [0]

    @settings(
        max_examples=120,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.lists(_datagrams, min_size=1, max_size=3))
    def attack(datagrams: list[bytes]) -> None:
        for data in datagrams:
            if len(data) > 65_507:
                continue  # no IPv4 datagram can carry it (the fields can add up to more)
            with contextlib.suppress(BlockingIOError):  # the loopback send buffer was full
                stranger.sendto(data, (LOCAL, port))
        checks[0] += 1
        text = f"check {checks[0]}"
        alice.backend.send(text)
        says(me, text, nick="alice")

    attack()
    fatal = me.rec.of(ProblemOccurred, lambda e: e.fatal or e.severity is Severity.ERROR)
    assert not fatal
    assert me.backend.state is SessionState.ACTIVE
