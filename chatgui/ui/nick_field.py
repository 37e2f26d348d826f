"""The nickname field with its rule said before connecting: "1–32 characters", and what others will see.

An empty name becomes the login name and a name with invisible characters, line breaks or runs
of spaces is cleaned (``chatgui.protocol.names.clean_nick``) by every host: the note under the
field says so while the user types, not after the room has renamed them. Its strings keep the
connection bar's translation context ("ConnectionBar").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit

from chatgui.protocol.names import MAX_NICK_CHARS, clean_nick
from chatgui.ui.connection_form import default_nick
from chatgui.ui.widgets import named


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionBar", text)


def fallback_nick() -> str:
    """The name used when none is typed: the login name, cleaned ("guest" when nothing is left)."""
    return clean_nick(default_nick()) or "guest"


def chosen_nick(typed: str) -> str:
    """The name a session goes out with for ``typed``: cleaned, or the fallback when nothing is left."""
    return clean_nick(typed) or fallback_nick()


def nick_note(typed: str) -> str:
    """What to tell the user about ``typed`` before connecting ("" when it goes out as typed).

    Args:
        typed: The nickname field's text.

    Returns:
        A sentence, already translated: the name others will see, and why it differs.
    """
    if not typed.strip():
        return _tr("No name typed: others will see you as “{nick}”.").format(nick=fallback_nick())
    cleaned = clean_nick(typed)
    if not cleaned:
        return _tr("Nothing in this name can be shown: others will see you as “{nick}”.").format(
            nick=fallback_nick()
        )
    if cleaned != typed.strip():
        return _tr(
            "Others will see “{nick}”: invisible characters, line breaks and repeated spaces are left out."
        ).format(nick=cleaned)
    return ""


class NickField(QObject):
    """The nickname edit (capped at the length a host keeps), its rule and its note.

    The bar lays the widgets out: ``label``, ``edit`` and ``hint`` in a row, ``note`` under it
    (hidden while there is nothing to say).

    Args:
        parent: The connection bar.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit = named(QLineEdit(), "nickEdit", _tr("Nickname"))
        self.edit.setMaxLength(MAX_NICK_CHARS)  # what a host keeps of a nickname
        self.edit.setPlaceholderText(_tr("your name in the room"))
        self.edit.setToolTip(
            _tr("The name others see next to your messages: 1 to {count} characters.").format(
                count=MAX_NICK_CHARS
            )
        )
        self.label = QLabel(_tr("Your name"))
        self.label.setBuddy(self.edit)
        self.hint = named(QLabel(), "nickHint", _tr("Nickname rule"))
        self.hint.setText(_tr("1–{count} characters").format(count=MAX_NICK_CHARS))
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note = named(QLabel(), "nickNote", _tr("The name others will see"))
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        self.edit.textChanged.connect(self._update_note)

    def text(self) -> str:
        """The name as typed."""
        return self.edit.text()

    def nick(self) -> str:
        """The name a session goes out with (cleaned; the login name when empty)."""
        return chosen_nick(self.edit.text())

    @Slot()
    def _update_note(self) -> None:
        note = nick_note(self.edit.text())
        self.note.setText(note)
        self.note.setVisible(bool(note))
