"""Telling the user about messages while the chat window is in the background.

The unread count on the tray icon and taskbar, one alert when the first message arrives, and
desktop notices throttled by :class:`~chatgui.ui.notify.NotificationPolicy` (a timer shows what
the policy held back once it is due).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

from chatgui.ui.interfaces import NotifierLike
from chatgui.ui.notify import NotificationPolicy


def _tr(text: str) -> str:
    # These sentences were written in the window and are translated under its context.
    return QCoreApplication.translate("MainWindow", text)


class Notifications(QObject):
    """Unread count, alert and throttled notices through the window's notifier.

    Args:
        notifier: The tray icon and taskbar.
        muted: Whether notices are muted now (the Mute action).
        parent: The owner of this object.
    """

    def __init__(
        self, notifier: NotifierLike, muted: Callable[[], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._notifier = notifier
        self._muted = muted
        self.policy = NotificationPolicy()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def notify(self, messages: list[tuple[str, str]]) -> None:
        """Count ``(sender, text)`` messages as unread and show a notice when the policy allows."""
        notifier = self._notifier
        first_unread = self.policy.unread == 0
        notice = self.policy.add(messages, time.monotonic())
        notifier.set_unread(self.policy.unread)
        if first_unread:
            notifier.alert()
        if notice is not None:
            self._show_notice(notice.count, notice.people, notice.sender, notice.first_line)
        due = self.policy.next_due()
        if due is not None and not self._timer.isActive():
            self._timer.start(max(0, int((due - time.monotonic()) * 1000) + 1))

    def cancel_pending(self) -> None:
        """Drop the notice waiting for its turn (muted)."""
        self._timer.stop()

    def on_activated(self) -> None:
        """The user is here: nothing is unread any more."""
        self.policy.reset()
        self._timer.stop()
        self._notifier.set_unread(0)

    @Slot()
    def _flush(self) -> None:
        notice = self.policy.flush(time.monotonic())
        if notice is not None and not self._muted():
            self._show_notice(notice.count, notice.people, notice.sender, notice.first_line)
        due = self.policy.next_due()
        if due is not None:
            self._timer.start(max(0, int((due - time.monotonic()) * 1000) + 1))

    def _show_notice(self, count: int, people: int, sender: str, first_line: str) -> None:
        notifier = self._notifier
        if count == 1:
            notifier.show_message(sender, first_line)
        else:
            # Never fewer than two messages here, so only the people need two forms.
            if people == 1:
                body = _tr("{count} new messages from one person").format(count=count)
            else:
                body = _tr("{count} new messages from {people} people").format(count=count, people=people)
            notifier.show_message(_tr("chatgui"), body)
