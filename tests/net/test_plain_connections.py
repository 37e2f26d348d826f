"""A TCP host tells its user when a plain-text client (nc, a tutorial script) comes and goes."""

from __future__ import annotations

import socket
from collections.abc import Callable

from chatgui.events import PeerJoined, PeerLeft, RawReceived, RosterChanged, SessionConfig
from tests.net.conftest import LineSocket, Peer


def address_of(client: LineSocket) -> str:
    host, port = client.sock.getsockname()[:2]
    return f"{host}:{port}"


def test_a_silent_plain_client_is_announced_and_its_leaving_told(
    host: Peer, plain_clients: Callable[[int], LineSocket]
) -> None:
    client = plain_clients(host.listening_port())
    address = address_of(client)
    host.wait(PeerJoined, lambda e: e.nick == "" and e.address == address)
    client.close()
    host.wait(PeerLeft, lambda e: e.nick == "" and e.address == address)
    assert host.rec.of(RosterChanged)[-1].nicks == ("hostess",)  # no nickname, not a member
    assert len(host.rec.of(PeerJoined)) == len(host.rec.of(PeerLeft)) == 1


def test_a_plain_client_that_writes_is_announced_before_its_first_line(
    host: Peer, plain_clients: Callable[[int], LineSocket]
) -> None:
    client = plain_clients(host.listening_port())
    client.sock.sendall(b"hello\n")
    host.wait(RawReceived, lambda e: e.text == "hello")
    client.sock.sendall(b"again\n")
    host.wait(RawReceived, lambda e: e.text == "again")
    kinds = [type(e) for e in host.rec.events if isinstance(e, PeerJoined | RawReceived)]
    assert kinds == [PeerJoined, RawReceived, RawReceived]
    assert host.rec.of(PeerJoined)[0] == PeerJoined("", address_of(client))


def test_a_client_gone_before_saying_anything_is_told_as_come_and_gone(host: Peer) -> None:
    client = socket.create_connection(("127.0.0.1", host.listening_port()))
    address = "{}:{}".format(*client.getsockname()[:2])
    client.close()
    host.wait(PeerLeft, lambda e: e.nick == "" and e.address == address)
    assert host.rec.of(PeerJoined) == [PeerJoined("", address)]


def test_a_chatgui_client_is_never_announced_as_plain_text(
    host: Peer, make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    port = host.listening_port()
    guest = make_peer()
    guest.start_active(SessionConfig(mode="tcp", role="join", nick="bob", host="127.0.0.1", port=port))
    host.wait(PeerJoined, lambda e: e.nick == "bob")
    # Connected after bob, so announced after bob's grace period has long passed.
    plain = plain_clients(port)
    host.wait(PeerJoined, lambda e: e.nick == "")
    assert [e.address for e in host.rec.of(PeerJoined, lambda e: e.nick == "")] == [address_of(plain)]
    guest.backend.stop()
    host.wait(PeerLeft, lambda e: e.nick == "bob")
    assert host.rec.of(PeerLeft, lambda e: e.nick == "") == []
