"""The one home of the settings keys and their parsing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from chatgui import settings


def test_booleans_read_the_same_from_an_ini_file_and_a_native_backend() -> None:
    assert [settings.flag(v) for v in ("true", " True", "1", "yes", True)] == [True] * 5
    assert [settings.flag(v) for v in ("false", "0", "no", "", False, None)] == [False] * 6


def test_numbers_fall_back_to_the_default_when_unreadable() -> None:
    assert settings.number("5000", 1) == 5000
    assert settings.number("port", 1) == 1


def test_keep_history_is_on_unless_turned_off(tmp_path: Path) -> None:
    stored = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert settings.keep_history(stored)
    stored.setValue(settings.KEEP_HISTORY, False)
    stored.sync()
    reread = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert not settings.keep_history(reread)
    assert settings.read_number(reread, settings.PORT, 5000) == 5000
    assert settings.read_text(reread, settings.MODE, "tcp") == "tcp"
