"""End-to-end harness: the real program (and nc/socat) as separate processes, read line by line.

Waiting is always on output with a timeout as an upper bound, never a sleep.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WAIT = 15.0  # upper bound for any one expected output; a healthy run takes milliseconds


class Stream:
    """The lines one pipe has produced so far, and a way to wait for the next match."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = []
        self.times: list[float] = []  # time.monotonic() when each line was read
        self.closed = False
        self._cursor = 0
        self._changed = threading.Condition()

    def feed(self, pipe: object) -> None:
        """Read the pipe to its end (runs in a reader thread)."""
        assert hasattr(pipe, "readline")
        for raw in iter(pipe.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\n").removesuffix("\r")
            with self._changed:
                self.lines.append(line)
                self.times.append(time.monotonic())
                self._changed.notify_all()
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def expect(self, pattern: str, timeout: float, describe: Callable[[], str]) -> re.Match[str]:
        """Wait for a line matching ``pattern`` after the previous match, and move past it."""
        regex = re.compile(pattern)
        with self._changed:
            while True:
                while self._cursor < len(self.lines):
                    line = self.lines[self._cursor]
                    self._cursor += 1
                    match = regex.search(line)
                    if match:
                        return match
                if self.closed:
                    pytest.fail(f"{self.name} ended without a line matching {pattern!r}\n{describe()}")
                if not self._changed.wait(timeout):
                    pytest.fail(f"no line matching {pattern!r} on {self.name} in {timeout} s\n{describe()}")

    def wait_for(self, ready: Callable[[Stream], bool], timeout: float) -> bool:
        """Wait until ``ready(self)`` holds (checked as each line arrives) or the pipe ended."""
        with self._changed:
            return self._changed.wait_for(lambda: ready(self) or self.closed, timeout) and not (
                self.closed and not ready(self)
            )

    def wait_closed(self, timeout: float) -> bool:
        """Wait until the pipe reached its end."""
        with self._changed:
            return self._changed.wait_for(lambda: self.closed, timeout)


class Program:
    """One running process with line-oriented stdin/stdout/stderr."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.args = args
        self.popen = subprocess.Popen(
            args,
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.stdout = Stream("stdout")
        self.stderr = Stream("stderr")
        self._readers = [
            threading.Thread(target=self.stdout.feed, args=(self.popen.stdout,), daemon=True),
            threading.Thread(target=self.stderr.feed, args=(self.popen.stderr,), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def describe(self) -> str:
        """Everything the process said so far, for failure messages."""
        return (
            f"--- {' '.join(self.args[1:])} (exit {self.popen.poll()})\n"
            f"stdout: {self.stdout.lines[-40:]}\nstderr: {self.stderr.lines[-40:]}"
        )

    def send(self, *lines: str, encoding: str = "utf-8") -> None:
        """Write lines on the program's stdin."""
        assert self.popen.stdin is not None
        self.popen.stdin.write("".join(line + "\n" for line in lines).encode(encoding))
        self.popen.stdin.flush()

    def close_stdin(self) -> None:
        """End of input for the program."""
        assert self.popen.stdin is not None
        if not self.popen.stdin.closed:
            self.popen.stdin.close()

    def out(self, pattern: str, timeout: float = WAIT) -> re.Match[str]:
        """Wait for a stdout line matching ``pattern``."""
        return self.stdout.expect(pattern, timeout, self.describe)

    def err(self, pattern: str, timeout: float = WAIT) -> re.Match[str]:
        """Wait for a stderr line matching ``pattern``."""
        return self.stderr.expect(pattern, timeout, self.describe)

    def listening_port(self) -> int:
        """The port a ``host`` command says it listens on (``--port 0`` picks one)."""
        return int(self.err(r"Listening on port (\d+)")[1])

    def interrupt(self) -> None:
        """Send SIGINT, as Ctrl+C in a terminal does."""
        self.popen.send_signal(signal.SIGINT)

    def wait_exit(self, timeout: float = WAIT) -> int:
        """Wait for the process to end and its output to be read; return its exit status."""
        try:
            code = self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running after {timeout} s\n{self.describe()}")
        self.stdout.wait_closed(timeout)
        self.stderr.wait_closed(timeout)
        return code

    def kill(self) -> None:
        """Stop the process whatever state it is in, and release its pipes."""
        if self.popen.poll() is None:
            self.popen.kill()
        self.popen.wait(10)
        for reader in self._readers:
            reader.join(10)
        for pipe in (self.popen.stdin, self.popen.stdout, self.popen.stderr):
            if pipe is not None:
                with contextlib.suppress(BrokenPipeError):
                    pipe.close()


@functools.cache
def _data_home() -> str:
    """A data folder for this test run's programs, removed when the run ends."""
    folder = tempfile.mkdtemp(prefix="chatgui-e2e-data-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def program_env(**extra: str) -> dict[str, str]:
    """The environment of a spawned program: offscreen Qt, unbuffered Python, mDNS on loopback.

    A ``host`` announces its room with multicast DNS; on loopback only, no packet of a test
    leaves this computer (``program_env(CHATGUI_DISCOVERY_INTERFACES="")`` lifts that, for
    programs inside a private network namespace).
    """
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1", CHATGUI_DISCOVERY_INTERFACES="127.0.0.1")
    # ``host`` and ``join`` keep history in the user's data folder (Qt's AppDataLocation,
    # under $XDG_DATA_HOME on Linux): a test run must not write into the real one.
    env["XDG_DATA_HOME"] = _data_home()
    env.update(extra)
    return env


def require_tool(*names: str) -> str:
    """The path of the first of ``names`` on PATH, or skip the test naming what is missing."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(f"{' or '.join(names)} is not installed (CI installs it)")
