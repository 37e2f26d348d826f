"""A test run cleans up after itself (issue 14: no test leaves files behind)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_a_run_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_settings.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    # pytest's own tmp_path folders (pytest-of-USER, the last three runs kept) are pytest's
    # convention; what the suite makes itself must be gone.
    left = [path.name for path in scratch.iterdir() if not path.name.startswith("pytest-of-")]
    assert left == []


def test_a_user_without_root_is_told_root_not_a_missing_tool(monkeypatch: pytest.MonkeyPatch) -> None:
    # As a user, sysctl and ip are in /usr/sbin, off PATH: the reason must still be root.
    from tests.lan.netns import missing_requirement

    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    reason = missing_requirement()
    assert reason is not None
    assert reason.startswith("needs root")
