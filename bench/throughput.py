r"""Messages per second from a sender socket into the window's transcript, beside a raw-socket baseline.

For each protocol, one repetition measures:

* raw: a plain Python receiver (no Qt, no app) doing the least the app must do —
  TCP: ``recv(65536)`` and split on ``b"\n"``; UDP: ``recvfrom`` per datagram;
* app: the real window (offscreen, shown) with the real ``Backend`` and real sockets on
  127.0.0.1, counting rows appended to its transcript model, while a 10 ms timer in the
  GUI thread records how late the event loop runs.

The sender is a separate process (a real peer, and no GIL shared with the receiver)
writing 100-byte chatgui ``msg`` frames: TCP lines (the window joins the sender, which
listens like a host would), UDP datagrams to the window's UDP peer port. A rate is
messages received / (last message received - first byte sent), both on the same
monotonic clock. See bench/README.md for how to read the figures.

With ``--secure`` every repetition also floods a private room (a passphrase: sealed TCP
lines after a SPAKE2 handshake, sealed UDP datagrams) through the window, and the run
prints its rate beside the open room's, the ratio private ÷ open, and how long the
private-room handshake takes on loopback.

Usage: ``python3 bench/throughput.py [--count 200000] [--repeat 3] [--json] [--secure]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import select
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from record import Recorder  # bench/record.py: a sibling of this script

REPO_ROOT = Path(__file__).resolve().parent.parent
MESSAGE_BYTES = 100
RCVBUF_BYTES = 4 * 1024 * 1024  # what the app asks for on its UDP socket (DESIGN.md)
UDP_IDLE_END_S = 0.5  # after the sender is done, this long without a datagram ends a UDP run
RUN_TIMEOUT_S = 120.0
PASSPHRASE_ENV = "BENCH_SENDER_PASSPHRASE"  # how a sender learns the private room's passphrase
APP_PASSPHRASE_ENV = "BENCH_APP_PASSPHRASE"  # how an app phase (a child process) learns it
LEAN_UDP_ROUND = 1024  # datagrams a LeanStore stores at once (the app's GUI batch size)
HANDSHAKES = 7  # handshakes timed with --secure; the median is reported
PHASE_FACTS: dict[str, Any] = {}  # what the app phases (child processes) said about themselves


# --------------------------------------------------------------------------- the sender


def make_frames(count: int, size: int, *, line: bool) -> list[bytes]:
    """``count`` chatgui v1 ``msg`` frames of exactly ``size`` bytes (newline included for TCP)."""
    frames = []
    for seq in range(1, count + 1):
        head = f'{{"v":1,"type":"msg","peer":"bench-sender","seq":{seq},"ts":0.0,"nick":"bench","text":"'
        tail = '"}\n' if line else '"}'
        pad = size - len(head) - len(tail)
        if pad < 1:
            raise ValueError(f"{size} bytes is too small for a msg frame")
        text = (f"m{seq} " + "x" * size)[:pad]
        frames.append((head + text + tail).encode())
    return frames


def _chunks(frames: list[bytes], chunk_bytes: int = 64 * 1024) -> list[bytes]:
    per_chunk = max(1, chunk_bytes // max(1, len(frames[0]) if frames else 1))
    return [b"".join(frames[i : i + per_chunk]) for i in range(0, len(frames), per_chunk)]


def _discard_forever(sock: socket.socket) -> None:
    """Read and drop what the receiver says (its Hello) so it never blocks on us."""
    try:
        while sock.recv(65536):
            pass
    except OSError:
        pass


def _secure_module() -> Any:
    """``chatgui.protocol`` (pure Python, no Qt): the sealing a sender of a private room needs."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from chatgui import protocol

    return protocol


def _handshake_as_host(conn: socket.socket, passphrase: str) -> Any:
    """Answer the joining window's private-room handshake; returns the sealed channel."""
    handshake = _secure_module().Handshake(passphrase, host=True)
    pending = b""
    while not handshake.done:
        while b"\n" not in pending:
            data = conn.recv(65536)
            if not data:
                raise RuntimeError("the receiver left during the handshake")
            pending += data
        line, pending = pending.split(b"\n", 1)
        conn.sendall(handshake.receive_line(line))
    return handshake.channel()


def sender_tcp(count: int, size: int, chunk_bytes: int) -> None:
    """Listen on 127.0.0.1:0 like a host, print the port, flood the first client on "go".

    With a passphrase in ``PASSPHRASE_ENV`` the sender is a private room's host: it answers
    the handshake, then seals every frame (before "go": only the receiver is measured).
    """
    passphrase = os.environ.get(PASSPHRASE_ENV, "")
    frames = make_frames(count, size, line=not passphrase)
    with socket.create_server(("127.0.0.1", 0)) as server:
        print(f"port {server.getsockname()[1]}", flush=True)
        conn, _ = server.accept()
    if passphrase:
        channel = _handshake_as_host(conn, passphrase)
        frames = [channel.seal(frame) for frame in frames]
    # One sendall per message is how a chat peer writes (and what the raw figures in
    # DESIGN.md measured); --tcp-chunk batches messages to stress the receive path alone.
    chunks = _chunks(frames, chunk_bytes) if chunk_bytes > size else frames
    with conn:
        threading.Thread(target=_discard_forever, args=(conn,), daemon=True).start()
        # The parent says "go" once the receiver is connected and counting from zero.
        sys.stdin.readline()
        start = time.monotonic()
        for chunk in chunks:
            conn.sendall(chunk)
        end = time.monotonic()
        print(f"sent {count} {start!r} {end!r}", flush=True)
        sys.stdin.read()  # stay connected until the parent has counted everything


