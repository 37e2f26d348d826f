"""Short recorded demonstrations on loopback: message boundaries and socket lifecycles.

Each function runs real sockets on 127.0.0.1 (port 0) in the calling thread, takes well
under a second, and returns what happened as values for the lab's views. The receiver of
the boundary demonstration waits, by an explicit check of what the kernel holds (not a
sleep), until every byte was sent before its first ``recv``: that is what makes TCP's
merging of quick writes visible every time.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Sequence

from chatgui.lab.model import TCP, UDP, IoCall, LifecycleStep

RECV_SIZE = 1024  # what the classic tutorials call recv with
DEMO_TIMEOUT_S = 2.0
NOTHING_WAIT_S = 0.3  # how long the "nobody listens" demo waits to show that nothing arrives


def _clock() -> Callable[[], float]:
    start = time.perf_counter()
    return lambda: time.perf_counter() - start


def _wait_until_queued(sock: socket.socket, total: int) -> None:
    """Return once ``total`` bytes wait in ``sock``'s receive queue (or the timeout passed)."""
    deadline = time.monotonic() + DEMO_TIMEOUT_S
    sock.settimeout(DEMO_TIMEOUT_S)
    while time.monotonic() < deadline:
        # MSG_PEEK leaves the bytes where they are: the first real recv sees them all at once.
        if len(sock.recv(total, socket.MSG_PEEK)) >= total:
            return


def _tcp_boundaries(
    messages: Sequence[bytes], nodelay: bool, recv_size: int, now: Callable[[], float]
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
            for message in messages:
                client.sendall(message)
                calls.append(IoCall("send", TCP, bytes(message), now()))
            _wait_until_queued(server, total)
            received = 0
            while received < total:
                data = server.recv(recv_size)
                if not data:
                    break
                received += len(data)
                calls.append(IoCall("recv", TCP, data, now()))
    return calls


def run_boundaries(
    messages: Sequence[bytes], protocol: str, *, nodelay: bool = True, recv_size: int = RECV_SIZE
) -> list[IoCall]:
    """Send ``messages`` with one call each and receive them as a tutorial receiver would.

    Args:
        messages: what to write, one ``send()``/``sendto()`` each, in quick succession.
        protocol: "tcp" or "udp".
        nodelay: TCP only: Nagle's algorithm off (True) or on.
        recv_size: the receiver's buffer size per ``recv()``.

    Returns:
        Every send and every recv with its bytes, in the order they happened.
    """
    now = _clock()
    if protocol == TCP:
        return _tcp_boundaries(messages, nodelay, recv_size, now)
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


def run_lifecycle(payload: bytes = b"hello") -> list[LifecycleStep]:
    """A TCP connect, send, recv, FIN and close, then a UDP sendto and recvfrom, recorded."""
    now = _clock()
    steps: list[LifecycleStep] = []

    def step(protocol: str, side: str, what: str, detail: str = "") -> None:
        steps.append(LifecycleStep(protocol, side, what, detail, now()))

    size = f"{len(payload)} bytes"
    with socket.create_server(("127.0.0.1", 0)) as listener:
        address = listener.getsockname()
        step(TCP, "server", "socket", f"listening on {address[0]}:{address[1]}")
        client = socket.create_connection(address, timeout=DEMO_TIMEOUT_S)
        step(TCP, "client", "connect", f"{address[0]}:{address[1]}")
        server, peer = listener.accept()
        server.settimeout(DEMO_TIMEOUT_S)
        step(TCP, "server", "accept", f"{peer[0]}:{peer[1]}")
        with client, server:
            client.sendall(payload)
            step(TCP, "client", "send", size)
            data = server.recv(RECV_SIZE)
            step(TCP, "server", "recv", f"{len(data)} bytes")
            client.shutdown(socket.SHUT_WR)
            step(TCP, "client", "fin", "shutdown(SHUT_WR)")
            data = server.recv(RECV_SIZE)
            step(TCP, "server", "recv", f"{len(data)} bytes (the peer closed its side)")
            server.close()
            step(TCP, "server", "close", "")
            data = client.recv(RECV_SIZE)
            step(TCP, "client", "recv", f"{len(data)} bytes (the peer closed its side)")
            client.close()
            step(TCP, "client", "close", "")
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client,
    ):
        server.bind(("127.0.0.1", 0))
        server.settimeout(DEMO_TIMEOUT_S)
        address = server.getsockname()
        step(UDP, "server", "socket", f"bound to {address[0]}:{address[1]}")
        step(UDP, "client", "socket", "no connection")
        client.sendto(payload, address)
        step(UDP, "client", "sendto", size)
        data, _ = server.recvfrom(65536)
        step(UDP, "server", "recvfrom", f"{len(data)} bytes")
    step(UDP, "client", "close", "no close handshake: the other side is not told")
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

    def step(protocol: str, side: str, what: str, detail: str = "") -> None:
        steps.append(LifecycleStep(protocol, side, what, detail, now()))

    port = _closed_port()
    target = ("127.0.0.1", port)
    where = f"127.0.0.1:{port}"
    try:
        socket.create_connection(target, timeout=DEMO_TIMEOUT_S).close()
        step(TCP, "client", "connect", where)
    except OSError as exc:
        step(TCP, "client", "refused", f"{where}: {exc.strerror or exc}")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        sent = client.sendto(payload, target)
        step(UDP, "client", "sendto", f"{where}: {sent} bytes, no error")
        client.settimeout(NOTHING_WAIT_S)
        try:
            data, _ = client.recvfrom(65536)
            step(UDP, "client", "recvfrom", f"{len(data)} bytes")
        except TimeoutError:
            step(UDP, "client", "nothing", f"no answer, no error in {NOTHING_WAIT_S:g} s")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        # A connected UDP socket lets the OS report the ICMP "port unreachable" it got.
        client.connect(target)
        client.send(payload)
        step(UDP, "client", "sendto", f"{where} (connected socket): {len(payload)} bytes, no error")
        client.settimeout(NOTHING_WAIT_S)
        try:
            client.recv(65536)
        except TimeoutError:
            step(UDP, "client", "nothing", f"no answer, no error in {NOTHING_WAIT_S:g} s")
        except OSError as exc:
            step(UDP, "client", "error", f"the OS reported later: {exc.strerror or exc}")
    return steps
