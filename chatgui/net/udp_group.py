"""UDP broadcast and multicast: a UDP peer that sends to everyone on a subnet or in a group.

Each session has two sockets:

- the *group socket* binds the shared port (``SO_REUSEADDR``, and ``SO_REUSEPORT`` on
  POSIX, so several chatgui instances on one computer can all listen there) and receives
  the broadcasts or the group's datagrams;
- the *sending socket* binds a port of its own (port 0). Messages go out from it, so the
  receipts (``ack``) and answers of other peers come back to a port only this instance
  holds: a unicast datagram to a shared port reaches just one of the sockets sharing it
  (Linux hashes it to one), which would steal receipts from instances on the same computer.

Our own messages come back to us (loopback of multicast, our broadcast heard by
ourselves): chatgui frames are recognised by our peer id. Raw datagrams carry no id,
so they are recognised by their source — one of this computer's addresses with our
sending socket's port, which no other program holds — and their bytes, being one we
sent in the last few seconds. That is best effort: an address missing from ifaddr's
list (a NAT in between, an interface added since the start) shows our own raw line.

Who is in the room is told by presence ``hello`` frames (``udp_presence``): this module hands
them the hellos and goodbyes it reads and the senders of each read round.
"""

from __future__ import annotations

import abc
import contextlib
import errno
import ipaddress
import socket
import struct
import sys
from collections import deque
from typing import Any

from chatgui.events import Listening, Problem, ProblemOccurred
from chatgui.net.endpoint import SessionContext
from chatgui.net.errors import format_sockaddr, problem_from_error
from chatgui.net.interfaces import find_broadcast, interface_index, interface_ipv4, local_hosts
from chatgui.net.udp import UdpPeer
from chatgui.net.udp_presence import GroupPresence
from chatgui.net.udp_private import Owed
from chatgui.net.udp_socket import RECEIVE_BUFFER_BYTES
from chatgui.protocol.frames import Bye, Hello, Received
from chatgui.protocol.names import clean_nick

OWN_ECHO_SECONDS = 5.0
"""How long a raw datagram we sent may take to come back to us and still be recognised."""
MAX_OWN_ECHOES = 256
"""Raw datagrams remembered for recognising them; bounded like every buffer."""

_IP_MULTICAST_ALL = 49  # Linux: deliver only the groups this socket joined (not every group joined here)


class _Refused(Exception):
    """Setting up the group failed; ``problem`` says why."""

    def __init__(self, problem: ProblemOccurred) -> None:
        super().__init__(problem.problem.value)
        self.problem = problem


def share_port(sock: socket.socket) -> None:
    """Let several sockets (several chatgui instances) bind the same broadcast/multicast port.

    Only for broadcast and multicast: on a unicast port, sharing would let another program
    take datagrams meant for us. Windows has no ``SO_REUSEPORT``; its ``SO_REUSEADDR`` is
    what lets several sockets bind one port there.
    """
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    reuse_port = getattr(socket, "SO_REUSEPORT", None)
    if reuse_port is not None and sys.platform != "win32":
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, reuse_port, 1)


def _os_words(exc: OSError) -> str:
    return (exc.strerror or str(exc) or type(exc).__name__).strip()


