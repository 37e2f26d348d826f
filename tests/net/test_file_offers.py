"""File offers in rooms: a hostile one costs only its sender.

A TCP host and a UDP peer take a valid ``file-offer``/``file-cancel`` (``net/file_room.py``;
tests/net/test_file_room*.py follow them further); one with a field over its bound is refused
like any other bad frame. A real chatgui member keeps chatting throughout.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from chatgui.events import (
    ChatReceived,
    FileOffered,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RawReceived,
    Severity,
)
from chatgui.protocol.files import MAX_FILE_ID_CHARS, MAX_FILE_NAME_BYTES, MAX_THUMB_CHARS
from tests.net.conftest import LineSocket, Peer
from tests.net.test_host_limits import (
    address_of,
    error_frames,
    join,
    lines_until_closed,
    room_goes_on,
    start_host,
)
from tests.net.test_udp_identity import LOCAL, room, says

OFFER = {
    "type": "file-offer",
    "peer": "m0",
    "id": "offer-1",
    "name": "photo.png",
    "size": 1234,
    "sha256": "0123456789abcdef" * 4,
    "mime": "image/png",
    "port": 40000,
    "token": "T" * 43,
}
TEN_KB = 10 * 1024

OVER = [
    pytest.param({**OFFER, "name": "n" * TEN_KB}, "name", TEN_KB, MAX_FILE_NAME_BYTES, id="a-10KB-name"),
    pytest.param(
        {**OFFER, "name": "好" * (MAX_FILE_NAME_BYTES // 3) + "xx"},
        "name",
        MAX_FILE_NAME_BYTES + 1,
        MAX_FILE_NAME_BYTES,
        id="a-name-one-byte-over",
    ),
    pytest.param(
        {**OFFER, "thumb": "A" * (MAX_THUMB_CHARS + 1)},
        "thumb",
        MAX_THUMB_CHARS + 1,
        MAX_THUMB_CHARS,
        id="a-thumb-one-over",
    ),
    pytest.param(
        {"type": "file-cancel", "peer": "m0", "id": "i" * (MAX_FILE_ID_CHARS + 1)},
        "id",
        MAX_FILE_ID_CHARS + 1,
        MAX_FILE_ID_CHARS,
        id="a-cancel-with-an-id-one-over",
    ),
]


@pytest.mark.parametrize(("frame", "field", "size", "limit"), OVER)
def test_a_member_offering_over_a_bound_is_refused_while_another_chats(
    make_peer: Callable[[], Peer],
    plain_clients: Callable[[int], LineSocket],
    frame: dict[str, Any],
    field: str,
    size: int,
    limit: int,
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    mallory = plain_clients(port)
    mallory.send_json(type="hello", nick="mallory", peer="m0", app="test")
    mallory.frame_of("roster")  # a member now
    watcher.backend.send("before the offer")
    mallory.send_json(**frame)
    watcher.backend.send("during the offer")
    [refusal] = error_frames(lines_until_closed(mallory))
    assert field in refusal["reason"]
    assert str(limit) in refusal["reason"]
    problem = host.wait(ProblemOccurred, lambda e: e.problem is Problem.BAD_FRAME)
    assert (problem.detail, problem.size, problem.limit) == (field, size, limit)
    assert (problem.address, problem.severity, problem.fatal) == (
        address_of(mallory),
        Severity.WARNING,
        False,
    )
    watcher.wait(PeerLeft, lambda e: e.nick == "mallory")
    host.wait(ChatReceived, lambda e: e.text == "during the offer")
    room_goes_on(host, watcher, "after the offer")
    assert not host.rec.of(RawReceived)  # never shown as text either
    assert not watcher.rec.of(ChatReceived, lambda e: "file-" in e.text)


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param(OFFER, id="an-offer"),
        pytest.param({"type": "file-cancel", "peer": "m0", "id": "offer-1"}, id="a-cancel"),
    ],
)
def test_a_valid_offer_keeps_its_sender_a_member(
    make_peer: Callable[[], Peer], plain_clients: Callable[[int], LineSocket], frame: dict[str, Any]
) -> None:
    host, port = start_host(make_peer)
    watcher = join(make_peer, host, port)
    mallory = plain_clients(port)
    mallory.send_json(type="hello", nick="mallory", peer="m0", app="test")
    mallory.frame_of("roster")
    mallory.send_json(**frame)
    mallory.send_json(type="ping", ts=2.0)
    assert mallory.frame_of("pong") == {"v": 1, "type": "pong", "ts": 2.0}  # read, and still a member
    room_goes_on(host, watcher, "after a valid offer")
    assert not host.rec.of(RawReceived)
    assert not host.rec.of(ProblemOccurred, lambda e: e.problem is Problem.BAD_FRAME)
    assert not watcher.rec.of(ChatReceived, lambda e: "file-" in e.text)


# -- UDP: a stranger's datagram --------------------------------------------------------


@pytest.fixture
def stranger() -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((LOCAL, 0))
    yield sock
    sock.close()


def datagram(frame: dict[str, Any]) -> bytes:
    return json.dumps({"v": 1, **frame}, ensure_ascii=False).encode()


@pytest.mark.parametrize(("frame", "field", "size", "limit"), OVER)
def test_a_strangers_offer_over_a_bound_is_dropped_and_the_udp_room_goes_on(
    make_peer: Callable[[], Peer],
    stranger: socket.socket,
    frame: dict[str, Any],
    field: str,
    size: int,
    limit: int,
) -> None:
    me, alice, port = room(make_peer)
    stranger.sendto(datagram(frame), (LOCAL, port))
    problem = me.wait(ProblemOccurred, lambda e: e.problem is Problem.BAD_FRAME)
    assert (problem.detail, problem.size, problem.limit) == (field, size, limit)
    assert problem.address == f"{LOCAL}:{stranger.getsockname()[1]}"
    alice.backend.send("the room goes on")
    says(me, "the room goes on", nick="alice")
    assert not me.rec.of(RawReceived)


def test_a_strangers_valid_offer_is_shown_and_costs_nothing(
    make_peer: Callable[[], Peer], stranger: socket.socket
) -> None:
    me, alice, port = room(make_peer)
    stranger.sendto(datagram(OFFER), (LOCAL, port))
    stranger.sendto(
        datagram({"type": "msg", "peer": "s", "seq": 1, "ts": 1.0, "nick": "s", "text": "then"}),
        (LOCAL, port),
    )
    says(me, "then")  # the offer came first, from the same socket
    alice.backend.send("the room goes on")
    says(me, "the room goes on", nick="alice")
    assert not me.rec.of(RawReceived)
    assert not me.rec.of(ProblemOccurred)
    assert [e.offer_id for e in me.rec.of(FileOffered)] == [OFFER["id"]]
