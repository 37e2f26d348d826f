"""Files from the command line (issue 15): ``send-file``, ``--accept-files DIR``, and their output lines.

``python main.py send-file --tcp HOST PORT PATH...`` joins the room (``--udp``: writes to a UDP
peer), offers each file, and serves until every offer has reached at least one receiver and
no send is running, or until Ctrl+C or the end of stdin. ``host``/``join --accept-files DIR``
fetch every offer into DIR. What happens to files is told on stderr, one line each, progress
at most once a second per transfer.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from chatgui.cli.base import tr as _t
from chatgui.cli.passphrase import add_passphrase_options
from chatgui.events import (
    FileOffered,
    FileWithdrawn,
    SessionConfig,
    SessionState,
    StateChanged,
    TransferFinished,
    TransferProgress,
)
from chatgui.net.backend import Backend
from chatgui.sentences_files import transfer_outcome

PROGRESS_SECONDS = 1.0
"""At most one progress line per transfer in this many seconds."""


def add_accept_files(parser: argparse.ArgumentParser) -> None:
    """``--accept-files DIR`` for ``host`` and ``join``."""
    parser.add_argument(
        "--accept-files",
        metavar="DIR",
        type=Path,
        help=_t(
            "receive every file offered in the room into DIR (created if needed); where each one "
            "landed is printed on stderr. Names are cleaned; nothing is opened"
        ),
    )


def add_send_file(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], port: Callable[[int], Callable[[str], int]]
) -> None:
    """The ``send-file`` command (``port(lowest)`` parses a port number from ``lowest`` up)."""
    send = commands.add_parser(
        "send-file",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=_t("offer files to a TCP room or a UDP peer and serve them"),
        description=_t(
            "Join the TCP room at HOST:PORT (--udp: write to the UDP peer there), offer each PATH,\n"
            "and serve them until every file has reached someone and no transfer runs, or until\n"
            "Ctrl+C or the end of stdin. Receivers connect to this computer for the data: a firewall\n"
            "must let them in. Progress and outcomes are printed on stderr."
        ),
        epilog=_t(
            "examples:\n"
            "  python main.py send-file --tcp 192.168.1.5 50007 photo.png --nick alice\n"
            "  python main.py send-file --udp 192.168.1.5 50007 notes.pdf report.pdf"
        ),
    )
    mode = send.add_mutually_exclusive_group(required=True)
    mode.add_argument("--tcp", dest="mode", action="store_const", const="tcp", help=_t("use TCP"))
    mode.add_argument("--udp", dest="mode", action="store_const", const="udp", help=_t("use UDP"))
    send.add_argument("host", metavar="HOST", help=_t("name or address of the room's host or the UDP peer"))
    send.add_argument("port", metavar="PORT", type=port(1), help=_t("its port"))
    send.add_argument("paths", metavar="PATH", nargs="+", type=Path, help=_t("the files to offer"))
    send.add_argument("--nick", default="", help=_t("your nickname (default: your user name)"))
    send.add_argument(
        "--local-port",
        type=port(0),
        default=0,
        metavar="N",
        help=_t("UDP only: the local port to receive on (default: 0 = any free port)"),
    )
    add_passphrase_options(send)


def send_file_config(args: argparse.Namespace, nick: str, passphrase: str) -> SessionConfig:
    """The session ``send-file`` runs: a TCP member or a UDP peer writing to HOST:PORT."""
    if args.mode == "tcp":
        return SessionConfig(
            mode="tcp", role="join", nick=nick, host=args.host, port=args.port, passphrase=passphrase
        )
    return SessionConfig(
        mode="udp",
        role="peer",
        nick=nick,
        host=args.host,
        port=args.port,
        local_port=args.local_port,
        passphrase=passphrase,
    )


def _size(value: int) -> str:
    return f"{value:,}"


def _rate(rate: float) -> str:
    return f"{rate / (1024 * 1024):.1f}"


class FileLines:
    """Turns file events into the lines a headless command prints (None: nothing to print now)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._names: dict[str, str] = {}
        self._nicks: dict[str, str] = {}
        self._printed: dict[tuple[str, str, str], float] = {}
        self._clock = clock

    def line(self, event: object) -> str | None:
        """The line for ``event``, or None (not a file event, or progress printed under a second ago)."""
        if isinstance(event, FileOffered):
            return self._offered(event)
        if isinstance(event, FileWithdrawn):
            name = self._names.get(event.offer_id, event.offer_id)
            return _t("{name} is no longer offered.").format(name=name)
        if isinstance(event, TransferProgress):
            return self._progress(event)
        if isinstance(event, TransferFinished):
            return self._finished(event)
        return None

    def _offered(self, event: FileOffered) -> str:
        self._names[event.offer_id] = event.name
        self._nicks[event.offer_id] = event.nick
        if event.own:
            return _t("Offering {name} ({size} bytes) to the room.").format(
                name=event.name, size=_size(event.size)
            )
        if event.risky:
            return _t(
                "{nick} offers {name} ({size} bytes) — a program or script: open it only if you trust {nick}."
            ).format(nick=event.nick, name=event.name, size=_size(event.size))
        return _t("{nick} offers {name} ({size} bytes).").format(
            nick=event.nick, name=event.name, size=_size(event.size)
        )

    def _progress(self, event: TransferProgress) -> str | None:
        key = (event.offer_id, event.direction, event.peer)
        now = self._clock()
        if now - self._printed.get(key, float("-inf")) < PROGRESS_SECONDS:
            return None
        self._printed[key] = now
        name = self._names.get(event.offer_id)
        percent = 100 * event.done // event.total if event.total else 100
        facts = {
            "name": name,
            "peer": event.peer,
            "done": _size(event.done),
            "total": _size(event.total),
            "percent": percent,
            "rate": _rate(event.rate),
        }
        if event.direction == "prepare" or name is None:
            return _t("Reading a file to offer: {percent}%").format(**facts)
        if event.direction == "send":
            return _t("Sending {name} to {peer}: {done} of {total} bytes ({percent}%, {rate} MiB/s)").format(
                **facts
            )
        return _t("Receiving {name}: {done} of {total} bytes ({percent}%, {rate} MiB/s)").format(**facts)

    def _finished(self, event: TransferFinished) -> str | None:
        self._printed.pop((event.offer_id, event.direction, event.peer), None)
        name = self._names.get(event.offer_id, event.offer_id)
        if event.direction == "send":
            if event.outcome == "sent":
                return _t("Sent {name} to {peer}.").format(name=name, peer=event.peer)
            return _t("Sending {name} to {peer} stopped: {why}.").format(
                name=name, peer=event.peer, why=transfer_outcome(event)
            )
        if event.direction == "prepare":
            if event.outcome in ("unreadable", "too-large"):
                return None  # the problem's sentence said why
            return _t("{name} is not offered: {why}.").format(name=name, why=transfer_outcome(event))
        if event.outcome == "ok":
            return _t("Received {name} from {nick} ({peer}): saved as {path}").format(
                name=name, nick=self._nicks.get(event.offer_id, ""), peer=event.peer, path=event.path
            )
        return _t("Receiving {name} failed: {why}.").format(name=name, why=transfer_outcome(event))


