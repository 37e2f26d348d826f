"""A lab run: the same numbered workload over TCP and UDP at once, on plain threads and sockets.

Each protocol is a lane: a sender thread that offers message ``seq`` at its scheduled time,
passes it through the seeded ``Impairment`` shim and puts each copy on the wire when it is
due, and a reader thread that takes the echoes. A coordinator thread reports a
``LabResult`` at most every ``progress_interval`` seconds and ends the run when every copy
sent has been echoed, or when nothing has come back for the quiet timeout (UDP losses are
final then; TCP, which only ever waits, gets a much longer one). Without a peer, a
``LabPeer`` on 127.0.0.1 port 0 answers; with one, the
network between decides. No Qt here: ``bridge.LabController`` carries results to the window.
"""

from __future__ import annotations

import contextlib
import heapq
import socket
import threading
from typing import Unpack

from chatgui.lab import wire
from chatgui.lab.background import BackgroundRun, RunOptions
from chatgui.lab.impairment import Impairment
from chatgui.lab.model import TCP, UDP, Conditions, LabResult, ProtocolResult, Workload
from chatgui.lab.peer import DEFAULT_LAB_PORT, UDP_BUFFER, LabPeer
from chatgui.lab.tracker import Tracker

QUIET_TIMEOUT_S = 2.0
# TCP never loses what it accepted: a quiet TCP lane is the kernel backing off (1 s for a lost
# SYN, then 2, 4, 8 s ...; a data segment's timeout doubles the same way), not the end. It
# is given this long without an echo before the run stops waiting for it.
TCP_QUIET_TIMEOUT_S = 30.0
CONNECT_TIMEOUT_S = 15.0  # a lost SYN is resent after 1, 2, 4, 8 s: survive three in a row
_OFFER_BATCH = 256  # messages offered before sending what is due, when there is no rate
_POLL_S = 0.1


def parse_peer(text: str, default_port: int = DEFAULT_LAB_PORT) -> tuple[str, int]:
    """``HOST``, ``HOST:PORT``, ``[V6]:PORT`` or a bare IPv6 literal as (host, port).

    Raises:
        ValueError: the port is not a number from 1 to 65535, or the host is empty.
    """
    text = text.strip()
    host, port = text, default_port
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest.startswith(":"):
            port = int(rest[1:])
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
        port = int(port_text)
    if not host or not 1 <= port <= 65535:
        raise ValueError(f"not HOST[:PORT]: {text!r}")
    return host, port


class _Lane:
    """One protocol's sockets, shim, bookkeeping and two threads."""

    def __init__(self, run: LabRun, protocol: str, address: tuple[object, ...], family: int) -> None:
        self.run = run
        self.protocol = protocol
        self.frame_size = max(run.workload.size, wire.min_frame_size(run.workload.count))
        self.tracker = Tracker(protocol, run.workload.count, self.frame_size)
        self.impairment = Impairment(run.conditions, protocol)
        self.lock = threading.Lock()
        self.sending_done = False
        self.sending_done_t = 0.0
        self.broken = False
        self._offered_ts = [0.0] * (run.workload.count + 1)
        if protocol == TCP:
            self.sock = socket.create_connection(address[:2], timeout=CONNECT_TIMEOUT_S)  # type: ignore[arg-type]
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        else:
            self.sock = socket.socket(family, socket.SOCK_DGRAM)
            with contextlib.suppress(OSError):
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, UDP_BUFFER)
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, UDP_BUFFER)
            # Connected: only the peer's echoes come in, and the OS may report it unreachable.
            self.sock.connect(address)
        self.sock.settimeout(_POLL_S)
        self.threads = [
            threading.Thread(target=self._send, name=f"lab-{protocol}-send", daemon=True),
            threading.Thread(target=self._read, name=f"lab-{protocol}-read", daemon=True),
        ]

    def _put(self, seqs: list[int]) -> None:
        frames = [
            wire.encode_message(self.run.run_id, seq, self._offered_ts[seq], self.frame_size) for seq in seqs
        ]
        if self.protocol == TCP:
            # Not sendall: its timeout would hide how much went out. A full send buffer is TCP
            # backing off under loss, so keep offering the rest until it is taken (or we stop).
            data = memoryview(b"".join(frames))
            while data:
                try:
                    data = data[self.sock.send(data) :]
                except TimeoutError:
                    if self.run.stopping.is_set():
                        raise
        else:
            for frame in frames:
                # Nobody listening there (yet) is no error to UDP: the echoes will tell.
                with contextlib.suppress(ConnectionRefusedError):
                    self.sock.send(frame)
        with self.lock:
            for _ in seqs:
                self.tracker.on_wire()

    def _send(self) -> None:
        count, rate = self.run.workload.count, self.run.workload.rate
        clock, stop = self.run.clock, self.run.stopping
        due: list[tuple[float, int, int]] = []
        order = 0
        next_seq = 1
        flushed = False
        try:
            while not stop.is_set():
                now = clock()
                offered = 0
                while next_seq <= count and (rate <= 0 or (next_seq - 1) / rate <= now):
                    self._offered_ts[next_seq] = now
                    with self.lock:
                        self.tracker.on_offered()
                    for release in self.impairment.offer(next_seq, self.frame_size, now):
                        heapq.heappush(due, (release.at, order, release.seq))
                        order += 1
                    next_seq += 1
                    offered += 1
                    if offered >= _OFFER_BATCH:
                        break
                if next_seq > count and not flushed:
                    flushed = True
                    for release in self.impairment.flush(now):
                        heapq.heappush(due, (release.at, order, release.seq))
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
                if next_seq <= count and rate > 0:
                    wake = min(wake, (next_seq - 1) / rate)
                stop.wait(max(0.0, wake - clock()))
        except OSError:
            self.broken = True
        finally:
            self.sending_done_t = clock()
            self.sending_done = True

    def _on_echo(self, line: bytes, now: float) -> None:
        frame = wire.parse(line)
        if frame is None or frame.index < 0 or frame.run != self.run.run_id:
            return
        with self.lock:
            self.tracker.on_echo(frame.seq, frame.index, now, (now - frame.ts) * 1000.0)

    def _read(self) -> None:
        buffer = bytearray()
        while not self.run.stopping.is_set() and not self.broken:
            try:
                data = self.sock.recv(262144)
            except TimeoutError:
                continue
            except ConnectionRefusedError:
                continue  # UDP: an earlier datagram found nobody listening
            except OSError:
                self.broken = True
                return
            now = self.run.clock()
            if self.protocol == UDP:
                self._on_echo(data.rstrip(b"\n"), now)
                continue
            if not data:
                self.broken = True
                return
            buffer += data
            start = 0
            while (end := buffer.find(b"\n", start)) >= 0:
                self._on_echo(bytes(buffer[start:end]), now)
                start = end + 1
            del buffer[:start]

    def complete(self, now: float, quiet: float) -> bool:
        """Whether this lane is over: all echoed, broken, or quiet for ``quiet`` seconds."""
        if not self.sending_done:
            return False
        with self.lock:
            echoed = len(self.tracker.echoes)
            last = max(self.tracker.last_echo_t, self.sending_done_t)
            if self.protocol == TCP:
                quiet = max(quiet, TCP_QUIET_TIMEOUT_S)
            return self.broken or echoed >= self.tracker.copies_sent or now - last >= quiet

    def result(self, now: float, done: bool) -> ProtocolResult:
        with self.lock:
            return self.tracker.result(now, done=done, injected=self.impairment.injected)

    def close(self) -> None:
        self.sock.close()


