"""The TCP host: listens, accepts many clients, relays each message to the others, keeps the roster."""

from __future__ import annotations

import contextlib
import errno
import functools
import socket
import sys
import time

from chatgui.net.common import clean_nick, local_problem
from chatgui.net.errors import format_sockaddr, problem_from_error
from chatgui.net.events import (
    ChatReceived,
    ChatSent,
    Listening,
    PeerJoined,
    PeerLeft,
    Problem,
    ProblemOccurred,
    RawReceived,
    RosterChanged,
    Severity,
)
from chatgui.net.loop import Timer
from chatgui.net.session import AddrInfo, Endpoint, SessionContext, wildcard_addrinfos
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

LISTEN_BACKLOG = 128
ACCEPTS_PER_WAKEUP = 64
HELLO_GRACE_SECONDS = 1.0
"""A client that has not said Hello this long after connecting is announced as plain text.

A chatgui client says Hello as soon as it connects; nc or a tutorial script may say nothing
until its user types, and the host's user should see it arrive.
"""


def _set_bind_options(sock: socket.socket) -> None:
    if sys.platform == "win32":
        # Windows' SO_REUSEADDR lets another program steal a bound port; this forbids it.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)  # type: ignore[attr-defined]  # Windows only
    else:
        # POSIX: rebinding right after a restart must not fail on TIME_WAIT.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


