"""The sending side of file transfers: a listening socket that serves offered files to receivers.

One thread accepts connections and reads their get lines (a small selectors loop: a
stranger that sends nothing or garbage costs a few bytes and no thread); each accepted
request is served by a thread of its own with ``socket.sendfile``. The chat's loop never
waits on any of it. Callbacks run in these threads.

With a ``key`` (a private room's ``room_file_key``), every connection is sealed
(``protocol/file_seal.py``): the request must open under the offer's keys before anything
is answered, and a request that does not (another passphrase, a wrong token, an unknown
offer, not a sealed request at all) is closed without a byte and counted in ``unopened``.
The answer and the file then travel in sealed records, encrypted in the sending thread
(``sendfile`` cannot encrypt; the plain path keeps it).
"""

from __future__ import annotations

import contextlib
import hmac
import io
import os
import selectors
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from chatgui.net.files_common import Pacer, ServeResult, ServerLimits
from chatgui.net.files_sealed import send_sealed
from chatgui.protocol.errors import LineTooLong, RemoteProtocolError
from chatgui.protocol.file_seal import GetReader, SealedGet, SenderSeal
from chatgui.protocol.file_stream import (
    MAX_HEAD_BYTES,
    BadStreamLine,
    FileData,
    FileGet,
    FileRefused,
    HeadReader,
    encode_data,
    encode_refused,
    is_offer_id,
    is_token,
    parse_get,
)

SEND_CHUNK = 4 * 1024 * 1024
"""Bytes per ``sendfile`` call: between calls, progress is reported and cancel is seen."""
ACCEPT_BATCH = 64
MAX_WITHDRAWN = 1024
"""Withdrawn offers remembered (to answer "cancelled" rather than "unknown")."""
_DUMMY_TOKEN = "x" * 64  # compared against when the id is unknown: same work, same answer

ServeProgress = Callable[[str, tuple[str, int], int, int, str], None]
"""``(offer id, receiver address, bytes sent so far, total, nick its get line claimed)``: at most
~10 a second per receiver."""
ServeDone = Callable[[ServeResult], None]


@dataclass(frozen=True, slots=True)
class _Offer:
    id: str
    token: str
    path: Path
    size: int
    sha256: str
    stamp: tuple[int, int, int, int]  # (st_dev, st_ino, st_size, st_mtime_ns) when offered


@dataclass(slots=True)
class _Waiting:
    peer: tuple[str, int]
    deadline: float
    reader: HeadReader | GetReader = field(default_factory=HeadReader)


@dataclass(slots=True, eq=False)  # kept in sets by identity
class _Serving:
    conn: socket.socket
    offset: int
    sent: int = 0
    cancelled: bool = False
    seal: SenderSeal | None = None
    peer: tuple[str, int] = ("", 0)
    nick: str = ""  # claimed on the get line (cleaned), passed on with progress and result


