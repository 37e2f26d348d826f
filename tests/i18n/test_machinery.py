"""chatgui.i18n: choosing a language, building the .qm files, installing and removing them."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from chatgui import i18n
from tests.i18n.conftest import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("zh_CN", "zh_CN"),
        ("zh-cn", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh-Hans", "zh_CN"),
        ("zh_TW", "zh_TW"),
        ("zh-Hant", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("en", "en"),
        ("fr_FR", "en"),
        ("de", "en"),
    ],
)
def test_normalize(name: str, code: str) -> None:
    assert i18n.normalize(name) == code


@pytest.mark.parametrize(
    ("lang", "code"),
    [("zh_CN.UTF-8", "zh_CN"), ("zh_TW.UTF-8", "zh_TW"), ("zh_HK.UTF-8", "zh_TW"), ("fr_FR.UTF-8", "en")],
)
def test_system_language_follows_the_locale(lang: str, code: str) -> None:
    # The system locale is read once per process: a real process per locale.
    env = {**os.environ, "LANG": lang, "LC_ALL": lang, "LANGUAGE": ""}
    out = subprocess.run(
        [sys.executable, "-c", "from chatgui.i18n import system_language; print(system_language())"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == code


def test_available_languages() -> None:
    assert i18n.available_languages() == ["en", "zh_CN", "zh_TW"]


def test_compile_builds_then_reuses(tmp_path: Path) -> None:
    built = i18n.compile_translations(tmp_path)
    assert sorted(path.name for path in built) == ["chatgui_zh_CN.qm", "chatgui_zh_TW.qm"]
    stamps = {path: path.stat().st_mtime_ns for path in built}
    again = i18n.compile_translations(tmp_path)
    assert {path: path.stat().st_mtime_ns for path in again} == stamps
    assert not list(tmp_path.glob("*partial*"))


def test_qm_folder_is_named_after_the_sources(tmp_path: Path) -> None:
    first = i18n.qm_folder(tmp_path)
    assert first.parent == tmp_path
    assert (first / "chatgui_zh_TW.qm").exists()
    assert i18n.qm_folder(tmp_path) == first


def test_without_lrelease_the_window_stays_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, qapp: object
) -> None:
    monkeypatch.setattr(i18n, "lrelease_command", lambda: None)
    with caplog.at_level(logging.WARNING, logger="chatgui.i18n"):
        assert i18n.compile_translations(tmp_path) == []
        assert not i18n.install_translator(QCoreApplication.instance(), "zh_CN", cache=tmp_path)  # type: ignore[arg-type]
    assert "lrelease is not installed" in caplog.text
    assert i18n.installed_language() == "en"


def test_install_and_switch(translated: object) -> None:
    install = translated
    assert install("zh_CN")  # type: ignore[operator]
    assert QCoreApplication.translate("TranscriptView", "Copy") == "复制"
    assert install("zh_TW")  # type: ignore[operator]
    assert QCoreApplication.translate("TranscriptView", "Copy") == "複製"
    # Sentences translate before filling in the facts, so the port survives.
    from chatgui import sentences
    from chatgui.events import Problem, ProblemOccurred

    sentence = sentences.describe(ProblemOccurred(Problem.PORT_IN_USE, port=50007))
    assert sentence.startswith("連接埠 50007 ")
    assert "50007" in sentence
    assert "連接埠" in sentence
    assert i18n.installed_language() == "zh_TW"


def test_sources_are_where_the_app_looks() -> None:
    assert i18n.source_folder() == TRANSLATIONS


def test_install_translator_without_a_qm_installs_none(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    assert not i18n.install_translator(app, "en", cache=tmp_path)
    monkeypatch.setattr(i18n, "lrelease_command", lambda: None)
    assert not i18n.install_translator(app, "zh_CN", cache=tmp_path)  # no .qm there, none built
    assert i18n.normalize("system") in ("en", "zh_CN", "zh_TW")
    assert i18n.normalize("zh_TW") == "zh_TW"
