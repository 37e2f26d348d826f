"""The fast, pure pieces of the installers: icon containers, ELF reading, Depends."""

from __future__ import annotations

import importlib
import struct
import sys
from pathlib import Path

import pytest

from chatgui.resources import icon_path
from chatgui.ui.app import app_icon

ROOT = Path(__file__).resolve().parents[2]
# packaging/ is a folder of scripts, not a package; build.py itself imports its siblings
# this way. (A plain `import build` would also sort differently wherever a build/ folder exists.)
sys.path.insert(0, str(ROOT / "packaging"))
elf = importlib.import_module("elf")
icons = importlib.import_module("icons")
build = importlib.import_module("build")


def _png(size: int) -> bytes:
    return icons.render_png(icons.SVG, size)


def test_icon_renders_opaque_pixels_at_16_px() -> None:
    from PySide6.QtGui import QImage

    image = QImage.fromData(_png(16))
    assert (image.width(), image.height()) == (16, 16)
    opaque = sum(image.pixelColor(x, y).alpha() > 128 for x in range(16) for y in range(16))
    assert 80 < opaque < 256  # a shape, neither empty nor a full square


def test_ico_is_read_back_by_qt_with_every_size(tmp_path: Path) -> None:
    from PySide6.QtGui import QImageReader

    path = tmp_path / "chatgui.ico"
    path.write_bytes(icons.ico_bytes({s: _png(s) for s in icons.ICO_SIZES}))
    reader = QImageReader(str(path))
    assert reader.imageCount() == len(icons.ICO_SIZES)
    sizes = set()
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        sizes.add(reader.read().width())
    assert sizes == set(icons.ICO_SIZES)


def test_ico_writes_256_as_zero_and_refuses_bad_input() -> None:
    data = icons.ico_bytes({256: _png(256)})
    assert struct.unpack_from("<HHH", data) == (0, 1, 1)
    assert data[6:8] == b"\0\0"
    with pytest.raises(ValueError, match="1 to 256"):
        icons.ico_bytes({512: _png(16)})
    with pytest.raises(ValueError, match="not a PNG"):
        icons.ico_bytes({16: b"GIF89a"})


def test_icns_chunks_add_up_and_qt_reads_it(tmp_path: Path) -> None:
    from PySide6.QtGui import QImageReader

    data = icons.icns_bytes({s: _png(s) for s in (16, 32, 128, 512, 1024)})
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kinds.append(data[offset : offset + 4])
        offset += struct.unpack_from(">I", data, offset + 4)[0]
    assert offset == len(data)
    assert kinds == [b"icp4", b"icp5", b"ic07", b"ic09", b"ic10"]
    path = tmp_path / "chatgui.icns"
    path.write_bytes(data)
    assert QImageReader(str(path)).read().width() > 0
    with pytest.raises(ValueError, match="no image"):
        icons.icns_bytes({20: _png(20)})


def test_elf_needed_of_this_python_lists_libc() -> None:
    python = Path(sys.executable).resolve()
    sonames = elf.needed(python.read_bytes())
    assert any(name.startswith("libc.so") for name in sonames)
    with pytest.raises(ValueError, match="not an ELF"):
        elf.needed(b"#!/bin/sh\n")


def test_missing_sonames_ignores_what_the_folder_carries(tmp_path: Path) -> None:
    python = Path(sys.executable).resolve()
    (tmp_path / "python").write_bytes(python.read_bytes())
    (tmp_path / "notes.txt").write_text("not ELF")
    needed = elf.needed(python.read_bytes())
    (tmp_path / needed[0]).write_bytes(b"")  # "carried" by name
    missing = elf.missing_sonames(tmp_path)
    assert needed[0] not in missing
    assert set(needed[1:]) <= set(missing)


def test_filter_depends_keeps_versions_of_what_the_bundle_lacks() -> None:
    line = "shlibs:Depends=libc6 (>= 2.36), libffi8 (>= 3.4), libegl1, libxcb-cursor0 (>= 0.0.99) | foo"
    assert build.filter_depends(line, {"libc6", "libegl1", "foo"}) == (
        "libc6 (>= 2.36), libegl1, libxcb-cursor0 (>= 0.0.99) | foo"
    )


def test_parse_ldconfig_takes_the_first_x86_64_path() -> None:
    text = (
        "3 libs found in cache `/etc/ld.so.cache'\n"
        "\tlibz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1\n"
        "\tlibz.so.1 (libc6) => /lib/i386-linux-gnu/libz.so.1\n"
        "\tlibEGL.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libEGL.so.1\n"
    )
    assert build.parse_ldconfig(text) == {
        "libz.so.1": "/lib/x86_64-linux-gnu/libz.so.1",
        "libEGL.so.1": "/usr/lib/x86_64-linux-gnu/libEGL.so.1",
    }


def test_metainfo_gets_one_release_of_this_version() -> None:
    source = (ROOT / "resources" / "linux" / f"{build.APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    text = build.metainfo_with_release(source, "1.2.3", "2025-11-21")
    assert text.count('<release version="1.2.3" date="2025-11-21"/>') == 1
    assert text.rstrip().endswith("</releases>\n</component>")


def test_the_app_icon_file_loads(qapp: object) -> None:
    assert icon_path().is_file()
    assert not app_icon().isNull()
    assert not app_icon().pixmap(16, 16).isNull()
