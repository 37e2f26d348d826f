"""``main.py --startup-time``: the real window, its first paint, one line, and nothing left behind."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.harness import REPO, program_env

pytestmark = pytest.mark.e2e


def test_startup_time_prints_the_first_paint_and_keeps_no_settings(tmp_path: Path) -> None:
    config, scratch = tmp_path / "config", tmp_path / "tmp"
    config.mkdir()
    scratch.mkdir()
    env = program_env(XDG_CONFIG_HOME=str(config), TMPDIR=str(scratch))
    done = subprocess.run(
        [sys.executable, "main.py", "--startup-time"],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    match = re.fullmatch(r"startup: (\d+) ms", done.stdout.strip())
    assert match, done.stdout
    assert int(match[1]) > 0  # a figure, not a bound: timed asserts do not belong in tests
    # Measuring never writes the user's settings, and its throwaway settings folder is gone.
    assert [str(path.relative_to(config)) for path in config.rglob("*") if path.is_file()] == []
    assert [path.name for path in scratch.iterdir()] == []
    assert "Traceback" not in done.stderr
