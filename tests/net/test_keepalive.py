"""Alive or told, member side: keep-alive pings, a silent host noticed, reconnect with back-off.

The host here is a plain listening socket the test answers for by hand, so it can stop
answering, close, or come back on the same port exactly when the test says.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from chatgui.events import (
    ChatReceived,
    ChatSent,
    Connected,
    NickAssigned,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptMissing,
    ReceiptReceived,
    Reconnected,
    Reconnecting,
    RosterChanged,
    SessionConfig,
    SessionEnded,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.net.reconnect import MAX_QUEUED_BYTES, MAX_QUEUED_MESSAGES
from chatgui.protocol.frames import MAX_NICK_BYTES
from tests.net.conftest import WAIT_MS, LineSocket, Peer

RECONNECT_WAIT_MS = 15_000  # attempts 1 and 2 start 1 s and 3 s after the loss


class Accepted(LineSocket):
    """The host's end of one accepted connection, read line by line."""

    def __init__(self, sock: socket.socket) -> None:  # no connect: already accepted
        self.sock = sock
        self.sock.settimeout(WAIT_MS / 1000)
        self.buf = b""

    def send_frame(self, **fields: Any) -> None:
        self.send_json(**fields)


class FakeHost:
    """A listening socket on 127.0.0.1 that plays a chatgui host only as far as the test says."""

    def __init__(self, port: int = 0) -> None:
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", port))
        self.listener.listen(8)
        self.listener.settimeout(WAIT_MS / 1000)
        self.port: int = self.listener.getsockname()[1]
        self.conns: list[Accepted] = []

    def accept(self, timeout: float = WAIT_MS / 1000) -> Accepted:
        self.listener.settimeout(timeout)
        sock, _addr = self.listener.accept()
        conn = Accepted(sock)
        self.conns.append(conn)
        return conn

    def welcome(
        self, nick: str = "alice", roster: tuple[str, ...] = ("hostess",)
    ) -> tuple[Accepted, dict[str, Any]]:
        """Accept a member, read its hello and answer as a chatgui host does."""
        conn = self.accept()
        hello = conn.frame_of("hello")
        conn.send_frame(type="roster", nicks=[*roster, nick])
        return conn, hello

    def close_listener(self) -> None:
        self.listener.close()

    def close(self) -> None:
        for conn in self.conns:
            conn.close()
        self.listener.close()


@pytest.fixture
def fake_hosts() -> Iterator[Callable[[int], FakeHost]]:
    made: list[FakeHost] = []

    def make(port: int = 0) -> FakeHost:
        host = FakeHost(port)
        made.append(host)
        return host

    yield make
    for host in made:
        host.close()


def join_config(port: int, **kw: Any) -> SessionConfig:
    fields: dict[str, Any] = {"nick": "alice", "keepalive": 0.2, "dead_after": 1.0, **kw}
    return SessionConfig(mode="tcp", role="join", host="127.0.0.1", port=port, **fields)


def states(peer: Peer) -> list[SessionState]:
    return [e.state for e in peer.rec.of(StateChanged)]


def problems(peer: Peer, kind: Problem) -> list[ProblemOccurred]:
    return peer.rec.of(ProblemOccurred, lambda e: e.problem is kind)


# -- keep-alive ----------------------------------------------------------------------


def test_a_quiet_host_is_pinged_and_a_host_that_answers_stays_alive_past_dead_after(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port))
    conn, _hello = fake.welcome()
    # Six pings at 0.2 s of quiet each outlast dead_after (1 s): only the pongs keep it alive.
    for _ in range(6):
        ping = conn.frame_of("ping")
        assert isinstance(ping["ts"], float)
        conn.send_frame(type="pong", ts=ping["ts"])
    conn.send_frame(type="msg", peer="h0", seq=1, ts=1.0, nick="hostess", text="still here")
    alice.wait(ChatReceived, lambda e: e.text == "still here")
    assert not problems(alice, Problem.HOST_SILENT)
    assert states(alice) == [SessionState.STARTING, SessionState.ACTIVE]


