"""Issue 9: alive or told — a frozen host is noticed, and ``join --reconnect`` comes back."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator

import pytest

from tests.e2e.harness import Program
from tests.reliability.wire import HOST_NICK, LOCAL, Room, no_traceback, quiet_args

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP/SIGCONT are POSIX"),
]

DEAD_AFTER = 2.0
MARGIN = 5.0  # a loaded CI machine; still far below the 15 s default
SILENT = re.compile(r"(?i)(not answered|no answer|silent|not responding|reconnect)")


@pytest.fixture
def frozen() -> Iterator[list[int]]:
    """Pids this test froze: continued at teardown whatever happened (then ``spawn`` kills them)."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)


def test_a_frozen_host_is_noticed_and_a_restarted_one_rejoined(
    room: Callable[..., Room], chatgui: Callable[..., Program], frozen: list[int]
) -> None:
    r = room()
    bob = r.join("bob", "--keepalive", "0.5", "--dead-after", str(DEAD_AFTER), "--reconnect")
    bob.send("before")
    r.host.out(r"^bob: before$")

    seen = len(bob.stderr.lines)
    frozen.append(r.host.popen.pid)
    os.kill(r.host.popen.pid, signal.SIGSTOP)

    def told(stream: object) -> bool:
        return any(SILENT.search(line) for line in bob.stderr.lines[seen:])

    assert bob.stderr.wait_for(told, DEAD_AFTER + MARGIN), f"bob was not told: {bob.describe()}"
    assert bob.popen.poll() is None, "with --reconnect bob waits for the host"

    # The host comes back on the same port, as a restarted program would.
    r.host.kill()
    host = chatgui(
        "host", "--tcp", "--bind", LOCAL, "--port", str(r.port), "--nick", HOST_NICK, *quiet_args()
    )
    assert host.listening_port() == r.port
    host.err(r"bob joined", timeout=40)  # back-off 1, 2, 4 ... s: well within this
    bob.send("after")
    host.out(r"^bob: after$")
    no_traceback(host, bob)
