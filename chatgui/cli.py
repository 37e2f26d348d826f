"""Headless commands: host a room, join one, or check the machine, on the window's backend.

``python main.py host …`` and ``python main.py join …`` read lines on stdin and send them;
every received message is printed on stdout as ``SENDER: TEXT``; connection events and
problems go to stderr as the same sentences the window shows. Only ``QCoreApplication`` is
used here (never QtWidgets), so these commands start fast and run without a display.
"""

from __future__ import annotations

import argparse
import codecs
import getpass
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from types import FrameType
from typing import TextIO, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QSocketNotifier,
    Qt,
    QTimer,
    Signal,
    Slot,
)

from chatgui.net.backend import Backend
from chatgui.net.events import (
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
from chatgui.protocol.raw import ENCODINGS, LINE_ENDINGS
from chatgui.sentences import describe, describe_event

EXIT_OK = 0
EXIT_FAILED = 1  # could not start, the host went away, or the self-test failed
EXIT_USAGE = 2  # argparse's own status for a bad command line

DEFAULT_PORT = 50007
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

# Peer text must not drive the user's terminal: control characters are shown escaped.
_ESCAPES = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F) if code != 0x09}


def _t(text: str) -> str:
    """Translate a user-visible string of the headless commands."""
    return QCoreApplication.translate("cli", text)


def default_nick() -> str:
    """The OS user name, or "me" when the system cannot tell."""
    try:
        return getpass.getuser() or "me"
    except (KeyError, OSError, ImportError):
        return "me"


def format_message(sender: str, text: str) -> list[str]:
    r"""Turn one received message into output lines ``SENDER: TEXT``.

    A text of several lines gives one output line per line, each with the same prefix, so
    every stdout line can be attributed; control characters (other than tab) are shown as
    ``\xNN``.

    Args:
        sender: the nickname, or "host:port" for raw text.
        text: the message text.

    Returns:
        The lines to print, without line endings.
    """
    prefix = sender.translate(_ESCAPES) + ": "
    return [prefix + line.translate(_ESCAPES) for line in text.splitlines() or [""]]


# ---------------------------------------------------------------------------------------------
# Command line


