"""Who is here in UDP broadcast and multicast rooms: presence hellos on loopback, real sockets.

Like ``test_udp_group``, everything names ``interface="lo"`` (broadcasts to 127.255.255.255,
IPv4 multicast on ``lo``): nothing leaves this computer. Strangers send from other loopback
addresses (127.0.x.y), as other computers would.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from chatgui.events import (
    ChatReceived,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    ReceiptReceived,
    RosterChanged,
    SessionConfig,
)
from chatgui.net.presence import MAX_MEMBERS, MAX_PER_HOST
from chatgui.protocol.frames import MAX_NICK_BYTES
from chatgui.protocol.secure_datagrams import DATAGRAM_MARKER
from tests.net.conftest import Peer
from tests.net.test_udp_group import GROUP, free_udp_port

BROADCAST = "127.255.255.255"
FAST = 0.2  # seconds between presence hellos where a test waits for silence


def group(role: str, nick: str, port: int, interval: float = FAST, **kw: Any) -> SessionConfig:
    kw.setdefault("interface", "lo")
    if role == "multicast":
        kw.setdefault("group", GROUP)
    return SessionConfig(mode="udp", role=role, nick=nick, port=port, presence_interval=interval, **kw)  # type: ignore[arg-type]


def roster(peer: Peer) -> tuple[str, ...]:
    """What the window would list now: the last roster told."""
    told = peer.rec.of(RosterChanged)
    return told[-1].nicks if told else ()


def wait_roster(peer: Peer, names: set[str], timeout: int = 5000) -> None:
    def listed() -> None:
        assert set(roster(peer)) == names, roster(peer)

    peer.qtbot.waitUntil(listed, timeout=timeout)


def hello(nick: str, peer: str) -> bytes:
    return json.dumps({"v": 1, "type": "hello", "nick": nick, "peer": peer, "app": "script"}).encode()


def datagram_socket(host: str = "127.0.0.1") -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    sock.bind((host, 0))
    sock.settimeout(5)
    return sock


def frames_until(sock: socket.socket, done: Callable[[bytes], bool]) -> list[tuple[bytes, Any]]:
    """Datagrams read from ``sock`` up to and including the first that ``done`` accepts."""
    got: list[tuple[bytes, Any]] = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        data, addr = sock.recvfrom(65536)
        got.append((data, addr))
        if done(data):
            return got
    pytest.fail(f"not found in {got[-5:]}")


def of_type(data: bytes, kind: str) -> bool:
    try:
        frame = json.loads(data)
    except ValueError:
        return False
    return isinstance(frame, dict) and frame.get("type") == kind


@pytest.fixture
def port() -> int:
    return free_udp_port()


@pytest.fixture
def listener(port: int) -> Iterator[socket.socket]:
    """A tutorial script on the room's port: it prints whatever arrives there."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.settimeout(5)
    with sock:
        sock.bind(("0.0.0.0", port))
        yield sock


@pytest.mark.parametrize("role", ["broadcast", "multicast"])
def test_three_members_list_each_other_and_a_goodbye_is_told(
    make_peer: Callable[[], Peer], port: int, role: str
) -> None:
    a, b, c = make_peer(), make_peer(), make_peer()
    for peer, nick in ((a, "ann"), (b, "bob"), (c, "cy")):
        peer.start_active(group(role, nick, port))
    for peer in (a, b, c):
        wait_roster(peer, {"ann", "bob", "cy"})
    assert roster(a)[0] == "ann"  # our own name first, as a TCP host lists itself
    assert roster(b)[0] == "bob"
    joined = {e.nick: e.address for e in a.rec.of(PeerJoined)}
    assert set(joined) == {"bob", "cy"}
    assert all(address.startswith("127.0.0.1:") for address in joined.values())
    c.backend.stop()
    for peer in (a, b):
        left = peer.wait(PeerLeft, lambda e: e.nick == "cy")
        assert (left.address, left.silent) == (joined["cy"], 0.0)  # said goodbye: not a silence
        wait_roster(peer, {"ann", "bob"})
    assert not a.rec.of(PeerLeft, lambda e: e.nick == "bob")