def test_a_host_that_stops_answering_ends_the_session_within_dead_after(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port))
    conn, _hello = fake.welcome()
    assert conn.frame_of("ping")["type"] == "ping"  # pinged, and never answered from here on
    silent = alice.wait(ProblemOccurred, lambda e: e.problem is Problem.HOST_SILENT)
    assert silent.fatal
    assert silent.limit == 1
    assert silent.address == f"127.0.0.1:{fake.port}"
    ended = alice.wait(SessionEnded)
    assert not ended.by_user
    assert alice.wait(StateChanged, lambda e: e.state is SessionState.IDLE)
    assert not alice.rec.of(Reconnecting)


def test_a_plain_program_that_never_speaks_chatgui_is_not_pinged_nor_given_up(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    # nc or a tutorial server answers no ping; the member must not drop it for being quiet.
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port, dead_after=0.4, keepalive=0.1))
    conn = fake.accept()
    conn.frame_of("hello")
    conn.sock.sendall(b"plain words\n")
    alice.wait(RawReceived, lambda e: e.text == "plain words")
    # Nothing comes on the wire for longer than keepalive and dead_after together: no ping.
    conn.sock.settimeout(1.0)
    with pytest.raises(TimeoutError):
        conn.sock.recv(1)
    conn.sock.sendall(b"still plain\n")
    alice.wait(RawReceived, lambda e: e.text == "still plain")
    alice.backend.send("after a quiet while")
    assert conn.frame()["text"] == "after a quiet while"
    assert not problems(alice, Problem.HOST_SILENT)
    assert states(alice) == [SessionState.STARTING, SessionState.ACTIVE]


# -- reconnect -----------------------------------------------------------------------


def test_a_closed_host_is_reconnected_with_back_off_same_peer_and_nick_and_queued_messages_follow(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    first = fake_hosts(0)
    port = first.port
    alice = make_peer()
    alice.start_active(join_config(port, reconnect=True))
    conn, hello = first.welcome()
    alice.wait(RosterChanged)
    conn.close()
    first.close_listener()  # the host is gone: the first attempt is refused

    closed = alice.wait(ProblemOccurred, lambda e: e.problem is Problem.HOST_CLOSED)
    assert not closed.fatal
    assert closed.severity is Severity.WARNING
    assert alice.wait(Reconnecting) == Reconnecting(f"127.0.0.1:{port}", 1, 1.0)
    alice.backend.send("typed while away")
    typed = alice.wait(ChatSent, lambda e: e.text == "typed while away")
    assert alice.wait(Reconnecting, lambda e: e.attempt == 2, timeout=RECONNECT_WAIT_MS).delay == 2.0
    problems_so_far = len(alice.rec.of(ProblemOccurred))

    second = fake_hosts(port)  # the host is back on the same port
    conn2 = second.accept(timeout=RECONNECT_WAIT_MS / 1000)
    again = conn2.frame_of("hello")
    assert (again["nick"], again["peer"]) == (hello["nick"], hello["peer"])
    conn2.send_frame(type="roster", nicks=["hostess", "alice"])
    back = alice.wait(Reconnected)
    assert back == Reconnected(f"127.0.0.1:{port}", 2)
    queued = conn2.frame_of("msg")
    assert (queued["text"], queued["seq"], queued["peer"]) == (
        "typed while away",
        typed.msg_id,
        hello["peer"],
    )
    conn2.send_frame(type="ack", peer=hello["peer"], seq=queued["seq"], ts=queued["ts"])
    assert alice.wait(ReceiptReceived).msg_id == typed.msg_id
    alice.backend.send("and after")
    assert conn2.frame_of("msg")["text"] == "and after"

    # One refused attempt in between is no news to the user; the session never stopped.
    assert len(alice.rec.of(ProblemOccurred)) == problems_so_far == 1
    assert states(alice) == [SessionState.STARTING, SessionState.ACTIVE]
    assert len(alice.rec.of(Connected)) == 2
    assert not alice.rec.of(SessionEnded)


def test_a_silent_host_is_left_and_a_reconnect_counts_only_once_the_host_speaks(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    # A frozen host's kernel still completes the handshake: connected is not back in the room.
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port, reconnect=True, dead_after=0.5, keepalive=0.2))
    conn, _hello = fake.welcome()
    silent = alice.wait(ProblemOccurred, lambda e: e.problem is Problem.HOST_SILENT)
    assert (silent.fatal, silent.severity) == (False, Severity.WARNING)
    assert alice.wait(Reconnecting).attempt == 1

    mute = fake.accept(timeout=RECONNECT_WAIT_MS / 1000)
    mute.frame_of("hello")  # and never a word back
    alice.wait(Reconnecting, lambda e: e.attempt == 2, timeout=RECONNECT_WAIT_MS)
    assert len(problems(alice, Problem.HOST_SILENT)) == 2
    assert not alice.rec.of(Reconnected)

    speaking = fake.accept(timeout=RECONNECT_WAIT_MS / 1000)
    hello = speaking.frame_of("hello")
    assert hello["nick"] == "alice"
    speaking.send_frame(type="roster", nicks=["hostess", "alice"])
    assert alice.wait(Reconnected).attempt == 2
    assert states(alice) == [SessionState.STARTING, SessionState.ACTIVE]
    conn.close()


