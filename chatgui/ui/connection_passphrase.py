"""The connection bar's private-room part: passphrase, Generate, "Remember passphrase", raw conflict.

The passphrase is typed (or proposed) here and kept only in the widgets and, when the user asks,
in the system keychain under the room's key; never in the settings. Raw text cannot go with a
passphrase (raw text is sent as typed): ``conflict`` says so, and the bar keeps Connect disabled.
The widgets are laid out by ``ConnectionBar``; their strings keep its translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from chatgui import settings
from chatgui.ui.keychain import KeychainLike
from chatgui.ui.passphrase import PassphraseField, generate_passphrase
from chatgui.ui.widgets import named


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionBar", text)


class PassphraseControls(QObject):
    """The passphrase field, Generate, "Remember passphrase" and the note on raw text.

    Args:
        keychain: Where "Remember passphrase" keeps passphrases (None: nowhere; the box is
            disabled and says why).
        room_key: The name the room's passphrase is remembered under (``ConnectionBar.keychain_key``).
        parent: The connection bar.
    """

    def __init__(
        self, keychain: KeychainLike | None, room_key: Callable[[], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._keychain = keychain
        self._room_key = room_key
        self.passphrase_label = QLabel(_tr("Passphrase"))
        self.passphrase_field = PassphraseField("passphrase")
        self.passphrase_edit = self.passphrase_field.edit
        self.passphrase_show_button = self.passphrase_field.show_button
        self.passphrase_edit.setPlaceholderText(_tr("none: an open room"))
        self.passphrase_edit.setToolTip(
            _tr(
                "A private room: with a passphrase, everything sent is encrypted, and only people "
                "who type the same passphrase can join or read it. It never leaves this computer. "
                "Leave it empty for an open room."
            )
        )
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.passphrase_field.setMaximumWidth(240)
        self.generate_button = named(
            QPushButton(_tr("Generate")), "generatePassphraseButton", _tr("Generate a passphrase")
        )
        self.generate_button.setToolTip(
            _tr("Propose a strong passphrase of four common words, easy to read out to the others.")
        )
        self.remember_check = named(
            QCheckBox(_tr("Remember passphrase")),
            "rememberPassphraseCheck",
            _tr("Remember passphrase"),
        )
        self.remember_check.setEnabled(False)  # until the keychain has been looked for
        self.conflict_label = named(QLabel(), "privateRawConflictLabel", _tr("Why Connect is disabled"))
        self.conflict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_label.setWordWrap(True)
        self.conflict_label.hide()
        self.generate_button.clicked.connect(self.generate)

    def passphrase(self) -> str:
        """The passphrase typed ("" = an open room), exactly as typed."""
        return self.passphrase_field.text()

    def conflict(self, raw: bool) -> str:
        """Why a session cannot start with raw text ``raw`` and this passphrase ("" = it can)."""
        if raw and self.passphrase():
            return _tr(
                "Raw text and a passphrase cannot go together: raw text is sent as typed, which "
                "anyone on the network can read. Turn off Raw text, or clear the passphrase."
            )
        return ""

    @Slot()
    def generate(self) -> None:
        """Fill the passphrase field with a proposal, shown so it can be read out to the others."""
        self.passphrase_field.set_text(generate_passphrase())
        self.passphrase_show_button.setChecked(True)

    def load_settings(self, s: QSettings) -> None:
        """Look for the keychain: now, restoring the passphrase, when it was remembered; else soon."""
        remember = settings.read_flag(s, settings.REMEMBER_PASSPHRASE, False)
        if remember:
            self._look_for_keychain(remember=True)
        else:
            # Looking loads the keychain library (~0.1 s): after the window is up, not before.
            QTimer.singleShot(0, self._look_for_keychain)

    @Slot()
    def _look_for_keychain(self, remember: bool = False) -> None:
        """Enable "Remember passphrase" when a keychain is there, else say why not; restore one."""
        usable = self._keychain is not None and self._keychain.usable()
        self.remember_check.setEnabled(usable)
        self.remember_check.setToolTip(
            _tr(
                "Keep the passphrase in this computer's keychain for this room, so it is filled "
                "in next time. It is never written to chatgui's settings file."
            )
            if usable
            else _tr(
                "No system keychain was found on this computer, so chatgui cannot remember a "
                "passphrase safely; type it each time."
            )
        )
        if not usable or self._keychain is None:
            self.remember_check.setChecked(False)
            return
        if remember:
            self.remember_check.setChecked(True)
            if not self.passphrase():
                self.passphrase_field.set_text(self._keychain.get(self._room_key()) or "")

    def remembered_passphrase(self, key: str) -> str:
        """The passphrase the keychain keeps for ``key`` ("" when none or no keychain)."""
        if self._keychain is None or not self._keychain.usable():
            return ""
        return self._keychain.get(key) or ""

    def save_passphrase(self, s: QSettings) -> str:
        """Remember (or forget) the passphrase in the keychain as the box says; never in ``s``.

        Returns:
            "" when done, else a sentence saying why the keychain refused.
        """
        remember = self.remember_check.isEnabled() and self.remember_check.isChecked()
        s.setValue(settings.REMEMBER_PASSPHRASE, remember)
        if self._keychain is None or not self._keychain.usable():
            return ""
        key = self._room_key()
        if not (remember and self.passphrase()):
            self._keychain.delete(key)
            return ""
        refused = self._keychain.set(key, self.passphrase())
        if not refused:
            return ""
        return _tr(
            "The system keychain did not keep the passphrase ({reason}); type it again next time."
        ).format(reason=refused)
