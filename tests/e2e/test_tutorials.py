"""chatgui in raw mode against socket scripts written the way tutorials write them (no framing)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from tests.e2e.harness import WAIT, Program

pytestmark = pytest.mark.e2e


class TutorialTcpEchoServer:
    """The classic echo server: accept, ``recv(1024)``, ``sendall`` the same bytes, until EOF."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(WAIT)  # only so a failed test cannot leave the thread behind
        self.port = self.sock.getsockname()[1]
        self.received = bytearray()
        self._conn: socket.socket | None = None
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        self._conn = conn
        with conn:
            conn.settimeout(WAIT)
            while True:
                try:
                    data = conn.recv(1024)
                except OSError:
                    return
                if not data:
                    return
                self.received += data
                conn.sendall(data)

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.shutdown(socket.SHUT_RDWR)  # wakes the thread's recv
        self.sock.close()
        self._thread.join(WAIT)


class TutorialUdpEchoServer:
    """The classic UDP echo server: ``recvfrom(1024)`` then ``sendto`` the same bytes back."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(WAIT)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self._closing = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                data, address = self.sock.recvfrom(1024)
            except OSError:
                return
            if self._closing:
                return
            self.received.append(data)
            self.sock.sendto(data, address)

    def close(self) -> None:
        self._closing = True
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as waker:
            waker.sendto(b"", ("127.0.0.1", self.port))  # wakes the thread's recvfrom
        self._thread.join(WAIT)
        self.sock.close()


@pytest.fixture
def tcp_echo_server() -> Iterator[TutorialTcpEchoServer]:
    server = TutorialTcpEchoServer()
    yield server
    server.close()


@pytest.fixture
def udp_echo_server() -> Iterator[TutorialUdpEchoServer]:
    server = TutorialUdpEchoServer()
    yield server
    server.close()


def recv_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(1024)
        if not chunk:
            break
        data += chunk
    return data


def test_join_raw_talks_to_a_tutorial_echo_server(
    chatgui: Callable[..., Program], tcp_echo_server: TutorialTcpEchoServer
) -> None:
    port = tcp_echo_server.port
    program = chatgui("join", "--tcp", "--raw", "127.0.0.1", str(port))
    program.send("hello tutorial")
    program.out(rf"^127\.0\.0\.1:{port}: hello tutorial$")
    assert bytes(tcp_echo_server.received) == b"hello tutorial\n"
    program.close_stdin()
    assert program.wait_exit() == 0


def test_join_raw_crlf_line_ending(
    chatgui: Callable[..., Program], tcp_echo_server: TutorialTcpEchoServer
) -> None:
    port = tcp_echo_server.port
    program = chatgui("join", "--tcp", "--raw", "--line-ending", "crlf", "127.0.0.1", str(port))
    program.send("windows line")
    program.out(rf"^127\.0\.0\.1:{port}: windows line$")
    assert bytes(tcp_echo_server.received) == b"windows line\r\n"


def test_gbk_raw_text_round_trip(
    chatgui: Callable[..., Program], tcp_echo_server: TutorialTcpEchoServer
) -> None:
    port = tcp_echo_server.port
    program = chatgui("join", "--tcp", "--raw", "--encoding", "gbk", "127.0.0.1", str(port))
    program.send("中文测试，你好")
    program.out(rf"^127\.0\.0\.1:{port}: 中文测试，你好$")
    assert bytes(tcp_echo_server.received) == "中文测试，你好\n".encode("gbk")


def test_tutorial_client_talks_to_host_raw_echo(chatgui: Callable[..., Program]) -> None:
    host = chatgui("host", "--tcp", "--raw", "--echo", "--bind", "127.0.0.1", "--port", "0")
    port = host.listening_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(WAIT)
        s.connect(("127.0.0.1", port))
        client_port = s.getsockname()[1]
        # No line ending, as in the tutorial: the host shows the tail once the bytes stop coming.
        s.sendall(b"Hello, world")
        assert recv_exactly(s, len(b"Hello, world")) == b"Hello, world"
        host.out(rf"^127\.0\.0\.1:{client_port}: Hello, world$")
        # And what the host's user types reaches the tutorial client as plain bytes.
        host.send("typed on the host")
        assert recv_exactly(s, len(b"typed on the host\n")) == b"typed on the host\n"


def test_join_udp_raw_talks_to_a_tutorial_udp_echo_server(
    chatgui: Callable[..., Program], udp_echo_server: TutorialUdpEchoServer
) -> None:
    port = udp_echo_server.port
    program = chatgui("join", "--udp", "--raw", "127.0.0.1", str(port))
    program.send("ping over udp")
    program.out(rf"^127\.0\.0\.1:{port}: ping over udp$")
    assert udp_echo_server.received == [b"ping over udp\n"]


def test_tutorial_udp_client_talks_to_host_udp(chatgui: Callable[..., Program]) -> None:
    host = chatgui("host", "--udp", "--raw", "--bind", "127.0.0.1", "--port", "0")
    port = host.listening_port()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(WAIT)
        s.bind(("127.0.0.1", 0))
        s.sendto(b"hello", ("127.0.0.1", port))
        host.out(rf"^127\.0\.0\.1:{s.getsockname()[1]}: hello$")
        host.send("hello yourself")
        data, address = s.recvfrom(1024)
        assert data == b"hello yourself\n"
        assert address == ("127.0.0.1", port)
