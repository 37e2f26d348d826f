"""Thumbnails off the GUI thread: real pictures of each format, damaged ones, and bombs."""

from __future__ import annotations

import struct
import threading
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QThread
from PySide6.QtGui import QColor, QImage, QImageReader
from pytestqt.qtbot import QtBot

from chatgui.ui.picture_decoder import Limits, PictureDecoder, decode, fitted


def gif_bytes(width: int, height: int) -> bytes:
    """A real GIF (Qt reads GIF but does not write it): one colour, LZW codes of a fixed 3 bits.

    A clear code before every two pixels keeps the code table from growing, so the codes
    can be packed without an encoder.
    """
    codes: list[int] = []
    pixels = width * height
    for start in range(0, pixels, 2):
        codes.append(4)  # clear
        codes.extend([1] * min(2, pixels - start))  # colour 1 (red)
    codes.append(5)  # end of information
    bits = 0
    count = 0
    packed = bytearray()
    for code in codes:
        bits |= code << count
        count += 3
        while count >= 8:
            packed.append(bits & 0xFF)
            bits >>= 8
            count -= 8
    if count:
        packed.append(bits & 0xFF)
    blocks = b"".join(
        bytes([len(packed[i : i + 255])]) + packed[i : i + 255] for i in range(0, len(packed), 255)
    )
    screen = struct.pack("<HHBBB", width, height, 0x80, 0, 0)  # global table of 2 colours
    table = bytes([0, 0, 0, 200, 30, 30])
    descriptor = b"," + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return b"GIF89a" + screen + table + descriptor + bytes([2]) + blocks + b"\x00;"


def picture_bytes(fmt: str, width: int = 640, height: int = 480) -> bytes:
    if fmt == "gif":
        return gif_bytes(width, height)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt.upper())
    buffer.close()
    return bytes(data.data())


