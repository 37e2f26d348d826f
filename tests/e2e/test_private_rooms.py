"""Issue 11's proof: private rooms between real processes, over real sockets on 127.0.0.1.

A private room's passphrase reaches a program only through ``CHATGUI_PASSPHRASE`` in its
environment or ``--passphrase-file`` (never the command line). Between the programs, the
tests put what an attacker on the network would: a packet capture on ``lo`` (as root), a
UDP relay that records sealed datagrams and a test socket that sends them again, a forged
plaintext datagram, and a TCP man-in-the-middle that flips one byte of a sealed line.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chatgui.protocol.secure import generate_passphrase
from chatgui.protocol.secure_datagrams import is_sealed_datagram
from tests.e2e.harness import WAIT, Program, Stream, program_env

pytestmark = pytest.mark.e2e

ROOM_CODE = r"Room code (\d{4} \d{4})"
MISMATCH = r"The passphrase does not match"
UNREADABLE = r"could not be read"
# Nicks and texts long enough that none turns up by chance inside base64 or random bytes.
HOST_NICK = "annabel-hostess"
BOB_NICK = "bartholomew-member"
CAROL_NICK = "carolina-member"


def plain_env() -> dict[str, str]:
    env = program_env()
    env.pop("CHATGUI_PASSPHRASE", None)
    return env


def private_env(passphrase: str) -> dict[str, str]:
    return program_env(CHATGUI_PASSPHRASE=passphrase)


def passphrase_file(folder: Path, passphrase: str, name: str) -> str:
    path = folder / f"{name}.passphrase"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return str(path)


def tcp_host(
    chatgui: Callable[..., Program], env: dict[str, str], *extra: str, nick: str = HOST_NICK
) -> tuple[Program, int]:
    host = chatgui(
        "host", "--tcp", "--bind", "127.0.0.1", "--port", "0", "--nick", nick,
        "--no-history", "--no-announce", *extra, env=env,
    )  # fmt: skip
    return host, host.listening_port()


def tcp_join(
    chatgui: Callable[..., Program], port: int, nick: str, env: dict[str, str], *extra: str
) -> Program:
    return chatgui("join", "--tcp", "127.0.0.1", str(port), "--nick", nick, "--no-history", *extra, env=env)


def udp_host(
    chatgui: Callable[..., Program], env: dict[str, str], *extra: str, nick: str = HOST_NICK
) -> tuple[Program, int]:
    host = chatgui(
        "host", "--udp", "--bind", "127.0.0.1", "--port", "0", "--nick", nick,
        "--no-history", "--no-announce", *extra, env=env,
    )  # fmt: skip
    return host, host.listening_port()


def udp_join(chatgui: Callable[..., Program], port: int, nick: str, env: dict[str, str]) -> Program:
    return chatgui("join", "--udp", "127.0.0.1", str(port), "--nick", nick, "--no-history", env=env)


def line_matching(stream: Stream, pattern: str, timeout: float = WAIT) -> re.Match[str]:
    """The first line of ``stream`` matching ``pattern``, from its start, whatever came before."""
    regex = re.compile(pattern)

    def found(s: Stream) -> bool:
        return any(regex.search(line) for line in s.lines)

    if not stream.wait_for(found, timeout):
        pytest.fail(f"no line matching {pattern!r} on {stream.name} in {timeout} s: {stream.lines[-40:]}")
    return next(m for line in stream.lines if (m := regex.search(line)))


def line_time(stream: Stream, pattern: str) -> float:
    """When the first line matching ``pattern`` was read (``time.monotonic``)."""
    regex = re.compile(pattern)
    return next(t for line, t in zip(stream.lines, stream.times, strict=False) if regex.search(line))


# --------------------------------------------------------------------------- the chats


def _ignore(port: int) -> None:
    pass


def private_tcp_chat(
    chatgui: Callable[..., Program], tmp_path: Path, passphrase: str, watch: Callable[[int], None] = _ignore
) -> list[str]:
    """A host and two members chat in a private TCP room; returns what was said, and the nicks.

    ``watch`` is given the host's port before anyone joins.
    """
    # The host and carol read the passphrase from the environment, bob from a file.
    host, port = tcp_host(chatgui, private_env(passphrase))
    watch(port)
    bob = tcp_join(
        chatgui,
        port,
        BOB_NICK,
        plain_env(),
        "--passphrase-file",
        passphrase_file(tmp_path, passphrase, "bob"),
    )
    host.err(rf"{BOB_NICK} joined")
    carol = tcp_join(chatgui, port, CAROL_NICK, private_env(passphrase))
    host.err(rf"{CAROL_NICK} joined")
    carol.err(rf"In the room: .*{HOST_NICK}")

    texts = [
        "my bank PIN is 4711, says bartholomew",
        "carolina whispers: 你好, the locker code is 9182",
        "annabel answers: welcome, both of you",
    ]
    bob.send(texts[0])
    host.out(rf"^{BOB_NICK}: {texts[0]}$")
    carol.out(rf"^{BOB_NICK}: {texts[0]}$")
    carol.send(texts[1])
    host.out(rf"^{CAROL_NICK}: {texts[1]}$")
    bob.out(rf"^{CAROL_NICK}: {texts[1]}$")
    host.send(texts[2])
    bob.out(rf"^{HOST_NICK}: {texts[2]}$")
    carol.out(rf"^{HOST_NICK}: {texts[2]}$")

    # Each member sees a room code, and the host sees the same one for that member's connection.
    bob_code = line_matching(bob.stderr, ROOM_CODE)[1]
    carol_code = line_matching(carol.stderr, ROOM_CODE)[1]
    for code in (bob_code, carol_code):
        line_matching(host.stderr, rf"Room code {code}\b")

    bob.close_stdin()
    assert bob.wait_exit() == 0, bob.describe()
    host.err(rf"{BOB_NICK}.* left")
    carol.err(rf"{BOB_NICK}.* left")
    return [*texts, HOST_NICK, BOB_NICK, CAROL_NICK]


def private_udp_chat(
    chatgui: Callable[..., Program], tmp_path: Path, passphrase: str, watch: Callable[[int], None] = _ignore
) -> list[str]:
    """A private UDP pair (``host --udp`` + ``join --udp``) chats; returns what was said, and the nicks."""
    host, port = udp_host(
        chatgui, plain_env(), "--passphrase-file", passphrase_file(tmp_path, passphrase, "ann")
    )
    watch(port)
    bob = udp_join(chatgui, port, BOB_NICK, private_env(passphrase))
    texts = ["over UDP bartholomew says: the door code is 2046", "annabel replies over UDP: 谢谢, noted"]
    bob.send(texts[0])
    host.out(rf"^{BOB_NICK}: {texts[0]}$")
    host.send(texts[1])  # the host answers whoever wrote to it
    bob.out(rf"^{HOST_NICK}: {texts[1]}$")
    return [*texts, HOST_NICK, BOB_NICK]


def test_a_host_and_two_members_chat_in_a_private_tcp_room(
    chatgui: Callable[..., Program], tmp_path: Path
) -> None:
    private_tcp_chat(chatgui, tmp_path, generate_passphrase())


def test_a_private_udp_pair_chats(chatgui: Callable[..., Program], tmp_path: Path) -> None:
    private_udp_chat(chatgui, tmp_path, generate_passphrase())


# --------------------------------------------------------------------------- the capture

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4  # sll_pkttype of a frame this host sends (on lo, each frame is also seen coming in)
SOL_PACKET = 263
PACKET_STATISTICS = 6
SO_ATTACH_FILTER = 26


def _port_filter(ports: set[int]) -> bytes:
    """A classic BPF program for ``lo`` frames: keep IPv4/IPv6 TCP and UDP to or from ``ports``.

    The kernel then queues only the watched flows, so other loopback traffic (a benchmark
    flooding ``lo`` beside the tests) cannot fill the capture's buffer and make it drop frames.
    """
    program: list[list[object]] = []  # [code, jump-if-true label, jump-if-false label, k]
    labels: dict[str, int] = {}

    def emit(code: int, k: int = 0, true: str | None = None, false: str | None = None) -> None:
        program.append([code, true, false, k])

    def either_port(load: int, source: int, destination: int) -> None:
        for offset in (source, destination):
            emit(load, offset)
            for port in sorted(ports):
                emit(0x15, port, true="keep")  # jeq #port

    emit(0x28, 12)  # ldh [12]: the ethertype
    emit(0x15, 0x0800, true="v4")
    emit(0x15, 0x86DD, true="v6", false="drop")
    labels["v4"] = len(program)
    emit(0x30, 23)  # ldb [23]: IPv4 protocol
    emit(0x15, socket.IPPROTO_TCP, true="v4ports")
    emit(0x15, socket.IPPROTO_UDP, true="v4ports", false="drop")
    labels["v4ports"] = len(program)
    emit(0xB1, 14)  # ldxb 4*([14]&0xf): the IPv4 header's length
    either_port(0x48, 14, 16)  # ldh [x+14], ldh [x+16]
    emit(0x06, 0)  # ret #0
    labels["v6"] = len(program)
    emit(0x30, 20)  # ldb [20]: IPv6 next header (no extension headers on lo here)
    emit(0x15, socket.IPPROTO_TCP, true="v6ports")
    emit(0x15, socket.IPPROTO_UDP, true="v6ports", false="drop")
    labels["v6ports"] = len(program)
    either_port(0x28, 54, 56)  # ldh [54], ldh [56]
    labels["drop"] = len(program)
    emit(0x06, 0)
    labels["keep"] = len(program)
    emit(0x06, 0x40000)  # ret #262144: the whole frame
    out = bytearray()
    for index, (code, true, false, k) in enumerate(program):
        jt = labels[true] - index - 1 if isinstance(true, str) else 0
        jf = labels[false] - index - 1 if isinstance(false, str) else 0
        out += struct.pack("HBBI", code, jt, jf, k)
    return bytes(out)


def _attach(sock: socket.socket, ports: set[int]) -> None:
    program = ctypes.create_string_buffer(_port_filter(ports))
    fprog = struct.pack("@HP", len(program.raw) // 8, ctypes.addressof(program))
    sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)  # the kernel copies the program


class LoopbackCapture:
    """Every TCP/UDP payload to or from the watched ports on ``lo``, from an AF_PACKET socket.

    A reader thread collects frames until ``stop()``, at most ``MAX_BYTES`` of payload and
    ``MAX_SECONDS`` long. Payloads are joined per flow (source and destination address and
    port), so a text split over two TCP segments is still found.
    """

    MAX_BYTES = 32 * 1024 * 1024
    MAX_SECONDS = 120.0

    def __init__(self) -> None:
        if not hasattr(socket, "AF_PACKET"):
            pytest.skip("capturing on the loopback interface needs Linux AF_PACKET sockets")
        if os.geteuid() != 0:
            pytest.skip(
                "capturing on the loopback interface needs root (CAP_NET_RAW for an AF_PACKET socket)"
            )
        try:
            sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        except OSError as exc:
            pytest.skip(f"capturing on the loopback interface needs CAP_NET_RAW (AF_PACKET: {exc})")
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024 * 1024)
            _attach(sock, set())  # nothing until a port is watched
            sock.bind(("lo", 0))
        except OSError as exc:
            sock.close()
            pytest.skip(f"cannot capture on lo: {exc}")
        self._sock = sock
        self.ports: set[int] = set()
        self.flows: dict[tuple[str, int, str, int, str], bytearray] = {}
        self.udp: list[tuple[int, int, bytes]] = []
        self.total = 0
        self.truncated = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="lo-capture", daemon=True)
        self._thread.start()

    def watch(self, port: int) -> None:
        """Keep the payloads of segments and datagrams from or to ``port`` from now on."""
        self.ports.add(port)
        _attach(self._sock, self.ports)

    def _read(self) -> None:
        deadline = time.monotonic() + self.MAX_SECONDS
        self._sock.settimeout(0.05)
        while time.monotonic() < deadline and self.total < self.MAX_BYTES:
            try:
                frame, address = self._sock.recvfrom(65536 + 64)
            except TimeoutError:
                if self._stop.is_set():
                    return  # stopped, and nothing left in the socket's queue
                continue
            except OSError:
                return
            if address[2] != PACKET_OUTGOING:
                self._keep(frame)
        self.truncated = True

    def _keep(self, frame: bytes) -> None:
        ethertype = int.from_bytes(frame[12:14], "big")
        ip = frame[14:]
        if ethertype == 0x0800 and len(ip) >= 20:
            header = (ip[0] & 0x0F) * 4
            protocol = ip[9]
            source, destination = socket.inet_ntoa(ip[12:16]), socket.inet_ntoa(ip[16:20])
            l4 = ip[header : int.from_bytes(ip[2:4], "big")]
        elif ethertype == 0x86DD and len(ip) >= 40:
            protocol = ip[6]
            source = socket.inet_ntop(socket.AF_INET6, ip[8:24])
            destination = socket.inet_ntop(socket.AF_INET6, ip[24:40])
            l4 = ip[40 : 40 + int.from_bytes(ip[4:6], "big")]
        else:
            return
        if protocol == socket.IPPROTO_TCP and len(l4) >= 20:
            payload, kind = l4[(l4[12] >> 4) * 4 :], "tcp"
        elif protocol == socket.IPPROTO_UDP and len(l4) >= 8:
            payload, kind = l4[8:], "udp"
        else:
            return
        sport, dport = struct.unpack("!HH", l4[:4])
        if not payload or not ({sport, dport} & self.ports):
            return
        self.flows.setdefault((source, sport, destination, dport, kind), bytearray()).extend(payload)
        if kind == "udp":
            self.udp.append((sport, dport, payload))
        self.total += len(payload)

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def stop(self) -> None:
        """Read what is still queued, then stop; fail when the kernel dropped frames."""
        self._stop.set()
        self._thread.join(self.MAX_SECONDS)
        _packets, drops = struct.unpack("II", self._sock.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8))
        self._sock.close()
        assert not self.truncated, f"the capture reached its bound ({self.total} bytes) before it was stopped"
        assert drops == 0, f"the kernel dropped {drops} frames of the capture: it proves nothing"

    def payloads(self, port: int, kind: str) -> list[bytes]:
        """Every flow's payload from or to ``port`` over ``kind`` ("tcp" or "udp")."""
        return [
            bytes(data)
            for (_, sport, _, dport, k), data in self.flows.items()
            if k == kind and port in (sport, dport)
        ]

    def datagrams(self, port: int) -> list[bytes]:
        """Every UDP datagram's payload from or to ``port``, one by one."""
        return [payload for sport, dport, payload in self.udp if port in (sport, dport)]

    def seen(self, needle: str) -> bool:
        """Whether ``needle`` is in any flow's payload, as UTF-8 or with JSON's ASCII escapes."""
        forms = {needle.encode(), json.dumps(needle)[1:-1].encode()}
        return any(form in data for data in self.flows.values() for form in forms)