def sender_udp(port: int, count: int, size: int) -> None:
    """Send ``count`` datagrams to 127.0.0.1:port as fast as ``sendto`` goes (sealed with a passphrase)."""
    frames = make_frames(count, size, line=False)
    passphrase = os.environ.get(PASSPHRASE_ENV, "")
    if passphrase:
        secure = _secure_module()
        sealer = secure.DatagramSealer(secure.udp_room_key(passphrase))
        frames = [sealer.seal(frame) for frame in frames]
    dest = ("127.0.0.1", port)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        # Receipts (acks) come back here; nobody reads them, the kernel drops the surplus.
        sock.bind(("127.0.0.1", 0))
        start = time.monotonic()
        sendto = sock.sendto
        for frame in frames:
            # An earlier ICMP "port unreachable" would surface here; never expected, keep going.
            with contextlib.suppress(ConnectionRefusedError):
                sendto(frame, dest)
        end = time.monotonic()
        print(f"sent {count} {start!r} {end!r}", flush=True)
        sys.stdin.read()  # keep the port open so the app's acks do not bounce as ICMP


class Sender:
    """A sender process; ``port`` (TCP) is read from its first line."""

    tcp_chunk = 0  # set from --tcp-chunk

    def __init__(self, args: list[str], passphrase: str = "") -> None:
        if args[0] == "tcp":
            args = [*args, str(self.tcp_chunk)]
        env = dict(os.environ)
        env.pop(PASSPHRASE_ENV, None)
        if passphrase:
            env[PASSPHRASE_ENV] = passphrase  # never on a command line
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--sender", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.proc.stdout is not None
        self._stdout = self.proc.stdout
        self.start: float | None = None
        self.end: float | None = None
        self.waits_for_go = args[0] == "tcp"

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def read_port(self) -> int:
        line = self._readline(timeout=30.0)
        if not line.startswith("port "):
            raise RuntimeError(f"sender said {line!r}")
        return int(line.split()[1])

    def poll_sent(self, timeout: float = 0.0) -> bool:
        """Read the "sent" line if it is there (or arrives within ``timeout``)."""
        if self.start is not None:
            return True
        ready, _, _ = select.select([self._stdout], [], [], timeout)
        if ready:
            line = self._stdout.readline()
            if line.startswith("sent "):
                _, _, start, end = line.split()
                self.start, self.end = float(start), float(end)
                return True
            if not line:
                raise RuntimeError(f"sender exited early with status {self.proc.wait()}")
        return False

    def _readline(self, timeout: float) -> str:
        ready, _, _ = select.select([self._stdout], [], [], timeout)
        if not ready:
            raise TimeoutError("sender did not answer")
        return self._stdout.readline()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._stdout.close()


# --------------------------------------------------------------------------- results


@dataclass
class Run:
    """One measurement: ``received`` of ``sent`` messages, first byte sent to last one received."""

    received: int
    sent: int
    seconds: float
    lateness_ms: list[float] = field(default_factory=list, repr=False)
    batch_sizes: list[int] = field(default_factory=list, repr=False)  # events per events_received
    peak_rss_mb: float = 0.0  # the app phase's process: its peak resident memory (0.0: not measured)
    history_rows: int = -1  # messages found in the history file afterwards, in order (-1: not checked)
    cpu_seconds: float = 0.0  # the receiving process's CPU time (all threads) from first send to last receipt

    @property
    def cpu_us_per_msg(self) -> float:
        """CPU microseconds per message received: steadier than a rate on a busy machine."""
        return self.cpu_seconds / self.received * 1e6 if self.received else 0.0

    @property
    def rate(self) -> float:
        return self.received / self.seconds if self.seconds > 0 else 0.0

    @property
    def loss_pct(self) -> float:
        return 100.0 * (self.sent - self.received) / self.sent if self.sent else 0.0


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (0.0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(pct / 100.0 * len(ordered) + 0.5) - 1))
    return ordered[rank]


# --------------------------------------------------------------------------- raw baselines


class LeanStore:
    """The least a receiver that keeps every message must add: rows into SQLite, batched.

    The same file settings and table shape as the app's history (WAL, ``synchronous=NORMAL``,
    an index on room and id); each read round's messages go in with one ``executemany`` in the
    receiving thread. No validation, no events, no window: a bound on what any Python app that
    parses and stores each message can reach on this machine, measured in the same run.
    """

    def __init__(self, folder: Path) -> None:
        import sqlite3

        import orjson

        self.loads = orjson.loads
        self.path = folder / "lean.sqlite3"
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE messages (id INTEGER PRIMARY KEY, room TEXT NOT NULL, ts REAL NOT NULL,"
            " sender TEXT NOT NULL, text TEXT NOT NULL)"
        )
        self.db.execute("CREATE INDEX messages_room_id ON messages (room, id)")

    def store(self, payloads: list[bytes]) -> None:
        """Parse each payload as JSON and insert its row (one transaction per call)."""
        loads = self.loads
        rows = []
        for payload in payloads:
            obj = loads(payload)
            rows.append(("bench", obj["ts"], obj["nick"], obj["text"]))
        db = self.db
        db.execute("BEGIN")
        db.executemany("INSERT INTO messages (room, ts, sender, text) VALUES (?, ?, ?, ?)", rows)
        db.execute("COMMIT")

    def close(self) -> int:
        """Close the file; returns how many rows it holds."""
        (rows,) = self.db.execute("SELECT count(*) FROM messages").fetchone()
        self.db.close()
        return int(rows)


