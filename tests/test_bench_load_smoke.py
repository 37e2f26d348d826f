"""bench/load.py runs end to end and prints the JSON the README relies on.

No figure is asserted beyond counts (timed asserts do not belong in tests): every run
completed against the real host and the raw relay, and reported numbers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_load_prints_json_with_the_headline_figures() -> None:
    result = subprocess.run(
        [sys.executable, "bench/load.py", "--members", "20", "--messages", "5", "--repeat", "1", "--json"],
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
    assert (figures["members"], figures["messages"], figures["repeat"]) == (20, 5, 1)
    for key in ("msgs_per_s", "raw_msgs_per_s", "ratio", "seconds", "host_peak_rss_mb"):
        assert isinstance(figures[key], int | float), (key, figures[key])
        assert figures[key] > 0, (key, figures[key])
    assert (figures["lost"], figures["duplicated"], figures["reordered"], figures["raw_lost"]) == (0, 0, 0, 0)
    (rep,) = figures["runs"]
    assert rep["app"]["received"] == rep["app"]["expected"] == 20 * 19 * 5
    assert rep["app"]["server_exit"] is None, "the host was still running when the room ended"
