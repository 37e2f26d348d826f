"""The TCP host's limits: the accept pause, the keep-alive sweep and the output budget.

What keeps a room bounded whatever its members do (README "Limits"): a member silent past
``dead_after`` is dropped, a connection that says nothing within ``hello_timeout`` is
closed, queued output over the room's ``output_budget`` costs the members furthest
behind, and when the OS runs out of file descriptors the listener pauses instead of
spinning. :class:`HostLimits` is the base of ``tcp_host.TcpHost``; it owns the state of
these limits and uses the host's listener, streams and its two callbacks.
"""

from __future__ import annotations

import errno
import socket
import time
from abc import abstractmethod

from chatgui.events import Problem, ProblemOccurred, Severity
from chatgui.net.endpoint import Endpoint, SessionContext
from chatgui.net.errors import format_sockaddr, problem_from_error
from chatgui.net.loop import Timer
from chatgui.net.stream import OutputBudget, Stream
from chatgui.protocol.frames import ErrorFrame, Ping
from chatgui.protocol.lines import encode_line

ACCEPTS_PER_WAKEUP = 64
ACCEPT_RETRY_SECONDS = 1.0
"""While the OS refuses new connections (no descriptors left), how often accepting is tried again."""
REPORT_INTERVAL_SECONDS = 1.0
"""Refusals of a full room are reported at most this often (a flood is one line, not thousands)."""
HOUSEKEEPING_MAX_SECONDS = 1.0
HOUSEKEEPING_MIN_SECONDS = 0.05
_DESCRIPTOR_ERRNOS = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
# A connection that went away between the kernel's accept and ours (or a firewall's veto):
# nothing to pause for, the next one may be fine.
_TRANSIENT_ACCEPT_ERRNOS = frozenset({errno.ECONNABORTED, errno.EPROTO, errno.EPERM, errno.ECONNRESET})


def housekeeping_interval(hello_timeout: float, keepalive: float, dead_after: float) -> float:
    """How often the host looks for silent connections: a quarter of the shortest timeout, within bounds."""
    spans = [span for span in (hello_timeout, keepalive, dead_after) if span > 0]
    if not spans:
        return HOUSEKEEPING_MAX_SECONDS
    return min(HOUSEKEEPING_MAX_SECONDS, max(HOUSEKEEPING_MIN_SECONDS, min(spans) / 4))


