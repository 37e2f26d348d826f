"""A UDP peer empties its socket in large rounds and handles the backlog in small ones, losing nothing."""

from __future__ import annotations

import json
import select
import socket
from collections.abc import Callable, Iterator

import pytest

from chatgui.events import ChatReceived, Event
from chatgui.net import udp_backlog
from chatgui.net.loop import Loop
from chatgui.net.session import Session
from chatgui.net.udp import DATAGRAMS_PER_WAKEUP, UdpPeer
from tests.net.conftest import Peer
from tests.net.test_udp import udp

BURST = 3000  # well within a 4 MiB receive buffer, and many rounds of DATAGRAMS_PER_WAKEUP


@pytest.fixture
def sender() -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    yield sock
    sock.close()


@pytest.fixture
def bare_peer() -> Iterator[tuple[UdpPeer, list[Event], Loop]]:
    """A UDP peer driven by hand in this thread: the test decides when it reads."""
    loop = Loop()
    events: list[Event] = []
    session = Session(loop, events.append)
    session.start(udp("me"))  # a numeric bind address binds at once, without running the loop
    peer = session._endpoint
    assert isinstance(peer, UdpPeer)
    yield peer, events, loop
    session.stop()
    loop.close()


def _burst(sender: socket.socket, port: int, count: int, text: str = "t") -> None:
    for seq in range(1, count + 1):
        msg = {"v": 1, "type": "msg", "peer": "p1", "seq": seq, "ts": 0.5, "nick": "n", "text": text}
        sender.sendto(json.dumps(msg).encode(), ("127.0.0.1", port))


def _readable(sock: socket.socket) -> bool:
    return bool(select.select([sock], [], [], 0)[0])


def _shown(events: list[Event]) -> list[int]:
    return [e.seq for e in events if isinstance(e, ChatReceived)]


def _acked(sock: socket.socket) -> list[int]:
    sock.setblocking(False)
    seqs: list[int] = []
    while True:
        try:
            ack = json.loads(sock.recv(65536))
        except BlockingIOError:
            return seqs
        seqs += [*ack.get("also", []), ack["seq"]]


def test_one_round_empties_the_socket_and_handles_a_small_slice(
    bare_peer: tuple[UdpPeer, list[Event], Loop], sender: socket.socket
) -> None:
    peer, events, _ = bare_peer
    assert peer.sock is not None
    _burst(sender, peer.sock.getsockname()[1], BURST)
    peer._read(peer.sock)
    assert not _readable(peer.sock)  # every datagram left the kernel's buffer in one round
    assert _shown(events) == list(range(1, DATAGRAMS_PER_WAKEUP + 1))
    while len(_shown(events)) < BURST:
        peer._read(peer.sock)  # the backlog, a round at a time (the loop's timer does this)
    assert _shown(events) == list(range(1, BURST + 1))
    assert _acked(sender) == list(range(1, BURST + 1))  # every receipt once, in arrival order


def test_the_backlog_is_bounded_and_what_waits_in_the_kernel_is_read_later(
    bare_peer: tuple[UdpPeer, list[Event], Loop], sender: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(udp_backlog, "MAX_BACKLOG_DATAGRAMS", 500)
    peer, events, _ = bare_peer
    assert peer.sock is not None
    _burst(sender, peer.sock.getsockname()[1], BURST)
    peer._read(peer.sock)
    backlog = peer._backlogs[peer.sock]
    assert len(backlog.queue) == 500 - DATAGRAMS_PER_WAKEUP
    assert _readable(peer.sock)  # the rest waits where it was
    for _ in range(BURST):
        if len(_shown(events)) == BURST:
            break
        peer._read(peer.sock)
        assert len(backlog.queue) <= 500
    assert _shown(events) == list(range(1, BURST + 1))


def test_big_datagrams_are_bounded_by_bytes(
    bare_peer: tuple[UdpPeer, list[Event], Loop], sender: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(udp_backlog, "MAX_BACKLOG_BYTES", 20_000)
    peer, events, _ = bare_peer
    assert peer.sock is not None
    _burst(sender, peer.sock.getsockname()[1], 400, text="x" * 1000)
    peer._read(peer.sock)  # a round reads ~20 of these (1 KB each), then handles them
    backlog = peer._backlogs[peer.sock]
    assert 15 <= len(_shown(events)) <= 25
    assert _readable(peer.sock)  # the rest waits where it was
    while len(_shown(events)) < 400:
        peer._read(peer.sock)
    assert _shown(events) == list(range(1, 401))
    assert backlog.queued_bytes == 0


def test_closing_forgets_the_backlog_and_its_timer(
    bare_peer: tuple[UdpPeer, list[Event], Loop], sender: socket.socket
) -> None:
    peer, events, _ = bare_peer
    assert peer.sock is not None
    _burst(sender, peer.sock.getsockname()[1], 600)
    peer._read(peer.sock)
    backlog = peer._backlogs[peer.sock]
    timer = backlog._timer
    assert timer is not None  # the next round is on its way
    assert not timer.cancelled
    peer.close()
    assert timer.cancelled
    assert not backlog.queue
    assert len(_shown(events)) == DATAGRAMS_PER_WAKEUP


def test_a_burst_is_all_shown_by_a_running_peer(make_peer: Callable[[], Peer], sender: socket.socket) -> None:
    # The last rounds run from the backlog's timer: no datagram arrives to wake the loop for them.
    me = make_peer()
    me.start_active(udp("me"))
    _burst(sender, me.listening_port(), BURST)
    got = me.wait_count(ChatReceived, BURST)
    assert [e.seq for e in got] == list(range(1, BURST + 1))


def test_while_reading_is_paused_the_socket_is_still_emptied_but_nothing_handled(
    bare_peer: tuple[UdpPeer, list[Event], Loop], sender: socket.socket
) -> None:
    # The GUI is behind (the worker paused reading): a burst waits in the bounded backlog,
    # not in the kernel's buffer, where the next one would overflow it.
    peer, events, loop = bare_peer
    assert peer.sock is not None
    port = peer.sock.getsockname()[1]
    _burst(sender, port, 600)
    peer._read(peer.sock)
    loop.pause_reading()
    backlog = peer._backlogs[peer.sock]
    for seq in range(601, 901):
        msg = {"v": 1, "type": "msg", "peer": "p1", "seq": seq, "ts": 0.5, "nick": "n", "text": "t"}
        sender.sendto(json.dumps(msg).encode(), ("127.0.0.1", port))
    timer = backlog._timer
    assert timer is not None
    assert timer.when - loop.now() <= udp_backlog.PAUSED_RECHECK_SECONDS
    backlog._timer = None
    timer.callback()  # the loop's timer, run by hand
    assert not _readable(peer.sock)
    assert len(backlog.queue) == 900 - DATAGRAMS_PER_WAKEUP
    assert len(_shown(events)) == DATAGRAMS_PER_WAKEUP  # nothing handled while paused
    assert backlog._timer is not None  # and it looks again
    loop.resume_reading()
    while len(_shown(events)) < 900:
        peer._read(peer.sock)
    assert _shown(events) == list(range(1, 901))
