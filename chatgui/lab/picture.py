"""A picture, both ways: the same picture's blocks over TCP and over UDP at once, on loopback.

Each protocol has a sender thread and a receiver thread on 127.0.0.1. The sender offers one
block after another (paced at ``rate`` blocks a second), passes each through the lab's seeded
``Impairment`` shim and puts it on the wire when it is due: a UDP block the shim drops is
never sent and never resent; a TCP block it "loses" is held back as a retransmission would
be. The receiver writes every block that arrives into its own copy of the picture, and notes
when. What comes back is what the receivers really got (``PictureResult``), block by block.

No Qt here: ``bridge.LabController.run_picture`` carries results to the window.
"""

from __future__ import annotations

import contextlib
import heapq
import socket
import threading
from dataclasses import dataclass
from typing import Unpack

from chatgui.lab import picture_wire as pw
from chatgui.lab.background import BackgroundRun, RunOptions
from chatgui.lab.impairment import Impairment
from chatgui.lab.model import TCP, UDP, Conditions
from chatgui.lab.peer import UDP_BUFFER

QUIET_TIMEOUT_S = 1.0  # UDP: nothing more for this long after the last send, and the rest is lost
TCP_QUIET_TIMEOUT_S = 30.0  # TCP only ever waits (see engine.TCP_QUIET_TIMEOUT_S)
ACCEPT_TIMEOUT_S = 5.0
_POLL_S = 0.1
_HOST = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class PictureSide:
    """What one protocol's receiver got of the picture (so far, while ``done`` is False).

    Attributes:
        protocol: "tcp" or "udp".
        arrived_at: per block, seconds from the run's start to its first arrival, or None.
        pixels: the receiver's copy of the picture: zero bytes where no block arrived.
        duplicates: copies of a block that had already arrived.
        late: blocks that arrived after a block with a higher index.
        seconds: from the start to the last block that arrived (TCP: the picture whole).
        done: whether this side has finished.
        injected_lost: blocks the shim dropped (UDP) or held back as lost and resent (TCP).
        injected_duplicated: blocks the shim sent twice (UDP; TCP's kernel drops the copy).
        injected_reordered: blocks the shim held back behind a later one.
        retransmit_delay_ms: TCP: the resend waits the shim modelled, summed over blocks.
        broken: the connection or socket failed (a sentence is the window's business).
    """

    protocol: str
    arrived_at: tuple[float | None, ...]
    pixels: bytes
    duplicates: int
    late: int
    seconds: float
    done: bool
    injected_lost: int = 0
    injected_duplicated: int = 0
    injected_reordered: int = 0
    retransmit_delay_ms: float = 0.0
    broken: bool = False

    @property
    def blocks(self) -> int:
        """How many blocks the picture has."""
        return len(self.arrived_at)

    @property
    def received(self) -> int:
        """Blocks that arrived at least once."""
        return sum(1 for t in self.arrived_at if t is not None)

    @property
    def holes(self) -> tuple[int, ...]:
        """Indexes of the blocks that never arrived (so far)."""
        return tuple(i for i, t in enumerate(self.arrived_at) if t is None)


@dataclass(frozen=True, slots=True)
class PictureResult:
    """One picture run: the picture sent, under which conditions, and what each receiver got.

    Attributes:
        picture: what was sent.
        conditions: the lab's conditions (applied by chatgui before the socket).
        rate: blocks per second offered (0: as fast as possible).
        tcp: TCP's receiver.
        udp: UDP's receiver.
    """

    picture: pw.Picture
    conditions: Conditions
    rate: float
    tcp: PictureSide
    udp: PictureSide

    @property
    def done(self) -> bool:
        """Whether both sides have finished."""
        return self.tcp.done and self.udp.done


