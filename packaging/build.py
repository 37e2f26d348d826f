"""Build chatgui's installers: ``python3 packaging/build.py``.

On Linux: the one-folder bundle ``dist/chatgui/``, ``dist/chatgui-VERSION-linux-x86_64.tar.gz``
and ``dist/chatgui_VERSION_amd64.deb``; then it measures and prints the budgets (archive
size, installed size, launch-to-window median) and exits 1 if one is exceeded. On Windows
it builds the bundle and, with NSIS installed, ``dist/chatgui-VERSION-windows-x64-setup.exe``;
on macOS ``dist/chatgui.app`` and ``dist/chatgui-VERSION-macos.dmg``. On Debian,
``--windows-under-wine`` builds the Windows bundle and installer under Wine and proves them
(``packaging/windows/wine_build.py``).

Needs ``pip install -r requirements.txt -r packaging/requirements.txt``; for the .deb also
``dpkg-dev`` (dpkg-shlibdeps) and the xcb libraries the spec bundles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "bench"))

import elf  # noqa: E402 (needs packaging/ on sys.path)
import icons  # noqa: E402
from record import Recorder  # noqa: E402 (bench/record.py: results files with date and machine)

import chatgui  # noqa: E402
from chatgui.resources import icon_path, resources_dir  # noqa: E402

VERSION = chatgui.__version__
APP_ID = "io.github.chatgui.chatgui"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "chatgui"

TAR_BUDGET_MB = 50.0
INSTALLED_BUDGET_MB = 130.0
STARTUP_BUDGET_MS = 1000.0
STARTUP_RUNS = 5

MAINTAINER = "chatgui developers <chatgui@users.noreply.github.com>"
DESCRIPTION = """\
Description: chat on a local network over TCP or UDP
 chatgui is a desktop chat window for a LAN. Host a room over TCP or chat peer
 to peer over UDP, see your own addresses so others know what to type, and get
 a clear sentence when something goes wrong.
 .
 It also talks plain text to nc, socat and simple socket scripts, which makes
 it a lab for seeing how TCP and UDP behave.
"""


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command, echoing it, and fail loudly if it fails."""
    print("+", " ".join(command), flush=True)
    return subprocess.run(command, check=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


def build_bundle() -> None:
    """Render the icons and run PyInstaller on the shared spec."""
    icons.build_icons(BUILD / "icons")
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "packaging" / "chatgui.spec"),
            "--noconfirm",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
        ]
    )
    # The window follows the system language: a bundle without its .qm would stay English.
    for language in ("zh_CN", "zh_TW"):
        found = list(DIST.glob(f"**/resources/translations/chatgui_{language}.qm"))
        if not found:
            raise SystemExit(f"the bundle lacks chatgui_{language}.qm (see the spec's translations)")


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # Owned by root and stamped at the version's build, not by whoever built it.
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def build_tarball() -> Path:
    """Pack the bundle as ``chatgui-VERSION/`` in a .tar.gz."""
    target = DIST / f"chatgui-{VERSION}-linux-x86_64.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(BUNDLE, arcname=f"chatgui-{VERSION}", filter=_tar_filter)
    return target


def parse_ldconfig(text: str) -> dict[str, str]:
    """Soname -> path for the x86-64 libraries in ``ldconfig -p`` output.

    Args:
        text: The output.

    Returns:
        The first path listed for each soname (the one the loader uses).
    """
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and "x86-64" in match.group(2):
            found.setdefault(match.group(1), match.group(3))
    return found


def filter_depends(shlibdeps: str, packages: Iterable[str]) -> str:
    """Keep only the dependencies on ``packages`` from a ``shlibs:Depends=`` line.

    dpkg-shlibdeps resolves a soname to the system's package even where the bundle carries
    its own copy; the packages of the sonames the bundle lacks are the true dependencies,
    and dpkg-shlibdeps knows their minimum versions.

    Args:
        shlibdeps: ``shlibs:Depends=a (>= 1), b | c, d`` (with or without the key).
        packages: The packages that provide what the bundle lacks.

    Returns:
        The kept entries, sorted, comma-separated.
    """
    wanted = set(packages)
    value = shlibdeps.split("=", 1)[1] if shlibdeps.startswith("shlibs:") else shlibdeps
    kept = []
    for entry in (part.strip() for part in value.split(",")):
        names = {alt.strip().split(" ", 1)[0] for alt in entry.split("|")}
        if entry and names & wanted:
            kept.append(entry)
    return ", ".join(sorted(kept))


def package_of(path: str) -> str:
    """The Debian package that owns a file (following the /lib -> /usr/lib merge)."""
    candidates = [path, os.path.realpath(path)]
    if path.startswith("/lib"):
        candidates.append("/usr" + path)
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    raise SystemExit(f"no Debian package owns {path}: cannot declare the dependency")


