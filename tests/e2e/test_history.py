"""History of the headless commands as a user meets it: a real process, a real file, kill -9 mid-flood."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.harness import WAIT, Program, Stream, program_env

pytestmark = pytest.mark.e2e

FLOOD_LINES = 20_000  # printed by the host before it is killed, over at least FLOOD_SECONDS
FLOOD_SECONDS = 1.5
# The writer gathers rows for at most 0.1 s, then commits them in one transaction; a kill
# loses what was printed since the last commit began: that window plus the commit in
# flight. This flood is far beyond any chat (~150k lines/s, the host is CPU bound and the
# writer gets its share of the GIL), so one commit takes 60-180 ms here; lines lost were
# printed 40-240 ms before the kill. 0.5 s leaves room for a slower CI machine, and the
# lost lines must be the newest ones (a prefix of the output is kept, nothing in between).
LOSS_WINDOW = 0.5


def _stored(db: Path) -> tuple[str, list[tuple[str, str, str]]]:
    with sqlite3.connect(db) as conn:
        (check,) = conn.execute("PRAGMA integrity_check").fetchone()
        rows = conn.execute("SELECT kind, sender, text FROM messages ORDER BY id").fetchall()
    conn.close()
    return check, rows


class Flood:
    """A plain socket client that sends numbered lines as fast as the host takes them."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
        self.local = f"127.0.0.1:{self.sock.getsockname()[1]}"
        self.sent = 0
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        chunk = 500
        try:
            while True:
                data = "".join(f"flood {n:07d}\n" for n in range(self.sent, self.sent + chunk))
                self.sock.sendall(data.encode())
                self.sent += chunk
        except OSError:  # the host was killed (reset), or the test closed us
            return

    def close(self) -> None:
        self.sock.close()
        self._thread.join(WAIT)


HOST = ("host", "--tcp", "--port", "0", "--bind", "127.0.0.1", "--no-announce")


def test_kill_9_mid_flood_keeps_everything_printed_but_the_last_batch(
    chatgui: Callable[..., Program], tmp_path: Path
) -> None:
    db = tmp_path / "history.sqlite3"
    host = chatgui(*HOST, "--history", str(db))
    flood = Flood(host.listening_port())
    try:

        def flooded(stdout: Stream) -> bool:
            return len(stdout.lines) >= FLOOD_LINES and time.monotonic() - stdout.times[0] >= FLOOD_SECONDS

        assert host.stdout.wait_for(flooded, WAIT * 4), host.describe()
        killed_at = time.monotonic()
        host.popen.kill()  # SIGKILL: no handler, no exit flush, the writer thread dies mid-step
        host.popen.wait(WAIT)
    finally:
        flood.close()
    assert host.stdout.wait_closed(WAIT)
    printed = [
        (line.split(": ", 1)[1], at)
        for line, at in zip(host.stdout.lines, host.stdout.times, strict=True)
        if line.startswith(flood.local + ": ")
    ]
    assert len(printed) >= FLOOD_LINES

    check, rows = _stored(db)
    assert check == "ok"
    kept = [text for kind, sender, text in rows if kind == "raw" and sender == flood.local]
    # The file holds a prefix of what was printed, in order: nothing in the middle is lost.
    assert kept == [text for text, _ in printed[: len(kept)]]
    lost = printed[len(kept) :]
    oldest_lost_age = killed_at - lost[0][1] if lost else 0.0
    assert oldest_lost_age <= LOSS_WINDOW, (
        f"{len(lost)} printed lines are not in the history; the oldest was printed "
        f"{oldest_lost_age * 1000:.0f} ms before the kill"
    )
    # Most of the flood was committed while it ran, not only at some final moment.
    assert len(kept) >= FLOOD_LINES // 2
    print(f"kept {len(kept)} of {len(printed)} printed; oldest lost line {oldest_lost_age * 1000:.0f} ms old")


def _rows(db: Path) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT room, kind, sender, text FROM messages ORDER BY id").fetchall()
    conn.close()
    return rows


def test_host_and_join_record_what_they_show_under_the_window_s_room_keys(
    chatgui: Callable[..., Program], tmp_path: Path
) -> None:
    db = tmp_path / "history.sqlite3"
    host = chatgui(*HOST, "--nick", "ann", "--history", str(db))
    port = host.listening_port()
    joiner = chatgui("join", "--tcp", "127.0.0.1", str(port), "--nick", "bob", "--history", str(db))
    joiner.err("Connected to")
    joiner.send("<b>hello</b> 你好")
    host.out(r"^bob: <b>hello</b> 你好$")
    host.send("hi bob")
    joiner.out(r"^ann: hi bob$")
    joiner.close_stdin()
    assert joiner.wait_exit() == 0
    host.err(r"bob .*left")
    host.close_stdin()
    assert host.wait_exit() == 0

    rows = _rows(db)
    host_room, join_room = "tcp-host:0", f"tcp:127.0.0.1:{port}"
    assert (host_room, "other", "bob", "<b>hello</b> 你好") in rows
    assert (host_room, "own", "ann", "hi bob") in rows
    assert (join_room, "own", "bob", "<b>hello</b> 你好") in rows
    assert (join_room, "other", "ann", "hi bob") in rows
    host_system = [text for room, kind, _, text in rows if room == host_room and kind == "system"]
    assert any("Listening on port" in text for text in host_system)
    assert any("bob joined" in text for text in host_system)
    assert any("bob (127.0.0.1:" in text and "left" in text for text in host_system)


def test_no_history_keeps_no_file(chatgui: Callable[..., Program], tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    host = chatgui(*HOST, "--no-history", env=program_env(XDG_DATA_HOME=str(data_home)))
    port = host.listening_port()
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as client:
        client.sendall(b"plain line\n")
        host.out(r": plain line$")
    host.close_stdin()
    assert host.wait_exit() == 0
    assert not any(data_home.rglob("history.sqlite3*"))


def test_default_history_is_the_window_s_file(chatgui: Callable[..., Program], tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    host = chatgui(*HOST, env=program_env(XDG_DATA_HOME=str(data_home)))
    port = host.listening_port()
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as client:
        client.sendall("raw 原文\n".encode())
        host.out(r": raw 原文$")
    host.close_stdin()
    assert host.wait_exit() == 0
    # Qt's AppDataLocation for organisation "chatgui", application "chatgui" on Linux.
    rows = _rows(data_home / "chatgui" / "chatgui" / "history.sqlite3")
    assert ("tcp-host:0", "raw", "raw 原文") in [(room, kind, text) for room, kind, _, text in rows]
