"""Translation tier: the real ``.ts`` sources compiled by the app's own code path."""

from __future__ import annotations

import importlib.util
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication

from chatgui import i18n

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def load_update_script() -> ModuleType:
    """``resources/translations/update.py`` (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up by name while the class is being made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``.qm`` files, built once per run the way a source checkout builds them."""
    cache = tmp_path_factory.mktemp("qm")
    folder = i18n.qm_folder(cache)
    assert {path.name for path in folder.glob("*.qm")} == {"chatgui_zh_CN.qm", "chatgui_zh_TW.qm"}
    return cache


@pytest.fixture
def translated(qapp: QApplication, qm_cache: Path) -> Iterator[object]:
    """Install a language for one test; English again afterwards, whatever happened."""

    def install(language: str) -> bool:
        return i18n.install_translator(qapp, language, cache=qm_cache)

    yield install
    i18n.install_translator(qapp, i18n.ENGLISH)