def raw_tcp(count: int, *, parse: bool = False, store: Path | None = None) -> Run:
    """Connect to a TCP sender and split its stream into lines (and ``json.loads`` each if ``parse``).

    With ``store`` (a folder) every read round's lines are parsed and stored by a ``LeanStore``.
    """
    lean = LeanStore(store) if store is not None else None
    sender = Sender(["tcp", str(count), str(MESSAGE_BYTES)])
    try:
        port = sender.read_port()
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(b'{"v":1,"type":"hello","nick":"raw","peer":"raw-receiver","app":"bench"}\n')
            sender.go()
            cpu_start = time.process_time()
            received = 0
            buf = b""
            recv = sock.recv
            loads = json.loads
            while received < count:
                data = recv(65536)
                if not data:
                    break
                lines = (buf + data).split(b"\n")
                buf = lines.pop()
                received += len(lines)
                if lean is not None:
                    lean.store(lines)
                elif parse:
                    for line in lines:
                        loads(line)
            last = time.monotonic()
            cpu = time.process_time() - cpu_start
            sender.poll_sent(timeout=30.0)
    finally:
        sender.close()
    assert sender.start is not None
    history_rows = lean.close() if lean is not None else -1
    return Run(
        received=received, sent=count, seconds=last - sender.start, history_rows=history_rows, cpu_seconds=cpu
    )


def raw_udp(count: int, *, parse: bool = False, store: Path | None = None) -> Run:
    """``recvfrom`` (and ``json.loads`` if ``parse``) until the sender is done and the socket is quiet.

    With ``store`` (a folder) datagrams are parsed and stored by a ``LeanStore`` in rounds
    of ``LEAN_UDP_ROUND`` (and whenever the socket goes quiet).
    """
    lean = LeanStore(store) if store is not None else None
    pending: list[bytes] = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF_BYTES)
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(UDP_IDLE_END_S)
        sender = Sender(["udp", str(sock.getsockname()[1]), str(count), str(MESSAGE_BYTES)])
        received = 0
        last = time.monotonic()
        cpu_start = time.process_time()
        deadline = last + RUN_TIMEOUT_S
        recvfrom = sock.recvfrom
        loads = json.loads
        monotonic = time.monotonic
        try:
            while received < count and last < deadline:
                try:
                    data, _ = recvfrom(65536)
                except TimeoutError:
                    if pending and lean is not None:
                        lean.store(pending)
                        pending.clear()
                        last = monotonic()
                    if sender.poll_sent():
                        break  # sender done and the socket quiet: the rest was lost
                    continue
                if lean is not None:
                    pending.append(data)
                    if len(pending) >= LEAN_UDP_ROUND:
                        lean.store(pending)
                        pending.clear()
                elif parse:
                    loads(data)
                received += 1
                last = monotonic()  # ~50 ns next to recvfrom's microseconds
            if pending and lean is not None:
                lean.store(pending)
                last = monotonic()
            cpu = time.process_time() - cpu_start
            sender.poll_sent(timeout=30.0)
        finally:
            sender.close()
    assert sender.start is not None
    history_rows = lean.close() if lean is not None else -1
    return Run(
        received=received, sent=count, seconds=last - sender.start, history_rows=history_rows, cpu_seconds=cpu
    )


# --------------------------------------------------------------------------- through the app


