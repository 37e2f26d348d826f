"""Discovery across the LAN: a room hosted on a is listed by ``discover`` on b and on c."""

from __future__ import annotations

import re

import pytest

from tests.lan.helpers import RunOn
from tests.lan.netns import Lan

pytestmark = pytest.mark.e2e


def test_discover_on_b_and_c_lists_the_room_hosted_on_a(lan: Lan, run_on: RunOn) -> None:
    a = lan.hosts["a"]
    ann = run_on(a, "host", "--tcp", "--port", "0", "--nick", "ann", "--room", "LAN room of ann")
    port = ann.listening_port()
    # Announcing takes about 1.5 s (mDNS probes for name conflicts first); discover then
    # has its whole 3 s to hear the answers to its queries.
    ann.err(r"Announced on this network")
    finders = [run_on(lan.hosts[label], "discover", "--timeout", "3") for label in ("b", "c")]
    for finder in finders:
        # NICK  MODE  HOST  PORT  ROOM, in aligned columns; the host's IPv4 address comes first.
        finder.out(rf"^ann\s+(?i:tcp)\s+{re.escape(a.ipv4)}\s+{port}\s+LAN room of ann\s*$")
        assert finder.wait_exit() == 0, finder.describe()
