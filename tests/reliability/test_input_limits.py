"""Issue 9, first bullets: no line from one connection ends the room for everyone else."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.reliability.wire import Room, frame, no_traceback

pytestmark = pytest.mark.reliability

MAX_LINE_BYTES = 65536


def test_a_17000_byte_raw_line_is_relayed_cut_visibly_and_the_room_goes_on(room: Callable[..., Room]) -> None:
    # python3 -c "print('A'*17000)" | ncat 127.0.0.1 PORT — with two chatgui members watching.
    r = room()
    bob = r.join("bob")
    carol = r.join("carol")
    stranger = r.member(None)
    stranger.send(b"A" * 17000 + b"\n")
    stranger.close()

    shown = bob.out(r"^127\.0\.0\.1:\d+: (A+) \u2026 \[\+([\d,]+) bytes\]$", timeout=15)
    kept, dropped = len(shown[1]), int(shown[2].replace(",", ""))
    assert kept + dropped == 17000, "the mark says how much of the line was not shown"

    carol.send("still here")
    bob.out(r"^carol: still here$")
    assert r.host.popen.poll() is None, r.host.describe()
    no_traceback(*r.everyone())


@pytest.mark.parametrize(
    "peer_bytes",
    [65, MAX_LINE_BYTES - 400],  # just over the peer bound, and a line just under 64 KiB
    ids=["peer-65-bytes", "line-just-under-64KiB"],
)
def test_a_msg_with_a_huge_peer_field_gets_its_sender_refused_not_the_room(
    room: Callable[..., Room], peer_bytes: int
) -> None:
    r = room()
    bob = r.join("bob")
    carol = r.join("carol")
    mallory = r.member("mallory")
    bob.err(r"mallory")  # she is in the room before she speaks
    line = frame(type="msg", peer="p" * peer_bytes, seq=1, ts=0.0, nick="mallory", text="hi")
    assert len(line) < MAX_LINE_BYTES
    mallory.send(line)

    refusal = mallory.expect_frame("error")
    assert isinstance(refusal.get("reason"), str)
    assert mallory.wait_closed(), "the host closes the connection after its error frame"

    carol.send("after mallory")
    bob.out(r"^carol: after mallory$")
    bob.send("bob too")
    carol.out(r"^bob: bob too$")
    assert all(p.popen.poll() is None for p in r.everyone()), [p.describe() for p in r.everyone()]
    assert not any("longer than" in line for line in bob.stderr.lines + carol.stderr.lines)
    no_traceback(*r.everyone())
