"""Is anything there? A reachability check of host:port, run in the worker's loop without blocking it.

TCP: a non-blocking connect to each resolved address in turn (at most
``MAX_ADDRESSES``), each with a timeout, closed as soon as it is accepted. UDP: a
chatgui ``ping`` to every resolved address at once from *connected* UDP sockets (only a
connected socket hears the OS's "port unreachable" on every platform) and a wait for
the ``pong`` a chatgui peer sends back. A check has its own sockets: it never touches
the running session.

A TCP check says what it is before it closes: one ``check`` frame (``CHECK_LINE``), so a
chatgui host counts it instead of showing a visitor that came and went. Hosts that do
not know the type ignore it (unknown types are ignored); a plain listener (``nc``) sees
that one line.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import time
from collections.abc import Callable
from functools import partial

from chatgui.events import CheckFinished, CheckOutcome, Event, Mode
from chatgui.net.errors import format_sockaddr
from chatgui.net.loop import Loop, Timer
from chatgui.net.resolve import AddrInfo, resolve
from chatgui.protocol.datagrams import encode_datagram
from chatgui.protocol.frames import Ping, Pong, parse_frame

TCP_TIMEOUT = 3.0
"""Seconds one connect attempt may take before it counts as timed out."""
UDP_TIMEOUT = 2.0
"""Seconds to wait for a chatgui peer's ``pong``."""
MAX_ADDRESSES = 4
"""A name with many addresses is tried on its first few only: a check must end soon."""
CHECK_TYPE = "check"
"""The frame type a TCP check sends to say it is a check, not someone joining."""
CHECK_LINE = b'{"v":1,"type":"check"}\n'
"""The whole of what a TCP check sends (one line, fits any send buffer)."""

_REFUSED = {errno.ECONNREFUSED, 10061}
_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL, 10051, 10065, 10049}
_TIMED_OUT = {errno.ETIMEDOUT, 10060}
_IN_PROGRESS = {0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, 10035}
# When every address fails, the most telling failure is reported: "refused" proves the
# computer is there; a timeout says more than "unreachable", which says more than an error.
_RANK = {CheckOutcome.REFUSED: 0, CheckOutcome.TIMED_OUT: 1, CheckOutcome.UNREACHABLE: 2}


def outcome_of(code: int) -> CheckOutcome:
    """The outcome an OS error number stands for (POSIX and Winsock numbers)."""
    if code in _REFUSED:
        return CheckOutcome.REFUSED
    if code in _UNREACHABLE:
        return CheckOutcome.UNREACHABLE
    if code in _TIMED_OUT:
        return CheckOutcome.TIMED_OUT
    return CheckOutcome.ERROR


def _words(exc: BaseException) -> str:
    return (getattr(exc, "strerror", None) or str(exc) or type(exc).__name__).strip()


