"""TCP host and join over real loopback sockets: relay, roster, limits, failures, raw mode."""

from __future__ import annotations

import json
import socket
import struct
from collections.abc import Callable

from chatgui.events import (
    ChatReceived,
    ChatSent,
    Connected,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptReceived,
    RosterChanged,
    SessionConfig,
    SessionEnded,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.protocol.frames import MAX_LINE_BYTES
from tests.net.conftest import LineSocket, Peer


def join_config(port: int, nick: str, **kw: object) -> SessionConfig:
    return SessionConfig(mode="tcp", role="join", nick=nick, host="127.0.0.1", port=port, **kw)  # type: ignore[arg-type]


def test_host_relays_to_three_clients_in_order_with_roster_and_receipts(
    host: Peer, make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    port = host.listening_port()
    carol = plain_clients(port)
    carol.send_json(type="hello", nick="carol", peer="c0", app="test")
    assert carol.frame() == {"v": 1, "type": "welcome", "nick": "carol"}  # the name it has here
    assert carol.frame() == {"v": 1, "type": "roster", "nicks": ["hostess", "carol"]}
    alice, bob = make_peer(), make_peer()
    alice.start_active(join_config(port, "alice"))
    alice.wait(RosterChanged, lambda e: e.nicks == ("hostess", "carol", "alice"))
    bob.start_active(join_config(port, "bob"))
    alice.wait(PeerJoined, lambda e: e.nick == "bob")
    # A member's roster follows who comes and goes, not only the one it got on joining.
    alice.wait(RosterChanged, lambda e: e.nicks == ("hostess", "carol", "alice", "bob"))
    host.wait(RosterChanged, lambda e: sorted(e.nicks) == ["alice", "bob", "carol", "hostess"])
    assert carol.frame_of("join")["nick"] == "alice"

    for i in range(50):
        alice.backend.send(f"a{i}")
    got = bob.wait_count(ChatReceived, 50, lambda e: e.nick == "alice")
    assert [e.text for e in got] == [f"a{i}" for i in range(50)]
    assert [e.seq for e in got] == list(range(1, 51))
    at_carol = [carol.frame_of("msg") for _ in range(50)]
    assert [(f["nick"], f["text"]) for f in at_carol] == [("alice", f"a{i}") for i in range(50)]
    receipts = alice.wait_count(ReceiptReceived, 50)
    assert sorted(r.msg_id for r in receipts) == list(range(1, 51))
    assert all(r.rtt >= 0 for r in receipts)
    assert all(e.expects_receipt for e in alice.rec.of(ChatSent))
    assert len(host.rec.of(ChatReceived, lambda e: e.nick == "alice")) == 50

    # The host stamps the nick from the Hello: carol cannot speak as the host.
    carol.send_json(type="msg", peer="c0", seq=1, ts=1.5, nick="hostess", text="I am the host")
    spoofed = bob.wait(ChatReceived, lambda e: e.text == "I am the host")
    assert spoofed.nick == "carol"
    assert carol.frame_of("ack") == {"v": 1, "type": "ack", "peer": "c0", "seq": 1, "ts": 1.5}
    assert alice.wait(ChatReceived, lambda e: e.text == "I am the host").nick == "carol"

    host.backend.send("from the host")
    assert bob.wait(ChatReceived, lambda e: e.text == "from the host").nick == "hostess"
    assert carol.frame_of("msg")["text"] == "from the host"

    carol.close()
    bob.wait(PeerLeft, lambda e: e.nick == "carol")
    host.wait(PeerLeft, lambda e: e.nick == "carol")
    host.wait(RosterChanged, lambda e: sorted(e.nicks) == ["alice", "bob", "hostess"])
    bob.backend.stop()
    alice.wait(PeerLeft, lambda e: e.nick == "bob")
    alice.wait(RosterChanged, lambda e: e.nicks == ("hostess", "alice"))
    bob.wait(SessionEnded, lambda e: e.by_user)
    assert bob.rec.of(StateChanged)[-1].state is SessionState.IDLE
    assert not bob.rec.of(ProblemOccurred)


def test_oversized_line_closes_only_that_client_and_both_sides_are_told(
    host: Peer, make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    port = host.listening_port()
    bob = make_peer()
    bob.start_active(join_config(port, "bob"))
    evil = plain_clients(port)
    evil.send_json(type="hello", nick="evil", peer="e0", app="test")
    bob.wait(PeerJoined, lambda e: e.nick == "evil")
    evil.sock.sendall(b"x" * (MAX_LINE_BYTES + 10))
    rest = evil.read_until_closed()
    assert b'"type":"error"' in rest
    problem = host.wait(ProblemOccurred, lambda e: e.problem is Problem.LINE_TOO_LONG)
    assert problem.limit == MAX_LINE_BYTES
    assert problem.severity is Severity.WARNING
    assert not problem.fatal
    bob.wait(PeerLeft, lambda e: e.nick == "evil")
    # The host and everyone else carry on.
    bob.backend.send("still here")
    host.wait(ChatReceived, lambda e: e.text == "still here")
    assert host.backend.state is SessionState.ACTIVE


def test_a_backend_client_is_told_when_the_host_refuses_a_line(
    make_peer: Callable[[], Peer],
) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    try:
        guest = make_peer()
        guest.start_active(join_config(listener.getsockname()[1], "guest"))
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(5)
            assert b'"type":"hello"' in conn.recv(65536)  # read, so our close is a FIN, not a reset
            conn.sendall(b'{"v":1,"type":"error","reason":"line too long"}\n')
            refused = guest.wait(ProblemOccurred, lambda e: e.problem is Problem.REMOTE_REFUSED)
            assert refused.detail == "line too long"
        closed = guest.wait(ProblemOccurred, lambda e: e.problem is Problem.HOST_CLOSED)
        assert closed.fatal
        guest.wait(SessionEnded, lambda e: not e.by_user)
        guest.wait(StateChanged, lambda e: e.state is SessionState.IDLE)
    finally:
        listener.close()


def test_peer_reset_mid_line_keeps_the_host_running(
    host: Peer, make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    port = host.listening_port()
    rude = socket.create_connection(("127.0.0.1", port))
    rude.sendall(b"half a li")
    host.wait(RawReceived, lambda e: e.text == "half a li")  # shown as a tail after 100 ms
    rude.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    rude.sendall(b"ne and then")
    rude.close()
    host.wait(ProblemOccurred, lambda e: e.problem is Problem.PEER_RESET)
    later = make_peer()
    later.start_active(join_config(port, "later"))
    later.backend.send("after the reset")
    host.wait(ChatReceived, lambda e: e.text == "after the reset")


def test_host_leaving_ends_the_joined_session(host: Peer, make_peer: Callable[[], Peer]) -> None:
    guest = make_peer()
    guest.start_active(join_config(host.listening_port(), "guest"))
    connected = guest.wait(Connected)
    assert connected.remote == f"127.0.0.1:{host.listening_port()}"
    host.backend.stop()
    problem = guest.wait(ProblemOccurred, lambda e: e.problem is Problem.HOST_CLOSED)
    assert problem.fatal
    guest.wait(SessionEnded, lambda e: not e.by_user)
    guest.wait(StateChanged, lambda e: e.state is SessionState.IDLE)
    host.wait(SessionEnded, lambda e: e.by_user)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused(make_peer: Callable[[], Peer]) -> None:
    guest = make_peer()
    guest.start(join_config(_free_port(), "guest"))
    problem = guest.wait(ProblemOccurred)
    assert problem.problem is Problem.CONNECTION_REFUSED
    assert problem.fatal
    guest.wait(SessionEnded, lambda e: not e.by_user)
    states = [e.state for e in guest.rec.of(StateChanged)]
    assert states == [SessionState.STARTING, SessionState.IDLE]


def test_host_not_found(make_peer: Callable[[], Peer]) -> None:
    # A label over 63 characters is refused before any DNS query leaves the machine.
    name = "x" * 64 + ".invalid"
    guest = make_peer()
    guest.start(SessionConfig(mode="tcp", role="join", nick="g", host=name, port=5000))
    problem = guest.wait(ProblemOccurred)
    assert problem.problem is Problem.HOST_NOT_FOUND
    assert problem.host == name
    guest.wait(StateChanged, lambda e: e.state is SessionState.IDLE)


def test_port_in_use(make_peer: Callable[[], Peer]) -> None:
    taken = socket.create_server(("127.0.0.1", 0))
    try:
        port = taken.getsockname()[1]
        second = make_peer()
        second.start(SessionConfig(mode="tcp", role="host", nick="h", bind="127.0.0.1", port=port))
        problem = second.wait(ProblemOccurred)
        assert (problem.problem, problem.port, problem.fatal) == (Problem.PORT_IN_USE, port, True)
        second.wait(StateChanged, lambda e: e.state is SessionState.IDLE)
    finally:
        taken.close()


def test_invalid_port(make_peer: Callable[[], Peer]) -> None:
    guest = make_peer()
    guest.start(join_config(70000, "g"))
    problem = guest.wait(ProblemOccurred)
    assert (problem.problem, problem.port) == (Problem.INVALID_PORT, 70000)


def test_raw_gbk_both_ways_with_a_tutorial_client(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host = make_peer()
    host.start_active(
        SessionConfig(mode="tcp", role="host", nick="h", bind="127.0.0.1", port=0, raw=True, encoding="gbk")
    )
    client = plain_clients(host.listening_port())
    client.sock.sendall("你好，世界\n".encode("gbk"))
    got = host.wait(RawReceived)
    assert got.text == "你好，世界"
    assert got.data == "你好，世界".encode("gbk")
    assert got.sender == f"127.0.0.1:{client.sock.getsockname()[1]}"
    host.backend.send("收到")
    assert client.line() == "收到".encode("gbk")
    host.backend.send("🙂")  # GBK cannot write it: refused, nothing sent
    problem = host.wait(ProblemOccurred)
    assert (problem.problem, problem.encoding) == (Problem.NOT_ENCODABLE, "gbk")


def test_raw_join_against_a_plain_server(make_peer: Callable[[], Peer]) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(5)
    try:
        guest = make_peer()
        guest.start_active(
            join_config(listener.getsockname()[1], "g", raw=True, encoding="gbk", line_ending="\r\n")
        )
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(5)
            guest.backend.send("中文")
            assert conn.recv(1024) == "中文\r\n".encode("gbk")  # no Hello, no JSON
            conn.sendall("回复".encode("gbk"))  # no newline: shown after the tail delay
            assert guest.wait(RawReceived).text == "回复"
            sent = guest.rec.first(ChatSent)
            assert sent is not None
            assert (sent.raw, sent.expects_receipt) == (True, False)
    finally:
        listener.close()


def test_echo_sends_every_message_back(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="h", bind="127.0.0.1", port=0, echo=True))
    port = host.listening_port()
    tutorial = plain_clients(port)
    tutorial.sock.sendall(b"hello\n")
    assert tutorial.line() == b"hello"
    guest = make_peer()
    guest.start_active(join_config(port, "g"))
    guest.backend.send("ping me")
    echoed = guest.wait(ChatReceived)
    assert (echoed.nick, echoed.text) == ("g", "ping me")
    # The tutorial client sees the guest's message as a plain line.
    assert tutorial.line() == b"g: ping me"


def test_text_too_long_is_refused_before_sending(host: Peer, make_peer: Callable[[], Peer]) -> None:
    guest = make_peer()
    guest.start_active(join_config(host.listening_port(), "g"))
    guest.backend.send("x" * (16 * 1024 + 1))
    problem = guest.wait(ProblemOccurred)
    assert (problem.problem, problem.size, problem.limit) == (Problem.TEXT_TOO_LONG, 16 * 1024 + 1, 16 * 1024)
    assert not guest.rec.of(ChatSent)
    assert guest.backend.state is SessionState.ACTIVE


def test_dual_stack_host_accepts_ipv4_and_ipv6(make_peer: Callable[[], Peer]) -> None:
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="h", port=0))
    port = host.listening_port()
    v4 = LineSocket(port)
    try:
        v4.send_json(type="hello", nick="four", peer="4", app="t")
        joined = host.wait(PeerJoined, lambda e: e.nick == "four")
        assert joined.address.startswith("127.0.0.1:")  # IPv4-mapped shown as IPv4
        if socket.has_ipv6:
            v6 = LineSocket(port, socket.AF_INET6, "::1")
            try:
                v6.send_json(type="hello", nick="six", peer="6", app="t")
                assert host.wait(PeerJoined, lambda e: e.nick == "six").address.startswith("[::1]:")
            finally:
                v6.close()
    finally:
        v4.close()


def _read_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))  # the socket's timeout bounds the wait
        assert chunk, f"closed; have {data!r}"
        data += chunk
    return data


