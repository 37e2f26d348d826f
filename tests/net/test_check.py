"""Backend.check against real loopback sockets: works, refused, not found, UDP pong, silence."""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable, Iterator

import pytest

from chatgui.events import (
    ChatReceived,
    CheckFinished,
    CheckOutcome,
    PeerJoined,
    PeerLeft,
    ProblemOccurred,
    RawReceived,
    SessionConfig,
    SessionEnded,
)
from chatgui.net.check import CHECK_LINE, Check, outcome_of
from chatgui.net.loop import Loop
from tests.net.conftest import Peer
from tests.net.test_udp_group import free_udp_port


def closed_port(kind: int = socket.SOCK_STREAM) -> int:
    """A loopback port nothing listens on (bound, read, released)."""
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock
    sock.close()


def check(peer: Peer, mode: str, host: str, port: int) -> CheckFinished:
    peer.backend.check(mode, host, port)
    return peer.wait(CheckFinished)


def test_tcp_works_against_a_listening_socket(make_peer: Callable[[], Peer], listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    result = check(make_peer(), "tcp", "127.0.0.1", port)
    assert (result.outcome, result.address, result.mode, result.port) == (
        CheckOutcome.WORKS,
        f"127.0.0.1:{port}",
        "tcp",
        port,
    )
    assert 0 < result.rtt < 3
    # Closed at once, after saying it was a check: the listener got a connection that is over.
    conn, _ = listener.accept()
    with conn:
        conn.settimeout(5)
        received = b""
        while chunk := conn.recv(1024):
            received += chunk
        assert received == CHECK_LINE == b'{"v":1,"type":"check"}\n'


def test_a_host_counts_a_check_and_shows_no_visitor(host: Peer, make_peer: Callable[[], Peer]) -> None:
    port = host.listening_port()
    result = check(make_peer(), "tcp", "127.0.0.1", port)
    assert result.outcome == CheckOutcome.WORKS
    # Someone who really comes and goes, after the check: the host tells of them, and of them only.
    visitor = socket.create_connection(("127.0.0.1", port))
    address = "{}:{}".format(*visitor.getsockname()[:2])
    visitor.close()
    host.wait(PeerLeft, lambda e: e.address == address)
    assert host.rec.of(PeerJoined) == [PeerJoined("", address)]
    assert host.rec.of(PeerLeft) == [PeerLeft("", address)]


def test_a_check_line_from_a_member_or_a_talker_changes_nothing(
    host: Peer, make_peer: Callable[[], Peer]
) -> None:
    port = host.listening_port()
    with socket.create_connection(("127.0.0.1", port)) as talker:
        talker.sendall(b"hi\n")
        host.wait(RawReceived, lambda e: e.text == "hi")
        talker.sendall(CHECK_LINE + b"still here\n")  # announced already: an ignored frame
        host.wait(RawReceived, lambda e: e.text == "still here")
    guest = make_peer()
    guest.start_active(SessionConfig(mode="tcp", role="join", nick="bob", host="127.0.0.1", port=port))
    host.wait(PeerJoined, lambda e: e.nick == "bob")
    assert [e.nick for e in host.rec.of(PeerJoined)] == ["", "bob"]


def test_tcp_refused_on_a_closed_port(make_peer: Callable[[], Peer]) -> None:
    port = closed_port()
    result = check(make_peer(), "tcp", "127.0.0.1", port)
    assert (result.outcome, result.address) == (CheckOutcome.REFUSED, f"127.0.0.1:{port}")


def test_tcp_over_ipv6_literal_in_brackets(make_peer: Callable[[], Peer]) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this computer")
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as six:
        six.bind(("::1", 0))
        six.listen()
        port = six.getsockname()[1]
        result = check(make_peer(), "tcp", "[::1]", port)
    assert (result.outcome, result.address, result.host) == (CheckOutcome.WORKS, f"[::1]:{port}", "[::1]")


def test_a_name_that_cannot_exist_is_not_found_without_asking_dns(make_peer: Callable[[], Peer]) -> None:
    # A label over 63 characters cannot be encoded, so no query leaves this computer.
    name = "x" * 70 + ".invalid"
    for mode in ("tcp", "udp"):
        peer = make_peer()
        result = check(peer, mode, name, 50007)
        assert (result.outcome, result.host, result.mode) == (CheckOutcome.NOT_FOUND, name, mode)


def test_empty_host_and_bad_port(make_peer: Callable[[], Peer]) -> None:
    peer = make_peer()
    assert check(peer, "tcp", "  ", 50007).outcome is CheckOutcome.NOT_FOUND
    other = make_peer()
    result = check(other, "tcp", "127.0.0.1", 70000)
    assert (result.outcome, result.port) == (CheckOutcome.ERROR, 70000)


def test_udp_works_against_a_chatgui_peer(make_peer: Callable[[], Peer]) -> None:
    target = make_peer()
    target.start_active(SessionConfig(mode="udp", role="peer", nick="t", bind="127.0.0.1"))
    port = target.listening_port()
    result = check(make_peer(), "udp", "127.0.0.1", port)
    assert (result.outcome, result.address) == (CheckOutcome.WORKS, f"127.0.0.1:{port}")
    assert 0 < result.rtt < 2
    assert not target.rec.of(ChatReceived)  # the probe is not a message
    assert not target.rec.of(ProblemOccurred)


def test_udp_works_against_a_multicast_member(make_peer: Callable[[], Peer]) -> None:
    port = free_udp_port()
    member = make_peer()
    member.start_active(SessionConfig(mode="udp", role="multicast", nick="m", port=port, interface="lo"))
    assert check(make_peer(), "udp", "127.0.0.1", port).outcome is CheckOutcome.WORKS


def test_udp_no_answer_from_a_silent_socket(make_peer: Callable[[], Peer]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        port = silent.getsockname()[1]
        peer = make_peer()
        peer.backend.check("udp", "127.0.0.1", port)
        silent.settimeout(5)
        probe, _ = silent.recvfrom(1024)
        assert b'"type":"ping"' in probe
        result = peer.wait(CheckFinished)
    assert (result.outcome, result.address) == (CheckOutcome.NO_ANSWER, f"127.0.0.1:{port}")


def test_udp_refused_when_the_os_says_port_unreachable(make_peer: Callable[[], Peer]) -> None:
    port = closed_port(socket.SOCK_DGRAM)
    result = check(make_peer(), "udp", "127.0.0.1", port)
    assert result.outcome is CheckOutcome.REFUSED


def test_a_check_leaves_the_running_session_alone(
    make_peer: Callable[[], Peer], listener: socket.socket
) -> None:
    a = make_peer()
    a.start_active(SessionConfig(mode="udp", role="peer", nick="a", bind="127.0.0.1"))
    b = make_peer()
    b.start_active(
        SessionConfig(
            mode="udp", role="peer", nick="b", bind="127.0.0.1", host="127.0.0.1", port=a.listening_port()
        )
    )
    assert check(b, "tcp", "127.0.0.1", listener.getsockname()[1]).outcome is CheckOutcome.WORKS
    b.rec.events.clear()
    assert check(b, "udp", "127.0.0.1", a.listening_port()).outcome is CheckOutcome.WORKS
    b.backend.send("still here")
    a.wait(ChatReceived, lambda e: e.text == "still here")
    assert not b.rec.of(SessionEnded)
    assert not b.rec.of(ProblemOccurred)


def test_shutdown_during_a_check_reports_nothing_and_stops() -> None:
    """A probe still waiting when the worker stops is dropped with its sockets."""
    loop = Loop()
    done: list[Check] = []
    events: list[object] = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        probe = Check(loop, events.append, "udp", "127.0.0.1", silent.getsockname()[1], done.append)
        probe.start()
        probe.cancel()
        loop.stop_when_quiet(1.0)
        loop.run()
    assert done == [probe]
    assert events == []


def test_os_error_numbers_to_outcomes() -> None:
    assert outcome_of(errno.ECONNREFUSED) is CheckOutcome.REFUSED
    assert outcome_of(10061) is CheckOutcome.REFUSED
    assert outcome_of(errno.ENETUNREACH) is CheckOutcome.UNREACHABLE
    assert outcome_of(errno.EHOSTUNREACH) is CheckOutcome.UNREACHABLE
    assert outcome_of(errno.ETIMEDOUT) is CheckOutcome.TIMED_OUT
    assert outcome_of(errno.EMFILE) is CheckOutcome.ERROR
