"""The endpoint interface: what a session runs, and what an endpoint may use of its session.

Plain Python (no Qt). ``session.py`` builds a :class:`SessionContext` for each endpoint it
starts; the endpoints (TCP host/client, UDP peer/broadcast/multicast) import only this
module, never the session, so the session can import them at its top.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Protocol

from chatgui.events import Event, ProblemOccurred, SessionConfig, SessionState
from chatgui.net.loop import Loop
from chatgui.net.resolve import AddrInfo, Resolved, resolve

Emit = Callable[[Event], None]


class SessionLike(Protocol):
    """What a :class:`SessionContext` uses of its session (``session.Session`` is one)."""

    loop: Loop
    emit: Emit
    peer_id: str
    generation: int

    def set_state(self, state: SessionState) -> None:
        """Record and report a new state."""

    def end(self, *, by_user: bool) -> None:
        """Close the endpoint and report the end."""


class FileFrames(Protocol):
    """Where an endpoint hands file frames and departures (``file_room.FileRoom`` is one)."""

    def received(self, frame: object, origin: Any) -> None:
        """A frame the endpoint does not handle itself, and where it came from (stream or address)."""

    def left(self, key: str | None) -> None:
        """A sender left the room (its address, or a TCP member's nick; None: everyone)."""

    def joined(self, origin: Any) -> None:
        """A member joined a TCP host's room (its stream): it is told the offers open in the room."""


class _NoFiles:
    """A session without files (before the session attaches its room)."""

    def received(self, frame: object, origin: Any) -> None:
        """Ignored."""

    def left(self, key: str | None) -> None:
        """Ignored."""

    def joined(self, origin: Any) -> None:
        """Ignored."""


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

    def __init__(self, session: SessionLike, config: SessionConfig, generation: int) -> None:
        self._session = session
        self._generation = generation
        self.loop = session.loop
        self.emit = session.emit
        self.config = config
        self.peer_id = session.peer_id
        self.settings = LiveSettings(config.raw, config.line_ending, config.encoding)
        self.files: FileFrames = _NoFiles()

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
            problem = replace(problem, fatal=True)
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
