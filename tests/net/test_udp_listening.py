"""A UDP peer says only what is true: every address family it lists really receives datagrams.

On loopback only 127.0.0.1 and ::1 may be written to; they stand for each family's addresses
(the listing rule itself is tested in tests/ui/test_addresses.py).
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable

import pytest

from chatgui.events import Listening, RawReceived, SessionConfig
from tests.net.conftest import Peer

LOOPBACK = {4: (socket.AF_INET, "127.0.0.1"), 6: (socket.AF_INET6, "::1")}


def _families(listening: Listening) -> set[int]:
    return {6 if text.startswith("[") else 4 for text in listening.addresses}


def _received(peer: Peer, family: int, port: int, text: str) -> None:
    """A datagram sent to ``family``'s loopback address arrives."""
    af, host = LOOPBACK[family]
    with socket.socket(af, socket.SOCK_DGRAM) as sender:
        sender.sendto(text.encode(), (host, port))
    peer.wait(RawReceived, lambda e: e.text == text)


def _refused(family: int, port: int) -> None:
    """Nothing reads ``port`` in ``family``: the kernel answers "port unreachable" (ICMP)."""
    af, host = LOOPBACK[family]
    with socket.socket(af, socket.SOCK_DGRAM) as sender:
        sender.settimeout(5)
        sender.connect((host, port))
        sender.send(b"anyone?")
        with pytest.raises(ConnectionRefusedError) as refused:
            sender.recv(100)
        assert refused.value.errno == errno.ECONNREFUSED


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("", {4, 6}),  # answers whoever writes: dual-stack
        ("127.0.0.1", {4}),  # writes to an IPv4 peer: bound to 0.0.0.0
        ("::1", {4, 6}),  # writes to an IPv6 peer: dual-stack "::"
    ],
)
def test_every_family_listed_receives_and_no_other(
    make_peer: Callable[[], Peer], target: str, expected: set[int]
) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this computer")
    peer = make_peer()
    peer.start_active(SessionConfig(mode="udp", role="peer", nick="me", host=target, port=9, raw=True))
    listening = peer.wait(Listening)
    assert _families(listening) == expected, listening.addresses
    for family in (4, 6):
        if family in expected:
            _received(peer, family, listening.port, f"to IPv{family}")
        else:
            _refused(family, listening.port)