def test_a_member_gone_silent_is_gone_after_three_intervals(make_peer: Callable[[], Peer], port: int) -> None:
    a, b = make_peer(), make_peer()
    a.start_active(group("broadcast", "ann", port))
    b.start_active(group("broadcast", "bob", port))
    wait_roster(a, {"ann", "bob"})
    with datagram_socket() as xena:
        xena.sendto(hello("xena", "x1"), (BROADCAST, port))
        wait_roster(a, {"ann", "bob", "xena"})
        wait_roster(b, {"ann", "bob", "xena"})
        # The newcomer is answered, and then said hello to every interval, at its own port:
        # three hellos from ann arrive there (so three intervals passed since xena's one hello).
        from_ann: list[Any] = []
        while len(from_ann) < 3:
            data, addr = xena.recvfrom(65536)
            if of_type(data, "hello") and json.loads(data)["nick"] == "ann":
                from_ann.append(addr)
        assert all(addr[1] != port for addr in from_ann)  # ann's sending port, not the group's
        for peer in (a, b):
            left = peer.wait(PeerLeft, lambda e: e.nick == "xena")
            assert left.silent == pytest.approx(3 * FAST)
            assert left.address.startswith("127.0.0.1:")
    # bob kept saying hello all that time: listed throughout, and the room goes on.
    b.backend.send("still here")
    assert a.wait(ChatReceived, lambda e: e.text == "still here").nick == "bob"
    wait_roster(a, {"ann", "bob"})
    assert not a.rec.of(PeerLeft, lambda e: e.nick == "bob")
    assert not b.rec.of(PeerLeft, lambda e: e.nick == "ann")


def test_a_hostile_hello_flood_stays_bounded_while_the_room_talks(
    make_peer: Callable[[], Peer], port: int
) -> None:
    interval = 1.0  # the whole spray arrives within one silence (3 s), even on a busy computer
    a, b = make_peer(), make_peer()
    a.start_active(group("broadcast", "ann", port, interval))
    b.start_active(group("broadcast", "bob", port, interval))
    wait_roster(a, {"ann", "bob"})
    # One socket making up peer ids and nicks: one member, renamed.
    with datagram_socket("127.0.2.1") as one:
        for n in range(2000):
            one.sendto(hello(f"one{n}", f"id{n}"), (BROADCAST, port))
        wait_roster(a, {"ann", "bob", "one1999"})
    # Many sockets: at most MAX_PER_HOST from one computer, then MAX_MEMBERS in all.
    sprayed = 1  # the socket above
    host = 3
    while sprayed < MAX_MEMBERS + 1:  # bob + the spray: just over the bound
        with contextlib.ExitStack() as stack:
            socks = [stack.enter_context(datagram_socket(f"127.0.{host}.1")) for _ in range(MAX_PER_HOST + 1)]
            for n, sock in enumerate(socks):
                sock.sendto(hello(f"s{host}.{n}", f"p{host}.{n}"), (BROADCAST, port))
        sprayed += MAX_PER_HOST
        host += 1

    def full() -> None:
        assert len(roster(a)) == 1 + MAX_MEMBERS, len(roster(a))

    a.qtbot.waitUntil(full, timeout=10_000)
    assert max(len(e.nicks) for e in a.rec.of(RosterChanged)) == 1 + MAX_MEMBERS
    per_host = Counter(joined.address.split(":")[0] for joined in a.rec.of(PeerJoined))
    assert max(per_host.values()) == MAX_PER_HOST  # one of each host's MAX_PER_HOST + 1 refused
    assert "bob" in roster(a)
    # A newcomer while the table is full is not listed yet; the room's chat goes on.
    c = make_peer()
    c.start_active(group("broadcast", "cy", port, interval))
    b.backend.send("still talking")
    assert a.wait(ChatReceived, lambda e: e.text == "still talking").nick == "bob"
    b.wait(ReceiptReceived, lambda e: e.msg_id == 1)
    assert "cy" not in roster(a)
    # The spray stops: it is gone after its silence, and cy is listed at its next hello.
    wait_roster(a, {"ann", "bob", "cy"}, timeout=15_000)
    assert not a.rec.of(PeerLeft, lambda e: e.nick == "bob")


