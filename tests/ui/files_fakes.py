"""A fake backend with the file commands, and helpers for the window's file tests."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from chatgui.events import FileOffered
from tests.ui.conftest import FakeBackend


class FakeFilesBackend(FakeBackend):
    """``FakeBackend`` plus the four file commands (``TransfersLike``), recorded in order."""

    def __init__(self) -> None:
        super().__init__()
        self.file_calls: list[tuple[object, ...]] = []

    def offer_file(self, path: str, thumb: bytes = b"") -> None:
        self.file_calls.append(("offer_file", path, thumb))

    def withdraw_offer(self, offer_id: str) -> None:
        self.file_calls.append(("withdraw_offer", offer_id))

    def fetch_file(self, offer_id: str, folder: str, name: str = "") -> None:
        self.file_calls.append(("fetch_file", offer_id, folder, name))

    def cancel_transfer(self, offer_id: str, peer: str = "") -> None:
        self.file_calls.append(("cancel_transfer", offer_id, peer))


def picture_bytes(width: int = 64, height: int = 48, fmt: str = "PNG", colour: str = "#3366cc") -> bytes:
    """A real picture file's bytes."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt)  # type: ignore[call-overload]  # str at run time
    buffer.close()
    return bytes(data.data())


def offer(offer_id: str = "o1", name: str = "report.pdf", size: int = 1_234_567, **kw: object) -> FileOffered:
    """An offer from alice (override any field)."""
    fields: dict[str, object] = {
        "offer_id": offer_id,
        "nick": "alice",
        "sender": "127.0.0.1:50007",
        "name": name,
        "size": size,
        "sha256": "ab" * 32,
        "mime": "",
    }
    fields.update(kw)
    return FileOffered(**fields)  # type: ignore[arg-type]