class FileSender(QObject):
    """``send-file``'s part: offers the files once the session is up, ends it once they are served.

    Args:
        backend: The session's backend.
        paths: The files to offer.
        stop: Ends the session (``CliSession.request_stop``).
    """

    def __init__(self, backend: Backend, paths: Sequence[Path], stop: Callable[[], None]) -> None:
        super().__init__()
        self._backend = backend
        self._paths = [str(p) for p in paths]
        self._stop = stop
        self._offered = False
        self._waiting: set[str] = set()  # our offers nobody has received yet
        self._pending = len(self._paths)  # files not offered or refused yet
        self._running: set[tuple[str, str]] = set()
        self.failed = False
        backend.events_received.connect(self.on_events)

    @Slot(object)
    def on_events(self, batch: list[object]) -> None:
        """Offer once active; count receivers; stop once every offer reached someone."""
        for event in batch:
            if isinstance(event, StateChanged) and event.state is SessionState.ACTIVE and not self._offered:
                self._offered = True
                for path in self._paths:
                    self._backend.offer_file(path)
            elif isinstance(event, FileOffered) and event.own:
                self._pending -= 1
                self._waiting.add(event.offer_id)
            elif isinstance(event, TransferProgress) and event.direction == "send":
                self._running.add((event.offer_id, event.peer))
            elif isinstance(event, TransferFinished):
                if event.direction == "prepare":
                    self._pending -= 1
                    self.failed = True
                elif event.direction == "send":
                    self._running.discard((event.offer_id, event.peer))
                    if event.outcome == "sent":
                        self._waiting.discard(event.offer_id)
        if self._offered and self._pending <= 0 and not self._waiting and not self._running:
            self._stop()
