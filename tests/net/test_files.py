"""File transfers between a real FileServer and fetch on loopback: sizes, names, failures, cancel."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from chatgui.net.files import (
    FetchResult,
    FileServer,
    TransferCancelled,
    hash_file,
    part_path,
)
from chatgui.net.files_common import PART_SUFFIX, Pacer, RateMeter
from chatgui.protocol.file_stream import FileData, encode_data, parse_get
from tests.net.files_kit import (
    Gate,
    MiB,
    Offer,
    Served,
    files_in,
    make_file,
    new_id,
    new_token,
    raw_clients,
    read_line,
    result_of,
    servers,
)

__all__ = ["raw_clients", "servers"]  # fixtures

Servers = Callable[..., tuple[FileServer, Served]]


def _one_offer(servers: Servers, tmp_path: Path, size: int, host: str = "127.0.0.1", sparse: bool = False):
    source = tmp_path / "out"
    source.mkdir()
    path = source / "photo.png"
    sha = make_file(path, size, sparse=sparse)
    server, served = servers(host)
    inbox = tmp_path / "in"
    inbox.mkdir()
    return Offer(server, path, sha, host), served, inbox


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
@pytest.mark.parametrize("size", [0, 1, MiB])
def test_a_file_arrives_whole_under_its_name(servers: Servers, tmp_path: Path, host: str, size: int) -> None:
    offer, served, inbox = _one_offer(servers, tmp_path, size, host)
    progress: list[tuple[int, int, float]] = []
    job = offer.fetch(inbox, on_progress=lambda *p: progress.append(p))
    result = result_of(job)
    assert result == FetchResult("ok", size, inbox / "photo.png")
    assert (inbox / "photo.png").read_bytes() == offer.path.read_bytes()
    assert files_in(inbox) == ["photo.png"]
    assert progress[-1][:2] == (size, size)
    done = served.wait()
    assert [(r.kind, r.offset, r.sent, r.total) for r in done] == [("sent", 0, size, size)]
    assert done[0].peer[0] == host
    if size:
        assert served.progress[-1][2:] == (size, size)


def test_200_mib_sparse_file_arrives_with_its_hash(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _one_offer(servers, tmp_path, 200 * MiB, sparse=True)
    result = result_of(offer.fetch(inbox))
    assert result.ok
    assert result.path is not None
    assert hash_file(result.path) == (200 * MiB, offer.sha256)


def test_an_existing_file_is_never_overwritten(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _one_offer(servers, tmp_path, 1000)
    (inbox / "photo.png").write_bytes(b"mine")
    (inbox / "photo (2).png").write_bytes(b"mine too")
    result = result_of(offer.fetch(inbox))
    assert result.path == inbox / "photo (3).png"
    assert (inbox / "photo.png").read_bytes() == b"mine"
    assert (inbox / "photo (2).png").read_bytes() == b"mine too"
    assert (inbox / "photo (3).png").read_bytes() == offer.path.read_bytes()


def test_hash_file_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    path = tmp_path / "f"
    sha = make_file(path, 3 * MiB)
    seen: list[tuple[int, int]] = []
    assert hash_file(path, lambda done, total: seen.append((done, total))) == (3 * MiB, sha)
    assert seen[-1] == (3 * MiB, 3 * MiB)
    with pytest.raises(TransferCancelled):
        hash_file(path, cancelled=lambda: True)


def test_pacer_and_rate_meter() -> None:
    pacer = Pacer(0.1)
    assert [pacer.due(t) for t in (0.0, 0.05, 0.1, 0.15, 0.25)] == [True, False, True, False, True]
    meter = RateMeter(0.0)
    assert meter.sample(0.0, 0) == 0.0
    assert meter.sample(1.0, 100) == 100.0
    assert meter.sample(2.0, 100) == pytest.approx(70.0)  # a stall lowers the rate gently


def test_a_bad_token_and_an_unknown_id_get_the_same_refusal(servers: Servers, tmp_path: Path) -> None:
    offer, served, inbox = _one_offer(servers, tmp_path, 10)
    offer.token = new_token()
    assert result_of(offer.fetch(inbox)) == FetchResult("refused", reason="unknown")
    offer.id = new_id()
    assert result_of(offer.fetch(inbox)) == FetchResult("refused", reason="unknown")
    assert files_in(inbox) == []
    assert served.results == []  # strangers do not reach the sender's screen


def test_nothing_listening_is_unreachable_with_its_errno(tmp_path: Path) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    from chatgui.net.files import fetch

    job = fetch("127.0.0.1", port, new_id(), new_token(), 1, "0" * 64, tmp_path, "x")
    assert result_of(job) == FetchResult("unreachable", errno=errno.ECONNREFUSED)


def test_a_file_changed_after_offering_is_refused_not_sent(servers: Servers, tmp_path: Path) -> None:
    offer, served, inbox = _one_offer(servers, tmp_path, 1000)
    stat = offer.path.stat()
    with open(offer.path, "r+b") as file:
        file.write(b"X")
    import os

    os.utime(offer.path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert result_of(offer.fetch(inbox)) == FetchResult("refused", reason="changed")
    assert [r.kind for r in served.wait()] == ["changed"]
    assert files_in(inbox) == []


def test_a_deleted_file_is_refused_as_changed(servers: Servers, tmp_path: Path) -> None:
    offer, served, inbox = _one_offer(servers, tmp_path, 1000)
    offer.path.unlink()
    assert result_of(offer.fetch(inbox)) == FetchResult("refused", reason="changed")
    assert served.wait()[0].errno == errno.ENOENT


def test_offer_refuses_a_file_that_changed_since_it_was_hashed(servers: Servers, tmp_path: Path) -> None:
    server, _ = servers()
    path = tmp_path / "f"
    sha = make_file(path, 10)
    with pytest.raises(ValueError, match="changed"):
        server.offer(new_id(), new_token(), path, 11, sha)
    with pytest.raises(ValueError, match="malformed"):
        server.offer("a/b", new_token(), path, 10, sha)
    offer_id = new_id()
    server.offer(offer_id, new_token(), path, 10, sha)
    with pytest.raises(ValueError, match="exists"):
        server.offer(offer_id, new_token(), path, 10, sha)


def _raw_sender(answer: Callable[[socket.socket, int], None]) -> tuple[socket.socket, threading.Thread]:
    """A hand-written sender: accepts one connection, reads the get line, runs ``answer(conn, offset)``."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            get = parse_get(read_line(conn))
            # A receiver that sees a broken answer may hang up before it is all sent: the
            # expected end here, not an error of this sender.
            with contextlib.suppress(OSError):
                answer(conn, get.offset)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener, thread


