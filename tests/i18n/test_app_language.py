"""A real start from source: the app follows the system language, building its .qm on first use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What chatgui.ui.app does before the window opens, then what the File menu would read.
SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QSettings
from chatgui.ui.app import create_application, install_language
app = create_application(sys.argv[:1])
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
print(install_language(app, settings))
print(QCoreApplication.translate("MainWindow", "&File"))
"""


@pytest.mark.parametrize(
    ("lang", "chosen", "installed", "file_menu"),
    [
        ("zh_TW.UTF-8", None, "True", "檔案(&F)"),
        ("zh_CN.UTF-8", None, "True", "文件(&F)"),
        ("en_US.UTF-8", None, "False", "&File"),
        ("en_US.UTF-8", "zh_CN", "True", "文件(&F)"),  # the menu's choice beats the system
        ("zh_TW.UTF-8", "en", "False", "&File"),
    ],
)
def test_first_start_speaks_the_language(
    tmp_path: Path, lang: str, chosen: str | None, installed: str, file_menu: str
) -> None:
    ini = tmp_path / "chatgui.ini"
    if chosen is not None:
        ini.write_text(f"[ui]\nlanguage={chosen}\n", encoding="utf-8")
    env = {
        **os.environ,
        "LANG": lang,
        "LC_ALL": lang,
        "LANGUAGE": "",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ini)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.splitlines() == [installed, file_menu], out.stderr
    built = sorted(path.name for path in (tmp_path / "cache").rglob("*.qm"))
    if installed == "True":
        # From source there is no .qm: the first start compiled both into the user's cache.
        assert built == ["chatgui_zh_CN.qm", "chatgui_zh_TW.qm"]
