"""A private room's door (``net.private_host``): what it keeps per waiting guesser and address is bounded."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, cast

import pytest

from chatgui.events import ChatReceived, Problem, ProblemOccurred, RosterChanged
from chatgui.net.endpoint import SessionContext
from chatgui.net.private_host import HANDSHAKE_FAILED_REASON, MAX_GUESSERS, MAX_HELD_LINES, Guessers
from chatgui.protocol.secure import Handshake, PassphraseMismatch
from tests.net.conftest import Peer
from tests.net.test_private import PASSPHRASE, SecureSocket, host_config, join_config, problem


@pytest.fixture
def private_host(make_peer: Callable[[], Peer]) -> Peer:
    peer = make_peer()
    peer.start_active(host_config(passphrase=PASSPHRASE))
    return peer


def test_a_slowed_guesser_flooding_lines_while_it_waits_is_closed_and_the_room_goes_on(
    private_host: Peer, make_peer: Callable[[], Peer]
) -> None:
    port = private_host.listening_port()
    alice = make_peer()
    alice.start_active(join_config(port, "alice", passphrase=PASSPHRASE))
    alice.wait(RosterChanged, lambda e: "alice" in e.nicks)
    for _ in range(2):  # two wrong guesses: the next handshake from this address waits
        guess = SecureSocket(port)
        with pytest.raises(PassphraseMismatch):
            guess.handshake("a-wrong-guess")
        guess.close()
    private_host.wait_count(ProblemOccurred, 2, problem(Problem.PASSPHRASE_MISMATCH))
    flood = SecureSocket(port)
    try:
        # Its pake and one line more than a waiting handshake keeps, in one write (one read).
        junk = b"x" * 100 + b"\n"
        flood.sock.sendall(Handshake("a-wrong-guess", host=False).start() + junk * MAX_HELD_LINES)
        private_host.wait(ProblemOccurred, problem(Problem.GUESSES_SLOWED))
        first = flood.frame()  # no pake of the host's: the handshake never began
        assert first == {"v": 1, "type": "error", "reason": HANDSHAKE_FAILED_REASON}
        flood.read_until_closed()
    finally:
        flood.close()
    alice.backend.send("still here")
    private_host.wait(ChatReceived, lambda e: e.text == "still here")


def test_the_guessers_remembered_are_bounded_the_least_recent_forgotten() -> None:
    emitted: list[Any] = []
    guessers = Guessers(cast(SessionContext, SimpleNamespace(emit=emitted.append)), clock=lambda: 100.0)
    for _ in range(3):
        guessers.wrong("10.0.0.1:1000")
    for i in range(MAX_GUESSERS):
        guessers.wrong(f"10.1.{i // 256}.{i % 256}:2000")
    assert len(guessers) == MAX_GUESSERS
    assert guessers.delay("10.0.0.1:3000") == 0.0  # forgotten: the oldest
    guessers.wrong("10.1.0.0:1")
    assert guessers.delay("10.1.0.0:2") == 1.0
    assert len(emitted) == 1
    guessers.right("10.1.0.0:3")
    assert guessers.delay("10.1.0.0:4") == 0.0


def test_connections_opened_at_once_by_a_guesser_wait_one_after_another() -> None:
    now = [100.0]
    guessers = Guessers(cast(SessionContext, SimpleNamespace(emit=lambda _e: None)), clock=lambda: now[0])
    for _ in range(4):
        guessers.wrong("10.0.0.9:1")  # 4 wrong in a row: each handshake waits 4 s
    assert [guessers.delay(f"10.0.0.9:{port}") for port in range(10, 15)] == [4.0, 8.0, 12.0, 16.0, 20.0]
    now[0] = 130.0  # later on, the queue has drained
    assert guessers.delay("10.0.0.9:20") == 4.0
    assert guessers.delay("10.0.0.10:1") == 0.0  # another computer is not slowed