def _fetch_raw(listener: socket.socket, data: bytes, folder: Path, **kwargs: object):
    from chatgui.net.files import fetch

    sha = hashlib.sha256(data).hexdigest()
    return fetch(
        "127.0.0.1", listener.getsockname()[1], "raw", "t" * 32, len(data), sha, folder, "f.bin", **kwargs
    )


def test_a_wrong_byte_fails_the_hash_and_leaves_no_file(tmp_path: Path) -> None:
    data = bytes(range(256)) * 100

    def corrupt(conn: socket.socket, offset: int) -> None:
        bad = bytearray(data)
        bad[12345] ^= 1
        conn.sendall(encode_data(FileData("raw", offset, len(data))) + bytes(bad[offset:]))

    listener, thread = _raw_sender(corrupt)
    with listener:
        result = result_of(_fetch_raw(listener, data, tmp_path))
        thread.join(5)
    assert result == FetchResult("hash")
    assert files_in(tmp_path) == []


@pytest.mark.parametrize(
    "header",
    [
        FileData("other", 0, 100),  # another offer's bytes
        FileData("raw", 0, 99),  # not the size offered
        FileData("raw", 5, 100),  # not the offset asked
    ],
)
def test_an_answer_that_breaks_the_contract_is_a_protocol_failure(tmp_path: Path, header: FileData) -> None:
    data = b"x" * 100
    listener, thread = _raw_sender(lambda conn, _: conn.sendall(encode_data(header) + data))
    with listener:
        result = result_of(_fetch_raw(listener, data, tmp_path))
        thread.join(5)
    assert result.kind == "protocol"
    assert not any(name == "f.bin" for name in files_in(tmp_path))


@pytest.mark.parametrize("answer", [b"garbage\n", b"x" * 600, b""])
def test_garbage_long_or_no_answer(tmp_path: Path, answer: bytes) -> None:
    listener, thread = _raw_sender(lambda conn, _: conn.sendall(answer))
    with listener:
        result = result_of(_fetch_raw(listener, b"x" * 100, tmp_path))
        thread.join(5)
    assert result.kind == ("vanished" if answer == b"" else "protocol")


def test_a_sender_that_stops_halfway_leaves_a_part_for_resume(servers: Servers, tmp_path: Path) -> None:
    data = bytes(range(256)) * 400
    half = len(data) // 2
    listener, thread = _raw_sender(
        lambda conn, offset: conn.sendall(encode_data(FileData("raw", offset, len(data))) + data[:half])
    )
    with listener:
        result = result_of(_fetch_raw(listener, data, tmp_path))
        thread.join(5)
    assert result == FetchResult("vanished", half)
    part = part_path(tmp_path, "f.bin", hashlib.sha256(data).hexdigest())
    assert part.read_bytes() == data[:half]
    assert part.name.endswith(PART_SUFFIX)
    # The same file from another sender: only the rest is asked for.
    listener, thread = _raw_sender(
        lambda conn, offset: conn.sendall(encode_data(FileData("raw", offset, len(data))) + data[offset:])
    )
    with listener:
        result = result_of(_fetch_raw(listener, data, tmp_path))
        thread.join(5)
    assert result == FetchResult("ok", len(data), tmp_path / "f.bin")
    assert (tmp_path / "f.bin").read_bytes() == data
    assert files_in(tmp_path) == ["f.bin"]