def compute_depends(bundle: Path) -> str:
    """The .deb's Depends: the packages of the libraries the bundle needs but does not carry."""
    missing = elf.missing_sonames(bundle)
    paths = parse_ldconfig(run(["/sbin/ldconfig", "-p"], capture_output=True).stdout)
    unknown = sorted(s for s in missing if s not in paths)
    if unknown:
        raise SystemExit(f"the bundle needs libraries this system lacks: {', '.join(unknown)}")
    packages = {package_of(paths[soname]) for soname in missing}
    work = BUILD / "shlibdeps"
    (work / "debian").mkdir(parents=True, exist_ok=True)
    (work / "debian" / "control").write_text(
        "Source: chatgui\n\nPackage: chatgui\nArchitecture: amd64\n", encoding="utf-8"
    )
    elves = [str(p) for p, _ in elf.needed_by_files(sorted(bundle.rglob("*")))]
    folders = sorted({str(Path(p).parent) for p in elves})
    out = run(
        ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *[f"-l{f}" for f in folders], "-e", *elves],
        capture_output=True,
        cwd=work,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("shlibs:Depends="))
    depends = filter_depends(line, packages)
    lost = packages - {e.split(" ", 1)[0] for e in depends.split(", ")}
    # A package dpkg-shlibdeps did not list still gets an unversioned dependency.
    return ", ".join(sorted([*depends.split(", "), *lost]))


