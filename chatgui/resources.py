"""Where the app's files are: ``resources/``, the app icon, the translations folder.

The one module that computes these paths (the app, i18n, the window and the packaging spec
ask it). A leaf: it imports nothing of chatgui and no Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICON_NAME = "chatgui"


def resources_dir() -> Path:
    """Where ``resources/`` is: beside the ``chatgui`` package, in the source tree and in the bundle.

    Returns:
        The folder (the bundle's data folder when frozen by PyInstaller).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle, str):
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def icon_path() -> Path:
    """The app icon's SVG source (Qt renders it sharp at every size the desktop asks for).

    Returns:
        The path of ``resources/icons/chatgui.svg``.
    """
    return resources_dir() / "icons" / f"{ICON_NAME}.svg"


def lab_picture_path() -> Path:
    """The lab's built-in picture (drawn by ``packaging/lab_picture.py``).

    Returns:
        The path of ``resources/lab-picture.png``.
    """
    return resources_dir() / "lab-picture.png"


def translations_dir() -> Path:
    """The folder of the translations: the ``.ts`` sources in a checkout, the ``.qm`` files in a bundle.

    Returns:
        The path of ``resources/translations``.
    """
    return resources_dir() / "translations"


def bundle_translation_dirs() -> list[Path]:
    """Where a frozen bundle keeps its ``.qm`` files (PyInstaller's data folder).

    Returns:
        The bundle's folders, in the order to look in; none outside a bundle.
    """
    base = getattr(sys, "_MEIPASS", None)
    if base is None:
        return []
    return [Path(base) / "resources" / "translations", Path(sys.executable).resolve().parent / "translations"]
