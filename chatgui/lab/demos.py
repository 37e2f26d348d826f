"""Short recorded demonstrations on loopback: message boundaries and socket lifecycles.

Each function runs real sockets on 127.0.0.1 (port 0) in the calling thread, takes well
under a second, and returns what happened as values for the lab's views. The receiver of
the boundary demonstration reads in one of two ways, each checked against what the kernel
holds (not a sleep), so the same choice shows the same thing every time: after every byte
was sent (TCP's merging of quick writes, 粘包, shows), or as the bytes arrive, after each
write (a small receive size then splits a message across reads, 拆包, on its own).
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Sequence
from typing import Any

from chatgui.lab.model import TCP, UDP, IoCall, LifecycleStep

RECV_SIZE = 1024  # what the classic tutorials call recv with
DEMO_TIMEOUT_S = 2.0
NOTHING_WAIT_S = 0.3  # how long the "nobody listens" demo waits to show that nothing arrives


def _clock() -> Callable[[], float]:
    start = time.perf_counter()
    return lambda: time.perf_counter() - start


SMALL_RECV_SIZES = (4, 8, 16)  # receive sizes that split the demo's messages (拆包)


def _wait_until_queued(sock: socket.socket, total: int) -> None:
    """Return once ``total`` bytes wait in ``sock``'s receive queue (or the timeout passed)."""
    deadline = time.monotonic() + DEMO_TIMEOUT_S
    sock.settimeout(DEMO_TIMEOUT_S)
    while time.monotonic() < deadline:
        # MSG_PEEK leaves the bytes where they are: the first real recv sees them all at once.
        if len(sock.recv(total, socket.MSG_PEEK)) >= total:
            return


def _read(
    server: socket.socket, upto: int, recv_size: int, calls: list[IoCall], now: Callable[[], float]
) -> int:
    """``recv(recv_size)`` until ``upto`` bytes came (or the peer closed); the bytes read."""
    received = 0
    while received < upto:
        data = server.recv(recv_size)
        if not data:
            break
        received += len(data)
        calls.append(IoCall("recv", TCP, data, now()))
    return received


def _tcp_boundaries(
    messages: Sequence[bytes], nodelay: bool, recv_size: int, as_they_arrive: bool, now: Callable[[], float]
) -> list[IoCall]:
    calls: list[IoCall] = []
    total = sum(len(m) for m in messages)
    with (
        socket.create_server(("127.0.0.1", 0)) as listener,
        socket.create_connection(listener.getsockname()) as client,
    ):
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, int(nodelay))
        server, _ = listener.accept()
        with server:
            if as_they_arrive:
                # The receiver reads each write's bytes once they are there, before the next
                # write: no two writes merge, and a small recv size splits a write (拆包).
                for message in messages:
                    client.sendall(message)
                    calls.append(IoCall("send", TCP, bytes(message), now()))
                    _wait_until_queued(server, len(message))
                    if _read(server, len(message), recv_size, calls, now) < len(message):
                        break
                return calls
            for message in messages:
                client.sendall(message)
                calls.append(IoCall("send", TCP, bytes(message), now()))
            _wait_until_queued(server, total)
            _read(server, total, recv_size, calls, now)
    return calls


def run_boundaries(
    messages: Sequence[bytes],
    protocol: str,
    *,
    nodelay: bool = True,
    recv_size: int = RECV_SIZE,
    as_they_arrive: bool = False,
) -> list[IoCall]:
    """Send ``messages`` with one call each and receive them as a tutorial receiver would.

    Args:
        messages: what to write, one ``send()``/``sendto()`` each, in quick succession.
        protocol: "tcp" or "udp".
        nodelay: TCP only: Nagle's algorithm off (True) or on.
        recv_size: TCP only: the receiver's buffer size per ``recv()`` (UDP's
            ``recvfrom()`` always takes a whole datagram, up to 65,536 bytes).
        as_they_arrive: TCP only: the receiver reads each write's bytes as soon as they are
            there (True), or only once every byte was sent (False).

    Returns:
        Every send and every recv with its bytes, in the order they happened.
    """
    if recv_size < 1:
        raise ValueError(recv_size)
    now = _clock()
    if protocol == TCP:
        return _tcp_boundaries(messages, nodelay, recv_size, as_they_arrive, now)
    if protocol != UDP:
        raise ValueError(protocol)
    calls: list[IoCall] = []
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client,
    ):
        server.bind(("127.0.0.1", 0))
        server.settimeout(DEMO_TIMEOUT_S)
        for message in messages:
            client.sendto(message, server.getsockname())
            calls.append(IoCall("send", UDP, bytes(message), now()))
        for _ in messages:
            try:
                data, _ = server.recvfrom(65536)
            except TimeoutError:
                break
            calls.append(IoCall("recv", UDP, data, now()))
    return calls