class _Side:
    """One protocol's sockets (sender and receiver), shim, copy of the picture and two threads."""

    def __init__(self, run: PictureRun, protocol: str) -> None:
        self.run = run
        self.protocol = protocol
        picture = run.picture
        self.impairment = Impairment(run.conditions, protocol)
        self.lock = threading.Lock()
        self.arrived_at: list[float | None] = [None] * picture.block_count
        self.pixels = bytearray(len(picture.pixels))
        self.duplicates = 0
        self.late = 0
        self.highest = -1
        self.last_arrival_t = 0.0
        self.sending_done = False
        self.sending_done_t = 0.0
        self.broken = False
        self.sender, self.receiver = self._open()
        for sock in (self.sender, self.receiver):
            sock.settimeout(_POLL_S)
        self.threads = [
            threading.Thread(target=self._send, name=f"lab-picture-{protocol}-send", daemon=True),
            threading.Thread(target=self._receive, name=f"lab-picture-{protocol}-receive", daemon=True),
        ]

    def _open(self) -> tuple[socket.socket, socket.socket]:
        if self.protocol == UDP:
            receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                for sock in (receiver, sender):
                    with contextlib.suppress(OSError):
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, UDP_BUFFER)
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, UDP_BUFFER)
                receiver.bind((_HOST, 0))
                sender.bind((_HOST, 0))
                sender.connect(receiver.getsockname())
                # Connected too: the kernel passes on only the sender's datagrams, never a stranger's.
                receiver.connect(sender.getsockname())
            except OSError:
                receiver.close()
                sender.close()
                raise
            return sender, receiver
        listener = socket.create_server((_HOST, 0))
        try:
            sender = socket.create_connection(listener.getsockname(), timeout=ACCEPT_TIMEOUT_S)
            try:
                sender.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                receiver = self._accept_sender(listener, sender.getsockname())
            except OSError:
                sender.close()
                raise
        finally:
            listener.close()
        return sender, receiver

    @staticmethod
    def _accept_sender(listener: socket.socket, sender: tuple[str, int]) -> socket.socket:
        """Our own sender's connection; a stranger's connections in the queue are closed unread."""
        listener.settimeout(ACCEPT_TIMEOUT_S)
        while True:
            conn, address = listener.accept()
            if address[:2] == sender[:2]:
                return conn
            conn.close()

    # ----------------------------------------------------------------- sending

    def _put(self, indexes: list[int]) -> None:
        frames = [pw.encode_block(self.run.picture, self.run.run_id, i) for i in indexes]
        if self.protocol == TCP:
            data = memoryview(b"".join(frames))
            while data:
                try:
                    data = data[self.sender.send(data) :]
                except TimeoutError:
                    if self.run.stopping.is_set():
                        raise
            return
        for frame in frames:
            self.sender.send(frame)

    def _send(self) -> None:
        picture, run = self.run.picture, self.run
        count, rate, clock, stop = picture.block_count, run.rate, run.clock, run.stopping
        due: list[tuple[float, int, int]] = []
        order = 0
        next_index = 0
        flushed = False
        try:
            while not stop.is_set():
                now = clock()
                offered = False
                while next_index < count and (rate <= 0 or next_index / rate <= now):
                    size = pw.HEADER.size + picture.payload_size(next_index)
                    # The shim numbers messages from 1, as the Delivery tab's do.
                    for release in self.impairment.offer(next_index + 1, size, now):
                        heapq.heappush(due, (release.at, order, release.seq - 1))
                        order += 1
                    next_index += 1
                    offered = True
                if next_index >= count and not flushed:
                    flushed = True
                    for release in self.impairment.flush(now):
                        heapq.heappush(due, (release.at, order, release.seq - 1))
                        order += 1
                ready: list[int] = []
                while due and due[0][0] <= now:
                    ready.append(heapq.heappop(due)[2])
                if ready:
                    self._put(ready)
                if flushed and not due:
                    break
                if offered or ready:
                    continue
                wake = due[0][0] if due else now + _POLL_S
                if next_index < count and rate > 0:
                    wake = min(wake, next_index / rate)
                stop.wait(max(0.0, wake - clock()))
        except OSError:
            self.broken = True
        finally:
            self.sending_done_t = clock()
            self.sending_done = True

    # ----------------------------------------------------------------- receiving

    def _store(self, block: pw.Block, now: float) -> None:
        picture = self.run.picture
        with self.lock:
            if self.arrived_at[block.index] is not None:
                self.duplicates += 1
                return
            self.arrived_at[block.index] = now
            self.last_arrival_t = now
            if block.index < self.highest:
                self.late += 1
            self.highest = max(self.highest, block.index)
            start = block.index * picture.rows_per_block * picture.row_bytes
            self.pixels[start : start + len(block.payload)] = block.payload

    def _receive(self) -> None:
        buffer = bytearray()
        picture, run_id = self.run.picture, self.run.run_id
        while not self.run.stopping.is_set() and not self.broken:
            try:
                data = self.receiver.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                self.broken = True
                return
            now = self.run.clock()
            if self.protocol == UDP:
                block = pw.parse_datagram(data, picture, run_id)
                if block is not None:
                    self._store(block, now)
                continue
            if not data:
                self.broken = True
                return
            buffer += data
            while len(buffer) >= pw.HEADER.size:
                found = pw.parse_header(bytes(buffer[: pw.HEADER.size]), picture, run_id)
                if found is None:
                    self.broken = True  # not our blocks: nothing after this can be trusted
                    return
                end = pw.HEADER.size + found[1]
                if len(buffer) < end:
                    break
                self._store(pw.Block(found[0], bytes(buffer[pw.HEADER.size : end])), now)
                del buffer[:end]

    # ----------------------------------------------------------------- state

    def complete(self, now: float, quiet: float) -> bool:
        """Whether this side is over: every block in, broken, or quiet for ``quiet`` seconds."""
        if not self.sending_done:
            return self.broken
        with self.lock:
            if self.broken or all(t is not None for t in self.arrived_at):
                return True
            last = max(self.last_arrival_t, self.sending_done_t)
        if self.protocol == TCP:
            quiet = max(quiet, TCP_QUIET_TIMEOUT_S)
        return now - last >= quiet

    def result(self, done: bool) -> PictureSide:
        injected = self.impairment.injected
        with self.lock:
            return PictureSide(
                protocol=self.protocol,
                arrived_at=tuple(self.arrived_at),
                pixels=bytes(self.pixels),
                duplicates=self.duplicates,
                late=self.late,
                seconds=self.last_arrival_t,
                done=done,
                injected_lost=injected.lost,
                injected_duplicated=injected.duplicated,
                injected_reordered=injected.reordered,
                retransmit_delay_ms=injected.retransmit_delay_s * 1000.0,
                broken=self.broken,
            )

    def close(self) -> None:
        self.sender.close()
        self.receiver.close()


