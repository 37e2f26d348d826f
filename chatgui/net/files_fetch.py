"""The receiving side of a file transfer: connect to the sender, write a part file, verify, rename.

``fetch(...)`` starts a thread of its own and returns a ``Fetch`` handle (``cancel()``).
The file is written to ``part_path(folder, name, sha256)``; if that part exists (an
interrupted transfer of the same file), it is hashed and only the rest is asked for. The
SHA-256 of the whole file is compared with the offer's before the part is renamed to a
free name in ``folder`` (never over an existing file). Callbacks run in the fetch's thread.
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
from chatgui.protocol.errors import LineTooLong
from chatgui.protocol.file_stream import (
    MAX_FILE_SIZE,
    BadStreamLine,
    FileGet,
    FileRefused,
    HeadReader,
    encode_get,
    is_offer_id,
    is_token,
    parse_answer,
)

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
    ) -> None:
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
        with self._connect() as sock:
            sock.settimeout(self.stall_seconds)
            rest = self._ask(sock, have)
            self._receive(sock, digest, rest)
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
            sock.sendall(encode_get(FileGet(self.offer_id, self.token, have)))
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
        if isinstance(answer, FileRefused):
            if answer.reason == "cancelled":  # withdrawn for good: what we have can never be finished
                self.part.unlink(missing_ok=True)
                self._received = 0
            raise self._stop("refused", reason=answer.reason)
        if answer.id != self.offer_id or answer.offset != have or answer.size != self.size:
            raise self._stop("protocol")
        return reader.rest

    def _receive(self, sock: socket.socket, digest: hashlib._Hash, first: bytes) -> None:
        try:
            file = open(self.part, "ab", buffering=0)  # noqa: SIM115 (closed below, errors sorted by kind)
        except OSError as error:
            raise self._stop("disk", errno=error.errno) from None
        with file:
            sink = Sink(file, digest)
            try:
                self._pump(sock, sink, first)
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
) -> Fetch:
    """Download offer ``offer_id`` from ``host``:``port`` into ``folder`` as ``name`` (already made safe).

    ``stall_seconds``: no byte for this long ends it as ``vanished``. Returns the running
    ``Fetch``; ``on_done`` gets its result.

    Raises:
        ValueError: A malformed id, token, size or name (a caller's bug, never the network's).
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
    )
    job.start()
    return job