class UdpGroup(UdpPeer):
    """What broadcast and multicast share: the two sockets, own-echo recognition, ``Listening``."""

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self.group_sock: socket.socket | None = None
        self.interface = ""
        self._own_peer = ctx.peer_id
        self._own_hosts: frozenset[str] = frozenset()
        self._send_port = 0
        self._sent_raw: deque[tuple[float, bytes]] = deque(maxlen=MAX_OWN_ECHOES)
        self.presence = GroupPresence(ctx, self._send_presence, self._presence_name)

    def _begin(self) -> None:
        """Set up both sockets at once (no name to resolve: addresses come from the interfaces)."""
        group_sock: socket.socket | None = None
        send_sock: socket.socket | None = None
        try:
            family, destination = self._plan()
            group_sock = self._open_group_socket(family)
            send_sock = socket.socket(family, socket.SOCK_DGRAM)
            self._prepare_sending(send_sock)
            send_sock.bind(("::", 0) if family == socket.AF_INET6 else ("0.0.0.0", 0))
            send_sock.setblocking(False)
            self._own_hosts = local_hosts()
        except _Refused as refused:
            for sock in (group_sock, send_sock):
                if sock is not None:
                    sock.close()
            self.ctx.failed(refused.problem)
            return
        except OSError as exc:
            for sock in (group_sock, send_sock):
                if sock is not None:
                    sock.close()
            self.ctx.failed(problem_from_error(exc, port=self.ctx.config.port, binding=True))
            return
        self.group_sock, self.sock, self.family, self.destination = group_sock, send_sock, family, destination
        self._send_port = int(send_sock.getsockname()[1])
        loop = self.ctx.loop
        loop.add_socket(group_sock, self._reader(group_sock))
        loop.add_socket(send_sock, self._reader(send_sock))
        bound = group_sock.getsockname()
        self.ctx.emit(
            Listening(
                (format_sockaddr(bound),),
                int(bound[1]),
                destination=format_sockaddr(destination),
                interface=self.interface,
            )
        )
        self.ctx.activated()
        # Raw mode talks to plain programs as an equal: not even one hello on their port.
        self.presence.start(self._own_nick(), destination, announce=not self.ctx.settings.raw)

    # -- what the roles decide ---------------------------------------------------------

    @abc.abstractmethod
    def _plan(self) -> tuple[int, Any]:
        """The address family and the destination socket address; raises ``_Refused``."""

    def _join(self, sock: socket.socket) -> None:
        """Join the group on the bound group socket (multicast); raises ``_Refused``."""

    def _leave(self, sock: socket.socket) -> None:
        """Leave the group before the socket closes (multicast)."""

    def _prepare_sending(self, sock: socket.socket) -> None:
        """Options of the sending socket (``SO_BROADCAST``; multicast interface, TTL, loopback)."""

    # -- sockets ---------------------------------------------------------------------

    def _open_group_socket(self, family: int) -> socket.socket:
        port = self.ctx.config.port
        sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            share_port(sock)
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
            if family == socket.AF_INET6:
                with contextlib.suppress(OSError, AttributeError):
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                sock.bind(("::", port))
            else:
                # The wildcard, not the interface's address: on POSIX a socket bound to a
                # unicast address does not receive broadcasts or the group's datagrams.
                sock.bind(("0.0.0.0", port))
            self._join(sock)
            sock.setblocking(False)
        except BaseException:
            sock.close()
            raise
        return sock

    # -- presence --------------------------------------------------------------------

    def _on_frame(self, frame: Received, data: bytes, addr: Any, sock: socket.socket, echo: bool) -> None:
        if type(frame) is Hello:
            self.presence.on_hello(frame, addr)
        elif type(frame) is Bye:
            self.presence.on_bye(addr)
        else:
            super()._on_frame(frame, data, addr, sock, echo)

    def _settle(self, owed: Owed, sock: socket.socket) -> None:
        super()._settle(owed, sock)
        self.presence.probe(owed)
        self.presence.flush()

    def _send_presence(self, data: bytes, addr: Any) -> bool:
        """Send a hello or bye from our sending socket, quietly: presence is best effort.

        A member gone without a goodbye (or a stranger's made-up address) answers our hellos
        with "port unreachable". Linux keeps that error for the socket's next send, which it
        refuses: so the error is taken at once here, and a send refused for an earlier one is
        tried again; neither may cost a chat message or warn about one.
        """
        sock = self.sock
        if sock is None or self.closed:
            return False
        if self._private is not None:
            data = self._private.sealer.seal(data)
        for _ in range(2):
            try:
                sock.sendto(data, addr)
            except (ConnectionRefusedError, ConnectionResetError):
                self._drain_error_queue(sock)  # an earlier datagram's refusal: this one was not sent
                continue
            except OSError:
                return False  # the network's troubles are told by the chat messages' sends
            self._drain_error_queue(sock)
            return True
        return False

    def _presence_name(self, addr: Any, nick: str) -> str:
        """A member listed as its messages are shown (a private room's key is its identity)."""
        if self._private is not None:
            return clean_nick(nick) or format_sockaddr(addr)
        return self._show(addr, nick)[2]

    # -- own datagrams coming back ---------------------------------------------------

    def _is_own_echo(self, addr: Any, data: bytes) -> bool:
        if int(addr[1]) != self._send_port or str(addr[0]).split("%")[0] not in self._own_hosts:
            return False
        now = self.ctx.loop.now()
        sent = self._sent_raw
        while sent and now - sent[0][0] > OWN_ECHO_SECONDS:
            sent.popleft()
        for index, (_when, payload) in enumerate(sent):
            if payload == data:
                del sent[index]  # each datagram we sent comes back once
                return True
        return False

    def _send_to(self, data: bytes, addr: Any, sock: socket.socket | None = None) -> bool:
        if sock is None and self.ctx.settings.raw:
            self._sent_raw.append((self.ctx.loop.now(), data))
        return super()._send_to(data, addr, sock)

    def close(self) -> None:
        """Say goodbye, leave the group and close both sockets."""
        self.presence.close()
        group_sock, self.group_sock = self.group_sock, None
        if group_sock is not None:
            self.ctx.loop.remove_socket(group_sock)
            self._leave(group_sock)
            group_sock.close()
        super().close()


