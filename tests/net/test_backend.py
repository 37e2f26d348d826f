"""The backend facade and the loop under it: batching, back-pressure, shutdown, the wake-up pipe."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

from chatgui.events import (
    ChatReceived,
    Problem,
    ProblemOccurred,
    SessionConfig,
    SessionEnded,
    SessionState,
    StateChanged,
)
from chatgui.net import backend as backend_module
from chatgui.net.backend import Backend, live_worker_threads
from chatgui.net.loop import Loop
from tests.net.conftest import LineSocket, Peer, Recorder

FLOOD = 20_000


def test_a_flood_arrives_in_far_fewer_batches_than_messages(
    host: Peer, plain_clients: Callable[[int], LineSocket]
) -> None:
    client = plain_clients(host.listening_port())
    client.send_json(type="hello", nick="flood", peer="f", app="t")
    text = "x" * 60
    lines = b"".join(
        b'{"v":1,"type":"msg","peer":"f","seq":%d,"ts":1.0,"nick":"f","text":"%s"}\n' % (i, text.encode())
        for i in range(1, FLOOD + 1)
    )
    sender = threading.Thread(target=client.sock.sendall, args=(lines,))
    sender.start()
    try:
        got = host.wait_count(ChatReceived, FLOOD)
    finally:
        sender.join()
    assert [e.seq for e in got] == list(range(1, FLOOD + 1))
    assert host.rec.batches < FLOOD // 20, f"{host.rec.batches} batches for {FLOOD} messages"


def test_back_pressure_pauses_reading_and_loses_nothing(
    host: Peer, plain_clients: Callable[[int], LineSocket], monkeypatch: object
) -> None:
    # A tiny queue bound makes the worker pause reading long before the flood is over.
    import pytest

    mp = monkeypatch
    assert isinstance(mp, pytest.MonkeyPatch)
    mp.setattr(backend_module, "MAX_QUEUED_EVENTS", 50)
    client = plain_clients(host.listening_port())
    client.send_json(type="hello", nick="p", peer="p", app="t")
    lines = b"".join(
        b'{"v":1,"type":"msg","peer":"p","seq":%d,"ts":1.0,"nick":"p","text":"m"}\n' % i
        for i in range(1, 5001)
    )
    sender = threading.Thread(target=client.sock.sendall, args=(lines,))
    sender.start()
    try:
        got = host.wait_count(ChatReceived, 5000)
    finally:
        sender.join()
    assert [e.seq for e in got] == list(range(1, 5001))


def test_send_while_idle_is_not_connected(qtbot: object) -> None:
    backend = Backend()
    rec = Recorder()
    backend.events_received.connect(rec.on_events)
    try:
        backend.send("nobody home")
        qtbot.waitUntil(lambda: rec.first(ProblemOccurred) is not None)  # type: ignore[attr-defined]
        problem = rec.first(ProblemOccurred)
        assert problem is not None
        assert problem.problem is Problem.NOT_CONNECTED
        assert live_worker_threads() == 0  # commands before start do not start a thread
    finally:
        assert backend.shutdown()


def test_shutdown_is_idempotent_and_really_stops_the_thread(make_peer: Callable[[], Peer]) -> None:
    before = live_worker_threads()
    peer = make_peer()
    peer.start_active(SessionConfig(mode="udp", role="peer", nick="u", bind="127.0.0.1"))
    assert live_worker_threads() == before + 1
    thread = peer.backend._thread
    assert thread is not None
    assert peer.backend.shutdown()
    assert not thread.isRunning()
    assert live_worker_threads() == before
    # The ending session's events were delivered before shutdown returned.
    assert peer.rec.first(SessionEnded, lambda e: e.by_user) is not None
    assert peer.rec.of(StateChanged)[-1].state is SessionState.IDLE
    assert peer.backend.state is SessionState.IDLE
    assert peer.backend.shutdown()
    assert peer.backend.shutdown(0)


def test_start_replaces_the_running_session(make_peer: Callable[[], Peer]) -> None:
    peer = make_peer()
    peer.start_active(SessionConfig(mode="udp", role="peer", nick="u", bind="127.0.0.1"))
    peer.backend.start(SessionConfig(mode="tcp", role="host", nick="h", bind="127.0.0.1", port=0))
    peer.wait_count(StateChanged, 5, lambda e: True)
    states = [e.state for e in peer.rec.of(StateChanged)]
    assert (
        states[:6]
        == [
            SessionState.STARTING,
            SessionState.ACTIVE,
            SessionState.STOPPING,
            SessionState.IDLE,
            SessionState.STARTING,
            SessionState.ACTIVE,
        ][: len(states[:6])]
    )
    peer.wait_count(StateChanged, 6)
    assert peer.backend.state is SessionState.ACTIVE
    assert peer.rec.of(SessionEnded) == [SessionEnded(by_user=True)]


def test_loop_runs_commands_from_other_threads_even_when_the_wakeup_pipe_is_full() -> None:
    loop = Loop()
    ran: list[int] = []
    # Far more wake-ups than a socketpair buffer holds: the full pipe must not lose or raise.
    submitters = [
        threading.Thread(
            target=lambda k=k: [
                loop.submit_threadsafe(lambda i=i: ran.append(i)) for i in range(k, k + 50_000)
            ]
        )
        for k in (0, 50_000)
    ]
    for t in submitters:
        t.start()
    for t in submitters:
        t.join()
    done = threading.Event()
    loop.submit_threadsafe(lambda: (done.set(), loop.stop()))
    runner = threading.Thread(target=loop.run)
    runner.start()
    runner.join(timeout=10)
    assert not runner.is_alive()
    assert done.is_set()
    assert sorted(ran) == list(range(100_000))


def test_loop_timers_fire_in_order_and_cancelled_ones_do_not() -> None:
    loop = Loop()
    fired: list[str] = []
    loop.call_later(0.02, lambda: fired.append("b"))
    loop.call_later(0.01, lambda: fired.append("a"))
    loop.call_later(0.015, lambda: fired.append("never")).cancel()
    loop.call_later(0.03, loop.stop)
    loop.run()
    assert fired == ["a", "b"]


def test_loop_reports_callback_errors_and_keeps_going() -> None:
    loop = Loop()
    errors: list[Exception] = []
    loop.on_callback_error = errors.append
    a, b = socket.socketpair()
    try:

        def boom() -> None:
            raise ValueError("bug")

        loop.call_later(0, boom)
        loop.call_later(0.01, loop.stop)
        loop.run()
        assert [str(e) for e in errors] == ["bug"]
    finally:
        a.close()
        b.close()
