"""The TCP client: joins a host (resolves off the GUI thread, connects without blocking), then chats.

Private rooms: with a passphrase the client runs the handshake (``protocol.secure``) on
every connection before its hello, shows the room code, and seals every line after it
(its base, ``private_member.PrivateMember``).

Alive or told: after ``keepalive`` seconds without a word from a chatgui host the client
pings it, and a host silent for ``dead_after`` seconds counts as lost. A lost host ends the
session, or with ``reconnect`` the client tries again with back-off, says hello again
under the same peer id and nick, and sends what was typed meanwhile (bounded:
``reconnect.AwayQueue``).
"""

from __future__ import annotations

import errno
import os
import socket
import time

from chatgui import __version__
from chatgui.events import (
    ChatReceived,
    ChatSent,
    Connected,
    NickAssigned,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RawReceived,
    Reconnected,
    Reconnecting,
    RoomIdentified,
    RosterChanged,
    Severity,
)
from chatgui.net.common import LINE_TOO_LONG_REASON, ROOM_PRIVATE_REASON, chat_received, local_problem
from chatgui.net.endpoint import SessionContext
from chatgui.net.errors import format_sockaddr, problem_from_error
from chatgui.net.loop import Timer
from chatgui.net.private import SEALED_LINE_LIMIT, raw_refused
from chatgui.net.private_member import PrivateMember
from chatgui.net.receipts import Receipts
from chatgui.net.reconnect import AwayQueue, reconnect_delay
from chatgui.net.resolve import AddrInfo
from chatgui.net.stream import Stream, stream_problem
from chatgui.protocol.errors import NotEncodable, TextTooLong
from chatgui.protocol.frames import (
    MAX_ROSTER_NICKS,
    Ack,
    BadFrame,
    ErrorFrame,
    Hello,
    Join,
    Leave,
    Msg,
    Ping,
    Pong,
    RawText,
    Received,
    Roster,
    Welcome,
)
from chatgui.protocol.lines import encode_line
from chatgui.protocol.names import clean_nick
from chatgui.protocol.printable import one_line
from chatgui.protocol.raw import encode_raw

BAD_FRAME_REPORT_INTERVAL = 1.0
"""A host sending over-long fields is reported at most once per this many seconds."""


