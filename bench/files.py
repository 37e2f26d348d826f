r"""A file over a data connection on loopback: chatgui's FileServer + fetch against socat and ncat.

Each repetition moves the same sparse file (``--size-mib``, 1 GiB by default, created with
truncate) three ways, each between two processes on 127.0.0.1, the receiver writing a new
file in the same folder:

* ``app``: a ``FileServer`` in a child process (it serves with ``socket.sendfile``) and
  ``fetch`` in this one: the get line, ``recv_into`` a reused buffer, file writes, the
  SHA-256 of every byte, ``fsync`` and the rename, until ``on_done`` says ``ok``;
* ``socat``: ``socat -u FILE TCP-LISTEN`` → ``socat -u TCP CREATE`` (``-b 131072``);
* ``ncat``: ``ncat -l --send-only < FILE`` → ``ncat --recv-only > FILE``.

A rate is ``size / (receiver ended − receiver started)`` in MiB/s, once the sender
listens. ``app_ratio_socat`` / ``app_ratio_ncat`` pair the app with the raw tool of the same
repetition (medians over repetitions; aim ≥ 0.8). ``sha256_mib_per_s`` is hashlib on an
in-memory buffer: the ceiling for any receiver that verifies what it got on this machine;
``hash_file_mib_per_s`` is the sender's one-time ``hash_file`` before it offers.

``--sealed`` adds ``app_sealed``: the same transfer as a private room makes it (``key=``
on both ends: every byte read, sealed with ChaCha20-Poly1305 in the sender's thread and
opened in the receiver's, no ``sendfile``), with ``sealed_ratio_app`` (sealed / plain, same
repetition) and ``chacha20_mib_per_s``, one core sealing 64 KiB records in memory: the
ceiling for the sealed path here.

``gui_*`` is the chat's GUI lateness while a window receives the same file (skip it with
``--no-gui``): a real ``MainWindow`` (offscreen, history on, as the app starts it) with a real
``Backend`` joins a TCP room that ``main.py host`` runs in a child process, ``main.py
send-file`` offers the file from another, and the window saves it as the Save button does
(``FileUi.save`` → ``fetch_file``) while the host sends ``--chat-rate`` chat messages a
second into the room. A 10 ms precise ``QTimer`` in the GUI thread records how late each
tick fires from the fetch until the file is verified: ``gui_lateness_p50_ms``, ``_p99_ms``
(aim < 25), ``_max_ms``; ``gui_mib_per_s`` is the window's transfer; ``gui_chat_rows`` the
messages shown meanwhile (rows in the conversation, so the GUI really worked). Before the
Save, the same chat runs ``CHAT_ONLY_S`` seconds alone (``gui_chat_only_lateness_p99_ms``,
``_max_ms``, ``gui_chat_only_rows``): what the transfer adds is the difference. One GUI run
per invocation (not ``--repeat``): it moves the file once more, through the window.

Prints figures; asserts nothing. Talks only to 127.0.0.1.

Usage: ``python3 bench/files.py [--size-mib 1024] [--repeat 3] [--sealed] [--no-gui]
[--chat-rate 50] [--json] [--dir DIR]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path and "PYTHONPATH" not in os.environ:
    sys.path.insert(0, str(REPO_ROOT))

from chatgui.net.files import FetchResult, fetch, hash_file  # noqa: E402

MiB = 1024 * 1024
SENDER = """
import sys
from chatgui.net.files import FileServer
offer_id, token, path, size, sha = sys.argv[1:6]
key = bytes.fromhex(sys.argv[6]) if len(sys.argv) > 6 else None
server = FileServer("127.0.0.1", key=key)
server.offer(offer_id, token, path, int(size), sha)
print(server.port, flush=True)
sys.stdin.read()
server.close()
"""
OFFER_ID = "bench"
TOKEN = "b" * 43
KEY = hashlib.sha256(b"chatgui bench room").digest()
CHAT_ONLY_S = 2.0
"""How long the GUI run measures the chat alone, before the window saves the file."""


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as file:
        file.truncate(size)
        for at in (0, size // 2, size - 1):
            file.seek(at)
            file.write(b"\x01")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_listening(port: int, timeout: float = 10.0) -> None:
    """Until something listens on 127.0.0.1:``port`` (read from /proc: a probe would be accepted)."""
    needle = f"0100007F:{port:04X}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open("/proc/net/tcp", encoding="ascii") as table:
            if any(needle in line and line.split()[3] == "0A" for line in table):
                return
        time.sleep(0.002)
    raise RuntimeError(f"nothing listened on port {port}")


def run_app(source: Path, size: int, sha: str, out_dir: Path, key: bytes | None = None) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    args = [sys.executable, "-c", SENDER, OFFER_ID, TOKEN, str(source), str(size), sha]
    if key is not None:
        args.append(key.hex())
    with subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True) as child:
        assert child.stdout is not None
        assert child.stdin is not None
        port = int(child.stdout.readline())
        done = threading.Event()
        results: list[FetchResult] = []

        def on_done(result: FetchResult) -> None:
            results.append(result)
            done.set()

        start = time.monotonic()
        fetch("127.0.0.1", port, OFFER_ID, TOKEN, size, sha, out_dir, "app.bin", None, on_done, key=key)
        done.wait()
        elapsed = time.monotonic() - start
        child.stdin.close()
        child.wait(30)
    if not results[0].ok:
        raise RuntimeError(f"the app's transfer failed: {results[0]}")
    (out_dir / "app.bin").unlink()
    return size / MiB / elapsed


def _run_pair(
    sender: list[str], receiver: list[str], stdin: Path | None, stdout: Path | None, port: int
) -> float:
    with (
        open(stdin or os.devnull, "rb") as src,
        subprocess.Popen(sender, stdin=src, stdout=subprocess.DEVNULL) as send,
    ):
        _wait_listening(port)
        with open(stdout or os.devnull, "wb") as dst:
            start = time.monotonic()
            code = subprocess.run(receiver, stdout=dst, check=False).returncode
            elapsed = time.monotonic() - start
        send.wait(30)
    if code != 0:
        raise RuntimeError(f"{receiver[0]} failed ({code})")
    return elapsed


def run_socat(source: Path, size: int, out_dir: Path) -> float:
    port, out = _free_port(), out_dir / "socat.bin"
    elapsed = _run_pair(
        [
            "socat",
            "-u",
            "-b",
            "131072",
            f"OPEN:{source},rdonly",
            f"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr",
        ],
        ["socat", "-u", "-b", "131072", f"TCP:127.0.0.1:{port}", f"OPEN:{out},creat,trunc,wronly"],
        None,
        None,
        port,
    )
    if out.stat().st_size != size:
        raise RuntimeError("socat moved the wrong number of bytes")
    out.unlink()
    return size / MiB / elapsed


def run_ncat(source: Path, size: int, out_dir: Path) -> float:
    port, out = _free_port(), out_dir / "ncat.bin"
    elapsed = _run_pair(
        ["ncat", "-l", "127.0.0.1", str(port), "--send-only"],
        ["ncat", "127.0.0.1", str(port), "--recv-only"],
        source,
        out,
        port,
    )
    if out.stat().st_size != size:
        raise RuntimeError("ncat moved the wrong number of bytes")
    out.unlink()
    return size / MiB / elapsed


def sha256_ceiling() -> float:
    data = bytes(64 * MiB)
    start = time.perf_counter()
    hashlib.sha256(data).hexdigest()
    return 64 / (time.perf_counter() - start)


def chacha20_ceiling() -> float:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    cipher, record = ChaCha20Poly1305(KEY), memoryview(bytes(64 * 1024))
    out = memoryview(bytearray(64 * 1024 + 16))
    start = time.perf_counter()
    for counter in range(1024):  # 64 MiB
        cipher.encrypt_into(counter.to_bytes(12, "big"), record, b"aad!", out)
    return 64 / (time.perf_counter() - start)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def _wait_for_line(path: Path, needle: str, child: subprocess.Popen[bytes], timeout: float = 20.0) -> str:
    """The first line of the file ``path`` holding ``needle`` (a child's stderr), within ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if needle in line:
                return line
        if child.poll() is not None:
            break
        time.sleep(0.01)
    raise RuntimeError(f"{needle!r} never came from {child.args!r}")


def gui_lateness(source: Path, size: int, folder: Path, chat_rate: float) -> dict[str, Any]:
    """The window's GUI timer lateness while it saves ``source`` (see the module's docstring)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from chatgui import settings as settings_keys
    from chatgui.events import SessionConfig
    from chatgui.history.bridge import History
    from chatgui.net.backend import Backend
    from chatgui.ui import app as chatgui_app
    from chatgui.ui.transfers import Stage

    app = chatgui_app.create_application([sys.argv[0]])
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    main_py = str(REPO_ROOT / "main.py")
    downloads = folder / "gui-in"
    downloads.mkdir()
    settings = QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)
    settings.setValue(settings_keys.DOWNLOADS, str(downloads))
    backend, store = Backend(), History(folder=folder / "gui-history")
    window = chatgui_app.main_window(backend=backend, settings=settings, history=store)
    window.history_view.room = "bench-files"  # the bench starts the backend, not the window's fields
    window.show()

    def wait_until(condition: Any, what: str, timeout_s: float = 20.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            pause = QEventLoop()  # the window's events run meanwhile; no busy polling
            QTimer.singleShot(20, pause.quit)
            pause.exec()

    def ticks(done: Any, timeout_s: float) -> list[float]:
        """How late each 10 ms tick of a precise timer fires (ms), until ``done()`` or the timeout."""
        lateness: list[float] = []
        loop, timer = QEventLoop(), QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(10)
        deadline = time.monotonic() + timeout_s
        tick_at = time.perf_counter()

        def on_tick() -> None:
            nonlocal tick_at
            now = time.perf_counter()
            lateness.append(max(0.0, (now - tick_at) * 1000.0 - 10.0))
            tick_at = now
            if done() or time.monotonic() > deadline:
                loop.quit()

        timer.timeout.connect(on_tick)
        timer.start()
        loop.exec()
        timer.stop()
        return lateness

    host_err, send_err = folder / "host.err", folder / "send.err"
    host_args = [sys.executable, main_py, "host", "--tcp", "--port", "0", "--bind", "127.0.0.1"]
    host_args += ["--nick", "host", "--no-history", "--no-announce"]
    stop_chat = threading.Event()
    with (
        open(host_err, "wb") as host_log,
        subprocess.Popen(
            host_args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=host_log, env=env
        ) as host,
    ):
        assert host.stdin is not None
        chat_stdin = host.stdin
        try:
            line = _wait_for_line(host_err, "Listening on port", host)
            port = int(line.split("Listening on port", 1)[1].split()[0])
            backend.start(SessionConfig(mode="tcp", role="join", nick="bench", host="127.0.0.1", port=port))
            wait_until(lambda: window.presenter.session.roster[:1] == ("host",), "the window to join")
            send_args = [sys.executable, main_py, "send-file", "--tcp", "--nick", "sender"]
            send_args += ["127.0.0.1", str(port), str(source)]
            with (
                open(send_err, "wb") as send_log,
                subprocess.Popen(
                    send_args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=send_log, env=env
                ) as sender,
            ):
                files = window.files.transfers
                wait_until(lambda: any(e.name == source.name for e in files.entries()), "the offer")
                entry = next(e for e in files.entries() if e.name == source.name)

                def chat() -> None:  # the host types into the room at a modest, steady rate
                    sent, started = 0, time.monotonic()
                    while not stop_chat.wait(max(0.0, started + sent / chat_rate - time.monotonic())):
                        chat_stdin.write(f"chat message {sent} while a file arrives\n".encode())
                        chat_stdin.flush()
                        sent += 1

                chatter = threading.Thread(target=chat, daemon=True)
                chatter.start()
                # The same chat without a transfer first: what the transfer adds is the difference.
                rows_before = window.transcript_model.appended_count
                chat_only = ticks(lambda: False, CHAT_ONLY_S)
                chat_only_rows = window.transcript_model.appended_count - rows_before
                rows_before = window.transcript_model.appended_count
                start = time.monotonic()
                window.files.save(entry.offer_id)  # what the Save button does
                lateness = ticks(lambda: entry.stage in (Stage.SAVED, Stage.FAILED, Stage.GONE), 600.0)
                elapsed = time.monotonic() - start
                chat_rows = window.transcript_model.appended_count - rows_before
                stop_chat.set()
                chatter.join()
                if entry.stage != Stage.SAVED:
                    raise RuntimeError(f"the window's transfer did not finish: {entry.stage} {entry.note}")
                Path(entry.path).unlink()
                if sender.stdin is not None:
                    sender.stdin.close()
                sender.wait(30)
        finally:
            stop_chat.set()
            backend.shutdown()
            store.shutdown()
            window.close()
            window.deleteLater()
            QApplication.processEvents()
            chat_stdin.close()
            host.wait(30)
    del app
    return {
        "gui_mib_per_s": round(size / MiB / elapsed, 1),
        "gui_lateness_p50_ms": round(_percentile(lateness, 50), 1),
        "gui_lateness_p99_ms": round(_percentile(lateness, 99), 1),
        "gui_lateness_max_ms": round(max(lateness, default=0.0), 1),
        "gui_ticks": len(lateness),
        "gui_chat_rows": chat_rows,
        "gui_chat_rate": chat_rate,
        "gui_chat_only_lateness_p99_ms": round(_percentile(chat_only, 99), 1),
        "gui_chat_only_lateness_max_ms": round(max(chat_only, default=0.0), 1),
        "gui_chat_only_rows": chat_only_rows,
    }


def measure(
    size_mib: int, repeat: int, folder: Path, sealed: bool = False, chat_rate: float = 0.0
) -> dict[str, Any]:
    """Every figure; ``chat_rate`` 0: no GUI run."""
    size = size_mib * MiB
    source = folder / "source.bin"
    out_dir = folder / "in"
    out_dir.mkdir()
    _sparse(source, size)
    start = time.monotonic()
    _, sha = hash_file(source)
    figures: dict[str, Any] = {
        "size_mib": size_mib,
        "repeat": repeat,
        "hash_file_mib_per_s": round(size_mib / (time.monotonic() - start), 1),
        "sha256_mib_per_s": round(sha256_ceiling(), 1),
    }
    if sealed:
        figures["chacha20_mib_per_s"] = round(chacha20_ceiling(), 1)
    tools = [name for name in ("socat", "ncat") if shutil.which(name)]
    runs: list[dict[str, float]] = []
    for _ in range(repeat):
        run = {"app": run_app(source, size, sha, out_dir)}
        if sealed:
            run["app_sealed"] = run_app(source, size, sha, out_dir, KEY)
        if "socat" in tools:
            run["socat"] = run_socat(source, size, out_dir)
        if "ncat" in tools:
            run["ncat"] = run_ncat(source, size, out_dir)
        runs.append({key: round(value, 1) for key, value in run.items()})
    for key in ("app", *(["app_sealed"] if sealed else []), *tools):
        figures[f"{key}_mib_per_s"] = round(statistics.median(run[key] for run in runs), 1)
    if sealed:
        figures["sealed_ratio_app"] = round(
            statistics.median(run["app_sealed"] / run["app"] for run in runs), 3
        )
    for tool in tools:
        figures[f"app_ratio_{tool}"] = round(statistics.median(run["app"] / run[tool] for run in runs), 3)
    figures["runs"] = runs
    if chat_rate > 0:
        figures.update(gui_lateness(source, size, folder, chat_rate))
    return figures


def main(argv: list[str] | None = None) -> int:
    """Measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sealed", action="store_true", help="also the private room's sealed transfer")
    parser.add_argument("--no-gui", action="store_true", help="skip the window's GUI lateness run")
    parser.add_argument("--chat-rate", type=float, default=50.0, help="chat messages a second meanwhile")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--dir", type=Path, help="the folder to write in (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="chatgui-bench-files-", dir=args.dir) as scratch:
        rate = 0.0 if args.no_gui else max(args.chat_rate, 0.1)
        figures = measure(args.size_mib, args.repeat, Path(scratch), args.sealed, rate)
    figures["python"] = platform.python_version()
    figures["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
    figures["load_avg"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        print(json.dumps(figures))
    else:
        width = max(len(key) for key in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
