"""A room that nothing on the network can break: the TCP host's limits, each just over by a stranger.

Every test has a chatgui member (a real backend, "watcher") in the room and ends by
exchanging a message with it: the stranger costs at most itself. Strangers are plain
sockets, the way any program on the network could write them.
"""

from __future__ import annotations

import errno
import json
import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest

from chatgui.events import (
    ChatReceived,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RawReceived,
    RosterChanged,
    SessionConfig,
    SessionState,
    Severity,
)
from chatgui.net import session, tcp_host
from chatgui.protocol.frames import (
    MAX_LINE_BYTES,
    MAX_NICK_BYTES,
    MAX_PEER_BYTES,
    MAX_TEXT_BYTES,
    Roster,
    parse_frame,
)
from chatgui.protocol.lines import encode_line
from chatgui.protocol.names import MAX_NICK_CHARS
from tests.net.conftest import WAIT_MS, LineSocket, Peer


def host_config(**kw: Any) -> SessionConfig:
    return SessionConfig(mode="tcp", role="host", nick="hostess", bind="127.0.0.1", port=0, **kw)


def start_host(make_peer: Callable[[], Peer], **kw: Any) -> tuple[Peer, int]:
    host = make_peer()
    host.start_active(host_config(**kw))
    return host, host.listening_port()


def join(make_peer: Callable[[], Peer], host: Peer, port: int, nick: str = "watcher") -> Peer:
    member = make_peer()
    member.start_active(SessionConfig(mode="tcp", role="join", nick=nick, host="127.0.0.1", port=port))
    host.wait(PeerJoined, lambda e: e.nick == nick)
    return member


def room_goes_on(host: Peer, member: Peer, token: str) -> None:
    """The member and the host still talk both ways."""
    member.backend.send(f"member {token}")
    host.wait(ChatReceived, lambda e: e.text == f"member {token}")
    host.backend.send(f"host {token}")
    member.wait(ChatReceived, lambda e: e.text == f"host {token}" and e.nick == "hostess")
    assert host.backend.state is SessionState.ACTIVE
    assert not host.rec.of(ProblemOccurred, lambda e: e.fatal)


def named(nick: str) -> Callable[[PeerJoined | PeerLeft], bool]:
    return lambda event: event.nick == nick


def address_of(client: LineSocket) -> str:
    host, port = client.sock.getsockname()[:2]
    return f"{host}:{port}"


def lines_until_closed(client: LineSocket) -> list[bytes]:
    return client.read_until_closed().split(b"\n")


def error_frames(lines: list[bytes]) -> list[dict[str, Any]]:
    frames = []
    for line in lines:
        if line.startswith(b"{"):
            frame = json.loads(line)
            if frame.get("type") == "error":
                frames.append(frame)
    return frames


# -- 1. no input ends the room ---------------------------------------------------------

MSG = {"type": "msg", "peer": "p", "seq": 1, "ts": 1.0, "nick": "x", "text": "hi"}


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(b"A" * 17_000, id="the-issue's-17000-bytes"),
        pytest.param(b"A" * MAX_LINE_BYTES, id="a-whole-64KiB-line"),
        pytest.param("é".encode() * (MAX_LINE_BYTES // 2), id="two-byte-characters"),
        pytest.param(b"\x01" * MAX_LINE_BYTES, id="controls-six-bytes-each-in-JSON"),
    ],
)
def test_raw_text_up_to_the_line_limit_is_relayed_cut_and_the_room_goes_on(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], line: bytes
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    stranger = plain_clients(port)
    stranger.sock.sendall(line + b"\n")
    shown = host.wait(RawReceived, lambda e: e.sender == address_of(stranger))
    assert shown.data == line  # the host's user sees it whole
    relayed = watcher.wait(ChatReceived, lambda e: e.sender == f"127.0.0.1:{port}" and e.nick != "hostess")
    assert relayed.nick == address_of(stranger)
    assert len(relayed.text.encode()) <= MAX_TEXT_BYTES  # what a member accepts, cut visibly
    assert relayed.text.endswith(" bytes]")
    assert "\u2026 [+" in relayed.text
    room_goes_on(host, watcher, "after the long line")
    stranger.sock.sendall(b"still talking\n")  # the stranger was not cut either
    watcher.wait(ChatReceived, lambda e: e.text == "still talking")


