"""chatgui on a real LAN of this machine: three network namespaces on one bridge.

Host a is 10.213.0.1 (veth lan-a), b is .2 (lan-b), c is .3 (lan-c); each also has a
link-local IPv6 address. Every program is a real ``python main.py`` process started
inside its host's namespace; every wait is on its output, with a timeout as upper bound.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.e2e.harness import Program, program_env
from tests.lan.helpers import RunOn, chat_lines
from tests.lan.netns import NAME_PREFIX, Host, Lan, ip, lan_of_three, namespaces, remove_leftovers

pytestmark = pytest.mark.e2e


def test_the_lan_is_sealed(lan: Lan) -> None:
    # Nothing of the LAN is in the root namespace, and no host has a way out of it.
    root_links = ip("-o link")
    assert lan.prefix not in root_links
    for host in lan.hosts.values():
        assert f"{host.interface}@" not in root_links
        for family, outside in (("-4", "192.0.2.1"), ("-6", "2001:db8::1")):
            done = subprocess.run(
                ["ip", "-n", host.netns, family, "route", "get", outside],
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode != 0, f"{host.netns} has a route to {outside}: {done.stdout}"
            assert "unreachable" in done.stderr.lower()
    assert "inet" not in ip("-o addr show dev br0", netns=lan.bridge_netns)


def _fail_inside_a_lan(built: list[Lan], started: list[Program]) -> None:
    """Build a second LAN, start a process in it, and fail while both exist."""
    with lan_of_three(tag="doomed") as doomed:
        built.append(doomed)
        assert set(doomed.namespaces) <= set(namespaces())
        reader = Program(
            doomed.hosts["a"].command(sys.executable, "-c", "print('in');input()"), program_env()
        )
        started.append(reader)
        reader.out(r"^in$")  # inside the namespace, waiting for input that never comes
        raise RuntimeError("the test failed")


def test_a_lan_is_removed_with_its_processes_even_when_its_user_fails(lan: Lan) -> None:
    # A second, short-lived LAN beside the session's one (which must not be disturbed).
    built: list[Lan] = []
    started: list[Program] = []
    with pytest.raises(RuntimeError, match="the test failed"):
        _fail_inside_a_lan(built, started)
    try:
        assert not set(built[0].namespaces) & set(namespaces())
        # The process still inside was ended.
        assert started[0].popen.wait(10) != 0
    finally:
        started[0].kill()
    assert set(lan.namespaces) <= set(namespaces())


def test_leftovers_of_a_dead_run_are_removed(lan: Lan) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    leftover = f"{NAME_PREFIX}{int(gone.stdout)}-lan-br"
    ip(f"netns add {leftover}")
    try:
        assert remove_leftovers() == [leftover]
        assert leftover not in namespaces()
        assert set(lan.namespaces) <= set(namespaces()), "a live run's LAN is not a leftover"
    finally:
        ip(f"netns del {leftover}", check=False)


ECHO_ONCE = """
import socket, sys
family = socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET
with socket.socket(family, socket.SOCK_DGRAM) as s:
    s.bind((sys.argv[1], 0))
    print(s.getsockname()[1], flush=True)
    data, sender = s.recvfrom(1024)
    print(data.decode(), flush=True)
"""

SEND_ONCE = """
import socket, sys
family = socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET
target = socket.getaddrinfo(sys.argv[1], int(sys.argv[2]), family, socket.SOCK_DGRAM)[0][4]
with socket.socket(family, socket.SOCK_DGRAM) as s:
    s.sendto(sys.argv[3].encode(), target)