def test_a_corrupt_part_fails_the_hash_and_is_deleted(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _one_offer(servers, tmp_path, 1000)
    part = part_path(inbox, "photo.png", offer.sha256)
    part.write_bytes(b"\0" * 500)
    assert result_of(offer.fetch(inbox)) == FetchResult("hash")
    assert files_in(inbox) == []
    assert result_of(offer.fetch(inbox)).ok  # and the next try starts from nothing


def test_a_part_longer_than_the_file_is_started_again(servers: Servers, tmp_path: Path) -> None:
    offer, served, inbox = _one_offer(servers, tmp_path, 1000)
    part_path(inbox, "photo.png", offer.sha256).write_bytes(b"\0" * 1001)
    assert result_of(offer.fetch(inbox)).ok
    assert served.wait()[0].offset == 0
    assert files_in(inbox) == ["photo.png"]


def test_a_folder_that_cannot_be_written_is_a_disk_failure(servers: Servers, tmp_path: Path) -> None:
    offer, _, _ = _one_offer(servers, tmp_path, 1000)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_bytes(b"")
    result = result_of(offer.fetch(not_a_folder))
    assert result.kind == "disk"
    assert result.errno == errno.ENOTDIR


def test_the_same_file_into_the_same_folder_twice_at_once(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _one_offer(servers, tmp_path, 64 * MiB, sparse=True)
    gate = Gate()
    first = offer.fetch(inbox, on_progress=gate)
    gate.wait_reached()
    assert result_of(offer.fetch(inbox)) == FetchResult("in-progress")
    gate.open()
    assert result_of(first).ok


def test_withdraw_cuts_the_transfer_and_later_gets_are_cancelled(servers: Servers, tmp_path: Path) -> None:
    offer, served, inbox = _one_offer(servers, tmp_path, 64 * MiB, sparse=True)
    gate = Gate()
    job = offer.fetch(inbox, on_progress=gate)
    gate.wait_reached()
    offer.server.withdraw(offer.id)
    assert [r.kind for r in served.wait()] == ["cancelled"]
    gate.open()
    result = result_of(job)
    assert result.kind == "vanished"  # the data connection cannot tell a withdrawal from a crash
    job.cancel()  # ... the room's file-cancel can: the receiver cleans up
    assert files_in(inbox) == []
    # A receiver that missed the file-cancel asks again: refused, and its part is gone too.
    part_path(inbox, "photo.png", offer.sha256).write_bytes(b"\0")
    assert result_of(offer.fetch(inbox)) == FetchResult("refused", reason="cancelled")
    assert files_in(inbox) == []
    offer.token = new_token()  # a withdrawn id with a wrong token learns nothing
    assert result_of(offer.fetch(inbox)) == FetchResult("refused", reason="unknown")


def test_cancel_on_the_receiver_leaves_nothing(servers: Servers, tmp_path: Path) -> None:
    offer, served, inbox = _one_offer(servers, tmp_path, 64 * MiB, sparse=True)
    gate = Gate()
    job = offer.fetch(inbox, on_progress=gate)
    gate.wait_reached()
    job.cancel()
    gate.open()
    assert result_of(job) == FetchResult("cancelled")
    assert files_in(inbox) == []
    assert [r.kind for r in served.wait()] == ["vanished"]
    job.cancel()  # again, after the end: nothing happens
    assert files_in(inbox) == []


def test_cancel_after_success_keeps_the_file(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _one_offer(servers, tmp_path, 10)
    job = offer.fetch(inbox)
    assert result_of(job).ok
    job.cancel()
    assert files_in(inbox) == ["photo.png"]


def test_fetch_refuses_a_callers_malformed_values(tmp_path: Path) -> None:
    from chatgui.net.files import fetch

    for bad in [
        ("a/b", "t" * 32, 1, "x"),
        ("a", "short", 1, "x"),
        ("a", "t" * 32, -1, "x"),
        ("a", "t" * 32, 1, "../x"),
    ]:
        offer_id, token, size, name = bad
        with pytest.raises(ValueError, match=r"malformed|plain file name"):
            fetch("127.0.0.1", 1, offer_id, token, size, "0" * 64, tmp_path, name)
    with pytest.raises(ValueError, match="sha256"):
        fetch("127.0.0.1", 1, "a", "t" * 32, 1, "0" * 63, tmp_path, "x")


def test_a_closed_server_refuses_what_it_had_not_started(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _one_offer(servers, tmp_path, 10)
    port = offer.server.port
    offer.server.close()
    probe = socket.socket()
    with probe, pytest.raises(ConnectionRefusedError):
        probe.connect(("127.0.0.1", port))
    assert result_of(offer.fetch(inbox)).kind == "unreachable"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_disk_failure_and_no_final_file(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _one_offer(servers, tmp_path, 3 * MiB)
    part = part_path(inbox, "photo.png", offer.sha256)
    part.symlink_to("/dev/full")  # every write to the part file fails with ENOSPC
    result = result_of(offer.fetch(inbox))
    assert result.kind == "disk"
    assert result.errno == errno.ENOSPC
    assert files_in(inbox) == [part.name]  # the part stays (here: the link), nothing under the final name