@pytest.mark.parametrize(
    ("frame", "field", "size", "limit"),
    [
        pytest.param(
            {**MSG, "peer": "p" * (MAX_PEER_BYTES + 1)},
            "peer",
            MAX_PEER_BYTES + 1,
            MAX_PEER_BYTES,
            id="peer-just-over",
        ),
        pytest.param(
            {**MSG, "peer": "p" * 65_000},
            "peer",
            65_000,
            MAX_PEER_BYTES,
            id="peer-of-a-line-just-under-64KiB",
        ),
        pytest.param(
            {**MSG, "text": "t" * (MAX_TEXT_BYTES + 1)},
            "text",
            MAX_TEXT_BYTES + 1,
            MAX_TEXT_BYTES,
            id="text-just-over",
        ),
        pytest.param(
            {"type": "ping", "ts": 1.0, "nick": "n" * 100},  # unknown fields are ignored, not bounded
            None,
            0,
            0,
            id="unknown-field-is-fine",
        ),
    ],
)
def test_a_frame_with_a_field_over_its_bound_costs_only_its_sender(
    make_peer: Callable[[], Peer],
    plain_clients: Callable[[int], LineSocket],
    frame: dict[str, Any],
    field: str | None,
    size: int,
    limit: int,
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    stranger = plain_clients(port)
    stranger.send_json(type="hello", nick="mallory", peer="m0", app="test")
    watcher.wait(PeerJoined, lambda e: e.nick == "mallory")
    stranger.send_json(**frame)
    if field is None:
        assert stranger.frame_of("pong") == {"v": 1, "type": "pong", "ts": 1.0}
        room_goes_on(host, watcher, "after a harmless frame")
        return
    lines = lines_until_closed(stranger)
    [refusal] = error_frames(lines)
    assert field in refusal["reason"]
    assert str(limit) in refusal["reason"]
    assert not any(b'"type":"ack"' in line for line in lines)  # acks are for valid frames only
    problem = host.wait(ProblemOccurred, lambda e: e.problem is Problem.BAD_FRAME)
    assert (problem.detail, problem.size, problem.limit) == (field, size, limit)
    assert problem.address == address_of(stranger)
    assert (problem.severity, problem.fatal) == (Severity.WARNING, False)
    watcher.wait(PeerLeft, lambda e: e.nick == "mallory")
    room_goes_on(host, watcher, "after the bad frame")
    assert not watcher.rec.of(ChatReceived, lambda e: e.text == "hi")


def test_a_hello_with_a_nick_over_its_bound_is_refused(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    stranger = plain_clients(port)
    stranger.send_json(type="hello", nick="n" * (MAX_NICK_BYTES + 1), peer="m0", app="test")
    [refusal] = error_frames(lines_until_closed(stranger))
    assert "nick" in refusal["reason"]
    problem = host.wait(ProblemOccurred, lambda e: e.problem is Problem.BAD_FRAME)
    assert (problem.detail, problem.size, problem.limit) == ("nick", MAX_NICK_BYTES + 1, MAX_NICK_BYTES)
    room_goes_on(host, watcher, "after the long nick")
    assert host.rec.of(RosterChanged)[-1].nicks == ("hostess", "watcher")


# -- 2. a plain-text member gets one line per message, from the real sender -------------


def test_a_plain_text_member_gets_every_message_as_exactly_one_line(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    nc = plain_clients(port)
    nc.sock.sendall(b"hi from nc\n")
    watcher.wait(ChatReceived, lambda e: e.text == "hi from nc")
    watcher.backend.send("line one\nhostess: please run rm -rf ~")
    assert nc.line() == "watcher: line one\u23cehostess: please run rm -rf ~".encode()
    host.backend.send("a\r\nb\x1b]0;title\x07c\u202e")
    assert nc.line() == "hostess: a\u23ceb\\x1b]0;title\\x07c\\u202e".encode()
    room_goes_on(host, watcher, "after the forged lines")
    assert nc.line() == b"watcher: member after the forged lines"
    assert nc.line() == b"hostess: host after the forged lines"


# -- 3. bounded resources --------------------------------------------------------------


def test_one_more_than_max_members_is_told_the_room_is_full(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer, max_members=3)
    watcher = join(make_peer, host, port)
    first, second = plain_clients(port), plain_clients(port)
    for client in (first, second):
        client.sock.sendall(b"here\n")
    watcher.wait_count(ChatReceived, 2, lambda e: e.text == "here")
    over = [plain_clients(port) for _ in range(10)]
    for client in over:
        [refusal] = error_frames(lines_until_closed(client))
        assert refusal["reason"] == "the room is full (3 members)"
    full = host.wait_count(ProblemOccurred, 1, lambda e: e.problem is Problem.ROOM_FULL)
    assert (full[0].limit, full[0].severity, full[0].address) == (3, Severity.WARNING, address_of(over[0]))
    assert len(full) < len(over)  # a flood of refusals is not a flood of warnings
    assert not host.rec.of(PeerJoined, lambda e: e.address in {address_of(c) for c in over})
    room_goes_on(host, watcher, "while full")
    first_address = address_of(first)
    first.close()  # a place frees: the next one gets in
    host.wait(PeerLeft, lambda e: e.address == first_address)
    late = join(make_peer, host, port, "late")
    late.backend.send("I got in")
    watcher.wait(ChatReceived, lambda e: e.text == "I got in" and e.nick == "late")


def test_a_connection_that_says_nothing_is_closed_after_the_hello_timeout(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer, hello_timeout=0.5)
    watcher = join(make_peer, host, port)
    talker = plain_clients(port)
    talker.sock.sendall(b"I speak\n")  # one line is enough to stay
    mute = plain_clients(port)
    [refusal] = error_frames(lines_until_closed(mute))
    assert "no hello" in refusal["reason"]
    problem = host.wait(ProblemOccurred, lambda e: e.problem is Problem.HELLO_TIMEOUT)
    assert (problem.address, problem.limit, problem.severity) == (address_of(mute), 0, Severity.WARNING)
    host.wait(PeerLeft, lambda e: e.address == address_of(mute))
    assert len(host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.HELLO_TIMEOUT)) == 1
    room_goes_on(host, watcher, "after the mute one")
    assert talker.line() == b"watcher: member after the mute one"  # still there, long after 0.5 s


def test_a_tutorial_client_without_line_endings_has_spoken_and_stays(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer, hello_timeout=0.5)
    watcher = join(make_peer, host, port)
    tutorial = plain_clients(port)
    tutorial.sock.sendall(b"no end")  # send(b"hello"), then recv(1024): shown after a pause
    watcher.wait(ChatReceived, lambda e: e.text == "no end")
    mute = plain_clients(port)  # a later, silent one is closed: the timeout is running
    error_frames(lines_until_closed(mute))
    host.wait(ProblemOccurred, lambda e: e.problem is Problem.HELLO_TIMEOUT and e.address == address_of(mute))
    room_goes_on(host, watcher, "after the mute one")
    assert tutorial.line() == b"watcher: member after the mute one"  # still there, past 0.5 s
    assert not host.rec.of(
        ProblemOccurred, lambda e: e.problem is Problem.HELLO_TIMEOUT and e.address == address_of(tutorial)
    )


def test_a_member_back_from_the_same_computer_replaces_its_stale_connection(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    stale = plain_clients(port)
    stale.send_json(type="hello", nick="bob", peer="bobs-app", app="test")
    assert stale.frame()["nick"] == "bob"
    back = plain_clients(port)  # the same app (peer id), the same computer: the old one goes
    back.send_json(type="hello", nick="bob", peer="bobs-app", app="test")
    assert back.frame() == {"v": 1, "type": "welcome", "nick": "bob"}
    lines_until_closed(stale)
    other = plain_clients(port)  # another app that knows bob's id cannot evict him by name alone
    other.send_json(type="hello", nick="bob", peer="someone-else", app="test")
    assert other.frame()["nick"] == "bob (2)"
    host.wait(RosterChanged, lambda e: e.nicks == ("hostess", "watcher", "bob", "bob (2)"))
    room_goes_on(host, watcher, "bob is back")


def test_the_host_pings_quiet_members_and_drops_silent_ones_but_never_plain_ones(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer, keepalive=0.2, dead_after=0.6)
    watcher = join(make_peer, host, port)  # a real member: answers pings, stays
    nc = plain_clients(port)
    nc.sock.sendall(b"plain and quiet from now on\n")
    watcher.wait(ChatReceived, lambda e: e.text == "plain and quiet from now on")
    frozen = plain_clients(port)
    frozen.send_json(type="hello", nick="frozen", peer="f0", app="test")
    assert frozen.frame_of("ping")["type"] == "ping"  # asked first
    problem = host.wait(ProblemOccurred, lambda e: e.problem is Problem.MEMBER_SILENT)
    assert (problem.address, problem.detail, problem.limit) == (address_of(frozen), "frozen", 0)
    assert problem.severity is Severity.WARNING
    watcher.wait(PeerLeft, lambda e: e.nick == "frozen")
    assert error_frames(lines_until_closed(frozen))
    room_goes_on(host, watcher, "after the silent one")
    assert nc.line() == b"watcher: member after the silent one"  # no JSON ping came before it
    assert len(host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.MEMBER_SILENT)) == 1


def test_a_member_that_answers_pings_stays(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer, keepalive=0.2, dead_after=0.6)
    watcher = join(make_peer, host, port)
    awake = plain_clients(port)
    awake.send_json(type="hello", nick="awake", peer="a0", app="test")
    for _ in range(6):  # answered for well over dead_after
        ping = awake.frame_of("ping")
        awake.send_json(type="pong", ts=ping["ts"])
    assert not host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.MEMBER_SILENT)
    room_goes_on(host, watcher, "with the awake one")
    assert awake.frame_of("msg")["text"] == "member with the awake one"


class StuckMember(LineSocket):
    """A member that says hello and then reads nothing (a small receive buffer: output queues at the host)."""

    def __init__(self, port: int, nick: str) -> None:  # the buffer must be set before connecting
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.settimeout(WAIT_MS / 1000)
        self.sock.connect(("127.0.0.1", port))
        self.buf = b""
        self.nick = nick
        self.send_json(type="hello", nick=nick, peer=nick, app="test")


def test_the_slowest_members_are_cut_when_all_queued_output_is_over_the_budget(
    make_peer: Callable[[], Peer],
) -> None:
    budget = 1024 * 1024
    host, port = start_host(make_peer, output_budget=budget)
    watcher = join(make_peer, host, port)
    stuck = [StuckMember(port, f"stuck{i}") for i in range(2)]
    try:
        for member in stuck:
            watcher.wait(PeerJoined, named(member.nick))
        text = "x" * 16_000
        for batch in range(100):  # at most 100 x 8 x 16 kB = 12.8 MB each: far more than any buffer
            if host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.OUTPUT_BUDGET):
                break
            for _ in range(8):
                host.backend.send(text)
            # The watcher reads everything before the next batch: only the stuck ones fall behind.
            watcher.wait_count(ChatReceived, 8 * (batch + 1), lambda e: e.nick == "hostess")
        cut = host.wait(ProblemOccurred, lambda e: e.problem is Problem.OUTPUT_BUDGET)
        [victim] = [member for member in stuck if address_of(member) == cut.address]
        assert (cut.limit, cut.severity) == (budget, Severity.WARNING)
        assert not host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.PEER_TOO_SLOW)
        lines = [line for line in lines_until_closed(victim) if line]
        assert all(parse_frame(line) is not None for line in lines)  # whole lines, then the reason
        assert "behind" in json.loads(lines[-1])["reason"]
        watcher.wait(PeerLeft, named(victim.nick))
        room_goes_on(host, watcher, "after the cut")
    finally:
        for member in stuck:
            member.close()