class UdpBroadcast(UdpGroup):
    """Sends every message to the broadcast address of one interface; hears the port's broadcasts."""

    def _plan(self) -> tuple[int, Any]:
        config = self.ctx.config
        target = find_broadcast(config.interface)
        if target is None:
            raise _Refused(ProblemOccurred(Problem.NO_BROADCAST_INTERFACE, detail=config.interface))
        self.interface = target.interface
        return socket.AF_INET, (target.broadcast, config.port)

    def _prepare_sending(self, sock: socket.socket) -> None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)


class UdpMulticast(UdpGroup):
    """Joins ``config.group`` (IPv4 or IPv6) on the port, sends to it, leaves it on close."""

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self._membership: bytes = b""
        self._interface_ip = ""  # IPv4: the interface's address ("" = the system's choice)
        self._index = 0  # IPv6: the interface's index (0 = the system's choice)
        self._group = ""  # the group's address, without any scope

    def _plan(self) -> tuple[int, Any]:
        config = self.ctx.config
        text = config.group.strip()
        try:
            group = ipaddress.ip_address(text)
        except ValueError:
            group = None
        if group is None or not group.is_multicast:
            raise _Refused(ProblemOccurred(Problem.INVALID_GROUP, host=text))
        self.interface = config.interface
        self._group = str(group).split("%")[0]
        if group.version == 4:
            if config.interface:
                ip = interface_ipv4(config.interface)
                if ip is None:
                    raise self._unavailable(errno.ENODEV, f"{config.interface}: ")
                self._interface_ip = ip
            return socket.AF_INET, (str(group), config.port)
        assert isinstance(group, ipaddress.IPv6Address)
        scope = group.scope_id or ""
        name = config.interface or scope
        if name:
            index = interface_index(name)
            if index is None:
                try:
                    index = socket.if_nametoindex(name)
                except (OSError, ValueError):
                    index = int(name) if name.isdigit() else None
            if index is None:
                raise self._unavailable(errno.ENODEV, f"{name}: ")
            self._index = index
            self.interface = name
        return socket.AF_INET6, (self._group, config.port, 0, self._index)

    def _unavailable(self, code: int, prefix: str = "", exc: OSError | None = None) -> _Refused:
        number = (exc.errno or 0) if exc is not None else code
        words = "" if number else _os_words(exc) if exc is not None else ""
        # The number is told in the user's words by the sentence; the interface concerned leads.
        detail = prefix.removesuffix(": ") if number else prefix + words
        return _Refused(
            ProblemOccurred(
                Problem.MULTICAST_UNAVAILABLE, host=self.ctx.config.group, detail=detail, code=number
            )
        )

    def _join(self, sock: socket.socket) -> None:
        group = self._group
        try:
            if sock.family == socket.AF_INET6:
                self._membership = socket.inet_pton(socket.AF_INET6, group) + struct.pack("@I", self._index)
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, self._membership)
            else:
                local = socket.inet_aton(self._interface_ip or "0.0.0.0")
                self._membership = socket.inet_aton(group) + local
                sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, self._membership)
                if sys.platform.startswith("linux"):
                    with contextlib.suppress(OSError):
                        sock.setsockopt(socket.IPPROTO_IP, _IP_MULTICAST_ALL, 0)
        except OSError as exc:
            self._membership = b""
            raise self._unavailable(0, exc=exc) from exc

    def _leave(self, sock: socket.socket) -> None:
        if not self._membership:
            return
        with contextlib.suppress(OSError):
            if sock.family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_LEAVE_GROUP, self._membership)
            else:
                sock.setsockopt(socket.IPPROTO_IP, socket.IP_DROP_MEMBERSHIP, self._membership)
        self._membership = b""

    def _prepare_sending(self, sock: socket.socket) -> None:
        ttl = max(0, min(255, self.ctx.config.ttl))
        try:
            if sock.family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, ttl)
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_LOOP, 1)
                if self._index:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, self._index)
            else:
                sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, ttl)
                sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 1)
                if self._interface_ip:
                    sock.setsockopt(
                        socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(self._interface_ip)
                    )
        except OSError as exc:
            raise self._unavailable(0, exc=exc) from exc