@pytest.fixture
def capture() -> Iterator[LoopbackCapture]:
    started = LoopbackCapture()
    yield started
    if not started.stopped:
        with contextlib.suppress(AssertionError):  # the test failed before it stopped the capture
            started.stop()


def test_a_capture_on_lo_shows_no_text_or_nick_of_a_private_room(
    chatgui: Callable[..., Program], tmp_path: Path, capture: LoopbackCapture
) -> None:
    # First, the capture must see what it is meant to: a plain room's text, in the clear.
    marker = "plaintext-marker-8f3e2a91 in an open room"
    # The open rooms' host has a name of its own: the private rooms' names must not travel in clear.
    host, port = tcp_host(chatgui, plain_env(), nick="open-room-hostess")
    capture.watch(port)
    member = tcp_join(chatgui, port, "plain-member-nick", plain_env())
    host.err(r"plain-member-nick joined")
    member.send(marker)
    host.out(rf"^plain-member-nick: {marker}$")
    udp_plain, udp_port = udp_host(chatgui, plain_env(), nick="open-room-hostess")
    capture.watch(udp_port)
    udp_member = udp_join(chatgui, udp_port, "plain-udp-nick", plain_env())
    udp_member.send(marker + " over UDP")
    udp_plain.out(rf"^plain-udp-nick: {marker} over UDP$")

    # Then the private rooms, the same way.
    passphrase = generate_passphrase()
    secrets: list[str] = [passphrase]
    tcp_ports: list[int] = []
    udp_ports: list[int] = []

    def watch(ports: list[int]) -> Callable[[int], None]:
        def watching(port: int) -> None:
            capture.watch(port)
            ports.append(port)

        return watching

    secrets += private_tcp_chat(chatgui, tmp_path, passphrase, watch(tcp_ports))
    secrets += private_udp_chat(chatgui, tmp_path, passphrase, watch(udp_ports))
    capture.stop()

    assert capture.seen(marker), "the capture missed a plain room's text: it proves nothing"
    assert capture.seen("plain-member-nick")
    assert capture.seen(marker + " over UDP")
    # It saw the private rooms' traffic too, sealed.
    (tcp_port,) = tcp_ports
    (udp_port_private,) = udp_ports
    tcp_payloads = capture.payloads(tcp_port, "tcp")
    assert sum(map(len, tcp_payloads)) > 1000, tcp_payloads
    assert any(b'"type":"pake"' in data for data in tcp_payloads)
    datagrams = capture.datagrams(udp_port_private)
    assert datagrams, "the capture saw no datagram of the private UDP pair"
    assert all(is_sealed_datagram(data) for data in datagrams), datagrams
    for secret in secrets:
        assert not capture.seen(secret), f"{secret!r} went over lo in the clear"