def test_nicks_are_cleaned_and_one_over_its_bound_is_refused(
    make_peer: Callable[[], Peer], port: int
) -> None:
    a = make_peer()
    a.start_active(group("broadcast", "ann", port, interval=5.0))
    with (
        datagram_socket("127.0.4.1") as x,
        datagram_socket("127.0.4.2") as y,
        datagram_socket("127.0.4.3") as z,
    ):
        x.sendto(hello("\u202eevil\x07", "x"), (BROADCAST, port))
        at_bound = "é" * (MAX_NICK_BYTES // 2)  # 256 bytes: accepted, then cleaned to 32 characters
        y.sendto(hello(at_bound, "y"), (BROADCAST, port))
        z.sendto(hello(at_bound + "e", "z"), (BROADCAST, port))  # 257 bytes: a bad frame
        bad = a.wait(ProblemOccurred, lambda e: e.problem is Problem.BAD_FRAME)
        assert (bad.detail, bad.size, bad.limit) == ("nick", MAX_NICK_BYTES + 1, MAX_NICK_BYTES)
        wait_roster(a, {"ann", "evil", "é" * 32})
    assert not a.rec.of(PeerJoined, lambda e: e.address.startswith("127.0.4.3:"))


def test_a_tutorial_listener_sees_one_hello_per_member_joining(
    make_peer: Callable[[], Peer], port: int, listener: socket.socket
) -> None:
    a, b = make_peer(), make_peer()
    a.start_active(group("broadcast", "ann", port))
    b.start_active(group("broadcast", "bob", port))
    wait_roster(a, {"ann", "bob"})
    with datagram_socket() as xena:
        xena.sendto(hello("xena", "x1"), (BROADCAST, port))
        a.wait(PeerLeft, lambda e: e.nick == "xena")  # three intervals of hellos between members
    a.backend.send("marker")
    heard = frames_until(listener, lambda d: of_type(d, "msg"))
    hellos = [json.loads(d)["nick"] for d, _ in heard if of_type(d, "hello")]
    assert sorted(hellos) == ["ann", "bob", "xena"]
    assert not [d for d, _ in heard if of_type(d, "bye")]


def test_a_raw_member_says_no_hello_to_the_port_yet_is_listed(
    make_peer: Callable[[], Peer], port: int, listener: socket.socket
) -> None:
    a, b = make_peer(), make_peer()
    a.start_active(group("broadcast", "raw", port, raw=True, line_ending="\n"))
    b.start_active(group("broadcast", "bob", port))
    wait_roster(a, {"raw", "bob"})  # bob said hello to the port; raw answered bob
    wait_roster(b, {"raw", "bob"})
    a.backend.send("plain words")
    heard = frames_until(listener, lambda d: d == b"plain words\n")
    assert [json.loads(d)["nick"] for d, _ in heard if of_type(d, "hello")] == ["bob"]


def test_a_sender_whose_hello_was_lost_is_said_hello_to(make_peer: Callable[[], Peer], port: int) -> None:
    a = make_peer()
    a.start_active(group("broadcast", "ann", port, interval=5.0))
    with datagram_socket("127.0.5.1") as late:
        msg = {"v": 1, "type": "msg", "peer": "L", "seq": 1, "ts": 0.0, "nick": "late", "text": "hi"}
        late.sendto(json.dumps(msg).encode(), (BROADCAST, port))
        a.wait(ChatReceived, lambda e: e.text == "hi")
        got = frames_until(late, lambda d: of_type(d, "hello"))
        assert json.loads(got[-1][0])["nick"] == "ann"
        late.sendto(hello("late", "L"), got[-1][1])  # its answer, to ann's port: listed
        wait_roster(a, {"ann", "late"})


def test_a_private_room_seals_its_presence(
    make_peer: Callable[[], Peer], port: int, listener: socket.socket
) -> None:
    a, b = make_peer(), make_peer()
    a.start_active(group("broadcast", "ann", port, passphrase="correct horse"))
    b.start_active(group("broadcast", "bob", port, passphrase="correct horse"))
    wait_roster(a, {"ann", "bob"})
    wait_roster(b, {"ann", "bob"})
    with datagram_socket("127.0.6.1") as stranger:
        stranger.sendto(hello("mallory", "m"), (BROADCAST, port))
        a.wait(ProblemOccurred, lambda e: e.problem is Problem.UNREADABLE)
    b.backend.send("sealed")
    a.wait(ChatReceived, lambda e: e.text == "sealed")
    # Everything sent to the port so far is in the listener's buffer (loopback delivers at once).
    listener.setblocking(False)
    heard: list[bytes] = []
    with contextlib.suppress(BlockingIOError):
        while True:
            heard.append(listener.recv(65536))
    plain = [d for d in heard if not d.startswith(DATAGRAM_MARKER)]
    assert plain == [hello("mallory", "m")]
    assert len(heard) - len(plain) >= 3  # ann's and bob's hellos, bob's message: all sealed
    assert set(roster(a)) == {"ann", "bob"}
