r"""A room under load: N members each send M messages through the real host, beside a raw relay.

One repetition starts:

* app: the real program, ``python3 main.py host --tcp`` on 127.0.0.1 (no history, no
  announcement), while this process samples its resident memory (``/proc/PID/status``);
* raw: a minimal Python relay (selectors, plain sockets, every line written to every
  other connection, no JSON) — the least any Python host must do for the same fan-out.

Against each, one driver process (selectors, one socket per member, not one process per
member) connects N members that say ``hello``, waits until the first member has heard
every other one arrive, then sends M ``msg`` frames per member, round-robin. Every member
checks what it receives per sender: a text ``"I:K"`` is member I's K-th message, so lost,
duplicated and out-of-order messages are counted exactly. A rate is deliveries (one
message arriving at one member) per second, first message sent to last one received.

Benchmarks print figures; they never assert timings (bench/README.md).

Usage: ``python3 bench/load.py [--members 200] [--messages 20] [--repeat 3] [--json]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import selectors
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from record import Recorder  # bench/record.py: a sibling of this script

REPO_ROOT = Path(__file__).resolve().parent.parent
IDLE_END_S = 10.0  # a run ends when every member has everything, or nothing arrived for this long
START_TIMEOUT_S = 60.0
RSS_SAMPLE_S = 0.05

try:  # the app's own JSON reader; the stdlib when it is missing
    import orjson

    _loads: Any = orjson.loads
except ImportError:  # pragma: no cover - orjson is a requirement of the app
    _loads = json.loads


# --------------------------------------------------------------------------- the driver


class _Member:
    __slots__ = ("buf", "index", "last", "out", "received", "seen", "sock")

    def __init__(self, index: int, sock: socket.socket) -> None:
        self.index = index
        self.sock = sock
        self.buf = bytearray()
        self.out = bytearray()
        self.last: dict[int, int] = {}  # sender index -> highest K received from it
        self.seen: dict[int, int] = {}  # sender index -> bit K set for every K received from it
        self.received = 0


def _frame(**fields: Any) -> bytes:
    return json.dumps({"v": 1, **fields}, separators=(",", ":")).encode() + b"\n"


def drive(port: int, members: int, messages: int, host: str = "127.0.0.1") -> dict[str, Any]:
    """Run one room of ``members`` x ``messages`` against the host at ``host:port``; return the counts."""
    sel = selectors.DefaultSelector()
    room: list[_Member] = []
    for index in range(members):
        sock = socket.create_connection((host, port), timeout=START_TIMEOUT_S)
        sock.setblocking(False)
        member = _Member(index, sock)
        member.out += _frame(type="hello", nick=f"load{index}", peer=f"load-{index}", app="bench-load")
        room.append(member)
        sel.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE, member)

    duplicated = reordered = 0
    arrived: set[str] = (
        set()
    )  # who the first member has heard arrive (join frames, or hellos via a raw relay)
    first_sent = last_received = 0.0
    sending = False
    expected_each = (members - 1) * messages
    done_members = 0
    last_progress = time.monotonic()
    start_deadline = last_progress + START_TIMEOUT_S

    def on_line(member: _Member, line: bytes) -> None:
        nonlocal duplicated, reordered, done_members, last_received
        try:
            frame = _loads(line)
        except ValueError:
            return
        if not isinstance(frame, dict):
            return
        kind = frame.get("type")
        if kind == "msg":
            text = frame.get("text")
            if not isinstance(text, str) or ":" not in text:
                return
            sender_s, _, k_s = text.partition(":")
            if not (sender_s.isdigit() and k_s.isdigit()):
                return
            sender, k = int(sender_s), int(k_s)
            if sender == member.index:
                return  # an echo of our own (a host started with --echo)
            seen = member.seen.get(sender, 0)
            if seen >> k & 1:
                duplicated += 1
                return
            member.seen[sender] = seen | 1 << k
            member.received += 1
            if k < member.last.get(sender, 0):
                reordered += 1  # arrived after a later one
            else:
                member.last[sender] = k
            last_received = time.monotonic()
            if member.received == expected_each:
                done_members += 1
        elif member.index == 0 and kind in ("join", "hello"):
            nick = frame.get("nick")
            if isinstance(nick, str):
                arrived.add(nick)

    while done_members < members:
        now = time.monotonic()
        if sending and now - last_progress > IDLE_END_S:
            break
        if not sending:
            if now > start_deadline:
                raise RuntimeError(f"only {len(arrived)} of {members - 1} members arrived")
            if len(arrived) >= members - 1:
                sending = True
                first_sent = time.monotonic()
                for k in range(1, messages + 1):
                    for member in room:
                        member.out += _frame(
                            type="msg",
                            peer=f"load-{member.index}",
                            seq=k,
                            ts=0.0,
                            nick=f"load{member.index}",
                            text=f"{member.index}:{k}",
                        )
                for member in room:
                    sel.modify(member.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, member)
                last_progress = time.monotonic()
        for key, mask in sel.select(timeout=0.5):
            member = key.data
            if mask & selectors.EVENT_READ:
                try:
                    data = member.sock.recv(262144)
                except (BlockingIOError, InterruptedError):
                    data = None
                if data == b"":
                    raise RuntimeError(f"the host closed member {member.index}")
                if data:
                    last_progress = time.monotonic()
                    buf = member.buf
                    buf += data
                    end = buf.rfind(b"\n")
                    if end >= 0:
                        lines = bytes(buf[:end]).split(b"\n")
                        del buf[: end + 1]
                        for line in lines:
                            on_line(member, line)
            if mask & selectors.EVENT_WRITE and member.out:
                try:
                    sent = member.sock.send(member.out)
                except (BlockingIOError, InterruptedError):
                    sent = 0
                del member.out[:sent]
                if not member.out:
                    sel.modify(member.sock, selectors.EVENT_READ, member)

    for member in room:
        sel.unregister(member.sock)
        member.sock.close()
    sel.close()
    received = sum(m.received for m in room)
    expected = members * expected_each
    seconds = max(last_received - first_sent, 1e-9) if received else 0.0
    return {
        "members": members,
        "messages": messages,
        "expected": expected,
        "received": received,
        "lost": expected - received,
        "duplicated": duplicated,
        "reordered": reordered,
        "seconds": round(seconds, 3),
        "msgs_per_s": round(received / seconds) if seconds else 0,
    }


# --------------------------------------------------------------------------- the raw relay


def raw_relay(port_out: Any) -> None:
    """Relay every complete line to every other connection; print the port first."""
    sel = selectors.DefaultSelector()
    server = socket.create_server(("127.0.0.1", 0), backlog=1024)
    server.setblocking(False)
    sel.register(server, selectors.EVENT_READ, None)
    print(f"port {server.getsockname()[1]}", file=port_out, flush=True)
    pending: dict[socket.socket, bytearray] = {}
    partial: dict[socket.socket, bytearray] = {}

    def write(sock: socket.socket, data: bytes) -> None:
        out = pending[sock]
        if not out:
            try:
                sent = sock.send(data)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError:
                return
            if sent == len(data):
                return
            data = data[sent:]
            sel.modify(sock, selectors.EVENT_READ | selectors.EVENT_WRITE, "client")
        out += data

    while True:
        for key, mask in sel.select():
            sock = key.fileobj
            assert isinstance(sock, socket.socket)
            if key.data is None:
                with contextlib.suppress(BlockingIOError):
                    while True:
                        conn, _ = server.accept()
                        conn.setblocking(False)
                        pending[conn] = bytearray()
                        partial[conn] = bytearray()
                        sel.register(conn, selectors.EVENT_READ, "client")
                continue
            if mask & selectors.EVENT_WRITE:
                out = pending[sock]
                with contextlib.suppress(BlockingIOError):
                    del out[: sock.send(out)]
                if not out:
                    sel.modify(sock, selectors.EVENT_READ, "client")
            if mask & selectors.EVENT_READ:
                try:
                    data = sock.recv(262144)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                if not data:
                    sel.unregister(sock)
                    sock.close()
                    del pending[sock], partial[sock]
                    continue
                buf = partial[sock]
                buf += data
                end = buf.rfind(b"\n")
                if end < 0:
                    continue
                chunk = bytes(buf[: end + 1])
                del buf[: end + 1]
                for other in list(pending):
                    if other is not sock:
                        write(other, chunk)


# --------------------------------------------------------------------------- one repetition


class _Server:
    """A server process (the real host or the raw relay) and a thread sampling its memory."""

    def __init__(self, args: list[str], port_pattern: str, on_stderr: bool) -> None:
        self.proc = subprocess.Popen(
            args,
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        )
        self.peak_rss_kb = 0
        self.port = 0
        self.output: list[str] = []
        found = threading.Event()
        watched = self.proc.stderr if on_stderr else self.proc.stdout
        other = self.proc.stdout if on_stderr else self.proc.stderr

        def read(pipe: Any, watch: bool) -> None:
            for line in pipe:
                self.output.append(line)
                if watch and not self.port and line.startswith(port_pattern):
                    self.port = int(line[len(port_pattern) :].split()[0])
                    found.set()
            found.set()

        self._readers = [
            threading.Thread(target=read, args=(watched, True), daemon=True),
            threading.Thread(target=read, args=(other, False), daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        found.wait(START_TIMEOUT_S)
        if not self.port:
            self.close()
            raise RuntimeError(f"{args[1:]} did not say its port: {''.join(self.output)[-2000:]}")
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        status = Path(f"/proc/{self.proc.pid}/status")
        while not self._stop.wait(RSS_SAMPLE_S):
            try:
                text = status.read_text()
            except OSError:
                return  # not Linux, or the process is gone
            for line in text.splitlines():
                if line.startswith("VmRSS:"):
                    self.peak_rss_kb = max(self.peak_rss_kb, int(line.split()[1]))

    def close(self) -> None:
        stop = getattr(self, "_stop", None)
        if stop is not None:
            stop.set()
            self._sampler.join(5)
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        for reader in self._readers:
            reader.join(5)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def run_driver(port: int, members: int, messages: int) -> dict[str, Any]:
    """The driver in its own process (a member's work shares no interpreter with the sampler)."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--driver", str(port), str(members), str(messages)],
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S * 10,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the driver failed: {result.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def one_repetition(members: int, messages: int, raw: bool) -> dict[str, dict[str, Any]]:
    """The app's host, then (with ``raw``) the raw relay, each under the same room."""
    runs: dict[str, dict[str, Any]] = {}
    host_args = [sys.executable, "main.py", "host", "--tcp", "--bind", "127.0.0.1", "--port", "0"]
    host_args += ["--nick", "loadhost", "--no-history", "--no-announce", "--max-members", "400"]
    servers: list[tuple[str, list[str], str, bool]] = [("app", host_args, "Listening on port ", True)]
    if raw:
        relay = [sys.executable, str(Path(__file__).resolve()), "--relay"]
        servers.append(("raw", relay, "port ", False))
    for name, args, pattern, on_stderr in servers:
        server = _Server(args, pattern, on_stderr)
        try:
            figures = run_driver(server.port, members, messages)
            figures["peak_rss_mb"] = round(server.peak_rss_kb / 1024, 1) if server.peak_rss_kb else None
            figures["server_exit"] = server.proc.poll()  # None: still running, as it should be
        finally:
            server.close()
        runs[name] = figures
    return runs


def summarize(runs: list[dict[str, dict[str, Any]]], members: int, messages: int) -> dict[str, Any]:
    """Medians over repetitions (counts: the worst); the ratio is paired per repetition."""
    app = [r["app"] for r in runs]
    out: dict[str, Any] = {
        "members": members,
        "messages": messages,
        "repeat": len(runs),
        # A loss, duplicate or reordering in any repetition is one too many: report the worst.
        "lost": max(r["lost"] for r in app),
        "duplicated": max(r["duplicated"] for r in app),
        "reordered": max(r["reordered"] for r in app),
        "host_peak_rss_mb": max((r["peak_rss_mb"] or 0.0) for r in app) or None,
        "seconds": round(statistics.median(r["seconds"] for r in app), 3),
        "msgs_per_s": round(statistics.median(r["msgs_per_s"] for r in app)),
    }
    raw = [r["raw"] for r in runs if "raw" in r]
    if raw:
        out["raw_seconds"] = round(statistics.median(r["seconds"] for r in raw), 3)
        out["raw_msgs_per_s"] = round(statistics.median(r["msgs_per_s"] for r in raw))
        out["raw_lost"] = max(r["lost"] for r in raw)
        out["raw_peak_rss_mb"] = max((r["peak_rss_mb"] or 0.0) for r in raw) or None
        pairs = [
            r["app"]["msgs_per_s"] / r["raw"]["msgs_per_s"]
            for r in runs
            if r.get("raw", {}).get("msgs_per_s")
        ]
        out["ratio"] = round(statistics.median(pairs), 3) if pairs else None
    out["runs"] = runs
    return out


def print_table(summary: dict[str, Any], file: Any) -> None:
    def fmt(value: Any, unit: str = "") -> str:
        if value is None:
            return "-"
        if isinstance(value, float):
            return f"{value:,.2f}{unit}" if unit in ("x", "s") else f"{value:,.1f}{unit}"
        return f"{value:,}{unit}"

    deliveries = summary["members"] * (summary["members"] - 1) * summary["messages"]
    print(
        f"{summary['members']:,} members x {summary['messages']:,} messages "
        f"({deliveries:,} deliveries), median of {summary['repeat']}",
        file=file,
    )
    print(f"{'':6}{'msg/s':>10}{'seconds':>9}{'lost':>6}{'dup':>6}{'reord':>7}{'peak RSS':>10}", file=file)
    print(
        f"{'host':6}{fmt(summary['msgs_per_s']):>10}{fmt(summary['seconds'], 's'):>9}"
        f"{fmt(summary['lost']):>6}{fmt(summary['duplicated']):>6}{fmt(summary['reordered']):>7}"
        f"{fmt(summary['host_peak_rss_mb'], ' MB'):>10}",
        file=file,
    )
    if "raw_msgs_per_s" in summary:
        print(
            f"{'raw':6}{fmt(summary['raw_msgs_per_s']):>10}{fmt(summary['raw_seconds'], 's'):>9}"
            f"{fmt(summary['raw_lost']):>6}{'':>6}{'':>7}{fmt(summary['raw_peak_rss_mb'], ' MB'):>10}",
            file=file,
        )
        print(f"host / raw relay: {fmt(summary['ratio'], 'x')}", file=file)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=200, help="members in the room (default 200)")
    parser.add_argument("--messages", type=int, default=20, help="messages each member sends (default 20)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; medians are reported (default 3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw-relay baseline")
    parser.add_argument(
        "--driver", nargs=3, type=int, metavar=("PORT", "MEMBERS", "MESSAGES"), help=argparse.SUPPRESS
    )
    parser.add_argument("--relay", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--save", type=Path, metavar="PATH", help="also write figures, date, machine and load to PATH (JSON)"
    )
    args = parser.parse_args(argv)
    recorder = Recorder("load", args.save, argv)  # the date and the load before the run

    if args.relay:
        raw_relay(sys.stdout)
        return 0
    if args.driver:
        port, members, messages = args.driver
        print(json.dumps(drive(port, members, messages)), flush=True)
        return 0
    if args.members < 2 or args.messages < 1 or args.repeat < 1:
        parser.error("--members must be at least 2, --messages and --repeat at least 1")
    if args.members > 400:
        parser.error("--members is at most 400 (the host's --max-members limit)")

    runs = []
    for rep in range(args.repeat):
        runs.append(one_repetition(args.members, args.messages, raw=not args.no_raw))
        if not args.json:
            done = ", ".join(f"{name} {r['msgs_per_s']:,}/s" for name, r in runs[-1].items())
            print(f"repetition {rep + 1}/{args.repeat}: {done}", file=sys.stderr, flush=True)
    summary = summarize(runs, args.members, args.messages)
    summary["python"] = platform.python_version()
    if args.json:
        print(json.dumps(summary))
    else:
        print_table(summary, sys.stdout)
    recorder.save(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