def _where(address: tuple[str, int]) -> str:
    return f"{address[0]}:{address[1]}"


def run_lifecycle(payload: bytes = b"hello") -> list[LifecycleStep]:
    """A TCP connect, send, recv, FIN and close, then a UDP sendto and recvfrom, recorded."""
    now = _clock()
    steps: list[LifecycleStep] = []

    def step(protocol: str, side: str, what: str, detail: str = "", **data: Any) -> None:
        steps.append(LifecycleStep(protocol, side, what, detail, now(), **data))

    with socket.create_server(("127.0.0.1", 0)) as listener:
        address = _where(listener.getsockname())
        step(TCP, "server", "socket", "listening", address=address)
        client = socket.create_connection(listener.getsockname(), timeout=DEMO_TIMEOUT_S)
        step(TCP, "client", "connect", address=address)
        server, peer = listener.accept()
        server.settimeout(DEMO_TIMEOUT_S)
        step(TCP, "server", "accept", address=_where(peer))
        with client, server:
            client.sendall(payload)
            step(TCP, "client", "send", "bytes", nbytes=len(payload))
            data = server.recv(RECV_SIZE)
            step(TCP, "server", "recv", "bytes", nbytes=len(data))
            client.shutdown(socket.SHUT_WR)
            step(TCP, "client", "fin", "shutdown")
            data = server.recv(RECV_SIZE)
            step(TCP, "server", "recv", "peer_closed", nbytes=len(data))
            server.close()
            step(TCP, "server", "close")
            data = client.recv(RECV_SIZE)
            step(TCP, "client", "recv", "peer_closed", nbytes=len(data))
            client.close()
            step(TCP, "client", "close")
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client,
    ):
        server.bind(("127.0.0.1", 0))
        server.settimeout(DEMO_TIMEOUT_S)
        address = _where(server.getsockname())
        step(UDP, "server", "socket", "bound", address=address)
        step(UDP, "client", "socket", "unconnected")
        client.sendto(payload, server.getsockname())
        step(UDP, "client", "sendto", "bytes", nbytes=len(payload))
        data, _ = server.recvfrom(65536)
        step(UDP, "server", "recvfrom", "bytes", nbytes=len(data))
    step(UDP, "client", "close", "no_close_handshake")
    return steps


def _closed_port() -> int:
    """A loopback port nobody listens on, for TCP or UDP (just released by us)."""
    for _ in range(20):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = int(tcp.getsockname()[1])
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            try:
                udp.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise OSError("no free loopback port")


def run_nobody_listens(payload: bytes = b"hello") -> list[LifecycleStep]:
    """TCP connect to a closed port is refused at once; UDP's sendto "succeeds" all the same."""
    now = _clock()
    steps: list[LifecycleStep] = []

    def step(protocol: str, side: str, what: str, detail: str = "", **data: Any) -> None:
        steps.append(LifecycleStep(protocol, side, what, detail, now(), **data))

    port = _closed_port()
    target = ("127.0.0.1", port)
    where = _where(target)
    try:
        socket.create_connection(target, timeout=DEMO_TIMEOUT_S).close()
        step(TCP, "client", "connect", address=where)
    except OSError as exc:
        step(TCP, "client", "refused", "os_error", address=where, errno=exc.errno or 0, os_text=_words(exc))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        sent = client.sendto(payload, target)
        step(UDP, "client", "sendto", "no_error", address=where, nbytes=sent)
        client.settimeout(NOTHING_WAIT_S)
        try:
            data, _ = client.recvfrom(65536)
            step(UDP, "client", "recvfrom", "bytes", nbytes=len(data))
        except TimeoutError:
            step(UDP, "client", "nothing", "no_answer", seconds=NOTHING_WAIT_S)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        # A connected UDP socket lets the OS report the ICMP "port unreachable" it got.
        client.connect(target)
        client.send(payload)
        step(UDP, "client", "sendto", "no_error_connected", address=where, nbytes=len(payload))
        client.settimeout(NOTHING_WAIT_S)
        try:
            client.recv(65536)
        except TimeoutError:
            step(UDP, "client", "nothing", "no_answer", seconds=NOTHING_WAIT_S)
        except OSError as exc:
            step(UDP, "client", "error", "os_error", errno=exc.errno or 0, os_text=_words(exc))
    return steps


def _words(error: OSError) -> str:
    return error.strerror or str(error)
