"""The benchmark runs end to end and prints the JSON the README and CI rely on.

No figure is asserted (timed asserts do not belong in tests): only that every run
completed, through the real window, and reported numbers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
KEYS = (
    "tcp_msgs_per_s",
    "tcp_raw_msgs_per_s",
    "tcp_ratio",
    "udp_msgs_per_s",
    "udp_raw_msgs_per_s",
    "udp_ratio",
    "lateness_p99_ms",
)


SECURE_KEYS = (
    "tcp_secure_msgs_per_s",
    "tcp_secure_ratio",
    "udp_secure_msgs_per_s",
    "udp_secure_ratio",
    "handshake_ms",
)


def test_throughput_prints_json_with_the_headline_figures() -> None:
    # --secure adds the private rooms' runs beside the open ones (about a second more).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    result = subprocess.run(
        [sys.executable, "bench/throughput.py", "--count", "2000", "--repeat", "1", "--json", "--secure"],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    figures = json.loads(lines[0])
    for key in KEYS + SECURE_KEYS:
        value = figures[key]
        assert isinstance(value, int | float), (key, value)
        assert value >= 0, (key, value)
    assert figures["tcp_msgs_per_s"] > 0
    assert figures["udp_msgs_per_s"] > 0
    assert figures["count"] == 2000
    (rep,) = figures["runs"]
    # TCP loses nothing, through the window as well as raw.
    assert rep["tcp"]["received"] == 2000
    assert rep["tcp_raw"]["received"] == 2000
    assert rep["tcp_secure"]["received"] == 2000
    assert len(figures["handshake_runs_ms"]) >= 5


def test_throughput_with_history_reports_the_lean_parse_and_store_bound() -> None:
    # --history adds a lean receiver that parses and stores every message (orjson + SQLite,
    # no window) beside the raw one: the bound for an app that keeps history.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    result = subprocess.run(
        [sys.executable, "bench/throughput.py", "--count", "2000", "--repeat", "1", "--json", "--history"],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    for proto in ("tcp", "udp"):
        for key in (
            "raw_store_msgs_per_s",
            "raw_store_ratio",
            "store_ratio",
            "cpu_us_per_msg",
            "raw_cpu_us_per_msg",
            "raw_store_cpu_us_per_msg",
        ):
            value = figures[f"{proto}_{key}"]
            assert isinstance(value, int | float), (proto, key, value)
            assert value > 0, (proto, key, value)
        assert figures[f"{proto}_history_complete"] is True
    (rep,) = figures["runs"]
    # The lean receiver keeps every message it received, as the app's history must.
    assert rep["tcp_raw_store"]["received"] == rep["tcp_raw_store"]["history_rows"] == 2000
    assert rep["udp_raw_store"]["received"] == rep["udp_raw_store"]["history_rows"] > 0
    assert figures["tcp_history_rows"] == 2000
