"""Which language the window speaks: finding, building and installing the translations.

Sources are Qt Linguist files (``resources/translations/chatgui_<lang>.ts``); Qt loads their
compiled form (``.qm``). A bundle carries the ``.qm`` files (``packaging/build.py`` compiles
them); a source checkout has only the ``.ts`` files, so the first run compiles them with
``pyside6-lrelease`` into the user's cache folder (a fraction of a second) and later runs reuse
them until a ``.ts`` file changes. Qt's own strings (standard dialog buttons, the text-field
context menu, the file dialog) come from Qt's ``qtbase_<lang>.qm``, which PySide6 ships.

That catalogue lags behind Qt's sources: Qt 6 gave "Look in:" and "Files of type:" a
mnemonic ("&Look in:"), and the catalogue still knows them only without one, so the file
dialog showed them in English. ``QtGaps`` answers such strings from the catalogue's older
entry. The default ``QLocale`` follows the chosen language too (the file dialog's file
types and dates), and where the app speaks another language than the system, Qt's own
dialogs replace the native ones, which speak the system's language.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, Qt, QTranslator

from chatgui.resources import bundle_translation_dirs, translations_dir

log = logging.getLogger(__name__)

ENGLISH = "en"
SIMPLIFIED_CHINESE = "zh_CN"
TRADITIONAL_CHINESE = "zh_TW"
SYSTEM = "system"
#: Every language the app speaks, English (the source language) first.
LANGUAGES = (ENGLISH, SIMPLIFIED_CHINESE, TRADITIONAL_CHINESE)
#: What each language calls itself, for a language menu (never translated).
NATIVE_NAMES = {ENGLISH: "English", SIMPLIFIED_CHINESE: "简体中文", TRADITIONAL_CHINESE: "繁體中文"}

_LRELEASE_TIMEOUT_S = 60
# The translators this module installed, so a later choice replaces them (and Qt, which
# does not own them, cannot see them collected while installed).
_installed: list[QTranslator] = []


def normalize(language: str) -> str:
    """The app's code for a language name or locale name ("zh-TW", "zh_Hant", "system" …).

    Args:
        language: a code from ``LANGUAGES``, ``"system"``/empty, or a locale name.

    Returns:
        One of ``LANGUAGES``; the system's language for ``"system"`` or an empty string,
        English for anything the app does not speak.
    """
    name = language.strip().replace("-", "_")
    if not name or name.lower() == SYSTEM:
        return system_language()
    for code in LANGUAGES:
        if name.lower() == code.lower():
            return code
    return _from_locale(QLocale(name))


def _from_locale(locale: QLocale) -> str:
    if locale.language() != QLocale.Language.Chinese:
        return ENGLISH
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript or locale.territory() in (
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macau,
    )
    return "zh_TW" if traditional else "zh_CN"


def system_language() -> str:
    """The app's language closest to the system's UI language.

    Returns:
        ``"zh_TW"`` for Traditional Chinese (Taiwan, Hong Kong, Macau), ``"zh_CN"`` for other
        Chinese, else ``"en"``.
    """
    locale = QLocale.system()
    for name in locale.uiLanguages():
        found = _from_locale(QLocale(name))
        if found != ENGLISH or QLocale(name).language() == QLocale.Language.English:
            return found
    return _from_locale(locale)


def source_folder() -> Path:
    """The folder holding the ``.ts`` sources in a source checkout."""
    return translations_dir()


def _has_qm(folder: Path) -> bool:
    return any(folder.glob("chatgui_*.qm"))


def _cache_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    if location:
        return Path(location) / "translations"
    return (
        Path(tempfile.gettempdir())
        / f"chatgui-{os.getuid() if hasattr(os, 'getuid') else 0}"
        / "translations"
    )


def lrelease_command() -> list[str] | None:
    """How to run Qt's ``lrelease`` here, or None when it is not installed.

    PySide6 ships the binary inside its package; its ``pyside6-lrelease`` wrapper and a
    system ``lrelease`` are the fall-backs.
    """
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    for candidate in (package / "lrelease", package / "lrelease.exe", package / "Qt" / "bin" / "lrelease"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_translations(destination: Path, sources: Path | None = None) -> list[Path]:
    """Compile every ``chatgui_*.ts`` in ``sources`` into ``.qm`` files in ``destination``.

    A ``.qm`` newer than its ``.ts`` is kept as it is. The packaging build and the tests use
    this too, so all three build translations the same way.

    Args:
        destination: the folder for the ``.qm`` files (created when missing).
        sources: the folder of ``.ts`` files; the source checkout's by default.

    Returns:
        The ``.qm`` files now in ``destination`` (empty when ``lrelease`` is missing).
    """
    folder = sources or source_folder()
    command = lrelease_command()
    built: list[Path] = []
    for ts in sorted(folder.glob("chatgui_*.ts")):
        qm = destination / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            built.append(qm)
            continue
        if command is None:
            log.warning("pyside6-lrelease is not installed: the window stays in English (%s)", ts.name)
            continue
        destination.mkdir(parents=True, exist_ok=True)
        # Write beside, then rename: another instance starting at the same moment must
        # never load a half-written file.
        partial = destination / (ts.stem + f".{os.getpid()}.partial.qm")
        result = subprocess.run(
            [*command, "-silent", str(ts), "-qm", str(partial)],
            capture_output=True,
            text=True,
            timeout=_LRELEASE_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0 or not partial.exists():
            log.warning("lrelease could not compile %s: %s", ts.name, result.stderr.strip())
            partial.unlink(missing_ok=True)
            continue
        partial.replace(qm)
        built.append(qm)
    return built


def qm_folder(cache: Path | None = None) -> Path:
    """The folder with the compiled translations, compiling them first when needed.

    Order: the bundle's folder, then ``.qm`` files in the source tree, then ``.ts`` sources
    compiled into a folder named after their content under ``cache`` (by default the user's
    cache folder, ``…/chatgui/translations``).

    Args:
        cache: where to compile ``.ts`` sources when no ``.qm`` files ship.

    Returns:
        The folder to load ``chatgui_<lang>.qm`` from (it may hold none if nothing could be
        built; ``install_translator`` then says so in the log).
    """
    for folder in bundle_translation_dirs():
        if _has_qm(folder):
            return folder
    source = source_folder()
    if not any(source.glob("chatgui_*.ts")) and _has_qm(source):
        return source
    # One folder per content of the sources: two checkouts (or an update) never share a
    # stale .qm, whatever the files' times say.
    digest = hashlib.sha256()
    for ts in sorted(source.glob("chatgui_*.ts")):
        digest.update(ts.name.encode() + b"\0" + ts.read_bytes())
    destination = (cache or _cache_folder()) / digest.hexdigest()[:16]
    if not _has_qm(destination):
        compile_translations(destination, source)
        for old in destination.parent.iterdir():
            if old != destination and old.is_dir() and len(old.name) == len(destination.name):
                shutil.rmtree(old, ignore_errors=True)  # earlier sources' builds
    return destination


def available_languages() -> list[str]:
    """The languages a menu may offer: English, plus each one with a translation here.

    Returns:
        Codes from ``LANGUAGES``, English first.
    """
    folders = [*bundle_translation_dirs(), source_folder()]
    found = [ENGLISH]
    for code in LANGUAGES[1:]:
        if any(
            (folder / f"chatgui_{code}.qm").exists() or (folder / f"chatgui_{code}.ts").exists()
            for folder in folders
        ):
            found.append(code)
    return found


def _load(name: str, folders: list[Path], parent: QCoreApplication) -> QTranslator | None:
    for folder in folders:
        translator = QTranslator(parent)
        if (folder / (name + ".qm")).exists() and translator.load(name, str(folder)):
            return translator
        translator.deleteLater()
    return None


# Strings Qt asks for that its catalogue keeps under another context or without a mnemonic:
# (context, source) -> the contexts to look the mnemonic-less source up in.
_QT_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("QAbstractFileIconProvider", "Folder"): ("QFileDialog",),
    ("QAbstractFileIconProvider", "File Folder"): ("QFileDialog",),
    ("QAbstractFileIconProvider", "Drive"): ("QFileDialog",),
}


def _with_mnemonic(source: str, translation: str) -> str:
    """``translation`` with the mnemonic of ``source`` added the way Chinese menus write it: "(&L)"."""
    at = source.replace("&&", "").find("&")
    if at < 0 or at + 1 >= len(source.replace("&&", "")) or "&" in translation:
        return translation
    key = source.replace("&&", "")[at + 1].upper()
    for colon in ("：", ":"):
        if translation.endswith(colon):
            return f"{translation[: -len(colon)]}(&{key}){colon}"
    return f"{translation}(&{key})"


class QtGaps(QTranslator):
    """Qt's own strings its catalogue misses, answered from the catalogue's older entries.

    Installed before the other translators, so it is asked last: only for a string nobody
    translated. It answers Qt's contexts only (they start with "Q"), from ``catalogue``.

    Args:
        catalogue: Qt's ``qtbase_<lang>`` translator.
        parent: The owner (the application).
    """

    def __init__(self, catalogue: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._catalogue = catalogue

    # None, not "": Qt takes an empty string for a translation (the text would vanish); None
    # is a null QString, "not translated here". Asked only for what nobody else translated.
    def translate(  # noqa: D102 (Qt override: None is "no translation")
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if not context.startswith("Q") or not source:
            return None
        plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&")
        contexts = _QT_ALIASES.get((context, source), (context,))
        for where in contexts:
            for text in dict.fromkeys((source, plain)):
                if where == context and text == source:
                    continue  # what the catalogue was asked already
                found = self._catalogue.translate(where, text, disambiguation, n) or (
                    self._catalogue.translate(where, text, None, n) if disambiguation else ""
                )
                if found:
                    return _with_mnemonic(source, found) if text != source else found
        return None

    def isEmpty(self) -> bool:  # noqa: D102 (Qt override: Qt skips empty translators)
        return False


def _follow_locale(code: str) -> None:
    """The default locale (file types, dates, Qt's native dialogs) speaks the app's language."""
    system = QLocale.system()
    if code == ENGLISH:
        english = system.language() == QLocale.Language.English
        QLocale.setDefault(
            system if english else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        )
    else:
        QLocale.setDefault(QLocale(code))
    # A native dialog speaks the system's language: where that is not the app's, Qt's own
    # dialogs (translated above) replace it.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, code != system_language())


def install_translator(app: QCoreApplication, language: str, cache: Path | None = None) -> bool:
    """Make ``app`` speak ``language`` from now on (widgets re-read texts on ``LanguageChange``).

    Replaces what an earlier call installed; English (or a language the app does not speak)
    removes the translations.

    Args:
        app: the running application.
        language: ``"en"``, ``"zh_CN"``, ``"zh_TW"``, ``"system"`` (or empty) for the system's
            language, or a locale name such as ``"zh-Hant-TW"``.
        cache: where to compile ``.ts`` sources when no ``.qm`` files ship (see ``qm_folder``).

    Returns:
        True when the app's own translation for that language is installed; False for English
        (which needs none) and when it could not be found or built (the window stays in English).
    """
    code = normalize(language)
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    _follow_locale(code)
    if code == ENGLISH:
        return False
    folder = qm_folder(cache)
    own = _load(f"chatgui_{code}", [folder], app)
    if own is None:
        log.warning("No translation for %s in %s: the window stays in English", code, folder)
        return False
    qt_folders = [folder, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    qt_own = _load(f"qtbase_{code}", qt_folders, app)
    gaps: QTranslator | None = None
    if qt_own is None:
        log.info("Qt's own zh strings (qtbase_%s.qm) are not installed: standard buttons stay English", code)
    else:
        gaps = QtGaps(qt_own, app)  # installed first: asked last
    for loaded in (gaps, qt_own, own):
        if loaded is not None:
            app.installTranslator(loaded)
            _installed.append(loaded)
    return True


def installed_language() -> str:
    """The language the last ``install_translator`` call installed ("en" when none)."""
    for translator in _installed:
        if isinstance(translator, QtGaps):
            continue
        name = Path(translator.filePath()).stem
        if name.startswith("chatgui_"):
            return name.removeprefix("chatgui_")
    return ENGLISH