# -- 4. names are unique in a room -----------------------------------------------------


def test_names_are_unique_after_cleaning_and_the_hosts_own_is_reserved(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port, "alice")
    wanted_and_given = [
        ("Alice", "Alice (2)"),
        ("ali\u200bce", "alice (3)"),
        ("\uff41\uff4c\uff49\uff43\uff45", "alice (4)"),  # fullwidth
        ("\u0430lice", "\u0430lice"),  # Cyrillic а: other letters, no clash (the window marks it)
        ("HOSTESS", "HOSTESS (2)"),
        ("  bob\n\x1b[31m  ", "bob [31m"),
        ("x" * 40, "x" * MAX_NICK_CHARS),
    ]
    clients = []
    for wanted, given in wanted_and_given:
        client = plain_clients(port)
        clients.append(client)
        client.send_json(type="hello", nick=wanted, peer=f"p{len(clients)}", app="test")
        assert client.frame() == {"v": 1, "type": "welcome", "nick": given}  # before the roster
        assert client.frame()["type"] == "roster"
        watcher.wait(PeerJoined, named(given))
    roster = host.rec.of(RosterChanged)[-1].nicks
    assert roster == ("hostess", "alice", *(given for _, given in wanted_and_given))
    # A second hello cannot rename anyone.
    clients[0].send_json(type="hello", nick="carol", peer="p", app="test")
    clients[0].send_json(type="msg", peer="p", seq=1, ts=1.0, nick="hostess", text="who am I")
    assert watcher.wait(ChatReceived, lambda e: e.text == "who am I").nick == "Alice (2)"
    # Nothing printable: refused.
    empty = plain_clients(port)
    empty.send_json(type="hello", nick="\u200b \u202e\t", peer="p", app="test")
    [refusal] = error_frames(lines_until_closed(empty))
    assert "nickname" in refusal["reason"]
    invalid = host.wait(ProblemOccurred, lambda e: e.problem is Problem.NICK_INVALID)
    assert (invalid.address, invalid.severity) == (address_of(empty), Severity.WARNING)
    room_goes_on(host, watcher, "with unique names")
    assert host.rec.of(RosterChanged)[-1].nicks == roster