def _port(lowest: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            port = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(_t("{value} is not a number").format(value=value)) from None
        if not lowest <= port <= 65535:
            raise argparse.ArgumentTypeError(
                _t("{port} is not a port: use a number from {lowest} to 65535").format(
                    port=port, lowest=lowest
                )
            )
        return port

    return parse


def _add_common(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--tcp", dest="mode", action="store_const", const="tcp", help=_t("use TCP"))
    mode.add_argument("--udp", dest="mode", action="store_const", const="udp", help=_t("use UDP"))
    parser.add_argument(
        "--nick",
        default=default_nick(),
        help=_t("your nickname (default: your user name, here %(default)s)"),
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help=_t(
            "raw mode: send each stdin line as plain bytes in --encoding with --line-ending, no JSON "
            "(to talk to nc, socat and tutorial socket scripts)"
        ),
    )
    parser.add_argument(
        "--line-ending",
        choices=list(LINE_ENDINGS),
        default="lf",
        help=_t("raw mode: what ends each line sent (default: %(default)s)"),
    )
    parser.add_argument(
        "--encoding",
        type=str.lower,
        choices=list(ENCODINGS),
        default="utf-8",
        help=_t("encoding of raw text sent and received (default: %(default)s)"),
    )


_OUTPUT_HELP = """\
Lines typed on stdin are sent (they wait until the session is up). Each received message
is printed on stdout as one line "SENDER: TEXT" (SENDER is the nickname, or host:port for
raw text); a message of several lines is printed as several lines with the same prefix, and
control characters are shown as \\xNN. Connection events and problems go to stderr.
End of input (Ctrl+D, or Ctrl+Z Enter on Windows), Ctrl+C or SIGTERM ends the session: exit
status 0. It is 1 when the session cannot start (port in use, connection refused, name not
found ...) or when the host you joined goes away, and 2 for a wrong command line."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python main.py``, with examples in every ``--help``."""
    parser = argparse.ArgumentParser(
        prog="main.py",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_t(
            "chatgui: chat over TCP or UDP on a LAN. With no arguments, opens the window;\n"
            "the commands below run without a window."
        ),
        epilog=_t(
            "examples:\n"
            "  python main.py                                  # the window\n"
            "  python main.py host --tcp --port 50007          # host a room\n"
            "  python main.py join --tcp 192.168.1.5 50007     # join it from another computer\n"
            "  python main.py host --udp --port 50007          # a UDP peer answering whoever writes\n"
            "  python main.py join --udp 192.168.1.5 50007     # a UDP peer writing to it\n"
            "  python main.py host --tcp --raw --echo          # a tutorial-style echo server\n"
            "  python main.py --self-test                      # TCP and UDP on this computer\n\n"
            "Run 'python main.py host --help' or 'python main.py join --help' for details."
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_t("exchange messages over TCP and UDP on 127.0.0.1 inside this process; exit 0 if all works"),
    )
    commands = parser.add_subparsers(dest="command", metavar="{host,join}", title=_t("commands"))

    host = commands.add_parser(
        "host",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=_t("host a TCP room, or be a UDP peer that answers whoever writes to it"),
        description=_t(
            "Host a room. --tcp: listen on --bind:--port, accept many people, relay every message "
            "to the others.\n--udp: bind --port and answer whoever writes (what you type goes to "
            "everyone heard from).\nWith --port 0 the system chooses a free port; it is printed on "
            'stderr ("Listening on port N").\n\n'
        )
        + _t(_OUTPUT_HELP),
        epilog=_t(
            "examples:\n"
            "  python main.py host --tcp                       # port 50007, every interface\n"
            "  python main.py host --tcp --port 0 --nick ann   # any free port\n"
            "  python main.py host --udp --bind 127.0.0.1 --port 9999\n"
            "  python main.py host --tcp --raw --echo          # echo server for nc / tutorial clients\n"
            "  python main.py host --tcp --raw --encoding gbk  # talk to a GBK program"
        ),
    )
    _add_common(host)
    host.add_argument(
        "--port",
        type=_port(0),
        default=DEFAULT_PORT,
        help=_t("port to listen on (default: %(default)s; 0 = any free port)"),
    )
    host.add_argument(
        "--bind",
        default="",
        metavar="ADDR",
        help=_t("address to listen on (default: every interface, IPv4 and IPv6)"),
    )
    host.add_argument(
        "--echo",
        action="store_true",
        help=_t("send every received message back to its sender (raw stays raw), like tutorial echo servers"),
    )

    join = commands.add_parser(
        "join",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=_t("join a TCP room, or write to a UDP peer"),
        description=_t(
            "Join a room. --tcp: connect to HOST:PORT (5 s timeout). --udp: send each line as one "
            "datagram to HOST:PORT\nand receive from anyone on --local-port.\n\n"
        )
        + _t(_OUTPUT_HELP),
        epilog=_t(
            "examples:\n"
            "  python main.py join --tcp 192.168.1.5 50007 --nick bob\n"
            "  python main.py join --udp ::1 50007 --local-port 50008\n"
            "  python main.py join --tcp --raw 127.0.0.1 65432  # a tutorial echo server"
        ),
    )
    _add_common(join)
    join.add_argument("host", metavar="HOST", help=_t("name or address of the other side"))
    join.add_argument("port", metavar="PORT", type=_port(1), help=_t("its port"))
    join.add_argument(
        "--local-port",
        type=_port(0),
        default=0,
        metavar="N",
        help=_t("UDP only: the local port to receive on (default: 0 = any free port)"),
    )
    return parser


def config_from_args(args: argparse.Namespace) -> SessionConfig:
    """The session a parsed ``host`` or ``join`` command line asks for."""
    common = {
        "nick": args.nick,
        "raw": args.raw,
        "line_ending": LINE_ENDINGS[args.line_ending],
        "encoding": args.encoding,
    }
    if args.command == "host":
        if args.mode == "tcp":
            return SessionConfig(
                mode="tcp", role="host", bind=args.bind, port=args.port, echo=args.echo, **common
            )
        return SessionConfig(
            mode="udp",
            role="peer",
            host="",
            bind=args.bind,
            local_port=args.port,
            port=args.port,
            echo=args.echo,
            **common,
        )
    if args.mode == "tcp":
        return SessionConfig(mode="tcp", role="join", host=args.host, port=args.port, **common)
    return SessionConfig(
        mode="udp", role="peer", host=args.host, port=args.port, local_port=args.local_port, **common
    )


def main(argv: Sequence[str]) -> int:
    """Run a headless command.

    Args:
        argv: the command line without the program name (``sys.argv[1:]``).

    Returns:
        The exit status: 0 on a normal end, 1 on a failure (explained on stderr), 2 for usage.
    """
    _utf8_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # --help, or a usage error already printed by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.self_test:
        if args.command:
            parser.error(_t("--self-test takes no command"))
        return run_self_test()
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "join" and args.mode == "tcp" and args.local_port:
        print(_t("--local-port applies to UDP only; it is ignored with --tcp."), file=sys.stderr)
    return run_session(config_from_args(args))


def _utf8_streams() -> None:
    """Write UTF-8 whatever the locale says, so every peer's text can be printed."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # One write and flush per batch is what makes a flood fast: no line buffering.
            reconfigure(encoding="utf-8", errors="backslashreplace", line_buffering=False)


def _application() -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication([sys.argv[0] if sys.argv else "chatgui"])
        app.setApplicationName("chatgui")
        app.setOrganizationName("chatgui")
    return app


# ---------------------------------------------------------------------------------------------
# Stdin and signals


class StdinReader(QObject):
    """Reads stdin in a plain daemon thread and hands the GUI thread whole lines, a chunk at a time.

    A blocking read cannot sit in the Qt event loop portably (Windows has no select on a
    console), so a thread reads and emits; the receiver lives in the GUI thread.
    """

    lines_read = Signal(list)
    reached_eof = Signal()

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self._thread = threading.Thread(target=self._run, name="chatgui-stdin", daemon=True)

    def start(self) -> None:
        """Start reading."""
        self._thread.start()

    def _run(self) -> None:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        tail = ""
        while True:
            try:
                chunk = os.read(self._fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            lines = (tail + decoder.decode(chunk)).split("\n")
            tail = lines.pop()
            if lines:
                self.lines_read.emit([line.removesuffix("\r") for line in lines])
        tail += decoder.decode(b"", final=True)
        if tail:
            self.lines_read.emit([tail.removesuffix("\r")])
        self.reached_eof.emit()


class InterruptWatcher(QObject):
    """Turns SIGINT/SIGTERM into a call in the GUI thread while Qt's event loop runs.

    Python runs signal handlers only between bytecodes; Qt's C++ loop would hold them back.
    ``signal.set_wakeup_fd`` writes a byte on a socket whose notifier wakes the loop, and the
    handler then runs at once.
    """

    def __init__(self, on_interrupt: Callable[[], None]) -> None:
        super().__init__()
        self._on_interrupt = on_interrupt
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.on_wakeup)
        self._old_wakeup = -1
        self._old_handlers: dict[int, object] = {}
        try:
            self._old_wakeup = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        except ValueError:  # not the main thread: leave signals alone
            return
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._old_handlers[signum] = signal.signal(signum, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self._on_interrupt()

    @Slot()
    def on_wakeup(self) -> None:
        """Empty the wake-up socket (the Python handler has already run or runs right now)."""
        try:
            while self._reader.recv(4096):
                pass
        except OSError:
            pass

    def close(self) -> None:
        """Restore the previous handlers and wake-up fd."""
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]  # what signal.signal returned
        if self._old_handlers:
            signal.set_wakeup_fd(self._old_wakeup)
        self._old_handlers.clear()
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


# ---------------------------------------------------------------------------------------------
# host / join


class CliSession(QObject):
    """One headless session: stdin lines to the backend, events to stdout/stderr, then the exit status."""

    def __init__(self, app: QCoreApplication, backend: Backend, config: SessionConfig) -> None:
        super().__init__()
        self._app = app
        self._backend = backend
        self._config = config
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
                if isinstance(event, ProblemOccurred):
                    if event.problem in _SEND_REFUSALS:
                        self._outcomes += 1
                    if event.fatal:
                        self.exit_code = EXIT_FAILED
                if isinstance(event, SessionEnded) and not event.by_user and not self._stopping:
                    self.exit_code = EXIT_FAILED
                sentence = describe_event(event)
                if sentence is not None:
                    notes.append(sentence)
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


def _stdin_fd() -> int | None:
    if sys.stdin is None:
        return None
    try:
        return sys.stdin.fileno()
    except (OSError, ValueError):
        return None


def run_session(config: SessionConfig) -> int:
    """Run one host/join session until stdin ends, a signal arrives, or the session ends.

    Args:
        config: what to start.

    Returns:
        The exit status (0 normal end, 1 failure).
    """
    app = _application()
    backend = Backend()
    session = CliSession(app, backend, config)
    watcher = InterruptWatcher(session.request_stop)
    fd = _stdin_fd()
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
        backend.shutdown()
    sys.stdout.flush()
    return session.exit_code


# ---------------------------------------------------------------------------------------------
# --self-test


_E = TypeVar("_E")


class _Recorder(QObject):
    """Collects one backend's events and tells the waiting check after each batch."""

    def __init__(self, name: str, on_batch: Callable[[], None]) -> None:
        super().__init__()
        self.name = name
        self.events: list[object] = []
        self._on_batch = on_batch

    @Slot(object)
    def on_events(self, batch: list[object]) -> None:
        self.events.extend(batch)
        self._on_batch()

    def first(self, kind: type[_E], where: Callable[[_E], bool] | None = None) -> _E | None:
        for event in self.events:
            if isinstance(event, kind) and (where is None or where(event)):
                return event
        return None

    def problems(self) -> list[str]:
        return [describe(e) for e in self.events if isinstance(e, ProblemOccurred)]


class SelfTest:
    """TCP host + join and UDP both ways, inside this process on 127.0.0.1 (port 0 everywhere)."""

    TIMEOUT = 5.0

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._loop: QEventLoop | None = None
        self._condition: Callable[[], bool] = lambda: False
        self._backends: list[Backend] = []
        self.passed: list[str] = []

    def _poke(self) -> None:
        if self._loop is not None and self._condition():
            self._loop.quit()

    def _backend(self, name: str) -> tuple[Backend, _Recorder]:
        backend = Backend()
        recorder = _Recorder(name, self._poke)
        backend.events_received.connect(recorder.on_events)
        self._backends.append(backend)
        return backend, recorder

    def _wait(self, condition: Callable[[], bool], what: str, *recorders: _Recorder) -> None:
        if not condition():
            loop = QEventLoop()
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(int(self.TIMEOUT * 1000))
            self._loop, self._condition = loop, condition
            try:
                loop.exec()
            finally:
                self._loop = None
                timer.stop()
        if not condition():
            problems = [p for r in recorders for p in r.problems()]
            reason = " ".join(problems) or _t("nothing happened within {s:.0f} s").format(s=self.TIMEOUT)
            raise SelfTestFailed(f"{what}: {reason}")

    def _check(self, condition: Callable[[], bool], what: str, *recorders: _Recorder) -> None:
        started = time.monotonic()
        self._wait(condition, what, *recorders)
        line = _t("ok  {what} ({ms:.0f} ms)").format(what=what, ms=(time.monotonic() - started) * 1000)
        self.passed.append(line)
        print(line, flush=True)

    @staticmethod
    def _port(recorder: _Recorder) -> int:
        event = recorder.first(Listening)
        return event.port if event is not None else 0

    def run(self) -> None:
        """Run every check; raises ``SelfTestFailed`` with a sentence at the first that fails."""
        try:
            self._tcp()
            self._udp()
        finally:
            for backend in self._backends:
                backend.shutdown()

    def _tcp(self) -> None:
        host, h = self._backend("tcp-host")
        host.start(SessionConfig(mode="tcp", role="host", nick="selftest-host", bind="127.0.0.1", port=0))
        self._check(lambda: h.first(Listening) is not None, _t("TCP host listens on 127.0.0.1"), h)
        port = self._port(h)
        guest, g = self._backend("tcp-guest")
        guest.start(
            SessionConfig(mode="tcp", role="join", nick="selftest-guest", host="127.0.0.1", port=port)
        )
        self._check(
            lambda: g.first(StateChanged, lambda e: e.state is SessionState.ACTIVE) is not None,
            _t("TCP join connects to 127.0.0.1:{port}").format(port=port),
            g,
            h,
        )
        text = "hello over TCP, 你好 🙂"
        guest.send(text)
        self._check(
            lambda: (
                h.first(ChatReceived, lambda e: e.text == text and e.nick == "selftest-guest") is not None
            ),
            _t("TCP host receives the guest's message"),
            h,
            g,
        )
        self._check(
            lambda: g.first(ReceiptReceived) is not None, _t("TCP guest gets a receipt from the host"), g, h
        )
        host.send("reply over TCP")
        self._check(
            lambda: g.first(ChatReceived, lambda e: e.text == "reply over TCP") is not None,
            _t("TCP guest receives the host's reply"),
            g,
            h,
        )

    def _udp(self) -> None:
        a_backend, a = self._backend("udp-a")
        a_backend.start(SessionConfig(mode="udp", role="peer", nick="selftest-a", bind="127.0.0.1", host=""))
        self._check(lambda: a.first(Listening) is not None, _t("UDP peer A is bound on 127.0.0.1"), a)
        port = self._port(a)
        b_backend, b = self._backend("udp-b")
        b_backend.start(
            SessionConfig(
                mode="udp", role="peer", nick="selftest-b", bind="127.0.0.1", host="127.0.0.1", port=port
            )
        )
        self._check(lambda: b.first(Listening) is not None, _t("UDP peer B is bound on 127.0.0.1"), b)
        b_backend.send("hello over UDP")
        self._check(
            lambda: a.first(ChatReceived, lambda e: e.text == "hello over UDP") is not None,
            _t("UDP peer A receives B's datagram"),
            a,
            b,
        )
        self._check(lambda: b.first(ReceiptReceived) is not None, _t("UDP peer B gets A's receipt"), b, a)
        a_backend.send("reply over UDP")
        self._check(
            lambda: b.first(ChatReceived, lambda e: e.text == "reply over UDP") is not None,
            _t("UDP peer A answers B (who wrote to it)"),
            b,
            a,
        )
        self._check(lambda: a.first(ReceiptReceived) is not None, _t("UDP peer A gets B's receipt"), a, b)


class SelfTestFailed(Exception):
    """A self-test check did not pass; the message says which and why."""


def run_self_test() -> int:
    """Exchange messages over TCP and UDP on 127.0.0.1 in this process; print what was checked.

    Returns:
        0 when every check passed, 1 otherwise (with a sentence on stderr).
    """
    test = SelfTest(_application())
    try:
        test.run()
    except SelfTestFailed as failure:
        print(_t("FAILED  {failure}").format(failure=failure), file=sys.stderr, flush=True)
        return EXIT_FAILED
    print(
        _t("self-test passed: {n} checks over TCP and UDP on 127.0.0.1").format(n=len(test.passed)),
        flush=True,
    )
    return EXIT_OK
