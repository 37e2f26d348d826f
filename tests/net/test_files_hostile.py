"""A FileServer against strangers and its own limits, while a real transfer goes on."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from chatgui.net.files import FetchResult, FileServer, ServerLimits
from chatgui.protocol.file_stream import MAX_HEAD_BYTES, FileGet, encode_get
from tests.net.files_kit import (
    WAIT_S,
    Gate,
    MiB,
    Offer,
    Served,
    closed_by_peer,
    files_in,
    make_file,
    raw_clients,
    read_line,
    result_of,
    servers,
    wait_for,
)

__all__ = ["raw_clients", "servers"]  # fixtures

Servers = Callable[..., tuple[FileServer, Served]]
Clients = Callable[[str, int], socket.socket]


def _big_offer(server: FileServer, tmp_path: Path, name: str = "big.bin") -> Offer:
    path = tmp_path / name
    return Offer(server, path, make_file(path, 64 * MiB, sparse=True, seed=len(name)), "127.0.0.1")


def _get(offer: Offer, offset: int = 0) -> bytes:
    return encode_get(FileGet(offer.id, offer.token, offset))


def test_strangers_garbage_long_lines_and_silence_do_not_stop_a_transfer(
    servers: Servers, raw_clients: Clients, tmp_path: Path
) -> None:
    server, served = servers(limits=ServerLimits(get_seconds=0.5))
    offer = _big_offer(server, tmp_path)
    inbox = tmp_path / "in"
    inbox.mkdir()
    gate = Gate()
    job = offer.fetch(inbox, on_progress=gate)
    gate.wait_reached()
    garbage = raw_clients("127.0.0.1", server.port)
    garbage.sendall(b"hello\n")
    long_line = raw_clients("127.0.0.1", server.port)
    long_line.sendall(b"{" * (MAX_HEAD_BYTES + 1))
    silent = raw_clients("127.0.0.1", server.port)
    for stranger in (garbage, long_line, silent):
        assert closed_by_peer(stranger) == b""  # closed without a word
    assert server.serving(offer.id) == 1
    gate.open()
    assert result_of(job).ok
    assert [r.kind for r in served.wait()] == ["sent"]  # strangers are not reported


def test_a_get_line_at_the_bound_is_served_and_one_byte_over_is_closed(
    servers: Servers, raw_clients: Clients, tmp_path: Path
) -> None:
    server, _ = servers()
    path = tmp_path / "small"
    offer = Offer(server, path, make_file(path, 100), "127.0.0.1")

    def padded(length: int) -> bytes:
        obj = json.loads(_get(offer))
        obj["pad"] = ""
        base = len(json.dumps(obj, separators=(",", ":"))) + 1
        obj["pad"] = "p" * (length - base)
        return json.dumps(obj, separators=(",", ":")).encode() + b"\n"

    at_bound = raw_clients("127.0.0.1", server.port)
    at_bound.sendall(padded(MAX_HEAD_BYTES))
    assert json.loads(read_line(at_bound))["type"] == "file-data"
    over = raw_clients("127.0.0.1", server.port)
    over.sendall(padded(MAX_HEAD_BYTES + 1))
    assert closed_by_peer(over) == b""


def test_the_ninth_connection_for_one_offer_is_busy(
    servers: Servers, raw_clients: Clients, tmp_path: Path
) -> None:
    server, served = servers()
    offer = _big_offer(server, tmp_path)
    other = _big_offer(server, tmp_path, "other.bin")
    held = []
    for _ in range(8):
        sock = raw_clients("127.0.0.1", server.port)
        sock.sendall(_get(offer))
        assert json.loads(read_line(sock))["type"] == "file-data"
        held.append(sock)  # and never read: the transfer stays in progress
    ninth = raw_clients("127.0.0.1", server.port)
    ninth.sendall(_get(offer))
    assert json.loads(read_line(ninth)) == {"v": 1, "type": "file-refused", "id": offer.id, "reason": "busy"}
    assert served.wait()[0].reason == "busy"
    # Another offer still has room, and one freed slot is taken again.
    inbox = tmp_path / "in"
    inbox.mkdir()
    assert result_of(other.fetch(inbox)).ok
    held.pop().close()
    wait_for(lambda: server.serving(offer.id) == 7, what="a freed slot")
    again = raw_clients("127.0.0.1", server.port)
    again.sendall(_get(offer))
    assert json.loads(read_line(again))["type"] == "file-data"


def test_the_thirty_third_connection_in_all_is_busy(
    servers: Servers, raw_clients: Clients, tmp_path: Path
) -> None:
    server, _ = servers()
    offers = [_big_offer(server, tmp_path, f"f{n}.bin") for n in range(5)]
    for offer in offers[:4]:
        for _ in range(8):
            sock = raw_clients("127.0.0.1", server.port)
            sock.sendall(_get(offer))
            assert json.loads(read_line(sock))["type"] == "file-data"
    assert server.serving() == 32
    last = raw_clients("127.0.0.1", server.port)
    last.sendall(_get(offers[4]))
    assert json.loads(read_line(last))["reason"] == "busy"


def test_too_many_silent_connections_are_closed_at_once(
    servers: Servers, raw_clients: Clients, tmp_path: Path
) -> None:
    server, _ = servers(limits=ServerLimits(waiting=4, get_seconds=WAIT_S * 3))
    path = tmp_path / "small"
    offer = Offer(server, path, make_file(path, 100), "127.0.0.1")
    silent = [raw_clients("127.0.0.1", server.port) for _ in range(4)]
    one_more = raw_clients("127.0.0.1", server.port)
    assert (
        closed_by_peer(one_more) == b""
    )  # long before the silent ones' deadline (the recv timeout is WAIT_S)
    # The four that wait are still served once they speak.
    silent[0].sendall(_get(offer))
    assert json.loads(read_line(silent[0]))["type"] == "file-data"


def test_an_offset_past_the_end_is_refused(servers: Servers, raw_clients: Clients, tmp_path: Path) -> None:
    server, served = servers()
    path = tmp_path / "small"
    offer = Offer(server, path, make_file(path, 100), "127.0.0.1")
    sock = raw_clients("127.0.0.1", server.port)
    sock.sendall(_get(offer, 101))
    assert json.loads(read_line(sock))["reason"] == "offset"
    assert served.wait()[0].reason == "offset"
    at_end = raw_clients("127.0.0.1", server.port)
    at_end.sendall(_get(offer, 100))
    assert json.loads(read_line(at_end)) == {
        "v": 1,
        "type": "file-data",
        "id": offer.id,
        "offset": 100,
        "size": 100,
    }
    assert at_end.recv(10) == b""


def test_a_server_closed_mid_stream_leaves_a_part_that_resumes(servers: Servers, tmp_path: Path) -> None:
    server, _ = servers()
    offer = _big_offer(server, tmp_path)
    inbox = tmp_path / "in"
    inbox.mkdir()
    gate = Gate()
    job = offer.fetch(inbox, on_progress=gate)
    gate.wait_reached()
    server.close()
    gate.open()
    result = result_of(job)
    assert result.kind == "vanished"
    assert 0 < result.received < offer.size
    again, served = servers()
    resumed = Offer(again, offer.path, offer.sha256, "127.0.0.1")
    assert result_of(resumed.fetch(inbox)) == FetchResult("ok", offer.size, inbox / "big.bin")
    assert served.wait()[0].offset == result.received
    assert files_in(inbox) == ["big.bin"]


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_a_stranger_with_a_real_offer_id_but_no_token_gets_unknown(
    servers: Servers, raw_clients: Clients, tmp_path: Path, host: str
) -> None:
    server, served = servers(host)
    path = tmp_path / "small"
    offer = Offer(server, path, make_file(path, 100), host)
    sock = raw_clients(host, server.port)
    sock.sendall(encode_get(FileGet(offer.id, "z" * 32, 0)))
    assert json.loads(read_line(sock))["reason"] == "unknown"
    assert served.results == []
