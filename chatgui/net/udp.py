"""UDP peer: one datagram per message, receipts by ``ack``, sequence tracking per sender.

Without a shared secret UDP has no identity: anyone can put any nick and any peer id in a
datagram. So what is shown says only what can be known. The sequence tracker is keyed by
peer id *and* source address (forged datagrams from elsewhere cannot make someone's next
messages look like duplicates); a nick already seen from another address is shown with the
sender's address; and a peer given a destination (``join --udp HOST PORT``) shows datagrams
from any other address as from that address, not under the nick they claim.

A private room (a passphrase) has that shared secret: ``udp_private`` derives its key, seals
what is sent and opens what is received. The plaintext path is untouched: a private room
reads with its own method, and both hand every frame but a ``Msg`` to ``_on_frame``.
"""

from __future__ import annotations

import errno
import socket
import time
from collections import OrderedDict
from functools import partial
from typing import Any

from chatgui.events import (
    ChatSent,
    Listening,
    Problem,
    ProblemOccurred,
    RawReceived,
    Severity,
)
from chatgui.net.common import chat_received, local_problem
from chatgui.net.endpoint import Endpoint, SessionContext
from chatgui.net.errors import format_sockaddr, problem_from_error, problem_kind, unmap_host
from chatgui.net.receipts import Receipts
from chatgui.net.resolve import AddrInfo
from chatgui.net.udp_backlog import Backlog
from chatgui.net.udp_private import Owed, PrivateRoom, derive_room_key
from chatgui.net.udp_socket import (
    bind_first,
    bound_addresses,
    destination_in,
    host_port,
    limit_for,
    wildcards_for,
)
from chatgui.protocol.datagrams import decode_datagram, encode_datagram
from chatgui.protocol.errors import DatagramTooLarge, NotEncodable, TextTooLong
from chatgui.protocol.frames import (
    MAX_ACK_ALSO,
    MAX_UDP_PAYLOAD_V4,
    UDP_FRAGMENT_WARNING_BYTES,
    Ack,
    BadFrame,
    ErrorFrame,
    Msg,
    Ping,
    Pong,
    RawText,
    Received,
    parse_frame,
)
from chatgui.protocol.names import clean_nick, nick_key
from chatgui.protocol.raw import encode_raw
from chatgui.protocol.secure_datagrams import DATAGRAM_OVERHEAD
from chatgui.protocol.tracker import Arrival, ReceiveTracker

DATAGRAMS_PER_WAKEUP = 64
"""Bounded batches: one busy socket cannot starve the others or the command queue. Small, as the
socket is emptied between them: a 200,000-datagram flood (2 cores, history on, medians of 5)
lost 29% with 256, 4.6-5.7% with 64 (timer p99 17-19 ms), 2.8% with 48 (35 ms late)."""
MAX_HEARD = 64
"""How many peers heard from are remembered as destinations when no host is given."""
ACK_DATAGRAM_BYTES = 1_200
"""A coalesced ack stays under this size (no fragmentation on any path); more receipts split."""
_ACK_SLACK_BYTES = 48  # the longest seq (16 digits) and ts (24 characters), and ',"also":[]'
DUPLICATE = Arrival.DUPLICATE
NOBODY_LISTENING_INTERVAL = 1.0
"""Port-unreachable reports are coalesced: a flood to a closed port is one warning a second."""
BAD_FRAME_INTERVAL = 1.0
"""Reports of frames with a field over its bound are coalesced the same way: one a second (and
so are ``error`` frames: no chatgui sends one over UDP, and anyone can)."""
MAX_TRACKED_SENDERS = 256
"""Senders (peer id + source address) whose sequence numbers are tracked; the least recent goes.
Forgetting one is harmless: its next message is above anything forgotten, so it is shown."""
MAX_TRACKED_GAPS = 1024
"""Open gaps kept per tracked sender: with the senders, at most ~20 MB however a stranger sprays."""
MAX_NICKS = 4096
"""Nicks remembered with the first address that used them. Beyond this a new nick is shown with
its address: a stranger spraying nicks can make newcomers show their address, never take a name."""
_RESERVED = ("", -1)  # the owner of our own nick: nobody else's address matches it