def png_bomb(width: int, height: int) -> bytes:
    """A small PNG whose header declares ``width`` × ``height`` (a decompression bomb's shape)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\x00" * (width + 1) * 4, 9)  # a few rows; the rest never arrives
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def run(qtbot: QtBot, decoder: PictureDecoder, key: str, start: object) -> tuple[str, object]:
    answers: list[tuple[str, object]] = []
    decoder.decoded.connect(lambda k, image: answers.append((k, image)))
    decoder.failed.connect(lambda k, why: answers.append((k, why)))
    start()  # type: ignore[operator]
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    assert len(answers) == 1
    return answers[0]


@pytest.mark.parametrize("fmt", ["png", "jpeg", "gif", "webp"])
def test_each_picture_format_becomes_a_thumbnail_in_the_box(qtbot: QtBot, tmp_path: Path, fmt: str) -> None:
    decoder = PictureDecoder()
    path = tmp_path / f"photo.{fmt}"
    path.write_bytes(picture_bytes(fmt, 640, 480))
    key, image = run(qtbot, decoder, "a", lambda: decoder.decode_file("a", str(path)))
    assert key == "a"
    assert isinstance(image, QImage)
    assert image.size() == QSize(320, 240)  # 640×480 fitted into 320×240, aspect kept
    assert decoder.wait()


def test_bytes_in_memory_decode_too_and_small_pictures_are_not_enlarged(qtbot: QtBot) -> None:
    decoder = PictureDecoder()
    _key, image = run(qtbot, decoder, "t", lambda: decoder.decode_bytes("t", picture_bytes("png", 50, 20)))
    assert isinstance(image, QImage)
    assert image.size() == QSize(50, 20)


def test_decoding_happens_off_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[object] = []
    original = QImageReader.read

    def spying_read(self: QImageReader) -> QImage:
        seen.append(QThread.currentThread())
        return original(self)

    gui = QThread.currentThread()
    QImageReader.read = spying_read  # type: ignore[method-assign]
    try:
        decoder = PictureDecoder()
        run(qtbot, decoder, "x", lambda: decoder.decode_bytes("x", picture_bytes("jpeg")))
    finally:
        QImageReader.read = original  # type: ignore[method-assign]
    assert seen
    assert all(thread is not gui for thread in seen)
    assert threading.current_thread() is threading.main_thread()


def test_a_bomb_is_refused_from_its_header_without_decoding(qtbot: QtBot) -> None:
    bomb = png_bomb(100_000, 100_000)
    assert len(bomb) < 2_000
    decoder = PictureDecoder()
    _key, why = run(qtbot, decoder, "b", lambda: decoder.decode_bytes("b", bomb))
    assert isinstance(why, str)
    assert "too large" in why
    assert "100,000" in why


def test_just_over_the_pixel_cap_is_refused_and_at_it_is_shown(qtbot: QtBot) -> None:
    limits = Limits(max_pixels=640 * 480)
    decoder = PictureDecoder(limits=limits)
    _, at = run(qtbot, decoder, "at", lambda: decoder.decode_bytes("at", picture_bytes("png", 640, 480)))
    assert isinstance(at, QImage)
    decoder = PictureDecoder(limits=limits)
    _, over = run(
        qtbot, decoder, "over", lambda: decoder.decode_bytes("over", picture_bytes("png", 641, 480))
    )
    assert isinstance(over, str)
    assert "too large" in over


def test_a_payload_over_the_byte_cap_is_refused_unread(qtbot: QtBot, tmp_path: Path) -> None:
    data = picture_bytes("png")
    decoder = PictureDecoder(limits=Limits(max_bytes=len(data) - 1))
    _, why = run(qtbot, decoder, "m", lambda: decoder.decode_bytes("m", data))
    assert isinstance(why, str)
    assert "MB" in why
    path = tmp_path / "big.png"
    path.write_bytes(data)
    decoder = PictureDecoder(limits=Limits(max_bytes=len(data) - 1))
    _, why = run(qtbot, decoder, "f", lambda: decoder.decode_file("f", str(path)))
    assert isinstance(why, str)
    assert "MB" in why


@pytest.mark.parametrize(
    "payload",
    [b"", b"not a picture at all", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, b"%PDF-1.4\n" + b"x" * 100],
    ids=["empty", "text", "truncated-png", "pdf"],
)
def test_damaged_or_other_files_get_a_sentence_not_a_crash(qtbot: QtBot, payload: bytes) -> None:
    decoder = PictureDecoder()
    _, why = run(qtbot, decoder, "d", lambda: decoder.decode_bytes("d", payload))
    assert isinstance(why, str)
    assert why


def test_a_truncated_jpeg_is_damaged(qtbot: QtBot) -> None:
    data = picture_bytes("jpeg")
    decoder = PictureDecoder()
    _, result = run(qtbot, decoder, "j", lambda: decoder.decode_bytes("j", data[:40]))
    assert isinstance(result, str)


def test_a_missing_file_gets_a_sentence(qtbot: QtBot, tmp_path: Path) -> None:
    decoder = PictureDecoder()
    _, why = run(qtbot, decoder, "gone", lambda: decoder.decode_file("gone", str(tmp_path / "gone.png")))
    assert isinstance(why, str)
    assert "could not be read" in why


def test_svg_and_other_formats_qt_reads_are_not_shown_as_pictures(qtbot: QtBot) -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    )
    decoder = PictureDecoder()
    _, why = run(qtbot, decoder, "s", lambda: decoder.decode_bytes("s", svg))
    assert isinstance(why, str)
    assert "PNG, JPEG, GIF or WebP" in why


def test_fitted_keeps_aspect_and_never_goes_below_one_pixel() -> None:
    box = QSize(320, 240)
    assert fitted(QSize(100, 100), box) == QSize(100, 100)
    assert fitted(QSize(3200, 100), box) == QSize(320, 10)
    assert fitted(QSize(100_000, 1), box) == QSize(320, 1)


def test_decode_reads_a_reader_directly(qapp: object) -> None:
    data = QByteArray(picture_bytes("gif", 20, 10))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    image = decode(QImageReader(buffer), Limits())
    assert isinstance(image, QImage)
    assert image.size() == QSize(20, 10)
