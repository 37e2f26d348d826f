"""The window without a screen: a sentence and exit status 1, not Qt's abort (issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from chatgui.ui.app import missing_display

ROOT = Path(__file__).resolve().parents[2]
NO_SCREEN = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def test_without_a_display_the_window_says_why_and_exits_1(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in NO_SCREEN}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr  # Qt's own abort is -6 (134 from a shell)
    assert "there is no display here" in done.stderr
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert "python3 main.py --help" in done.stderr
    assert "xcb" not in done.stderr  # Qt never got to try (and mislead about plugins)


def test_a_display_wayland_or_a_chosen_platform_lets_qt_try() -> None:
    assert missing_display({}, "linux")
    assert not missing_display({"DISPLAY": ":0"}, "linux")
    assert not missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert missing_display({"DISPLAY": ""}, "freebsd14")
    # Windows and macOS always have a screen for Qt.
    assert not missing_display({}, "win32")
    assert not missing_display({}, "darwin")
