"""UDP broadcast and multicast on loopback: several instances share one port and hear each other.

Everything names ``interface="lo"``: with the system's choice, broadcasts and group
datagrams would leave through the machine's real interface, and these tests must never
send traffic anywhere but loopback. Linux accepts broadcasts to 127.255.255.255 and
IPv4 multicast on ``lo`` (measured: nothing leaves another interface); IPv6 multicast
does not work on ``lo`` (ENETUNREACH without the MULTICAST flag, silently dropped with
it), so IPv6 groups are tested in a private network namespace on a veth pair, and by the
LAN tests.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from chatgui.events import (
    ChatReceived,
    ChatSent,
    Listening,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptMissing,
    ReceiptReceived,
    SessionConfig,
    SessionEnded,
    SessionState,
    StateChanged,
)
from chatgui.net.interfaces import broadcast_address, find_broadcast, interface_ipv4, local_hosts
from tests.net.conftest import Peer

GROUP = "239.255.50.7"


def free_udp_port() -> int:
    """A port no socket holds right now (the group roles need a real shared port, not 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def broadcast(nick: str, port: int, **kw: object) -> SessionConfig:
    kw.setdefault("interface", "lo")
    return SessionConfig(mode="udp", role="broadcast", nick=nick, port=port, **kw)  # type: ignore[arg-type]


def multicast(nick: str, port: int, group: str = GROUP, **kw: object) -> SessionConfig:
    kw.setdefault("interface", "lo")
    return SessionConfig(mode="udp", role="multicast", nick=nick, port=port, group=group, **kw)  # type: ignore[arg-type]


@pytest.fixture
def port() -> int:
    return free_udp_port()


def _two_talk(a: Peer, b: Peer) -> None:
    """A and B each send; each sees the other's message once, its own never, and gets a tick."""
    a.backend.send("from a 你好")
    got = b.wait(ChatReceived, lambda e: e.text == "from a 你好")
    assert got.nick == "a"
    a.wait(ReceiptReceived, lambda e: e.msg_id == 1)
    b.backend.send("from b")
    assert a.wait(ChatReceived, lambda e: e.text == "from b").nick == "b"
    b.wait(ReceiptReceived, lambda e: e.msg_id == 1)
    # A third message from A after B's: everything before it has been read by then.
    a.backend.send("last")
    b.wait(ChatReceived, lambda e: e.text == "last")
    a.wait(ReceiptReceived, lambda e: e.msg_id == 2)
    assert [e.text for e in a.rec.of(ChatReceived)] == ["from b"]
    assert [e.text for e in b.rec.of(ChatReceived)] == ["from a 你好", "last"]
    assert not a.rec.of(ProblemOccurred)
    assert not b.rec.of(ProblemOccurred)
    assert not a.rec.of(ReceiptMissing)


# -- broadcast -----------------------------------------------------------------------


def test_broadcast_address_of_a_subnet() -> None:
    assert broadcast_address("192.168.1.5", 24) == "192.168.1.255"
    assert broadcast_address("10.1.2.3", 8) == "10.255.255.255"
    assert broadcast_address("172.16.5.4", 20) == "172.16.15.255"
    assert broadcast_address("127.0.0.1", 8) == "127.255.255.255"
    assert broadcast_address("10.0.0.1", 30) == "10.0.0.3"
    # Point-to-point links and VPNs have none.
    assert broadcast_address("10.8.0.1", 32) is None
    assert broadcast_address("10.8.0.1", 31) is None
    assert broadcast_address("fe80::1", 64) is None


def _adapter(name: str, *ips: tuple[object, int]) -> SimpleNamespace:
    return SimpleNamespace(
        name=name, nice_name=name, index=7, ips=[SimpleNamespace(ip=ip, network_prefix=p) for ip, p in ips]
    )


def test_choosing_the_broadcast_interface() -> None:
    computer = [
        _adapter("lo", ("127.0.0.1", 8), (("::1", 0, 0), 128)),
        _adapter("tun0", ("10.8.0.2", 32)),
        _adapter("eth0", (("fe80::1", 0, 3), 64), ("192.168.1.5", 24)),
        _adapter("wlan0", ("10.0.0.7", 20)),
    ]
    chosen = find_broadcast("", computer)
    assert chosen is not None
    assert (chosen.interface, chosen.ip, chosen.broadcast) == ("eth0", "192.168.1.5", "192.168.1.255")
    wlan = find_broadcast("wlan0", computer)
    assert wlan is not None
    assert wlan.broadcast == "10.0.15.255"
    lo = find_broadcast("lo", computer)
    assert lo is not None
    assert lo.broadcast == "127.255.255.255"
    assert find_broadcast("tun0", computer) is None
    assert find_broadcast("nope0", computer) is None
    assert find_broadcast("", computer[:2]) is None  # loopback is never the automatic choice
    assert interface_ipv4("eth0", computer) == "192.168.1.5"
    assert interface_ipv4("nope0", computer) is None
    assert {"192.168.1.5", "fe80::1", "10.0.0.7", "127.0.0.1", "::1"} <= local_hosts(computer)


def test_two_broadcast_instances_on_one_port_hear_each_other(
    make_peer: Callable[[], Peer], port: int
) -> None:
    a, b = make_peer(), make_peer()
    a.start_active(broadcast("a", port))
    b.start_active(broadcast("b", port))
    listening = a.wait(Listening)
    assert listening.port == port
    assert listening.destination == f"127.255.255.255:{port}"
    assert listening.interface == "lo"
    _two_talk(a, b)
    sent = a.rec.first(ChatSent)
    assert sent is not None
    assert sent.destinations == (f"127.255.255.255:{port}",)


def test_a_plain_broadcast_script_hears_us_and_is_heard(make_peer: Callable[[], Peer], port: int) -> None:
    """The tutorial way: bind the port, SO_BROADCAST, sendto the broadcast address."""
    script = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    script.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    script.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    script.settimeout(5)
    with script:
        script.bind(("0.0.0.0", port))
        me = make_peer()
        me.start_active(broadcast("me", port, raw=True, line_ending=""))
        me.backend.send("hello script")
        data, _ = script.recvfrom(1024)
        assert data == b"hello script"
        script.sendto(b"hello chatgui", ("127.255.255.255", port))
        heard = me.wait(RawReceived, lambda e: e.text == "hello chatgui")
        assert heard.sender.startswith("127.0.0.1:")
        # Our own raw line came back to us too (same port) and was recognised as ours.
        assert [e.text for e in me.rec.of(RawReceived)] == ["hello chatgui"]


def test_broadcast_on_an_interface_without_one_is_refused(make_peer: Callable[[], Peer], port: int) -> None:
    me = make_peer()
    me.start(broadcast("me", port, interface="zzq-none0"))
    problem = me.wait(ProblemOccurred)
    assert (problem.problem, problem.detail, problem.fatal) == (
        Problem.NO_BROADCAST_INTERFACE,
        "zzq-none0",
        True,
    )
    me.wait(SessionEnded)


def test_the_group_roles_need_a_port(make_peer: Callable[[], Peer]) -> None:
    me = make_peer()
    me.start(broadcast("me", 0))
    problem = me.wait(ProblemOccurred)
    assert (problem.problem, problem.port) == (Problem.INVALID_PORT, 0)


def test_a_unicast_peer_on_the_port_is_not_shared(make_peer: Callable[[], Peer]) -> None:
    """Address reuse is for the group roles only: a plain UDP peer keeps its port to itself."""
    plain = make_peer()
    plain.start_active(SessionConfig(mode="udp", role="peer", nick="p", bind="0.0.0.0"))
    taken = plain.listening_port()
    me = make_peer()
    me.start(broadcast("me", taken))
    assert me.wait(ProblemOccurred).problem is Problem.PORT_IN_USE


# -- multicast -----------------------------------------------------------------------


def test_two_multicast_instances_on_one_port_hear_each_other(
    make_peer: Callable[[], Peer], port: int
) -> None:
    a, b = make_peer(), make_peer()
    a.start_active(multicast("a", port))
    b.start_active(multicast("b", port))
    listening = b.wait(Listening)
    assert (listening.destination, listening.interface) == (f"{GROUP}:{port}", "lo")
    _two_talk(a, b)


def test_three_in_a_group_one_tick_per_message(make_peer: Callable[[], Peer], port: int) -> None:
    """Two receipts come back for each message: the first gives the tick, the second changes nothing."""
    a, b, c = make_peer(), make_peer(), make_peer()
    for peer, nick in ((a, "a"), (b, "b"), (c, "c")):
        peer.start_active(multicast(nick, port, receipt_timeout=0.5))
    for i in range(10):
        a.backend.send(f"m{i}")
    for peer in (b, c):
        got = peer.wait_count(ChatReceived, 10)
        assert [e.text for e in got] == [f"m{i}" for i in range(10)]
    ticks = a.wait_count(ReceiptReceived, 10)
    # Well past the receipt timeout: a late second receipt must neither tick again nor mark missing.
    c.backend.send("after")
    a.wait(ChatReceived, lambda e: e.text == "after")
    b.wait(ChatReceived, lambda e: e.text == "after")
    c.wait(ReceiptReceived)
    assert sorted(t.msg_id for t in a.rec.of(ReceiptReceived)) == list(range(1, 11))
    assert len(ticks) == 10
    assert not a.rec.of(ChatReceived, lambda e: e.nick == "a")


def test_multicast_raw_text_is_not_echoed_to_ourselves(make_peer: Callable[[], Peer], port: int) -> None:
    a, b = make_peer(), make_peer()
    a.start_active(multicast("a", port, raw=True, line_ending="\n"))
    b.start_active(multicast("b", port))
    a.backend.send("raw one")
    a.backend.send("raw two")
    assert b.wait(RawReceived, lambda e: e.text == "raw two").data == b"raw two\n"
    b.backend.send("chat")
    a.wait(ChatReceived, lambda e: e.text == "chat")
    assert [e.text for e in b.rec.of(RawReceived)] == ["raw one", "raw two"]
    assert not a.rec.of(RawReceived)


@pytest.mark.parametrize("group", ["10.20.30.40", "224.0.0.256", "not an address", "fe80::1", ""])
def test_an_address_that_is_no_group_is_refused(make_peer: Callable[[], Peer], port: int, group: str) -> None:
    me = make_peer()
    me.start(multicast("me", port, group=group))
    problem = me.wait(ProblemOccurred)
    assert (problem.problem, problem.host, problem.fatal) == (Problem.INVALID_GROUP, group, True)
    me.wait(StateChanged, lambda e: e.state is SessionState.IDLE)


def test_multicast_on_a_missing_interface_says_so(make_peer: Callable[[], Peer], port: int) -> None:
    me = make_peer()
    me.start(multicast("me", port, interface="zzq-none0"))
    problem = me.wait(ProblemOccurred)
    assert problem.problem is Problem.MULTICAST_UNAVAILABLE
    assert problem.host == GROUP
    assert (problem.detail, problem.code) == ("zzq-none0", errno.ENODEV)  # said in words, not strerror
    assert problem.fatal


# -- IPv6 multicast in a private network namespace with a veth pair -----------------

_NETNS_SCRIPT = r"""
import json, socket, sys, time
from chatgui.events import ChatReceived, ReceiptReceived, SessionConfig, SessionState, StateChanged
from chatgui.net.loop import Loop
from chatgui.net.session import Session

loop = Loop()
seen = {"a": [], "b": []}
def recorder(name):
    def emit(event):
        seen[name].append(event)
    return emit
sessions = {n: Session(loop, recorder(n)) for n in seen}
port = int(sys.argv[1])
for nick, session in sessions.items():
    session.start(SessionConfig(mode="udp", role="multicast", nick=nick, port=port,
                                group="ff02::1:7", interface="v0"))
def active(n):
    return any(isinstance(e, StateChanged) and e.state is SessionState.ACTIVE for e in seen[n])
steps = iter([
    (lambda: active("a") and active("b"), lambda: sessions["a"].send("v6 hello")),
    (lambda: any(isinstance(e, ChatReceived) for e in seen["b"])
             and any(isinstance(e, ReceiptReceived) for e in seen["a"]), loop.stop),
])
cond, act = next(steps)
deadline = time.monotonic() + 5
def tick():
    global cond, act
    if time.monotonic() > deadline:
        loop.stop()
        return
    if cond():
        act()
        try:
            cond, act = next(steps)
        except StopIteration:
            return
    loop.call_later(0.01, tick)
loop.call_later(0, tick)
loop.run()
def shown(e):
    return type(e).__name__ + ":" + getattr(e, "text", "")
print(json.dumps({n: [shown(e) for e in evs] for n, evs in seen.items()}))
"""


@pytest.fixture
def netns_python() -> list[str]:
    """A command prefix running Python in a fresh network namespace with a veth pair ``v0``/``v1``.

    ``lo`` cannot carry IPv6 multicast even with the MULTICAST flag (measured: sent, never
    delivered); a veth pair is a real link, with nothing behind it but its other end.
    """
    # As a user, ip lives in /usr/sbin, off PATH: look there too, so the reason given is the real one.
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    unshare, ip = shutil.which("unshare", path=search), shutil.which("ip", path=search)
    if sys.platform != "linux" or unshare is None or ip is None:
        pytest.skip("needs Linux with unshare and iproute2 (ip)")
    probe = subprocess.run(
        [unshare, "--net", "true"], capture_output=True, text=True, timeout=10, check=False
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot make a network namespace here (needs root): {probe.stderr.strip()}")
    setup = " && ".join(
        [
            f"{ip} link set lo up",
            f"{ip} link add v0 type veth peer name v1",
            f"{ip} link set v0 addrgenmode none",
            f"{ip} link set v1 addrgenmode none",
            f"{ip} link set v0 up",
            f"{ip} link set v1 up",
            f"{ip} addr add fe80::1/64 dev v0 nodad",  # a usable link-local source at once, no DAD wait
        ]
    )
    return [unshare, "--net", "sh", "-c", f'{setup} && exec "$0" "$@"', sys.executable, "-c"]


def test_ipv6_multicast_in_a_private_namespace(netns_python: list[str], port: int) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [*netns_python, _NETNS_SCRIPT, str(port)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=root,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert "ChatReceived:v6 hello" in seen["b"]
    assert "ChatReceived:v6 hello" not in seen["a"]
    assert "ReceiptReceived:" in seen["a"]
    assert not [e for e in seen["a"] + seen["b"] if e.startswith("ProblemOccurred")]