class Check:
    """One check of ``host``:``port``; reports one ``CheckFinished`` through ``emit``.

    Args:
        loop: The worker's loop; every method runs in its thread.
        emit: Where the ``CheckFinished`` goes.
        mode: "tcp" or "udp".
        host: A name or an address literal (``[v6]`` brackets allowed).
        port: The port to check.
        on_done: Called with this check once it has reported (or been cancelled).
        tcp_timeout: Seconds per TCP connect attempt.
        udp_timeout: Seconds to wait for a ``pong``.
    """

    def __init__(
        self,
        loop: Loop,
        emit: Callable[[Event], None],
        mode: str,
        host: str,
        port: int,
        on_done: Callable[[Check], None],
        *,
        tcp_timeout: float = TCP_TIMEOUT,
        udp_timeout: float = UDP_TIMEOUT,
    ) -> None:
        self._loop = loop
        self._emit = emit
        self.mode: Mode = "udp" if mode == "udp" else "tcp"
        self.host = host
        self.port = port
        self._on_done = on_done
        self._tcp_timeout = tcp_timeout
        self._udp_timeout = udp_timeout
        self._pending: list[AddrInfo] = []
        self._sockets: dict[socket.socket, str] = {}  # open sockets and the address each tries
        self._timer: Timer | None = None
        self._started = 0.0
        self._failure: tuple[CheckOutcome, str, str, int] | None = None  # outcome, address, detail, code
        self._ping_ts = 0.0
        self.done = False

    def start(self) -> None:
        """Resolve the name (off the loop thread when it is a name), then probe."""
        host = self.host.strip()
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        if not 1 <= self.port <= 65535:
            self._finish(CheckOutcome.ERROR, detail=f"port {self.port} is not between 1 and 65535")
            return
        if not host:
            self._finish(CheckOutcome.NOT_FOUND)
            return
        socktype = socket.SOCK_DGRAM if self.mode == "udp" else socket.SOCK_STREAM
        resolve(self._loop, host, self.port, socktype, self._on_resolved)

    def cancel(self) -> None:
        """Stop at once and report nothing (the worker is shutting down)."""
        self._close_all()
        if not self.done:
            self.done = True
            self._on_done(self)

    # -- internals -------------------------------------------------------------------

    def _on_resolved(self, result: list[AddrInfo] | OSError) -> None:
        if self.done:
            return
        if isinstance(result, socket.gaierror):
            self._finish(CheckOutcome.NOT_FOUND, detail=_words(result))
            return
        if isinstance(result, OSError):
            self._finish(CheckOutcome.ERROR, detail=_words(result), code=result.errno or 0)
            return
        seen: set[object] = set()
        for info in result:
            if info[4] not in seen:
                seen.add(info[4])
                self._pending.append(info)
        del self._pending[MAX_ADDRESSES:]
        if not self._pending:
            self._finish(CheckOutcome.NOT_FOUND)
        elif self.mode == "udp":
            self._probe_udp()
        else:
            self._connect_next()

    def _fail(self, outcome: CheckOutcome, address: str, detail: str = "", code: int = 0) -> None:
        """Remember a failed address; the most telling failure is reported if none works."""
        best = self._failure
        if best is None or _RANK.get(outcome, 3) < _RANK.get(best[0], 3):
            self._failure = (outcome, address, detail, code)

    def _finish(
        self, outcome: CheckOutcome, address: str = "", rtt: float = 0.0, detail: str = "", code: int = 0
    ) -> None:
        if self.done:
            return
        self.done = True
        self._close_all()
        self._emit(CheckFinished(self.mode, self.host, self.port, outcome, address, rtt, detail, code))
        self._on_done(self)

    def _finish_failed(self, default: CheckOutcome) -> None:
        if self._failure is None:
            self._finish(default)
        else:
            outcome, address, detail, code = self._failure
            self._finish(outcome, address, detail=detail, code=code)

    def _close(self, sock: socket.socket) -> None:
        self._sockets.pop(sock, None)
        self._loop.remove_socket(sock)
        sock.close()

    def _close_all(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        for sock in list(self._sockets):
            self._close(sock)

    # -- TCP -------------------------------------------------------------------------

    def _connect_next(self) -> None:
        while self._pending:
            family, socktype, proto, _name, sockaddr = self._pending.pop(0)
            address = format_sockaddr(sockaddr)
            try:
                sock = socket.socket(family, socktype, proto)
            except OSError as exc:
                self._fail(CheckOutcome.ERROR, address, _words(exc), exc.errno or 0)
                continue
            sock.setblocking(False)
            code = sock.connect_ex(sockaddr)
            if code not in _IN_PROGRESS:
                sock.close()
                self._fail(outcome_of(code), address, code=code)
                continue
            self._sockets[sock] = address
            self._started = self._loop.now()
            self._loop.add_socket(sock, None, partial(self._on_connected, sock))
            self._loop.want_write(sock, True)
            self._timer = self._loop.call_later(self._tcp_timeout, partial(self._on_tcp_timeout, sock))
            return
        self._finish_failed(CheckOutcome.ERROR)

    def _on_connected(self, sock: socket.socket) -> None:
        address = self._sockets.get(sock)
        if address is None or self.done:
            return
        rtt = self._loop.now() - self._started
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if code == 0:
            with contextlib.suppress(OSError):  # the answer is in: saying who we are is a courtesy
                sock.send(CHECK_LINE)
        self._close(sock)
        if code == 0:
            self._finish(CheckOutcome.WORKS, address, rtt)
            return
        self._fail(outcome_of(code), address, code=code)
        self._connect_next()

    def _on_tcp_timeout(self, sock: socket.socket) -> None:
        self._timer = None
        address = self._sockets.get(sock)
        if address is None or self.done:
            return
        self._close(sock)
        self._fail(CheckOutcome.TIMED_OUT, address)
        self._connect_next()

    # -- UDP -------------------------------------------------------------------------

    def _probe_udp(self) -> None:
        self._ping_ts = time.time()
        probe = encode_datagram(Ping(self._ping_ts))
        self._started = self._loop.now()
        for family, socktype, proto, _name, sockaddr in self._pending:
            address = format_sockaddr(sockaddr)
            try:
                sock = socket.socket(family, socktype, proto)
            except OSError as exc:
                self._fail(CheckOutcome.ERROR, address, _words(exc), exc.errno or 0)
                continue
            try:
                sock.setblocking(False)
                sock.connect(sockaddr)
                sock.send(probe)
            except OSError as exc:
                sock.close()
                self._fail(outcome_of(exc.errno or 0), address, _words(exc), exc.errno or 0)
                continue
            self._sockets[sock] = address
            self._loop.add_socket(sock, partial(self._on_udp_readable, sock))
        self._pending = []
        if not self._sockets:
            self._finish_failed(CheckOutcome.ERROR)
            return
        self._timer = self._loop.call_later(self._udp_timeout, self._on_udp_timeout)

    def _on_udp_readable(self, sock: socket.socket) -> None:
        address = self._sockets.get(sock)
        if address is None or self.done:
            return
        for _ in range(16):  # bounded: a flood of strangers' datagrams cannot hold the loop
            try:
                data = sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self._close(sock)
                self._fail(outcome_of(exc.errno or 0), address, _words(exc), exc.errno or 0)
                if not self._sockets:
                    self._finish_failed(CheckOutcome.ERROR)
                return
            frame = parse_frame(data)
            if type(frame) is Pong and frame.ts == self._ping_ts:
                self._finish(CheckOutcome.WORKS, address, self._loop.now() - self._started)
                return

    def _on_udp_timeout(self) -> None:
        self._timer = None
        if self.done:
            return
        addresses = list(self._sockets.values())
        if addresses:
            self._finish(CheckOutcome.NO_ANSWER, addresses[0])
        else:
            self._finish_failed(CheckOutcome.NO_ANSWER)
