"""Files through the room (issue 15): offers relayed and stamped, fetched over real sockets, withdrawn.

Real backends on loopback: a TCP host with chatgui members and plain sockets speaking the wire
by hand (a member lying about its address, a sender that stalls), and UDP peers. Each transfer
goes over a real data connection to the sender's file server; files are compared by SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chatgui.events import (
    ChatReceived,
    FileOffered,
    FileWithdrawn,
    PeerJoined,
    SessionConfig,
    TransferFinished,
    TransferProgress,
)
from chatgui.net.file_jobs import MAX_FETCHES
from chatgui.net.files import PART_SUFFIX
from chatgui.protocol.file_stream import FileData, encode_data
from tests.net.conftest import LineSocket, Peer
from tests.net.test_host_limits import join, room_goes_on, start_host
from tests.net.test_udp_group import free_udp_port, multicast
from tests.net.test_udp_identity import LOCAL, udp

TOKEN = "T" * 43


def make_file(folder: Path, name: str, size: int, seed: int = 1) -> tuple[Path, str]:
    path = folder / name
    data = bytes((seed + i * 7) % 251 for i in range(min(size, 65536)))
    with open(path, "wb") as file:
        left = size
        while left:
            chunk = data[: min(left, len(data))]
            file.write(chunk)
            left -= len(chunk)
    return path, sha256_of(path)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def offer_frame(offer_id: str, port: int, **extra: Any) -> dict[str, Any]:
    return {
        "type": "file-offer",
        "peer": "m0",
        "id": offer_id,
        "name": "photo.png",
        "size": 1000,
        "sha256": "ab" * 32,
        "mime": "image/png",
        "port": port,
        "token": TOKEN,
        **extra,
    }


def member_of(plain_clients: Callable[[int], LineSocket], port: int, nick: str) -> LineSocket:
    client = plain_clients(port)
    client.send_json(type="hello", nick=nick, peer=nick, app="test")
    client.frame_of("roster")
    return client


class StallingSender:
    """A sender's file port by hand: answers a get with the head and half the bytes, then waits."""

    def __init__(self, size: int = 1000) -> None:
        self.size = size
        self.listener = socket.socket()
        self.listener.bind((LOCAL, 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.release = threading.Event()
        self.conns: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.conns.append(conn)
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        buf = b""
        while b"\n" not in buf:
            chunk = conn.recv(512)
            if not chunk:
                return
            buf += chunk
        offer_id = buf.split(b'"id":"')[1].split(b'"')[0].decode()
        conn.sendall(encode_data(FileData(offer_id, 0, self.size)) + b"x" * (self.size // 2))
        self.release.wait(30)
        conn.close()

    def close(self) -> None:
        self.release.set()
        self.listener.close()
        for conn in self.conns:
            conn.close()


@pytest.fixture
def stalling() -> Iterator[Callable[[], StallingSender]]:
    made: list[StallingSender] = []

    def make() -> StallingSender:
        sender = StallingSender()
        made.append(sender)
        return sender

    yield make
    for sender in made:
        sender.close()


def received(peer: Peer, offer_id: str) -> TransferFinished:
    return peer.wait(TransferFinished, lambda e: e.offer_id == offer_id and e.direction == "receive")


def test_a_members_offer_reaches_the_room_stamped_and_is_fetched_whole(
    make_peer: Callable[[], Peer], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    alice = join(make_peer, host, port, "alice")
    bob = join(make_peer, host, port, "bob")
    path, digest = make_file(tmp_path, "report.pdf", 1024 * 1024 + 3)
    alice.backend.offer_file(str(path))
    own = alice.wait(FileOffered, lambda e: e.own)
    assert (own.name, own.size, own.sha256) == ("report.pdf", path.stat().st_size, digest)
    seen = bob.wait(FileOffered, lambda e: e.offer_id == own.offer_id)
    assert (seen.nick, seen.name, seen.sha256, seen.own, seen.risky) == (
        "alice",
        "report.pdf",
        digest,
        False,
        False,
    )
    at_host = host.wait(FileOffered, lambda e: e.offer_id == own.offer_id)
    assert at_host.nick == "alice"
    folder = tmp_path / "bob"
    bob.backend.fetch_file(own.offer_id, str(folder))
    done = received(bob, own.offer_id)
    assert done.outcome == "ok", done
    assert Path(done.path) == folder / "report.pdf"
    assert sha256_of(Path(done.path)) == digest
    sent = alice.wait(TransferFinished, lambda e: e.direction == "send")
    assert sent.outcome == "sent"
    assert bob.rec.of(TransferProgress, lambda e: e.direction == "receive")
    assert not alice.rec.of(FileOffered, lambda e: not e.own)  # its own offer is not relayed back
    room_goes_on(host, bob, "after the file")


def test_the_hosts_own_offer_is_fetched_from_the_address_members_joined(
    make_peer: Callable[[], Peer], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    path, digest = make_file(tmp_path, "a.txt", 1)
    host.backend.offer_file(str(path))
    seen = bob.wait(FileOffered)
    assert seen.nick == "hostess"
    bob.backend.fetch_file(seen.offer_id, str(tmp_path / "in"), "../../CON.txt")
    done = received(bob, seen.offer_id)
    assert done.outcome == "ok", done
    assert Path(done.path) == tmp_path / "in" / "_CON.txt"  # the chosen name is cleaned again
    assert sha256_of(Path(done.path)) == digest


def test_a_member_joining_later_hears_the_offers_open_in_the_room(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    alice = member_of(plain_clients, port, "alice")
    alice.send_json(**offer_frame("alices", 40000, addr="10.9.9.9"))
    path, _ = make_file(tmp_path, "hosts.txt", 10)
    host.backend.offer_file(str(path))
    own = host.wait(FileOffered, lambda e: e.own)
    host.wait(FileOffered, lambda e: e.offer_id == "alices")
    late = member_of(plain_clients, port, "late")
    frames = {f["id"]: f for f in (late.frame_of("file-offer"), late.frame_of("file-offer"))}
    assert (frames[own.offer_id]["nick"], frames[own.offer_id].get("addr")) == ("hostess", None)
    assert (frames["alices"]["nick"], frames["alices"]["addr"]) == ("alice", LOCAL)


def test_the_host_stamps_a_members_address_over_the_one_it_wrote(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    mallory = member_of(plain_clients, port, "mallory")
    watcher = member_of(plain_clients, port, "watcher")
    mallory.send_json(**offer_frame("lie-1", 40000, addr="10.9.9.9", nick="hostess"))
    relayed = watcher.frame_of("file-offer")
    assert (relayed["addr"], relayed["nick"], relayed["id"]) == (LOCAL, "mallory", "lie-1")
    seen = host.wait(FileOffered, lambda e: e.offer_id == "lie-1")
    assert seen.nick == "mallory"
    assert seen.sender.startswith(f"{LOCAL}:")


def test_a_cancel_counts_only_from_whoever_offered(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    alice = member_of(plain_clients, port, "alice")
    mallory = member_of(plain_clients, port, "mallory")
    alice.send_json(**offer_frame("alices", 40000))
    bob.wait(FileOffered, lambda e: e.offer_id == "alices")
    mallory.send_json(type="file-cancel", peer="m0", id="alices")  # not hers
    mallory.send_json(**offer_frame("alices", 40001))  # nor can she take the id over
    alice.send_json(type="ping", ts=1.0)
    alice.frame_of("pong")
    room_goes_on(host, bob, "after the stranger's cancel")
    assert not bob.rec.of(FileWithdrawn)
    assert len(bob.rec.of(FileOffered)) == 1
    alice.send_json(type="file-cancel", peer="a0", id="alices")
    bob.wait(FileWithdrawn, lambda e: e.offer_id == "alices")


def test_withdrawing_cancels_a_running_fetch_and_leaves_no_part_file(
    make_peer: Callable[[], Peer],
    plain_clients: Callable[[int], LineSocket],
    stalling: Callable[[], StallingSender],
    tmp_path: Path,
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    alice = member_of(plain_clients, port, "alice")
    sender = stalling()
    alice.send_json(**offer_frame("slow-1", sender.port))
    bob.wait(FileOffered, lambda e: e.offer_id == "slow-1")
    bob.backend.fetch_file("slow-1", str(tmp_path))
    bob.wait(TransferProgress, lambda e: e.offer_id == "slow-1" and e.done > 0)
    [part] = tmp_path.iterdir()
    assert part.name.endswith(PART_SUFFIX)
    alice.send_json(type="file-cancel", peer="a0", id="slow-1")
    bob.wait(FileWithdrawn, lambda e: e.offer_id == "slow-1")
    assert received(bob, "slow-1").outcome == "cancelled"
    assert list(tmp_path.iterdir()) == []


def test_a_sender_leaving_withdraws_its_offers_and_keeps_a_running_fetchs_part(
    make_peer: Callable[[], Peer],
    plain_clients: Callable[[int], LineSocket],
    stalling: Callable[[], StallingSender],
    tmp_path: Path,
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    alice = member_of(plain_clients, port, "alice")
    sender = stalling()
    alice.send_json(**offer_frame("slow-2", sender.port))
    alice.send_json(**offer_frame("idle-2", sender.port))
    bob.wait(FileOffered, lambda e: e.offer_id == "idle-2")
    bob.backend.fetch_file("slow-2", str(tmp_path))
    bob.wait(TransferProgress, lambda e: e.offer_id == "slow-2" and e.done > 0)
    alice.close()
    bob.wait(FileWithdrawn, lambda e: e.offer_id == "slow-2")
    bob.wait(FileWithdrawn, lambda e: e.offer_id == "idle-2")
    sender.close()  # the sender's process is gone: its data connection ends too
    assert received(bob, "slow-2").outcome == "vanished"
    [part] = tmp_path.iterdir()
    assert part.name.endswith(PART_SUFFIX)
    assert part.stat().st_size == 500


def test_udp_peers_offer_and_fetch_from_the_datagrams_source(
    make_peer: Callable[[], Peer], tmp_path: Path
) -> None:
    me = make_peer()
    me.start_active(udp("me"))
    alice = make_peer()
    alice.start_active(udp("alice", LOCAL, me.listening_port()))
    alice.backend.send("hello")  # so that "me" knows whom to write to
    me.wait(ChatReceived)
    path, digest = make_file(tmp_path, "pic.png", 300_000)
    me.backend.offer_file(str(path), b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    seen = alice.wait(FileOffered)
    assert (seen.nick, seen.name, seen.mime) == ("me", "pic.png", "image/png")
    assert seen.thumb.startswith(b"\x89PNG")
    alice.backend.fetch_file(seen.offer_id, str(tmp_path / "in"))
    done = received(alice, seen.offer_id)
    assert done.outcome == "ok", done
    assert sha256_of(Path(done.path)) == digest


def test_a_udp_offers_address_field_is_never_where_the_data_is_fetched(
    make_peer: Callable[[], Peer], stalling: Callable[[], StallingSender], tmp_path: Path
) -> None:
    me = make_peer()
    me.start_active(udp("me", accept_files=str(tmp_path)))
    sender = stalling()
    stranger = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        stranger.bind((LOCAL, 0))
        frame = {"v": 1, **offer_frame("u-1", sender.port, addr="10.9.9.9")}
        stranger.sendto(json.dumps(frame).encode(), (LOCAL, me.listening_port()))
        seen = me.wait(FileOffered)
        assert seen.sender == f"{LOCAL}:{stranger.getsockname()[1]}"
        me.wait(TransferProgress, lambda e: e.offer_id == "u-1" and e.done > 0)  # it reached 127.0.0.1
    finally:
        stranger.close()


def test_own_files_refused_before_offering(make_peer: Callable[[], Peer], tmp_path: Path) -> None:
    host, _port = start_host(make_peer, max_file_bytes=10)
    path, _ = make_file(tmp_path, "big.bin", 11)
    host.backend.offer_file(str(path))
    assert host.wait(TransferFinished).outcome == "too-large"
    host.backend.offer_file(str(tmp_path))
    assert host.wait(TransferFinished, lambda e: e.outcome != "too-large").outcome == "unreadable"
    host.backend.offer_file(str(tmp_path / "missing"))
    host.wait_count(TransferFinished, 3)
    assert not host.rec.of(FileOffered)
    assert os.listdir(tmp_path) == ["big.bin"]


def test_a_multicast_groups_offer_is_fetched_and_withdrawn_when_its_sender_leaves(
    make_peer: Callable[[], Peer], tmp_path: Path
) -> None:
    port = free_udp_port()
    a, b = make_peer(), make_peer()
    a.start_active(multicast("a", port))
    b.start_active(multicast("b", port))
    b.wait(PeerJoined, lambda e: e.nick == "a")
    path, digest = make_file(tmp_path, "group.bin", 70_000)
    a.backend.offer_file(str(path))
    seen = b.wait(FileOffered)
    assert (seen.nick, seen.name, seen.own) == ("a", "group.bin", False)
    b.backend.fetch_file(seen.offer_id, str(tmp_path / "in"))
    done = received(b, seen.offer_id)
    assert done.outcome == "ok", done
    assert sha256_of(Path(done.path)) == digest
    assert not a.rec.of(FileOffered, lambda e: not e.own)  # its own, back through loopback, is not shown
    a.backend.stop()
    b.wait(FileWithdrawn, lambda e: e.offer_id == seen.offer_id)


def test_the_host_names_its_receiver_and_can_stop_sending_to_it_alone(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], tmp_path: Path
) -> None:
    host, port = start_host(make_peer)
    bob = member_of(plain_clients, port, "bob")
    size = 128 * 1024 * 1024
    path = tmp_path / "long.bin"
    with open(path, "wb") as file:
        file.truncate(size)  # sparse: a long transfer that costs no disk
    host.backend.offer_file(str(path))
    offer = bob.frame_of("file-offer")
    with socket.create_connection((LOCAL, offer["port"]), timeout=5) as data:
        get = {"v": 1, "type": "file-get", "id": offer["id"], "token": offer["token"], "offset": 0}
        data.sendall(json.dumps(get).encode() + b"\n")
        got = 0
        while got < 12 * 1024 * 1024:  # a few of the server's pieces: it reports after each
            chunk = data.recv(1024 * 1024)
            assert chunk
            got += len(chunk)
        progress = host.wait(TransferProgress, lambda e: e.direction == "send")
        assert progress.peer == f"bob ({LOCAL}:{data.getsockname()[1]})"
        host.backend.cancel_transfer(offer["id"], progress.peer)
        finished = host.wait(TransferFinished, lambda e: e.direction == "send")
        assert (finished.outcome, finished.peer) == ("cancelled", progress.peer)
        while chunk := data.recv(1024 * 1024):
            got += len(chunk)
        assert got < size
    assert host.rec.of(FileOffered, lambda e: e.own)  # still offered to others
    assert not host.rec.of(FileWithdrawn)


def test_at_most_four_fetches_run_at_once_and_the_next_starts_when_one_ends(
    make_peer: Callable[[], Peer],
    plain_clients: Callable[[int], LineSocket],
    stalling: Callable[[], StallingSender],
    tmp_path: Path,
) -> None:
    host, port = start_host(make_peer)
    bob = join(make_peer, host, port, "bob")
    alice = member_of(plain_clients, port, "alice")
    sender = stalling()
    ids = [f"q{i}" for i in range(MAX_FETCHES + 1)]
    for offer_id in ids:
        alice.send_json(**offer_frame(offer_id, sender.port, name=f"{offer_id}.bin"))
    bob.wait(FileOffered, lambda e: e.offer_id == ids[-1])
    for offer_id in ids:
        bob.backend.fetch_file(offer_id, str(tmp_path))
    for offer_id in ids[:MAX_FETCHES]:
        bob.wait(TransferProgress, lambda e, i=offer_id: e.offer_id == i and e.done > 0)
    room_goes_on(host, bob, "while four run")
    assert not bob.rec.of(TransferProgress, lambda e: e.offer_id == ids[-1])  # it waits its turn
    bob.backend.cancel_transfer(ids[0])
    assert received(bob, ids[0]).outcome == "cancelled"
    bob.wait(TransferProgress, lambda e: e.offer_id == ids[-1] and e.done > 0)


def test_an_ipv6_room_stamps_and_fetches_over_ipv6(make_peer: Callable[[], Peer], tmp_path: Path) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 here")
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="hostess", bind="::1", port=0))
    port = host.listening_port()
    alice, bob = make_peer(), make_peer()
    for peer, nick in ((alice, "alice"), (bob, "bob")):
        peer.start_active(SessionConfig(mode="tcp", role="join", nick=nick, host="::1", port=port))
        host.wait(PeerJoined, lambda e, n=nick: e.nick == n)
    path, digest = make_file(tmp_path, "v6.bin", 4096)
    alice.backend.offer_file(str(path))
    seen = bob.wait(FileOffered)
    assert seen.sender.startswith("[::1]:")  # the address the host saw alice at, and her data's port
    bob.backend.fetch_file(seen.offer_id, str(tmp_path / "in"))
    done = received(bob, seen.offer_id)
    assert done.outcome == "ok", done
    assert sha256_of(Path(done.path)) == digest
