"""One session at a time on the loop: starts the endpoint for a config, reports its life.

Plain Python (no Qt): the backend's worker owns one ``Session`` and calls it only from
the loop thread. Endpoints report through :class:`SessionContext`.
"""

from __future__ import annotations

import secrets
import socket
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from chatgui.net.events import (
    Event,
    Problem,
    ProblemOccurred,
    SessionConfig,
    SessionEnded,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.net.loop import Loop

Emit = Callable[[Event], None]
AddrInfo = tuple[Any, ...]  # one getaddrinfo entry: (family, type, proto, canonname, sockaddr)
Resolved = Callable[[list[AddrInfo] | OSError], None]


def wildcard_addrinfos(socktype: int, port: int) -> list[AddrInfo]:
    """Every interface: a dual-stack ``::`` first where IPv6 exists, then ``0.0.0.0``."""
    infos: list[AddrInfo] = []
    if socket.has_ipv6:
        infos.append((socket.AF_INET6, socktype, 0, "", ("::", port, 0, 0)))
    infos.append((socket.AF_INET, socktype, 0, "", ("0.0.0.0", port)))
    return infos


def resolve(
    loop: Loop, host: str, port: int, socktype: int, on_done: Resolved, *, passive: bool = False
) -> None:
    """``getaddrinfo`` without blocking ``loop``: ``on_done`` runs in the loop with the result.

    Numeric addresses are resolved at once. Names go to a short-lived daemon thread, so
    a slow DNS server never blocks the loop or ``stop()``; a name that cannot even be
    encoded (a label over 63 characters) fails at once, with no query sent.
    """
    flags = socket.AI_PASSIVE if passive else 0
    try:
        infos = socket.getaddrinfo(host, port, 0, socktype, 0, flags | socket.AI_NUMERICHOST)
    except socket.gaierror:
        pass  # not a literal address: a name to look up
    except UnicodeError as exc:  # not even a valid name (e.g. a label over 63 characters)
        on_done(socket.gaierror(socket.EAI_NONAME, str(exc)))
        return
    else:
        on_done(list(infos))
        return

    def lookup() -> None:
        result: list[AddrInfo] | OSError
        try:
            result = list(socket.getaddrinfo(host, port, 0, socktype, 0, flags))
        except OSError as exc:
            result = exc
        except UnicodeError as exc:  # e.g. a label over 63 characters
            result = socket.gaierror(socket.EAI_NONAME, str(exc))
        loop.submit_threadsafe(partial(on_done, result))

    threading.Thread(target=lookup, name="chatgui-resolve", daemon=True).start()


@dataclass(slots=True)
class LiveSettings:
    """The settings a user may change while a session runs."""

    raw: bool
    line_ending: str
    encoding: str


class Endpoint(ABC):
    """What a session runs: a TCP host, a TCP client or a UDP peer."""

    def __init__(self, ctx: SessionContext) -> None:
        self.ctx = ctx
        self.closed = False

    @abstractmethod
    def start(self) -> None:
        """Begin (resolve, bind, connect); report ``activated`` or ``failed`` later."""

    def close(self) -> None:
        """Release every socket and timer at once; no events after this."""
        self.closed = True

    @abstractmethod
    def send_text(self, text: str) -> None:
        """Send our own chat text (only called while active)."""

    @abstractmethod
    def settings_changed(self) -> None:
        """``ctx.settings`` changed (encoding, raw mode): apply what the endpoint keeps itself."""


class SessionContext:
    """What an endpoint may use: the loop, ``emit``, its config, and its session's callbacks."""

    def __init__(self, session: Session, config: SessionConfig, generation: int) -> None:
        self._session = session
        self._generation = generation
        self.loop = session.loop
        self.emit = session.emit
        self.config = config
        self.peer_id = session.peer_id
        self.settings = LiveSettings(config.raw, config.line_ending, config.encoding)

    @property
    def current(self) -> bool:
        """Whether this context's session is still the running one."""
        return self._session.generation == self._generation

    def activated(self) -> None:
        """The endpoint is listening / connected / bound: messages can be sent."""
        if self.current:
            self._session.set_state(SessionState.ACTIVE)

    def failed(self, problem: ProblemOccurred) -> None:
        """The endpoint cannot go on: report ``problem`` (made fatal) and end the session."""
        if not self.current:
            return
        if not problem.fatal:
            problem = ProblemOccurred(
                problem.problem,
                problem.severity,
                host=problem.host,
                port=problem.port,
                address=problem.address,
                size=problem.size,
                limit=problem.limit,
                detail=problem.detail,
                encoding=problem.encoding,
                fatal=True,
            )
        self.emit(problem)
        self._session.end(by_user=False)

    def resolve(
        self, host: str, port: int, socktype: int, on_done: Resolved, *, passive: bool = False
    ) -> None:
        """``getaddrinfo`` off the loop thread (:func:`resolve`); ``on_done`` runs if still current."""
        resolve(self.loop, host, port, socktype, partial(self._deliver, on_done), passive=passive)

    def _deliver(self, on_done: Resolved, result: list[AddrInfo] | OSError) -> None:
        if self.current:
            on_done(result)


def _factory(config: SessionConfig) -> Callable[[SessionContext], Endpoint]:
    # Imported here: the endpoint modules import this one for Endpoint/SessionContext.
    from chatgui.net.tcp_client import TcpClient
    from chatgui.net.tcp_host import TcpHost
    from chatgui.net.udp import UdpPeer
    from chatgui.net.udp_group import UdpBroadcast, UdpMulticast

    if config.mode == "udp":
        if config.role == "broadcast":
            return UdpBroadcast
        if config.role == "multicast":
            return UdpMulticast
        return UdpPeer
    if config.role == "host":
        return TcpHost
    return TcpClient


def _port_ok(config: SessionConfig) -> int | None:
    """The first invalid port in ``config`` (None if all are fine)."""
    if config.mode == "udp" and config.role in ("broadcast", "multicast"):
        # Everyone in the group sends to and listens on this one port: 0 cannot be shared.
        return None if 1 <= config.port <= 65535 else config.port
    needs_remote = (config.mode == "tcp" and config.role == "join") or (config.mode == "udp" and config.host)
    if needs_remote and not 1 <= config.port <= 65535:
        return config.port
    if config.mode == "tcp" and config.role == "host" and not 0 <= config.port <= 65535:
        return config.port
    if config.mode == "udp" and not 0 <= config.local_port <= 65535:
        return config.local_port
    return None


class Session:
    """Runs at most one endpoint; turns its life into ``StateChanged`` / ``SessionEnded`` events.

    Args:
        loop: the loop every call comes from.
        emit: where events go.
        peer_id: this app instance's random id (``peer`` field of frames).
    """

    def __init__(self, loop: Loop, emit: Emit, peer_id: str | None = None) -> None:
        self.loop = loop
        self.emit = emit
        self.peer_id = peer_id or secrets.token_hex(8)
        self.generation = 0
        self.state = SessionState.IDLE
        self._endpoint: Endpoint | None = None
        self._ctx: SessionContext | None = None

    def set_state(self, state: SessionState) -> None:
        """Record and report a new state (repeats are not reported)."""
        if state is not self.state:
            self.state = state
            self.emit(StateChanged(state))

    def start(self, config: SessionConfig) -> None:
        """Stop a running session, then start one for ``config``."""
        self.stop()
        self.generation += 1
        self.set_state(SessionState.STARTING)
        bad_port = _port_ok(config)
        if bad_port is not None:
            self.emit(ProblemOccurred(Problem.INVALID_PORT, port=bad_port, fatal=True))
            self.end(by_user=False)
            return
        ctx = SessionContext(self, config, self.generation)
        endpoint = _factory(config)(ctx)
        self._ctx, self._endpoint = ctx, endpoint
        endpoint.start()

    def stop(self) -> None:
        """End the running session by the user's wish (nothing happens when idle)."""
        if self._endpoint is None:
            return
        self.set_state(SessionState.STOPPING)
        self.end(by_user=True)

    def end(self, *, by_user: bool) -> None:
        """Close the endpoint and report the end (used by ``stop`` and by failures)."""
        endpoint, self._endpoint, self._ctx = self._endpoint, None, None
        self.generation += 1
        if endpoint is not None:
            endpoint.close()
        self.emit(SessionEnded(by_user=by_user))
        self.set_state(SessionState.IDLE)

    def send(self, text: str) -> None:
        """Send our chat text, or report why it cannot be sent."""
        if self._endpoint is None or self.state is not SessionState.ACTIVE:
            self.emit(ProblemOccurred(Problem.NOT_CONNECTED, Severity.WARNING))
            return
        self._endpoint.send_text(text)

    def set_encoding(self, encoding: str) -> None:
        """Decode and encode raw text with ``encoding`` from now on."""
        if self._ctx is not None and self._endpoint is not None:
            self._ctx.settings.encoding = encoding
            self._endpoint.settings_changed()

    def set_raw(self, raw: bool, line_ending: str) -> None:
        """Switch raw mode (and its line ending) for the running session."""
        if self._ctx is not None and self._endpoint is not None:
            self._ctx.settings.raw = raw
            self._ctx.settings.line_ending = line_ending
            self._endpoint.settings_changed()