def _app_modules() -> Any:
    """Import the app lazily: the raw baselines and the sender must not need Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO_ROOT))
    from chatgui.ui import app as chatgui_app

    return chatgui_app


def app_runs(
    count: int, protocols: list[str], settings_dir: Path, history: bool = False, passphrase: str = ""
) -> dict[str, Run]:
    """Flood the real window once per protocol; returns the runs keyed by protocol.

    With ``history`` the window records every row it shows into a history database in
    ``settings_dir``, as the app does by default. With ``passphrase`` the window and the
    sender are in a private room (keys ``tcp_secure``, ``udp_secure``).
    """
    from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QTimer, Slot
    from PySide6.QtWidgets import QApplication

    from chatgui.events import Connected, Listening, RoomCode, SessionConfig
    from chatgui.net.backend import Backend

    chatgui_app = _app_modules()

    class Probe(QObject):
        """Lives in the GUI thread: watches the model, the backend and the 10 ms timer."""

        def __init__(self, window: Any, backend: Any) -> None:
            super().__init__()
            self.backend = backend
            self.model = window.transcript_model
            self.sender: Sender | None = None
            self.loop = QEventLoop()
            self.base = 0
            self.target = count
            self.last_row_at = 0.0
            self.last_count = 0
            self.lateness: list[float] = []
            self.batch_sizes: list[int] = []
            self.error = ""
            self.tick_at = 0.0
            self.timer = QTimer()
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(10)
            self.timer.timeout.connect(self.on_tick)
            self.started_at = 0.0
            self.listening_port = 0
            self.connected = False
            self.room_code = False
            self.model.rowsInserted.connect(self.on_rows_inserted)
            backend.events_received.connect(self.on_events)

        @Slot(object)
        def on_events(self, events: list[object]) -> None:
            if self.sender is not None:
                self.batch_sizes.append(len(events))
                return  # flooding: what is looked for below came before (no GUI time taken from the app)
            for event in events:
                if isinstance(event, Listening):
                    self.listening_port = event.port
                elif isinstance(event, Connected):
                    self.connected = True
                elif isinstance(event, RoomCode):
                    self.room_code = True

        @Slot()
        def on_rows_inserted(self) -> None:
            appended = self.model.appended_count - self.base
            if appended != self.last_count:
                self.last_count = appended
                self.last_row_at = time.monotonic()
            if appended >= self.target:
                self.finish()

        @Slot()
        def on_tick(self) -> None:
            now = time.perf_counter()
            self.lateness.append(max(0.0, (now - self.tick_at) * 1000.0 - 10.0))
            self.tick_at = now
            if self.sender is not None and self.sender.poll_sent():
                quiet = time.monotonic() - max(self.last_row_at, self.sender.end or 0.0)
                # Quiet with events still queued for the window is a stalled GUI on a busy machine,
                # not the end of the flood: those messages count (and are in the history) too.
                queued = bool(self.backend._channel.events)
                if self.target and quiet > UDP_IDLE_END_S and not queued:
                    self.finish()
            if time.monotonic() - self.started_at > RUN_TIMEOUT_S:
                self.error = f"timed out with {self.last_count} of {self.target} messages in the window"
                self.finish()

        def finish(self) -> None:
            self.timer.stop()
            self.loop.quit()

        def flood(self, sender: Sender) -> Run:
            self.base = self.model.appended_count
            self.last_count = 0
            self.sender = sender
            self.started_at = time.monotonic()
            self.tick_at = time.perf_counter()
            self.timer.start()
            if isinstance(sender, Sender) and sender.waits_for_go:
                sender.go()
            cpu_start = time.process_time()
            self.loop.exec()
            cpu = time.process_time() - cpu_start
            if self.error:
                raise RuntimeError(self.error)
            sender.poll_sent(timeout=30.0)
            assert sender.start is not None
            return Run(
                received=self.last_count,
                sent=count,
                seconds=self.last_row_at - sender.start,
                lateness_ms=self.lateness,
                batch_sizes=self.batch_sizes,
                cpu_seconds=cpu,
            )

    def wait_until(condition: Any, what: str, timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    results: dict[str, Run] = {}
    suffix = "_secure" if passphrase else ""
    for protocol in protocols:
        settings = QSettings(str(settings_dir / f"{protocol}{suffix}.ini"), QSettings.Format.IniFormat)
        backend = Backend()
        store = None
        if history:
            from chatgui.history.bridge import History

            store = History(folder=settings_dir / f"history-{protocol}{suffix}")
        window = chatgui_app.main_window(backend=backend, settings=settings, history=store)
        if store is not None:
            # The bench starts the backend itself, not through the window's fields, so the
            # window is told the room it records into.
            window.history_view.room = f"bench-{protocol}{suffix}"
        window.show()
        probe = Probe(window, backend)
        sender: Sender | None = None
        try:
            if protocol == "tcp":
                sender = Sender(["tcp", str(count), str(MESSAGE_BYTES)], passphrase)
                port = sender.read_port()
                config = SessionConfig(
                    mode="tcp", role="join", nick="bench", host="127.0.0.1", port=port, passphrase=passphrase
                )
                backend.start(config)
                # A private room's rows about the handshake land before counting starts.
                wait_until(
                    lambda p=probe: p.connected and (p.room_code or not passphrase), "the window to connect"
                )
                QApplication.processEvents()  # let the "connected" row land before counting from zero
                run = probe.flood(sender)
            else:
                config = SessionConfig(
                    mode="udp",
                    role="peer",
                    nick="bench",
                    bind="127.0.0.1",
                    local_port=0,
                    passphrase=passphrase,
                )
                backend.start(config)
                wait_until(lambda p=probe: p.listening_port != 0, "the window's UDP port")
                QApplication.processEvents()
                sender = Sender(
                    ["udp", str(probe.listening_port), str(count), str(MESSAGE_BYTES)], passphrase
                )
                run = probe.flood(sender)
            results[protocol + suffix] = run
        finally:
            if sender is not None:
                sender.close()
            backend.shutdown()
            if store is not None:
                store.shutdown()
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    return results


def history_messages_in_order(folder: Path, room: str) -> int:
    """How many of the sender's messages the history file in ``folder`` holds, in sending order.

    Reads the file the window wrote (after its writer shut down) through the store's own
    reader. Messages must come in rising order (UDP may skip the lost ones); a repeat or
    one out of order stops the count there, so a complete file counts every message shown.
    """
    from chatgui.history.store import KIND_OTHER, HistoryDB, default_path

    path = default_path(folder)
    if not path.exists():
        return 0
    db = HistoryDB(path)
    try:
        found = last = 0
        for row in db.iter_room(room):
            if row.kind != KIND_OTHER:
                continue
            seq = int(row.text[1 : row.text.index(" ")])
            if seq <= last:
                break
            found, last = found + 1, seq
        return found
    finally:
        db.close()


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB (Linux reports KiB, macOS bytes)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024.0 * 1024.0) if sys.platform == "darwin" else peak / 1024.0


def app_phase_child(protocol: str, count: int, history: bool) -> None:
    """Run one protocol's flood through the window in this (child) process; print its Run as JSON.

    A process per phase makes ``peak_rss_mb`` the peak of that phase alone (a process's peak
    cannot be reset), and a fresh history file per phase lets every message be checked.
    """
    passphrase = os.environ.get(APP_PASSPHRASE_ENV, "")
    chatgui_app = _app_modules()
    app = chatgui_app.create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="chatgui-bench-") as folder:
        runs = app_runs(count, [protocol], Path(folder), history, passphrase)
        (name, run), *_ = runs.items()
        run.peak_rss_mb = round(peak_rss_mb(), 1)
        if history:
            suffix = "_secure" if passphrase else ""
            run.history_rows = history_messages_in_order(
                Path(folder) / f"history-{protocol}{suffix}", f"bench-{protocol}{suffix}"
            )
    del app
    print(json.dumps({"name": name, "switchinterval_s": sys.getswitchinterval(), **asdict(run)}), flush=True)


def app_phase(protocol: str, count: int, history: bool, passphrase: str = "") -> dict[str, Run]:
    """One protocol's flood through the window, in a child process of its own (see ``app_phase_child``)."""
    env = dict(os.environ)
    env.pop(APP_PASSPHRASE_ENV, None)
    if passphrase:
        env[APP_PASSPHRASE_ENV] = passphrase  # never on a command line
    command = [sys.executable, str(Path(__file__).resolve()), "--app-phase", protocol, "--count", str(count)]
    if history:
        command.append("--history")
    if Sender.tcp_chunk:
        command += ["--tcp-chunk", str(Sender.tcp_chunk)]
    result = subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"the {protocol} app phase failed with status {result.returncode}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    name = figures.pop("name")
    PHASE_FACTS["switchinterval_s"] = figures.pop("switchinterval_s")
    return {name: Run(**figures)}


