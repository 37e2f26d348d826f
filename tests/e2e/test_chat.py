"""chatgui talking to chatgui: hosts, joins, UDP peers as separate processes."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from tests.e2e.harness import Program, program_env

pytestmark = pytest.mark.e2e


def tcp_host(chatgui: Callable[..., Program], *extra: str) -> tuple[Program, int]:
    host = chatgui("host", "--tcp", "--bind", "127.0.0.1", "--port", "0", "--nick", "ann", *extra)
    return host, host.listening_port()


def test_tcp_host_and_two_joins_chat(chatgui: Callable[..., Program]) -> None:
    host, port = tcp_host(chatgui)
    bob = chatgui("join", "--tcp", "127.0.0.1", str(port), "--nick", "bob")
    host.err(r"bob joined")
    # A C locale must not stop anyone from reading Chinese: stdout is UTF-8 regardless.
    carol = chatgui(
        "join",
        "--tcp",
        "127.0.0.1",
        str(port),
        "--nick",
        "carol",
        env=program_env(LC_ALL="C", LANG="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0"),
    )
    host.err(r"carol joined")
    carol.err(r"In the room: .*ann")

    bob.send("hi from bob")
    host.out(r"^bob: hi from bob$")
    carol.out(r"^bob: hi from bob$")

    carol.send("你好 from carol")
    host.out(r"^carol: 你好 from carol$")
    bob.out(r"^carol: 你好 from carol$")

    host.send("welcome, both")
    bob.out(r"^ann: welcome, both$")
    carol.out(r"^ann: welcome, both$")

    bob.close_stdin()
    assert bob.wait_exit() == 0
    host.err(r"bob.* left")
    carol.err(r"bob.* left")
    assert "hi from bob" not in "\n".join(bob.stdout.lines), "a sender does not get its own message back"


def test_tcp_join_sends_queued_lines_then_exits_0_on_eof(chatgui: Callable[..., Program]) -> None:
    host, port = tcp_host(chatgui)
    bob = chatgui("join", "--tcp", "127.0.0.1", str(port), "--nick", "bob")
    # Written before the connection is up, and stdin ends at once: all must still arrive.
    bob.send(*(f"line {n}" for n in range(1, 2001)))
    bob.close_stdin()
    assert bob.wait_exit() == 0, bob.describe()
    for n in range(1, 2001):
        host.out(rf"^bob: line {n}$")


def test_multiline_text_is_printed_with_the_sender_on_every_line(chatgui: Callable[..., Program]) -> None:
    # A raw host relays a chatgui message; tabs survive, control characters are escaped.
    host, port = tcp_host(chatgui)
    bob = chatgui("join", "--tcp", "127.0.0.1", str(port), "--nick", "bob")
    host.err(r"bob joined")
    bob.send("a\tb \x1b[31mred")
    host.out(r"^bob: a\tb \\x1b\[31mred$")


def test_host_going_away_ends_a_join_with_status_1(chatgui: Callable[..., Program]) -> None:
    host, port = tcp_host(chatgui)
    bob = chatgui("join", "--tcp", "127.0.0.1", str(port), "--nick", "bob")
    host.err(r"bob joined")
    host.close_stdin()
    assert host.wait_exit() == 0
    bob.err(r"127\.0\.0\.1:\d+ (closed the connection|was reset)")
    assert bob.wait_exit() == 1


def test_host_exits_0_on_eof(chatgui: Callable[..., Program]) -> None:
    host, _ = tcp_host(chatgui)
    host.close_stdin()
    assert host.wait_exit() == 0, host.describe()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("mode", ["--tcp", "--udp"])
def test_host_exits_0_on_sigint(chatgui: Callable[..., Program], mode: str) -> None:
    host = chatgui("host", mode, "--bind", "127.0.0.1", "--port", "0")
    host.listening_port()
    host.interrupt()
    assert host.wait_exit() == 0, host.describe()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_join_exits_0_on_sigterm(chatgui: Callable[..., Program]) -> None:
    host, port = tcp_host(chatgui)
    bob = chatgui("join", "--tcp", "127.0.0.1", str(port), "--nick", "bob")
    host.err(r"bob joined")
    bob.popen.terminate()
    assert bob.wait_exit() == 0, bob.describe()


def test_udp_host_and_join_chat(chatgui: Callable[..., Program]) -> None:
    host = chatgui("host", "--udp", "--bind", "127.0.0.1", "--port", "0", "--nick", "ann")
    port = host.listening_port()
    bob = chatgui("join", "--udp", "127.0.0.1", str(port), "--nick", "bob")
    bob.send("hello over udp 你好")
    host.out(r"^bob: hello over udp 你好$")
    # The host answers whoever wrote to it.
    host.send("hello back")
    bob.out(r"^ann: hello back$")