def test_echo_gives_a_crlf_client_exactly_its_bytes_back(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="h", bind="127.0.0.1", port=0, echo=True))
    client = plain_clients(host.listening_port())
    client.sock.sendall(b"hi\r\n")
    assert _read_exactly(client.sock, 4) == b"hi\r\n"
    client.sock.sendall(b"lf\n")  # the next echo follows with nothing in between
    assert _read_exactly(client.sock, 3) == b"lf\n"


def test_join_ticks_every_message_an_ack_lists(make_peer: Callable[[], Peer]) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(5)
    try:
        guest = make_peer()
        guest.start_active(join_config(listener.getsockname()[1], "g"))
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(5)
            for text in ("one", "two", "three"):
                guest.backend.send(text)
            lines = b""
            while lines.count(b"\n") < 4:  # Hello and three msgs
                lines += conn.recv(65536)
            frames = [json.loads(line) for line in lines.splitlines()]
            assert [f["type"] for f in frames] == ["hello", "msg", "msg", "msg"]
            ack = {"v": 1, "type": "ack", "peer": frames[0]["peer"], "seq": 3, "ts": 0, "also": [1, 2]}
            conn.sendall(json.dumps(ack).encode() + b"\n")
            receipts = guest.wait_count(ReceiptReceived, 3)
            assert sorted(r.msg_id for r in receipts) == [1, 2, 3]
    finally:
        listener.close()


def test_chat_received_fast_constructor_makes_an_ordinary_event() -> None:
    from chatgui.events import ChatReceived
    from chatgui.net.common import chat_received

    fast = chat_received("ann", "你好", "1.2.3.4:5", "p", 7, 1.5)
    assert fast == ChatReceived("ann", "你好", "1.2.3.4:5", "p", 7, 1.5)
    assert type(fast) is ChatReceived
    assert repr(fast) == repr(ChatReceived("ann", "你好", "1.2.3.4:5", "p", 7, 1.5))
