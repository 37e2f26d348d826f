"""The window's preferences: theme, language, which key sends, keeping history, muting.

Each is applied at once and remembered in the settings (``chatgui.settings`` names the keys).
Its sentences were written in the window and keep its translation context ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from chatgui import i18n
from chatgui import settings as settings_keys
from chatgui.ui.compose import ComposeEdit
from chatgui.ui.interfaces import HistoryLike, StatusLike
from chatgui.ui.presenter import Presenter
from chatgui.ui.themes import Theme, ThemeManager
from chatgui.ui.window_menus import WindowActions


def _tr(text: str) -> str:
    # These sentences were written in the window and are translated under its context.
    return QCoreApplication.translate("MainWindow", text)


class Preferences(QObject):
    """Applies and remembers what the View and Settings menus choose.

    Args:
        settings: Where the choices persist.
        actions: The menu actions (checked to show the choice).
        compose: The message box (which key sends).
        send_button: The Send button (its tooltip names the key).
        presenter: The session as the user sees it (the message box's hint follows the key).
        status: The status line.
        history: The history facade (``None``: no history).
        themes: Applies a theme (``None`` without a ``QApplication``).
        cancel_notices: Drops the notice waiting for its turn (on mute).
        parent: The owner of this object.
    """

    def __init__(
        self,
        settings: QSettings,
        actions: WindowActions,
        compose: ComposeEdit,
        send_button: QPushButton,
        presenter: Presenter,
        status: StatusLike,
        history: HistoryLike | None,
        themes: ThemeManager | None,
        cancel_notices: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._actions = actions
        self._compose = compose
        self._send_button = send_button
        self._presenter = presenter
        self._status = status
        self._history = history
        self._themes = themes
        self._cancel_notices = cancel_notices

    def load(self) -> None:
        """Apply the choices kept from the last run."""
        settings = self._settings
        self.set_theme(Theme.parse(settings.value(settings_keys.THEME, Theme.SYSTEM.value)))
        self.set_send_with_ctrl_enter(settings_keys.read_flag(settings, settings_keys.CTRL_ENTER, False))
        keep = settings_keys.keep_history(settings)
        if self._history is not None and not self._history.enabled:
            keep = False  # the app started without keeping history: say so
        self.set_keep_history(keep)
        self._actions.mute.setChecked(settings_keys.read_flag(settings, settings_keys.MUTE, False))
        language = settings_keys.read_text(settings, settings_keys.LANGUAGE, i18n.SYSTEM)
        self._actions.languages.get(language, self._actions.languages[i18n.SYSTEM]).setChecked(True)

    @Slot()
    def on_theme_chosen(self) -> None:
        """Apply and remember the theme chosen in the View menu."""
        action = self.sender()
        if isinstance(action, QAction):
            self.set_theme(Theme.parse(action.data()))

    def set_theme(self, theme: Theme) -> None:
        """Switch to ``theme`` now and keep it for the next start."""
        self._actions.themes[theme].setChecked(True)
        self._settings.setValue(settings_keys.THEME, theme.value)
        if self._themes is not None:
            self._themes.apply(theme)

    @Slot()
    def on_language_chosen(self) -> None:
        """Remember the language chosen in the View menu; it applies at the next start."""
        action = self.sender()
        if not isinstance(action, QAction):
            return
        self._settings.setValue(settings_keys.LANGUAGE, str(action.data()))
        self._status.show_sentence(_tr("The new language applies the next time chatgui starts."), error=False)

    @Slot()
    def on_send_key_chosen(self) -> None:
        """Apply and remember which key sends."""
        self.set_send_with_ctrl_enter(self._actions.send_with_ctrl_enter.isChecked())

    def set_send_with_ctrl_enter(self, ctrl_enter: bool) -> None:
        """Ctrl+Enter sends (Enter: new line) when True; Enter sends when False."""
        (self._actions.send_with_ctrl_enter if ctrl_enter else self._actions.send_with_enter).setChecked(True)
        self._compose.send_with_ctrl_enter = ctrl_enter
        self._settings.setValue(settings_keys.CTRL_ENTER, ctrl_enter)
        if ctrl_enter:
            self._send_button.setToolTip(_tr("Send the message (Ctrl+Enter). Enter starts a new line."))
        else:
            self._send_button.setToolTip(_tr("Send the message (Enter). Shift+Enter starts a new line."))
        self._presenter.apply_state(self._presenter.state)

    @Slot(bool)
    def set_keep_history(self, keep: bool) -> None:
        """Keep (or stop keeping) every row in the history file."""
        self._actions.keep_history.setChecked(keep)
        self._actions.history_off_note.setVisible(not keep)
        self._settings.setValue(settings_keys.KEEP_HISTORY, keep)
        if self._history is not None:
            self._history.enabled = keep

    @Slot(bool)
    def on_mute_toggled(self, muted: bool) -> None:
        """Stop (or resume) desktop notifications."""
        self._settings.setValue(settings_keys.MUTE, muted)
        if muted:
            self._cancel_notices()