# --------------------------------------------------------------------------- relays in the middle


class TcpRelay:
    """A plain-socket man in the middle: member <-> this port <-> the host, line by line.

    ``tamper()`` flips one byte in the member's next sealed line (one that does not start
    with ``{``: handshake lines are JSON, sealed lines base64url).
    """

    def __init__(self, upstream_port: int) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port: int = self._server.getsockname()[1]
        self._upstream = ("127.0.0.1", upstream_port)
        self.accepted_at: list[float] = []
        self.tampered = threading.Event()
        self._tamper = False
        self._closing = threading.Event()
        self._sockets: list[socket.socket] = []
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def tamper(self) -> None:
        self._tamper = True

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                member, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted_at.append(time.monotonic())
            try:
                host = socket.create_connection(self._upstream, timeout=WAIT)
            except OSError:
                member.close()
                continue
            host.settimeout(None)
            member.settimeout(None)
            self._sockets += [member, host]
            for source, destination, by_line in ((member, host, True), (host, member, False)):
                thread = threading.Thread(target=self._pump, args=(source, destination, by_line), daemon=True)
                self._threads.append(thread)
                thread.start()

    def _pump(self, source: socket.socket, destination: socket.socket, by_line: bool) -> None:
        pending = b""
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if not by_line:
                    destination.sendall(data)
                    continue
                pending += data
                *lines, pending = pending.split(b"\n")
                out = []
                for line in lines:
                    if self._tamper and line and not line.startswith(b"{"):
                        self._tamper = False
                        middle = len(line) // 2
                        flipped = b"B" if line[middle : middle + 1] == b"A" else b"A"
                        line = line[:middle] + flipped + line[middle + 1 :]
                        self.tampered.set()
                    out.append(line + b"\n")
                destination.sendall(b"".join(out))
        # One side ended: end the other, as a real path between the two would.
        for sock in (source, destination):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._closing.set()
        self._server.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        for thread in self._threads:
            thread.join(WAIT)


