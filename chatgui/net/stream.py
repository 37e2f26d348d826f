"""One TCP connection on the loop: bounded output buffer, line framer, orderly and lingering close."""

from __future__ import annotations

import contextlib
import socket
from typing import Protocol

from chatgui.events import Problem, ProblemOccurred, Severity
from chatgui.net.errors import problem_from_error
from chatgui.net.loop import Loop, Timer
from chatgui.protocol.errors import LineTooLong, LocalProtocolError
from chatgui.protocol.frames import RawText, Received, parse_frame
from chatgui.protocol.lines import Closed, LineFramer
from chatgui.protocol.secure import MAX_SEALED_LINE_BYTES, SecureChannel, SecureError

MAX_OUTPUT_BYTES = 4 * 1024 * 1024
"""A peer that stops reading is disconnected once this much output waits for it."""

RECV_BYTES = 65536
LINGER_SECONDS = 2.0
"""After refusing a peer, how long we keep draining its input so our last words reach it."""


class OutputOverflow(Exception):
    """The peer stopped reading and our output for it went over ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} bytes of output waiting")
        self.limit = limit


class OutputBudget:
    """Queued outgoing bytes of many streams together, kept up to date by each stream (O(1) a write).

    The owner compares ``queued`` with ``limit`` after writing and cuts the slowest
    streams when it is over (see ``TcpHost``).
    """

    __slots__ = ("limit", "queued")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.queued = 0

    @property
    def over(self) -> bool:
        """Whether more bytes are queued than the budget allows."""
        return self.queued > self.limit


class StreamHandler(Protocol):
    """What a stream tells its owner (all calls come from the loop thread)."""

    def on_frames(self, stream: Stream, events: list[Received], complete: bool) -> None:
        """Lines arrived, in order (one call per read).

        ``complete`` is False when the last may be a tail shown early or at close. Stop
        at once if the stream becomes ``closed`` or ``closing``.
        """

    def on_line_too_long(self, stream: Stream, limit: int) -> None:
        """The peer sent a line over ``limit``; reading stopped. Close or answer the stream."""

    def on_stream_closed(self, stream: Stream, error: Exception | None) -> None:
        """The stream is gone: ``None`` for an orderly close, else what broke it."""

    def on_clear_line(self, stream: Stream, line: bytes) -> None:
        """A sealed stream without its channel yet: one complete line (a handshake line, or a stranger's)."""

    def on_unreadable(self, stream: Stream) -> None:
        """A sealed line did not open (changed, forged, out of order): the stream must be given up."""


class Stream:
    """A connected non-blocking TCP socket, its framer and its bounded output.

    Attributes left for the owner: ``nick`` (from the peer's Hello), ``chatgui``
    (whether it speaks the chatgui dialect), ``raw_seq`` (numbering of its raw lines),
    ``spoke`` (it sent a complete line) and ``pinged`` (when we last sent it a ping).
    ``opened`` is when the stream was made (loop clock). With ``budget``, every change
    of the queued output is added to that shared count.

    A ``sealed`` stream belongs to a private room: its framer hands out whole lines only
    (never a tail), each goes to the handler's ``on_clear_line`` until the owner sets
    ``channel`` (after the handshake); from then on every line read is opened with it and
    every line written is sealed with it. A plain stream pays for none of this but one
    attribute test per write and per read.
    """

    def __init__(
        self,
        loop: Loop,
        sock: socket.socket,
        address: str,
        handler: StreamHandler,
        encoding: str,
        max_output: int = MAX_OUTPUT_BYTES,
        budget: OutputBudget | None = None,
        *,
        sealed: bool = False,
    ) -> None:
        self.loop = loop
        self.sock = sock
        self.address = address
        self.handler = handler
        self.sealed = sealed
        self.channel: SecureChannel | None = None
        """The private room's channel once the handshake is done (owner's to set)."""
        self.framer = (
            LineFramer(encoding, MAX_SEALED_LINE_BYTES, sealed=True) if sealed else LineFramer(encoding)
        )
        self.out = bytearray()
        self.max_output = max_output
        self.closed = False
        self.closing = False
        self.nick = ""
        self.chatgui = False
        self.raw_seq = 0
        self.spoke = False
        self.peer = ""  # the app instance id from its Hello
        self.refused_at = -1e9  # when its last ``error`` frame was reported to the user
        self.budget = budget
        self.last_heard = self.opened = self.pinged = loop.now()
        """When anything last arrived from the peer (loop clock): what keep-alive checks."""
        self._broken = False
        self._error: Exception | None = None
        self._tail_timer: Timer | None = None
        self._linger_timer: Timer | None = None
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        loop.add_socket(sock, self._on_readable, self._on_writable)

    # -- output ----------------------------------------------------------------------

    def write(self, data: bytes) -> None:
        """Queue ``data``; sent at once if possible. Overflow or errors close the stream soon."""
        if self._broken or self.closed:
            return
        if self.channel is not None:
            sealed = self._seal(data)
            if sealed is None:
                return
            data = sealed
        out = self.out
        if out:
            if len(out) + len(data) > self.max_output:
                self._break(OutputOverflow(self.max_output))
                return
            out += data
            if self.budget is not None:
                self.budget.queued += len(data)
            return
        try:
            sent = self.sock.send(data)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError as exc:
            self._break(exc)
            return
        if sent < len(data):
            if len(data) - sent > self.max_output:
                self._break(OutputOverflow(self.max_output))
                return
            out += memoryview(data)[sent:]
            if self.budget is not None:
                self.budget.queued += len(data) - sent
            self.loop.want_write(self.sock, True)

    def _seal(self, data: bytes) -> bytes | None:
        """``data`` (whole lines) as sealed lines, one for each; None if one cannot be sealed."""
        seal = self.channel.seal  # type: ignore[union-attr]  # only called with a channel
        lines = data.split(b"\n")
        if not lines[-1]:
            lines.pop()
        try:
            return b"".join([seal(line) for line in lines])
        except LocalProtocolError as exc:  # a line over the sealing limit (the owners keep under it)
            self._break(exc)
            return None

    def _on_writable(self) -> None:
        out = self.out
        if out:
            try:
                sent = self.sock.send(out)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self._break(exc)
                return
            del out[:sent]
            if self.budget is not None:
                self.budget.queued -= sent
        if not out:
            self.loop.want_write(self.sock, False)
            if self.closing:
                with contextlib.suppress(OSError):
                    self.sock.shutdown(socket.SHUT_WR)

    # -- input -----------------------------------------------------------------------

    def _on_readable(self) -> None:
        try:
            data = self.sock.recv(RECV_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            if self.closing:
                self._finish(None)
                return
            self._error = exc
            data = b""
        if self.closing:
            if not data:
                self._finish(None)
            return  # refused peer: its input is drained and dropped
        now = self.loop.now()
        self.last_heard = now
        try:
            self.framer.receive_data(data, now)
        except LineTooLong as exc:
            self._drain(now, complete=True)
            if not self.closed:
                self.loop.want_read(self.sock, False)
                self.handler.on_line_too_long(self, exc.limit)
            return
        self._drain(now, complete=bool(data))
        if not self.closed and self._tail_timer is None:
            deadline = self.framer.next_deadline()
            if deadline is not None:
                self._tail_timer = self.loop.call_at(deadline, self._on_tail_due)

    def _on_tail_due(self) -> None:
        self._tail_timer = None
        if self.closed or self.closing:
            return
        self._drain(self.loop.now(), complete=False)
        deadline = self.framer.next_deadline()
        if deadline is not None and not self.closed:
            self._tail_timer = self.loop.call_at(deadline, self._on_tail_due)

    def _drain(self, now: float, complete: bool) -> None:
        if self.closed or self.closing:
            return
        events = self.framer.next_events(now)
        if not events:
            return
        last = events[-1]
        if type(last) is Closed:
            events.pop()
        if self.sealed and events:
            opened = self._open(events)  # type: ignore[arg-type]  # Closed is only ever last
            if opened is None:
                return
            events = opened
        if events:
            # One call per recv, not per line: the handler loops over a whole read.
            self.handler.on_frames(self, events, complete)  # type: ignore[arg-type]  # Closed is only ever last
        if type(last) is Closed and not self.closed and not self.closing:
            self._finish(self._error)

    def _open(self, lines: list[RawText]) -> list[Received | Closed] | None:
        """A sealed stream's lines: clear ones to the handler, sealed ones opened and parsed.

        None when the stream closed meanwhile (a failed handshake, an unreadable line).
        """
        events: list[Received | Closed] = []
        for raw in lines:
            channel = self.channel
            if channel is None:  # the channel only ever comes, so these lines precede the sealed ones
                self.handler.on_clear_line(self, raw.data)
            else:
                try:
                    line = channel.open(raw.data)
                except SecureError:
                    self.handler.on_unreadable(self)
                    return None
                frame = parse_frame(line)
                events.append(
                    frame
                    if frame is not None
                    else RawText(line.decode(self.framer.encoding, "replace"), line, b"\n")
                )
            if self.closed or self.closing:
                return None
        return events

    # -- closing ---------------------------------------------------------------------

    def set_encoding(self, encoding: str) -> None:
        """Decode raw text with ``encoding`` from now on."""
        self.framer.encoding = encoding

    def close_after_flush(self) -> None:
        """Send what is queued, then close; keep draining input meanwhile so it all arrives.

        Closing at once with unread input makes the kernel send a reset, which can
        destroy our last words (an ``error`` frame) before the peer reads them.
        """
        if self.closed or self.closing:
            return
        self.closing = True
        self.loop.want_read(self.sock, True)
        if not self.out:
            with contextlib.suppress(OSError):
                self.sock.shutdown(socket.SHUT_WR)
        self._linger_timer = self.loop.call_later(LINGER_SECONDS, lambda: self._finish(None))

    def cut(self, last_words: bytes) -> None:
        """Drop what is queued (all but the rest of a line already begun), send ``last_words``, close.

        For a peer that fell too far behind: its backlog is never sent, so its memory is
        freed now; the line the kernel already has the start of is finished first, so
        ``last_words`` arrive as a line of their own.
        """
        if self.closed:
            return
        out = self.out
        self._drop_output(out.find(b"\n") + 1)  # no line ending at all: nothing is kept
        if not self._broken and not self.closing and last_words:
            if self.channel is not None:
                last_words = self._seal(last_words) or b""
            out += last_words
            if self.budget is not None:
                self.budget.queued += len(last_words)
            self.loop.want_write(self.sock, True)
        self.close_after_flush()

    def _drop_output(self, keep: int) -> None:
        """Forget the queued output after its first ``keep`` bytes."""
        out = self.out
        if len(out) > keep:
            if self.budget is not None:
                self.budget.queued -= len(out) - keep
            del out[keep:]

    def abort(self) -> None:
        """Close now, without telling the handler."""
        if self.closed:
            return
        self.closed = True
        self._release()

    def _break(self, exc: Exception) -> None:
        """A write failed: report it from the loop, not from inside the caller's iteration."""
        self._broken = True
        self.loop.call_later(0.0, lambda: self._finish(exc))

    def _finish(self, error: Exception | None) -> None:
        if self.closed:
            return
        self.closed = True
        self._release()
        self.handler.on_stream_closed(self, error)

    def _release(self) -> None:
        for timer in (self._tail_timer, self._linger_timer):
            if timer is not None:
                timer.cancel()
        self.loop.remove_socket(self.sock)
        with contextlib.suppress(OSError):
            self.sock.close()
        self._drop_output(0)


def stream_problem(stream: Stream, error: Exception | None, *, fatal: bool) -> ProblemOccurred:
    """Why ``stream`` ended, as an event (``None`` = the other side closed)."""
    severity = Severity.ERROR if fatal else Severity.WARNING
    if error is None:
        return ProblemOccurred(Problem.HOST_CLOSED, severity, address=stream.address, fatal=fatal)
    if isinstance(error, OutputOverflow):
        return ProblemOccurred(
            Problem.PEER_TOO_SLOW, severity, address=stream.address, limit=error.limit, fatal=fatal
        )
    problem = problem_from_error(error, severity=severity, fatal=fatal)
    if problem.problem is Problem.OS_ERROR:
        return problem
    return ProblemOccurred(problem.problem, severity, address=stream.address, fatal=fatal)