class LabRun(BackgroundRun[LabResult, _Lane]):
    """One run of ``workload`` under ``conditions``, against ``peer`` or an in-app loopback pair.

    Reports ``LabResult`` values; ``on_failed`` gets the ``OSError`` or ``ValueError`` that
    stopped it (``BackgroundRun`` says when each callback runs).

    Args:
        workload: what to send.
        conditions: the in-app impairment (on the sending side, both protocols).
        peer: "" for the loopback pair, else "HOST[:PORT]" of a ``lab-peer``.
        options: callbacks and timing (``RunOptions``; quiet timeout ``QUIET_TIMEOUT_S``).
    """

    failures = (OSError, ValueError)

    def __init__(
        self,
        workload: Workload,
        conditions: Conditions,
        peer: str = "",
        **options: Unpack[RunOptions[LabResult]],
    ) -> None:
        if workload.count < 1 or workload.size < 1 or workload.rate < 0:
            raise ValueError(workload)
        self.workload = workload
        self.peer = peer
        self._local: LabPeer | None = None
        super().__init__(conditions, "lab-run", QUIET_TIMEOUT_S, **options)

    def _snapshot(self, parts: dict[str, _Lane], done: bool) -> LabResult:
        now = self.clock()
        return LabResult(
            self.workload,
            self.conditions,
            self.peer,
            parts[TCP].result(now, done),
            parts[UDP].result(now, done),
        )

    def _open(self) -> dict[str, _Lane]:
        local: LabPeer | None = None
        if self.peer:
            host, port = parse_peer(self.peer)
        else:
            local = LabPeer("127.0.0.1", 0)
            local.start()
            host, port = local.address
        lanes: dict[str, _Lane] = {}
        try:
            family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
            for protocol in (TCP, UDP):
                lanes[protocol] = _Lane(self, protocol, address, family)
        except (OSError, ValueError):
            for lane in lanes.values():
                lane.close()
            if local is not None:
                local.stop()
            raise
        self._local = local
        return lanes

    def _closed(self) -> None:
        if self._local is not None:
            self._local.stop()


def run_lab(workload: Workload, conditions: Conditions, peer: str = "", **kwargs: object) -> LabResult:
    """Run the lab to its end in the calling thread's time and return the final result.

    Raises:
        OSError: a socket could not be opened or the peer refused.
        ValueError: a bad workload or peer address.
    """
    run = LabRun(workload, conditions, peer, **kwargs)  # type: ignore[arg-type]
    run.start()
    result = run.wait()
    if result is None:
        assert run.error is not None
        raise run.error
    return result