def handshake_times(passphrase: str, times: int = HANDSHAKES) -> dict[str, list[float]]:
    """Time the private-room handshake on loopback, ``times`` times each way (milliseconds).

    ``protocol``: two ``Handshake`` objects over a fresh loopback TCP connection (connect to
    both ends done), the least any chatgui can take. ``app``: a real ``Backend`` joining a
    real private host, from ``start`` until its ``RoomCode`` event reaches the GUI thread.
    """
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from chatgui.events import Listening, RoomCode, SessionConfig
    from chatgui.net.backend import Backend

    secure = _secure_module()
    protocol: list[float] = []
    for _ in range(times):
        with socket.create_server(("127.0.0.1", 0)) as server:
            started = time.perf_counter()
            client = socket.create_connection(server.getsockname())
            conn, _ = server.accept()
            host_side: list[Any] = []

            def answer(conn: socket.socket = conn, done: list[Any] = host_side) -> None:
                done.append(_handshake_as_host(conn, passphrase))

            thread = threading.Thread(target=answer)
            thread.start()
            with client, conn:
                handshake = secure.Handshake(passphrase, host=False)
                client.sendall(handshake.start())
                pending = b""
                while not handshake.done:
                    while b"\n" not in pending:
                        pending += client.recv(65536)
                    line, pending = pending.split(b"\n", 1)
                    client.sendall(handshake.receive_line(line))
                thread.join(RUN_TIMEOUT_S)
                protocol.append((time.perf_counter() - started) * 1000.0)
                assert host_side, "the host side of the handshake did not finish"

    def wait_for(events: list[object], kind: type, what: str) -> Any:
        deadline = time.monotonic() + 10.0
        while not any(isinstance(e, kind) for e in events):
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}: {events}")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        return next(e for e in events if isinstance(e, kind))

    app: list[float] = []
    host_events: list[object] = []
    host = Backend()
    host.events_received.connect(host_events.extend)
    host.start(
        SessionConfig(
            mode="tcp", role="host", nick="bench-host", bind="127.0.0.1", port=0, passphrase=passphrase
        )
    )
    try:
        port = wait_for(host_events, Listening, "the private host").port
        for _ in range(times):
            member_events: list[object] = []
            member = Backend()
            member.events_received.connect(member_events.extend)
            started = time.perf_counter()
            member.start(
                SessionConfig(
                    mode="tcp", role="join", nick="bench", host="127.0.0.1", port=port, passphrase=passphrase
                )
            )
            try:
                wait_for(member_events, RoomCode, "the room code")
                app.append((time.perf_counter() - started) * 1000.0)
            finally:
                member.shutdown()
    finally:
        host.shutdown()
    return {"protocol": protocol, "app": app}


