"""Notifications while the window is in the background: the policy (pure) and the tray (Qt).

The policy decides what to show and when, with time passed in, so tests drive it with a
fake clock: it counts unread messages, shows one desktop notification per message but at
most one per ``interval`` seconds, and folds whatever arrived in between into a summary
("12 new messages from 3 people"). The window talks to the desktop through
:class:`NotifierLike` (a tray icon and the taskbar in the app, a fake in tests).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

DEFAULT_INTERVAL = 1.0


@dataclass(frozen=True, slots=True)
class Notice:
    """One desktop notification to show.

    Attributes:
        count: How many messages it stands for (1: a single message).
        people: How many different senders those were.
        sender: The sender of the single message (count 1), else "".
        first_line: The first line of the single message (count 1), else "".
    """

    count: int
    people: int
    sender: str = ""
    first_line: str = ""

    @property
    def is_summary(self) -> bool:
        """Whether this stands for more than one message."""
        return self.count > 1


class NotificationPolicy:
    """Unread counting and flood throttling for desktop notifications; time is an argument.

    Args:
        interval: The shortest time between two notifications, in seconds.
    """

    def __init__(self, interval: float = DEFAULT_INTERVAL) -> None:
        self.interval = interval
        self._unread = 0
        self._last_shown: float | None = None
        self._held = 0
        self._held_senders: set[str] = set()
        self._held_sample: tuple[str, str] = ("", "")

    @property
    def unread(self) -> int:
        """Messages that arrived since the window was last active."""
        return self._unread

    @property
    def held(self) -> int:
        """Messages waiting for the next allowed notification."""
        return self._held

    def add(self, messages: Sequence[tuple[str, str]], now: float) -> Notice | None:
        """Count ``messages`` (sender, text) that arrived while the window was in the background.

        Args:
            messages: The new messages, oldest first.
            now: The current time in seconds (any monotonic clock).

        Returns:
            The notification to show now, or None when the last one was shown less than
            ``interval`` ago (call :meth:`flush` at :meth:`next_due`).
        """
        if not messages:
            return None
        self._unread += len(messages)
        self._held += len(messages)
        self._held_senders.update(sender for sender, _ in messages)
        self._held_sample = messages[-1]
        if self._last_shown is not None and now - self._last_shown < self.interval:
            return None
        return self.flush(now)

    def next_due(self) -> float | None:
        """When held messages may be shown (None when nothing is held)."""
        if not self._held:
            return None
        return (self._last_shown or 0.0) + self.interval

    def flush(self, now: float) -> Notice | None:
        """The notice for everything held, if the interval has passed since the last one."""
        if not self._held:
            return None
        if self._last_shown is not None and now - self._last_shown < self.interval:
            return None
        sender, text = self._held_sample
        if self._held == 1:
            notice = Notice(1, 1, sender, first_line(text))
        else:
            notice = Notice(self._held, len(self._held_senders))
        self._last_shown = now
        self._held = 0
        self._held_senders = set()
        self._held_sample = ("", "")
        return notice

    def reset(self) -> None:
        """The user is looking: nothing is unread and nothing waits to be shown."""
        self._unread = 0
        self._held = 0
        self._held_senders = set()
        self._held_sample = ("", "")


def first_line(text: str, limit: int = 120) -> str:
    """The first non-empty line of ``text``, shortened to ``limit`` characters."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped:
            return stripped if len(stripped) <= limit else stripped[: limit - 1] + "…"
    return ""


def badge_icon(base: QIcon, count: int, size: int = 64) -> QIcon:
    """``base`` with ``count`` drawn in a red disc in its corner (``count`` 0: ``base`` itself)."""
    if count <= 0:
        return base
    pixmap = base.pixmap(size, size)
    if pixmap.isNull():
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor("#1565c0"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRect(size // 3, size // 3, size * 2 // 3, size * 2 // 3)
    painter.setBrush(QColor("#c62828"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(size // 3)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(count) if count < 100 else "99+")
    painter.end()
    return QIcon(pixmap)


class TrayNotifier(QObject):
    """The tray icon and the taskbar: unread count, desktop notifications, attention.

    Without a system tray (``QSystemTrayIcon.isSystemTrayAvailable()`` false) only the
    taskbar alert works; everything else is a no-op.

    Args:
        window: The window to raise when the user clicks, and to alert for.
        icon: The app icon the tray shows.

    Signals:
        activated: The user clicked the tray icon or a notification.
    """

    activated = Signal()

    def __init__(self, window: QWidget, icon: QIcon) -> None:
        super().__init__(window)
        self._window = window
        self._icon = icon
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setToolTip(self.tr("chatgui"))
            self._tray.activated.connect(self._on_tray_activated)
            self._tray.messageClicked.connect(self.activated)
            self._tray.show()

    @property
    def available(self) -> bool:
        """Whether there is a tray icon."""
        return self._tray is not None

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_tray_activated(self, _reason: QSystemTrayIcon.ActivationReason) -> None:
        self.activated.emit()

    def show_message(self, title: str, body: str) -> None:
        """Show a desktop notification through the tray icon."""
        if self._tray is not None and QSystemTrayIcon.supportsMessages():
            self._tray.showMessage(title, body, self._icon, 5000)

    def set_unread(self, count: int) -> None:
        """Put the unread count in the tray icon's badge and tooltip."""
        if self._tray is None:
            return
        self._tray.setIcon(badge_icon(self._icon, count))
        self._tray.setToolTip(
            self.tr("chatgui — {count} unread").format(count=count) if count else self.tr("chatgui")
        )

    def alert(self) -> None:
        """Make the taskbar entry ask for attention until the window is activated."""
        QApplication.alert(self._window)

    def hide(self) -> None:
        """Remove the tray icon (on exit)."""
        if self._tray is not None:
            self._tray.hide()
