"""chatgui with nc (ncat) and socat as peers."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.e2e.harness import Program, require_tool

pytestmark = pytest.mark.e2e


def test_ncat_joins_a_tcp_host(chatgui: Callable[..., Program], spawn: Callable[..., Program]) -> None:
    ncat = require_tool("ncat", "nc")
    host = chatgui("host", "--tcp", "--bind", "127.0.0.1", "--port", "0", "--nick", "ann")
    port = host.listening_port()
    nc = spawn(ncat, "127.0.0.1", str(port))
    nc.send("hello from nc")
    host.out(r"^127\.0\.0\.1:\d+: hello from nc$")
    host.send("hi nc")
    nc.out(r"^ann: hi nc$")


def test_ncat_udp_talks_to_a_udp_host(chatgui: Callable[..., Program], spawn: Callable[..., Program]) -> None:
    ncat = require_tool("ncat")
    host = chatgui("host", "--udp", "--raw", "--bind", "127.0.0.1", "--port", "0")
    port = host.listening_port()
    nc = spawn(ncat, "-u", "127.0.0.1", str(port))
    nc.send("hello from ncat -u")
    host.out(r"^127\.0\.0\.1:\d+: hello from ncat -u$")
    host.send("hi ncat")
    nc.out(r"^hi ncat$")


def test_socat_joins_a_tcp_host(chatgui: Callable[..., Program], spawn: Callable[..., Program]) -> None:
    socat = require_tool("socat")
    host = chatgui("host", "--tcp", "--bind", "127.0.0.1", "--port", "0", "--nick", "ann")
    port = host.listening_port()
    peer = spawn(socat, "-", f"TCP:127.0.0.1:{port}")
    peer.send("hello from socat")
    host.out(r"^127\.0\.0\.1:\d+: hello from socat$")
    host.send("hi socat")
    peer.out(r"^ann: hi socat$")


def test_join_talks_to_a_socat_listener(
    chatgui: Callable[..., Program], spawn: Callable[..., Program]
) -> None:
    socat = require_tool("socat")
    listener = spawn(socat, "-d", "-d", "TCP-LISTEN:0,bind=127.0.0.1", "-")
    port = int(listener.err(r"listening on .*127\.0\.0\.1:(\d+)")[1])
    program = chatgui("join", "--tcp", "--raw", "127.0.0.1", str(port))
    program.send("hello listener")
    listener.out(r"^hello listener$")
    listener.send("hello joiner")
    program.out(rf"^127\.0\.0\.1:{port}: hello joiner$")


def test_a_silent_ncat_is_announced_on_the_hosts_stderr(
    chatgui: Callable[..., Program], spawn: Callable[..., Program]
) -> None:
    ncat = require_tool("ncat", "nc")
    host = chatgui("host", "--tcp", "--bind", "127.0.0.1", "--port", "0", "--nick", "ann")
    port = host.listening_port()
    nc = spawn(ncat, "127.0.0.1", str(port))
    address = host.err(r"^(127\.0\.0\.1:\d+) connected \(plain text, not chatgui\)\.$")[1]
    nc.kill()
    host.err(rf"^{re.escape(address)} disconnected\.$")
