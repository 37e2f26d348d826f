"""How file frames travel in each kind of room: who sent one, where its data is, where ours go.

``file_room.FileRoom`` keeps the offers and runs the transfers; it asks the session's
endpoint, through one ``FileTransport`` per endpoint kind, the questions only the endpoint
can answer:

- TCP host: a member's offer is relayed to the others with ``nick`` and ``addr`` stamped (the
  member's IP as this host sees it, whatever the member wrote); the host's own offers go out
  under its nick with no ``addr`` (members use the address they connected to).
- TCP member: what it offers goes to the host; what it receives came through the host, whose
  ``addr`` and ``nick`` are believed (the host stamped them), else the host's own address. A
  relayed offer's sender is shown as "addr:port", where its data is.
- UDP peer, broadcast, multicast: offers go as datagrams to where messages go; whoever
  receives one connects to the datagram's source IP, never to an address written in it.

Naming a receiver of our own file (``who``): its get line may claim a nick. The claim is
believed only where the room knows that nick at that address (a host: a member connected from
that IP; a UDP peer: a nick heard from that IP), or, for a TCP member, which cannot see the
others' addresses, where that nick is in the host's roster now (not our own). The address is
always shown beside it, so a member claiming another's nick still shows where it is.

Sealing needs nothing here: a private room's streams and datagrams seal every frame.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from chatgui.net.common import host_part
from chatgui.net.errors import format_sockaddr, unmap_host
from chatgui.net.stream import Stream
from chatgui.net.tcp_client import TcpClient
from chatgui.net.tcp_host import TcpHost
from chatgui.net.udp import UdpPeer
from chatgui.net.udp_socket import limit_for
from chatgui.protocol.datagrams import encode_datagram
from chatgui.protocol.errors import DatagramTooLarge
from chatgui.protocol.files import FileCancel, FileFrame, FileOffer
from chatgui.protocol.lines import encode_line
from chatgui.protocol.names import clean_nick, nick_key


@dataclass(frozen=True, slots=True)
class Source:
    """Who sent a file frame, as far as the room can tell.

    Attributes:
        key: Who it is for bounds and departures (an address, or a TCP member's nick).
        nick: The name shown with the offer.
        sender: "host:port" of the peer it came from, as shown.
        host: The IP address a receiver connects to for the data.
    """

    key: str
    nick: str
    sender: str
    host: str


def address_ip(address: str) -> str:
    """The IP of "host:port" or "[v6]:port" (no brackets; IPv4-mapped IPv6 as IPv4)."""
    return unmap_host(host_part(address).strip("[]"))


class FileTransport(ABC):
    """One endpoint's way of sending file frames and telling where received ones came from."""

    @abstractmethod
    def ready(self) -> bool:
        """Whether an offer can go into the room now (connected, bound, not raw)."""

    @abstractmethod
    def send(self, frame: FileFrame) -> bool:
        """Send our own ``frame`` into the room; False if it could not go anywhere."""

    @abstractmethod
    def source(self, origin: Any, frame: FileFrame) -> Source | None:
        """Who sent ``frame`` (``origin`` is what the endpoint passed); None: nobody to believe."""

    def relay(self, frame: FileFrame, origin: Any, source: Source) -> None:  # noqa: B027  # most do nothing
        """Pass a member's accepted ``frame`` on to the rest of the room (a TCP host does)."""

    @abstractmethod
    def bind_host(self) -> str:
        """The address our file server listens on ("" = every interface)."""

    def introduce(self, origin: Any, own: list[FileOffer], others: list[tuple[FileOffer, Source]]) -> None:  # noqa: B027
        """Tell a newcomer (``origin``) the offers open in the room (a TCP host does)."""

    def who(self, ip: str, claimed: str = "") -> str:
        """The nick to name a receiver at ``ip`` by, whose get line claimed ``claimed`` ("" = none)."""
        return ""

    def own_nick(self) -> str:
        """Our nick as the room knows it, said on our get lines ("" = not said)."""
        return ""


class HostTransport(FileTransport):
    """A TCP host: members' offers relayed with ``nick`` and ``addr`` stamped."""

    def __init__(self, host: TcpHost) -> None:
        self.host = host

    def ready(self) -> bool:  # noqa: D102
        return self.host.listener is not None and not self.host.closed

    def send(self, frame: FileFrame) -> bool:  # noqa: D102
        if isinstance(frame, FileOffer):
            frame = replace(frame, nick=self.host.nick, addr="")
        self.host._broadcast_frame(frame)
        return True

    def source(self, origin: Any, frame: FileFrame) -> Source | None:  # noqa: D102
        stream: Stream = origin
        if not stream.chatgui or stream.closing:
            return None  # only members offer: a connection that never said hello has no name
        return Source(stream.address, stream.nick, stream.address, address_ip(stream.address))

    def relay(self, frame: FileFrame, origin: Any, source: Source) -> None:  # noqa: D102
        if isinstance(frame, FileOffer):
            frame = replace(frame, nick=source.nick, addr=source.host)
        self.host._broadcast_frame(frame, sender=origin)

    def introduce(self, origin: Any, own: list[FileOffer], others: list[tuple[FileOffer, Source]]) -> None:
        """Tell a member who just joined the offers open in the room, stamped as when relayed."""
        stream: Stream = origin
        for offer in own:
            self.host._write(stream, encode_line(replace(offer, nick=self.host.nick, addr="")))
        for offer, source in others:
            if source.key != stream.address:
                self.host._write(stream, encode_line(replace(offer, nick=source.nick, addr=source.host)))

    def bind_host(self) -> str:  # noqa: D102
        return self.host.ctx.config.bind

    def who(self, ip: str, claimed: str = "") -> str:  # noqa: D102
        nicks = {s.nick for s in self.host.streams if s.chatgui and address_ip(s.address) == ip}
        return _believed(claimed, nicks) or (nicks.pop() if len(nicks) == 1 else "")

    def own_nick(self) -> str:  # noqa: D102
        return self.host.nick


class MemberTransport(FileTransport):
    """A TCP member: offers to and from the host, which stamps who and where."""

    def __init__(self, client: TcpClient) -> None:
        self.client = client

    def ready(self) -> bool:  # noqa: D102
        client = self.client
        stream = client.stream
        return stream is not None and client.hello_sent and not client.reconnecting and not client.closed

    def send(self, frame: FileFrame) -> bool:  # noqa: D102
        stream = self.client.stream
        if stream is None or not self.ready():
            return False
        if isinstance(frame, FileOffer):
            frame = replace(frame, nick="", addr="")  # the host says who and where
        stream.write(encode_line(frame))
        return True

    def source(self, origin: Any, frame: FileFrame) -> Source | None:  # noqa: D102
        stream: Stream = origin
        host = address_ip(stream.address)
        if isinstance(frame, FileCancel):
            return Source("", "", stream.address, host)  # the host checked whose it was
        nick = clean_nick(frame.nick) or stream.address
        if not frame.addr:
            return Source(nick, nick, stream.address, host)  # the host's own offer
        return Source(nick, nick, format_sockaddr((frame.addr, frame.port)), frame.addr)

    def who(self, ip: str, claimed: str = "") -> str:  # noqa: D102
        if not claimed or nick_key(claimed) == nick_key(self.client.nick):
            return ""  # a receiver claiming to be us is not
        return _believed(claimed, self.client.roster)

    def own_nick(self) -> str:  # noqa: D102
        return self.client.nick

    def bind_host(self) -> str:  # noqa: D102
        stream = self.client.stream
        sock = stream.sock if stream is not None else None
        try:
            return unmap_host(str(sock.getsockname()[0])) if sock is not None else ""
        except OSError:
            return ""


class UdpTransport(FileTransport):
    """A UDP peer, broadcast or multicast: offers go where messages go; data from the source IP."""

    def __init__(self, peer: UdpPeer) -> None:
        self.peer = peer

    def _targets(self) -> list[Any]:
        peer = self.peer
        return [peer.destination] if peer.destination is not None else list(peer.heard)

    def ready(self) -> bool:  # noqa: D102
        return self.peer.sock is not None and not self.peer.closed

    def send(self, frame: FileFrame) -> bool:  # noqa: D102
        peer = self.peer
        targets = self._targets()
        if isinstance(frame, FileOffer):
            frame = replace(frame, nick=clean_nick(peer.ctx.config.nick), addr="")
        if not targets:
            return False
        limit = min(limit_for(t, peer.family) for t in targets) - peer._overhead
        try:
            data = encode_datagram(frame, limit)
        except DatagramTooLarge:
            if not isinstance(frame, FileOffer) or not frame.thumb:
                return False
            data = encode_datagram(replace(frame, thumb=b""), limit)  # the offer matters, not its picture
        sent = False
        for target in targets:
            sent = peer._send_to(data, target) or sent
        return sent

    def source(self, origin: Any, frame: FileFrame) -> Source | None:  # noqa: D102
        peer = self.peer
        if frame.peer == peer.ctx.peer_id:
            return None  # our own broadcast or multicast, back through loopback
        address = format_sockaddr(origin)
        host = unmap_host(str(origin[0]))
        if isinstance(frame, FileCancel):
            return Source(address, "", address, host)
        if peer._private is not None:
            nick = clean_nick(frame.nick) or address  # the room's key is the identity
        else:
            nick = peer._show(origin, frame.nick)[2]
        return Source(address, nick, address, host)

    def bind_host(self) -> str:  # noqa: D102
        return self.peer.ctx.config.bind

    def who(self, ip: str, claimed: str = "") -> str:  # noqa: D102
        heard = [
            (nick, name) for address, nick, name in self.peer._shown.values() if address_ip(address) == ip
        ]
        if claimed:
            key = nick_key(claimed)
            name = next((name for nick, name in heard if nick_key(nick) == key), "")
            if name:
                return name
        names = {name for _nick, name in heard}
        return names.pop() if len(names) == 1 else ""

    def own_nick(self) -> str:  # noqa: D102
        return clean_nick(self.peer.ctx.config.nick)


def _believed(claimed: str, nicks: Iterable[str]) -> str:
    """The one of ``nicks`` that ``claimed`` names (compared as the room compares names), else ""."""
    if not claimed:
        return ""
    key = nick_key(claimed)
    return next((nick for nick in nicks if nick_key(nick) == key), "")


def transport_for(endpoint: object) -> FileTransport | None:
    """The file transport of a session's endpoint (None: this endpoint carries no files)."""
    if isinstance(endpoint, TcpHost):
        return HostTransport(endpoint)
    if isinstance(endpoint, TcpClient):
        return MemberTransport(endpoint)
    if isinstance(endpoint, UdpPeer):
        return UdpTransport(endpoint)
    return None
