"""The lab's "A picture, both ways" tab: what it paints, what it says, what it saves, where it fits."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from chatgui import __version__
from chatgui.lab.bridge import LabController
from chatgui.lab.model import TCP, UDP, Conditions
from chatgui.lab.picture import PictureResult, PictureSide
from chatgui.lab.picture_wire import Picture
from chatgui.ui.lab import LabWidget
from chatgui.ui.lab.picture_canvas import BOX, HOLE, side_image
from chatgui.ui.lab.picture_tab import PictureView

from .conftest import FakeLabController

WIDE = (1280, 733)
SMALL = (800, 433)


def _side(protocol: str, picture: Picture, holes: set[int], **extra: float) -> PictureSide:
    row = picture.rows_per_block * picture.row_bytes
    pixels = bytearray(picture.pixels)
    for index in holes:
        pixels[index * row : index * row + picture.payload_size(index)] = bytes(picture.payload_size(index))
    arrived = tuple(None if i in holes else 0.001 * i for i in range(picture.block_count))
    return PictureSide(
        protocol=protocol,
        arrived_at=arrived,
        pixels=bytes(pixels),
        duplicates=0,
        late=0,
        seconds=float(extra.pop("seconds", 0.25)),
        done=True,
        **extra,  # type: ignore[arg-type]
    )


def _result(picture: Picture, conditions: Conditions, holes: set[int]) -> PictureResult:
    return PictureResult(
        picture,
        conditions,
        1000.0,
        _side(TCP, picture, set(), seconds=1.75, injected_lost=len(holes) + 2, retransmit_delay_ms=900.0),
        _side(UDP, picture, holes, injected_lost=len(holes)),
    )


def _open_tab(lab: LabWidget) -> None:
    lab.tabs.setCurrentWidget(lab.picture_scroll)


def _grey_rows(image: QImage) -> int:
    grey = HOLE.rgb()
    return sum(
        1 for y in range(image.height()) if all(image.pixel(x, y) == grey for x in range(image.width()))
    )


def test_the_tab_sends_the_built_in_drawing_under_the_lab_conditions(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    _open_tab(lab)
    view = lab.picture_view
    picture = view.picture
    assert picture is not None
    assert (picture.width, picture.height) == (192, 144)
    assert "each datagram carries 2 rows of pixels" in view.about.text()
    assert "72 datagrams per protocol" in view.about.text()
    lab.settings.set_conditions(Conditions(loss=30, seed=42))
    view.run_button.click()
    sent, conditions, rate = fake_controller.pictures[-1]
    assert sent is picture
    assert conditions == Conditions(loss=30, seed=42)
    assert rate == lab.settings.workload().rate
    assert not view.run_button.isEnabled()


def test_the_tab_paints_tcp_whole_and_udp_with_grey_holes(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    _open_tab(lab)
    view = lab.picture_view
    lab.settings.set_conditions(Conditions(loss=30, seed=42))
    view.run_button.click()
    picture, conditions, _ = fake_controller.pictures[-1]
    holes = {3, 10, 11, 40}
    fake_controller.picture_finished.emit(_result(picture, conditions, holes))
    tcp_image = view.canvases[TCP].image
    udp_image = view.canvases[UDP].image
    original = QImage(
        picture.pixels, picture.width, picture.height, picture.width * 3, QImage.Format.Format_RGB888
    )
    assert tcp_image == original.copy()
    assert _grey_rows(tcp_image) == 0
    assert _grey_rows(udp_image) == len(holes) * picture.rows_per_block
    assert QColor(udp_image.pixel(5, 3 * picture.rows_per_block)) == HOLE
    assert view.side_labels[TCP].text().startswith("Whole after 1.75 s: 72 of 72 blocks")
    assert "68 of 72 blocks" in view.side_labels[UDP].text()
    assert "4 grey holes where datagrams were lost" in view.side_labels[UDP].text()
    truth = view.truth.text()
    assert "Measured: which blocks each receiver got" in truth
    assert "held back 6 of TCP's blocks as TCP would after losing their packets" in truth
    assert "dropped 4 of UDP's datagrams" in truth
    assert "no TCP packet was really lost" in truth
    assert "lab-peer" in truth
    assert "nft" in truth
    assert view.run_button.isEnabled()
    assert view.export_button.isEnabled()
    for canvas in view.canvases.values():
        assert canvas.isVisible()
        assert canvas.picture_rect().width() >= picture.width  # never shown smaller than it is


def test_live_blocks_still_on_their_way_are_pale_not_grey() -> None:
    picture = Picture(200, 10, bytes(6000), "band")
    assert picture.block_count == 10
    side = replace(_side(UDP, picture, {1}), done=False)
    image = side_image(picture, side)
    assert _grey_rows(image) == 0
    assert _grey_rows(side_image(picture, replace(side, done=True))) == picture.rows_per_block


def test_the_saved_png_says_what_made_it(
    lab: LabWidget, fake_controller: FakeLabController, tmp_path: Path
) -> None:
    _open_tab(lab)
    view = lab.picture_view
    assert not view.export_button.isEnabled()
    assert not view.export_png(str(tmp_path / "none.png"))
    lab.settings.set_conditions(Conditions(loss=30, seed=42))
    view.run_button.click()
    picture, conditions, _ = fake_controller.pictures[-1]
    fake_controller.picture_finished.emit(_result(picture, conditions, {1, 2}))
    path = tmp_path / "picture.png"
    assert view.export_png(str(path))
    image = QImage(str(path))
    assert not image.isNull()
    assert image.text("software") == f"chatgui {__version__}"
    assert image.text("seed") == "42"
    assert "loss=30%" in image.text("conditions")
    assert "192x144" in image.text("picture")
    assert "held back 4 blocks as TCP would" in image.text("modelled")
    assert "nft" in image.text("real_loss")
    assert "seed 42" in image.text("Description")
    assert image.height() > view.results_box.height()  # the caption is drawn under the pictures
    assert not view.export_png(str(tmp_path / "no such folder" / "x.png"))


def _use(qtbot: QtBot, view: PictureView, path: Path) -> bool:
    """Choose ``path`` and wait until it is read: whether it could be."""
    with qtbot.waitSignal(view.picture_ready, timeout=20_000) as ready:
        view.use_file(str(path))
    return bool(ready.args[0])


def test_a_picture_of_the_users_is_made_small_and_a_bad_file_is_a_sentence(
    lab: LabWidget, fake_controller: FakeLabController, tmp_path: Path, qtbot: QtBot
) -> None:
    _open_tab(lab)
    view = lab.picture_view
    big = QImage(800, 300, QImage.Format.Format_RGB32)
    big.fill(QColor(10, 200, 30))
    path = tmp_path / "wide.png"
    assert big.save(str(path))
    assert _use(qtbot, view, path)
    picture = view.picture
    assert picture is not None
    assert picture.name == "wide.png"
    assert picture.width == BOX.width()
    assert picture.height == 72  # the shape kept
    assert picture.pixels[:3] == bytes((10, 200, 30))
    assert "wide.png" in view.source_combo.currentText()
    view.run_button.click()
    assert fake_controller.pictures[-1][0] is picture
    fake_controller.picture_finished.emit(_result(picture, Conditions(), set()))

    junk = tmp_path / "notes.png"
    junk.write_bytes(b"not a picture at all")
    assert not _use(qtbot, view, junk)
    assert "notes.png is not a picture chatgui can read" in view.status.text()
    assert view.picture is picture  # the last good choice stays
    view.source_combo.setCurrentIndex(view.source_combo.findData("builtin"))
    assert view.picture is view.builtin


def test_a_picture_claiming_to_be_huge_is_refused_before_decoding(
    lab: LabWidget, tmp_path: Path, qtbot: QtBot
) -> None:
    import struct
    import zlib

    def png(width: int, height: int) -> bytes:
        ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
        chunk = b"IHDR" + ihdr
        return (
            b"\x89PNG\r\n\x1a\n"
            + struct.pack(">I", len(ihdr))
            + chunk
            + struct.pack(">I", zlib.crc32(chunk))
            + b"\x00\x00\x00\x00IEND\xaeB`\x82"
        )

    path = tmp_path / "bomb.png"
    path.write_bytes(png(40_000, 1_001))  # 40,040,000 pixels: just over the cap
    assert not _use(qtbot, lab.picture_view, path)
    assert lab.picture_view.status.text() == (
        "bomb.png is not a picture chatgui can read (or it is over 40 megapixels): choose another."
    )
    assert lab.picture_view.picture is lab.picture_view.builtin
    assert lab.picture_view.run_button.isEnabled()


def test_a_failed_picture_run_says_why_and_may_run_again(
    lab: LabWidget, fake_controller: FakeLabController
) -> None:
    _open_tab(lab)
    view = lab.picture_view
    view.run_button.click()
    fake_controller.failed.emit("The lab could not run: too many open files.")
    assert view.status.text() == "The lab could not run: too many open files."
    assert view.run_button.isEnabled()


# ----------------------------------------------------------------- fit


def _inside(widget: QWidget, viewport: QWidget) -> bool:
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    bottom_right = widget.mapTo(viewport, widget.rect().bottomRight())
    return viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)


@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["1280x800", "800x500"])
def test_the_picture_tab_fits_like_the_other_tabs(
    lab: LabWidget, fake_controller: FakeLabController, qtbot: QtBot, size: tuple[int, int]
) -> None:
    lab.resize(*size)
    qtbot.waitUntil(lambda: lab.size().width() == size[0])
    _open_tab(lab)
    view = lab.picture_view
    view.run_button.click()
    picture = fake_controller.pictures[-1][0]
    fake_controller.picture_finished.emit(_result(picture, Conditions(loss=30, seed=1), {2, 9}))
    viewport = lab.picture_scroll.viewport()
    qtbot.waitUntil(lambda: view.width() <= viewport.width())
    assert view.width() <= viewport.width()  # never scrolled sideways
    assert view.height() <= 2 * viewport.height()  # one scroll at most
    for canvas in view.canvases.values():
        assert canvas.width() >= 160
        assert canvas.picture_rect().width() >= picture.width
    if size == WIDE:
        qtbot.waitUntil(lambda: view.height() <= viewport.height())
        for protocol in (TCP, UDP):
            assert _inside(view.canvases[protocol], viewport)
            assert _inside(view.side_labels[protocol], viewport)
        assert _inside(view.truth, viewport)
        assert view.canvases[TCP].picture_rect().width() >= 2 * picture.width  # shown at twice its size


# ----------------------------------------------------------------- the real engine


@pytest.fixture
def real_lab(qtbot: QtBot) -> Iterator[LabWidget]:
    controller = LabController()
    widget = LabWidget(controller)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    yield widget
    controller.shutdown()


def test_a_real_run_paints_as_many_grey_bands_as_the_shim_dropped(real_lab: LabWidget, qtbot: QtBot) -> None:
    _open_tab(real_lab)
    real_lab.settings.set_conditions(Conditions(loss=30, seed=5))
    view = real_lab.picture_view
    with qtbot.waitSignal(real_lab.controller.picture_finished, timeout=60_000) as blocker:
        view.run_button.click()
    result = blocker.args[0]
    assert isinstance(result, PictureResult)
    assert result.udp.injected_lost > 0  # or the checks below prove nothing
    assert result.tcp.pixels == result.picture.pixels
    assert _grey_rows(view.canvases[TCP].image) == 0
    grey = _grey_rows(view.canvases[UDP].image)
    assert grey == result.udp.injected_lost * result.picture.rows_per_block
    assert f"{result.udp.injected_lost} grey holes" in view.side_labels[UDP].text()
    assert view.export_button.isEnabled()