def _write(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    path.chmod(mode)


def metainfo_with_release(source: str, version: str, date: str) -> str:
    """The AppStream file with a ``<releases>`` entry for this build.

    Args:
        source: ``resources/linux/*.metainfo.xml``.
        version: The version released.
        date: Its date, ``YYYY-MM-DD``.

    Returns:
        The XML text.
    """
    release = f'  <releases>\n    <release version="{version}" date="{date}"/>\n  </releases>\n'
    return source.replace("</component>", release + "</component>")


def _gzip(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def stage_deb(root: Path, depends: str, today: str, pngs: Mapping[int, Path]) -> int:
    """Lay out the package's files under ``root``; return the installed size in KiB."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / "chatgui"
    shutil.copytree(BUNDLE, opt, symlinks=True)
    for path in opt.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            # Only the launcher is a program; libraries and data are not executable (lintian).
            path.chmod(0o755 if path == opt / "chatgui" else 0o644)
    (root / "usr" / "bin").mkdir(parents=True)
    # Across top-level folders a Debian symlink is absolute; the bootloader resolves it to
    # find its _internal folder.
    (root / "usr" / "bin" / "chatgui").symlink_to("/opt/chatgui/chatgui")
    share = root / "usr" / "share"
    linux = resources_dir() / "linux"
    _write(share / "applications" / f"{APP_ID}.desktop", (linux / f"{APP_ID}.desktop").read_bytes())
    metainfo = (linux / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    _write(share / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo_with_release(metainfo, VERSION, today))
    for size, png in pngs.items():
        _write(share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "chatgui.png", png.read_bytes())
    _write(
        share / "icons" / "hicolor" / "scalable" / "apps" / "chatgui.svg",
        icon_path().read_bytes(),
    )
    packaging = ROOT / "packaging" / "linux"
    _write(share / "doc" / "chatgui" / "copyright", (packaging / "copyright").read_text(encoding="utf-8"))
    changelog = (packaging / "changelog").read_text(encoding="utf-8").replace("@VERSION@", VERSION)
    _write(share / "doc" / "chatgui" / "changelog.gz", _gzip(changelog))
    _write(
        share / "man" / "man1" / "chatgui.1.gz",
        _gzip((packaging / "chatgui.1").read_text(encoding="utf-8").replace("@VERSION@", VERSION)),
    )
    _write(share / "lintian" / "overrides" / "chatgui", (packaging / "lintian-overrides").read_bytes())
    for path in root.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    installed_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024 + 1
    control = (
        f"Package: chatgui\nVersion: {VERSION}\nArchitecture: amd64\nMaintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\nDepends: {depends}\nSection: net\nPriority: optional\n"
        f"Homepage: https://github.com/chatgui/chatgui\n{DESCRIPTION}"
    )
    _write(root / "DEBIAN" / "control", control)
    _write(root / "DEBIAN" / "postrm", (packaging / "postrm").read_bytes(), mode=0o755)
    return installed_kib


def build_deb() -> tuple[Path, int]:
    """Build ``dist/chatgui_VERSION_amd64.deb``; return it and its installed size in KiB."""
    depends = compute_depends(BUNDLE)
    print(f"Depends: {depends}", flush=True)
    root = BUILD / "deb" / f"chatgui_{VERSION}_amd64"
    pngs = {s: BUILD / "icons" / "png" / f"chatgui-{s}.png" for s in icons.PNG_SIZES}
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    installed_kib = stage_deb(root, depends, today, pngs)
    target = DIST / f"chatgui_{VERSION}_amd64.deb"
    run(["dpkg-deb", "--build", "--root-owner-group", "-Zxz", str(root), str(target)])
    return target, installed_kib


def startup_times(executable: Path, runs: int = STARTUP_RUNS) -> list[float]:
    """``runs`` launches of ``executable --startup-time`` (offscreen): each one's ms to the window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [str(executable), "--startup-time"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=60,
        ).stdout
        match = re.search(r"startup: (\d+) ms", out)
        if match is None:
            raise SystemExit(f"--startup-time printed no figure: {out!r}")
        times.append(float(match.group(1)))
    print(f"startup runs (ms): {', '.join(f'{t:.0f}' for t in times)}", flush=True)
    return times


def budget(label: str, value: float, limit: float, unit: str) -> bool:
    """Print one budget line; return whether it holds."""
    ok = value <= limit
    print(f"budget  {label:<28} {value:8.1f} {unit:<3} (limit {limit:g} {unit})  {'ok' if ok else 'OVER'}")
    return ok


def build_windows() -> None:
    """The NSIS installer from the bundle (needs makensis on PATH, with the amd64-unicode stub).

    The script asks for NSIS's 64-bit stub, which Debian's nsis ships and the Windows download
    does not; the release builds the installer on Debian (``--windows-under-wine``).
    """
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis (NSIS) is not installed: choco install nsis")
    run(
        [
            makensis,
            f"-DVERSION={VERSION}",
            f"-DBUNDLE={BUNDLE}",
            f"-DICON={BUILD / 'icons' / 'chatgui.ico'}",
            f"-DOUTFILE={DIST / f'chatgui-{VERSION}-windows-x64-setup.exe'}",
            str(ROOT / "packaging" / "windows" / "chatgui.nsi"),
        ]
    )


def build_macos() -> None:
    """Pack ``dist/chatgui.app`` into a compressed disk image with an Applications link."""
    staging = BUILD / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    run(["ditto", str(DIST / "chatgui.app"), str(staging / "chatgui.app")])
    (staging / "Applications").symlink_to("/Applications")
    target = DIST / f"chatgui-{VERSION}-macos.dmg"
    target.unlink(missing_ok=True)
    run(
        [
            "hdiutil",
            "create",
            "-volname",
            "chatgui",
            "-srcfolder",
            str(staging),
            "-format",
            "UDZO",
            str(target),
        ]
    )


def main(argv: list[str]) -> int:
    """Build everything this OS can build, then print the budgets.

    Args:
        argv: Arguments after the program name.

    Returns:
        0 when built within budget, 1 when a budget is exceeded.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--skip-bundle", action="store_true", help="reuse dist/chatgui from a previous run")
    parser.add_argument(
        "--save", type=Path, metavar="PATH", help="also write the Linux figures, date and machine to PATH"
    )
    parser.add_argument(
        "--bundle-only",
        action="store_true",
        help="build dist/chatgui and stop (what runs under Wine)",
    )
    parser.add_argument(
        "--windows-under-wine",
        action="store_true",
        help="on Debian: build and prove the Windows installer under Wine (packaging/windows/wine_build.py)",
    )
    args = parser.parse_args(argv)
    if args.windows_under_wine:
        sys.path.insert(0, str(ROOT / "packaging" / "windows"))
        import wine_build

        return wine_build.main([])
    if args.bundle_only:
        build_bundle()
        return 0
    recorder = Recorder("build", args.save, argv)  # the date and the load before the build
    if not args.skip_bundle:
        build_bundle()
    if sys.platform == "win32":
        build_windows()
        return 0
    if sys.platform == "darwin":
        build_macos()
        return 0
    tarball = build_tarball()
    deb, installed_kib = build_deb()
    times = startup_times(BUNDLE / "chatgui")
    median = statistics.median(times)
    print(f"\nbuilt {tarball.relative_to(ROOT)} and {deb.relative_to(ROOT)} (chatgui {VERSION})")
    checks = [
        budget("tar.gz size", tarball.stat().st_size / 1e6, TAR_BUDGET_MB, "MB"),
        budget(".deb installed size", installed_kib * 1024 / 1e6, INSTALLED_BUDGET_MB, "MB"),
        budget("launch to window (median of 5)", median, STARTUP_BUDGET_MS, "ms"),
    ]
    print(f".deb file size: {deb.stat().st_size / 1e6:.1f} MB", flush=True)
    recorder.save(
        {
            "version": VERSION,
            "tar_gz_mb": round(tarball.stat().st_size / 1e6, 1),
            "tar_gz_budget_mb": TAR_BUDGET_MB,
            "deb_mb": round(deb.stat().st_size / 1e6, 1),
            "deb_installed_mb": round(installed_kib * 1024 / 1e6, 1),
            "deb_installed_budget_mb": INSTALLED_BUDGET_MB,
            "startup_median_ms": round(median),
            "startup_runs_ms": [round(t) for t in times],
            "startup_budget_ms": STARTUP_BUDGET_MS,
            "within_budget": all(checks),
        }
    )
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
