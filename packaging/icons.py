"""Render the app icon from its SVG source: PNG sizes, a Windows ``.ico`` and a macOS ``.icns``.

``python3 packaging/icons.py OUT_DIR`` writes ``OUT_DIR/png/chatgui-<size>.png`` for every
size in ``PNG_SIZES``, ``OUT_DIR/chatgui.ico`` and ``OUT_DIR/chatgui.icns``. The renderer is
Qt's own ``QSvgRenderer`` (in PySide6-Essentials), so no other tool is needed on any OS; the
``.ico`` and ``.icns`` writers are small and pure (PNG payloads in both containers).
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chatgui.resources import icon_path  # noqa: E402 (needs the root on sys.path)

SVG = icon_path()

# The hicolor theme's usual sizes, up to 512 (the largest a Linux desktop asks for).
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Windows shows 16 (title bar, lists), 24/32 (taskbar), 48 (Explorer), 256 (large icons).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# PNG-payload ICNS types (macOS 10.7+): icp4/5/6 = 16/32/64, ic07/08/09/10 = 128/256/512/1024.
ICNS_TYPES: Mapping[int, bytes] = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A Windows icon file holding one PNG image per size (Windows Vista and later read these).

    Args:
        pngs: Square PNG images by their edge in pixels (1 to 256).

    Returns:
        The ``.ico`` file's bytes, images in ascending size.

    Raises:
        ValueError: A size outside 1..256, or an image that is not a PNG.
    """
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    entries = b""
    payload = b""
    offset = len(header) + 16 * len(sizes)
    for size in sizes:
        data = pngs[size]
        if not 1 <= size <= 256:
            raise ValueError(f"an .ico image is 1 to 256 pixels wide, not {size}")
        if not data.startswith(PNG_SIGNATURE):
            raise ValueError(f"the {size} px image is not a PNG")
        edge = size % 256  # the format writes 256 as 0
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A macOS icon file with one PNG chunk per size it has a type for.

    Args:
        pngs: Square PNG images by their edge in pixels; sizes without an ICNS type are skipped.

    Returns:
        The ``.icns`` file's bytes.

    Raises:
        ValueError: No usable size, or an image that is not a PNG.
    """
    chunks = b""
    for size in sorted(pngs):
        kind = ICNS_TYPES.get(size)
        if kind is None:
            continue
        data = pngs[size]
        if not data.startswith(PNG_SIGNATURE):
            raise ValueError(f"the {size} px image is not a PNG")
        chunks += kind + struct.pack(">I", 8 + len(data)) + data
    if not chunks:
        raise ValueError(f"no image of a size an .icns holds ({sorted(ICNS_TYPES)})")
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def render_png(svg: Path, size: int) -> bytes:
    """Render the SVG into a square transparent PNG.

    Args:
        svg: The source file.
        size: The edge in pixels.

    Returns:
        The PNG's bytes.

    Raises:
        ValueError: Qt could not read the SVG.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"Qt cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def build_icons(out_dir: Path, svg: Path = SVG) -> dict[int, Path]:
    """Write the PNG sizes, ``chatgui.ico`` and ``chatgui.icns`` into ``out_dir``.

    Args:
        out_dir: Created if missing.
        svg: The source drawing.

    Returns:
        The PNG files by size.
    """
    pngs = {size: render_png(svg, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES})}
    (out_dir / "png").mkdir(parents=True, exist_ok=True)
    paths = {}
    for size in PNG_SIZES:
        path = out_dir / "png" / f"chatgui-{size}.png"
        path.write_bytes(pngs[size])
        paths[size] = path
    (out_dir / "chatgui.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out_dir / "chatgui.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    return paths


def main(argv: list[str]) -> int:
    """Command line: ``icons.py OUT_DIR``.

    Args:
        argv: The arguments after the program name.

    Returns:
        The exit status.
    """
    if len(argv) != 1:
        print("usage: python3 packaging/icons.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    build_icons(out)
    print(f"icons: {len(PNG_SIZES)} PNG sizes, chatgui.ico, chatgui.icns in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
