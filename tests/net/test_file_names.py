"""Who sent a file and who received it, named the way the room names them (issue 15).

Real backends on loopback: a TCP host, chatgui members, and members speaking the wire by hand.

- A member's offer relayed by the host reaches another member under the nick its messages
  come under, from "IP:port" (the IP the host stamped, the port the data comes from).
- A sender names each receiver by the nick on the receiver's get line, but only a nick the
  room has now (a TCP member: the host's roster; the host: the members at that IP), always
  beside the address; anything else is the bare address. A get line with a nick just over
  its bound costs its connection only, while a real transfer in the room completes.
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatgui.events import (
    ChatReceived,
    FileOffered,
    PeerJoined,
    Problem,
    ProblemOccurred,
    SessionConfig,
    TransferFinished,
    TransferProgress,
)
from chatgui.protocol.file_stream import MAX_GET_NICK_CHARS
from chatgui.sentences import describe
from tests.net.conftest import LineSocket, Peer
from tests.net.files_kit import closed_by_peer
from tests.net.test_file_room import make_file, member_of, offer_frame, received, sha256_of
from tests.net.test_host_limits import join, room_goes_on, start_host
from tests.net.test_private import PASSPHRASE
from tests.net.test_private import host_config as private_host
from tests.net.test_private import join_config as private_member
from tests.net.test_udp_identity import LOCAL, udp


def get_by_hand(offer: dict[str, Any], nick: object = None, *, read: int = -1) -> tuple[socket.socket, bytes]:
    """Connect to ``offer``'s file port and send a get line (with ``nick`` unless None).

    Returns the connection and what came back: everything until the sender closed
    (``read`` -1), or at least ``read`` bytes (the connection is left open).
    """
    sock = socket.create_connection((LOCAL, offer["port"]), timeout=10)
    get: dict[str, Any] = {
        "v": 1,
        "type": "file-get",
        "id": offer["id"],
        "token": offer["token"],
        "offset": 0,
    }
    if nick is not None:
        get["nick"] = nick
    sock.sendall(json.dumps(get).encode() + b"\n")
    if read < 0:
        return sock, closed_by_peer(sock)
    got = b""
    while len(got) < read:
        chunk = sock.recv(1 << 20)
        assert chunk, "the sender closed early"
        got += chunk
    return sock, got


def at(sock: socket.socket) -> str:
    return f"{LOCAL}:{sock.getsockname()[1]}"


def sends_ended(peer: Peer, offer_id: str) -> list[TransferFinished]:
    return peer.rec.of(TransferFinished, lambda e: e.offer_id == offer_id and e.direction == "send")


def next_send_ended(peer: Peer, offer_id: str, before: int) -> TransferFinished:
    """The send of ``offer_id`` that ended after the first ``before`` (connections made one at a time)."""
    return peer.wait_count(
        TransferFinished, before + 1, lambda e: e.offer_id == offer_id and e.direction == "send"
    )[before]


def test_a_members_offer_relayed_to_another_member_is_named_as_its_messages_are(
    make_peer: Callable[[], Peer], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    alice = join(make_peer, host, port, "alice")
    bob = join(make_peer, host, port, "bob")
    alice.backend.send("hello from alice")
    chat = bob.wait(ChatReceived, lambda e: e.text == "hello from alice")
    path, digest = make_file(tmp_path, "report.pdf", 256 * 1024 + 1)
    alice.backend.offer_file(str(path))
    seen = bob.wait(FileOffered, lambda e: not e.own)
    assert seen.nick == chat.nick == "alice"  # rows, mute and notices key on it
    assert re.fullmatch(rf"{re.escape(LOCAL)}:\d+", seen.sender), seen.sender  # "host:port", never a bare IP
    assert seen.sender != chat.sender  # not the host's address: the data comes from alice
    bob.backend.fetch_file(seen.offer_id, str(tmp_path / "bob"))
    done = received(bob, seen.offer_id)
    assert done.outcome == "ok", done
    assert sha256_of(Path(done.path)) == digest
    assert done.peer == seen.sender
    assert {e.peer for e in bob.rec.of(TransferProgress, lambda e: e.direction == "receive")} == {seen.sender}


def test_a_relayed_offer_names_the_stamped_ip_and_the_port_its_data_is_at(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    mallory = member_of(plain_clients, port, "mallory")
    mallory.send_json(**offer_frame("lie-2", 40000, addr="10.9.9.9", nick="bob"))
    seen = bob.wait(FileOffered, lambda e: e.offer_id == "lie-2")
    assert (seen.nick, seen.sender) == ("mallory", f"{LOCAL}:40000")


def test_a_member_sending_names_each_receiver_only_by_a_nick_in_the_room(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    alice = join(make_peer, host, port, "alice")
    bob = join(make_peer, host, port, "bob")
    carol = member_of(plain_clients, port, "carol")  # a member by hand: it sees the offer and its token
    path, digest = make_file(tmp_path, "notes.bin", 4 * 1024 * 1024 + 5)
    alice.backend.offer_file(str(path))
    offer = carol.frame_of("file-offer")
    seen = bob.wait(FileOffered, lambda e: e.offer_id == offer["id"])

    # A nick one character over its bound: that connection is closed unanswered, and a real
    # transfer in the same room completes and is named.
    over, answer = get_by_hand(offer, "n" * (MAX_GET_NICK_CHARS + 1))
    assert answer == b""
    over.close()
    bob.backend.fetch_file(seen.offer_id, str(tmp_path / "bob"))
    done = received(bob, seen.offer_id)
    assert done.outcome == "ok", done
    assert sha256_of(Path(done.path)) == digest
    to_bob = next_send_ended(alice, offer["id"], 0)
    assert re.fullmatch(rf"bob \({re.escape(LOCAL)}:\d+\)", to_bob.peer), to_bob.peer
    assert {e.peer for e in alice.rec.of(TransferProgress, lambda e: e.direction == "send")} == {to_bob.peer}

    # Claims: a nick in the roster is shown beside the address (cleaned first); ours, one
    # nobody in the room has, or none at all leave the bare address.
    cases = [
        ("ca\u202erol", "carol ({at})"),
        ("hostess", "hostess ({at})"),  # a member can claim another's nick: the address stays beside it
        ("alice", "{at}"),
        ("mallory", "{at}"),
        ("", "{at}"),
        (None, "{at}"),
    ]
    for nick, shown in cases:
        before = len(sends_ended(alice, offer["id"]))
        sock, data = get_by_hand(offer, nick)
        assert len(data) > path.stat().st_size, (nick, data[:80])  # the answer line, then the file
        label = shown.format(at=at(sock))
        sock.close()
        finished = next_send_ended(alice, offer["id"], before)
        assert (finished.outcome, finished.peer) == ("sent", label), nick
    room_goes_on(host, bob, "after the claims")


def test_a_member_stops_sending_to_a_receiver_it_names(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    alice = join(make_peer, host, port, "alice")
    carol = member_of(plain_clients, port, "carol")
    path = tmp_path / "long.bin"
    with open(path, "wb") as file:
        file.truncate(128 * 1024 * 1024)  # sparse: a long transfer that costs no disk
    alice.backend.offer_file(str(path))
    offer = carol.frame_of("file-offer")
    sock, _ = get_by_hand(offer, "carol", read=12 * 1024 * 1024)
    with sock:
        label = f"carol ({at(sock)})"
        alice.wait(TransferProgress, lambda e: e.direction == "send" and e.peer == label)
        alice.backend.cancel_transfer(offer["id"], label)
        finished = next_send_ended(alice, offer["id"], 0)
        assert (finished.outcome, finished.peer) == ("cancelled", label)


def test_the_host_names_each_of_several_members_at_one_address(
    make_peer: Callable[[], Peer], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    carol = join(make_peer, host, port, "carol")  # both at 127.0.0.1: the address alone names nobody
    path, _ = make_file(tmp_path, "for-all.txt", 1000)
    host.backend.offer_file(str(path))
    for member, nick in ((bob, "bob"), (carol, "carol")):
        seen = member.wait(FileOffered)
        member.backend.fetch_file(seen.offer_id, str(tmp_path / nick))
        assert received(member, seen.offer_id).outcome == "ok"
        finished = host.wait(
            TransferFinished, lambda e, n=nick: e.direction == "send" and e.peer.startswith(n + " ")
        )
        assert re.fullmatch(rf"{nick} \({re.escape(LOCAL)}:\d+\)", finished.peer), finished.peer


def test_a_claim_of_the_hosts_own_nick_is_not_believed_by_the_host(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    join(make_peer, host, port, "carol")  # several members at 127.0.0.1
    mallory = member_of(plain_clients, port, "mallory")
    path, _ = make_file(tmp_path, "hosts.txt", 10)
    host.backend.offer_file(str(path))
    offer = mallory.frame_of("file-offer")
    for count, nick in enumerate(("hostess", "nobody")):  # not a member at that address
        sock, _ = get_by_hand(offer, nick)
        address = at(sock)
        sock.close()
        finished = next_send_ended(host, offer["id"], count)
        assert (finished.outcome, finished.peer) == ("sent", address)
    room_goes_on(host, bob, "after the claims")


def test_a_private_rooms_member_names_its_receiver_from_inside_the_sealed_request(
    make_peer: Callable[[], Peer], tmp_path: Path
) -> None:
    host = make_peer()
    host.start_active(private_host(passphrase=PASSPHRASE))
    port = host.listening_port()
    alice, bob = make_peer(), make_peer()
    for peer, nick in ((alice, "alice"), (bob, "bob")):
        peer.start_active(private_member(port, nick, passphrase=PASSPHRASE))
        host.wait(PeerJoined, lambda e, n=nick: e.nick == n)
    path, digest = make_file(tmp_path, "sealed.bin", 70_000)
    alice.backend.offer_file(str(path))
    seen = bob.wait(FileOffered)
    bob.backend.fetch_file(seen.offer_id, str(tmp_path / "bob"))
    done = received(bob, seen.offer_id)
    assert done.outcome == "ok", done
    assert sha256_of(Path(done.path)) == digest
    finished = next_send_ended(alice, seen.offer_id, 0)
    assert re.fullmatch(rf"bob \({re.escape(LOCAL)}:\d+\)", finished.peer), finished.peer


def test_a_udp_peer_names_each_of_two_receivers_at_one_address(
    make_peer: Callable[[], Peer], tmp_path: Path
) -> None:
    me = make_peer()
    me.start_active(udp("me"))
    readers = {nick: make_peer() for nick in ("alice", "bob")}
    for nick, peer in readers.items():
        peer.start_active(udp(nick, LOCAL, me.listening_port()))
        peer.backend.send(f"hello from {nick}")  # so that "me" hears both, at 127.0.0.1
        me.wait(ChatReceived, lambda e, n=nick: e.nick == n)
    path, _ = make_file(tmp_path, "both.txt", 2000)
    me.backend.offer_file(str(path))
    for count, (nick, peer) in enumerate(readers.items()):
        seen = peer.wait(FileOffered)
        peer.backend.fetch_file(seen.offer_id, str(tmp_path / nick))
        assert received(peer, seen.offer_id).outcome == "ok"
        finished = next_send_ended(me, seen.offer_id, count)
        assert re.fullmatch(rf"{nick} \({re.escape(LOCAL)}:\d+\)", finished.peer), finished.peer


def test_a_relayed_offer_over_a_members_own_limit_is_told_with_where_it_came_from(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    bob = make_peer()
    bob.start_active(
        SessionConfig(mode="tcp", role="join", nick="bob", host=LOCAL, port=port, max_file_bytes=999)
    )
    mallory = member_of(plain_clients, port, "mallory")
    mallory.send_json(**offer_frame("big-1", 40000))  # 1,000 bytes: within the host's limit, over bob's
    told = bob.wait(ProblemOccurred, lambda e: e.problem is Problem.FILE_OFFER_TOO_LARGE)
    assert describe(told) == (
        f"mallory ({LOCAL}:40000) offered a file of 1,000 bytes, over your limit of 999 bytes — "
        "it is not shown."
    )
    assert not bob.rec.of(FileOffered)
    room_goes_on(host, bob, "after the large offer")