class HostLimits(Endpoint):
    """The bounded part of the TCP host; ``TcpHost`` adds listening, the roster and relaying."""

    accept_retry_seconds = ACCEPT_RETRY_SECONDS

    listener: socket.socket | None
    streams: dict[Stream, None]

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        config = ctx.config
        self.budget = OutputBudget(config.output_budget)
        self._cutting = False  # enforcing the output budget (its Leave broadcasts must not recurse)
        self._accept_paused = False
        self._accept_failing: Problem | None = None  # why accepting fails, until one succeeds
        self._accept_retry: Timer | None = None
        self._housekeeping: Timer | None = None
        self._interval = housekeeping_interval(config.hello_timeout, config.keepalive, config.dead_after)
        self._quiet_from = 0.0  # silence before this (our reading was paused) is not theirs

    @abstractmethod
    def _accepted(self, sock: socket.socket, address: str) -> None:
        """Take in a new connection (or refuse it: the room is full)."""

    @abstractmethod
    def _left(self, stream: Stream) -> None:
        """``stream`` is gone or being cut: tell the room and the user."""

    # -- accepting -------------------------------------------------------------------

    def _accept(self, listener: socket.socket) -> tuple[socket.socket, object]:
        """``listener.accept()`` (a seam: the test of the descriptor pause makes it fail)."""
        return listener.accept()

    def _on_accept(self) -> None:
        listener = self.listener
        if listener is None or self._accept_paused:
            return
        for _ in range(ACCEPTS_PER_WAKEUP):
            try:
                sock, addr = self._accept(listener)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                if exc.errno in _TRANSIENT_ACCEPT_ERRNOS:
                    continue
                self._pause_accepting(exc)
                return
            if self._accept_failing is not None:
                was, self._accept_failing = self._accept_failing, None
                if was is Problem.OUT_OF_DESCRIPTORS:
                    self.ctx.emit(ProblemOccurred(Problem.ACCEPTING_AGAIN, Severity.INFO))
            self._accepted(sock, format_sockaddr(addr))

    def _pause_accepting(self, exc: OSError) -> None:
        """Stop watching the listener (it would be readable, and fail, forever); try again later.

        Said once per spell: the retry and every freed descriptor try again quietly.
        """
        listener = self.listener
        if listener is None:
            return
        self._accept_paused = True
        self.ctx.loop.want_read(listener, False)
        if self._accept_retry is None:
            self._accept_retry = self.ctx.loop.call_later(self.accept_retry_seconds, self._resume_accepting)
        if self._accept_failing is not None:
            return
        if exc.errno in _DESCRIPTOR_ERRNOS:
            self._accept_failing = Problem.OUT_OF_DESCRIPTORS
            self.ctx.emit(ProblemOccurred(Problem.OUT_OF_DESCRIPTORS, Severity.WARNING))
        else:
            problem = problem_from_error(exc, severity=Severity.WARNING)
            self._accept_failing = problem.problem
            self.ctx.emit(problem)

    def _resume_accepting(self) -> None:
        """Watch the listener again (a descriptor was freed, or it is time to retry)."""
        if self._accept_retry is not None:
            self._accept_retry.cancel()
            self._accept_retry = None
        if not self._accept_paused or self.listener is None or self.closed:
            return
        self._accept_paused = False
        self.ctx.loop.want_read(self.listener, True)

    # -- housekeeping: keep-alive and timeouts ---------------------------------------

    def _on_housekeeping(self) -> None:
        """Ping quiet members, drop silent ones, close connections that never said anything."""
        self._housekeeping = None
        if self.closed:
            return
        loop, config = self.ctx.loop, self.ctx.config
        now = loop.now()
        if loop.reading_paused:
            # We are not reading (the window is catching up): nobody's silence counts meanwhile.
            self._quiet_from = now
        else:
            keepalive, dead_after, hello_timeout = config.keepalive, config.dead_after, config.hello_timeout
            quiet_from = self._quiet_from
            ping: bytes | None = None
            for stream in list(self.streams):
                if stream.closing or stream.closed:
                    continue
                if stream.chatgui:
                    if keepalive <= 0:
                        continue
                    quiet = now - max(stream.last_heard, quiet_from)
                    if 0 < dead_after <= quiet and stream.pinged > stream.last_heard:
                        self._drop_silent(stream, dead_after)  # asked, and still nothing
                    elif quiet >= keepalive and now - stream.pinged >= keepalive:
                        stream.pinged = now
                        if ping is None:
                            ping = encode_line(Ping(time.time()))
                        self._write(stream, ping)
                elif not stream.spoke and 0 < hello_timeout <= now - max(stream.opened, quiet_from):
                    self._drop_speechless(stream, hello_timeout)
        self._housekeeping = loop.call_later(self._interval, self._on_housekeeping)

    def _drop_silent(self, stream: Stream, dead_after: float) -> None:
        """A member answered nothing, not even our pings, for ``dead_after`` seconds."""
        stream.cut(encode_line(ErrorFrame(f"nothing heard from you for {dead_after:g} s; closing")))
        self.ctx.emit(
            ProblemOccurred(
                Problem.MEMBER_SILENT,
                Severity.WARNING,
                address=stream.address,
                detail=stream.nick,
                limit=int(dead_after),
            )
        )
        self._left(stream)

    def _drop_speechless(self, stream: Stream, hello_timeout: float) -> None:
        """A connection said neither hello nor a line within ``hello_timeout`` seconds."""
        if stream.sealed and stream.channel is None:
            # A private room's connection that did not finish the handshake in time.
            stream.cut(
                encode_line(ErrorFrame(f"no private-room handshake within {hello_timeout:g} s; closing"))
            )
            self.ctx.emit(
                ProblemOccurred(
                    Problem.HANDSHAKE_TIMEOUT,
                    Severity.WARNING,
                    address=stream.address,
                    limit=int(hello_timeout),
                )
            )
            self._left(stream)
            return
        stream.cut(encode_line(ErrorFrame(f"no hello and no line within {hello_timeout:g} s; closing")))
        self.ctx.emit(
            ProblemOccurred(
                Problem.HELLO_TIMEOUT, Severity.WARNING, address=stream.address, limit=int(hello_timeout)
            )
        )
        self._left(stream)

    # -- output ----------------------------------------------------------------------

    def _write(self, stream: Stream, data: bytes) -> None:
        """Queue ``data`` for ``stream``, keeping everyone's queued output within the budget."""
        stream.write(data)
        if self.budget.over:
            self._enforce_budget()

    def _enforce_budget(self) -> None:
        """Too much output waits in total: cut the members with the longest queues until it fits."""
        if self._cutting:
            return  # the Leave lines of the cut members: the loop below still watches the total
        self._cutting = True
        try:
            budget, tried = self.budget, set()
            while budget.queued > budget.limit:
                victim = max((s for s in self.streams if s.out and s not in tried), key=_queued, default=None)
                if victim is None:
                    return
                tried.add(victim)
                if victim.closing:
                    victim.cut(b"")  # already leaving: its backlog goes now
                    continue
                reason = f"you fell too far behind (the room's output budget: {budget.limit} bytes); closing"
                victim.cut(encode_line(ErrorFrame(reason)))
                self.ctx.emit(
                    ProblemOccurred(
                        Problem.OUTPUT_BUDGET, Severity.WARNING, address=victim.address, limit=budget.limit
                    )
                )
                self._left(victim)
        finally:
            self._cutting = False


def _queued(stream: Stream) -> int:
    return len(stream.out)