def test_messages_typed_while_away_are_bounded_and_reported_on_cancel(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port, reconnect=True))
    conn, _hello = fake.welcome()
    alice.wait(RosterChanged)
    conn.close()
    fake.close_listener()
    alice.wait(Reconnecting)

    for n in range(MAX_QUEUED_MESSAGES + 1):
        alice.backend.send(f"away {n}")
    sent = alice.wait_count(ChatSent, MAX_QUEUED_MESSAGES + 1)
    over = alice.wait(ReceiptMissing)
    assert over.msg_id == sent[-1].msg_id  # the 101st is not kept
    gave_up = alice.wait(ProblemOccurred, lambda e: e.problem is Problem.RECONNECT_GAVE_UP)
    assert (gave_up.size, gave_up.severity, gave_up.fatal) == (1, Severity.WARNING, False)

    alice.backend.stop()  # Cancel
    alice.wait(SessionEnded, lambda e: e.by_user)
    missing = sorted(e.msg_id for e in alice.rec.of(ReceiptMissing))
    assert missing == sorted(e.msg_id for e in sent)
    reports = problems(alice, Problem.RECONNECT_GAVE_UP)
    assert [e.size for e in reports] == [1, MAX_QUEUED_MESSAGES]
    ended_at = alice.rec.events.index(alice.rec.first(SessionEnded))
    assert alice.rec.events.index(reports[-1]) < ended_at
    assert alice.rec.of(Reconnecting)[-1].attempt == 1  # cancelled before another attempt was due


def test_the_queue_is_bounded_in_bytes_too(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port, reconnect=True))
    conn, _hello = fake.welcome()
    conn.close()
    fake.close_listener()
    alice.wait(Reconnecting)
    text = "x" * 15_900  # a line of the text and at most 150 bytes more: 65 fit in 1 MiB, 66 do not
    assert 65 * (len(text) + 150) < MAX_QUEUED_BYTES < 66 * len(text)
    for _ in range(70):
        alice.backend.send(text)
    alice.wait_count(ChatSent, 70)
    assert len(alice.wait_count(ReceiptMissing, 5)) == 5
    assert [e.msg_id for e in alice.rec.of(ReceiptMissing)] == [66, 67, 68, 69, 70]
    assert all(e.not_sent for e in alice.rec.of(ReceiptMissing))


def test_without_reconnect_a_closed_host_still_ends_the_session(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port))
    conn, _hello = fake.welcome()
    alice.wait(RosterChanged)
    conn.close()
    assert alice.wait(ProblemOccurred, lambda e: e.problem is Problem.HOST_CLOSED).fatal
    alice.wait(SessionEnded, lambda e: not e.by_user)
    assert not alice.rec.of(Reconnecting)


