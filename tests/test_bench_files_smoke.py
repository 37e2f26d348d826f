"""bench/files.py runs end to end and prints the JSON the README relies on.

No figure is asserted beyond being a positive number (timed asserts do not belong in
tests): every transfer completed, verified (the app's) or of the right size (socat, ncat).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_files_bench_prints_json_with_the_headline_figures() -> None:
    result = subprocess.run(
        [sys.executable, "bench/files.py", "--size-mib", "8", "--repeat", "1", "--json"],
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    figures = json.loads(lines[0])
    assert (figures["size_mib"], figures["repeat"]) == (8, 1)
    tools = [tool for tool in ("socat", "ncat") if shutil.which(tool)]
    keys = ["app_mib_per_s", "sha256_mib_per_s", "hash_file_mib_per_s"]
    keys += [f"{tool}_mib_per_s" for tool in tools] + [f"app_ratio_{tool}" for tool in tools]
    for key in keys:
        assert isinstance(figures[key], int | float), (key, figures[key])
        assert figures[key] > 0, (key, figures[key])
    (run,) = figures["runs"]
    assert set(run) == {"app", *tools}
    # The window saved the file while the host chatted: the GUI run happened and was measured.
    assert figures["gui_mib_per_s"] > 0
    assert figures["gui_ticks"] > 0
    assert figures["gui_chat_only_rows"] > 0  # the host's chat reached the window
    keys = ["gui_lateness_p50_ms", "gui_lateness_p99_ms", "gui_lateness_max_ms"]
    for key in [*keys, "gui_chat_only_lateness_p99_ms", "gui_chat_only_lateness_max_ms"]:
        assert isinstance(figures[key], int | float), (key, figures[key])
        assert figures[key] >= 0, (key, figures[key])
    assert figures["gui_lateness_p50_ms"] <= figures["gui_lateness_p99_ms"] <= figures["gui_lateness_max_ms"]


def test_files_bench_sealed_adds_the_private_rooms_figures() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "bench/files.py",
            "--size-mib",
            "4",
            "--repeat",
            "1",
            "--sealed",
            "--no-gui",
            "--json",
        ],
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("app_sealed_mib_per_s", "sealed_ratio_app", "chacha20_mib_per_s"):
        assert isinstance(figures[key], int | float), (key, figures[key])
        assert figures[key] > 0, (key, figures[key])
    (run,) = figures["runs"]
    assert {"app", "app_sealed"} <= set(run)
    assert "gui_mib_per_s" not in figures  # --no-gui: no window
