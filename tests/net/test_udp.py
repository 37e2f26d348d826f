"""UDP peers over real loopback sockets: datagrams, receipts, duplicates, unreachable ports, raw mode."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator

import pytest

from chatgui.events import (
    ChatReceived,
    ChatSent,
    Event,
    Listening,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptMissing,
    ReceiptReceived,
    SessionConfig,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.net import udp as udp_module
from chatgui.net.loop import Loop
from chatgui.net.session import Session
from chatgui.net.udp import ACK_DATAGRAM_BYTES, UdpPeer
from chatgui.protocol.frames import MAX_PEER_BYTES
from tests.net.conftest import Peer


def udp(nick: str, host: str = "", port: int = 0, **kw: object) -> SessionConfig:
    return SessionConfig(mode="udp", role="peer", nick=nick, bind="127.0.0.1", host=host, port=port, **kw)  # type: ignore[arg-type]


@pytest.fixture
def plain_udp() -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(5)
    yield sock
    sock.close()


def test_exchange_with_receipts_both_ways(make_peer: Callable[[], Peer]) -> None:
    a = make_peer()
    a.start_active(udp("a"))
    a_port = a.listening_port()
    b = make_peer()
    b.start_active(udp("b", "127.0.0.1", a_port))
    b_port = b.listening_port()
    for i in range(20):
        b.backend.send(f"b{i} 你好 🙂")
    got = a.wait_count(ChatReceived, 20)
    assert sorted(e.seq for e in got) == list(range(1, 21))
    assert {e.sender for e in got} == {f"127.0.0.1:{b_port}"}
    assert {e.nick for e in got} == {"b"}
    receipts = b.wait_count(ReceiptReceived, 20)
    assert sorted(r.msg_id for r in receipts) == list(range(1, 21))
    sent = b.rec.of(ChatSent)
    assert all(s.expects_receipt and s.destinations == (f"127.0.0.1:{a_port}",) for s in sent)
    # A (no host given) answers whoever wrote to it.
    a.backend.send("reply")
    assert b.wait(ChatReceived, lambda e: e.text == "reply").sender == f"127.0.0.1:{a_port}"
    a.wait(ReceiptReceived)
    assert not a.rec.of(ProblemOccurred)
    assert not b.rec.of(ProblemOccurred)


def test_receipt_missing_when_the_peer_never_acks(
    make_peer: Callable[[], Peer], plain_udp: socket.socket
) -> None:
    port = plain_udp.getsockname()[1]
    me = make_peer()
    me.start_active(udp("me", "127.0.0.1", port, receipt_timeout=0.2))
    me.backend.send("anyone?")
    data, _ = plain_udp.recvfrom(65536)
    frame = json.loads(data)
    assert (frame["type"], frame["text"], frame["seq"], frame["nick"]) == ("msg", "anyone?", 1, "me")
    missing = me.wait(ReceiptMissing)
    assert missing.msg_id == 1
    assert not me.rec.of(ReceiptReceived)


def test_duplicates_are_acked_but_shown_once(make_peer: Callable[[], Peer], plain_udp: socket.socket) -> None:
    me = make_peer()
    me.start_active(udp("me"))
    port = me.listening_port()
    msg = b'{"v":1,"type":"msg","peer":"p1","seq":7,"ts":2.5,"nick":"dup","text":"twice"}'
    acks = []
    for _ in range(2):  # one at a time: a burst read in one round is answered by one ack
        plain_udp.sendto(msg, ("127.0.0.1", port))
        acks.append(json.loads(plain_udp.recvfrom(65536)[0]))
    assert acks == [{"v": 1, "type": "ack", "peer": "p1", "seq": 7, "ts": 2.5}] * 2
    plain_udp.sendto(b"a raw marker", ("127.0.0.1", port))
    me.wait(RawReceived, lambda e: e.text == "a raw marker")
    assert [e.text for e in me.rec.of(ChatReceived)] == ["twice"]


def test_closed_port_is_nobody_listening_and_the_peer_keeps_running(make_peer: Callable[[], Peer]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    me = make_peer()
    me.start_active(udp("me", "127.0.0.1", closed_port))
    me.backend.send("hello?")
    problem = me.wait(ProblemOccurred)
    assert problem.problem is Problem.NOBODY_LISTENING
    assert problem.address == f"127.0.0.1:{closed_port}"
    assert (problem.severity, problem.fatal) == (Severity.WARNING, False)
    me.backend.send("still alive")
    me.wait(ChatSent, lambda e: e.text == "still alive")
    assert me.backend.state is SessionState.ACTIVE


def test_raw_gbk_both_ways(make_peer: Callable[[], Peer], plain_udp: socket.socket) -> None:
    port = plain_udp.getsockname()[1]
    me = make_peer()
    me.start_active(udp("me", "127.0.0.1", port, raw=True, encoding="gbk", line_ending=""))
    me.backend.send("中文")
    data, addr = plain_udp.recvfrom(65536)
    assert data == "中文".encode("gbk")
    plain_udp.sendto("回复\n".encode("gbk"), addr)
    got = me.wait(RawReceived)
    assert (got.text, got.data) == ("回复", "回复\n".encode("gbk"))
    sent = me.rec.first(ChatSent)
    assert sent is not None
    assert (sent.raw, sent.expects_receipt) == (True, False)


def test_large_datagram_warns_about_fragmentation(
    make_peer: Callable[[], Peer], plain_udp: socket.socket
) -> None:
    me = make_peer()
    me.start_active(udp("me", "127.0.0.1", plain_udp.getsockname()[1]))
    me.backend.send("y" * 2000)
    assert len(plain_udp.recvfrom(65536)[0]) > 2000
    warning = me.wait(ProblemOccurred)
    assert warning.problem is Problem.DATAGRAM_FRAGMENTED
    assert warning.size > 2000


def test_no_destination_until_someone_writes(make_peer: Callable[[], Peer]) -> None:
    me = make_peer()
    me.start_active(udp("me"))
    me.backend.send("to whom?")
    assert me.wait(ProblemOccurred).problem is Problem.NO_DESTINATION


def test_udp_port_in_use(make_peer: Callable[[], Peer], plain_udp: socket.socket) -> None:
    me = make_peer()
    me.start(
        SessionConfig(
            mode="udp", role="peer", nick="me", bind="127.0.0.1", local_port=plain_udp.getsockname()[1]
        )
    )
    problem = me.wait(ProblemOccurred)
    assert (problem.problem, problem.fatal) == (Problem.PORT_IN_USE, True)
    me.wait(StateChanged, lambda e: e.state is SessionState.IDLE)


@pytest.mark.skipif(not socket.has_ipv6, reason="no IPv6 on this machine")
def test_ipv6_exchange(make_peer: Callable[[], Peer]) -> None:
    a = make_peer()
    a.start_active(SessionConfig(mode="udp", role="peer", nick="a", bind="::1"))
    port = a.wait(Listening).port
    b = make_peer()
    b.start_active(SessionConfig(mode="udp", role="peer", nick="b", host="::1", port=port))
    b.backend.send("over v6")
    assert a.wait(ChatReceived).sender.startswith("[::1]:")
    b.wait(ReceiptReceived)


def test_an_ack_with_also_ticks_every_listed_message(
    make_peer: Callable[[], Peer], plain_udp: socket.socket
) -> None:
    me = make_peer()
    me.start_active(udp("me", "127.0.0.1", plain_udp.getsockname()[1]))
    for text in ("one", "two", "three"):
        me.backend.send(text)
    frames = [json.loads(plain_udp.recvfrom(65536)[0]) for _ in range(3)]
    assert [f["seq"] for f in frames] == [1, 2, 3]
    ack = {"v": 1, "type": "ack", "peer": frames[0]["peer"], "seq": 3, "ts": 0, "also": [1, 2]}
    plain_udp.sendto(json.dumps(ack).encode(), me_address(me))
    receipts = me.wait_count(ReceiptReceived, 3)
    assert sorted(r.msg_id for r in receipts) == [1, 2, 3]


def me_address(me: Peer) -> tuple[str, int]:
    return ("127.0.0.1", me.listening_port())


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


def _flood(sender: socket.socket, port: int, peer_id: str, seqs: range) -> None:
    for seq in seqs:
        msg = {"v": 1, "type": "msg", "peer": peer_id, "seq": seq, "ts": seq / 2, "nick": "n", "text": "t"}
        sender.sendto(json.dumps(msg).encode(), ("127.0.0.1", port))


def _acks(sock: socket.socket) -> list[bytes]:
    sock.setblocking(False)
    out = []
    while True:
        try:
            out.append(sock.recv(65536))
        except BlockingIOError:
            return out


@pytest.mark.parametrize("peer_id", ["p1", "p" * MAX_PEER_BYTES])
def test_one_round_is_acked_by_few_small_datagrams(
    bare_peer: tuple[UdpPeer, list[Event]],
    plain_udp: socket.socket,
    peer_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    peer, events = bare_peer
    assert peer.sock is not None
    monkeypatch.setattr(udp_module, "DATAGRAMS_PER_WAKEUP", 256)  # rounds big enough to need two acks
    count = udp_module.DATAGRAMS_PER_WAKEUP + 44
    seqs = range(1_000_001, 1_000_001 + count)  # 7 digits: one round's receipts need two acks
    _flood(plain_udp, peer.sock.getsockname()[1], peer_id, seqs)
    peer._read(peer.sock)  # one round: the first DATAGRAMS_PER_WAKEUP datagrams
    first = _acks(plain_udp)
    peer._read(peer.sock)  # the rest
    second = _acks(plain_udp)
    assert len([e for e in events if isinstance(e, ChatReceived)]) == count
    acked: list[int] = []
    for data in first + second:
        assert len(data) <= ACK_DATAGRAM_BYTES
        ack = json.loads(data)
        assert (ack["type"], ack["peer"], ack["ts"]) == ("ack", peer_id, ack["seq"] / 2)
        acked += [*ack.get("also", []), ack["seq"]]
    assert acked == list(seqs)  # each exactly once, in arrival order
    if len(peer_id) < 100:
        assert (len(first), len(second)) == (2, 1)
    else:
        assert len(first) > 2  # a long id leaves room for few receipts per ack


def test_a_lone_message_gets_exactly_the_old_ack(
    bare_peer: tuple[UdpPeer, list[Event]], plain_udp: socket.socket
) -> None:
    peer, _ = bare_peer
    assert peer.sock is not None
    _flood(plain_udp, peer.sock.getsockname()[1], "p1", range(5, 6))
    peer._read(peer.sock)
    assert _acks(plain_udp) == [b'{"v":1,"type":"ack","peer":"p1","seq":5,"ts":2.5}']


def test_a_spray_of_error_frames_is_one_warning_and_the_peer_goes_on(
    make_peer: Callable[[], Peer], plain_udp: socket.socket
) -> None:
    me = make_peer()
    me.start_active(udp("me"))
    target = ("127.0.0.1", me.listening_port())
    for i in range(50):
        plain_udp.sendto(json.dumps({"v": 1, "type": "error", "reason": f"go away {i}"}).encode(), target)
    plain_udp.sendto(
        b'{"v":1,"type":"msg","peer":"p","seq":1,"ts":1.0,"nick":"n","text":"still here"}', target
    )
    me.wait(ChatReceived, lambda e: e.text == "still here")  # read after every error frame
    refused = me.rec.of(ProblemOccurred, lambda e: e.problem is Problem.REMOTE_REFUSED)
    assert 1 <= len(refused) <= 2  # at most one a second
    assert refused[0].detail == "go away 0"
