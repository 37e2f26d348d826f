"""A picture, both ways: blocks on the wire, and real runs over loopback through the lab's shim."""

from __future__ import annotations

import contextlib
import random
import socket
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from chatgui.lab import picture_wire as pw
from chatgui.lab.bridge import LabController
from chatgui.lab.export import picture_metadata
from chatgui.lab.model import TCP, UDP, Conditions
from chatgui.lab.picture import PictureResult, _Side, run_picture

RUN = 0x1234ABCD


def noise(width: int, height: int, seed: int = 0) -> pw.Picture:
    """A picture where every block differs from every other (a misplaced block would show)."""
    rng = random.Random(seed)
    return pw.Picture(width, height, rng.randbytes(width * height * 3), "noise")


# ----------------------------------------------------------------- blocks


@pytest.mark.parametrize(("width", "rows"), [(1, 395), (192, 2), (197, 2), (198, 1), (pw.MAX_WIDTH, 1)])
def test_each_datagram_carries_whole_rows_and_fits_1200_bytes(width: int, rows: int) -> None:
    picture = noise(width, 400)
    assert picture.rows_per_block == rows
    assert picture.block_count == -(-400 // rows)
    frames = [pw.encode_block(picture, RUN, i) for i in range(picture.block_count)]
    assert all(len(frame) <= pw.MAX_DATAGRAM for frame in frames)
    blocks = [pw.parse_datagram(frame, picture, RUN) for frame in frames]
    assert [b.index for b in blocks if b is not None] == list(range(picture.block_count))
    assert b"".join(b.payload for b in blocks if b is not None) == picture.pixels


def test_a_picture_outside_its_limits_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        noise(pw.MAX_WIDTH + 1, 1)
    with pytest.raises(ValueError, match="outside"):
        noise(1, pw.MAX_HEIGHT + 1)
    with pytest.raises(ValueError, match="bytes of pixels"):
        pw.Picture(2, 2, bytes(11))
    assert noise(pw.MAX_WIDTH, pw.MAX_HEIGHT).block_count == pw.MAX_HEIGHT


def test_a_strangers_datagrams_are_not_blocks() -> None:
    picture = noise(192, 144)
    good = pw.encode_block(picture, RUN, 5)
    magic, run, index, count, length = pw.HEADER.unpack_from(good)
    payload = good[pw.HEADER.size :]

    def forged(**fields: int) -> bytes:
        values = {"run": run, "index": index, "count": count, "length": length} | fields
        header = pw.HEADER.pack(magic, values["run"], values["index"], values["count"], values["length"])
        return header + payload

    assert pw.parse_datagram(good, picture, RUN) == pw.Block(5, payload)
    bad = [
        b"",
        good[: pw.HEADER.size - 1],
        good[:-1],  # one byte short
        good + b"\x00",  # one byte over
        b"PIC2" + good[4:],
        forged(run=RUN + 1),
        forged(index=picture.block_count),  # just past the last block
        forged(index=0xFFFF),
        forged(count=picture.block_count + 1),
        forged(length=length + 1),
        forged(length=length - 1),
        bytes(pw.MAX_DATAGRAM + 1),
    ]
    for data in bad:
        assert pw.parse_datagram(data, picture, RUN) is None, data[:20]
    # The last block is shorter; its header must say exactly that.
    odd = noise(192, 143)
    last = odd.block_count - 1
    assert odd.payload_size(last) == 192 * 3
    assert pw.parse_datagram(pw.encode_block(odd, RUN, last), odd, RUN) is not None


# ----------------------------------------------------------------- real runs


def test_without_loss_both_protocols_deliver_the_identical_picture() -> None:
    picture = noise(192, 144, seed=1)
    result = run_picture(picture, Conditions(), rate=0)
    for side in (result.tcp, result.udp):
        assert side.done
        assert not side.broken
        assert side.pixels == picture.pixels
        assert side.holes == ()
        assert side.received == picture.block_count == 72
        assert all(t is not None and t >= 0 for t in side.arrived_at)
    assert result.udp.injected_lost == 0


def test_under_30_percent_loss_tcp_is_whole_and_udp_has_exactly_the_shims_holes() -> None:
    picture = noise(192, 144, seed=2)
    result = run_picture(picture, Conditions(loss=30, seed=11), rate=2000)
    tcp, udp = result.tcp, result.udp
    assert tcp.pixels == picture.pixels
    assert tcp.holes == ()
    assert tcp.injected_lost > 0  # TCP met the same loss and paid in time
    assert tcp.retransmit_delay_ms >= 200 * tcp.injected_lost
    assert tcp.seconds >= 0.2
    assert udp.injected_lost > 10
    assert len(udp.holes) == udp.injected_lost
    assert udp.received == picture.block_count - udp.injected_lost
    row = picture.rows_per_block * picture.row_bytes
    for index in range(picture.block_count):
        got = udp.pixels[index * row : (index + 1) * row]
        expected = picture.payload(index) if index not in udp.holes else bytes(len(got))
        assert got == expected, index
    # The same seed loses the same blocks.
    again = run_picture(picture, Conditions(loss=30, seed=11), rate=0)
    assert again.udp.holes == udp.holes


def test_duplicates_and_reordering_reach_udp_but_not_the_picture() -> None:
    picture = noise(100, 120, seed=3)
    result = run_picture(picture, Conditions(dup=30, reorder=30, seed=4), rate=0)
    assert result.udp.pixels == picture.pixels
    assert result.udp.duplicates == result.udp.injected_duplicated > 0
    assert result.udp.late == result.udp.injected_reordered > 0
    assert result.tcp.pixels == picture.pixels
    assert result.tcp.duplicates == 0


def test_a_stranger_connecting_first_is_closed_unread_and_ours_is_accepted() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    stranger = socket.create_connection(listener.getsockname())
    stranger.sendall(b"GET / HTTP/1.0\r\n\r\n" + bytes(70_000))
    ours = socket.create_connection(listener.getsockname())
    try:
        accepted = _Side._accept_sender(listener, ours.getsockname())
        assert accepted.getpeername() == ours.getsockname()
        stranger.settimeout(5)
        # Closed with its bytes unread: the stranger gets a reset (or, at most, an end).
        with contextlib.suppress(ConnectionResetError):
            assert stranger.recv(1024) == b""
        accepted.close()
    finally:
        for sock in (listener, stranger, ours):
            sock.close()


def test_a_stranger_who_guesses_the_run_cannot_paint_into_the_udp_picture(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    picture = noise(64, 64, seed=9)
    forged = pw.Picture(64, 64, b"\xff" * (64 * 64 * 3))
    stranger = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sent: list[int] = []
    original = _Side._open

    def open_and_attack(side: _Side) -> tuple[socket.socket, socket.socket]:
        sender, receiver = original(side)
        if side.protocol == UDP:
            # Before the real blocks, with the right run, every block of a white picture.
            for index in range(forged.block_count):
                sent.append(
                    stranger.sendto(pw.encode_block(forged, side.run.run_id, index), receiver.getsockname())
                )
        return sender, receiver

    monkeypatch.setattr(_Side, "_open", open_and_attack)
    try:
        result = run_picture(picture, Conditions(), rate=0)
    finally:
        stranger.close()
    assert len(sent) == forged.block_count  # the stranger's datagrams left
    assert result.udp.pixels == picture.pixels
    assert result.udp.duplicates == 0
    assert result.tcp.pixels == picture.pixels


def test_metadata_names_the_picture_and_what_was_modelled() -> None:
    picture = noise(192, 144, seed=5)
    result = run_picture(picture, Conditions(loss=20, seed=9), rate=0)
    meta = dict(picture_metadata(result))
    assert meta["seed"] == "9"
    assert "loss=20%" in meta["conditions"]
    assert "192x144" in meta["picture"]
    assert "2 rows per datagram" in meta["picture"]
    assert f"chatgui held back {result.tcp.injected_lost} blocks as TCP would" in meta["modelled"]
    assert f"dropped {result.udp.injected_lost} UDP datagrams" in meta["modelled"]
    assert f"{len(result.udp.holes)} holes" in meta["measured"]
    assert "nft" in meta["real_loss"]


# ----------------------------------------------------------------- the Qt facade


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[LabController]:
    ctl = LabController()
    yield ctl
    ctl.shutdown()


def test_the_controller_runs_a_picture_and_hands_over_the_result(
    qtbot: QtBot, controller: LabController
) -> None:
    picture = noise(64, 64, seed=6)
    with qtbot.waitSignal(controller.picture_finished, timeout=20_000) as blocker:
        controller.run_picture(picture, Conditions(loss=10, seed=2), rate=500)
    result = blocker.args[0]
    assert isinstance(result, PictureResult)
    assert result.picture is picture
    assert result.tcp.protocol == TCP
    assert result.udp.protocol == UDP
    assert result.tcp.pixels == picture.pixels


def test_a_second_picture_run_stops_the_first(qtbot: QtBot, controller: LabController) -> None:
    slow = noise(64, 64, seed=7)
    controller.run_picture(slow, Conditions(), rate=1)  # 64 blocks at 1 a second: still going
    fast = noise(32, 32, seed=8)
    with qtbot.waitSignal(controller.picture_finished, timeout=20_000) as blocker:
        controller.run_picture(fast, Conditions(), rate=0)
    assert blocker.args[0].picture is fast
