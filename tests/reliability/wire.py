"""Plain sockets that speak chatgui (or nothing), the room they meet in, and what /proc tells of a host.

Waiting is on data with a timeout as an upper bound, never a sleep.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.harness import WAIT, Program

HOST_NICK = "ann"
LOCAL = "127.0.0.1"
ESCAPES = ("\x1b", "\x07", "\x9b")  # ESC, BEL and the C1 CSI: none may reach a terminal raw
needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def quiet_args() -> list[str]:
    """No history file, no announcement on the network: a test room leaves nothing behind."""
    return ["--no-history", "--no-announce"]


def frame(**fields: Any) -> bytes:
    """One chatgui v1 frame as a TCP line (non-ASCII kept as UTF-8, like the app writes)."""
    return json.dumps({"v": 1, **fields}, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def no_traceback(*programs: Program) -> None:
    """No program printed a Python traceback (a failure must be a sentence)."""
    for program in programs:
        assert not any("Traceback" in line for line in program.stderr.lines), program.describe()


def no_raw_escapes(*programs: Program) -> None:
    """Nothing a peer chose drove a terminal: no raw ESC, BEL or CSI on stdout or stderr."""
    for program in programs:
        for stream in (program.stdout, program.stderr):
            bad = [line for line in stream.lines if any(c in line for c in ESCAPES)]
            assert not bad, f"raw control characters on {stream.name}: {bad!r}\n{program.describe()}"


class Member:
    """A plain TCP socket: says ``hello`` as ``nick`` (unless None) and reads frames and lines."""

    def __init__(self, port: int, nick: str | None = None, *, peer: str = "", rcvbuf: int = 0) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            # Before connect, so the window the kernel advertises stays small.
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.settimeout(WAIT)
        self.sock.connect((LOCAL, port))
        self.port = self.sock.getsockname()[1]
        self.peer = peer or f"wire-{id(self):x}"
        self.nick = nick
        self.seq = 0
        self.lines: list[bytes] = []
        self.closed = False
        self._buf = bytearray()
        self._cursor = 0
        if nick is not None:
            self.send(frame(type="hello", nick=nick, peer=self.peer, app="tests"))

    def send(self, data: bytes) -> None:
        """Write bytes as they are."""
        self.sock.sendall(data)

    def say(self, text: str) -> None:
        """Send one chat message (``msg``) with the next sequence number."""
        self.seq += 1
        self.send(frame(type="msg", peer=self.peer, seq=self.seq, ts=time.time(), nick=self.nick, text=text))

    def _read(self, timeout: float) -> bool:
        """Read what is there within ``timeout``; False when nothing came (or the host closed)."""
        if self.closed:
            return False
        ready, _, _ = select.select([self.sock], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = self.sock.recv(1 << 20)
        except ConnectionResetError:
            data = b""
        if not data:
            self.closed = True
            if self._buf:
                self.lines.append(bytes(self._buf))
                self._buf.clear()
            return True
        self._buf += data
        end = self._buf.rfind(b"\n")
        if end >= 0:
            self.lines.extend(bytes(self._buf[:end]).split(b"\n"))
            del self._buf[: end + 1]
        return True

    def expect(self, matches: Callable[[bytes], bool], timeout: float = WAIT, what: str = "") -> bytes:
        """The next line (after the previous match) that ``matches``; fail after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            while self._cursor < len(self.lines):
                line = self.lines[self._cursor]
                self._cursor += 1
                if matches(line):
                    return line
            left = deadline - time.monotonic()
            if self.closed or left <= 0:
                pytest.fail(f"member {self.nick!r} got no {what or 'matching line'}: {self.lines[-20:]!r}")
            self._read(left)

    def expect_frame(self, kind: str, timeout: float = WAIT, **fields: Any) -> dict[str, Any]:
        """The next frame of type ``kind`` whose given fields equal ``fields``."""

        def matches(line: bytes) -> bool:
            parsed = parse(line)
            return (
                parsed is not None
                and parsed.get("type") == kind
                and all(parsed.get(k) == v for k, v in fields.items())
            )

        found = parse(self.expect(matches, timeout, f"{kind} frame {fields}"))
        assert found is not None
        return found

    def wait_closed(self, timeout: float = WAIT) -> bool:
        """Read until the host closes this connection; False if it did not within ``timeout``."""
        deadline = time.monotonic() + timeout
        while not self.closed and time.monotonic() < deadline:
            self._read(deadline - time.monotonic())
        return self.closed

    def frames(self) -> list[dict[str, Any]]:
        """Every frame received so far."""
        return [f for f in map(parse, self.lines) if f is not None]

    def close(self) -> None:
        """Close the socket."""
        with contextlib.suppress(OSError):
            self.sock.close()


def parse(line: bytes) -> dict[str, Any] | None:
    """A line as a JSON object, or None."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class Room:
    """A host process, its port, and the members a test starts in it (closed at teardown)."""

    def __init__(self, host: Program, port: int, chatgui: Callable[..., Program], udp: bool) -> None:
        self.host = host
        self.port = port
        self.udp = udp
        self._chatgui = chatgui
        self._members: list[Member] = []
        self.joins: list[Program] = []

    def join(self, nick: str, *extra: str, wait: bool = True) -> Program:
        """Start ``main.py join`` into this room; on TCP wait until it is in (it was told who is)."""
        mode = "--udp" if self.udp else "--tcp"
        program = self._chatgui("join", mode, LOCAL, str(self.port), "--nick", nick, "--no-history", *extra)
        self.joins.append(program)
        if wait and not self.udp:
            program.err(r"^In the room: ")
        return program

    def member(self, nick: str | None, **options: Any) -> Member:
        """A plain socket in this room (``nick`` None: one that never says hello)."""
        made = Member(self.port, nick, **options)
        self._members.append(made)
        return made

    def everyone(self) -> list[Program]:
        """The host and every join process."""
        return [self.host, *self.joins]

    def close(self) -> None:
        """Close every plain socket (the processes are killed by the ``spawn`` fixture)."""
        for made in self._members:
            made.close()


# --------------------------------------------------------------------------- what /proc tells


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """The process's resident memory (VmRSS), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def open_fds(pid: int) -> int:
    """How many file descriptors the process has open."""
    return len(os.listdir(f"/proc/{pid}/fd"))


def poll_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Check ``condition`` every 20 ms until it holds; fail after ``timeout`` (an upper bound)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout} s")
        time.sleep(0.02)  # sleep-ok: polling /proc, which offers nothing to wait on; bounded by the deadline


PYTHON = sys.executable
