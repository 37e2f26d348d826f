"""Hostile offers cost only their sender (issue 15): floods over the bounds, huge sizes, long names.

A member floods offers while another member chats: the room goes on, and what receivers keep
stays within ``MAX_OFFERS_PER_SENDER`` per sender and ``MAX_OFFERS`` in all. Offers larger
than ``max_file_bytes`` are told, never shown nor relayed; a 10 KB name costs its sender the room.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable

from chatgui.events import (
    ChatReceived,
    FileOffered,
    FileWithdrawn,
    PeerLeft,
    Problem,
    ProblemOccurred,
)
from chatgui.net.file_room import MAX_OFFERS, MAX_OFFERS_PER_SENDER
from tests.net.conftest import LineSocket, Peer
from tests.net.test_file_room import member_of, offer_frame
from tests.net.test_host_limits import join, room_goes_on, start_host
from tests.net.test_udp_identity import LOCAL, udp

FLOOD = MAX_OFFERS_PER_SENDER + 36


def kept(peer: Peer) -> set[str]:
    """The offers ``peer`` still shows."""
    offered = {e.offer_id for e in peer.rec.of(FileOffered)}
    return offered - {e.offer_id for e in peer.rec.of(FileWithdrawn)}


def test_a_member_flooding_offers_keeps_only_its_newest_while_the_room_chats(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    carol = join(make_peer, host, port, "carol")
    mallory = member_of(plain_clients, port, "mallory")
    for i in range(FLOOD):
        mallory.send_json(**offer_frame(f"o{i}", 40000))
        if i % 20 == 0:
            carol.backend.send(f"chat {i}")
    for over in (2 * 1024**3 + 1, 2**53):
        mallory.send_json(**offer_frame(f"huge{over}", 40000, size=over))
    bob.wait_count(FileOffered, FLOOD)
    bob.wait_count(FileWithdrawn, FLOOD - MAX_OFFERS_PER_SENDER)
    host.wait_count(FileWithdrawn, FLOOD - MAX_OFFERS_PER_SENDER)
    newest = {f"o{i}" for i in range(FLOOD - MAX_OFFERS_PER_SENDER, FLOOD)}
    assert kept(bob) == newest
    assert kept(host) == newest
    too_large = host.wait(ProblemOccurred, lambda e: e.problem is Problem.FILE_OFFER_TOO_LARGE)
    assert (too_large.detail, too_large.size, too_large.limit) == ("mallory", 2 * 1024**3 + 1, 2 * 1024**3)
    assert not host.rec.of(FileOffered, lambda e: e.offer_id.startswith("huge"))
    assert not bob.rec.of(FileOffered, lambda e: e.offer_id.startswith("huge"))  # not relayed either
    bob.wait(ChatReceived, lambda e: e.text == f"chat {(FLOOD - 1) // 20 * 20}")
    mallory.send_json(**offer_frame("long", 40000, name="n" * 10 * 1024))  # a BadFrame: out it goes
    bob.wait(PeerLeft, lambda e: e.nick == "mallory")
    bob.wait_count(FileWithdrawn, FLOOD)
    assert kept(bob) == set()
    room_goes_on(host, carol, "after the flood")


def test_udp_strangers_cannot_make_a_peer_keep_more_than_the_total_bound(
    make_peer: Callable[[], Peer],
) -> None:
    me = make_peer()
    me.start_active(udp("me"))
    port = me.listening_port()
    alice = make_peer()
    alice.start_active(udp("alice", LOCAL, port))
    senders = MAX_OFFERS // MAX_OFFERS_PER_SENDER + 1
    socks = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(senders)]
    try:
        for s, sock in enumerate(socks):
            sock.bind((LOCAL, 0))
            for i in range(MAX_OFFERS_PER_SENDER):
                frame = {"v": 1, **offer_frame(f"s{s}-{i}", 40000)}
                sock.sendto(json.dumps(frame).encode(), (LOCAL, port))
            alice.backend.send(f"still here {s}")
        total = senders * MAX_OFFERS_PER_SENDER
        me.wait_count(FileOffered, total)
        me.wait_count(FileWithdrawn, total - MAX_OFFERS)
        assert len(kept(me)) == MAX_OFFERS
        me.wait(ChatReceived, lambda e: e.text == f"still here {senders - 1}")
        # A stranger cannot withdraw another's offer by naming it.
        victim = next(i for i in sorted(kept(me)) if not i.startswith("s0-"))
        socks[0].sendto(
            json.dumps({"v": 1, "type": "file-cancel", "peer": "x", "id": victim}).encode(), (LOCAL, port)
        )
        alice.backend.send("after the cancel")
        me.wait(ChatReceived, lambda e: e.text == "after the cancel")
        assert victim in kept(me)
    finally:
        for sock in socks:
            sock.close()


def test_a_host_relays_no_offer_over_its_rooms_limit(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer, max_file_bytes=100)
    mallory = member_of(plain_clients, port, "mallory")
    watcher = member_of(plain_clients, port, "watcher")
    mallory.send_json(**offer_frame("over", 40000, size=101))
    mallory.send_json(**offer_frame("at-the-limit", 40000, size=100))
    assert watcher.frame_of("file-offer")["id"] == "at-the-limit"
    problem = host.wait(ProblemOccurred, lambda e: e.problem is Problem.FILE_OFFER_TOO_LARGE)
    assert (problem.size, problem.limit, problem.detail) == (101, 100, "mallory")
    assert [e.offer_id for e in host.rec.of(FileOffered)] == ["at-the-limit"]
