"""Alive or told, as users meet it: a real host killed, restarted or frozen under a real ``join``."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator

import pytest

from tests.e2e.harness import Program

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals (SIGKILL, SIGSTOP)"),
]

FAST = ("--keepalive", "0.3", "--dead-after", "1.0")
RECONNECT_WAIT = 30.0  # back-off 1, 2, 4 ... s: a few attempts fit well within this


def host_on(chatgui: Callable[..., Program], port: int = 0) -> tuple[Program, int]:
    host = chatgui("host", "--tcp", "--bind", "127.0.0.1", "--port", str(port), "--nick", "ann")
    return host, host.listening_port()


def join(chatgui: Callable[..., Program], port: int, *extra: str) -> Program:
    return chatgui("join", "--tcp", "127.0.0.1", str(port), "--nick", "bob", *extra)


@pytest.fixture
def frozen() -> Iterator[Callable[[Program], None]]:
    """Freeze a program with SIGSTOP; whatever happens, it is thawed (SIGCONT) at teardown."""
    stopped: list[Program] = []

    def freeze(program: Program) -> None:
        stopped.append(program)
        os.kill(program.popen.pid, signal.SIGSTOP)

    yield freeze
    for program in stopped:
        if program.popen.poll() is None:
            os.kill(program.popen.pid, signal.SIGCONT)


def test_join_reconnect_survives_a_host_killed_and_restarted_on_the_same_port(
    chatgui: Callable[..., Program],
) -> None:
    host, port = host_on(chatgui)
    bob = join(chatgui, port, "--reconnect")
    host.err(r"bob joined")
    bob.err(r"In the room: .*bob")

    host.kill()  # SIGKILL: no goodbye
    bob.err(rf"127\.0\.0\.1:{port} (closed the connection|was reset)")
    bob.err(r"reconnecting .*attempt 1")
    bob.send("typed while away")

    again, same = host_on(chatgui, port)
    assert same == port
    again.err(r"bob joined", RECONNECT_WAIT)
    again.out(r"^bob: typed while away$")
    bob.err(r"Back in the room")
    again.send("welcome back")
    bob.out(r"^ann: welcome back$")
    bob.send("and after")
    again.out(r"^bob: and after$")

    assert bob.popen.poll() is None, "the member kept running all along"
    bob.close_stdin()
    assert bob.wait_exit() == 0, bob.describe()


def test_join_without_reconnect_still_exits_1_when_the_host_is_killed(
    chatgui: Callable[..., Program],
) -> None:
    host, port = host_on(chatgui)
    bob = join(chatgui, port)
    host.err(r"bob joined")
    host.kill()
    assert bob.wait_exit() == 1, bob.describe()
    assert not any("reconnecting" in line for line in bob.stderr.lines), bob.describe()


def test_a_frozen_host_is_noticed_within_dead_after_and_a_join_without_reconnect_exits_1(
    chatgui: Callable[..., Program], frozen: Callable[[Program], None]
) -> None:
    host, port = host_on(chatgui)
    bob = join(chatgui, port, *FAST)
    host.err(r"bob joined")
    bob.err(r"In the room")
    frozen(host)
    bob.err(rf"host at 127\.0\.0\.1:{port} has not answered for 1 s")
    assert bob.wait_exit() == 1, bob.describe()


def test_a_frozen_host_is_left_reconnected_when_it_thaws_and_what_was_typed_arrives(
    chatgui: Callable[..., Program], frozen: Callable[[Program], None]
) -> None:
    host, port = host_on(chatgui)
    bob = join(chatgui, port, "--reconnect", *FAST)
    host.err(r"bob joined")
    bob.err(r"In the room")
    frozen(host)
    bob.err(rf"host at 127\.0\.0\.1:{port} has not answered for 1 s")
    bob.err(r"reconnecting .*attempt 1")
    bob.send("typed while it was frozen")
    # A frozen host's kernel still completes the handshake: not back until it speaks.
    bob.err(r"reconnecting .*attempt 2", RECONNECT_WAIT)
    assert not any("Back in the room" in line for line in bob.stderr.lines), bob.describe()

    os.kill(host.popen.pid, signal.SIGCONT)
    bob.err(r"Back in the room", RECONNECT_WAIT)
    host.out(r"^bob: typed while it was frozen$")
    host.send("thawed")
    bob.out(r"^ann: thawed$")
    assert bob.popen.poll() is None


def test_ctrl_c_while_reconnecting_ends_the_join(chatgui: Callable[..., Program]) -> None:
    host, port = host_on(chatgui)
    bob = join(chatgui, port, "--reconnect")
    host.err(r"bob joined")
    host.kill()
    bob.err(r"reconnecting .*attempt 1")
    bob.interrupt()
    assert bob.wait_exit() == 0, bob.describe()


def test_end_of_input_while_reconnecting_ends_the_join_and_says_what_was_not_sent(
    chatgui: Callable[..., Program],
) -> None:
    host, port = host_on(chatgui)
    bob = join(chatgui, port, "--reconnect")
    host.err(r"bob joined")
    host.kill()
    bob.err(r"reconnecting .*attempt 1")
    bob.send("never delivered")
    bob.close_stdin()
    bob.err(r"Messages typed while reconnecting were not sent \(1\)", RECONNECT_WAIT)
    assert bob.wait_exit() == 0, bob.describe()