class PictureRun(BackgroundRun[PictureResult, _Side]):
    """Send ``picture`` over TCP and over UDP at once, on this computer, under ``conditions``.

    Reports ``PictureResult`` values; ``on_failed`` gets the ``OSError`` that stopped it
    (``BackgroundRun`` says when each callback runs).

    Args:
        picture: what to send.
        conditions: the lab's conditions, applied on the sending side of both protocols.
        rate: blocks offered per second (0: all at once).
        options: callbacks and timing (``RunOptions``; quiet timeout ``QUIET_TIMEOUT_S``, after
            which UDP's missing blocks count as lost).
    """

    def __init__(
        self,
        picture: pw.Picture,
        conditions: Conditions,
        rate: float = 1000.0,
        **options: Unpack[RunOptions[PictureResult]],
    ) -> None:
        if rate < 0:
            raise ValueError(rate)
        self.picture = picture
        self.rate = rate
        super().__init__(conditions, "lab-picture-run", QUIET_TIMEOUT_S, **options)

    def _snapshot(self, parts: dict[str, _Side], done: bool) -> PictureResult:
        # A side that has finished says so while the other goes on (UDP's holes are final early).
        now = self.clock()
        tcp, udp = (parts[p].result(done or parts[p].complete(now, self.quiet_timeout)) for p in (TCP, UDP))
        return PictureResult(self.picture, self.conditions, self.rate, tcp, udp)

    def _open(self) -> dict[str, _Side]:
        sides: dict[str, _Side] = {}
        try:
            for protocol in (TCP, UDP):
                sides[protocol] = _Side(self, protocol)
        except OSError:
            for side in sides.values():
                side.close()
            raise
        return sides


def run_picture(
    picture: pw.Picture, conditions: Conditions, rate: float = 1000.0, **kwargs: object
) -> PictureResult:
    """Run a picture to its end in the calling thread's time and return the final result.

    Raises:
        OSError: a socket could not be opened.
    """
    run = PictureRun(picture, conditions, rate, **kwargs)  # type: ignore[arg-type]
    run.start()
    result = run.wait()
    if result is None:
        assert run.error is not None
        raise run.error
    return result