def test_a_full_roster_of_the_largest_room_fits_one_line() -> None:
    widest = "\U0001d4b3" * MAX_NICK_CHARS  # 32 characters of 4 UTF-8 bytes each
    nicks = tuple(widest for _ in range(tcp_host.MAX_MEMBERS_CAP + 1))  # members and the host
    line = encode_line(Roster(nicks))
    assert len(line) < MAX_LINE_BYTES
    assert parse_frame(line[:-1]) == Roster(nicks)  # a member accepts it whole


def test_max_members_is_capped_where_the_roster_still_fits(make_peer: Callable[[], Peer]) -> None:
    host, port = start_host(make_peer, max_members=100_000)
    watcher = join(make_peer, host, port)
    room_goes_on(host, watcher, "in a capped room")
    assert tcp_host.MAX_MEMBERS_CAP == 400


# -- out of file descriptors -----------------------------------------------------------


class _FlakyAccept:
    """What the test controls in ``FlakyHost``: whether accept fails, and how often it was tried."""

    failing = threading.Event()
    calls = 0
    retry = 30.0


class FlakyHost(tcp_host.TcpHost):
    """A host whose ``accept`` says EMFILE while the test wants (the only fake: the OS's answer)."""

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.accept_retry_seconds = _FlakyAccept.retry

    def _accept(self, listener: socket.socket) -> tuple[socket.socket, object]:
        _FlakyAccept.calls += 1
        if _FlakyAccept.failing.is_set():
            raise OSError(errno.EMFILE, "Too many open files")
        return super()._accept(listener)


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> type[_FlakyAccept]:
    monkeypatch.setattr(session, "TcpHost", FlakyHost)  # where the session looks it up
    _FlakyAccept.failing.clear()
    _FlakyAccept.calls = 0
    _FlakyAccept.retry = 30.0
    return _FlakyAccept