# --------------------------------------------------------------------------- main


def summarize(runs: list[dict[str, Run]], count: int) -> dict[str, Any]:
    """Medians over repetitions; ratios are paired per repetition, then the median taken."""
    out: dict[str, Any] = {"count": count, "repeat": len(runs), "message_bytes": MESSAGE_BYTES}
    all_p99: list[float] = []
    for proto in ("tcp", "udp"):
        app = [r[proto] for r in runs if proto in r]
        raw = [r[f"{proto}_raw"] for r in runs if f"{proto}_raw" in r]
        if not app and not raw:
            continue
        out[f"{proto}_msgs_per_s"] = round(statistics.median(r.rate for r in app)) if app else None
        out[f"{proto}_raw_msgs_per_s"] = round(statistics.median(r.rate for r in raw)) if raw else None
        # The same receiver plus json.loads per message: a floor for any Python app's per-message work.
        raw_json = [r[f"{proto}_raw_json"] for r in runs if f"{proto}_raw_json" in r]
        out[f"{proto}_raw_json_msgs_per_s"] = (
            round(statistics.median(r.rate for r in raw_json)) if raw_json else None
        )
        pairs = [
            r[proto].rate / r[f"{proto}_raw"].rate
            for r in runs
            if proto in r and f"{proto}_raw" in r and r[f"{proto}_raw"].rate
        ]
        out[f"{proto}_ratio"] = round(statistics.median(pairs), 3) if pairs else None
        # CPU time per message (all the receiving process's threads): steadier than rates on a busy machine.
        for name, key in (("", proto), ("raw_", f"{proto}_raw"), ("raw_store_", f"{proto}_raw_store")):
            measured = [r[key] for r in runs if key in r and r[key].received]
            if measured:
                out[f"{proto}_{name}cpu_us_per_msg"] = round(
                    statistics.median(r.cpu_us_per_msg for r in measured), 2
                )
        # The lean parse-and-store receiver (--history): the bound for an app that keeps history.
        lean = [r[f"{proto}_raw_store"] for r in runs if f"{proto}_raw_store" in r]
        if lean:
            out[f"{proto}_raw_store_msgs_per_s"] = round(statistics.median(r.rate for r in lean))
            out[f"{proto}_raw_store_loss_pct"] = round(statistics.median(r.loss_pct for r in lean), 2)
            out[f"{proto}_raw_store_ratio"] = round(
                statistics.median(
                    r[f"{proto}_raw_store"].rate / r[f"{proto}_raw"].rate
                    for r in runs
                    if f"{proto}_raw_store" in r and r[f"{proto}_raw"].rate
                ),
                3,
            )
            store_pairs = [
                r[proto].rate / r[f"{proto}_raw_store"].rate
                for r in runs
                if proto in r and f"{proto}_raw_store" in r and r[f"{proto}_raw_store"].rate
            ]
            out[f"{proto}_store_ratio"] = round(statistics.median(store_pairs), 3) if store_pairs else None
        out[f"{proto}_loss_pct"] = round(statistics.median(r.loss_pct for r in app), 2) if app else None
        out[f"{proto}_raw_loss_pct"] = round(statistics.median(r.loss_pct for r in raw), 2) if raw else None
        if app:
            p50 = statistics.median(percentile(r.lateness_ms, 50) for r in app)
            p99 = statistics.median(percentile(r.lateness_ms, 99) for r in app)
            out[f"{proto}_lateness_p50_ms"] = round(p50, 1)
            out[f"{proto}_lateness_p99_ms"] = round(p99, 1)
            out[f"{proto}_lateness_max_ms"] = round(max(max(r.lateness_ms, default=0.0) for r in app), 1)
            # How the backend's hand-off sized its batches: one huge batch is one long GUI stall.
            out[f"{proto}_batches"] = round(statistics.median(len(r.batch_sizes) for r in app))
            out[f"{proto}_batch_p50"] = round(statistics.median(percentile(r.batch_sizes, 50) for r in app))
            out[f"{proto}_batch_max"] = max(max(r.batch_sizes, default=0) for r in app)
            out[f"{proto}_peak_rss_mb"] = max(r.peak_rss_mb for r in app)
            checked = [r for r in app if r.history_rows >= 0]
            if checked:
                # Every message shown is in the history file after the flood, in order (worst repetition).
                out[f"{proto}_history_rows"] = min(r.history_rows for r in checked)
                out[f"{proto}_history_complete"] = all(r.history_rows == r.received for r in checked)
            all_p99.append(p99)
    for proto in ("tcp", "udp"):
        secure = [r[f"{proto}_secure"] for r in runs if f"{proto}_secure" in r]
        if not secure:
            continue
        out[f"{proto}_secure_msgs_per_s"] = round(statistics.median(r.rate for r in secure))
        out[f"{proto}_secure_loss_pct"] = round(statistics.median(r.loss_pct for r in secure), 2)
        # Private ÷ open room, both through the window, paired within a repetition.
        pairs = [
            r[f"{proto}_secure"].rate / r[proto].rate
            for r in runs
            if f"{proto}_secure" in r and r[proto].rate
        ]
        out[f"{proto}_secure_ratio"] = round(statistics.median(pairs), 3) if pairs else None
        out[f"{proto}_secure_lateness_p99_ms"] = round(
            statistics.median(percentile(r.lateness_ms, 99) for r in secure), 1
        )
    p50s = [out[k] for k in ("tcp_lateness_p50_ms", "udp_lateness_p50_ms") if k in out]
    maxes = [out[k] for k in ("tcp_lateness_max_ms", "udp_lateness_max_ms") if k in out]
    # The headline lateness is the worse protocol's: the GUI must stay responsive under both floods.
    out["lateness_p50_ms"] = max(p50s) if p50s else None
    out["lateness_p99_ms"] = max(all_p99) if all_p99 else None
    out["lateness_max_ms"] = max(maxes) if maxes else None
    rss = [out[k] for k in ("tcp_peak_rss_mb", "udp_peak_rss_mb") if k in out]
    out["peak_rss_mb"] = max(rss) if rss else None  # the app's process, the worse phase
    out["runs"] = [
        {
            name: {k: v for k, v in asdict(run).items() if k not in ("lateness_ms", "batch_sizes")}
            | {
                "msgs_per_s": round(run.rate),
                "loss_pct": round(run.loss_pct, 2),
                "cpu_us_per_msg": round(run.cpu_us_per_msg, 2),
            }
            for name, run in rep.items()
        }
        for rep in runs
    ]
    return out


