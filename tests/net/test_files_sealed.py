"""Sealed file transfers (private rooms) between a real FileServer and fetch on loopback.

Sizes on IPv4 and IPv6; another key on either side (nothing of the file leaves the sender,
the receiver ends "refused" with reason "key"); a flipped byte ("protocol", no final file);
a cut stream ("vanished", the part kept and resumed sealed); what an eavesdropper reads
(a relay socket records the sender's bytes); a sender that breaks the records' contract;
strangers against a sealed server while a member fetches.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chatgui.net.files import FetchResult, FileServer, ServerLimits, fetch, part_path
from chatgui.protocol.file_seal import (
    HEADER_BYTES,
    HELLO_MAGIC,
    LAST_FLAG,
    MAX_RECORD_BYTES,
    MAX_RECORD_PLAINTEXT,
    SALT_BYTES,
    GetReader,
    ReceiverSeal,
    SenderSeal,
)
from chatgui.protocol.file_stream import (
    MAX_HEAD_BYTES,
    FileData,
    FileGet,
    FileRefused,
    encode_data,
    encode_get,
    encode_refused,
    parse_get,
)
from chatgui.protocol.secure import TAG_BYTES
from tests.net.files_kit import (
    WAIT_S,
    Gate,
    MiB,
    Offer,
    Served,
    closed_by_peer,
    files_in,
    make_file,
    new_id,
    new_token,
    raw_clients,
    result_of,
    wait_for,
)

__all__ = ["raw_clients"]  # fixture

KEY = hashlib.sha256(b"the room's file key").digest()
OTHER_KEY = hashlib.sha256(b"another room's file key").digest()
Servers = Callable[..., tuple[FileServer, Served]]
Clients = Callable[[str, int], socket.socket]


@pytest.fixture
def servers() -> Iterator[Servers]:
    """Makes FileServers (sealed with ``KEY`` unless told) that are closed after the test."""
    made: list[FileServer] = []

    def make(
        host: str = "127.0.0.1", key: bytes | None = KEY, limits: ServerLimits | None = None
    ) -> tuple[FileServer, Served]:
        served = Served()
        server = FileServer(host, served.on_progress, served.on_done, limits, key=key)
        made.append(server)
        return server, served

    yield make
    for server in made:
        server.close()


def _offer(
    servers: Servers,
    tmp_path: Path,
    size: int,
    host: str = "127.0.0.1",
    *,
    sparse: bool = False,
    key: bytes | None = KEY,
    seed: int = 0,
) -> tuple[Offer, Served, Path]:
    source = tmp_path / "out"
    source.mkdir(exist_ok=True)
    path = source / "holiday-secret-name.png"
    sha = make_file(path, size, sparse=sparse, seed=seed)
    server, served = servers(host, key)
    inbox = tmp_path / "in"
    inbox.mkdir(exist_ok=True)
    return Offer(server, path, sha, host), served, inbox


class Relay:
    """A TCP relay between a fetch and a server that records both directions as they were sent.

    ``cut_after``: forward only that many of the sender's bytes, then close both sides.
    ``flip_at``: change that byte of the sender's stream (XOR 0x01) on its way.
    """

    def __init__(
        self, host: str, port: int, *, cut_after: int | None = None, flip_at: int | None = None
    ) -> None:
        self.upstream = (host, port)
        self.cut_after, self.flip_at = cut_after, flip_at
        self.listener = socket.create_server(
            (host, 0), family=socket.AF_INET6 if ":" in host else socket.AF_INET
        )
        self.port = self.listener.getsockname()[1]
        self.to_sender = bytearray()
        self.to_receiver = bytearray()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        client, _ = self.listener.accept()
        upstream = socket.create_connection(self.upstream, timeout=WAIT_S)
        upstream.settimeout(None)
        up = threading.Thread(
            target=self._pipe, args=(client, upstream, self.to_sender, None, None), daemon=True
        )
        up.start()
        self._pipe(upstream, client, self.to_receiver, self.cut_after, self.flip_at)
        up.join(WAIT_S)
        client.close()
        upstream.close()

    @staticmethod
    def _pipe(
        src: socket.socket, dst: socket.socket, log: bytearray, cut_after: int | None, flip_at: int | None
    ) -> None:
        forwarded = 0
        while True:
            try:
                data = bytearray(src.recv(65536))
            except OSError:
                data = bytearray()
            if not data:
                _shutdown(dst, socket.SHUT_WR)
                return
            log += data
            if flip_at is not None and forwarded <= flip_at < forwarded + len(data):
                data[flip_at - forwarded] ^= 0x01
            if cut_after is not None and forwarded + len(data) >= cut_after:
                data = data[: cut_after - forwarded]
            try:
                dst.sendall(data)
            except OSError:
                data = bytearray()
            forwarded += len(data)
            if not data or forwarded == cut_after:
                _shutdown(src, socket.SHUT_RDWR)
                _shutdown(dst, socket.SHUT_RDWR)
                return

    def close(self) -> None:
        self.thread.join(WAIT_S)
        self.listener.close()
        assert not self.thread.is_alive()


def _shutdown(sock: socket.socket, how: int) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(how)


@pytest.fixture
def relays() -> Iterator[Callable[..., Relay]]:
    made: list[Relay] = []

    def make(host: str, port: int, **kwargs: int) -> Relay:
        relay = Relay(host, port, **kwargs)
        made.append(relay)
        return relay

    yield make
    for relay in made:
        relay.close()


def _via(relay: Relay, offer: Offer, inbox: Path, key: bytes | None = KEY, **kwargs: object) -> FetchResult:
    job = fetch(
        relay.upstream[0],
        relay.port,
        offer.id,
        offer.token,
        offer.size,
        offer.sha256,
        inbox,
        offer.path.name,
        key=key,
        **kwargs,
    )
    return result_of(job)


# --- sizes, both address families --------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
@pytest.mark.parametrize("size", [0, 1, MiB, 50 * MiB])
def test_a_sealed_file_arrives_whole(servers: Servers, tmp_path: Path, host: str, size: int) -> None:
    offer, served, inbox = _offer(servers, tmp_path, size, host, sparse=size > MiB)
    progress: list[tuple[int, int, float]] = []
    result = result_of(offer.fetch(inbox, on_progress=lambda *p: progress.append(p), key=KEY))
    final = inbox / offer.path.name
    assert result == FetchResult("ok", size, final)
    assert hashlib.sha256(final.read_bytes()).hexdigest() == offer.sha256
    assert files_in(inbox) == [offer.path.name]
    assert progress[-1][:2] == (size, size)
    done = served.wait()
    assert [(r.kind, r.offset, r.sent, r.total) for r in done] == [("sent", 0, size, size)]
    assert done[0].peer[0] == host
    assert offer.server.unopened == 0


# --- another key on either side ----------------------------------------------------------


@pytest.mark.parametrize(
    ("server_key", "fetch_key"), [(KEY, OTHER_KEY), (OTHER_KEY, KEY)], ids=["receiver's", "sender's"]
)
def test_another_key_gets_nothing_but_a_close_and_is_refused_key(
    servers: Servers, relays: Callable[..., Relay], tmp_path: Path, server_key: bytes, fetch_key: bytes
) -> None:
    offer, served, inbox = _offer(servers, tmp_path, MiB, key=server_key)
    relay = relays("127.0.0.1", offer.server.port)
    assert _via(relay, offer, inbox, fetch_key) == FetchResult("refused", reason="key")
    relay.close()
    assert bytes(relay.to_receiver) == b""  # not a byte from the sender, let alone of the file
    assert len(relay.to_sender) > 0
    assert offer.server.unopened == 1
    assert served.results == []  # nothing for the sender's screen
    assert files_in(inbox) == []


def test_a_plain_fetch_from_a_sealed_sender_gets_nothing(
    servers: Servers, relays: Callable[..., Relay], tmp_path: Path
) -> None:
    offer, served, inbox = _offer(servers, tmp_path, MiB)
    relay = relays("127.0.0.1", offer.server.port)
    assert _via(relay, offer, inbox, None).kind == "vanished"  # it cannot tell; the sender said nothing
    relay.close()
    assert bytes(relay.to_receiver) == b""
    assert offer.server.unopened == 1
    assert served.results == []


def test_a_sealed_fetch_from_a_plain_sender_is_refused_key_at_once(
    servers: Servers, relays: Callable[..., Relay], tmp_path: Path
) -> None:
    offer, served, inbox = _offer(servers, tmp_path, MiB, key=None)
    relay = relays("127.0.0.1", offer.server.port)
    # The magic ends in a newline: the plain sender reads a bad line and closes, no 10 s wait.
    assert _via(relay, offer, inbox, KEY, stall_seconds=5.0) == FetchResult("refused", reason="key")
    relay.close()
    assert bytes(relay.to_receiver) == b""
    assert served.results == []


# --- changed and cut on the way ----------------------------------------------------------


def test_a_flipped_byte_in_a_record_fails_protocol_and_leaves_no_file(
    servers: Servers, relays: Callable[..., Relay], tmp_path: Path
) -> None:
    offer, served, inbox = _offer(servers, tmp_path, 3 * MiB)
    flip_at = MiB + 12345  # inside a data record, past the first megabyte
    relay = relays("127.0.0.1", offer.server.port, flip_at=flip_at)
    result = _via(relay, offer, inbox)
    relay.close()
    assert result.kind == "protocol"
    assert offer.path.name not in files_in(inbox)
    part = part_path(inbox, offer.path.name, offer.sha256)
    kept = part.read_bytes()
    assert 0 < len(kept) == result.received < flip_at  # only what opened before the changed record
    assert kept == offer.path.read_bytes()[: len(kept)]
    served.wait()  # "vanished", or "sent" if it all fitted in the sockets' buffers first


@pytest.mark.parametrize("boundary", [False, True])
def test_a_cut_stream_is_vanished_keeps_its_part_and_resumes_sealed(
    servers: Servers, relays: Callable[..., Relay], tmp_path: Path, boundary: bool
) -> None:
    offer, served, inbox = _offer(servers, tmp_path, 2 * MiB + 100)
    answer = HEADER_BYTES + len(encode_data(FileData(offer.id, 0, offer.size))) + TAG_BYTES
    whole_records = SALT_BYTES + answer + 20 * MAX_RECORD_BYTES  # ends right after a record
    relay = relays("127.0.0.1", offer.server.port, cut_after=whole_records - (0 if boundary else 1000))
    cut = _via(relay, offer, inbox)
    relay.close()
    assert cut.kind == "vanished"
    part = part_path(inbox, offer.path.name, offer.sha256)
    assert cut.received == part.stat().st_size == (20 if boundary else 19) * MAX_RECORD_PLAINTEXT
    assert files_in(inbox) == [part.name]
    served.wait()
    again = result_of(offer.fetch(inbox, key=KEY))
    assert again == FetchResult("ok", offer.size, inbox / offer.path.name)
    assert (inbox / offer.path.name).read_bytes() == offer.path.read_bytes()
    sent = served.wait(2)[-1]
    assert (sent.kind, sent.offset, sent.sent) == ("sent", cut.received, offer.size)


def test_a_sealed_resume_of_a_part_from_another_sender_process(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _offer(servers, tmp_path, 64 * MiB, sparse=True)
    gate = Gate()
    job = offer.fetch(inbox, on_progress=gate, key=KEY)
    gate.wait_reached()
    offer.server.close()  # the sender's session ends mid-file
    gate.open()
    cut = result_of(job)
    assert cut.kind == "vanished"
    assert 0 < cut.received < offer.size
    server, _ = servers()
    again = Offer(server, offer.path, offer.sha256, "127.0.0.1")
    assert result_of(again.fetch(inbox, key=KEY)) == FetchResult("ok", offer.size, inbox / offer.path.name)


# --- what an eavesdropper reads ----------------------------------------------------------


@pytest.mark.parametrize("key", [KEY, None], ids=["sealed", "plain"])
def test_a_capture_of_a_sealed_transfer_holds_neither_file_nor_name_nor_token(
    servers: Servers, relays: Callable[..., Relay], tmp_path: Path, key: bytes | None
) -> None:
    offer, _, inbox = _offer(servers, tmp_path, MiB, key=key, seed=7)
    relay = relays("127.0.0.1", offer.server.port)
    assert _via(relay, offer, inbox, key).ok
    relay.close()
    capture = bytes(relay.to_sender + relay.to_receiver)
    data = offer.path.read_bytes()
    pieces = [data[at : at + 32] for at in range(0, len(data), 64 * 1024)]
    secrets = [offer.token.encode(), offer.path.name.encode(), b"holiday", *pieces]
    found = [secret for secret in secrets if secret in capture]
    if key is None:  # the same check on a plain transfer finds everything: it can fail
        assert found == [offer.token.encode(), *pieces]
    else:
        assert found == []
        assert len(capture) > len(data)


# --- a room member's sender that breaks the records' contract ----------------------------


def _sealed_sender(respond: Callable[[SenderSeal, FileGet], bytes]) -> tuple[socket.socket, threading.Thread]:
    """A hand-written sealed sender: opens one request, sends ``respond(seal, get)``, closes."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            reader, request = GetReader(), None
            while request is None:
                request = reader.receive_data(conn.recv(4096))
            seal = SenderSeal(KEY, TOKEN, request)
            # The receiver hangs up as soon as it sees the contract broken, maybe before this
            # sender has finished: a connection already gone is the expected end, not an error.
            with contextlib.suppress(OSError):
                conn.sendall(respond(seal, parse_get(seal.open_get())))
                conn.shutdown(socket.SHUT_WR)
                closed_by_peer(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener, thread


TOKEN = new_token()
DATA = bytes(range(256)) * 600  # 153,600 bytes: three records


def _records(seal: SenderSeal, *pieces: tuple[bytes, bool]) -> bytes:
    out = memoryview(bytearray(MAX_RECORD_BYTES))
    sent = b""
    for piece, last in pieces:
        sent += bytes(out[: seal.seal_into(memoryview(piece), out, last=last)])
    return sent


def _answer(seal: SenderSeal, get: FileGet, *, last: bool = False, size: int = len(DATA)) -> bytes:
    return seal.seal_answer(encode_data(FileData(get.id, get.offset, size)), last=last)


R = MAX_RECORD_PLAINTEXT
WHOLE = ((DATA[:R], False), (DATA[R : 2 * R], False), (DATA[2 * R :], True))
BROKEN: dict[str, Callable[[SenderSeal, FileGet], bytes]] = {
    "last too early": lambda s, g: _answer(s, g) + _records(s, (DATA[:R], True)),
    "past the end": lambda s, g: _answer(s, g) + _records(s, *WHOLE[:2], (DATA[2 * R :] + b"x", True)),
    "an empty record": lambda s, g: _answer(s, g) + _records(s, (b"", False)),
    "no last flag at the end": lambda s, g: _answer(s, g) + _records(s, *WHOLE[:2], (DATA[2 * R :], False)),
    "a last answer with bytes to come": lambda s, g: _answer(s, g, last=True),
    "another size": lambda s, g: _answer(s, g, size=len(DATA) + 1) + _records(s, *WHOLE),
    "a record over 64 KiB": lambda s, g: _answer(s, g) + (R + TAG_BYTES + 1).to_bytes(HEADER_BYTES, "big"),
    "an answer over its bound": lambda s, g: s.salt + (MAX_HEAD_BYTES + TAG_BYTES + 1).to_bytes(4, "big"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_sender_that_breaks_the_records_contract_fails_protocol(tmp_path: Path, case: str) -> None:
    listener, thread = _sealed_sender(BROKEN[case])
    sha = hashlib.sha256(DATA).hexdigest()
    with listener:
        job = fetch(
            "127.0.0.1", listener.getsockname()[1], "raw", TOKEN, len(DATA), sha, tmp_path, "f", key=KEY
        )
        result = result_of(job)
        thread.join(WAIT_S)
    assert result.kind == "protocol"
    assert "f" not in files_in(tmp_path)


def test_a_sealed_refusal_and_an_answer_cut_short(tmp_path: Path) -> None:
    sha = hashlib.sha256(DATA).hexdigest()
    for respond, expected in (
        (
            lambda s, g: s.seal_answer(encode_refused(FileRefused(g.id, "busy")), last=True),
            ("refused", "busy"),
        ),
        (lambda s, g: _answer(s, g) + _records(s, *WHOLE), ("ok", "")),  # the hand-written sender is right
        (lambda s, g: _answer(s, g)[:-1], ("vanished", "")),  # the sender spoke, then went
        (lambda s, g: _answer(s, g) + _records(s, (DATA[:R], False))[:-5], ("vanished", "")),
    ):
        listener, thread = _sealed_sender(respond)
        with listener:
            job = fetch(
                "127.0.0.1", listener.getsockname()[1], "raw", TOKEN, len(DATA), sha, tmp_path, "f", key=KEY
            )
            result = result_of(job)
            thread.join(WAIT_S)
        assert (result.kind, result.reason) == expected


# --- strangers against a sealed sender while a member fetches ----------------------------


def test_strangers_are_closed_unanswered_while_a_member_fetches(
    servers: Servers, raw_clients: Clients, tmp_path: Path
) -> None:
    offer, served, inbox = _offer(servers, tmp_path, 64 * MiB, sparse=True)
    gate = Gate()
    job = offer.fetch(inbox, on_progress=gate, key=KEY)
    gate.wait_reached()  # the member is mid-file
    port = offer.server.port
    hello = ReceiverSeal(KEY, offer.id, offer.token).request(encode_get(FileGet(offer.id, offer.token, 0)))
    header_at = len(HELLO_MAGIC) + SALT_BYTES + 1 + len(offer.id)
    over = hello[:header_at] + (MAX_HEAD_BYTES + TAG_BYTES + 1 | LAST_FLAG).to_bytes(HEADER_BYTES, "big")
    wrong = ReceiverSeal(OTHER_KEY, offer.id, offer.token).request(
        encode_get(FileGet(offer.id, offer.token, 0))
    )
    plain = encode_get(FileGet(offer.id, offer.token, 0))  # even with the right token, in the clear
    unknown = ReceiverSeal(KEY, new_id(), offer.token).request(b"{}\n")
    for attempt in (over, wrong, plain, unknown, HELLO_MAGIC + bytes(SALT_BYTES) + b"\x21" + b"a" * 33):
        stranger = raw_clients("127.0.0.1", port)
        stranger.sendall(attempt)
        assert closed_by_peer(stranger) == b""
    wait_for(lambda: offer.server.unopened == 5, what="five unopened requests")
    # A request that opens but names another offer inside (a member's bug): closed, not counted.
    inside = ReceiverSeal(KEY, offer.id, offer.token).request(encode_get(FileGet(new_id(), offer.token, 0)))
    member = raw_clients("127.0.0.1", port)
    member.sendall(inside)
    assert closed_by_peer(member) == b""
    assert offer.server.unopened == 5
    gate.open()
    assert result_of(job) == FetchResult("ok", offer.size, inbox / offer.path.name)
    assert [r.kind for r in served.wait()] == ["sent"]


def test_a_withdrawn_offer_is_refused_cancelled_sealed(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _offer(servers, tmp_path, 1000)
    offer.server.withdraw(offer.id)
    assert result_of(offer.fetch(inbox, key=KEY)) == FetchResult("refused", reason="cancelled")
    assert offer.server.unopened == 0


def test_busy_is_refused_sealed(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _offer(servers, tmp_path, 256 * MiB, sparse=True)
    server, _ = servers("127.0.0.1", KEY, ServerLimits(per_offer=1))
    busy = Offer(server, offer.path, offer.sha256, "127.0.0.1")
    gate = Gate()
    first = busy.fetch(inbox, on_progress=gate, key=KEY)
    gate.wait_reached()
    other = tmp_path / "other"
    other.mkdir()
    assert result_of(busy.fetch(other, key=KEY)) == FetchResult("refused", reason="busy")
    gate.open()
    assert result_of(first).ok


def test_a_key_of_the_wrong_size_is_a_callers_bug(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        FileServer("127.0.0.1", key=b"short")
    with pytest.raises(ValueError, match="32 bytes"):
        fetch("127.0.0.1", 1, "a", new_token(), 1, "0" * 64, tmp_path, "x", key=KEY + b"!")


def test_the_part_is_only_ever_written_with_what_opened(
    servers: Servers, relays: Callable[..., Relay], tmp_path: Path
) -> None:
    offer, _, inbox = _offer(servers, tmp_path, MiB, seed=3)
    relay = relays("127.0.0.1", offer.server.port, flip_at=SALT_BYTES + HEADER_BYTES + 2)  # in the answer
    result = _via(relay, offer, inbox)
    relay.close()
    assert (result.kind, result.received) == ("protocol", 0)
    assert files_in(inbox) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_disk_failure_sealed_too(servers: Servers, tmp_path: Path) -> None:
    offer, _, inbox = _offer(servers, tmp_path, 3 * MiB)
    part = part_path(inbox, offer.path.name, offer.sha256)
    part.symlink_to("/dev/full")  # every write to the part file fails with ENOSPC
    result = result_of(offer.fetch(inbox, key=KEY))
    assert (result.kind, result.errno) == ("disk", errno.ENOSPC)
    assert files_in(inbox) == [part.name]


def test_cancel_mid_file_sealed_deletes_the_part(servers: Servers, tmp_path: Path) -> None:
    offer, served, inbox = _offer(servers, tmp_path, 64 * MiB, sparse=True)
    gate = Gate()
    job = offer.fetch(inbox, on_progress=gate, key=KEY)
    gate.wait_reached()
    job.cancel()
    gate.open()
    assert result_of(job) == FetchResult("cancelled")
    assert files_in(inbox) == []
    assert served.wait()[0].kind == "vanished"
