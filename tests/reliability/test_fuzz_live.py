"""Issue 9, rule 1: Hypothesis-made frames and bytes against a live host, TCP and UDP.

After each example a control member still chats. Bounded: 60 examples per protocol, no
per-example deadline (a live host is not a pure function), a few seconds each at most.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.harness import Program, program_env
from tests.reliability.wire import HOST_NICK, LOCAL, Member, frame, no_traceback, quiet_args

pytestmark = pytest.mark.reliability

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    derandomize=True,  # the same examples on every run: a live room is slow to shrink in
)
TYPES = ["hello", "msg", "ack", "roster", "join", "leave", "ping", "pong", "bye", "error", "welcome"]
# Each string bound, and one byte (or one entry) over it.
JUST_OVER = {
    "nick": "n" * 257,
    "peer": "p" * 65,
    "app": "a" * 65,
    "reason": "r" * 1025,
    "text": "t" * 16385,
    "room": "o" * 257,
}
LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.sampled_from(list(JUST_OVER.values())),
    st.just("\x1b]0;t\x07\u202e\u200b\n\r"),
)
VALUE = st.recursive(
    LEAF,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FIELD_NAMES = ["nick", "peer", "app", "seq", "ts", "text", "reason", "nicks", "also", "room", "v", "type"]


@st.composite
def frames(draw: st.DrawFn) -> dict[str, Any]:
    """A v1 object of a known type with random fields of random types and sizes."""
    obj: dict[str, Any] = {"v": 1, "type": draw(st.sampled_from(TYPES))}
    for name in draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=6, unique=True)):
        obj[name] = draw(VALUE)
    if draw(st.booleans()):
        obj["nicks"] = draw(st.sampled_from([["x"] * 1025, ["n" * 257], [], [1, None]]))
    return obj


def _encoded(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")


PAYLOADS = st.one_of(
    frames().map(lambda f: [_encoded(f)]),
    st.lists(frames().map(_encoded), min_size=1, max_size=4),
    st.lists(st.binary(max_size=300), min_size=1, max_size=4),
    st.sampled_from([[b"A" * 70000], [b"\xff" * 20000], [b"{" * 5000], [b"\n" * 1000]]),
)


def _start_host(*args: str) -> Program:
    return Program(
        [
            sys.executable,
            "main.py",
            "host",
            *args,
            "--bind",
            LOCAL,
            "--port",
            "0",
            "--nick",
            HOST_NICK,
            *quiet_args(),
        ],
        program_env(),
    )


@pytest.fixture(scope="module")
def tcp_host() -> Iterator[Program]:
    host = _start_host("--tcp")
    yield host
    host.kill()


@pytest.fixture(scope="module")
def udp_host() -> Iterator[Program]:
    host = _start_host("--udp")
    yield host
    host.kill()


def test_random_frames_and_bytes_over_tcp_never_stop_the_room(tcp_host: Program) -> None:
    port = tcp_host.listening_port()
    control = Member(port, "control")
    watcher = Member(port, "watcher")
    control.expect_frame("roster")
    watcher.expect_frame("roster")
    checks = [0]

    @FUZZ
    @given(payload=PAYLOADS, hello=st.booleans())
    def one(payload: list[bytes], hello: bool) -> None:
        stranger = socket.create_connection((LOCAL, port), timeout=10)
        try:
            if hello:
                stranger.sendall(frame(type="hello", nick="fuzz", peer="fuzz-peer", app="tests"))
            for chunk in payload:
                try:
                    stranger.sendall(chunk + b"\n")
                except OSError:
                    break  # refused and closed by the host: that is allowed
        finally:
            stranger.close()
        checks[0] += 1
        text = f"check {checks[0]}"
        control.say(text)
        watcher.expect_frame("msg", text=text)

    try:
        one()
    finally:
        control.close()
        watcher.close()
    assert tcp_host.popen.poll() is None, tcp_host.describe()
    no_traceback(tcp_host)


def test_random_frames_and_bytes_over_udp_never_stop_the_room(udp_host: Program) -> None:
    port = udp_host.listening_port()
    control = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    control.bind((LOCAL, 0))
    control.settimeout(10)
    stranger = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    stranger.bind((LOCAL, 0))
    seq = [0]

    @FUZZ
    @given(payload=PAYLOADS)
    def one(payload: list[bytes]) -> None:
        for chunk in payload:
            # An earlier ICMP error may surface here: not the host's doing.
            with contextlib.suppress(OSError):
                stranger.sendto(chunk[:65000], (LOCAL, port))
        seq[0] += 1
        control.sendto(
            json.dumps(
                {
                    "v": 1,
                    "type": "msg",
                    "peer": "control",
                    "seq": seq[0],
                    "ts": 0.0,
                    "nick": "control",
                    "text": f"check {seq[0]}",
                }
            ).encode(),
            (LOCAL, port),
        )
        udp_host.out(rf"^control: check {seq[0]}$")

    try:
        one()
    finally:
        control.close()
        stranger.close()
    assert udp_host.popen.poll() is None, udp_host.describe()
    no_traceback(udp_host)
