"""The receiving side of a file transfer: connect to the sender, write a part file, verify, rename.

``fetch(...)`` starts a thread of its own and returns a ``Fetch`` handle (``cancel()``).
The file is written to ``part_path(folder, name, sha256)``; if that part exists (an
interrupted transfer of the same file), it is hashed and only the rest is asked for. The
SHA-256 of the whole file is compared with the offer's before the part is renamed to a
free name in ``folder`` (never over an existing file). Callbacks run in the fetch's thread.

With a ``key`` (a private room's ``room_file_key``) the request, the answer and the file
travel sealed (``protocol/file_seal.py``); the file's records are opened straight into the
write-and-hash buffers, and the SHA-256 is of the plaintext, as without a key. A sender
that cannot open our request (another passphrase, a token it does not know) closes without
a byte: that ends as ``refused`` with reason ``key``. A record that does not open, or
records that break the contract (past the end, "last" too early or missing at the end),
end as ``protocol`` (what opened before stays in the part file); a stream cut before its
last record ends as ``vanished``, and a new sealed fetch resumes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from chatgui.net.files_common import (
    READ_BYTES,
    FetchKind,
    FetchResult,
    Pacer,
    RateMeter,
    Sink,
    claim_final,
    part_path,
)
from chatgui.net.files_sealed import RECEIVE_BYTES
from chatgui.protocol.errors import LineTooLong, RemoteProtocolError
from chatgui.protocol.file_seal import MAX_RECORD_PLAINTEXT, ReceiverSeal
from chatgui.protocol.file_stream import (
    MAX_FILE_SIZE,
    BadStreamLine,
    FileData,
    FileGet,
    FileRefused,
    HeadReader,
    encode_get,
    is_offer_id,
    is_token,
    parse_answer,
)
from chatgui.protocol.names import clean_nick

FetchProgress = Callable[[int, int, float], None]
"""``(bytes on disk, total, smoothed bytes per second)``: at most ~10 a second."""
FetchDone = Callable[[FetchResult], None]

_ACTIVE: dict[Path, Fetch] = {}
"""Part files being written by this process, and by which fetch."""
_ACTIVE_LOCK = threading.Lock()


class _Stop(Exception):
    """Ends a transfer early with ``result``."""

    def __init__(self, result: FetchResult) -> None:
        super().__init__(result.kind)
        self.result = result


class Fetch:
    """One running (or finished) download of an offer; ``fetch()`` makes and starts it.

    Attributes:
        part: The part file it writes.
        result: How it ended (None while it runs).
    """

    def __init__(
        self,
        host: str,
        port: int,
        offer_id: str,
        token: str,
        size: int,
        sha256: str,
        folder: Path,
        name: str,
        on_progress: FetchProgress | None = None,
        on_done: FetchDone | None = None,
        *,
        connect_seconds: float = 10.0,
        stall_seconds: float = 30.0,
        key: bytes | None = None,
        nick: str = "",
    ) -> None:
        if key is not None and len(key) != 32:
            raise ValueError("a file key is 32 bytes")
        if not is_offer_id(offer_id) or not is_token(token) or not 0 <= size <= MAX_FILE_SIZE:
            raise ValueError("malformed offer id, token or size")
        if re.fullmatch(r"[0-9a-fA-F]{64}", sha256) is None:
            raise ValueError("malformed sha256")
        if not name or "/" in name or os.sep in name or name in (".", ".."):
            raise ValueError(f"not a plain file name: {name!r}")
        self.host, self.port = host, port
        self.offer_id, self.token, self.size, self.sha256 = offer_id, token, size, sha256.lower()
        self.folder, self.name = Path(os.path.abspath(folder)), name
        self.part = part_path(self.folder, name, self.sha256)
        self.result: FetchResult | None = None
        self.connect_seconds, self.stall_seconds = connect_seconds, stall_seconds
        self._key = key
        self._nick = clean_nick(nick)  # said on the get line: who is fetching, as the room knows us
        self._on_progress = on_progress
        self._on_done = on_done
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._cancelled = False
        self._done = threading.Event()
        self._received = 0
        self._thread = threading.Thread(target=self._run, name="chatgui-file-fetch", daemon=True)

    def start(self) -> None:
        """Start the transfer thread (``fetch()`` does)."""
        self._thread.start()

    def cancel(self) -> None:
        """Stop and clean up: the connection is cut and the part file deleted.

        While it runs, it ends as ``cancelled``. After it ended without the file (e.g.
        ``vanished`` because the sender withdrew the offer), the kept part file is deleted;
        a finished file is left alone.
        """
        with self._lock:
            self._cancelled = True
            sock = self._sock
            ended = self.result is not None
        if ended:
            if self.result is not None and self.result.kind not in ("ok", "in-progress"):
                with _ACTIVE_LOCK:
                    if _ACTIVE.get(self.part, self) is self:
                        self.part.unlink(missing_ok=True)
            return
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def wait(self, timeout: float | None = None) -> FetchResult | None:
        """The result once the fetch ended (None if ``timeout`` passed first)."""
        self._done.wait(timeout)
        return self.result

    # The transfer thread.

    def _run(self) -> None:
        with _ACTIVE_LOCK:
            busy = self.part in _ACTIVE
            if not busy:
                _ACTIVE[self.part] = self
        if busy:
            self._finish(FetchResult("in-progress"))
            return
        try:
            try:
                result = self._transfer()
            except _Stop as stop:
                result = stop.result
            with self._lock:  # a cancel() from now on sees the result and cleans up itself
                if self._cancelled and not result.ok:
                    self.part.unlink(missing_ok=True)
                    result = FetchResult("cancelled")
                self.result = result
        finally:
            with _ACTIVE_LOCK:
                del _ACTIVE[self.part]
        self._finish(result)

    def _finish(self, result: FetchResult) -> None:
        with self._lock:
            self.result = result
        if self._on_done is not None:
            self._on_done(result)
        self._done.set()

    def _check_cancel(self) -> None:
        if self._cancelled:
            raise _Stop(FetchResult("cancelled"))

    def _stop(self, kind: FetchKind, *, reason: str = "", errno: int | None = None) -> _Stop:
        return _Stop(FetchResult(kind, self._received, reason=reason, errno=errno))

    def _resume_point(self, digest: hashlib._Hash) -> int:
        """Hash an existing part file of this offer; its length is what we already have."""
        try:
            size = self.part.stat().st_size
        except FileNotFoundError:
            return 0
        except OSError as error:
            raise self._stop("disk", errno=error.errno) from None
        if size > self.size:
            self.part.unlink(missing_ok=True)
            return 0
        buf = memoryview(bytearray(READ_BYTES))
        done = 0
        try:
            with open(self.part, "rb", buffering=0) as file:
                while done < size and (count := file.readinto(buf[: min(READ_BYTES, size - done)])):
                    digest.update(buf[:count])
                    done += count
                    self._check_cancel()
        except OSError as error:
            raise self._stop("disk", errno=error.errno) from None
        return done

    def _connect(self) -> socket.socket:
        try:
            infos = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except OSError as error:
            raise self._stop("unreachable", errno=getattr(error, "errno", None)) from None
        last: OSError | None = None
        for family, kind, proto, _, address in infos:
            sock = socket.socket(family, kind, proto)
            with self._lock:
                self._sock = sock
            self._check_cancel()
            sock.settimeout(self.connect_seconds)
            try:
                sock.connect(address)
            except OSError as error:
                last = error
                sock.close()
                continue
            return sock
        self._check_cancel()
        errno = last.errno if last is not None and not isinstance(last, TimeoutError) else None
        raise self._stop("unreachable", errno=errno)

    def _transfer(self) -> FetchResult:
        digest = hashlib.sha256()
        have = self._received = self._resume_point(digest)
        seal = None if self._key is None else ReceiverSeal(self._key, self.offer_id, self.token)
        with self._connect() as sock:
            sock.settimeout(self.stall_seconds)
            rest = self._ask(sock, have) if seal is None else self._ask_sealed(sock, have, seal)
            self._receive(sock, digest, rest, seal)
        if digest.hexdigest() != self.sha256:
            self.part.unlink(missing_ok=True)
            return FetchResult("hash", 0)
        try:
            final = claim_final(self.part, self.folder, self.name)
        except OSError as error:
            return FetchResult("disk", self._received, errno=error.errno)
        return FetchResult("ok", self.size, final)

    def _ask(self, sock: socket.socket, have: int) -> bytes:
        """Send the get line and read the answer; the bytes after it are the file's first."""
        reader = HeadReader()
        try:
            sock.sendall(encode_get(FileGet(self.offer_id, self.token, have, self._nick)))
            line = None
            while line is None:
                data = sock.recv(4096)
                if not data:
                    raise ConnectionResetError
                line = reader.receive_data(data)
            answer = parse_answer(line)
        except (LineTooLong, BadStreamLine):
            self._check_cancel()
            raise self._stop("protocol") from None
        except OSError:
            self._check_cancel()
            raise self._stop("vanished") from None
        self._check_answer(answer, have)
        return reader.rest

    def _ask_sealed(self, sock: socket.socket, have: int, seal: ReceiverSeal) -> bytes:
        """Send the sealed request and open the answer (the file's records follow it)."""
        try:
            sock.sendall(seal.request(encode_get(FileGet(self.offer_id, self.token, have, self._nick))))
            while (sealed := seal.next_answer()) is None:
                data = sock.recv(4096)
                if not data:
                    raise ConnectionResetError
                seal.receive_data(data)
            line, last = sealed
            answer = parse_answer(line)
        except RemoteProtocolError:  # a record that is too long or does not open, a bad line
            self._check_cancel()
            raise self._stop("protocol") from None
        except OSError as error:
            self._check_cancel()
            if not seal.heard and not isinstance(error, TimeoutError):
                raise self._stop("refused", reason="key") from None  # it could not open our request
            raise self._stop("vanished") from None
        self._check_answer(answer, have)
        if last != (have == self.size):  # nothing may follow the answer exactly when nothing is left
            raise self._stop("protocol")
        return b""

    def _check_answer(self, answer: FileData | FileRefused, have: int) -> None:
        if isinstance(answer, FileRefused):
            if answer.reason == "cancelled":  # withdrawn for good: what we have can never be finished
                self.part.unlink(missing_ok=True)
                self._received = 0
            raise self._stop("refused", reason=answer.reason)
        if answer.id != self.offer_id or answer.offset != have or answer.size != self.size:
            raise self._stop("protocol")

    def _receive(
        self, sock: socket.socket, digest: hashlib._Hash, first: bytes, seal: ReceiverSeal | None = None
    ) -> None:
        try:
            file = open(self.part, "ab", buffering=0)  # noqa: SIM115 (closed below, errors sorted by kind)
        except OSError as error:
            raise self._stop("disk", errno=error.errno) from None
        with file:
            sink = Sink(file, digest)
            try:
                if seal is None:
                    self._pump(sock, sink, first)
                else:
                    self._pump_sealed(sock, sink, seal)
            finally:
                sink.close()
            if sink.error is not None:
                raise self._stop("disk", errno=sink.error.errno)
            if self.size == 0 and self._on_progress is not None:
                self._on_progress(0, 0, 0.0)
            try:
                os.fsync(file.fileno())
            except OSError as error:
                raise self._stop("disk", errno=error.errno) from None

    def _pump(self, sock: socket.socket, sink: Sink, first: bytes) -> None:
        """Receive into the sink's buffers until ``size`` bytes came (it writes and hashes them)."""
        pacer = Pacer()
        meter = RateMeter(time.monotonic(), self._received)
        first = first[: self.size - self._received]
        if first:
            buf = sink.buffer()
            buf[: len(first)] = first
            self._count(sink, buf, len(first), pacer, meter)
        while self._received < self.size:
            self._check_cancel()
            if sink.error is not None:
                return
            buf = sink.buffer()
            try:
                count = sock.recv_into(buf, min(len(buf), self.size - self._received))
            except OSError:
                count = 0
            if count == 0:
                sink.give_back(buf)
                self._check_cancel()
                raise self._stop("vanished")
            self._count(sink, buf, count, pacer, meter)

    def _pump_sealed(self, sock: socket.socket, sink: Sink, seal: ReceiverSeal) -> None:
        """Open the sender's records into the sink's buffers until the one flagged last.

        A buffer is handed on whenever the next record has not fully arrived, so what opened
        is on its way to the disk (and counted) before any wait or failure.
        """
        pacer = Pacer()
        meter = RateMeter(time.monotonic(), self._received)
        incoming = memoryview(bytearray(RECEIVE_BYTES))
        buf, filled, fail = sink.buffer(), 0, ""
        try:
            while self._received + filled < self.size:
                if len(buf) - filled < MAX_RECORD_PLAINTEXT:
                    self._count(sink, buf, filled, pacer, meter)
                    buf, filled = sink.buffer(), 0
                try:
                    record = seal.next_into(memoryview(buf)[filled:])
                except RemoteProtocolError:  # too long, changed, forged, out of order
                    fail = "protocol"
                    break
                if record is None:
                    if filled:
                        self._count(sink, buf, filled, pacer, meter)
                        buf, filled = sink.buffer(), 0
                    self._check_cancel()
                    if sink.error is not None:
                        break
                    try:
                        count = sock.recv_into(incoming)
                    except OSError:
                        count = 0
                    if not count:
                        self._check_cancel()
                        fail = "vanished"
                        break
                    seal.receive_data(incoming[:count])
                    continue
                count, last = record
                left = self.size - self._received - filled
                if not count or count > left or last != (count == left):
                    fail = "protocol"
                    break
                filled += count
        finally:
            if filled:
                self._count(sink, buf, filled, pacer, meter)
            else:
                sink.give_back(buf)
        if fail == "protocol":
            raise self._stop("protocol")
        if fail:
            raise self._stop("vanished")

    def _count(self, sink: Sink, buf: bytearray, count: int, pacer: Pacer, meter: RateMeter) -> None:
        sink.put(buf, count)
        self._received += count
        now = time.monotonic()
        if self._on_progress is not None and (self._received == self.size or pacer.due(now)):
            self._on_progress(self._received, self.size, meter.sample(now, self._received))


def fetch(
    host: str,
    port: int,
    offer_id: str,
    token: str,
    size: int,
    sha256: str,
    folder: Path | str,
    name: str,
    on_progress: FetchProgress | None = None,
    on_done: FetchDone | None = None,
    *,
    connect_seconds: float = 10.0,
    stall_seconds: float = 30.0,
    key: bytes | None = None,
    nick: str = "",
) -> Fetch:
    """Download offer ``offer_id`` from ``host``:``port`` into ``folder`` as ``name`` (already made safe).

    ``stall_seconds``: no byte for this long ends it as ``vanished``. ``key``: a private
    room's ``room_file_key`` (the sender's ``FileServer`` must have the same), None for a
    plain connection. ``nick``: ours in the room, said on the get line so the sender can name
    us (cleaned; "" = not said). Returns the running ``Fetch``; ``on_done`` gets its result.

    Raises:
        ValueError: A malformed id, token, size, name or key (a caller's bug, never the network's).
    """
    job = Fetch(
        host,
        port,
        offer_id,
        token,
        size,
        sha256,
        Path(folder),
        name,
        on_progress,
        on_done,
        connect_seconds=connect_seconds,
        stall_seconds=stall_seconds,
        key=key,
        nick=nick,
    )
    job.start()
    return job