def print_table(summary: dict[str, Any], file: Any) -> None:
    def fmt(value: Any, unit: str = "") -> str:
        if value is None:
            return "-"
        if isinstance(value, float) and unit != "x":
            return f"{value:,.1f}{unit}"
        if unit == "x":
            return f"{value:.2f}x"
        return f"{value:,}{unit}"

    print(
        f"{summary['count']:,} messages of {summary['message_bytes']} bytes, median of {summary['repeat']}",
        file=file,
    )
    print(
        f"{'':6}{'app msg/s':>12}{'raw msg/s':>12}{'ratio':>8}{'loss':>8}{'raw loss':>10}{'raw+json/s':>12}",
        file=file,
    )
    for proto in ("tcp", "udp"):
        if f"{proto}_raw_msgs_per_s" not in summary:
            continue
        print(
            f"{proto.upper():6}{fmt(summary[f'{proto}_msgs_per_s']):>12}"
            f"{fmt(summary[f'{proto}_raw_msgs_per_s']):>12}{fmt(summary[f'{proto}_ratio'], 'x'):>8}"
            f"{fmt(summary[f'{proto}_loss_pct'], '%'):>8}{fmt(summary[f'{proto}_raw_loss_pct'], '%'):>10}"
            f"{fmt(summary[f'{proto}_raw_json_msgs_per_s']):>12}",
            file=file,
        )
    for proto in ("tcp", "udp"):
        if f"{proto}_cpu_us_per_msg" in summary:
            line = (
                f"{proto.upper()} CPU per message (all threads of the receiving process): app "
                f"{summary[f'{proto}_cpu_us_per_msg']} us, "
                f"raw {summary.get(f'{proto}_raw_cpu_us_per_msg')} us"
            )
            if f"{proto}_raw_store_cpu_us_per_msg" in summary:
                line += f", lean parse-and-store {summary[f'{proto}_raw_store_cpu_us_per_msg']} us"
            print(line, file=file)
    for proto in ("tcp", "udp"):
        if f"{proto}_raw_store_msgs_per_s" in summary:
            print(
                f"{proto.upper()} lean parse-and-store receiver (orjson + SQLite, no window): "
                f"{fmt(summary[f'{proto}_raw_store_msgs_per_s'])} msg/s = "
                f"{fmt(summary[f'{proto}_raw_store_ratio'], 'x')} raw, "
                f"loss {fmt(summary[f'{proto}_raw_store_loss_pct'], '%')}; "
                f"the app = {fmt(summary[f'{proto}_store_ratio'], 'x')} of it",
                file=file,
            )
    for proto in ("tcp", "udp"):
        if f"{proto}_lateness_p99_ms" in summary:
            p50, p99, worst = (summary[f"{proto}_lateness_{k}_ms"] for k in ("p50", "p99", "max"))
            print(
                f"GUI timer lateness during {proto.upper()} flood: p50 {p50}, p99 {p99}, max {worst} ms; "
                f"{summary[f'{proto}_batches']:,} batches, events per batch p50 "
                f"{summary[f'{proto}_batch_p50']:,}, max {summary[f'{proto}_batch_max']:,}",
                file=file,
            )
    for proto in ("tcp", "udp"):
        if f"{proto}_peak_rss_mb" in summary:
            line = f"{proto.upper()} app phase peak RSS {summary[f'{proto}_peak_rss_mb']} MB"
            if f"{proto}_history_rows" in summary:
                complete = "every" if summary[f"{proto}_history_complete"] else "NOT every"
                line += (
                    f"; history file holds {summary[f'{proto}_history_rows']:,} messages in order"
                    f" ({complete} message shown)"
                )
            print(line, file=file)
    print(
        "aim: TCP ratio >= 0.4, UDP ratio >= 0.6 with loss within 5 points of raw, "
        "lateness p99 < 25 ms and max < 60 ms, 1M TCP with history <= 150 MB",
        file=file,
    )
    secure = [proto for proto in ("tcp", "udp") if f"{proto}_secure_msgs_per_s" in summary]
    if secure:
        print(
            f"{'private':8}{'msg/s':>12}{'open msg/s':>12}{'ratio':>8}{'loss':>8}{'lateness p99':>14}",
            file=file,
        )
        for proto in secure:
            print(
                f"{proto.upper():8}{fmt(summary[f'{proto}_secure_msgs_per_s']):>12}"
                f"{fmt(summary[f'{proto}_msgs_per_s']):>12}{fmt(summary[f'{proto}_secure_ratio'], 'x'):>8}"
                f"{fmt(summary[f'{proto}_secure_loss_pct'], '%'):>8}"
                f"{fmt(summary[f'{proto}_secure_lateness_p99_ms'], ' ms'):>14}",
                file=file,
            )
        print("aim: a private room keeps >= 0.5x the open room's messages/s, TCP and UDP", file=file)
    if "handshake_ms" in summary:
        print(
            f"private-room handshake on loopback, median of {len(summary['handshake_runs_ms'])}: "
            f"{summary['handshake_ms']} ms through the backend, "
            f"{summary['handshake_protocol_ms']} ms for sockets and protocol alone; aim < 100 ms",
            file=file,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=200_000, help="messages per run (default 200000)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; medians are reported (default 3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument(
        "--only", choices=["tcp", "udp"], action="append", help="measure only this protocol (repeatable)"
    )
    parser.add_argument(
        "--tcp-chunk",
        type=int,
        default=0,
        metavar="BYTES",
        help="TCP sender writes this many bytes of messages per sendall (default: one message per sendall)",
    )
    parser.add_argument("--raw-only", action="store_true", help="measure only the raw-socket baselines")
    parser.add_argument(
        "--history", action="store_true", help="the window records what it shows, as the app does by default"
    )
    parser.add_argument(
        "--secure",
        action="store_true",
        help="also flood a private room (a generated passphrase) through the window, and time its handshake",
    )
    parser.add_argument(
        "--save", type=Path, metavar="PATH", help="also write figures, date, machine and load to PATH (JSON)"
    )
    parser.add_argument("--sender", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--app-phase", choices=["tcp", "udp"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    recorder = Recorder("throughput", args.save, argv)  # the date and the load before the run

    if args.sender:
        kind, *rest = args.sender
        if kind == "tcp":
            sender_tcp(int(rest[0]), int(rest[1]), int(rest[2]))
        else:
            sender_udp(int(rest[0]), int(rest[1]), int(rest[2]))
        return 0
    if args.app_phase:
        Sender.tcp_chunk = args.tcp_chunk
        app_phase_child(args.app_phase, args.count, args.history)
        return 0

    if args.count < 1 or args.repeat < 1:
        parser.error("--count and --repeat must be at least 1")
    if args.secure and args.raw_only:
        parser.error("--secure measures the window: it cannot go with --raw-only")
    protocols = args.only or ["tcp", "udp"]
    passphrase = _secure_module().generate_passphrase() if args.secure else ""
    Sender.tcp_chunk = args.tcp_chunk
    if passphrase:
        # The handshake is timed in this process (the floods each run in a child of their own).
        PHASE_FACTS["app"] = _app_modules().create_application([sys.argv[0]])

    runs: list[dict[str, Run]] = []
    for rep in range(args.repeat):
        rep_runs: dict[str, Run] = {}
        for proto in protocols:
            raw = raw_tcp if proto == "tcp" else raw_udp
            rep_runs[f"{proto}_raw"] = raw(args.count)
            rep_runs[f"{proto}_raw_json"] = raw(args.count, parse=True)
            if args.history:
                with tempfile.TemporaryDirectory(prefix="chatgui-bench-lean-") as folder:
                    rep_runs[f"{proto}_raw_store"] = raw(args.count, store=Path(folder))
            if not args.raw_only:
                rep_runs.update(app_phase(proto, args.count, args.history))
                if passphrase:
                    rep_runs.update(app_phase(proto, args.count, args.history, passphrase))
        runs.append(rep_runs)
        if not args.json:
            done = ", ".join(f"{name} {run.rate:,.0f}/s" for name, run in rep_runs.items())
            print(f"repetition {rep + 1}/{args.repeat}: {done}", file=sys.stderr, flush=True)

    summary = summarize(runs, args.count)
    if passphrase:
        times = handshake_times(passphrase)
        summary["handshake_ms"] = round(statistics.median(times["app"]), 1)
        summary["handshake_runs_ms"] = [round(t, 1) for t in times["app"]]
        summary["handshake_protocol_ms"] = round(statistics.median(times["protocol"]), 1)
    summary["python"] = platform.python_version()
    if not args.raw_only:
        import PySide6

        summary["pyside6"] = PySide6.__version__
    summary["switchinterval_s"] = PHASE_FACTS.get("switchinterval_s", sys.getswitchinterval())
    if args.json:
        print(json.dumps(summary))
    else:
        print_table(summary, sys.stdout)
    recorder.save(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
