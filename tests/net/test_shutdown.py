"""Shutting a backend down right after a stop must not destroy the last words in flight."""

from __future__ import annotations

from collections.abc import Callable

from chatgui.events import ChatReceived, ProblemOccurred, SessionConfig, SessionState
from tests.net.conftest import Peer

COUNT = 2000


def test_shutdown_right_after_stop_lets_the_last_messages_arrive(make_peer: Callable[[], Peer]) -> None:
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="ann", bind="127.0.0.1", port=0))
    join = make_peer()
    join.start_active(
        SessionConfig(mode="tcp", role="join", nick="bob", host="127.0.0.1", port=host.listening_port())
    )

    for n in range(COUNT):
        join.backend.send(f"line {n}")
    join.backend.stop()
    # The host's acks are still arriving at the join; closing it now with unread input would
    # make the kernel reset the connection and the host lose what it had not read yet.
    assert join.backend.shutdown()
    assert join.backend.state is SessionState.IDLE

    received = host.wait_count(ChatReceived, COUNT)
    assert [e.text for e in received] == [f"line {n}" for n in range(COUNT)]
    assert host.rec.of(ProblemOccurred) == []
