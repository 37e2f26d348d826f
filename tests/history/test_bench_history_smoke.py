"""bench/history.py runs on a small file and prints the figures it promises (no timing is checked)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "history.py"
KEYS = {
    "insert_rows_per_s",
    "index_build_s",
    "index_rows_per_s",
    "search_ms_p50",
    "search_ms_max",
    "short_search_ms_p50",
    "like_search_ms_p50",
    "casefold_search_ms_p50",
    "search_like_ratio",
    "recent_page_ms",
    "recent_small_page_ms",
    "file_mb",
}


def test_the_history_bench_prints_its_figures_as_json(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--rows", "3000", "--repeat", "1", "--json", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    figures = json.loads(done.stdout)
    assert figures.keys() >= KEYS
    assert figures["rows"] == 3000
    assert figures["results_match"] is True
    assert (tmp_path / "history.sqlite3").exists()
