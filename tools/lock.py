"""Write constraints.txt: every package chatgui installs, direct or transitive, pinned.

    .venv/bin/python tools/lock.py

Run it on Linux x86-64 with Python 3.11 (what CI runs) after changing a pin in
requirements.txt, requirements-dev.txt or packaging/requirements.txt. pip resolves those
three files as if nothing were installed (``pip install --dry-run --ignore-installed
--report``) and the versions it picks become the pins. pip evaluates environment markers
only for the computer it runs on, so this script walks the resolved packages' own
requirements again with the markers of Windows and macOS (and of Linux with Python 3.12
and 3.13), resolves what only those need (pywin32-ctypes for keyring, pefile for
PyInstaller, colorama for pytest, ...) for that platform's wheels, and pins it too with a
comment saying where it is needed. The result is used as a constraints file
(``pip install -r requirements-dev.txt -c constraints.txt``), which pins whatever gets
installed and tolerates entries a platform does not need.

Hashes are not written: pip does not check hashes given in a constraints file.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("requirements-dev.txt", "packaging/requirements.txt")
OUTPUT = ROOT / "constraints.txt"


@dataclass(frozen=True)
class Target:
    """A platform users install on: its pip wheel-tag options and its marker values."""

    label: str
    pip_args: tuple[str, ...]
    markers: dict[str, str]


def _markers(os_name: str, sys_platform: str, system: str, machine: str, python: str) -> dict[str, str]:
    return {
        "os_name": os_name,
        "sys_platform": sys_platform,
        "platform_system": system,
        "platform_machine": machine,
        "platform_release": "",
        "platform_version": "",
        "python_version": python,
        "python_full_version": f"{python}.0",
        "implementation_name": "cpython",
        "implementation_version": f"{python}.0",
        "platform_python_implementation": "CPython",
    }


def _target(label: str, tags: str, python: str, markers: dict[str, str]) -> Target:
    platforms = tuple(arg for tag in tags.split() for arg in ("--platform", tag))
    pip_args = (*platforms, "--python-version", python, "--implementation", "cp", "--only-binary=:all:")
    return Target(label, pip_args, markers)


# pip takes each wheel tag literally: a manylinux target lists the glibc levels wheels use.
MANYLINUX = "manylinux_2_34_x86_64 manylinux_2_28_x86_64 manylinux_2_17_x86_64 manylinux2014_x86_64"


OTHER_TARGETS = (
    _target("Windows", "win_amd64", "3.11", _markers("nt", "win32", "Windows", "AMD64", "3.11")),
    _target("macOS", "macosx_13_0_arm64", "3.11", _markers("posix", "darwin", "Darwin", "arm64", "3.11")),
    _target("Python 3.12", MANYLINUX, "3.12", _markers("posix", "linux", "Linux", "x86_64", "3.12")),
    _target("Python 3.13", MANYLINUX, "3.13", _markers("posix", "linux", "Linux", "x86_64", "3.13")),
)


@dataclass
class Resolution:
    """What pip picked: name → version, and name → the requirements its metadata lists."""

    versions: dict[str, str] = field(default_factory=dict)
    requires: dict[str, list[str]] = field(default_factory=dict)


def resolve(extra_args: tuple[str, ...], names: list[str], constraints: Path | None) -> Resolution:
    """Run pip's resolver (nothing is installed) and read its report."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet"]
        command += ["--report", str(report)]
        if extra_args:
            # pip refuses platform options without --target, even for a dry run.
            command += [*extra_args, "--target", str(Path(scratch) / "target")]
        for name in INPUTS:
            command += ["-r", str(ROOT / name)]
        if constraints is not None:
            command += ["-c", str(constraints)]
        command += names
        subprocess.run(command, check=True, stdin=subprocess.DEVNULL)
        data = json.loads(report.read_text(encoding="utf-8"))
    found = Resolution()
    for item in data["install"]:
        name = canonicalize_name(item["metadata"]["name"])
        found.versions[name] = item["metadata"]["version"]
        found.requires[name] = list(item["metadata"].get("requires_dist") or [])
    return found


def top_level() -> list[Requirement]:
    """The requirements the input files name (following their -r lines)."""
    seen: list[Requirement] = []

    def read(path: Path) -> None:
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if line.startswith("-r "):
                read(path.parent / line[3:].strip())
            elif line:
                seen.append(Requirement(line))

    for name in INPUTS:
        read(ROOT / name)
    return seen


def needed(requires: dict[str, list[str]], markers: dict[str, str]) -> set[str]:
    """Every package name the top-level requirements pull in under these markers."""
    wanted: dict[str, set[str]] = {}  # name → extras asked for
    todo = [(canonicalize_name(req.name), set(req.extras)) for req in top_level()]
    while todo:
        name, extras = todo.pop()
        known = wanted.get(name)
        if known is not None and extras <= known:
            continue
        wanted[name] = (known or set()) | extras
        for line in requires.get(name, []):
            req = Requirement(line)
            if req.marker is not None and not any(
                req.marker.evaluate({**markers, "extra": extra}) for extra in {"", *wanted[name]}
            ):
                continue
            todo.append((canonicalize_name(req.name), set(req.extras)))
    return set(wanted)


def write(pins: dict[str, str], where: dict[str, set[str]]) -> None:
    """Write the constraints file, sorted by name, platform-only pins commented."""
    lines = [
        "# Every package chatgui installs, direct or transitive, pinned (a pip constraints file).",
        "#   python -m pip install -r requirements-dev.txt -c constraints.txt",
        "# Written by tools/lock.py from requirements-dev.txt and packaging/requirements.txt",
        "# (resolved for Linux x86-64, Python 3.11); refresh it with that script, not by hand.",
    ]
    for name in sorted(pins):
        only = where.get(name)
        suffix = f"  # only on {', '.join(sorted(only))}" if only else ""
        lines.append(f"{name}=={pins[name]}{suffix}")
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    """Resolve, add what other platforms need, write constraints.txt."""
    if sys.platform != "linux" or platform.machine() != "x86_64" or sys.version_info[:2] != (3, 11):
        print("tools/lock.py resolves for CI: run it on Linux x86-64 with Python 3.11.", file=sys.stderr)
        return 1
    base = resolve((), [], None)
    pins = dict(base.versions)
    requires = dict(base.requires)
    with tempfile.TemporaryDirectory() as scratch:
        partial = Path(scratch) / "constraints.txt"
        for target in OTHER_TARGETS:
            for _ in range(10):  # each round can reveal the requirements of a new package
                missing = sorted(needed(requires, target.markers) - set(pins))
                partial.write_text("".join(f"{n}=={v}\n" for n, v in pins.items()), encoding="utf-8")
                # Every run also proves each pin has a wheel for this platform and Python.
                found = resolve(target.pip_args, missing, partial)
                requires.update(found.requires)
                for name in missing:
                    pins[name] = found.versions[name]
                if not missing:
                    break
            else:
                print(f"tools/lock.py: {target.label}'s requirements did not settle", file=sys.stderr)
                return 1
    where = {
        name: {target.label for target in OTHER_TARGETS if name in needed(requires, target.markers)}
        for name in set(pins) - set(base.versions)
    }
    write(pins, where)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(pins)} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