def _stamp(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _peer(address: tuple[str, int] | tuple[str, int, int, int]) -> tuple[str, int]:
    return (address[0], address[1])


def _refuse(conn: socket.socket, offer_id: str, reason: str, seal: SenderSeal | None = None) -> None:
    line = encode_refused(FileRefused(offer_id, reason))
    with contextlib.suppress(OSError):
        conn.send(line if seal is None else seal.seal_answer(line, last=True))
        conn.shutdown(socket.SHUT_WR)
    conn.close()


class FileServer:
    """Serves offered files on a port of its own (port 0 of ``bind_host``: IPv4 or IPv6).

    Args:
        bind_host: The chat session's interface address (``127.0.0.1``, ``::1``, ``0.0.0.0``, ``::``).
        on_progress: Per receiver, ``(offer id, receiver address, bytes sent, total, nick)``
            (``nick``: what its get line claimed, cleaned; "" = nothing).
        on_done: One ``ServeResult`` per data connection that named a real offer.
        limits: The bounds to keep.
        key: A private room's ``room_file_key``: every connection sealed (None: plain).

    Raises:
        OSError: The address cannot be listened on.
        ValueError: ``key`` is not 32 bytes.
    """

    def __init__(
        self,
        bind_host: str,
        on_progress: ServeProgress | None = None,
        on_done: ServeDone | None = None,
        limits: ServerLimits | None = None,
        *,
        key: bytes | None = None,
    ) -> None:
        if key is not None and len(key) != 32:
            raise ValueError("a file key is 32 bytes")
        self.limits = limits or ServerLimits()
        self._key = key
        self._unopened = 0
        self._on_progress = on_progress
        self._on_done = on_done
        family, kind, proto, _, address = socket.getaddrinfo(
            bind_host or None, 0, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        self._listener = socket.socket(family, kind, proto)
        try:
            if family == socket.AF_INET6 and bind_host in ("", "::"):
                self._listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            self._listener.bind(address)
            self._listener.listen(64)
            self._listener.setblocking(False)
        except OSError:
            self._listener.close()
            raise
        self._port: int = self._listener.getsockname()[1]
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._lock = threading.Lock()
        self._offers: dict[str, _Offer] = {}
        self._withdrawn: OrderedDict[str, str] = OrderedDict()
        self._serving: dict[str, set[_Serving]] = {}
        self._threads: set[threading.Thread] = set()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="chatgui-file-server", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        """The port receivers connect to (the offers' ``port``)."""
        return self._port

    def offer(self, offer_id: str, token: str, path: Path | str, size: int, sha256: str) -> None:
        """Serve ``path`` as offer ``offer_id`` to whoever presents ``token``.

        ``size`` and ``sha256`` are what ``hash_file`` found; the file's size and
        modification time are noted now, and a file that differs later is refused
        ("changed") rather than sent.

        Raises:
            ValueError: A malformed id or token, an id already offered, or a file whose size
                is not ``size`` any more.
            OSError: The file cannot be read.
        """
        if not is_offer_id(offer_id) or not is_token(token):
            raise ValueError("malformed offer id or token")
        path = Path(path)
        st = path.stat()
        if st.st_size != size:
            raise ValueError(f"{path} is {st.st_size} bytes, not {size}: it changed since it was hashed")
        with self._lock:
            if offer_id in self._offers:
                raise ValueError(f"offer {offer_id!r} exists")
            self._withdrawn.pop(offer_id, None)
            self._offers[offer_id] = _Offer(offer_id, token, path, size, sha256, _stamp(st))

    def withdraw(self, offer_id: str) -> None:
        """Stop serving ``offer_id``: its running connections close; later gets are refused "cancelled"."""
        with self._lock:
            offer = self._offers.pop(offer_id, None)
            if offer is not None:
                self._withdrawn[offer_id] = offer.token
                while len(self._withdrawn) > MAX_WITHDRAWN:
                    self._withdrawn.popitem(last=False)
            serving = list(self._serving.get(offer_id, ()))
        for item in serving:
            self._cut(item)

    @property
    def unopened(self) -> int:
        """Sealed requests closed unanswered: another passphrase or token, unknown offer, not sealed."""
        with self._lock:
            return self._unopened

    def cut(self, offer_id: str, peer: tuple[str, int]) -> bool:
        """Stop sending ``offer_id`` to the receiver at ``peer`` only (it ends "cancelled")."""
        with self._lock:
            items = [item for item in self._serving.get(offer_id, ()) if item.peer == peer]
        for item in items:
            self._cut(item)
        return bool(items)

    def serving(self, offer_id: str | None = None) -> int:
        """How many data connections are being served (for ``offer_id``, or in all)."""
        with self._lock:
            if offer_id is not None:
                return len(self._serving.get(offer_id, ()))
            return sum(len(items) for items in self._serving.values())

    def close(self, timeout: float = 5.0) -> None:
        """Stop listening, cut every running transfer and wait for the threads to end."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            serving = [item for items in self._serving.values() for item in items]
            threads = list(self._threads)
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")
        for item in serving:
            self._cut(item)
        self._thread.join(timeout)
        for thread in threads:
            thread.join(timeout)
        self._wake_w.close()

    @staticmethod
    def _cut(item: _Serving) -> None:
        item.cancelled = True
        with contextlib.suppress(OSError):
            item.conn.shutdown(socket.SHUT_RDWR)

    # The accepting thread.

    def _run(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self._listener, selectors.EVENT_READ)
        sel.register(self._wake_r, selectors.EVENT_READ)
        waiting: dict[socket.socket, _Waiting] = {}
        try:
            while not self._closed:
                now = time.monotonic()
                timeout = max(0.0, min(w.deadline for w in waiting.values()) - now) if waiting else None
                for key, _ in sel.select(timeout):
                    if key.fileobj is self._listener:
                        self._accept(sel, waiting)
                    elif key.fileobj is self._wake_r:
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(64)
                    else:
                        conn = key.fileobj
                        assert isinstance(conn, socket.socket)
                        self._read_get(sel, waiting, conn)
                now = time.monotonic()
                for conn in [c for c, w in waiting.items() if w.deadline <= now]:
                    self._drop(sel, waiting, conn)
        finally:
            for conn in list(waiting):
                self._drop(sel, waiting, conn)
            sel.close()
            self._listener.close()
            self._wake_r.close()

    def _accept(self, sel: selectors.BaseSelector, waiting: dict[socket.socket, _Waiting]) -> None:
        for _ in range(ACCEPT_BATCH):
            try:
                conn, address = self._listener.accept()
            except OSError:  # BlockingIOError: none left; EMFILE and the like: try next round
                return
            if len(waiting) >= self.limits.waiting:
                conn.close()
                continue
            conn.setblocking(False)
            deadline = time.monotonic() + self.limits.get_seconds
            waiting[conn] = _Waiting(
                _peer(address), deadline, HeadReader() if self._key is None else GetReader()
            )
            sel.register(conn, selectors.EVENT_READ)

    @staticmethod
    def _drop(
        sel: selectors.BaseSelector, waiting: dict[socket.socket, _Waiting], conn: socket.socket
    ) -> None:
        sel.unregister(conn)
        del waiting[conn]
        conn.close()

    def _read_get(
        self, sel: selectors.BaseSelector, waiting: dict[socket.socket, _Waiting], conn: socket.socket
    ) -> None:
        item = waiting[conn]
        try:
            data = conn.recv(MAX_HEAD_BYTES)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._drop(sel, waiting, conn)
            return
        seal = None
        try:
            if isinstance(item.reader, HeadReader):
                line = item.reader.receive_data(data)
                if line is None:
                    return
                get = parse_get(line)
            else:
                request = item.reader.receive_data(data)
                if request is None:
                    return
                seal, get = self._open(request)
        except (LineTooLong, BadStreamLine):
            self._drop(sel, waiting, conn)
            return
        except RemoteProtocolError:  # a sealed request that is malformed or does not open
            with self._lock:
                self._unopened += 1
            self._drop(sel, waiting, conn)
            return
        sel.unregister(conn)
        del waiting[conn]
        self._answer(conn, item.peer, get, seal)

    def _open(self, request: SealedGet) -> tuple[SenderSeal, FileGet]:
        """Open a sealed request with its offer's token (a withdrawn one's too: it is told "cancelled").

        Raises:
            RemoteProtocolError: Unknown offer, or the request does not open (``SecureError``).
            BadStreamLine: It opened, but the line inside is not a get for that offer.
        """
        assert self._key is not None
        with self._lock:
            offer = self._offers.get(request.offer_id)
            token = offer.token if offer is not None else self._withdrawn.get(request.offer_id)
        if token is None:
            raise RemoteProtocolError(f"no offer {request.offer_id!r}")
        seal = SenderSeal(self._key, token, request)
        get = parse_get(seal.open_get())
        if get.id != request.offer_id:
            raise BadStreamLine("id")
        return seal, get

    def _answer(
        self, conn: socket.socket, peer: tuple[str, int], get: FileGet, seal: SenderSeal | None = None
    ) -> None:
        refused = ""
        with self._lock:
            offer = self._offers.get(get.id)
            expected = offer.token if offer is not None else self._withdrawn.get(get.id, _DUMMY_TOKEN)
            token_ok = hmac.compare_digest(get.token.encode(), expected.encode())
            if self._closed:
                refused = "busy"
            elif not token_ok:
                refused = "unknown"
            elif offer is None:
                refused = "cancelled" if get.id in self._withdrawn else "unknown"
            elif get.offset > offer.size:
                refused = "offset"
            elif (
                len(self._serving.get(offer.id, ())) >= self.limits.per_offer
                or sum(len(items) for items in self._serving.values()) >= self.limits.total
            ):
                refused = "busy"
            else:
                item = _Serving(conn, get.offset, get.offset, seal=seal, peer=peer, nick=get.nick)
                self._serving.setdefault(offer.id, set()).add(item)
                thread = threading.Thread(
                    target=self._serve,
                    args=(item, peer, offer, get.offset),
                    name="chatgui-file-send",
                    daemon=True,
                )
                self._threads.add(thread)
        if refused:
            _refuse(conn, get.id, refused, seal)
            if offer is not None and refused in ("offset", "busy"):
                self._report(
                    ServeResult(get.id, peer, "refused", get.offset, 0, offer.size, refused, nick=get.nick)
                )
            return
        try:
            thread.start()
        except RuntimeError:  # no thread to be had (the process is at its limit): busy, as over our own
            with self._lock:
                self._serving[get.id].discard(item)
                if not self._serving[get.id]:
                    del self._serving[get.id]
                self._threads.discard(thread)
            _refuse(conn, get.id, "busy", seal)

    # One thread per receiver being served.

    def _serve(self, item: _Serving, peer: tuple[str, int], offer: _Offer, offset: int) -> None:
        conn = item.conn
        try:
            conn.setblocking(True)
            conn.settimeout(self.limits.stall_seconds)
            result = self._send(item, peer, offer, offset)
        except OSError:  # the receiver went away, stalled, or we cut it
            result = ServeResult(offer.id, peer, "vanished", offset, item.sent, offer.size)
        finally:
            with self._lock:
                items = self._serving.get(offer.id)
                if items is not None:
                    items.discard(item)
                    if not items:
                        del self._serving[offer.id]
                self._threads.discard(threading.current_thread())
            conn.close()
        if item.cancelled and result.kind in ("vanished", "sent") and result.sent < offer.size:
            result = ServeResult(offer.id, peer, "cancelled", offset, result.sent, offer.size)
        self._report(replace(result, nick=item.nick) if item.nick else result)

    def _send(self, item: _Serving, peer: tuple[str, int], offer: _Offer, offset: int) -> ServeResult:
        conn = item.conn
        try:
            file = open(offer.path, "rb")  # noqa: SIM115 (closed below; an early return must not leak it)
        except OSError as error:
            _refuse(conn, offer.id, "changed", item.seal)
            return ServeResult(offer.id, peer, "changed", offset, 0, offer.size, errno=error.errno)
        with file:
            if _stamp(os.fstat(file.fileno())) != offer.stamp:
                _refuse(conn, offer.id, "changed", item.seal)
                return ServeResult(offer.id, peer, "changed", offset, 0, offer.size)
            answer = encode_data(FileData(offer.id, offset, offer.size))
            if item.seal is None:
                conn.sendall(answer)
                chunks = self._sendfile(conn, file, offset, offer.size)
            else:
                conn.sendall(item.seal.seal_answer(answer, last=offset == offer.size))
                chunks = send_sealed(conn, item.seal, file, offset, offer.size)
            sent = offset
            pacer = Pacer()
            while sent < offer.size and not item.cancelled:
                count = next(chunks)
                if count == 0:  # the file shrank under us: the receiver's hash would fail anyway
                    return ServeResult(offer.id, peer, "changed", offset, sent, offer.size)
                sent += count
                item.sent = sent
                if self._on_progress is not None and (sent == offer.size or pacer.due(time.monotonic())):
                    self._on_progress(offer.id, peer, sent, offer.size, item.nick)
            if sent < offer.size:
                return ServeResult(offer.id, peer, "cancelled", offset, sent, offer.size)
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_WR)
            return ServeResult(offer.id, peer, "sent", offset, sent, offer.size)

    @staticmethod
    def _sendfile(conn: socket.socket, file: io.BufferedReader, sent: int, size: int) -> Iterator[int]:
        """Send the file from ``sent`` with ``sendfile``: each step's byte count (0: the file ended early)."""
        while True:
            count = conn.sendfile(file, sent, min(SEND_CHUNK, size - sent))
            sent += count
            yield count

    def _report(self, result: ServeResult) -> None:
        if self._on_done is not None:
            self._on_done(result)
