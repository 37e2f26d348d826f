"""The TCP host: listens, accepts many clients, relays each message to the others, keeps the roster.

Nothing a connection sends can end the room (README "Limits"): a frame with a field over
its bound costs that connection (an ``error`` frame and a close), never the others. What
the host keeps is bounded: members (``max_members``), time to say something
(``hello_timeout``), silence of a member (``keepalive`` / ``dead_after``), and queued
output, per member (``Stream``) and in total (``output_budget``). When the OS runs out of
file descriptors the listener pauses instead of spinning. Those limits (all but the members
and the per-member queue) are kept by its base, ``host_limits.HostLimits``.

A private room (a passphrase) lets each connection in through its door
(``private_host.PrivateDoor``: the handshake, refusals, slowed guessers), after which
everything to and from that member is sealed. A sealed line that does not open costs its
connection.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import socket
import sys
import time

from chatgui.events import (
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
from chatgui.net.check import CHECK_TYPE
from chatgui.net.common import LINE_TOO_LONG_REASON, ROOM_NOT_PRIVATE_REASON, host_part, local_problem
from chatgui.net.endpoint import SessionContext
from chatgui.net.errors import format_sockaddr, problem_from_error
from chatgui.net.host_limits import REPORT_INTERVAL_SECONDS, HostLimits
from chatgui.net.loop import Timer
from chatgui.net.private import line_limit, raw_refused
from chatgui.net.private_host import PrivateDoor
from chatgui.net.resolve import AddrInfo, wildcard_addrinfos
from chatgui.net.stream import Stream, stream_problem
from chatgui.protocol.errors import NotEncodable, TextTooLong
from chatgui.protocol.frames import (
    MAX_PEER_BYTES,
    MAX_ROOM_ID_BYTES,
    MAX_ROOM_NAME_BYTES,
    Ack,
    BadFrame,
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
    Received,
    Roster,
    Welcome,
    check_text,
    fit_text,
)
from chatgui.protocol.lines import encode_line, encode_relay
from chatgui.protocol.names import clean_nick, nick_key, unique_nick
from chatgui.protocol.printable import one_line
from chatgui.protocol.raw import encode_raw

LISTEN_BACKLOG = 128
HELLO_GRACE_SECONDS = 1.0
"""A client that has not said Hello this long after connecting is announced as plain text.

