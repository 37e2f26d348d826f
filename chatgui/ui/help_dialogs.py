"""The Help menu's pages: "How to chat" and "How to read the lab", each a small plain-text dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from chatgui.ui.widgets import named


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


def how_to_chat_text() -> str:
    """The translated text of Help › How to chat (plain text, paragraphs apart)."""
    return "\n\n".join(
        (
            _tr(
                "Host a room: type your name, press “Host a room…” and tell the others one of the "
                "addresses shown under “Others can join at” (each has its own Copy button). The room "
                "lasts as long as you host it."
            ),
            _tr(
                "Join a room: double-click it in the list of rooms on this network, or press “Join "
                "by address…” and type or paste the address the host told you (for example "
                "192.168.1.20:50007)."
            ),
            _tr(
                "Ticks: ✓ beside your message means it arrived — at the host, who passes it to "
                "everyone in the room. On the host's own messages, ✓ means it was passed to every "
                "member's connection. ✗ means it was not delivered: send it again."
            ),
            _tr(
                "Private rooms: give a room a passphrase and everything in it is encrypted; only "
                "people who type the same passphrase can join or read it. Compare the room code "
                "with the other side: the same code means nobody is in between."
            ),
            _tr("Check tells whether anything answers at an address before you join it."),
        )
    )


class HelpDialog(QDialog):
    """A titled page of plain text with a Close button.

    Args:
        title: The window title.
        text: The page (plain text; never markup).
        name: The dialog's object name (tests and automation find it by it).
        parent: The window it belongs to.
    """

    def __init__(self, title: str, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.text_label = named(QLabel(text), f"{name}Text", title)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def show_how_to_chat(parent: QWidget) -> HelpDialog:
    """Open Help › How to chat beside ``parent`` (not blocking); returns the dialog."""
    dialog = HelpDialog(_tr("How to chat"), how_to_chat_text(), "howToChatDialog", parent)
    dialog.show()
    return dialog


def show_how_to_read_lab(parent: QWidget) -> HelpDialog:
    """Open Help › How to read the lab beside ``parent`` (not blocking); returns the dialog."""
    from chatgui.ui.lab.help import lab_help_text  # the lab's own words, loaded only when asked

    dialog = HelpDialog(_tr("How to read the lab"), lab_help_text(), "howToReadLabDialog", parent)
    dialog.show()
    return dialog
