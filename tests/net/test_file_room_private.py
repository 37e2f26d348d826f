"""Offers in private rooms (issue 15): they arrive, and the wire between shows no file name.

A recording relay sits between the two sides (a TCP proxy, a UDP forwarder) and keeps every
byte it passed; the offer's name must not be in them, in either direction.
"""

from __future__ import annotations

import selectors
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chatgui.events import FileOffered, SessionConfig, TransferFinished
from chatgui.net.files import fetch
from tests.net.conftest import Peer
from tests.net.test_file_room import make_file, sha256_of
from tests.net.test_private import PASSPHRASE, host_config, join_config

NAME = "quarterly-secret-plan.txt"


class Recorder:
    """Relays between a client and a server on loopback, keeping what passed (TCP or UDP)."""

    def __init__(self, server: tuple[str, int], kind: int) -> None:
        self.server = server
        self.kind = kind
        self.seen = bytearray()
        self.sock = socket.socket(socket.AF_INET, kind)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        target = self._tcp if kind == socket.SOCK_STREAM else self._udp
        self.thread = threading.Thread(target=target, daemon=True)
        self.thread.start()

    def _tcp(self) -> None:
        self.sock.listen(1)
        self.sock.settimeout(10)
        try:
            client, _ = self.sock.accept()
        except OSError:
            return
        upstream = socket.create_connection(self.server)
        sel = selectors.DefaultSelector()
        sel.register(client, selectors.EVENT_READ, upstream)
        sel.register(upstream, selectors.EVENT_READ, client)
        with client, upstream:
            while not self.stop.is_set():
                for key, _ in sel.select(0.1):
                    data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                    if not data:
                        return
                    self.seen += data
                    key.data.sendall(data)

    def _udp(self) -> None:
        self.sock.settimeout(0.1)
        client: Any = None
        while not self.stop.is_set():
            try:
                data, addr = self.sock.recvfrom(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            self.seen += data
            if addr == self.server:
                if client is not None:
                    self.sock.sendto(data, client)
            else:
                client = addr
                self.sock.sendto(data, self.server)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def recorders() -> Iterator[Callable[[tuple[str, int], int], Recorder]]:
    made: list[Recorder] = []

    def make(server: tuple[str, int], kind: int) -> Recorder:
        recorder = Recorder(server, kind)
        made.append(recorder)
        return recorder

    yield make
    for recorder in made:
        recorder.close()


def test_a_private_tcp_rooms_offer_arrives_and_its_name_is_never_on_the_wire(
    make_peer: Callable[[], Peer], recorders: Callable[[tuple[str, int], int], Recorder], tmp_path: Path
) -> None:
    host = make_peer()
    host.start_active(host_config(passphrase=PASSPHRASE))
    proxy = recorders(("127.0.0.1", host.listening_port()), socket.SOCK_STREAM)
    bob = make_peer()
    bob.start_active(join_config(proxy.port, "bob", passphrase=PASSPHRASE))
    path, digest = make_file(tmp_path, NAME, 5000)
    host.backend.offer_file(str(path))
    seen = bob.wait(FileOffered)
    assert (seen.name, seen.nick, seen.sha256) == (NAME, "hostess", digest)
    bob.backend.offer_file(str(path))
    assert host.wait(FileOffered, lambda e: not e.own).name == NAME
    bob.backend.fetch_file(seen.offer_id, str(tmp_path / "in"))
    done = bob.wait(TransferFinished, lambda e: e.direction == "receive")
    assert done.outcome == "ok", done
    assert sha256_of(Path(done.path)) == digest
    assert len(proxy.seen) > 1000
    assert NAME.encode() not in proxy.seen
    assert b"file-offer" not in proxy.seen
    # The data connection is sealed too: the right token without the room's key gets no file.
    worker = host.backend._worker
    assert worker is not None
    assert worker.session.files is not None
    offer = worker.session.files.own_offers[seen.offer_id]
    plain = fetch(
        "127.0.0.1",
        offer.port,
        offer.id,
        offer.token,
        offer.size,
        offer.sha256,
        tmp_path / "plain",
        offer.name,
    )
    result = plain.wait(10)
    assert result is not None
    assert result.kind != "ok"
    assert not (tmp_path / "plain" / NAME).exists()


def test_a_private_udp_pairs_offer_arrives_and_its_name_is_never_on_the_wire(
    make_peer: Callable[[], Peer], recorders: Callable[[tuple[str, int], int], Recorder], tmp_path: Path
) -> None:
    a = make_peer()
    a.start_active(SessionConfig(mode="udp", role="peer", nick="a", bind="127.0.0.1", passphrase=PASSPHRASE))
    forwarder = recorders(("127.0.0.1", a.listening_port()), socket.SOCK_DGRAM)
    b = make_peer()
    b.start_active(
        SessionConfig(
            mode="udp",
            role="peer",
            nick="b",
            bind="127.0.0.1",
            host="127.0.0.1",
            port=forwarder.port,
            passphrase=PASSPHRASE,
        )
    )
    path, digest = make_file(tmp_path, NAME, 5000)
    b.backend.offer_file(str(path))
    seen = a.wait(FileOffered)
    assert (seen.name, seen.nick, seen.sha256) == (NAME, "b", digest)
    a.backend.offer_file(str(path))  # back to everyone heard from: through the forwarder
    assert b.wait(FileOffered, lambda e: not e.own).name == NAME
    assert len(forwarder.seen) > 200
    assert NAME.encode() not in forwarder.seen
    assert b"file-offer" not in forwarder.seen