class TcpHost(Endpoint):
    """Listens, accepts many clients, relays every message to the others and keeps the roster."""

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self.listener: socket.socket | None = None
        self.streams: dict[Stream, None] = {}  # insertion-ordered set
        self.seq = 0
        self.nick = clean_nick(ctx.config.nick) or "host"
        # Plain-text (non-chatgui) connections: not in the roster (no nickname), but the user
        # is told when they arrive and leave, as PeerJoined/PeerLeft with an empty nick.
        self._unannounced: dict[Stream, Timer] = {}
        self._plain: set[Stream] = set()

    # -- start -----------------------------------------------------------------------

    def start(self) -> None:
        """Bind and listen (``bind`` "" = every interface, dual-stack when possible)."""
        config = self.ctx.config
        if config.bind:
            self.ctx.resolve(config.bind, config.port, socket.SOCK_STREAM, self._on_resolved, passive=True)
            return
        self._listen(wildcard_addrinfos(socket.SOCK_STREAM, config.port))

    def _on_resolved(self, result: list[AddrInfo] | OSError) -> None:
        if isinstance(result, OSError):
            self.ctx.failed(problem_from_error(result, host=self.ctx.config.bind))
            return
        self._listen(result)

    def _listen(self, infos: list[AddrInfo]) -> None:
        config = self.ctx.config
        error: OSError | None = None
        for family, socktype, proto, _name, sockaddr in infos:
            try:
                sock = socket.socket(family, socktype, proto)
            except OSError as exc:
                error = error or exc
                continue  # e.g. IPv6 disabled in this kernel: try the next family
            try:
                _set_bind_options(sock)
                if family == socket.AF_INET6 and not config.bind:
                    with contextlib.suppress(OSError, AttributeError):
                        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
                sock.bind(sockaddr)
                sock.listen(LISTEN_BACKLOG)
                sock.setblocking(False)
            except OSError as exc:
                sock.close()
                if exc.errno in (errno.EAFNOSUPPORT, errno.EADDRNOTAVAIL) and not config.bind:
                    error = error or exc
                    continue
                self.ctx.failed(problem_from_error(exc, host=config.bind, port=config.port, binding=True))
                return
            self.listener = sock
            bound = sock.getsockname()
            port = int(bound[1])
            addresses: tuple[str, ...] = (format_sockaddr(bound),)
            if family == socket.AF_INET6 and not config.bind:
                addresses = (f"0.0.0.0:{port}", f"[::]:{port}")
            self.ctx.loop.add_socket(sock, self._on_accept)
            self.ctx.emit(Listening(addresses, port))
            self.ctx.emit(RosterChanged(self._roster()))
            self.ctx.activated()
            return
        assert error is not None  # infos is never empty
        self.ctx.failed(problem_from_error(error, host=config.bind, port=config.port, binding=True))

    # -- clients ---------------------------------------------------------------------

    def _on_accept(self) -> None:
        listener = self.listener
        if listener is None:
            return
        for _ in range(ACCEPTS_PER_WAKEUP):
            try:
                sock, addr = listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                # EMFILE and friends: say so, keep serving the clients we have.
                self.ctx.emit(problem_from_error(exc, severity=Severity.WARNING))
                return
            sock.setblocking(False)
            stream = Stream(self.ctx.loop, sock, format_sockaddr(addr), self, self.ctx.settings.encoding)
            self.streams[stream] = None
            announce = functools.partial(self._announce_plain, stream)
            self._unannounced[stream] = self.ctx.loop.call_later(HELLO_GRACE_SECONDS, announce)

    def _announce_plain(self, stream: Stream) -> None:
        """Tell the user a client that does not speak chatgui is connected (once)."""
        timer = self._unannounced.pop(stream, None)
        if timer is None or self.closed:
            return
        timer.cancel()
        if stream.chatgui or stream.closing or stream.closed:
            return
        self._plain.add(stream)
        self.ctx.emit(PeerJoined("", stream.address))

    def _roster(self) -> tuple[str, ...]:
        return (self.nick, *(s.nick for s in self.streams if s.chatgui and not s.closing))

    def _others(self, sender: Stream | None) -> list[Stream]:
        return [s for s in self.streams if s is not sender and not s.closing]

    def _broadcast_frame(self, frame: Frame, sender: Stream | None = None) -> None:
        line = encode_line(frame)
        for stream in self._others(sender):
            if stream.chatgui:
                stream.write(line)

    def _plain_line(self, nick: str, text: str) -> bytes:
        """What a raw-dialect client (nc, a tutorial script) gets instead of JSON."""
        ending = self.ctx.settings.line_ending or "\n"
        return f"{nick}: {text}{ending}".encode(self.ctx.settings.encoding, errors="replace")

    def _relay(self, msg: Msg, sender: Stream | None, echo: bool) -> None:
        """Send ``msg`` to every client but ``sender`` (and to it too when echoing)."""
        line: bytes | None = None
        plain: bytes | None = None
        for stream in self.streams:
            if stream.closing or (stream is sender and not echo):
                continue
            if stream.chatgui:
                if line is None:
                    line = encode_line(msg)
                stream.write(line)
            else:
                if plain is None:
                    plain = self._plain_line(msg.nick, msg.text)
                stream.write(plain)

    def on_frames(self, stream: Stream, events: list[Frame | IgnoredFrame | RawText], complete: bool) -> None:
        """Handle the lines of one read from a client."""
        on_frame = self.on_frame
        for event in events:
            if stream.closed or stream.closing:
                return
            on_frame(stream, event, complete)

    def on_frame(self, stream: Stream, event: Frame | IgnoredFrame | RawText, complete: bool) -> None:
        """Handle one line from a client."""
        match event:
            case Msg() as msg:
                if stream in self._unannounced and not stream.chatgui:
                    self._announce_plain(stream)
                nick = stream.nick if stream.chatgui else stream.address
                stamped = Msg(msg.peer, msg.seq, msg.ts, nick, msg.text)
                self.ctx.emit(ChatReceived(nick, msg.text, stream.address, msg.peer, msg.seq, msg.ts))
                stream.write(encode_line(Ack(msg.peer, msg.seq, msg.ts)))
                self._relay(stamped, stream, self.ctx.config.echo)
            case RawText() as raw:
                if stream in self._unannounced:
                    self._announce_plain(stream)
                self.ctx.emit(RawReceived(stream.address, raw.text, raw.data))
                stream.raw_seq += 1
                relayed = Msg(stream.address, stream.raw_seq, time.time(), stream.address, raw.text)
                self._relay(relayed, stream, echo=False)
                if self.ctx.config.echo:
                    # Raw stays raw: the exact bytes, with the line ending the framer took off
                    # (b"" for a tail shown before its end arrived).
                    stream.write(raw.data + raw.ending)
            case Hello() as hello:
                self._on_hello(stream, hello)
            case ErrorFrame(reason=reason):
                self.ctx.emit(
                    ProblemOccurred(
                        Problem.REMOTE_REFUSED, Severity.WARNING, address=stream.address, detail=reason
                    )
                )
            case Ping(ts=ts):
                stream.write(encode_line(Pong(ts)))
            case _:
                pass  # Ack, Pong, Bye, Roster/Join/Leave from a client and unknown types

    def _on_hello(self, stream: Stream, hello: Hello) -> None:
        if stream.chatgui:
            return  # one Hello per connection; a second cannot rename anyone
        timer = self._unannounced.pop(stream, None)
        if timer is not None:
            timer.cancel()
        # Announced as plain text earlier (e.g. a chatgui client leaving raw mode): from now on
        # it is a member, and its leaving is told by nickname.
        self._plain.discard(stream)
        stream.chatgui = True
        stream.nick = clean_nick(hello.nick) or stream.address
        roster = self._roster()
        stream.write(encode_line(Roster(roster)))
        self._broadcast_frame(Join(stream.nick), sender=stream)
        self.ctx.emit(PeerJoined(stream.nick, stream.address))
        self.ctx.emit(RosterChanged(roster))

    def on_line_too_long(self, stream: Stream, limit: int) -> None:
        """Refuse the client: tell it (if it speaks chatgui), tell the user, close it."""
        if stream.chatgui:
            stream.write(encode_line(ErrorFrame(f"line too long (over {limit} bytes); closing")))
        self.ctx.emit(
            ProblemOccurred(Problem.LINE_TOO_LONG, Severity.WARNING, address=stream.address, limit=limit)
        )
        stream.close_after_flush()
        self._left(stream)

    def on_stream_closed(self, stream: Stream, error: Exception | None) -> None:
        """A client went away (closed, reset, or refused earlier)."""
        if self.closed:
            return  # a stream still flushing after the session ended
        was_closing = stream.closing
        self.streams.pop(stream, None)
        if error is not None and not was_closing:
            self.ctx.emit(stream_problem(stream, error, fatal=False))
        if not was_closing:
            self._left(stream)
        timer = self._unannounced.pop(stream, None)  # closed by us before it was announced
        if timer is not None:
            timer.cancel()
        self._plain.discard(stream)

    def _left(self, stream: Stream) -> None:
        if not stream.chatgui:
            self._plain_left(stream)
            return
        self._broadcast_frame(Leave(stream.nick), sender=stream)
        self.ctx.emit(PeerLeft(stream.nick, stream.address))
        self.ctx.emit(RosterChanged(self._roster()))

    def _plain_left(self, stream: Stream) -> None:
        """A plain-text connection ended: say so (and that it came, if it went before being told)."""
        timer = self._unannounced.pop(stream, None)
        if timer is not None:
            timer.cancel()
            self.ctx.emit(PeerJoined("", stream.address))
        elif stream not in self._plain:
            return
        self._plain.discard(stream)
        self.ctx.emit(PeerLeft("", stream.address))

    # -- our own messages ------------------------------------------------------------

    def send_text(self, text: str) -> None:
        """Send our text to every client."""
        settings = self.ctx.settings
        destinations = tuple(s.address for s in self.streams if not s.closing)
        self.seq += 1
        try:
            if settings.raw:
                data = encode_raw(text, settings.encoding, settings.line_ending)
                for stream in self._others(None):
                    stream.write(data)
            else:
                msg = Msg(self.ctx.peer_id, self.seq, time.time(), self.nick, text)
                self._relay(msg, None, echo=False)
        except (TextTooLong, NotEncodable) as exc:
            self.seq -= 1
            self.ctx.emit(local_problem(exc))
            return
        self.ctx.emit(ChatSent(self.seq, self.nick, text, False, settings.raw, destinations))

    def settings_changed(self) -> None:
        """Apply a new encoding to every client's decoder."""
        for stream in self.streams:
            if stream.framer.encoding != self.ctx.settings.encoding:
                stream.set_encoding(self.ctx.settings.encoding)

    def close(self) -> None:
        """Close the listener and every client."""
        super().close()
        if self.listener is not None:
            self.ctx.loop.remove_socket(self.listener)
            self.listener.close()
            self.listener = None
        for timer in self._unannounced.values():
            timer.cancel()
        self._unannounced.clear()
        self._plain.clear()
        for stream in list(self.streams):
            # What we queued (e.g. the last lines of a piped stdin) still goes out.
            stream.close_after_flush()
        self.streams.clear()
