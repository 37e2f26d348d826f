"""UDP broadcast and multicast (IPv4 and link-scope IPv6) among the three hosts of the LAN."""

from __future__ import annotations

import pytest

from tests.e2e.harness import WAIT, Stream
from tests.lan.helpers import NICKS, RunOn, senders_heard
from tests.lan.netns import Lan

pytestmark = pytest.mark.e2e


def group_chat(lan: Lan, run_on: RunOn, interface: str, *role: str) -> None:
    """Start a, b, c in one UDP group role; each says one line; each hears the two others only.

    ``interface`` "named" passes each host's veth with --interface, "automatic" none.
    """
    peers = {
        label: run_on(
            host,
            *("host", "--udp", *role, "--nick", NICKS[label]),
            *(("--interface", host.interface) if interface == "named" else ()),
        )
        for label, host in lan.hosts.items()
    }
    port = role[role.index("--port") + 1]
    for peer in peers.values():
        peer.err(rf"\bport {port}\b")
    for label, peer in peers.items():
        peer.send(f"hello from {NICKS[label]}")
        # Wait until the others have it before the next speaks: the order is then known.
        for other, listener in peers.items():
            if other != label:
                listener.out(rf"^{NICKS[label]}: hello from {NICKS[label]}$")
    # Our own datagram comes back at once (loopback of our send); a last line from a,
    # sent after every send above was received, is heard after any such echo.
    peers["a"].send("last from ann")
    for label in ("b", "c"):
        peers[label].out(r"^ann: last from ann$")
    for label, peer in peers.items():
        heard = senders_heard(peer)
        assert NICKS[label] not in heard, f"{NICKS[label]} printed its own line\n{peer.describe()}"
        expected = sorted(nick for other, nick in NICKS.items() if other != label)
        assert sorted(set(heard)) == expected, peer.describe()
    # Who is here (presence hellos across the hosts): each lists itself first, then the others.
    everyone = sorted(NICKS.values())
    for label, peer in peers.items():

        def lists_everyone(stream: Stream, own: str = NICKS[label]) -> bool:
            rooms = [
                line.removeprefix("In the room: ").removesuffix(".").split(", ")
                for line in stream.lines
                if line.startswith("In the room: ")
            ]
            return any(names[0] == own and sorted(names) == everyone for names in rooms)

        assert peer.stderr.wait_for(lists_everyone, WAIT), peer.describe()


@pytest.mark.parametrize("interface", ["named", "automatic"])
def test_udp_broadcast_reaches_everyone_else(lan: Lan, run_on: RunOn, interface: str) -> None:
    group_chat(lan, run_on, interface, "--broadcast", "--port", "50017")


@pytest.mark.parametrize("interface", ["named", "automatic"])
@pytest.mark.parametrize("group", ["239.255.50.7", "ff02::1:7"])
def test_udp_multicast_group_reaches_everyone_else(
    lan: Lan, run_on: RunOn, group: str, interface: str
) -> None:
    group_chat(lan, run_on, interface, "--multicast", group, "--port", "50018")
