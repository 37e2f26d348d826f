"""The TCP client: joins a host (resolves off the GUI thread, connects without blocking), then chats."""

from __future__ import annotations

import errno
import os
import socket
import time

from chatgui import __version__
from chatgui.net.common import chat_received, clean_nick, local_problem
from chatgui.net.errors import format_sockaddr, problem_from_error
from chatgui.net.events import (
    ChatReceived,
    ChatSent,
    Connected,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RawReceived,
    RosterChanged,
    Severity,
)
from chatgui.net.loop import Timer
from chatgui.net.receipts import Receipts
from chatgui.net.session import AddrInfo, Endpoint, SessionContext
from chatgui.net.stream import Stream, stream_problem
from chatgui.protocol.errors import NotEncodable, TextTooLong
from chatgui.protocol.frames import (
    Ack,
    ErrorFrame,
    Frame,
    Hello,
    IgnoredFrame,
    Join,
    Leave,
    Msg,
    Ping,
    Pong,
    RawText,
    Roster,
)
from chatgui.protocol.lines import encode_line
from chatgui.protocol.raw import encode_raw


class TcpClient(Endpoint):
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

    def start(self) -> None:
        """Resolve the host, then try each address in turn."""
        config = self.ctx.config
        self.ctx.resolve(config.host, config.port, socket.SOCK_STREAM, self._on_resolved)

    def _on_resolved(self, result: list[AddrInfo] | OSError) -> None:
        if isinstance(result, OSError):
            self.ctx.failed(problem_from_error(result, host=self.ctx.config.host, port=self.ctx.config.port))
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
        error = self._last_error or OSError(errno.EHOSTUNREACH, _strerror(errno.EHOSTUNREACH))
        self.ctx.failed(problem_from_error(error, host=config.host, port=config.port))

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
        self.stream = Stream(self.ctx.loop, sock, remote, self, self.ctx.settings.encoding)
        self.ctx.emit(Connected(remote, local))
        self._say_hello()
        self.ctx.activated()

    def _say_hello(self) -> None:
        if self.stream is not None and not self.hello_sent and not self.ctx.settings.raw:
            self.hello_sent = True
            nick = clean_nick(self.ctx.config.nick)
            self.stream.write(encode_line(Hello(nick, self.ctx.peer_id, __version__)))

    # -- incoming --------------------------------------------------------------------

    def on_frames(self, stream: Stream, events: list[Frame | IgnoredFrame | RawText], complete: bool) -> None:
        """Handle the lines of one read from the host (a flood of ``msg`` lines is the hot path)."""
        emit, address, on_frame = self.ctx.emit, stream.address, self.on_frame
        for event in events:
            if type(event) is Msg:
                emit(chat_received(event.nick, event.text, address, event.peer, event.seq, event.ts))
            else:
                on_frame(stream, event, complete)
                if stream.closed or stream.closing:
                    return

    def on_frame(self, stream: Stream, event: Frame | IgnoredFrame | RawText, complete: bool) -> None:
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
                emit(RosterChanged(tuple(nicks)))
            case Join(nick=nick):
                emit(PeerJoined(nick))
            case Leave(nick=nick):
                emit(PeerLeft(nick))
            case ErrorFrame(reason=reason):
                emit(
                    ProblemOccurred(
                        Problem.REMOTE_REFUSED, Severity.WARNING, address=stream.address, detail=reason
                    )
                )
            case Ping(ts=ts):
                stream.write(encode_line(Pong(ts)))
            case _:
                pass  # Hello, Pong, Bye and unknown types: nothing to do

    def on_line_too_long(self, stream: Stream, limit: int) -> None:
        """The host sent a line over the limit: give up on it."""
        stream.write(encode_line(ErrorFrame(f"line too long (over {limit} bytes); closing")))
        stream.close_after_flush()
        self.ctx.failed(ProblemOccurred(Problem.LINE_TOO_LONG, address=stream.address, limit=limit))

    def on_stream_closed(self, stream: Stream, error: Exception | None) -> None:
        """The host went away: the session is over."""
        if self.closed:
            return  # our own graceful close finished
        self.stream = None
        self.ctx.failed(stream_problem(stream, error, fatal=True))

    # -- outgoing --------------------------------------------------------------------

    def send_text(self, text: str) -> None:
        """Send our text to the host (JSON line, or raw bytes in raw mode)."""
        stream = self.stream
        if stream is None:
            self.ctx.emit(ProblemOccurred(Problem.NOT_CONNECTED, Severity.WARNING))
            return
        settings = self.ctx.settings
        nick = clean_nick(self.ctx.config.nick)
        try:
            if settings.raw:
                data = encode_raw(text, settings.encoding, settings.line_ending)
            else:
                data = encode_line(Msg(self.ctx.peer_id, self.seq + 1, time.time(), nick, text))
        except (TextTooLong, NotEncodable) as exc:
            self.ctx.emit(local_problem(exc))
            return
        self.seq += 1
        stream.write(data)
        expects = not settings.raw
        if expects:
            self.receipts.sent(self.seq)
        self.ctx.emit(ChatSent(self.seq, nick, text, expects, settings.raw, (stream.address,)))

    def settings_changed(self) -> None:
        """Apply a new encoding; leaving raw mode introduces us to the host."""
        if self.stream is not None:
            self.stream.set_encoding(self.ctx.settings.encoding)
            self._say_hello()

    def close(self) -> None:
        """Drop the connection (or the attempt) at once."""
        super().close()
        sock = self._drop_attempt()
        if sock is not None:
            sock.close()
        self.receipts.close()
        if self.stream is not None:
            self.stream.close_after_flush()
            self.stream = None


def _strerror(code: int) -> str:
    try:
        return os.strerror(code)
    except ValueError:
        return f"error {code}"
