"""IPv6 unicast on loopback: TCP host/join and UDP peers over ``::1``; IPv4-mapped senders shown as IPv4.

Link-local literals (``fe80::…%eth0``) need an interface with a link-local address,
which ``lo`` never has: the LAN tests (network namespaces with veth links) cover them.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest

from chatgui.events import (
    ChatReceived,
    Connected,
    PeerJoined,
    ReceiptReceived,
    SessionConfig,
)
from tests.net.conftest import Peer

pytestmark = pytest.mark.skipif(not socket.has_ipv6, reason="no IPv6 on this computer")


def test_tcp_join_over_ipv6_literal(make_peer: Callable[[], Peer]) -> None:
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="h", bind="::1", port=0))
    port = host.listening_port()
    guest = make_peer()
    guest.start_active(SessionConfig(mode="tcp", role="join", nick="g", host="::1", port=port))
    connected = guest.wait(Connected)
    assert connected.remote == f"[::1]:{port}"
    assert connected.local.startswith("[::1]:")
    assert host.wait(PeerJoined, lambda e: e.nick == "g").address.startswith("[::1]:")
    guest.backend.send("über v6")
    assert host.wait(ChatReceived).text == "über v6"
    guest.wait(ReceiptReceived)
    host.backend.send("back")
    guest.wait(ChatReceived, lambda e: e.text == "back")


def test_udp_peers_over_ipv6_both_ways(make_peer: Callable[[], Peer]) -> None:
    a = make_peer()
    a.start_active(SessionConfig(mode="udp", role="peer", nick="a", bind="::1"))
    a_port = a.listening_port()
    b = make_peer()
    b.start_active(SessionConfig(mode="udp", role="peer", nick="b", host="::1", port=a_port))
    b.backend.send("hi")
    assert a.wait(ChatReceived).sender.startswith("[::1]:")
    b.wait(ReceiptReceived)
    a.backend.send("hi back")  # to whoever wrote: b, over IPv6
    got = b.wait(ChatReceived)
    assert (got.text, got.sender) == ("hi back", f"[::1]:{a_port}")
    a.wait(ReceiptReceived)


def test_ipv4_clients_of_a_dual_stack_host_are_shown_as_ipv4(make_peer: Callable[[], Peer]) -> None:
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="h", port=0))  # "" = :: and 0.0.0.0
    port = host.listening_port()
    guest = make_peer()
    guest.start_active(SessionConfig(mode="tcp", role="join", nick="g", host="127.0.0.1", port=port))
    assert host.wait(PeerJoined, lambda e: e.nick == "g").address.startswith("127.0.0.1:")
    guest.backend.send("v4")
    assert host.wait(ChatReceived).sender.startswith("127.0.0.1:")


def test_ipv4_senders_to_a_dual_stack_udp_peer_are_shown_as_ipv4(make_peer: Callable[[], Peer]) -> None:
    a = make_peer()
    a.start_active(SessionConfig(mode="udp", role="peer", nick="a"))  # bound on :: (dual-stack)
    b = make_peer()
    b.start_active(
        SessionConfig(mode="udp", role="peer", nick="b", host="127.0.0.1", port=a.listening_port())
    )
    b.backend.send("v4 to dual")
    got = a.wait(ChatReceived)
    assert got.sender.startswith("127.0.0.1:")
    assert "ffff" not in got.sender
    b.wait(ReceiptReceived)