class UdpRelay:
    """A plain UDP socket between a member and a host: forwards both ways, records the host's datagrams."""

    def __init__(self, host_port: int) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self.port: int = self._sock.getsockname()[1]
        self._host = ("127.0.0.1", host_port)
        self.member: tuple[str, int] | None = None
        self.from_host: list[bytes] = []
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._closing.is_set():
            try:
                data, source = self._sock.recvfrom(65536)
            except TimeoutError:
                continue
            except OSError:
                if self._closing.is_set():
                    return
                continue  # an ICMP error of an earlier datagram
            with contextlib.suppress(OSError):
                if source == self._host:
                    self.from_host.append(data)
                    if self.member is not None:
                        self._sock.sendto(data, self.member)
                else:
                    self.member = source
                    self._sock.sendto(data, self._host)

    def close(self) -> None:
        self._closing.set()
        self._thread.join(WAIT)
        self._sock.close()


@pytest.fixture
def relays() -> Iterator[list[TcpRelay | UdpRelay]]:
    started: list[TcpRelay | UdpRelay] = []
    yield started
    for relay in started:
        relay.close()


def test_a_wrong_passphrase_fails_on_both_sides_within_2_s(
    chatgui: Callable[..., Program], relays: list[TcpRelay | UdpRelay]
) -> None:
    host, port = tcp_host(chatgui, private_env(generate_passphrase()))
    # The relay only notes when the member's connection arrives: the 2 s count from there,
    # not from the member's interpreter starting.
    relay = TcpRelay(port)
    relays.append(relay)
    bob = tcp_join(chatgui, relay.port, BOB_NICK, private_env(generate_passphrase() + "-not-it"))
    line_matching(bob.stderr, MISMATCH)
    line_matching(host.stderr, MISMATCH)
    (arrived,) = relay.accepted_at
    for program in (bob, host):
        took = line_time(program.stderr, MISMATCH) - arrived
        assert took < 2.0, f"{took:.2f} s\n{program.describe()}"
    assert bob.wait_exit() == 1, bob.describe()
    assert not any(BOB_NICK in line for line in host.stdout.lines + host.stderr.lines), host.describe()


