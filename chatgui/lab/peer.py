"""The echoing side of the lab: TCP and UDP on one port, every lab message answered.

``LabPeer`` is what ``lab-peer`` runs, and what a loopback run starts in-process. It runs
one selectors loop in a plain thread (no Qt): a TCP connection's lab lines get one echo
line each, numbered in that connection's arrival order; a UDP datagram gets an echo
datagram, numbered per sender and run. Anything that is not lab traffic is ignored.
"""

from __future__ import annotations

import contextlib
import errno
import selectors
import socket
import sys
import threading
from collections import OrderedDict

from chatgui.lab import wire

DEFAULT_LAB_PORT = 50008
UDP_BUFFER = 4 * 1024 * 1024  # the default buffer loses most of a fast burst (DESIGN.md)
MAX_UDP_SENDERS = 4096
SEND_TIMEOUT_S = 5.0
_BIND_ATTEMPTS = 20


def _bind_pair(host: str, port: int) -> tuple[socket.socket, socket.socket]:
    """A TCP listener and a UDP socket bound to the same address and port."""
    family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    last: OSError | None = None
    for _ in range(_BIND_ATTEMPTS if port == 0 else 1):
        listener = socket.socket(family, socket.SOCK_STREAM)
        udp = socket.socket(family, socket.SOCK_DGRAM)
        try:
            if sys.platform != "win32":
                # POSIX: rebind right after a restart. On Windows SO_REUSEADDR would let another
                # program take the port over, so there the default (exclusive) is kept.
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(address)
            listener.listen(64)
            # The ephemeral port TCP got may be taken for UDP: then try another one.
            udp.bind(listener.getsockname())
        except OSError as exc:
            listener.close()
            udp.close()
            last = exc
            if exc.errno != errno.EADDRINUSE:
                raise
            continue
        with contextlib.suppress(OSError):
            udp.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, UDP_BUFFER)
            udp.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, UDP_BUFFER)
        return listener, udp
    assert last is not None
    raise last


class _Connection:
    __slots__ = ("buffer", "count", "sock")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = bytearray()
        self.count = 0


class LabPeer:
    """Answers lab traffic on TCP and UDP at ``host``:``port`` (0 picks a free port).

    Args:
        host: the address to bind ("0.0.0.0" for every IPv4 interface).
        port: the port for both protocols.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = DEFAULT_LAB_PORT) -> None:
        self._listener, self._udp = _bind_pair(host, port)
        self._listener.setblocking(False)
        self._udp.setblocking(False)
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ, "accept")
        self._selector.register(self._udp, selectors.EVENT_READ, "udp")
        self._selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        self._connections: dict[socket.socket, _Connection] = {}
        self._udp_counts: OrderedDict[tuple[object, int], int] = OrderedDict()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def address(self) -> tuple[str, int]:
        """The bound host and port (the same for TCP and UDP)."""
        name = self._listener.getsockname()
        return str(name[0]), int(name[1])

    def start(self) -> None:
        """Serve in a background thread until ``stop``."""
        self._thread = threading.Thread(target=self.serve, name="lab-peer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, close every socket and join the thread (idempotent)."""
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
            self._thread = None
        self._close()

    def serve(self) -> None:
        """Serve in the calling thread until ``stop`` is called from another one."""
        try:
            while not self._stopping.is_set():
                for key, _ in self._selector.select(timeout=1.0):
                    if key.data == "accept":
                        self._accept()
                    elif key.data == "udp":
                        self._answer_udp()
                    elif key.data == "wake":
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(64)
                    else:
                        self._answer_tcp(key.data)
        finally:
            self._close()

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for connection in list(self._connections.values()):
            connection.sock.close()
        self._connections.clear()
        self._selector.close()
        for sock in (self._listener, self._udp, self._wake_r, self._wake_w):
            sock.close()

    def _accept(self) -> None:
        try:
            sock, _ = self._listener.accept()
        except OSError:
            return
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # A blocking send with a timeout: a peer that stops reading its echoes is dropped.
        sock.settimeout(SEND_TIMEOUT_S)
        connection = _Connection(sock)
        self._connections[sock] = connection
        self._selector.register(sock, selectors.EVENT_READ, connection)

    def _drop(self, connection: _Connection) -> None:
        self._selector.unregister(connection.sock)
        del self._connections[connection.sock]
        connection.sock.close()

    def _answer_tcp(self, connection: _Connection) -> None:
        try:
            data = connection.sock.recv(262144)
        except OSError:
            data = b""
        if not data:
            self._drop(connection)
            return
        buffer = connection.buffer
        buffer += data
        echoes: list[bytes] = []
        start = 0
        while (end := buffer.find(b"\n", start)) >= 0:
            frame = wire.parse(bytes(buffer[start:end]))
            start = end + 1
            if frame is not None and frame.index < 0:
                echoes.append(wire.encode_echo(frame, connection.count))
                connection.count += 1
        del buffer[:start]
        if len(buffer) > wire.MAX_LINE:
            self._drop(connection)
            return
        if echoes:
            try:
                connection.sock.sendall(b"".join(echoes))
            except OSError:
                self._drop(connection)

    def _answer_udp(self) -> None:
        for _ in range(1024):  # bounded, so TCP connections get their turn in a flood
            try:
                data, sender = self._udp.recvfrom(65536)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                continue  # e.g. an ICMP error for an earlier echo: nothing to answer
            frame = wire.parse(data.rstrip(b"\n"))
            if frame is None or frame.index >= 0:
                continue
            key = (sender, frame.run)
            index = self._udp_counts.pop(key, 0)
            self._udp_counts[key] = index + 1
            if len(self._udp_counts) > MAX_UDP_SENDERS:
                self._udp_counts.popitem(last=False)
            with contextlib.suppress(OSError):
                self._udp.sendto(wire.encode_echo(frame, index), sender)
