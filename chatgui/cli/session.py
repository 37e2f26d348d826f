"""One headless ``host`` / ``join`` session: stdin lines to the backend, events to stdout and stderr."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot

from chatgui.cli.base import EXIT_FAILED, EXIT_OK, application
from chatgui.cli.base import tr as _t
from chatgui.cli.files import FileLines, FileSender
from chatgui.cli.io import InterruptWatcher, StdinReader, stdin_fd
from chatgui.discovery.bridge import Discovery
from chatgui.events import (
    ChatReceived,
    ChatSent,
    Listening,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptMissing,
    ReceiptReceived,
    SessionConfig,
    SessionEnded,
    SessionState,
    StateChanged,
)
from chatgui.history.rows import rows_from_events
from chatgui.history.store import room_key
from chatgui.history.writer import HistoryWriter
from chatgui.net.backend import Backend
from chatgui.protocol.printable import escape_terminal
from chatgui.sentences import describe_event

STOP_GRACE_MS = 5000  # after this long a stop that has not finished is forced

# The problems that are the outcome of one ``send`` (instead of a ``ChatSent``).
_SEND_REFUSALS = frozenset(
    {
        Problem.TEXT_TOO_LONG,
        Problem.DATAGRAM_TOO_LARGE,
        Problem.NOT_ENCODABLE,
        Problem.NO_DESTINATION,
        Problem.NOT_CONNECTED,
    }
)


def format_message(sender: str, text: str) -> list[str]:
    r"""Turn one received message into output lines ``SENDER: TEXT``.

    A text of several lines gives one output line per line, each with the same prefix, so
    every stdout line can be attributed; control characters (other than tab) and invisible
    or bidi formatting characters are shown escaped (``\x1b``, ``\u202e``).

    Args:
        sender: the nickname, or "host:port" for raw text.
        text: the message text.

    Returns:
        The lines to print, without line endings.
    """
    prefix = printable(sender) + ": "
    return [prefix + printable(line) for line in text.splitlines() or [""]]


def printable(text: str) -> str:
    r"""``text`` safe for a terminal: controls, bidi and invisible characters shown as ``\x1b``."""
    return escape_terminal(text)


class CliSession(QObject):
    """One headless session: stdin lines to the backend, events to stdout/stderr, then the exit status."""

    def __init__(
        self,
        app: QCoreApplication,
        backend: Backend,
        config: SessionConfig,
        discovery: Discovery | None = None,
        room: str = "",
        history: HistoryWriter | None = None,
    ) -> None:
        super().__init__()
        # The same rows under the same room key as the window, so the window shows them later.
        self._history = history
        self._history_room = room_key(config)
        self._app = app
        self._backend = backend
        self._config = config
        # Announced once the port is known (``--port 0`` chooses it at bind time).
        self._discovery = discovery
        self._room = room
        if discovery is not None:
            discovery.announced.connect(self.on_announced)
            discovery.unavailable.connect(self.on_discovery_unavailable)
        self._queued: list[str] = []
        self._active = False
        self._eof = False
        # After end of input we wait until every line has an outcome (sent or refused) and every
        # receipt we may get has come or been given up, so the last lines are known to have arrived.
        self._draining = False
        self._sends = 0
        self._outcomes = 0
        self._awaiting: set[int] = set()
        self._drain_limit = QTimer(self)
        self._drain_limit.setSingleShot(True)
        self._drain_limit.setInterval(int(config.receipt_timeout * 1000) + STOP_GRACE_MS)
        self._drain_limit.timeout.connect(self.on_drain_overdue)
        self._stopping = False
        self._ended = False
        self.exit_code = EXIT_OK
        self._stdout: TextIO | None = sys.stdout
        self._overdue = QTimer(self)
        self._overdue.setSingleShot(True)
        self._overdue.setInterval(STOP_GRACE_MS)
        self._overdue.timeout.connect(self.on_stop_overdue)
        self._files = FileLines()
        backend.events_received.connect(self.on_events)

    def start(self) -> None:
        """Start the session (results arrive as events)."""
        self._backend.start(self._config)

    @Slot(object)
    def on_events(self, batch: list[object]) -> None:
        """Print a batch: messages on stdout (one flush), sentences on stderr; follow the state."""
        out: list[str] = []
        notes: list[str] = []
        became_active = False
        for event in batch:
            if isinstance(event, ChatReceived):
                out.extend(format_message(event.nick, event.text))
            elif isinstance(event, RawReceived):
                out.extend(format_message(event.sender, event.text))
            elif isinstance(event, StateChanged):
                if event.state is SessionState.ACTIVE and not self._active:
                    self._active = became_active = True
                elif event.state is SessionState.IDLE:
                    if not self._active and not self._stopping:
                        self.exit_code = EXIT_FAILED  # it never started: the reason was printed before
                    self._active = False
                    self._ended = True
            elif isinstance(event, ChatSent):
                self._outcomes += 1
                if event.expects_receipt:
                    self._awaiting.add(event.msg_id)
            elif isinstance(event, ReceiptReceived | ReceiptMissing):
                self._awaiting.discard(event.msg_id)
            else:
                if isinstance(event, Listening) and self._discovery is not None:
                    self._discovery.announce(
                        self._config.nick,
                        self._room,
                        self._config.mode,
                        event.port,
                        secure=bool(self._config.passphrase),  # "secure=1"; the passphrase stays here
                    )
                if isinstance(event, ProblemOccurred):
                    if event.problem in _SEND_REFUSALS:
                        self._outcomes += 1
                    if event.fatal:
                        self.exit_code = EXIT_FAILED
                if isinstance(event, SessionEnded) and not event.by_user and not self._stopping:
                    self.exit_code = EXIT_FAILED
                sentence = describe_event(event) or self._files.line(event)
                if sentence is not None:
                    notes.append(printable(sentence))  # it may quote a peer's nick or reason
        if self._history is not None:
            # Queued before printing: whatever was printed is committed within the writer's
            # interval, which is the most a kill -9 may lose.
            self._history.submit(rows_from_events(self._history_room, batch, time.time(), describe_event))
        if out:
            self._write_stdout("\n".join(out) + "\n")
        if notes:
            sys.stderr.write("\n".join(notes) + "\n")
            sys.stderr.flush()
        if self._ended:
            self._overdue.stop()
            self._drain_limit.stop()
            self._app.quit()
        elif became_active:
            self._send_queued()
        elif self._draining and self._drained():
            self.request_stop()

    @Slot(str)
    def on_announced(self, name: str) -> None:
        """Say under which name the room can be found."""
        sys.stderr.write(
            _t('Announced on this network as "{name}" (python main.py discover lists it).').format(
                name=printable(name)
            )
            + "\n"
        )
        sys.stderr.flush()

    @Slot(str)
    def on_discovery_unavailable(self, sentence: str) -> None:
        """The room cannot be announced; hosting goes on."""
        sys.stderr.write(printable(sentence) + "\n")
        sys.stderr.flush()

    @Slot(list)
    def on_lines(self, lines: list[str]) -> None:
        """Lines from stdin: send them now, or once the session is up."""
        self._queued.extend(lines)
        if self._active:
            self._send_queued()

    @Slot()
    def on_eof(self) -> None:
        """End of stdin: send what is queued, then end the session normally."""
        self._eof = True
        if self._active:
            self._send_queued()

    def _send_queued(self) -> None:
        lines, self._queued = self._queued, []
        send = self._backend.send
        for line in lines:
            if line or self._config.raw:  # an empty chat message means nothing; an empty raw line may
                send(line)
                self._sends += 1
        if self._eof and not self._draining:
            self._draining = True
            if self._drained():
                self.request_stop()
            else:
                self._drain_limit.start()

    def _drained(self) -> bool:
        return self._outcomes >= self._sends and not self._awaiting

    @Slot()
    def on_drain_overdue(self) -> None:
        """Some receipts never came: end anyway (the receipt timeout already said so)."""
        self.request_stop()

    def request_stop(self) -> None:
        """End the session gracefully (the backend sends what is queued); force it if it hangs."""
        if self._ended:
            self._app.quit()
            return
        if self._stopping:
            # Asked twice (a second Ctrl+C): do not wait any longer.
            self._app.quit()
            return
        self._stopping = True
        self._drain_limit.stop()
        self._overdue.start()
        self._backend.stop()

    @Slot()
    def on_stop_overdue(self) -> None:
        """The backend did not finish stopping in time: leave anyway."""
        self._app.quit()

    def _write_stdout(self, text: str) -> None:
        if self._stdout is None:
            return
        try:
            self._stdout.write(text)
            self._stdout.flush()
        except (BrokenPipeError, ValueError):
            # Whoever read our output is gone (`| head`): stop, and keep Python's exit flush quiet.
            self._stdout = None
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            self.request_stop()


def open_history(path: Path) -> HistoryWriter | None:
    """A writer on the history file ``path``, or None (said on stderr) when it cannot be used."""
    try:
        return HistoryWriter(path)
    except (sqlite3.Error, OSError) as exc:
        sys.stderr.write(
            _t("The history file {path} cannot be used ({detail}); this session is not kept.").format(
                path=path, detail=exc
            )
            + "\n"
        )
        sys.stderr.flush()
        return None


def run_session(
    config: SessionConfig,
    announce_room: str | None = None,
    history: Path | None = None,
    send_files: Sequence[Path] = (),
) -> int:
    """Run one host/join session until stdin ends, a signal arrives, or the session ends.

    Args:
        config: what to start.
        announce_room: the room name to announce on the network once listening; None = do not.
        history: the history file to keep the session's messages and events in; None = keep none.
        send_files: ``send-file``'s files: offered once the session is up; it ends once they are served.

    Returns:
        The exit status (0 normal end, 1 failure).
    """
    app = application()
    writer = open_history(history) if history is not None else None
    backend = Backend()
    discovery = Discovery() if announce_room is not None else None
    session = CliSession(app, backend, config, discovery, announce_room or "", writer)
    sender = FileSender(backend, send_files, session.request_stop) if send_files else None
    watcher = InterruptWatcher(session.request_stop)
    fd = stdin_fd()
    reader = StdinReader(fd) if fd is not None else None
    if reader is not None:
        queued = Qt.ConnectionType.QueuedConnection  # emitted by the reader thread
        reader.lines_read.connect(session.on_lines, queued)
        reader.reached_eof.connect(session.on_eof, queued)
    try:
        session.start()
        if reader is not None:
            reader.start()
        app.exec()
    finally:
        watcher.close()
        if discovery is not None:
            discovery.shutdown()  # first: the room vanishes from others' lists before it closes
        backend.shutdown()
        if writer is not None:
            writer.close()
    sys.stdout.flush()
    if sender is not None and sender.failed:
        return EXIT_FAILED
    return session.exit_code