def test_out_of_descriptors_pauses_the_listener_until_one_of_ours_closes(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], flaky: type[_FlakyAccept]
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    leaving = plain_clients(port)
    leaving.sock.sendall(b"I will go\n")
    watcher.wait(ChatReceived, lambda e: e.text == "I will go")
    flaky.failing.set()
    calls_before = flaky.calls
    waiting = plain_clients(port)  # queued by the kernel; our accept fails
    host.wait(ProblemOccurred, lambda e: e.problem is Problem.OUT_OF_DESCRIPTORS)
    room_goes_on(host, watcher, "while out of descriptors")
    room_goes_on(host, watcher, "still out of descriptors")
    # Paused, not spinning: one try, not one per loop turn (a busy loop makes thousands).
    assert flaky.calls - calls_before == 1
    assert not host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.ACCEPTING_AGAIN)
    flaky.failing.clear()
    leaving.close()  # one of our descriptors is freed: accepting resumes at once (no 30 s retry)
    again = host.wait(ProblemOccurred, lambda e: e.problem is Problem.ACCEPTING_AGAIN)
    assert (again.severity, again.fatal) == (Severity.INFO, False)
    waiting.send_json(type="hello", nick="patient", peer="p", app="test")
    assert waiting.frame() == {"v": 1, "type": "welcome", "nick": "patient"}
    watcher.wait(PeerJoined, lambda e: e.nick == "patient")
    assert len(host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.OUT_OF_DESCRIPTORS)) == 1


