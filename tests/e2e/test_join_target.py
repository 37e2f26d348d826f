"""``main.py join HOST:PORT`` joins a real host, with the address written as the host's window shows it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.harness import Program

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("target", ["127.0.0.1:{port}", "[::1]:{port}"])
def test_join_a_real_host_by_host_colon_port(chatgui: Callable[..., Program], target: str) -> None:
    # No --bind: the host listens on every interface, IPv4 and IPv6 (dual-stack).
    host = chatgui("host", "--tcp", "--port", "0", "--nick", "ann", "--no-history")
    port = host.listening_port()
    bob = chatgui("join", "--tcp", target.format(port=port), "--nick", "bob", "--no-history")
    host.err(r"bob joined")
    bob.send("hi")
    host.out(r"^bob: hi$")
    bob.close_stdin()
    assert bob.wait_exit() == 0


def test_link_local_without_interface_exits_2_with_a_sentence(chatgui: Callable[..., Program]) -> None:
    program = chatgui("join", "--tcp", "[fe80::1]:50007", "--no-history")
    assert program.wait_exit() == 2
    assert any("link-local" in line for line in program.stderr.lines), program.describe()
    assert not any("Invalid argument" in line for line in program.stderr.lines)
