"""Discovery across the LAN: a room hosted on a is listed by ``discover`` on b and on c, and joinable."""

from __future__ import annotations

import pytest

from tests.lan.helpers import RunOn, chat_lines
from tests.lan.netns import Lan

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("mode", ["tcp", "udp"])
def test_discover_on_b_and_c_lists_the_room_hosted_on_a_and_b_joins_it(
    lan: Lan, run_on: RunOn, mode: str
) -> None:
    a, b = lan.hosts["a"], lan.hosts["b"]
    ann = run_on(a, "host", f"--{mode}", "--port", "0", "--nick", "ann", "--room", "LAN room of ann")
    port = ann.listening_port()
    # Announcing takes about 1.5 s (mDNS probes for name conflicts first); discover then
    # has its whole 3 s to hear the answers to its queries.
    ann.err(r"Announced on this network")
    finders = [run_on(lan.hosts[label], "discover", "--timeout", "3") for label in ("b", "c")]
    found = []
    for finder in finders:
        # NICK  MODE  HOST  PORT  ROOM, in aligned columns; the host's IPv4 address comes first.
        found.append(finder.out(rf"^ann\s+(?i:{mode})\s+(\S+)\s+(\d+)\s+LAN room of ann\s*$"))
        assert finder.wait_exit() == 0, finder.describe()
    assert [(match[1], int(match[2])) for match in found] == [(a.ipv4, port)] * 2

    # What a person does next: join at the address discover printed.
    bob = run_on(b, "join", f"--{mode}", found[0][1], found[0][2], "--nick", "bob")
    bob.send("found you")
    assert chat_lines(ann, 1) == [("bob", "found you")], ann.describe()
    ann.send("welcome")
    assert chat_lines(bob, 1) == [("ann", "welcome")], bob.describe()