def test_a_replayed_udp_datagram_is_shown_once(
    chatgui: Callable[..., Program], relays: list[TcpRelay | UdpRelay]
) -> None:
    passphrase = generate_passphrase()
    host, port = udp_host(chatgui, private_env(passphrase))
    relay = UdpRelay(port)
    relays.append(relay)
    bob = udp_join(chatgui, relay.port, BOB_NICK, private_env(passphrase))
    bob.send("hello through the relay")
    host.out(rf"^{BOB_NICK}: hello through the relay$")
    host.send("shown once, however often it is sent")
    bob.out(rf"^{HOST_NICK}: shown once, however often it is sent$")

    recorded = list(relay.from_host)
    assert recorded
    assert all(is_sealed_datagram(data) for data in recorded), recorded
    assert relay.member is not None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as attacker:
        attacker.bind(("127.0.0.1", 0))
        for _ in range(3):
            for data in recorded:
                attacker.sendto(data, relay.member)
    # Sent after the replays, so read after them: once this is shown, they were handled.
    host.send("a fresh message after the replays")
    bob.out(rf"^{HOST_NICK}: a fresh message after the replays$")
    shown = [line for line in bob.stdout.lines if "shown once, however often it is sent" in line]
    assert len(shown) == 1, bob.describe()


def test_a_forged_plaintext_datagram_to_a_private_udp_peer_is_not_shown(
    chatgui: Callable[..., Program],
) -> None:
    passphrase = generate_passphrase()
    host, port = udp_host(chatgui, private_env(passphrase))
    bob = udp_join(chatgui, port, BOB_NICK, private_env(passphrase))
    bob.send("the real bob")
    host.out(rf"^{BOB_NICK}: the real bob$")
    forged = (
        b'{"v":1,"type":"msg","peer":"forger-peer","seq":1,"ts":1,'
        b'"nick":"' + BOB_NICK.encode() + b'","text":"forged: send the money"}'
    )
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as attacker:
        attacker.bind(("127.0.0.1", 0))
        attacker.sendto(forged, ("127.0.0.1", port))
        line_matching(host.stderr, UNREADABLE)
    bob.send("the real bob again")
    host.out(rf"^{BOB_NICK}: the real bob again$")
    assert not any("forged" in line for line in host.stdout.lines), host.describe()


