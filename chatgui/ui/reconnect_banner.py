"""The banner shown while a joined room is being reached again: a live countdown and Cancel.

The socket worker reports ``Reconnecting(address, attempt, delay)`` once per attempt; the
seconds in between are counted here, by a QTimer in the GUI thread, so the worker sends
nothing per second. Cancel stops the session (what the window's ``stop`` does); the
messages typed meanwhile are then marked not sent through the worker's ``ReceiptMissing``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from chatgui.events import Reconnected, Reconnecting
from chatgui.ui.widgets import named

_CONTEXT = "ReconnectBanner"
TICK_MS = 200
"""How often the countdown is redrawn (it shows whole seconds, rounded up)."""
BACK_SHOWN_MS = 5000
"""How long "Back in the room." stays before the banner hides itself."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def countdown_sentence(seconds: int, attempt: int) -> str:
    """The banner's words while waiting ``seconds`` before attempt ``attempt`` (0 s: trying now)."""
    if seconds <= 0:
        return _tr("Connection lost — reconnecting now (attempt {attempt})…").format(attempt=attempt)
    return _tr("Connection lost — reconnecting in {seconds} s (attempt {attempt})…").format(
        seconds=seconds, attempt=attempt
    )


class ReconnectBanner(QFrame):
    """A strip above the conversation while reconnecting (objectName "reconnectBanner").

    Args:
        cancel: Stops the session (the window passes its backend's ``stop``).
        clock: Monotonic seconds (tests may pass their own).
        parent: Optional parent widget.
    """

    def __init__(
        self,
        cancel: Callable[[], None],
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "reconnectBanner", _tr("Reconnecting"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._cancel = cancel
        self._clock = clock
        self._deadline = 0.0
        self._attempt = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = named(QLabel(), "reconnectLabel", _tr("Reconnecting"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1)
        self.cancel_button = named(
            QPushButton(_tr("Cancel")), "reconnectCancelButton", _tr("Stop reconnecting")
        )
        self.cancel_button.setToolTip(
            _tr("Stop trying to reach the room; messages typed meanwhile are marked not sent.")
        )
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        layout.addWidget(self.cancel_button)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.on_tick)
        self._hide_later = QTimer(self)
        self._hide_later.setSingleShot(True)
        self._hide_later.setInterval(BACK_SHOWN_MS)
        self._hide_later.timeout.connect(self.dismiss)
        self.hide()

    @property
    def reconnecting(self) -> bool:
        """Whether the banner is counting down to (or waiting on) an attempt."""
        return self._attempt > 0

    def on_event(self, event: Reconnecting | Reconnected) -> None:
        """Follow the worker: a new attempt restarts the countdown; back in the room says so."""
        if isinstance(event, Reconnecting):
            self._attempt = event.attempt
            self._deadline = self._clock() + event.delay
            self._hide_later.stop()
            self.cancel_button.show()
            self._tick.start()
            self.on_tick()
            self.show()
        else:
            self._attempt = 0
            self._tick.stop()
            self.cancel_button.hide()
            self._set_text(_tr("Back in the room."))
            self._hide_later.start()
            self.show()

    @Slot()
    def on_tick(self) -> None:
        """Redraw the countdown (whole seconds, rounded up); at zero the attempt is under way."""
        seconds = max(0, math.ceil(self._deadline - self._clock()))
        self._set_text(countdown_sentence(seconds, self._attempt))
        if seconds <= 0:
            self._tick.stop()

    @Slot()
    def on_cancel_clicked(self) -> None:
        """Stop the session: no more attempts."""
        self._cancel()
        self.dismiss()

    @Slot()
    def dismiss(self) -> None:
        """Hide, and forget any countdown (the session ended, or the good news has been read)."""
        self._attempt = 0
        self._tick.stop()
        self._hide_later.stop()
        self.hide()

    def _set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setToolTip(text)
        self.setAccessibleDescription(text)
