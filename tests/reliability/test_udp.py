"""Issue 9: UDP has no identity without a secret — show it honestly; and ``--echo`` echoes."""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Callable, Iterator

import pytest

from tests.e2e.harness import WAIT
from tests.reliability.wire import LOCAL, Room, no_traceback

pytestmark = pytest.mark.reliability


def _datagram(**fields: object) -> bytes:
    return json.dumps({"v": 1, **fields}, separators=(",", ":")).encode()


@pytest.fixture
def udp_socket() -> Iterator[Callable[[], socket.socket]]:
    made: list[socket.socket] = []

    def new() -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((LOCAL, 0))
        sock.settimeout(WAIT)
        made.append(sock)
        return sock

    yield new
    for sock in made:
        sock.close()


def _msg(peer: str, seq: int, nick: str, text: str) -> bytes:
    return _datagram(type="msg", peer=peer, seq=seq, ts=time.time(), nick=nick, text=text)


def test_a_stranger_naming_itself_alice_is_shown_with_its_address(
    room: Callable[..., Room], udp_socket: Callable[[], socket.socket]
) -> None:
    r = room(udp=True)
    alice = r.join("alice")
    alice.send("from the real alice")
    r.host.out(r"^alice: from the real alice$")
    stranger = udp_socket()
    stranger_port = stranger.getsockname()[1]
    stranger.sendto(_msg("stranger-peer", 1, "alice", "from a stranger"), (LOCAL, r.port))
    r.host.out(rf"^alice \(127\.0\.0\.1:{stranger_port}\): from a stranger$")
    alice.send("alice again")
    r.host.out(r"^alice: alice again$")
    no_traceback(*r.everyone())


def test_a_udp_join_shows_datagrams_from_other_addresses_as_those_addresses(
    room: Callable[..., Room], udp_socket: Callable[[], socket.socket]
) -> None:
    r = room(udp=True)
    bob = r.join("bob")
    bob_port = bob.listening_port()
    bob.send("hi host")
    r.host.out(r"^bob: hi host$")
    stranger = udp_socket()
    stranger_port = stranger.getsockname()[1]
    stranger.sendto(_msg("stranger-peer", 1, "ann", "pretending to be the host"), (LOCAL, bob_port))
    sender = bob.out(r"^(.*): pretending to be the host$")[1]
    assert sender == f"127.0.0.1:{stranger_port}", f"shown as {sender!r}"
    r.host.send("the real host")
    bob.out(r"^ann: the real host$")
    no_traceback(*r.everyone())


def test_forged_datagrams_with_alices_peer_id_do_not_silence_her(
    room: Callable[..., Room], udp_socket: Callable[[], socket.socket]
) -> None:
    r = room(udp=True)
    alice, forger = udp_socket(), udp_socket()
    peer = "alice-peer-id"
    alice.sendto(_msg(peer, 1, "alice", "alice one"), (LOCAL, r.port))
    r.host.out(r"^alice: alice one$")
    for seq in (1000, 10**6, 2**40):
        forger.sendto(_msg(peer, seq, "alice", f"forged {seq}"), (LOCAL, r.port))
    r.host.out(rf"forged {2**40}$")
    for seq in (2, 3):
        alice.sendto(_msg(peer, seq, "alice", f"alice {seq}"), (LOCAL, r.port))
        r.host.out(rf"^alice: alice {seq}$")
    assert not any(re.match(r"^alice: forged", line) for line in r.host.stdout.lines), (
        "a forger is never shown as plain alice"
    )
    no_traceback(r.host)


def test_udp_echo_host_sends_each_datagram_back_exactly(
    room: Callable[..., Room], udp_socket: Callable[[], socket.socket]
) -> None:
    r = room("--echo", udp=True)
    client = udp_socket()
    for payload in (b"hello", b"raw \x00\xff bytes\r\n", "你好".encode("gbk")):
        client.sendto(payload, (LOCAL, r.port))
        # The host may say hello to a newcomer first; the echo is among the next few datagrams.
        got = [client.recvfrom(1024)]
        while got[-1][0] != payload and len(got) < 5:
            got.append(client.recvfrom(1024))
        assert got[-1] == (payload, (LOCAL, r.port)), got
    no_traceback(r.host)