class UdpPeer(Endpoint):
    """Binds a local port, sends to ``host:port`` (or to everyone heard from), acks and tracks."""

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self.sock: socket.socket | None = None
        self.family: int = socket.AF_INET
        self.destination: Any = None
        self.heard: OrderedDict[Any, None] = OrderedDict()
        self.seq = 0
        # Keyed by (source address, peer id).
        self.received = ReceiveTracker(MAX_TRACKED_GAPS, MAX_TRACKED_SENDERS)
        self.receipts = Receipts(ctx.loop, ctx.emit, ctx.config.receipt_timeout)
        self._last_target = ""
        self._last_refused_report = -1e9
        self._dest_infos: list[AddrInfo] = []
        self._front: Any = None  # the most recent entry of ``heard``: a flood needs no reordering
        # Per source address: (the address shown, the nick it last claimed, how that nick is shown).
        self._shown: dict[Any, tuple[str, str, str]] = {}
        self._own_peer: str | None = None  # group roles: our own messages come back to us
        self._dest_key: tuple[str, int] | None = None  # a given destination: only it speaks under a nick
        self._last_bad_frame_report = self._last_error_report = -1e9
        self._own_nick_cache = ("", "")
        # nick_key -> the first address (``host_port``) that used it; our own nick is ours.
        self._nick_owners: dict[str, tuple[str, int]] = {}
        own = nick_key(ctx.config.nick)
        if own:
            self._nick_owners[own] = _RESERVED
        # A private room, once its key is derived; sealing adds ``_overhead`` to every datagram.
        self._private: PrivateRoom | None = None
        self._overhead = 0
        self._backlogs: dict[socket.socket, Backlog] = {}  # plaintext sockets: read, not yet handled

    # -- start -----------------------------------------------------------------------

    def start(self) -> None:
        """Derive a private room's key off the loop (if any), then begin."""
        config = self.ctx.config
        if not config.passphrase:
            self._begin()
            return
        if self.ctx.settings.raw:
            # Raw bytes cannot be sealed for a program that has no key; the window refuses it too.
            self.ctx.failed(ProblemOccurred(Problem.ROOM_PRIVATE, address=f"{config.host}:{config.port}"))
            return
        derive_room_key(self.ctx.loop, config.passphrase, self._keyed)

    def _keyed(self, key: bytes) -> None:
        if self.closed or not self.ctx.current:
            return
        self._private = PrivateRoom(self, key, DATAGRAMS_PER_WAKEUP)
        self._overhead = DATAGRAM_OVERHEAD
        self._begin()

    def _reader(self, sock: socket.socket) -> partial[None]:
        """What reads ``sock``: the plaintext path, or a private room's."""
        private = self._private
        return partial(private.read if private is not None else self._read, sock)

    def _begin(self) -> None:
        """Resolve the destination (if any), then the bind address, then bind."""
        config = self.ctx.config
        if config.host:
            self.ctx.resolve(config.host, config.port, socket.SOCK_DGRAM, self._on_destination)
        else:
            self._on_destination([])

    def _on_destination(self, result: list[AddrInfo] | OSError) -> None:
        config = self.ctx.config
        if isinstance(result, OSError):
            self.ctx.failed(problem_from_error(result, host=config.host, port=config.port))
            return
        self._dest_infos = result
        if config.bind:
            self.ctx.resolve(config.bind, config.local_port, socket.SOCK_DGRAM, self._on_bind, passive=True)
            return
        self._bind(wildcards_for(result, config.local_port))

    def _on_bind(self, result: list[AddrInfo] | OSError) -> None:
        if isinstance(result, OSError):
            self.ctx.failed(problem_from_error(result, host=self.ctx.config.bind))
            return
        self._bind(result)

    def _bind(self, infos: list[AddrInfo]) -> None:
        bound = bind_first(infos, self.ctx.config.bind, self.ctx.config.local_port)
        if isinstance(bound, ProblemOccurred):
            self.ctx.failed(bound)
            return
        self._bound(*bound)

    def _bound(self, sock: socket.socket, family: int) -> None:
        self.sock, self.family = sock, family
        self.destination = destination_in(self._dest_infos, family)
        if self.destination is not None:
            self._dest_key = host_port(self.destination)
        bound = sock.getsockname()
        self.ctx.loop.add_socket(sock, self._reader(sock))
        self.ctx.emit(Listening(bound_addresses(sock, bound), int(bound[1])))
        self.ctx.activated()

    # -- incoming --------------------------------------------------------------------

    def _read(self, sock: socket.socket) -> None:
        """Empty ``sock`` into its backlog and handle a round of it; receipts and pongs go back out of it."""
        if self.closed:
            return
        backlog = self._backlogs.get(sock)
        if backlog is None:
            backlog = self._backlogs[sock] = Backlog(
                self.ctx.loop,
                sock,
                partial(self._read, sock),
                partial(self._refused, sock),
                self._read_failed,
            )
        backlog.drain()
        self._handle(sock, backlog.take(DATAGRAMS_PER_WAKEUP))
        if not self.closed:
            backlog.follow_up()

    def _refused(self, sock: socket.socket) -> None:
        self._drain_error_queue(sock)
        self._nobody_listening()

    def _read_failed(self, exc: OSError) -> None:
        self.ctx.emit(problem_from_error(exc, severity=Severity.WARNING))

    def _handle(self, sock: socket.socket, batch: list[tuple[bytes, Any]]) -> None:
        """Handle one round of datagrams read from ``sock``, then send the receipts it owes."""
        emit = self.ctx.emit
        encoding = self.ctx.settings.encoding
        on_msg = self.received.on_msg
        shown = self._shown
        own_peer = self._own_peer
        echo = self.ctx.config.echo
        # Receipts owed this round, per (sender address, sender id): one ack datagram each at
        # the end instead of one sendto per message (measured: ~17 µs each on loopback).
        owed: Owed = {}
        for data, addr in batch:
            if addr != self._front:
                self._remember(addr)
            frame = parse_frame(data)
            if type(frame) is Msg:
                # The hot path under a flood: no match, no decode_datagram call.
                peer, seq, ts, nick = frame.peer, frame.seq, frame.ts, frame.nick
                if peer == own_peer:
                    continue  # our own broadcast or multicast, back through loopback
                # One key for the receipts and the tracker: a forged peer id from another
                # address is another sender, and cannot mark the real one's numbers as seen.
                key = (addr, peer)
                entry = owed.get(key)
                if entry is None:
                    owed[key] = ([seq], [ts])
                else:
                    entry[0].append(seq)
                    entry[1].append(ts)
                if on_msg(key, seq) is not DUPLICATE:
                    sender = shown.get(addr)
                    if sender is None or sender[1] != nick:
                        sender = self._show(addr, nick)
                    emit(chat_received(sender[2], frame.text, sender[0], peer, seq, ts))
                    if echo and peer != self.ctx.peer_id:
                        # Not our own message come back, and not a repeat: two echoing peers
                        # (or a forged source address) cannot bounce one message forever.
                        self._send_to(data, addr, sock)
                continue
            self._on_frame(  # not a Msg: off the hot path
                frame if frame is not None else decode_datagram(data, encoding), data, addr, sock, echo
            )
        self._settle(owed, sock)

    def _on_frame(self, frame: Received, data: bytes, addr: Any, sock: socket.socket, echo: bool) -> None:
        """Everything but a ``Msg``, plaintext or opened: raw text, receipts, pings, refusals.

        ``data`` is the datagram (or the opened payload) that ``echo`` sends back as it came.
        """
        match frame:
            case RawText() as raw:
                if not self._is_own_echo(addr, raw.data):
                    self.ctx.emit(RawReceived(format_sockaddr(addr), raw.text, raw.data))
                    if echo:
                        self._send_to(data, addr, sock)  # the exact bytes: raw stays raw
            case Ack() as ack:
                if ack.peer == self.ctx.peer_id:
                    self.receipts.on_ack(ack, self.ctx.loop.now())
            case Ping() as ping:
                self._send_to(encode_datagram(Pong(ping.ts), MAX_UDP_PAYLOAD_V4), addr, sock)
            case ErrorFrame() as error:
                now = self.ctx.loop.now()
                if now - self._last_error_report < BAD_FRAME_INTERVAL:
                    return
                self._last_error_report = now
                self.ctx.emit(
                    ProblemOccurred(
                        Problem.REMOTE_REFUSED,
                        Severity.WARNING,
                        address=format_sockaddr(addr),
                        detail=error.reason,
                    )
                )
            case BadFrame() as bad:
                self._bad_frame(addr, bad)
            case _:
                # File frames go to the room's files; a Hello or an unknown type was remembered
                # above. Protocol chatter is not echoed (answers would bounce between two echoers).
                self.ctx.files.received(frame, addr)

    def _settle(self, owed: Owed, sock: socket.socket) -> None:
        """Send the receipts owed at the end of a read round: one ack datagram per sender."""
        for (addr, peer), (seqs, stamps) in owed.items():
            self._acknowledge(addr, peer, seqs, stamps, sock)

    def _bad_frame(self, addr: Any, bad: BadFrame) -> None:
        """Drop a frame with a field over its bound; say so at most once a second."""
        now = self.ctx.loop.now()
        if now - self._last_bad_frame_report < BAD_FRAME_INTERVAL:
            return
        self._last_bad_frame_report = now
        self.ctx.emit(
            ProblemOccurred(
                Problem.BAD_FRAME,
                Severity.WARNING,
                address=format_sockaddr(addr),
                detail=bad.field,
                size=bad.size,
                limit=bad.limit,
            )
        )

    def _is_own_echo(self, addr: Any, data: bytes) -> bool:
        """Whether raw ``data`` from ``addr`` is our own datagram come back (group roles)."""
        return False

    def _acknowledge(
        self, addr: Any, peer: str, seqs: list[int], stamps: list[float], sock: socket.socket
    ) -> None:
        """Send the receipts for ``seqs`` (arrival order) in as few small datagrams as fit."""
        if len(seqs) == 1:
            self._send_to(encode_datagram(Ack(peer, seqs[0], stamps[0]), MAX_UDP_PAYLOAD_V4), addr, sock)
            return
        # Room for the fixed part with the longest seq and ts, then one "seq," per receipt.
        fixed = len(encode_datagram(Ack(peer, 1, 0.0), MAX_UDP_PAYLOAD_V4)) + _ACK_SLACK_BYTES
        width = len(str(max(seqs))) + 1
        per_ack = 1 + min(MAX_ACK_ALSO, max(0, (ACK_DATAGRAM_BYTES - fixed) // width))
        for start in range(0, len(seqs), per_ack):
            last = min(start + per_ack, len(seqs)) - 1
            ack = Ack(peer, seqs[last], stamps[last], tuple(seqs[start:last]))
            if not self._send_to(encode_datagram(ack, MAX_UDP_PAYLOAD_V4), addr, sock):
                return  # the peer is gone or the buffer is full: the rest would fail the same way

    def _show(self, addr: Any, nick: str) -> tuple[str, str, str]:
        """How a message claiming ``nick`` from ``addr`` is shown, remembered for the next one.

        Returns:
            (the address as shown, ``nick`` as it came, the name to show): the cleaned nick;
            the address instead when a destination was given and ``addr`` is not it, or when
            nothing printable is left; ``nick (address)`` when another address used that nick
            first in this session (or our own nick, or when too many nicks were seen to remember).
        """
        shown = self._shown
        if len(shown) >= MAX_HEARD:
            shown.clear()
        address = format_sockaddr(addr)
        source = host_port(addr)
        cleaned = clean_nick(nick)
        if not cleaned or (self._dest_key is not None and source != self._dest_key):
            name = address
        elif self._dest_key is not None:
            name = cleaned  # the destination we were given speaks under its nick
        else:
            owners = self._nick_owners
            key = nick_key(cleaned)
            owner = owners.get(key)
            if owner is None and len(owners) < MAX_NICKS:
                owner = owners[key] = source
            name = cleaned if owner == source else f"{cleaned} ({address})"
        entry = shown[addr] = (address, nick, name)
        return entry

    def _drain_error_queue(self, sock: socket.socket | None) -> None:
        """Empty Linux's error queue, whose entries would otherwise eat the receive buffer."""
        flag = getattr(socket, "MSG_ERRQUEUE", 0)
        if sock is None or not flag:
            return
        for _ in range(DATAGRAMS_PER_WAKEUP):
            try:
                sock.recvmsg(1, 1024, flag)
            except OSError:
                return

    def _nobody_listening(self) -> None:
        now = self.ctx.loop.now()
        if now - self._last_refused_report < NOBODY_LISTENING_INTERVAL:
            return
        self._last_refused_report = now
        self.ctx.emit(ProblemOccurred(Problem.NOBODY_LISTENING, Severity.WARNING, address=self._last_target))

    def _remember(self, addr: Any) -> None:
        self._front = addr
        heard = self.heard
        if addr in heard:
            heard.move_to_end(addr, last=False)
            return
        heard[addr] = None
        heard.move_to_end(addr, last=False)
        if len(heard) > MAX_HEARD:
            heard.popitem(last=True)

    # -- outgoing --------------------------------------------------------------------

    def _send_to(self, data: bytes, addr: Any, sock: socket.socket | None = None) -> bool:
        """Send ``data`` to ``addr`` from ``sock`` (default: our sending socket); False if it failed."""
        if sock is None:
            sock = self.sock
        if sock is None or self.closed:
            return False
        if self._private is not None:
            data = self._private.sealer.seal(data)  # callers keep payloads DATAGRAM_OVERHEAD under the limit
        try:
            sock.sendto(data, addr)
        except (ConnectionRefusedError, ConnectionResetError):
            self._drain_error_queue(sock)
            self._nobody_listening()
            return False
        except (BlockingIOError, InterruptedError):
            # The send buffer is full: UDP drops; say so instead of doing it silently.
            self.ctx.emit(ProblemOccurred(Problem.OS_ERROR, Severity.WARNING, code=errno.EAGAIN))
            return False
        except OSError as exc:
            kind = problem_kind(exc)
            host = unmap_host(str(addr[0]))
            self.ctx.emit(
                problem_from_error(exc, host=host, port=int(addr[1]), severity=Severity.WARNING)
                if kind is not Problem.OS_ERROR
                else problem_from_error(exc, severity=Severity.WARNING)
            )
            return False
        return True

    def send_text(self, text: str) -> None:
        """Send our text as one datagram to the destination, or to everyone heard from."""
        targets = [self.destination] if self.destination is not None else list(self.heard)
        if not targets:
            self.ctx.emit(ProblemOccurred(Problem.NO_DESTINATION, Severity.WARNING))
            return
        settings = self.ctx.settings
        nick = self._own_nick()
        limit = min(limit_for(t, self.family) for t in targets) - self._overhead
        raw = settings.raw and self._private is None  # a private room has no raw mode
        try:
            if raw:
                data = encode_raw(text, settings.encoding, settings.line_ending)
                if len(data) > limit:
                    raise DatagramTooLarge(len(data), limit)
            else:
                data = encode_datagram(Msg(self.ctx.peer_id, self.seq + 1, time.time(), nick, text), limit)
        except DatagramTooLarge as exc:
            self.ctx.emit(
                ProblemOccurred(Problem.DATAGRAM_TOO_LARGE, Severity.WARNING, size=exc.size, limit=exc.limit)
            )
            return
        except (TextTooLong, NotEncodable) as exc:
            self.ctx.emit(local_problem(exc))
            return
        self.seq += 1
        if len(data) > UDP_FRAGMENT_WARNING_BYTES:
            self.ctx.emit(ProblemOccurred(Problem.DATAGRAM_FRAGMENTED, Severity.WARNING, size=len(data)))
        if len(data) + self._overhead > UDP_FRAGMENT_WARNING_BYTES >= len(data):
            self.ctx.emit(
                ProblemOccurred(
                    Problem.DATAGRAM_FRAGMENTED, Severity.WARNING, size=len(data) + self._overhead
                )
            )
        expects = not raw
        if expects:
            self.receipts.sent(self.seq)
        shown = tuple(format_sockaddr(t) for t in targets)
        self.ctx.emit(ChatSent(self.seq, nick, text, expects, raw, shown))
        for target, address in zip(targets, shown, strict=True):
            self._last_target = address
            self._send_to(data, target)

    def _own_nick(self) -> str:
        """Our nick as sent, cleaned once (cleaning is Unicode work, and floods send a lot)."""
        raw = self.ctx.config.nick
        if self._own_nick_cache[0] != raw:
            self._own_nick_cache = (raw, clean_nick(raw))
        return self._own_nick_cache[1]

    def settings_changed(self) -> None:
        """Nothing to apply: each datagram reads ``ctx.settings`` as it is sent or received."""

    def close(self) -> None:
        """Close the socket and forget the timers."""
        super().close()
        self.receipts.close()
        if self._private is not None:
            self._private.close()
        for backlog in self._backlogs.values():
            backlog.close()
        self._backlogs.clear()
        if self.sock is not None:
            self.ctx.loop.remove_socket(self.sock)
            self.sock.close()
            self.sock = None
