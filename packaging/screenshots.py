"""Take the README's screenshots from the code as it is: real window, real rooms, real people.

Run under an X server (``xvfb-run -s "-screen 0 1400x900x24" python3 packaging/screenshots.py``).
Two headless hosts are started on loopback (an open room and a private one, both announced
by multicast DNS on 127.0.0.1 only); each screenshot is a fresh window process with its own
settings and history that finds them, and for the chat shots joins the open room, where a
headless member says a few things and the window answers. Nothing leaves this computer.

Usage: ``python3 packaging/screenshots.py [--out resources] [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
LOOPBACK_ONLY = {"CHATGUI_DISCOVERY_INTERFACES": "127.0.0.1", "PYTHONPATH": str(ROOT)}
PASSPHRASE = "maple-river-candle-orbit"


@dataclass(frozen=True)
class Shot:
    """One screenshot: a window of ``size`` in ``lang``, with or without the socket controls."""

    name: str
    lang: str
    size: tuple[int, int]
    socket_controls: bool
    chat: bool  # join the open room and talk (else: the first start, rooms listed)
    theme: str = "light"
    moment: str = ""  # "host": host a room a plain socket talks to; "lab": a lab run


SHOTS = (
    Shot("screenshot-rooms.png", "en", (1000, 620), socket_controls=False, chat=False),
    Shot("screenshot.png", "en", (1000, 620), socket_controls=False, chat=True),
    Shot("screenshot-socket.png", "en", (1100, 680), socket_controls=True, chat=True),
    Shot("screenshot-small.png", "en", (800, 500), socket_controls=False, chat=True),
    Shot("screenshot-rooms-zh.png", "zh_CN", (1000, 620), socket_controls=False, chat=False),
    Shot("screenshot-small-zh.png", "zh_CN", (800, 500), socket_controls=False, chat=True),
    Shot("screenshot-socket-zh.png", "zh_CN", (1100, 680), socket_controls=True, chat=True),
    Shot("screenshot-light.png", "en", (900, 560), socket_controls=False, chat=True),
    Shot("screenshot-dark.png", "en", (900, 560), socket_controls=False, chat=True, theme="dark"),
    Shot("screenshot-hosting.png", "en", (1100, 680), socket_controls=True, chat=False, moment="host"),
    Shot("lab.png", "en", (1280, 800), socket_controls=False, chat=False, moment="lab"),
)


def _host(room: str, nick: str, passphrase: str | None = None) -> tuple[subprocess.Popen[str], int]:
    env = {**os.environ, **LOOPBACK_ONLY}
    if passphrase:
        env["CHATGUI_PASSPHRASE"] = passphrase
    cmd = [sys.executable, str(MAIN), "host", "--tcp", "--port", "0", "--bind", "127.0.0.1"]
    cmd += ["--nick", nick, "--room", room, "--no-history"]
    proc = subprocess.Popen(
        cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        found = re.search(r"port (\d+)", line)
        if found:
            return proc, int(found.group(1))
    raise SystemExit(f"the host {room!r} did not start")


def main() -> int:
    """Start the hosts, take every screenshot (each in a window process of its own), stop the hosts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources")
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--shot", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.shot:
        from screenshot_window import take  # the window half, in its own process

        shot = next(s for s in SHOTS if s.name == args.shot)
        return take(shot, args.out / shot.name, args.port)
    hosts = [_host("Design team", "ann"), _host("Lab group", "li", PASSPHRASE)]
    try:
        for shot in SHOTS:
            if args.only and shot.name not in args.only:
                continue
            env = {**os.environ, **LOOPBACK_ONLY, "PYTHONPATH": f"{ROOT}{os.pathsep}{Path(__file__).parent}"}
            with tempfile.TemporaryDirectory() as home:
                env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d")
                env["XDG_CACHE_HOME"] = os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache"))
                cmd = [sys.executable, __file__, "--shot", shot.name, "--out", str(args.out)]
                cmd += ["--port", str(hosts[0][1])]
                started = time.monotonic()
                subprocess.run(cmd, env=env, check=True, timeout=120)
                print(f"{shot.name}: {time.monotonic() - started:.1f} s")
    finally:
        for proc, _port in hosts:
            proc.terminate()
            proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
