"""Help › How to read the lab: what the lab's figures mean (a placeholder until its own text lands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def lab_help_text() -> str:
    """The translated text of Help › How to read the lab (plain text, paragraphs apart)."""
    return QCoreApplication.translate(
        "LabHelp",
        "The lab sends the same numbered messages over TCP and over UDP, under the conditions you "
        "set (loss, delay, reordering), and shows what each side received: which messages "
        "arrived, in what order, and how long each took. TCP delivers everything in order and "
        "pays in waiting; UDP delivers at once and loses or reorders what the network does. "
        "The other tabs show how bytes are cut into messages and what a connection goes through "
        "from start to close.",
    )
