"""The passphrase of a private room as the window asks for it: a masked field, a proposal, a dialog.

The field hides what is typed unless "Show" is pressed; "Generate" proposes four common words.
The passphrase stays in the widgets and the ``SessionConfig``: it is never written to the
settings (only to the system keychain, when the user asks to remember it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatgui.protocol.secure import MAX_PASSPHRASE_CHARS, generate_passphrase
from chatgui.ui.widgets import named

__all__ = ["MAX_PASSPHRASE_CHARS", "PassphraseDialog", "PassphraseField", "generate_passphrase"]


class PassphraseField(QWidget):
    """A password-mode line edit with a "Show" toggle beside it.

    Args:
        name: The objectName prefix ("passphrase" gives "passphraseEdit", "passphraseShowButton").
        parent: Optional parent widget.
    """

    text_changed = Signal(str)
    """The passphrase typed changed."""

    def __init__(self, name: str = "passphrase", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = named(QLineEdit(), f"{name}Edit", self.tr("Passphrase"))
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMaxLength(MAX_PASSPHRASE_CHARS)
        self.show_button = named(QToolButton(), f"{name}ShowButton", self.tr("Show the passphrase"))
        self.show_button.setText(self.tr("Show"))
        self.show_button.setCheckable(True)
        self.show_button.setToolTip(self.tr("Show or hide the passphrase as you type it."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # Wide enough to read a generated passphrase (four words) whole, to say it aloud.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("maple-river-candle-orbit") + 12)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.show_button)
        self.setFocusProxy(self.edit)
        self.show_button.toggled.connect(self._on_show_toggled)
        self.edit.textChanged.connect(self.text_changed)

    def text(self) -> str:
        """The passphrase typed, exactly (both sides must type the same)."""
        return self.edit.text()

    def set_text(self, text: str) -> None:
        """Put ``text`` in the field."""
        self.edit.setText(text)

    def shown(self) -> bool:
        """Whether the passphrase is shown in clear."""
        return self.edit.echoMode() == QLineEdit.EchoMode.Normal

    @Slot(bool)
    def _on_show_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.show_button.setAccessibleName(
            self.tr("Hide the passphrase") if shown else self.tr("Show the passphrase")
        )


class PassphraseDialog(QDialog):
    """Asks for a private room's passphrase before joining it; Cancel cancels the join.

    Opened with ``open()`` (window-modal, not a nested event loop): ``accepted`` joins,
    ``rejected`` does nothing.

    Args:
        room: The room's name, as announced (shown as plain text).
        nick: The host's nickname, as announced (plain text).
        passphrase: What to put in the field first (a remembered one, or "").
        parent: The window.
    """

    def __init__(self, room: str, nick: str, passphrase: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Private room"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = named(QLabel(), "passphraseDialogLabel", self.tr("About this room"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a room name is a stranger's words
        self.label.setWordWrap(True)
        self.label.setText(
            self.tr("“{room}”, hosted by {nick}, is private. Type its passphrase to join.").format(
                room=room, nick=nick
            )
        )
        self.field = PassphraseField("dialogPassphrase", self)
        self.field.set_text(passphrase)
        self.field.edit.setToolTip(
            self.tr("Ask the host for it. It is never sent over the network, not even encrypted.")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.join_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.join_button.setText(self.tr("Join"))
        named(self.join_button, "passphraseDialogJoin", self.tr("Join"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        named(self.cancel_button, "passphraseDialogCancel", self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.text_changed.connect(self._on_text_changed)
        self._on_text_changed(passphrase)
        self.field.setFocus()

    def passphrase(self) -> str:
        """The passphrase typed."""
        return self.field.text()

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        self.join_button.setEnabled(bool(text.strip()))
