"""Choosing the interface language and loading its translation (``.qm``) at start.

The translations are built from ``resources/translations/chatgui_<lang>.ts`` into ``.qm``
files beside them; English is the source language and needs no file. The choice is stored in
the settings as one of :data:`LANGUAGES` and applied when the app starts.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from chatgui.resources import translations_dir

SYSTEM = "system"
ENGLISH = "en"
SIMPLIFIED_CHINESE = "zh_CN"
TRADITIONAL_CHINESE = "zh_TW"
LANGUAGES = (SYSTEM, ENGLISH, SIMPLIFIED_CHINESE, TRADITIONAL_CHINESE)
SETTINGS_KEY = "ui/language"

# Translators must stay referenced while installed: Qt does not own them.
_installed: list[QTranslator] = []


def resolve(language: str, locale: QLocale | None = None) -> str:
    """The language to load for a stored choice: "en", "zh_CN" or "zh_TW".

    Args:
        language: One of :data:`LANGUAGES` (anything else counts as "system").
        locale: The system's locale for "system" (default: ``QLocale.system()``).

    Returns:
        The language code; Chinese scripts and regions map to the simplified or
        traditional translation, everything else to English.
    """
    if language in (ENGLISH, SIMPLIFIED_CHINESE, TRADITIONAL_CHINESE):
        return language
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return ENGLISH
    if locale.script() == QLocale.Script.TraditionalChineseScript or locale.territory() in (
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    ):
        return TRADITIONAL_CHINESE
    return SIMPLIFIED_CHINESE


def remove_translators(app: QCoreApplication) -> None:
    """Take every translator this module installed off ``app``."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translator(app: QCoreApplication, language: str, folder: Path | None = None) -> bool:
    """Load and install the app's translation for ``language`` (and Qt's own, when present).

    Args:
        app: The application to install the translators on (earlier ones are removed).
        language: One of :data:`LANGUAGES`.
        folder: Where ``chatgui_<lang>.qm`` lives (default: :func:`translations_dir`).

    Returns:
        Whether the app's own translation was found and installed (False for English,
        which needs none, and when the ``.qm`` file is missing).
    """
    try:
        # The translation engineer's module compiles .ts sources when no .qm is built yet.
        full = importlib.import_module("chatgui.i18n")
    except ImportError:
        full = None
    if full is not None and folder is None:
        return bool(full.install_translator(app, language))
    remove_translators(app)
    code = resolve(language)
    if code == ENGLISH:
        return False
    translator = QTranslator(app)
    if not translator.load(str((folder or translations_dir()) / f"chatgui_{code}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own strings (standard buttons, file dialogs) in the same language, when Qt ships them.
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return True
