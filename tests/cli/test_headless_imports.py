"""The headless commands stay light: no QtGui or widgets in a host or member that never draws."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_headless_commands_load_no_gui_library() -> None:
    # A running host measured 72 MB with QtGui loaded (by the self-test's picture check, at the
    # top of its module) and 64 MB without; a memory-bounded room test failed on the difference.
    probe = (
        "import sys\n"
        "import chatgui.cli.main, chatgui.cli.session, chatgui.cli.selftest, chatgui.cli.files\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6.QtGui', 'PySide6.QtWidgets')))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "", result.stdout
