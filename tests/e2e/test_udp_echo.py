"""``host --udp --echo`` is a UDP echo server like the tutorials' (recvfrom, sendto the same bytes)."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable

import pytest

from tests.e2e.harness import WAIT, Program

pytestmark = pytest.mark.e2e


def test_tutorial_udp_client_gets_every_datagram_back(chatgui: Callable[..., Program]) -> None:
    host = chatgui("host", "--udp", "--echo", "--bind", "127.0.0.1", "--port", "0")
    port = host.listening_port()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(WAIT)
        s.bind(("127.0.0.1", 0))
        client = s.getsockname()[1]
        # The tutorial client: sendto, then recvfrom(1024); the same bytes come back.
        s.sendto(b"Hello, world", ("127.0.0.1", port))
        assert s.recvfrom(1024) == (b"Hello, world", ("127.0.0.1", port))
        host.out(rf"^127\.0\.0\.1:{client}: Hello, world$")
        # Raw stays raw: bytes that are not UTF-8, line endings and all.
        s.sendto(b"caf\xe9 \xff\r\n", ("127.0.0.1", port))
        assert s.recvfrom(1024) == (b"caf\xe9 \xff\r\n", ("127.0.0.1", port))
        # A chatgui message comes back as it was sent, then its receipt.
        frame = b'{"v":1,"type":"msg","peer":"tut","seq":1,"ts":1,"nick":"tutor","text":"hi"}'
        s.sendto(frame, ("127.0.0.1", port))
        assert s.recvfrom(1024) == (frame, ("127.0.0.1", port))
        ack = json.loads(s.recvfrom(1024)[0])
        assert (ack["type"], ack["peer"], ack["seq"]) == ("ack", "tut", 1)
        host.out(r"^tutor: hi$")


def test_a_chatgui_member_hears_itself_back(chatgui: Callable[..., Program]) -> None:
    host = chatgui("host", "--udp", "--echo", "--bind", "127.0.0.1", "--port", "0", "--nick", "echo")
    port = host.listening_port()
    member = chatgui("join", "--udp", "127.0.0.1", str(port), "--nick", "bob")
    member.send("echo me")
    member.out(r"^bob: echo me$")  # from the destination it was given: under its nick
    host.out(r"^bob: echo me$")
    member.close_stdin()
    assert member.wait_exit() == 0