def test_out_of_descriptors_retries_on_a_timer_and_says_so_once(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], flaky: type[_FlakyAccept]
) -> None:
    flaky.retry = 0.1
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    flaky.failing.set()
    calls_before = flaky.calls
    waiting = plain_clients(port)
    host.wait(ProblemOccurred, lambda e: e.problem is Problem.OUT_OF_DESCRIPTORS)

    def retried() -> None:
        assert flaky.calls - calls_before >= 4

    host.qtbot.waitUntil(retried, timeout=WAIT_MS)
    assert len(host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.OUT_OF_DESCRIPTORS)) == 1
    flaky.failing.clear()
    host.wait(ProblemOccurred, lambda e: e.problem is Problem.ACCEPTING_AGAIN)
    waiting.sock.sendall(b"finally in\n")
    watcher.wait(ChatReceived, lambda e: e.text == "finally in")
    room_goes_on(host, watcher, "after the retry")


def test_a_spray_of_error_frames_is_one_warning_a_second(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    sprayer = plain_clients(port)
    sprayer.send_json(type="hello", nick="sprayer", peer="s1", app="test")
    for i in range(200):
        sprayer.send_json(type="error", reason=f"noise {i}")
    sprayer.send_json(type="msg", peer="s1", seq=1, ts=1.0, nick="sprayer", text="after the noise")
    host.wait(ChatReceived, lambda e: e.text == "after the noise")  # every error frame was read first
    refused = host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.REMOTE_REFUSED)
    assert 1 <= len(refused) <= 2, [e.detail for e in refused]  # not 200 warnings in the window
    assert refused[0].detail == "noise 0"
    room_goes_on(host, watcher, "after the spray")
