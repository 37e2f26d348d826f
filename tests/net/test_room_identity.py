"""The host tells every member its room's identity and name in the welcome, however it was reached."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest

from chatgui.events import RoomIdentified, SessionConfig
from chatgui.protocol.frames import MAX_ROOM_NAME_BYTES
from tests.net.conftest import LineSocket, Peer


def _host(make_peer: Callable[[], Peer], **fields: str) -> tuple[Peer, int]:
    host = make_peer()
    host.start_active(SessionConfig(mode="tcp", role="host", nick="hostess", bind="", port=0, **fields))
    return host, host.listening_port()


@pytest.mark.skipif(not socket.has_ipv6, reason="no IPv6 on this computer")
def test_members_reaching_the_host_by_different_addresses_learn_the_same_room(
    make_peer: Callable[[], Peer],
) -> None:
    _, port = _host(make_peer, room_id="ab12cd34ef56ab78-1", room_name="Ann's room")
    seen = []
    for address in ("127.0.0.1", "::1"):
        member = make_peer()
        member.start_active(SessionConfig(mode="tcp", role="join", nick="m", host=address, port=port))
        seen.append(member.wait(RoomIdentified))
    assert seen == [RoomIdentified("ab12cd34ef56ab78-1", "Ann's room")] * 2


def test_a_host_without_an_identity_sends_the_welcome_old_members_know(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    _, port = _host(make_peer)
    client = plain_clients(port)
    client.send_json(v=1, type="hello", nick="old", peer="p1", app="0.1")
    assert client.frame_of("welcome") == {"v": 1, "type": "welcome", "nick": "old"}


def test_a_long_room_name_is_cut_to_what_members_accept(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket]
) -> None:
    _, port = _host(make_peer, room_id="r", room_name="好" * 200)
    client = plain_clients(port)
    client.send_json(v=1, type="hello", nick="m", peer="p1", app="0.1")
    welcome = client.frame_of("welcome")
    assert welcome["room"] == "r"
    assert len(welcome["name"].encode()) <= MAX_ROOM_NAME_BYTES
    assert welcome["name"] == "好" * (MAX_ROOM_NAME_BYTES // 3)


def test_a_hostile_room_name_arrives_as_one_plain_line(
    make_peer: Callable[[], Peer],
) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    member = make_peer()
    member.start(SessionConfig(mode="tcp", role="join", nick="m", host="127.0.0.1", port=port))
    conn, _ = listener.accept()
    with conn, listener:
        conn.recv(4096)  # the hello
        conn.sendall(b'{"v":1,"type":"welcome","nick":"m","room":"x","name":"a\\nb\\u001b[31m"}\n')
        identified = member.wait(RoomIdentified)
    assert identified.room == "x"
    assert "\n" not in identified.name
    assert "\x1b" not in identified.name
