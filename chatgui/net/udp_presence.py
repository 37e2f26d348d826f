"""Presence in a UDP broadcast or multicast room: who is here, told by ``hello`` frames.

How it goes (``presence_interval`` seconds, 5 by default):

- on joining, one ``hello`` to the group (the broadcast address or the multicast group);
- whoever hears a hello from someone new lists them and answers with a hello of their own,
  to that member's sending port: so the newcomer lists everyone already there;
- then, every interval, a hello to each member listed, to its sending port;
- a member not heard from for three intervals is gone ("alice left (not heard from for 15 s)");
- on leaving, a ``bye`` to each member listed ("alice left.").

Only the first hello goes to the group. A tutorial script or ``nc`` listening on the group's
port prints every datagram it gets; a hello there every few seconds per member would be noise
it cannot ignore. Everything after that goes to chatgui sending ports, which no other program
holds, so such a listener sees one hello per chatgui that joins, beside the chat messages it
already sees. In raw mode (talking to such programs as an equal) not even that one is sent:
the room learns of us by our answers and by our messages (see ``probe``). Someone whose first
hello was lost is found the same way: a message from a sender not listed gets a hello back,
at most once an interval.

A private room seals every hello and bye like any other frame (``_send_to`` does), so only
members with the passphrase see who is there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from chatgui import __version__
from chatgui.events import PeerJoined, PeerLeft, RosterChanged
from chatgui.net.endpoint import SessionContext
from chatgui.net.errors import format_sockaddr
from chatgui.net.loop import Timer
from chatgui.net.presence import Heard, PresenceTable
from chatgui.protocol.datagrams import encode_datagram
from chatgui.protocol.frames import MAX_UDP_PAYLOAD_V4, Bye, Hello

SILENT_INTERVALS = 3
"""A member not heard from for this many presence intervals is gone."""
MAX_PROBED = 256
"""Senders not listed that were said hello to in the last interval: at most this many."""
BYE_REASON = "leaving"

Send = Callable[[bytes, Any], bool]
"""Sends a datagram to a socket address from our sending socket (sealed in a private room)."""
NameFor = Callable[[Any, str], str]
"""The name a member is shown under, from its source address and the nick it claims."""


class GroupPresence:
    """One group session's presence: its table, its timer, its hellos.

    Args:
        ctx: The session's context (loop, emit, config, our peer id).
        send: How a datagram goes out (the peer's ``_send_to`` from its sending socket).
        name_for: How a member's nick is shown (as its messages are).
    """

    def __init__(self, ctx: SessionContext, send: Send, name_for: NameFor) -> None:
        self.ctx = ctx
        self.interval = max(0.0, ctx.config.presence_interval)
        self.table = PresenceTable(SILENT_INTERVALS * self.interval)
        self._send = send
        self._name_for = name_for
        self._own = ""
        self._hello = b""
        self._timer: Timer | None = None
        self._dirty = False
        self._probed: dict[Any, float] = {}

    @property
    def on(self) -> bool:
        """Whether presence runs in this session (started, and an interval above 0)."""
        return bool(self._hello)

    def start(self, nick: str, destination: Any, *, announce: bool) -> None:
        """List ourselves, say hello to the group (``announce``), and begin the interval."""
        if self.interval <= 0:
            return
        self._own = nick
        self._hello = encode_datagram(Hello(nick, self.ctx.peer_id, __version__), MAX_UDP_PAYLOAD_V4)
        self.ctx.emit(RosterChanged((nick,)))
        if announce:
            self._send(self._hello, destination)
        self._timer = self.ctx.loop.call_later(self.interval, self._tick)

    def on_hello(self, hello: Hello, addr: Any) -> None:
        """A presence hello from ``addr``: list it; answer someone new so they list us."""
        if not self.on or hello.peer == self.ctx.peer_id:
            return  # our own hello, back through loopback
        name = self._name_for(addr, hello.nick)
        address = format_sockaddr(addr)
        now = self.ctx.loop.now()
        heard = self.table.heard(addr, str(addr[0]), hello.peer, name, address, now)
        if heard is Heard.SAME:
            return
        if heard is Heard.REFUSED:
            # No room to list them (a spray?), but let them list us: their hellos to us then
            # list them once there is room, instead of them staying unseen after a spray.
            self._hello_once(addr, now)
            return
        self._dirty = True
        if heard is Heard.JOINED:
            self.ctx.emit(PeerJoined(name, address))
        if heard is not Heard.CHANGED:
            self._send(self._hello, addr)

    def on_bye(self, addr: Any) -> None:
        """A goodbye from ``addr``: no longer listed (a stranger's bye is nobody's: ignored)."""
        if not self.on:
            return
        member = self.table.said_goodbye(addr)
        if member is not None:
            self._dirty = True
            self.ctx.emit(PeerLeft(member.name, member.address))
            self.ctx.files.left(member.address)  # its offers go with it

    def probe(self, senders: Iterable[tuple[Any, str]]) -> None:
        """Messages came from ``senders`` (address, peer id): say hello to those not listed.

        Their first hello was lost, they are in raw mode, or they are an older chatgui (which
        ignores it). At most once an interval per address (``_hello_once``).
        """
        if not self.on:
            return
        now, own = self.ctx.loop.now(), self.ctx.peer_id
        for addr, peer in senders:
            if peer != own and addr not in self.table:
                self._hello_once(addr, now)

    def _hello_once(self, addr: Any, now: float) -> None:
        """A hello to someone not listed: at most once an interval per address, to 256 a interval.

        Someone refused while the table is full keeps us listed by these answers and keeps
        saying hello to us; so they are listed once there is room, not left unseen.
        """
        probed = self._probed
        if now - probed.get(addr, -1e9) < self.interval:
            return
        if len(probed) >= MAX_PROBED:
            probed = self._probed = {a: t for a, t in probed.items() if now - t < self.interval}
            if len(probed) >= MAX_PROBED:
                return  # a spray from many addresses: never more answers than this
        probed[addr] = now
        self._send(self._hello, addr)

    def flush(self) -> None:
        """Tell the window who is here now, if that changed (once per read round at most)."""
        if self._dirty:
            self._dirty = False
            self.ctx.emit(RosterChanged((self._own, *self.table.names())))

    def _tick(self) -> None:
        """Every interval: forget the silent, say hello to everyone listed."""
        self._timer = None
        ctx = self.ctx
        if not ctx.current:
            return
        now = ctx.loop.now()
        silence = self.table.silence
        for member in self.table.expire(now):
            self._dirty = True
            ctx.emit(PeerLeft(member.name, member.address, silent=silence))
            ctx.files.left(member.address)
        for addr in self.table.listed():
            self._send(self._hello, addr)
        self.flush()
        self._timer = ctx.loop.call_later(self.interval, self._tick)

    def close(self) -> None:
        """Say goodbye to everyone listed and stop the interval (before the sockets close)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.on:
            bye = encode_datagram(Bye(BYE_REASON), MAX_UDP_PAYLOAD_V4)
            for addr in self.table.listed():
                self._send(bye, addr)
