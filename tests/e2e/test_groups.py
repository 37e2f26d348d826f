"""Headless broadcast and multicast rooms: what one types reaches everyone else, never itself twice.

Every program names ``--interface lo``: with the system's choice, broadcasts and group
messages would leave this computer.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest

from tests.e2e.harness import Program

pytestmark = pytest.mark.e2e


def _free_udp_port() -> int:
    # The group roles share one fixed port (port 0 would give each its own).
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    "role", [["--broadcast"], ["--multicast", "239.255.50.7", "--ttl", "1"]], ids=["broadcast", "multicast"]
)
def test_everyone_in_the_group_hears_each_line(chatgui: Callable[..., Program], role: list[str]) -> None:
    port = str(_free_udp_port())
    programs = {
        nick: chatgui("host", "--udp", *role, "--interface", "lo", "--port", port, "--nick", nick)
        for nick in ("ann", "bob", "cy")
    }
    for program in programs.values():
        program.err(rf"Listening on port {port}")
    programs["ann"].send("hello all", "二行目")
    for nick in ("bob", "cy"):
        programs[nick].out(r"^ann: hello all$")
        programs[nick].out(r"^ann: 二行目$")
    programs["bob"].send("hi ann")
    programs["ann"].out(r"^bob: hi ann$")
    programs["cy"].out(r"^bob: hi ann$")
    for program in programs.values():
        program.close_stdin()
    for program in programs.values():
        assert program.wait_exit() == 0, program.describe()
    # Our own lines come back to us over the group; they are recognised and not printed.
    assert not any(line.startswith("ann:") for line in programs["ann"].stdout.lines)
    assert not any(line.startswith("bob:") for line in programs["bob"].stdout.lines)
    # A group room is not announced (others reach it by its port and group, not an address).
    assert not any("Announced" in line for line in programs["ann"].stderr.lines)


@pytest.mark.parametrize(
    "role", [["--broadcast"], ["--multicast", "239.255.50.7"]], ids=["broadcast", "multicast"]
)
def test_who_is_here_is_told_as_in_a_tcp_room(chatgui: Callable[..., Program], role: list[str]) -> None:
    port = str(_free_udp_port())
    ann = chatgui("host", "--udp", *role, "--interface", "lo", "--port", port, "--nick", "ann")
    ann.err(r"^In the room: ann\.$")
    bob = chatgui("host", "--udp", *role, "--interface", "lo", "--port", port, "--nick", "bob")
    joined = ann.err(r"^bob joined from (127\.0\.0\.1:\d+)\.$")[1]
    ann.err(r"^In the room: ann, bob\.$")
    bob.err(r"^ann joined from 127\.0\.0\.1:\d+\.$")
    bob.err(r"^In the room: bob, ann\.$")
    bob.close_stdin()  # bob leaves: a goodbye, so ann is told at once
    assert bob.wait_exit() == 0, bob.describe()
    ann.err(rf"^bob \({joined}\) left\.$")
    ann.err(r"^In the room: ann\.$")
    ann.close_stdin()
    assert ann.wait_exit() == 0, ann.describe()
