"""A member's side of a private room: the handshake on every connection, before its hello.

:class:`PrivateMember` is the base of ``tcp_client.TcpClient``: with a passphrase, each
connection begins with the handshake (``protocol.secure``) under a time limit; once it is
done the room code is shown and the client is in the room (``_in_room``). A wrong
passphrase, a room without one or a host refusing us ends the session; a host that came
back but does not finish is lost again (``_lose``) while reconnecting.
"""

from __future__ import annotations

from abc import abstractmethod

from chatgui.events import Problem, ProblemOccurred, RoomCode, Severity
from chatgui.net.common import HANDSHAKE_TIMEOUT_SECONDS, ROOM_NOT_PRIVATE_REASON
from chatgui.net.endpoint import Endpoint, SessionContext
from chatgui.net.loop import Timer
from chatgui.net.private import handshake_step
from chatgui.net.stream import Stream
from chatgui.protocol.errors import RemoteProtocolError
from chatgui.protocol.frames import ErrorFrame, parse_frame
from chatgui.protocol.secure import Handshake, PassphraseMismatch, RoomNotPrivate


class PrivateMember(Endpoint):
    """The handshake part of the TCP client; ``TcpClient`` adds connecting, the room and reconnecting."""

    stream: Stream | None

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self._passphrase = ctx.config.passphrase
        self._handshake: Handshake | None = None
        self._handshake_timer: Timer | None = None

    @property
    @abstractmethod
    def reconnecting(self) -> bool:
        """Whether the host was lost and the client is trying to reach it again."""

    @abstractmethod
    def _in_room(self, stream: Stream) -> None:
        """Connected (and, in a private room, sealed): say hello, and be in the room or back in it."""

    @abstractmethod
    def _lose(self, stream: Stream, problem: ProblemOccurred) -> None:
        """The host is gone: end the session, or (``reconnect``) say why and try again."""

    def _begin_handshake(self, stream: Stream) -> None:
        """Start the handshake on a new connection: hello, activation and rejoining wait for it."""
        self._handshake = Handshake(self._passphrase, host=False)
        stream.write(self._handshake.start())
        limit = self.ctx.config.connect_timeout
        limit = limit if limit > 0 else HANDSHAKE_TIMEOUT_SECONDS
        self._handshake_timer = self.ctx.loop.call_later(
            limit, lambda: self._on_handshake_timeout(stream, limit)
        )

    def on_clear_line(self, stream: Stream, line: bytes) -> None:
        """A line of the handshake (a private room's stream before its channel)."""
        handshake = self._handshake
        if handshake is None or stream is not self.stream or self.closed:
            return
        try:
            done = handshake_step(stream, handshake, line)
        except PassphraseMismatch:
            self._handshake_failed(
                stream, ProblemOccurred(Problem.PASSPHRASE_MISMATCH, address=stream.address)
            )
            return
        except RoomNotPrivate:
            frame = parse_frame(line)
            if type(frame) is ErrorFrame and frame.reason != ROOM_NOT_PRIVATE_REASON:
                # A private host refusing for another reason (a full room): its own words.
                problem = ProblemOccurred(Problem.REMOTE_REFUSED, address=stream.address, detail=frame.reason)
            else:
                problem = ProblemOccurred(Problem.ROOM_NOT_PRIVATE, address=stream.address)
            self._handshake_failed(stream, problem)
            return
        except RemoteProtocolError:  # not chatgui's handshake at all: no private room there
            self._handshake_failed(stream, ProblemOccurred(Problem.ROOM_NOT_PRIVATE, address=stream.address))
            return
        if done:
            self._stop_handshake()
            self.ctx.emit(RoomCode(stream.address, handshake.room_code))
            self._in_room(stream)

    def _stop_handshake(self) -> None:
        self._handshake = None
        if self._handshake_timer is not None:
            self._handshake_timer.cancel()
            self._handshake_timer = None

    def _handshake_failed(self, stream: Stream, problem: ProblemOccurred) -> None:
        """The handshake cannot succeed: the session ends (a wrong passphrase stays wrong)."""
        self._stop_handshake()
        if self.stream is stream:
            self.stream = None
        stream.close_after_flush()  # our confirmation goes out: the host learns it too
        self.ctx.failed(problem)

    def _on_handshake_timeout(self, stream: Stream, limit: float) -> None:
        self._handshake_timer = None
        if self.closed or stream is not self.stream or self._handshake is None:
            return
        self._handshake = None
        problem = ProblemOccurred(
            Problem.HANDSHAKE_TIMEOUT, Severity.ERROR, address=stream.address, limit=max(1, round(limit))
        )
        if self.reconnecting:
            # The host came back but does not finish: as lost as a silent host, tried again later.
            self._lose(
                stream,
                ProblemOccurred(
                    problem.problem, Severity.WARNING, address=stream.address, limit=problem.limit
                ),
            )
            return
        self._handshake_failed(stream, problem)