A chatgui client says Hello as soon as it connects; nc or a tutorial script may say nothing
until its user types, and the host's user should see it arrive.
"""
MAX_MEMBERS_CAP = 400
"""The most members a room may have: with nicks of 32 characters the roster still fits one line."""


def _set_bind_options(sock: socket.socket) -> None:
    if sys.platform == "win32":
        # Windows' SO_REUSEADDR lets another program steal a bound port; this forbids it.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)  # type: ignore[attr-defined]  # Windows only
    else:
        # POSIX: rebinding right after a restart must not fail on TIME_WAIT.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


class TcpHost(HostLimits):
    """Listens, accepts many clients, relays every message to the others and keeps the roster."""

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        config = ctx.config
        self.listener: socket.socket | None = None
        self.streams: dict[Stream, None] = {}  # insertion-ordered set
        self.seq = 0
        self.nick = clean_nick(config.nick) or "host"
        self.max_members = max(1, min(config.max_members, MAX_MEMBERS_CAP))
        # Plain-text (non-chatgui) connections: not in the roster (no nickname), but the user
        # is told when they arrive and leave, as PeerJoined/PeerLeft with an empty nick.
        self._unannounced: dict[Stream, Timer] = {}
        self._plain: set[Stream] = set()
        self.checked = 0  # Checks from other chatgui apps: counted, never shown as visitors
        self._room_full_reported = -REPORT_INTERVAL_SECONDS
        self._passphrase = config.passphrase
        self._relay_limit = line_limit(bool(config.passphrase))
        self._door = PrivateDoor(ctx, config.passphrase)  # a private room's handshakes

    # -- start -----------------------------------------------------------------------

    def start(self) -> None:
        """Bind and listen (``bind`` "" = every interface, dual-stack when possible)."""
        config = self.ctx.config
        if raw_refused(self.ctx, config.passphrase, f"{config.bind}:{config.port}"):
            return
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
            self._housekeeping = self.ctx.loop.call_later(self._interval, self._on_housekeeping)
            self.ctx.emit(Listening(addresses, port))
            self.ctx.emit(RosterChanged(self._roster()))
            self.ctx.activated()
            return
        assert error is not None  # infos is never empty
        self.ctx.failed(problem_from_error(error, host=config.bind, port=config.port, binding=True))

    # -- accepting -------------------------------------------------------------------

    def _accepted(self, sock: socket.socket, address: str) -> None:
        sock.setblocking(False)
        loop, encoding = self.ctx.loop, self.ctx.settings.encoding
        members = sum(1 for s in self.streams if not s.closing)
        if members >= self.max_members:
            # Not one of ours: it only hears why, and its input is drained until it goes.
            refused = Stream(loop, sock, address, self, encoding)
            refused.write(encode_line(ErrorFrame(f"the room is full ({self.max_members} members)")))
            refused.close_after_flush()
            now = loop.now()
            if now - self._room_full_reported >= REPORT_INTERVAL_SECONDS:
                self._room_full_reported = now
                full = ProblemOccurred(Problem.ROOM_FULL, Severity.WARNING, address=address, limit=members)
                self.ctx.emit(full)
            return
        private = bool(self._passphrase)
        stream = Stream(loop, sock, address, self, encoding, budget=self.budget, sealed=private)
        self.streams[stream] = None
        if private:
            return  # nobody is announced before the handshake (see ``on_clear_line``)
        announce = functools.partial(self._announce_plain, stream)
        self._unannounced[stream] = loop.call_later(HELLO_GRACE_SECONDS, announce)

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

    # -- output ----------------------------------------------------------------------

    def _roster(self) -> tuple[str, ...]:
        return (self.nick, *(s.nick for s in self.streams if s.chatgui and not s.closing))

    def _broadcast_frame(self, frame: Frame, sender: Stream | None = None) -> None:
        line = encode_line(frame)
        for stream in [s for s in self.streams if s is not sender and not s.closing and s.chatgui]:
            self._write(stream, line)

    def _plain_line(self, nick: str, text: str) -> bytes:
        """What a plain-text client (nc, a tutorial script) gets instead of JSON: always one line."""
        ending = self.ctx.settings.line_ending or "\n"
        line = f"{one_line(nick)}: {one_line(text)}{ending}"
        return line.encode(self.ctx.settings.encoding, errors="replace")

    def _relay(self, msg: Msg, sender: Stream | None, echo: bool) -> None:
        """Send ``msg`` to every client but ``sender`` (and to it too when echoing).

        Members get it cut to what they accept (``encode_relay``), plain-text clients as
        one line; every write counts against the output budget.
        """
        line: bytes | None = None
        plain: bytes | None = None
        budget = self.budget
        # Nothing below removes a stream from the dict (closes are reported from the loop later),
        # so the hot path iterates it without a copy.
        for stream in self.streams:
            if stream.closing or (stream is sender and not echo):
                continue
            if stream.chatgui:
                if line is None:
                    line = encode_relay(msg, self._relay_limit)
                stream.write(line)
            elif stream.sealed:
                continue  # a private room's connection before its hello: nothing for it yet
            else:
                if plain is None:
                    plain = self._plain_line(msg.nick, msg.text)
                stream.write(plain)
            if budget.queued > budget.limit:
                self._enforce_budget()

    # -- incoming --------------------------------------------------------------------

    def on_frames(self, stream: Stream, events: list[Received], complete: bool) -> None:
        """Handle the lines of one read from a client."""
        # A frame, a line, or text shown after a pause (a tutorial's send(b"hello") has no line
        # ending) proves someone is there.
        stream.spoke = True
        on_frame = self.on_frame
        for event in events:
            if stream.closed or stream.closing:
                return
            on_frame(stream, event, complete)

    def on_frame(self, stream: Stream, event: Received, complete: bool) -> None:
        """Handle one line from a client."""
        match event:
            case Msg() as msg:
                if stream in self._unannounced and not stream.chatgui:
                    self._announce_plain(stream)
                nick = stream.nick if stream.chatgui else stream.address
                stamped = Msg(msg.peer, msg.seq, msg.ts, nick, msg.text)
                self.ctx.emit(ChatReceived(nick, msg.text, stream.address, msg.peer, msg.seq, msg.ts))
                self._write(stream, encode_line(Ack(msg.peer, msg.seq, msg.ts)))
                self._relay(stamped, stream, self.ctx.config.echo)
            case RawText() as raw:
                if stream in self._unannounced:
                    self._announce_plain(stream)
                self.ctx.emit(RawReceived(stream.address, raw.text, raw.data))
                stream.raw_seq += 1
                peer = stream.address[:MAX_PEER_BYTES]  # an address is ASCII: characters are bytes
                relayed = Msg(peer, stream.raw_seq, time.time(), stream.address, raw.text)
                self._relay(relayed, stream, echo=False)
                if self.ctx.config.echo and not stream.closing:
                    # Raw stays raw: the exact bytes, with the line ending the framer took off
                    # (b"" for a tail shown before its end arrived).
                    self._write(stream, raw.data + raw.ending)
            case Hello() as hello:
                self._on_hello(stream, hello)
            case BadFrame() as bad:
                self._refuse_bad_frame(stream, bad)
            case ErrorFrame(reason=reason):
                now = self.ctx.loop.now()
                if now - stream.refused_at >= REPORT_INTERVAL_SECONDS:  # a spray is one warning a second
                    stream.refused_at = now
                    self.ctx.emit(
                        ProblemOccurred(
                            Problem.REMOTE_REFUSED, Severity.WARNING, address=stream.address, detail=reason
                        )
                    )
            case Ping(ts=ts):
                self._write(stream, encode_line(Pong(ts)))
            case IgnoredFrame(type=type_) if type_ == CHECK_TYPE and stream in self._unannounced:
                self._unannounced.pop(stream).cancel()  # a Check, not a visitor: nothing to announce
                self.checked += 1
                stream.close_after_flush()
            case IgnoredFrame(type="pake") if not stream.chatgui:
                # A chatgui with a passphrase began a private-room handshake: say at once that
                # this room has none (an older host stays silent, and the member waits).
                stream.write(encode_line(ErrorFrame(ROOM_NOT_PRIVATE_REASON)))
                stream.close_after_flush()
                self._left(stream)
            case _:  # file frames (issue 15); Ack, Pong, Bye, host-only frames, unknown: ignored
                self.ctx.files.received(event, stream)

    # -- a private room's handshake --------------------------------------------------

    def on_clear_line(self, stream: Stream, line: bytes) -> None:
        """A line from a private room's connection before its channel: the handshake, or a refusal."""
        if not self.closed:
            self._door.on_clear_line(stream, line)

    def on_unreadable(self, stream: Stream) -> None:
        """A member's sealed line did not open: only that connection ends, the room goes on."""
        if self.closed or stream.closing or stream.closed:
            return
        self.ctx.emit(ProblemOccurred(Problem.UNREADABLE, Severity.WARNING, address=stream.address, size=1))
        stream.close_after_flush()
        self._left(stream)

    def _refuse(self, stream: Stream, reason: str, problem: ProblemOccurred) -> None:
        """Tell ``stream`` why (an ``error`` frame), close it, tell the user, announce its leaving."""
        stream.write(encode_line(ErrorFrame(reason)))
        stream.close_after_flush()
        self.ctx.emit(problem)
        self._left(stream)

    def _refuse_bad_frame(self, stream: Stream, bad: BadFrame) -> None:
        reason = f"{bad.type}: {bad.field} is {bad.size}, over the limit of {bad.limit}; closing"
        problem = ProblemOccurred(
            Problem.BAD_FRAME,
            Severity.WARNING,
            address=stream.address,
            detail=bad.field,
            size=bad.size,
            limit=bad.limit,
        )
        self._refuse(stream, reason, problem)

    def _on_hello(self, stream: Stream, hello: Hello) -> None:
        if stream.chatgui:
            return  # one Hello per connection; a second cannot rename anyone
        wanted = clean_nick(hello.nick)
        if not wanted:
            problem = ProblemOccurred(Problem.NICK_INVALID, Severity.WARNING, address=stream.address)
            self._refuse(stream, "a nickname needs at least one printable character; closing", problem)
            return
        timer = self._unannounced.pop(stream, None)
        if timer is not None:
            timer.cancel()
        # Announced as plain text earlier (e.g. a chatgui client leaving raw mode): from now on
        # it is a member, and its leaving is told by nickname.
        self._plain.discard(stream)
        self._drop_stale(stream, hello.peer)
        taken = {nick_key(self.nick)}  # the host's own name is reserved
        taken.update(nick_key(s.nick) for s in self.streams if s.chatgui and not s.closing)
        stream.chatgui = True
        stream.peer = hello.peer
        stream.nick = unique_nick(wanted, taken)
        roster = self._roster()
        config = self.ctx.config
        room_name = fit_text(config.room_name, MAX_ROOM_NAME_BYTES)[0]
        room_id = fit_text(config.room_id, MAX_ROOM_ID_BYTES)[0]
        self._write(stream, encode_line(Welcome(stream.nick, room_id, room_name)))
        self._write(stream, encode_line(Roster(roster)))
        self._broadcast_frame(Join(stream.nick), sender=stream)
        self.ctx.emit(PeerJoined(stream.nick, stream.address))
        self.ctx.files.joined(stream)  # the offers open in the room
        self.ctx.emit(RosterChanged(roster))

    def _drop_stale(self, stream: Stream, peer: str) -> None:
        """Close an older connection of the same app instance, from the same computer.

        A member that lost its connection (a sleeping laptop, a dropped Wi-Fi) reconnects with
        the same peer id before the host has noticed the old connection is dead; without this
        it would come back as "bob (2)". Only the same computer may do so: a peer id is no
        secret (it travels in every message), and a stranger elsewhere must not evict anyone.
        """
        if not peer:
            return
        host = host_part(stream.address)
        for old in list(self.streams):
            same = old.chatgui and not old.closing and old.peer == peer
            if same and old is not stream and host_part(old.address) == host:
                old.close_after_flush()
                self._left(old)

    def on_line_too_long(self, stream: Stream, limit: int) -> None:
        """Refuse the client: tell it (if it speaks chatgui), tell the user, close it."""
        if stream.chatgui:
            stream.write(encode_line(ErrorFrame(LINE_TOO_LONG_REASON.format(limit=limit))))
        self.ctx.emit(
            ProblemOccurred(Problem.LINE_TOO_LONG, Severity.WARNING, address=stream.address, limit=limit)
        )
        stream.close_after_flush()
        self._left(stream)

    def on_stream_closed(self, stream: Stream, error: Exception | None) -> None:
        """A client went away (closed, reset, or refused earlier)."""
        if self.closed:
            return  # a stream still flushing after the session ended
        if self._accept_paused:
            self._resume_accepting()  # a descriptor was freed: someone waiting may get it
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
        self._door.forget(stream)

    def _left(self, stream: Stream) -> None:
        if not stream.chatgui:
            self._plain_left(stream)
            return
        self._broadcast_frame(Leave(stream.nick), sender=stream)
        self.ctx.emit(PeerLeft(stream.nick, stream.address))
        self.ctx.files.left(stream.address)  # its offers go with it
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
        raw = settings.raw and not self._passphrase  # a private room has no raw mode
        try:
            if raw:
                data = encode_raw(text, settings.encoding, settings.line_ending)
                for stream in [s for s in self.streams if not s.closing]:
                    self._write(stream, data)
            else:
                check_text(text)  # refused before sending, as a member's client does
                msg = Msg(self.ctx.peer_id, self.seq, time.time(), self.nick, text)
                self._relay(msg, None, echo=False)
        except (TextTooLong, NotEncodable) as exc:
            self.seq -= 1
            self.ctx.emit(local_problem(exc))
            return
        self.ctx.emit(ChatSent(self.seq, self.nick, text, False, raw, destinations))

    def settings_changed(self) -> None:
        """Apply a new encoding to every client's decoder."""
        for stream in self.streams:
            if stream.framer.encoding != self.ctx.settings.encoding:
                stream.set_encoding(self.ctx.settings.encoding)

    def close(self) -> None:
        """Close the listener and every client."""
        super().close()
        for timer in (self._housekeeping, self._accept_retry):
            if timer is not None:
                timer.cancel()
        self._housekeeping = self._accept_retry = None
        if self.listener is not None:
            self.ctx.loop.remove_socket(self.listener)
            self.listener.close()
            self.listener = None
        for timer in self._unannounced.values():
            timer.cancel()
        self._unannounced.clear()
        self._plain.clear()
        self._door.close()
        for stream in list(self.streams):
            # What we queued (e.g. the last lines of a piped stdin) still goes out.
            stream.close_after_flush()
        self.streams.clear()