class TcpClient(PrivateMember):
    """Joins a host: resolves off the GUI thread, connects without blocking, then chats."""

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self.stream: Stream | None = None
        self.seq = 0
        self.hello_sent = False
        self.receipts = Receipts(ctx.loop, ctx.emit, ctx.config.receipt_timeout)
        self._pending: list[AddrInfo] = []
        self._attempt: socket.socket | None = None
        self._attempt_timer: Timer | None = None
        self._last_error: OSError | None = None
        self._joined = False  # connected once: a later loss reconnects (when asked to)
        self._host_chatgui = False  # the host spoke chatgui: a reconnect is complete once it speaks
        self._requested = clean_nick(ctx.config.nick)
        self._roster: list[str] = []  # who is in the room, as the host told us
        self._nick = self._requested  # the host may give us another (``Welcome``)
        self._alive_timer: Timer | None = None
        self._last_ping = 0.0
        self._attempt_no = 0  # reconnect attempt under way or due (0 = not reconnecting)
        self._reconnect_timer: Timer | None = None
        self._lost_address = ""
        self._away = AwayQueue(ctx.emit, self.receipts)  # typed while reconnecting
        self._bad_frame_reported = float("-inf")

    @property
    def nick(self) -> str:
        """Our nick in the room (the host may have given us another than we asked for)."""
        return self._nick

    @property
    def roster(self) -> tuple[str, ...]:
        """Who is in the room now, as the host told us (cleaned nicks)."""
        return tuple(self._roster)

    @property
    def reconnecting(self) -> bool:
        """Whether the host was lost and the client is trying to reach it again."""
        return self._attempt_no > 0

    def start(self) -> None:
        """Resolve the host, then try each address in turn."""
        config = self.ctx.config
        if raw_refused(self.ctx, self._passphrase, f"{config.host}:{config.port}"):
            return
        self._last_error = None
        self.ctx.resolve(config.host, config.port, socket.SOCK_STREAM, self._on_resolved)

    def _cannot_connect(self, error: OSError) -> None:
        """No address of the host answered: the session fails, or the next attempt is scheduled."""
        if self.reconnecting:
            self._schedule_reconnect()
            return
        self.ctx.failed(problem_from_error(error, host=self.ctx.config.host, port=self.ctx.config.port))

    def _on_resolved(self, result: list[AddrInfo] | OSError) -> None:
        if self.closed:
            return
        if isinstance(result, OSError):
            self._cannot_connect(result)
            return
        self._pending = list(result)
        self._try_next()

    def _try_next(self) -> None:
        config = self.ctx.config
        while self._pending:
            family, socktype, proto, _name, sockaddr = self._pending.pop(0)
            try:
                sock = socket.socket(family, socktype, proto)
            except OSError as exc:
                self._last_error = exc
                continue
            sock.setblocking(False)
            code = sock.connect_ex(sockaddr)
            if code not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, 10035):
                sock.close()
                self._last_error = OSError(code, _strerror(code))
                continue
            self._attempt = sock
            self.ctx.loop.add_socket(sock, None, self._on_connect_done)
            self.ctx.loop.want_write(sock, True)
            self._attempt_timer = self.ctx.loop.call_later(config.connect_timeout, self._on_connect_timeout)
            return
        self._cannot_connect(self._last_error or OSError(errno.EHOSTUNREACH, _strerror(errno.EHOSTUNREACH)))

    def _drop_attempt(self) -> socket.socket | None:
        sock, self._attempt = self._attempt, None
        if self._attempt_timer is not None:
            self._attempt_timer.cancel()
            self._attempt_timer = None
        if sock is not None:
            self.ctx.loop.remove_socket(sock)
        return sock

    def _on_connect_timeout(self) -> None:
        sock = self._drop_attempt()
        if sock is not None:
            sock.close()
        self._last_error = TimeoutError(errno.ETIMEDOUT, "connect timed out")
        self._try_next()

    def _on_connect_done(self) -> None:
        sock = self._drop_attempt()
        if sock is None:
            return
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            sock.close()
            self._last_error = OSError(code, _strerror(code))
            self._try_next()
            return
        try:
            remote = format_sockaddr(sock.getpeername())
            local = format_sockaddr(sock.getsockname())
        except OSError as exc:  # reset between connect and here
            sock.close()
            self._last_error = exc
            self._try_next()
            return
        sealed = bool(self._passphrase)
        stream = self.stream = Stream(
            self.ctx.loop, sock, remote, self, self.ctx.settings.encoding, sealed=sealed
        )
        self.hello_sent = False
        self.ctx.emit(Connected(remote, local))
        if sealed:
            self._begin_handshake(stream)  # the room comes after it
            return
        self._in_room(stream)

    def _in_room(self, stream: Stream) -> None:
        """Connected (and, in a private room, sealed): say hello, and be in the room or back in it."""
        self._say_hello()
        if not self.reconnecting:
            self._joined = True
            self.ctx.activated()
        elif self._host_chatgui and not self.ctx.settings.raw:
            # Connected is not rejoined: a frozen host's kernel still completes the handshake.
            # Back in the room once it speaks; silent past ``dead_after`` it counts as lost again.
            self._arm_alive()
        else:
            self._rejoined(stream)

    def _rejoined(self, stream: Stream) -> None:
        attempt, self._attempt_no = self._attempt_no, 0
        self.ctx.emit(Reconnected(stream.address, attempt))
        self._away.send(self.stream)

    # -- a private room ---------------------------------------------------------------

    def on_unreadable(self, stream: Stream) -> None:
        """A sealed line from the host did not open: the connection is given up (as a lost host)."""
        if self.closed or stream is not self.stream:
            return
        severity = Severity.WARNING if self.ctx.config.reconnect and self._joined else Severity.ERROR
        self._lose(stream, ProblemOccurred(Problem.UNREADABLE, severity, address=stream.address, size=1))

    def _say_hello(self) -> None:
        stream = self.stream
        if stream is not None and not self.hello_sent and not self.ctx.settings.raw:
            if stream.sealed and stream.channel is None:
                return  # said after the handshake
            self.hello_sent = True
            stream.write(encode_line(Hello(self._requested, self.ctx.peer_id, __version__)))

    # -- alive or told ---------------------------------------------------------------

    def _arm_alive(self) -> None:
        """Check on the host when a ping or the dead line is due (one timer, re-armed as it fires)."""
        stream = self.stream
        if stream is None or self._alive_timer is not None:
            return
        config = self.ctx.config
        heard = stream.last_heard
        due = min(heard + config.dead_after, max(heard, self._last_ping) + config.keepalive)
        self._alive_timer = self.ctx.loop.call_at(due, self._on_alive_due)

    def _stop_alive(self) -> None:
        if self._alive_timer is not None:
            self._alive_timer.cancel()
            self._alive_timer = None

    def _on_alive_due(self) -> None:
        self._alive_timer = None
        stream = self.stream
        if stream is None or self.closed or stream.closed or stream.closing:
            return
        loop, config = self.ctx.loop, self.ctx.config
        now = loop.now()
        heard = stream.last_heard
        if loop.reading_paused:
            # We stopped reading ourselves (the GUI is behind): the host's silence proves nothing.
            self._alive_timer = loop.call_later(config.keepalive, self._on_alive_due)
            return
        if now >= heard + config.dead_after:
            severity = Severity.WARNING if self.ctx.config.reconnect else Severity.ERROR
            seconds = max(1, round(config.dead_after))
            self._lose(
                stream, ProblemOccurred(Problem.HOST_SILENT, severity, address=stream.address, limit=seconds)
            )
            return
        if now >= max(heard, self._last_ping) + config.keepalive:
            self._last_ping = now
            stream.write(encode_line(Ping(time.time())))
        self._arm_alive()

    def _lose(self, stream: Stream, problem: ProblemOccurred) -> None:
        """The host is gone: end the session, or (``reconnect``) say why and try again."""
        self._stop_alive()
        self._stop_handshake()
        if self.stream is stream:
            self.stream = None
        stream.abort()
        if not (self.ctx.config.reconnect and self._joined):
            self.ctx.failed(problem)
            return
        self.ctx.emit(problem)
        self.ctx.files.left(None)  # the room's offers came through the host
        self._lost_address = stream.address
        self._schedule_reconnect()

    def _schedule_reconnect(self) -> None:
        self._attempt_no += 1
        delay = reconnect_delay(self._attempt_no)
        self.ctx.emit(Reconnecting(self._lost_address, self._attempt_no, delay))
        self._reconnect_timer = self.ctx.loop.call_later(delay, self._on_reconnect_due)

    def _on_reconnect_due(self) -> None:
        self._reconnect_timer = None
        if not self.closed:
            self.start()

    # -- incoming --------------------------------------------------------------------

    def on_frames(self, stream: Stream, events: list[Received], complete: bool) -> None:
        """Handle the lines of one read from the host (a flood of ``msg`` lines is the hot path)."""
        if not stream.chatgui and any(type(event) is not RawText for event in events):
            # A chatgui host answers pings; a plain program might never, so only chatgui is pinged.
            stream.chatgui = self._host_chatgui = True
            self._arm_alive()
            if self.reconnecting:
                self._rejoined(stream)
        emit, address, on_frame = self.ctx.emit, stream.address, self.on_frame
        for event in events:
            if type(event) is Msg:
                emit(chat_received(event.nick, event.text, address, event.peer, event.seq, event.ts))
            else:
                on_frame(stream, event, complete)
                if stream.closed or stream.closing:
                    return

    def on_frame(self, stream: Stream, event: Received, complete: bool) -> None:
        """Handle one line from the host."""
        emit = self.ctx.emit
        match event:
            case Msg() as m:
                emit(ChatReceived(m.nick, m.text, stream.address, m.peer, m.seq, m.ts))
            case Ack() as ack:
                if ack.peer == self.ctx.peer_id:
                    self.receipts.on_ack(ack, self.ctx.loop.now())
            case RawText() as raw:
                emit(RawReceived(stream.address, raw.text, raw.data))
            case Roster(nicks=nicks):
                self._roster = [clean_nick(nick) for nick in nicks]
                emit(RosterChanged(tuple(self._roster)))
            case Join(nick=nick):
                # The host sends the whole roster once, then who comes and goes.
                nick = clean_nick(nick)
                emit(PeerJoined(nick))
                if len(self._roster) < MAX_ROSTER_NICKS:
                    self._roster.append(nick)
                    emit(RosterChanged(tuple(self._roster)))
            case Leave(nick=nick):
                nick = clean_nick(nick)
                emit(PeerLeft(nick))
                self.ctx.files.left(nick)  # its offers go with it
                if nick in self._roster:
                    self._roster.remove(nick)
                    emit(RosterChanged(tuple(self._roster)))
            case ErrorFrame(reason=reason):
                if reason == ROOM_PRIVATE_REASON and not stream.sealed:
                    self._lose_for_good(stream, ProblemOccurred(Problem.ROOM_PRIVATE, address=stream.address))
                    return
                emit(
                    ProblemOccurred(
                        Problem.REMOTE_REFUSED, Severity.WARNING, address=stream.address, detail=reason
                    )
                )
            case Ping(ts=ts):
                stream.write(encode_line(Pong(ts)))
            case Welcome(nick=nick, room=room, name=name):
                if room:  # from the network: shown as one plain line, never as markup
                    emit(RoomIdentified(one_line(room), one_line(name)))
                assigned = clean_nick(nick)
                if assigned and assigned != self._nick:
                    self._nick = assigned
                    if assigned != self._requested:
                        emit(NickAssigned(assigned, self._requested))
            case BadFrame() as bad:
                now = self.ctx.loop.now()
                if now >= self._bad_frame_reported + BAD_FRAME_REPORT_INTERVAL:
                    self._bad_frame_reported = now
                    emit(
                        ProblemOccurred(
                            Problem.BAD_FRAME,
                            Severity.WARNING,
                            address=stream.address,
                            detail=bad.field,
                            size=bad.size,
                            limit=bad.limit,
                        )
                    )
            case _:  # file frames (issue 15); Hello, Pong, Bye, unknown types: ignored (heard is alive)
                self.ctx.files.received(event, stream)

    def _lose_for_good(self, stream: Stream, problem: ProblemOccurred) -> None:
        """The host refused us for a reason a reconnect cannot change: the session ends."""
        self._stop_alive()
        if self.stream is stream:
            self.stream = None
        stream.close_after_flush()
        self.ctx.failed(problem)

    def on_line_too_long(self, stream: Stream, limit: int) -> None:
        """The host sent a line over the limit: give up on it."""
        stream.write(encode_line(ErrorFrame(LINE_TOO_LONG_REASON.format(limit=limit))))
        stream.close_after_flush()
        self.ctx.failed(ProblemOccurred(Problem.LINE_TOO_LONG, address=stream.address, limit=limit))

    def on_stream_closed(self, stream: Stream, error: Exception | None) -> None:
        """The host went away: the session is over, or (``reconnect``) we try again."""
        if self.closed or stream is not self.stream:
            return  # our own graceful close finished, or a stream already given up
        fatal = not (self.ctx.config.reconnect and self._joined)
        self._lose(stream, stream_problem(stream, error, fatal=fatal))

    # -- outgoing --------------------------------------------------------------------

    def send_text(self, text: str) -> None:
        """Send our text to the host (JSON line, or raw bytes in raw mode); queue it while reconnecting."""
        stream = self.stream
        if stream is None and not self.reconnecting:
            self.ctx.emit(ProblemOccurred(Problem.NOT_CONNECTED, Severity.WARNING))
            return
        settings = self.ctx.settings
        nick = self._nick
        raw = settings.raw and not self._passphrase  # a private room has no raw mode
        try:
            if raw:
                data = encode_raw(text, settings.encoding, settings.line_ending)
            else:
                data = encode_line(Msg(self.ctx.peer_id, self.seq + 1, time.time(), nick, text))
        except (TextTooLong, NotEncodable) as exc:
            self.ctx.emit(local_problem(exc))
            return
        if self._passphrase and len(data) > SEALED_LINE_LIMIT:
            # Escapes can grow a text past what one sealed line holds.
            self.ctx.emit(
                ProblemOccurred(
                    Problem.TEXT_TOO_LONG, Severity.WARNING, size=len(data), limit=SEALED_LINE_LIMIT
                )
            )
            return
        self.seq += 1
        expects = not raw
        if stream is None or self.reconnecting:
            self._away.add(
                self.seq,
                data,
                expects,
                ChatSent(self.seq, nick, text, expects, raw, (self._lost_address,)),
            )
            return
        stream.write(data)
        if expects:
            self.receipts.sent(self.seq)
        self.ctx.emit(ChatSent(self.seq, nick, text, expects, raw, (stream.address,)))

    def settings_changed(self) -> None:
        """Apply a new encoding; leaving raw mode introduces us to the host."""
        if self.stream is not None:
            self.stream.set_encoding(self.ctx.settings.encoding)
            self._say_hello()

    def close(self) -> None:
        """Drop the connection (or the attempt, or the wait for the next one) at once."""
        super().close()
        sock = self._drop_attempt()
        if sock is not None:
            sock.close()
        if self._reconnect_timer is not None:
            self._reconnect_timer.cancel()
            self._reconnect_timer = None
        self._stop_alive()
        self._stop_handshake()
        self._away.give_up()
        self.receipts.close()
        if self.stream is not None:
            self.stream.close_after_flush()
            self.stream = None


def _strerror(code: int) -> str:
    try:
        return os.strerror(code)
    except ValueError:
        return f"error {code}"
