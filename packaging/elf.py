"""Read an ELF file's ``DT_NEEDED`` list (the shared libraries it asks the loader for).

Pure Python, no ``objdump``/``ldd``: the spec uses it to keep only the system libraries the
bundle really needs, and ``build.py`` to find what the ``.deb`` must depend on.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD = 1
PT_DYNAMIC = 2
DT_NULL = 0
DT_NEEDED = 1
DT_STRTAB = 5


def is_elf(path: Path) -> bool:
    """Whether the file starts with the ELF magic number.

    Args:
        path: Any file.

    Returns:
        True for an ELF object (executable, shared library, plugin).
    """
    try:
        with path.open("rb") as handle:
            return handle.read(4) == ELF_MAGIC
    except OSError:
        return False


def needed(data: bytes) -> list[str]:
    """The ``DT_NEEDED`` entries of an ELF image, in order.

    Args:
        data: The whole file.

    Returns:
        The sonames (empty for a static binary or an object without a dynamic section).

    Raises:
        ValueError: Not an ELF file, or a malformed one.
    """
    if not data.startswith(ELF_MAGIC) or len(data) < 64:
        raise ValueError("not an ELF file")
    wide = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    try:
        if wide:
            phoff, phentsize, phnum = (
                struct.unpack_from(end + "Q", data, 0x20)[0],
                *struct.unpack_from(end + "HH", data, 0x36),
            )
            ph_fmt, dyn_fmt = end + "IIQQQQQQ", end + "qQ"
        else:
            phoff, phentsize, phnum = (
                struct.unpack_from(end + "I", data, 0x1C)[0],
                *struct.unpack_from(end + "HH", data, 0x2C),
            )
            ph_fmt, dyn_fmt = end + "IIIIIIII", end + "iI"
        loads: list[tuple[int, int, int]] = []
        dynamic: tuple[int, int] | None = None
        for index in range(phnum):
            fields = struct.unpack_from(ph_fmt, data, phoff + index * phentsize)
            if wide:
                kind, offset, vaddr, filesz = fields[0], fields[2], fields[3], fields[5]
            else:
                kind, offset, vaddr, filesz = fields[0], fields[1], fields[2], fields[4]
            if kind == PT_LOAD:
                loads.append((vaddr, offset, filesz))
            elif kind == PT_DYNAMIC:
                dynamic = (offset, filesz)
        if dynamic is None:
            return []
        entry_size = struct.calcsize(dyn_fmt)
        names: list[int] = []
        strtab_vaddr = None
        for position in range(dynamic[0], dynamic[0] + dynamic[1], entry_size):
            tag, value = struct.unpack_from(dyn_fmt, data, position)
            if tag == DT_NULL:
                break
            if tag == DT_NEEDED:
                names.append(value)
            elif tag == DT_STRTAB:
                strtab_vaddr = value
        if strtab_vaddr is None:
            return []
        strtab = next(
            (off + strtab_vaddr - va for va, off, size in loads if va <= strtab_vaddr < va + size), None
        )
        if strtab is None:
            raise ValueError("the string table is outside every loaded segment")
        result = []
        for name in names:
            start = strtab + name
            stop = data.index(b"\0", start)
            result.append(data[start:stop].decode("ascii"))
        return result
    except (struct.error, IndexError) as exc:
        raise ValueError(f"malformed ELF file: {exc}") from exc


def needed_by_files(paths: Iterable[Path]) -> Iterator[tuple[Path, list[str]]]:
    """``needed()`` of every ELF file among ``paths`` (other files are skipped).

    Args:
        paths: Files to look at.

    Yields:
        Each ELF file with its sonames.
    """
    for path in paths:
        if path.is_file() and not path.is_symlink() and is_elf(path):
            yield path, needed(path.read_bytes())


def missing_sonames(folder: Path) -> dict[str, list[Path]]:
    """Sonames that ELF files under ``folder`` need and that ``folder`` does not itself carry.

    Args:
        folder: A bundle.

    Returns:
        Each soname the system must provide, with the files that need it.
    """
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    carried = {p.name for p in folder.rglob("*")}
    missing: dict[str, list[Path]] = {}
    for path, sonames in needed_by_files(files):
        for soname in sonames:
            if soname not in carried:
                missing.setdefault(soname, []).append(path)
    return missing