"""


@pytest.mark.parametrize("family", ["ipv4", "ipv6-link-local"])
def test_plain_sockets_cross_the_bridge(lan: Lan, family: str) -> None:
    # The LAN itself, without chatgui: when this fails, the chat tests below cannot pass.
    a, b = lan.hosts["a"], lan.hosts["b"]
    where, target = (b.ipv4, b.ipv4) if family == "ipv4" else ("::", b.link_local_from(a))
    receiver = Program(b.command(sys.executable, "-c", ECHO_ONCE, where), program_env())
    try:
        port = receiver.out(r"^(\d+)$")[1]
        sender = subprocess.run(
            a.command(sys.executable, "-c", SEND_ONCE, target, port, f"over {family}"),
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
        assert sender.returncode == 0, sender.stderr
        receiver.out(rf"^over {family}$")
    finally:
        receiver.kill()


def tcp_room(run_on: RunOn, hosts: dict[str, Host], target: str) -> tuple[Program, Program, Program]:
    """A TCP room: ann hosts it on a; bob (on b) and carol (on c) join it at ``target``."""
    ann = run_on(hosts["a"], "host", "--tcp", "--port", "0", "--nick", "ann")
    port = ann.listening_port()
    bob = run_on(hosts["b"], "join", "--tcp", target, str(port), "--nick", "bob")
    ann.err(r"bob joined")
    carol = run_on(hosts["c"], "join", "--tcp", target, str(port), "--nick", "carol")
    ann.err(r"carol joined")
    carol.err(r"In the room: .*ann")
    bob.err(r"carol joined")
    return ann, bob, carol


def test_tcp_room_of_three_relays_every_line_in_order(lan: Lan, run_on: RunOn) -> None:
    ann, bob, carol = tcp_room(run_on, lan.hosts, lan.hosts["a"].ipv4)
    # Both write at once; the host interleaves them, but each sender's lines stay in order.
    bob.send(*(f"bob line {n}" for n in range(1, 21)))
    carol.send(*(f"carol line {n}" for n in range(1, 21)))

    bobs = [("bob", f"bob line {n}") for n in range(1, 21)]
    carols = [("carol", f"carol line {n}") for n in range(1, 21)]
    at_ann = chat_lines(ann, 40)
    assert [line for line in at_ann if line[0] == "bob"] == bobs, ann.describe()
    assert [line for line in at_ann if line[0] == "carol"] == carols, ann.describe()
    assert chat_lines(bob, 20) == carols, bob.describe()
    assert chat_lines(carol, 20) == bobs, carol.describe()

    ann.send("the host speaks too")
    assert chat_lines(bob, 1) == [("ann", "the host speaks too")]
    assert chat_lines(carol, 1) == [("ann", "the host speaks too")]
    bob.close_stdin()
    assert bob.wait_exit() == 0, bob.describe()
    carol.err(r"bob.* left")


def test_tcp_over_ipv6_link_local(lan: Lan, run_on: RunOn) -> None:
    a, b = lan.hosts["a"], lan.hosts["b"]
    ann = run_on(a, "host", "--tcp", "--port", "0", "--nick", "ann")
    port = ann.listening_port()
    # b reaches a by a's fe80:: address scoped to b's own interface.
    bob = run_on(b, "join", "--tcp", a.link_local_from(b), str(port), "--nick", "bob")
    ann.err(r"bob joined")
    bob.send("hello over link-local")
    assert chat_lines(ann, 1) == [("bob", "hello over link-local")]
    ann.send("and back")
    assert chat_lines(bob, 1) == [("ann", "and back")]


def test_udp_peer_over_ipv6_link_local(lan: Lan, run_on: RunOn) -> None:
    a, b = lan.hosts["a"], lan.hosts["b"]
    ann = run_on(a, "host", "--udp", "--port", "0", "--nick", "ann")
    port = ann.listening_port()
    bob = run_on(b, "join", "--udp", a.link_local_from(b), str(port), "--nick", "bob")
    bob.send("hello over udp link-local")
    assert chat_lines(ann, 1) == [("bob", "hello over udp link-local")]
    # The host answers whoever wrote to it: back to bob's link-local address.
    ann.send("and back over udp")
    assert chat_lines(bob, 1) == [("ann", "and back over udp")]
