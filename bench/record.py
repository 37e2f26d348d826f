"""Results files: the figures a bench or build printed, with when, where and under what load.

``bench/throughput.py``, ``bench/history.py``, ``bench/load.py`` and ``packaging/build.py``
take ``--save PATH``: besides printing as before, they write one JSON object to PATH::

    {"name": ..., "command": "python3 bench/load.py ...", "date": "2026-11-29T21:30:00Z",
     "machine": {"cpu": ..., "cores": 2, "ram_gb": 23.4, "os": ..., "kernel": ...,
                 "virtual": true, "python": "3.11.7"},
     "load_avg_start": [1.1, 0.9, 0.9], "load_avg_end": [...],
     "source": "this run", "figures": {... what --json prints ...}}

``tools/readme_figures.py`` renders README's figure passages from these files
(bench/results/*.json, committed with the README). Standard library only: the benches
import it as a sibling module, ``packaging/build.py`` through ``sys.path``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shlex
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent


def load_avg() -> list[float]:
    """The 1, 5 and 15 minute load averages (empty where the OS has none)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return []


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return " ".join(line.partition(":")[2].split())
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _virtual() -> bool | None:
    """Whether the CPU says it runs under a hypervisor (Linux only; None elsewhere)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return any(line.startswith("flags") and " hypervisor" in line for line in text.splitlines())


def _ram_gb() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1)
    except (AttributeError, ValueError, OSError):
        return None


def _os_name() -> str:
    try:
        release = platform.freedesktop_os_release()
    except OSError:
        return platform.platform(terse=True)
    return release.get("PRETTY_NAME") or release.get("NAME") or platform.system()


def machine() -> dict[str, Any]:
    """What the figures were measured on: CPU, cores, RAM, OS, kernel, VM or not, Python."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _ram_gb(),
        "os": _os_name(),
        "kernel": platform.release(),
        "virtual": _virtual(),
        "python": platform.python_version(),
    }


class Recorder:
    """Started when a run starts (date, load); ``save`` writes the results file at its end."""

    def __init__(self, name: str, path: Path | None, argv: list[str] | None = None) -> None:
        self.name = name
        self.path = path
        script = Path(sys.argv[0]).resolve()
        with_root = script.relative_to(REPO_ROOT) if script.is_relative_to(REPO_ROOT) else script
        self.command = shlex.join(["python3", str(with_root), *(sys.argv[1:] if argv is None else argv)])
        self.date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.load_avg_start = load_avg()

    def save(self, figures: dict[str, Any], source: str = "this run") -> None:
        """Write the results file (nothing when no ``--save`` was given)."""
        if self.path is None:
            return
        record = {
            "name": self.name,
            "command": self.command,
            "date": self.date,
            "machine": machine(),
            "load_avg_start": self.load_avg_start,
            "load_avg_end": load_avg(),
            "source": source,
            "figures": figures,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
