"""Issue 9: bounded resources, with figures — open files, stuck readers, a full room."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Callable

import pytest

from tests.e2e.harness import REPO
from tests.reliability.wire import Room, cpu_seconds, needs_proc, no_traceback, open_fds, poll_until, rss_mb

pytestmark = [pytest.mark.reliability, needs_proc]

FD_LIMIT = 64
# Soft and hard both: the app raises its soft limit to the hard one at start.
LOW_FD_LAUNCHER = (
    sys.executable,
    "-c",
    "import resource, sys\n"
    f"resource.setrlimit(resource.RLIMIT_NOFILE, ({FD_LIMIT}, {FD_LIMIT}))\n"
    "sys.argv = ['main.py', *sys.argv[1:]]\n"
    "import main\n"
    "sys.exit(main.main())\n",
)
MEASURE_S = 5.0


def test_idle_connections_past_the_open_file_limit_neither_spin_nor_flood_and_the_room_reopens(
    room: Callable[..., Room],
) -> None:
    r = room(launcher=LOW_FD_LAUNCHER)
    pid = r.host.popen.pid
    carol = r.member("carol")
    carol.expect_frame("roster")
    idle = [r.member(None) for _ in range(FD_LIMIT + 16)]  # the listen backlog holds the surplus
    poll_until(lambda: open_fds(pid) >= FD_LIMIT - 2, 15, "the host to use up its descriptors")

    stderr_before = len(r.host.stderr.lines)
    cpu_before = cpu_seconds(pid)
    done = threading.Event()
    done.wait(MEASURE_S)  # the measurement window itself: CPU time and output over 5 s
    cpu = cpu_seconds(pid) - cpu_before
    written = sum(len(line.encode()) + 1 for line in r.host.stderr.lines[stderr_before:])
    assert cpu < 0.2 * MEASURE_S, f"the host used {cpu:.2f} s of CPU in {MEASURE_S} s at the limit"
    assert written < 64 * 1024, f"the host wrote {written:,} bytes on stderr in {MEASURE_S} s at the limit"

    # The members it has are still served while it cannot accept.
    r.host.send("still serving")
    carol.expect_frame("msg", text="still serving")

    for sock in idle:
        sock.close()
    dave = r.join("dave", wait=False)
    dave.err(r"^In the room: ", timeout=20)  # the listener resumed once descriptors were free
    dave.send("in at last")
    r.host.out(r"^dave: in at last$")
    carol.expect_frame("msg", text="in at last")
    assert r.host.popen.poll() is None
    no_traceback(r.host)


@pytest.mark.usefixtures("unmeasured_children")  # a memory bound / a time limit: no tracer
def test_100_members_that_stop_reading_cost_the_host_bounded_memory_and_nobody_else_a_message(
    room: Callable[..., Room],
) -> None:
    r = room()
    pid = r.host.popen.pid
    bob = r.join("bob")
    stuck = [r.member(f"stuck{n}", rcvbuf=4096) for n in range(100)]
    bob.err(r"stuck99 joined")
    flood = r.join("flood")
    bob.err(r"flood joined")

    peak = [rss_mb(pid)]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            try:
                peak.append(rss_mb(pid))
            except OSError:
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    count = 1200  # 4.8 MB through the room: past the old 4 MiB per-member cap, times 100 members
    try:
        flood.send(*(f"m{n} " + "x" * 4000 for n in range(1, count + 1)))
        flood.close_stdin()

        def all_there(stream: object) -> bool:
            return sum(1 for line in bob.stdout.lines if line.startswith("flood: m")) >= count

        assert bob.stdout.wait_for(all_there, 50), f"bob got {len(bob.stdout.lines)} of {count}"
    finally:
        stop.set()
        sampler.join(5)
    got = [int(m[1]) for line in bob.stdout.lines if (m := re.match(r"flood: m(\d+) ", line))]
    assert got == list(range(1, count + 1)), "bob lost, repeated or reordered nothing"
    assert max(peak) < 150, f"host RSS peaked at {max(peak):.0f} MB"
    assert r.host.popen.poll() is None
    no_traceback(r.host, bob)
    del stuck


@pytest.mark.usefixtures("unmeasured_children")  # a memory bound / a time limit: no tracer
def test_a_room_of_200_members_times_20_messages_loses_repeats_and_reorders_nothing(
    room: Callable[..., Room],
) -> None:
    r = room()
    # One driver process holds all 200 members (bench/load.py's, shared with the benchmark).
    result = subprocess.run(
        [sys.executable, "bench/load.py", "--driver", str(r.port), "200", "20"],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=55,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["expected"] == 200 * 199 * 20
    assert (figures["lost"], figures["duplicated"], figures["reordered"]) == (0, 0, 0), figures
    assert figures["received"] == figures["expected"]
    assert r.host.popen.poll() is None
    no_traceback(r.host)


def test_one_member_over_the_maximum_is_told_and_closed_and_the_room_goes_on(
    room: Callable[..., Room],
) -> None:
    r = room("--max-members", "2")
    alice, bob = r.member("alice"), r.member("bob")
    alice.expect_frame("roster")
    bob.expect_frame("roster")
    late = r.member("late")
    late.expect_frame("error")
    assert late.wait_closed(), "told, then closed"
    plain = r.member(None)  # nc: told in a plain line, then closed
    assert plain.wait_closed()
    assert any(line.strip() for line in plain.lines), "a plain client is told why, in words"
    alice.say("still two of us")
    bob.expect_frame("msg", text="still two of us")
    no_traceback(r.host)


def test_a_connection_that_never_speaks_is_closed_after_the_hello_timeout(room: Callable[..., Room]) -> None:
    r = room("--hello-timeout", "1")
    member = r.member("member")
    member.expect_frame("roster")
    listener = r.member(None)
    listener.send(b"one line from nc\n")  # a plain-text listener that has sent a line stays
    r.host.out(r"one line from nc$")
    silent = r.member(None)
    assert silent.wait_closed(15), "closed by the host, not by us"
    r.host.send("after the timeout")
    member.expect_frame("msg", text="after the timeout")
    listener.expect(lambda line: line.rstrip(b"\r") == b"ann: after the timeout", what="the host's line")
    member.say("member still here")
    listener.expect(lambda line: line.rstrip(b"\r") == b"member: member still here", what="member's line")
    no_traceback(r.host)