def test_a_tampered_tcp_byte_ends_only_that_connection(
    chatgui: Callable[..., Program], relays: list[TcpRelay | UdpRelay]
) -> None:
    passphrase = generate_passphrase()
    host, port = tcp_host(chatgui, private_env(passphrase))
    relay = TcpRelay(port)
    relays.append(relay)
    bob = tcp_join(chatgui, relay.port, BOB_NICK, private_env(passphrase))
    host.err(rf"{BOB_NICK} joined")
    carol = tcp_join(chatgui, port, CAROL_NICK, private_env(passphrase))
    host.err(rf"{CAROL_NICK} joined")
    bob.send("through the middle, untouched")
    host.out(rf"^{BOB_NICK}: through the middle, untouched$")
    carol.out(rf"^{BOB_NICK}: through the middle, untouched$")

    relay.tamper()
    bob.send("through the middle, one byte flipped")
    assert relay.tampered.wait(WAIT)
    line_matching(host.stderr, UNREADABLE)
    host.err(rf"{BOB_NICK}.* left")
    carol.err(rf"{BOB_NICK}.* left")
    bob.err(r"closed the connection|was reset")
    assert bob.wait_exit() == 1, bob.describe()

    # The room goes on for everyone else.
    carol.send("carolina is still here")
    host.out(rf"^{CAROL_NICK}: carolina is still here$")
    host.send("so is the host")
    carol.out(rf"^{HOST_NICK}: so is the host$")
    for program in (host, carol):
        assert not any("one byte flipped" in line for line in program.stdout.lines), program.describe()
