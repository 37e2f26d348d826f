"""Asking before the window closes while we host a room: quitting ends it for everyone in it.

The question has a "Don't ask again" box; Settings › Ask before ending a room turns asking
back on (both kept in the settings). Quit is not the default: Enter and Esc keep the room.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from chatgui import settings as settings_keys
from chatgui.events import SessionState
from chatgui.ui.presenter import Presenter


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuitGuard", text)


class QuitGuard(QObject):
    """Whether closing the window must ask first, and the question itself.

    Args:
        settings: Where "ask before ending a room" is kept.
        action: Settings › Ask before ending a room (checked: ask).
        presenter: The session as the user sees it (hosting? how many in the room?).
        window: The window the question belongs to.
        parent: The owner of this object.
    """

    def __init__(
        self,
        settings: QSettings,
        action: QAction,
        presenter: Presenter,
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._action = action
        self._presenter = presenter
        self._window = window
        self.confirmed = False
        """The user chose Quit: the next close goes ahead without asking."""
        self.box: QMessageBox | None = None
        """The question, while it is open."""
        action.setChecked(settings_keys.read_flag(settings, settings_keys.ASK_BEFORE_ENDING_ROOM, True))
        action.toggled.connect(self.set_asking)

    @Slot(bool)
    def set_asking(self, ask: bool) -> None:
        """Ask (or stop asking) before ending a room, from now on and at the next start."""
        if self._action.isChecked() != ask:
            self._action.setChecked(ask)
        self._settings.setValue(settings_keys.ASK_BEFORE_ENDING_ROOM, ask)

    def hosting(self) -> bool:
        """Whether a room we host is up now (closing would end it)."""
        session = self._presenter.session
        return (
            self._presenter.state == SessionState.ACTIVE and session.mode == "tcp" and session.role == "host"
        )

    def question(self) -> str:
        """The sentence asked: whose room ends, and for how many people."""
        room = self._presenter.room_name.strip() or _tr("your room")
        others = max(0, len(self._presenter.session.roster) - 1)  # the roster names the host too
        if others == 0:
            return _tr("You are hosting {room}: quitting ends it (nobody else is in it now).").format(
                room=room
            )
        if others == 1:
            return _tr("You are hosting {room}: quitting ends it for 1 person.").format(room=room)
        return _tr("You are hosting {room}: quitting ends it for {count} people.").format(
            room=room, count=others
        )

    def ask(self, close: Callable[[], object]) -> bool:
        """Ask before closing when it would end our room; ``close`` runs once the user chose Quit.

        Returns:
            True when the question is asked (the caller must not close now); False when
            closing may go ahead at once.
        """
        if self.confirmed or not self._action.isChecked() or not self.hosting():
            return False
        if self.box is not None:
            self.box.raise_()
            return True
        box = QMessageBox(self._window)
        box.setObjectName("quitWhileHostingBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("End the room?"))
        box.setText(self.question())
        quit_button = box.addButton(_tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        quit_button.setObjectName("quitButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # Enter keeps the room; only a deliberate click ends it
        box.setEscapeButton(cancel)
        check = QCheckBox(_tr("Don't ask again"))
        check.setObjectName("dontAskAgainCheck")
        box.setCheckBox(check)
        self.box = box

        def answered() -> None:
            self.box = None
            box.deleteLater()
            if box.clickedButton() is not quit_button:
                return
            if check.isChecked():
                self.set_asking(False)
            self.confirmed = True
            close()

        box.finished.connect(answered)
        box.open()
        return True
