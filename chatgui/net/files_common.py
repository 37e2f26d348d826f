"""What both ends of a file transfer share: results, limits, progress pacing, hashing, file names, the sink.

Qt-free and thread-agnostic: callbacks run in the transfer's own thread; the caller (the
backend) turns them into events.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

PART_SUFFIX = ".chatgui-part"
"""A file being received is written under a name ending in this, renamed when verified."""
PROGRESS_INTERVAL = 0.1
"""At most ~10 progress callbacks a second per transfer (and one at the end)."""
READ_BYTES = 1024 * 1024
FLUSH_BYTES = 16 * 1024 * 1024
"""Every this many bytes written, the disk is asked to start writing them (see ``Sink._flush``)."""
MAX_UNIQUE_TRIES = 10_000


class TransferCancelled(Exception):
    """The caller asked to stop (``hash_file``'s ``cancelled`` returned True)."""


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """The bounds a ``FileServer`` keeps (the contract's numbers are the defaults).

    Attributes:
        per_offer: Data connections served at once for one offer ("busy" beyond).
        total: Data connections served at once in all ("busy" beyond).
        waiting: Connections that have not sent their get line yet (closed beyond).
        get_seconds: How long a connection has to send its get line.
        stall_seconds: A receiver that takes nothing for this long is dropped.
    """

    per_offer: int = 8
    total: int = 32
    waiting: int = 64
    get_seconds: float = 10.0
    stall_seconds: float = 60.0


FetchKind = Literal[
    "ok", "hash", "refused", "unreachable", "vanished", "disk", "cancelled", "protocol", "in-progress"
]


@dataclass(frozen=True, slots=True)
class FetchResult:
    """How a fetch ended (``on_done``'s one argument).

    ``kind``:

    - ``ok``: verified and renamed; ``path`` is the final file.
    - ``hash``: every byte came but the SHA-256 differs; the part file was deleted (a
      corrupt part cannot be resumed).
    - ``refused``: the sender said no; ``reason`` is its word (``unknown``, ``cancelled``,
      ``busy``, ``offset``, ``changed`` or a newer one), or ``key``: a sealed fetch (private
      room) whose sender closed without a byte, as a sender does with a request it cannot
      open: another passphrase, or an offer it does not know (any part file stays).
    - ``unreachable``: no connection could be made; ``errno`` says why (None: timed out).
    - ``vanished``: the connection ended or stalled before the last byte; the part file
      stays, so a new fetch of the same offer resumes from it.
    - ``disk``: writing or renaming failed (``errno``: ENOSPC, EACCES, ...); the part file
      stays (what arrived is good and resumes once there is room; ``remove_part`` discards it).
    - ``cancelled``: ``Fetch.cancel()``; the part file was deleted.
    - ``protocol``: the sender's answer broke the contract (wrong id, offset or size); the
      part file stays untouched by it.
    - ``in-progress``: this process is already fetching the same file into the same folder.

    ``received`` is how many bytes of the file are on disk (final or part file); after
    ``disk``, how many had arrived when writing failed.
    """

    kind: FetchKind
    received: int = 0
    path: Path | None = None
    reason: str = ""
    errno: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the file arrived whole and verified."""
        return self.kind == "ok"


ServeKind = Literal["sent", "vanished", "cancelled", "changed", "refused", "error"]


@dataclass(frozen=True, slots=True)
class ServeResult:
    """How one receiver's data connection to a ``FileServer`` ended.

    ``kind``: ``sent`` (every byte written), ``vanished`` (the receiver went away or
    stalled), ``cancelled`` (``withdraw`` or ``close``), ``changed`` (the file changed on
    disk since it was offered; refused), ``refused`` (``reason``: ``busy`` or ``offset``),
    ``error`` (reading the file failed: ``errno``). ``nick``: the one the receiver's get line
    claimed, cleaned ("" = none; a claim, for ``FileTransport.who`` to believe or not).
    Unknown ids and bad tokens are not reported: strangers do not get to fill the sender's screen.
    """

    offer_id: str
    peer: tuple[str, int]
    kind: ServeKind
    offset: int = 0
    sent: int = 0
    total: int = 0
    reason: str = ""
    errno: int | None = None
    nick: str = ""


class Pacer:
    """Lets a progress callback through at most once per ``interval`` seconds."""

    __slots__ = ("_last", "interval")

    def __init__(self, interval: float = PROGRESS_INTERVAL) -> None:
        self.interval = interval
        self._last = float("-inf")

    def due(self, now: float) -> bool:
        """Whether a callback may run at ``now`` (and if so, the clock restarts)."""
        if now - self._last < self.interval:
            return False
        self._last = now
        return True


class RateMeter:
    """A smoothed transfer rate (bytes per second) for speed and time left.

    Each sample is the rate since the previous one; the shown rate is an exponential
    moving average, so one slow read does not make "time left" jump about.
    """

    __slots__ = ("_bytes", "_time", "alpha", "rate")

    def __init__(self, now: float, done: int = 0, alpha: float = 0.3) -> None:
        self.alpha = alpha
        self.rate = 0.0
        self._time = now
        self._bytes = done

    def sample(self, now: float, done: int) -> float:
        """The smoothed rate after ``done`` bytes at ``now``."""
        elapsed = now - self._time
        if elapsed <= 0:
            return self.rate
        current = (done - self._bytes) / elapsed
        self.rate = current if self.rate == 0.0 else self.alpha * current + (1 - self.alpha) * self.rate
        self._time, self._bytes = now, done
        return self.rate


def hash_file(
    path: Path | str,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[int, str]:
    """The size and SHA-256 (lowercase hex) of ``path``, read once; run it off the GUI thread.

    ``on_progress(done, total)`` runs at most ~10 times a second, in the calling thread;
    ``cancelled()`` is asked between reads.

    Raises:
        TransferCancelled: ``cancelled()`` returned True.
        OSError: The file could not be read.
    """
    digest = hashlib.sha256()
    pacer = Pacer()
    buf = bytearray(READ_BYTES)
    view = memoryview(buf)
    done = 0
    with open(path, "rb", buffering=0) as file:
        total = os.fstat(file.fileno()).st_size
        while count := file.readinto(view):
            digest.update(view[:count])
            done += count
            if cancelled is not None and cancelled():
                raise TransferCancelled
            if on_progress is not None and pacer.due(time.monotonic()):
                on_progress(done, total)
    if on_progress is not None:
        on_progress(done, done)
    return done, digest.hexdigest()


def part_path(folder: Path, name: str, sha256: str) -> Path:
    """Where a file is written while it arrives: ``<name>.<first 12 hex of sha256>.chatgui-part``.

    The hash in the name means a part is only ever resumed by the same file: two different
    files called ``photo.png`` (two senders) never share one, and a leftover part of
    another file never fails a new transfer's hash.
    """
    return folder / f"{name}.{sha256[:12].lower()}{PART_SUFFIX}"


def remove_part(folder: Path, name: str, sha256: str) -> None:
    """Discard a kept part file (after ``vanished`` or ``disk``), if there is one."""
    part_path(folder, name, sha256).unlink(missing_ok=True)


def numbered_names(name: str) -> Iterator[str]:
    """``name``, then ``stem (2).ext``, ``stem (3).ext``, ... (``MAX_UNIQUE_TRIES`` in all)."""
    stem, ext = os.path.splitext(name)
    yield name
    for number in range(2, MAX_UNIQUE_TRIES + 1):
        yield f"{stem} ({number}){ext}"


def claim_final(part: Path, folder: Path, name: str) -> Path:
    """Rename ``part`` to the first free numbered name in ``folder``; never overwrites.

    The name is reserved with an exclusive create first, so a file that appears between
    looking and renaming is not replaced (by another program or another fetch).

    Raises:
        OSError: No free name, or the rename failed (the part file is left in place).
    """
    for candidate in numbered_names(name):
        final = folder / candidate
        try:
            fd = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        os.close(fd)
        try:
            os.replace(part, final)
        except OSError:
            final.unlink(missing_ok=True)
            raise
        return final
    raise FileExistsError(f"no free name for {name!r} in {folder}")


class Sink:
    """Writes and hashes received chunks in a thread of its own.

    Receiving the next chunk then overlaps writing and hashing the last (hashlib and file
    writes let go of the GIL): on a machine where SHA-256 is the slowest step, the transfer
    runs at nearly hashing speed instead of the sum of the three. ``BUFFERS`` bound the
    memory: the receiver waits for a free one.
    """

    BUFFERS = 4

    def __init__(self, file: io.FileIO, digest: hashlib._Hash) -> None:
        self.error: OSError | None = None
        self._start = file.seek(0, os.SEEK_END)
        self._written = self._flushed = 0
        self._file = file
        self._digest = digest
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        self._full: queue.SimpleQueue[tuple[bytearray, int] | None] = queue.SimpleQueue()
        for _ in range(self.BUFFERS):
            self._free.put(bytearray(READ_BYTES))
        self._thread = threading.Thread(target=self._run, name="chatgui-file-write", daemon=True)
        self._thread.start()

    def buffer(self) -> bytearray:
        """A free buffer to receive into (waits while all are being written)."""
        return self._free.get()

    def give_back(self, buf: bytearray) -> None:
        """Return a buffer that received nothing."""
        self._free.put(buf)

    def put(self, buf: bytearray, count: int) -> None:
        """Write and hash ``buf[:count]``, then free ``buf``."""
        self._full.put((buf, count))

    def close(self) -> None:
        """Wait until everything put is written (or an error stopped the writing)."""
        self._full.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (item := self._full.get()) is not None:
            buf, count = item
            if self.error is None:
                view = memoryview(buf)[:count]
                try:
                    while view:
                        view = view[self._file.write(view) or 0 :]
                except OSError as error:
                    self.error = error
                else:
                    self._digest.update(memoryview(buf)[:count])
                    self._written += count
                    if self._written - self._flushed >= FLUSH_BYTES:
                        self._flush()
            self._free.put(buf)

    def _flush(self) -> None:
        """Start writing what we wrote to the disk now, not all at the final ``fsync``.

        ``POSIX_FADV_DONTNEED`` makes Linux begin writeback of the range without waiting
        for it (and drop it from the page cache once clean: a big download does not push
        everything else out); the final ``fsync`` then waits for little, and the disk's
        work overlaps the network's.
        """
        advise = getattr(os, "posix_fadvise", None)
        if advise is not None:
            with contextlib.suppress(OSError):
                advise(
                    self._file.fileno(),
                    self._start + self._flushed,
                    self._written - self._flushed,
                    os.POSIX_FADV_DONTNEED,
                )
        self._flushed = self._written