def test_a_first_connect_that_fails_fails_even_with_reconnect(make_peer: Callable[[], Peer]) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    alice = make_peer()
    alice.start(join_config(port, reconnect=True))
    refused = alice.wait(ProblemOccurred, lambda e: e.problem is Problem.CONNECTION_REFUSED)
    assert refused.fatal
    alice.wait(SessionEnded, lambda e: not e.by_user)
    assert not alice.rec.of(Reconnecting)


def test_a_real_host_restarted_on_the_same_port_takes_the_member_back(make_peer: Callable[[], Peer]) -> None:
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="hostess", bind="127.0.0.1", port=0))
    port = host.listening_port()
    alice = make_peer()
    alice.start_active(join_config(port, reconnect=True, keepalive=5.0, dead_after=15.0))
    host.wait(RosterChanged, lambda e: "alice" in e.nicks)
    host.backend.stop()
    host.wait(SessionEnded)
    alice.wait(Reconnecting)
    alice.backend.send("while the host was away")

    again = make_peer()
    again.start_active(SessionConfig(mode="tcp", role="host", nick="hostess", bind="127.0.0.1", port=port))
    assert again.wait(ChatReceived, timeout=RECONNECT_WAIT_MS).text == "while the host was away"
    assert alice.wait(Reconnected).attempt >= 1
    again.backend.send("welcome back")
    assert alice.wait(ChatReceived, lambda e: e.text == "welcome back").nick == "hostess"
    assert states(alice) == [SessionState.STARTING, SessionState.ACTIVE]


# -- what the host tells us ----------------------------------------------------------


def test_welcome_with_another_name_is_told_and_used_for_our_own_messages(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port))
    conn = fake.accept()
    conn.frame_of("hello")
    conn.send_frame(type="welcome", nick="alice (2)")
    assert alice.wait(NickAssigned) == NickAssigned("alice (2)", "alice")
    alice.backend.send("hi")
    assert alice.wait(ChatSent).nick == "alice (2)"
    assert conn.frame_of("msg")["text"] == "hi"


def test_welcome_with_our_own_name_says_nothing(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port))
    conn = fake.accept()
    conn.frame_of("hello")
    conn.send_frame(type="welcome", nick="alice")
    conn.send_frame(type="msg", peer="h0", seq=1, ts=1.0, nick="hostess", text="hello alice")
    alice.wait(ChatReceived)
    assert not alice.rec.of(NickAssigned)
    alice.backend.send("hi")
    assert alice.wait(ChatSent).nick == "alice"


def test_bad_frames_from_the_host_are_reported_once_a_second_and_the_room_goes_on(
    make_peer: Callable[[], Peer], fake_hosts: Callable[[int], FakeHost]
) -> None:
    fake = fake_hosts(0)
    alice = make_peer()
    alice.start_active(join_config(fake.port))
    conn, _hello = fake.welcome()
    too_long = "n" * (MAX_NICK_BYTES + 1)
    bad = json.dumps({"v": 1, "type": "join", "nick": too_long}).encode() + b"\n"
    good = json.dumps({"v": 1, "type": "msg", "peer": "h", "seq": 1, "ts": 1.0, "nick": "bob", "text": "ok"})
    conn.sock.sendall(bad * 3 + good.encode() + b"\n")  # one read: well within a second
    assert alice.wait(ChatReceived).text == "ok"
    reports = problems(alice, Problem.BAD_FRAME)
    assert len(reports) == 1
    report = reports[0]
    assert (report.detail, report.size, report.limit) == ("nick", MAX_NICK_BYTES + 1, MAX_NICK_BYTES)
    assert (report.severity, report.fatal, report.address) == (
        Severity.WARNING,
        False,
        f"127.0.0.1:{fake.port}",
    )
    assert states(alice) == [SessionState.STARTING, SessionState.ACTIVE]
