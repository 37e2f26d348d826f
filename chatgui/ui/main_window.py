"""The chat window: builds its parts and wires them; it holds no logic of its own.

The chat tab's widgets are in ``chat_page``; what turns event batches into rows, receipts,
roster and status is the ``presenter``; connecting, hosting, joining and sending with their
checks is ``session_control``; the room's history (``history_view``), search
(``transcript_search``), background notifications (``notifications``), the menu bar
(``window_menus``) and the View/Settings choices (``preferences``) live in their own modules.
Every signal is connected in one place, :meth:`MainWindow._connect_signals`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QStringListModel, Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from chatgui import __version__
from chatgui import settings as settings_keys
from chatgui.events import SessionState
from chatgui.ui.addresses_panel import AddressesPanel
from chatgui.ui.chat_page import ChatPage
from chatgui.ui.check_popover import CheckPopover
from chatgui.ui.connection_form import DEFAULT_PORT
from chatgui.ui.file_ui import FileUi, file_commands
from chatgui.ui.help_dialogs import show_how_to_chat, show_how_to_read_lab
from chatgui.ui.history_browser import HistoryBrowser
from chatgui.ui.history_place import HistoryPlace
from chatgui.ui.history_view import HistoryView
from chatgui.ui.interfaces import BackendLike, DiscoveryLike, HistoryLike, NotifierLike
from chatgui.ui.keychain import KeychainLike, SystemKeychain
from chatgui.ui.mute import Mute
from chatgui.ui.notifications import Notifications
from chatgui.ui.notify import TrayNotifier
from chatgui.ui.preferences import Preferences
from chatgui.ui.presenter import Presenter
from chatgui.ui.quit_guard import QuitGuard
from chatgui.ui.room_actions import RoomActions
from chatgui.ui.room_menu import RoomMenu
from chatgui.ui.session_control import SessionControl
from chatgui.ui.status import SessionFacts, StatusLabel
from chatgui.ui.themes import ThemeManager
from chatgui.ui.transcript_model import Receipt, Row, RowKind, TranscriptModel
from chatgui.ui.transcript_search import TranscriptSearch
from chatgui.ui.transfers_like import TransfersLike
from chatgui.ui.widgets import named
from chatgui.ui.window_menus import build_menus

if TYPE_CHECKING:
    from chatgui.lab.bridge import LabController
    from chatgui.ui.lab import LabWidget

_NOTIFYING = frozenset({RowKind.OTHER, RowKind.RAW})


class MainWindow(QMainWindow):
    """The chat window.

    Args:
        backend: The session facade; the window starts, stops and sends through it only.
        settings: Where the connection fields and window geometry persist (tests pass a
            temporary ini file).
        discovery: Finds rooms on the network and announces ours; ``None`` when it is not
            available (the rooms panel says so; typing an address keeps working). The
            window does not start or shut it down: whoever made it does.
        history: Keeps every row shown, per room, and gives it back; ``None``: no history
            (the view shows this session only). Whoever made it shuts it down.
        notifier: The tray icon and taskbar; a :class:`TrayNotifier` when omitted.
        keychain: Where "Remember passphrase" keeps passphrases; the system keychain when
            omitted (tests pass a fake).
        transfers: The file commands; the backend's when it has them, else files cannot be sent.
        parent: Optional parent widget.
    """

    def __init__(
        self,
        backend: BackendLike,
        settings: QSettings,
        discovery: DiscoveryLike | None = None,
        parent: QWidget | None = None,
        *,
        history: HistoryLike | None = None,
        notifier: NotifierLike | None = None,
        keychain: KeychainLike | None = None,
        transfers: TransfersLike | None = None,
    ) -> None:
        super().__init__(parent)
        self.keychain: KeychainLike = keychain if keychain is not None else SystemKeychain()
        self.backend = backend
        self.settings = settings
        self.discovery = discovery
        self.history = history

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("chatgui"))
        self.transcript_model = TranscriptModel(parent=self)
        self.roster_model = QStringListModel(self)
        self._build()
        page = self.chat_page
        self.history_view = HistoryView(
            history, self.transcript_model, page.transcript_view, self.status_label, self
        )
        self.transcript_search = TranscriptSearch(
            self.history_view,
            page.search_bar,
            self.transcript_model,
            page.transcript_view,
            page.compose_edit,
            self,
        )
        self.presenter = Presenter(
            discovery,
            self.transcript_model.max_rows,
            page.connection_bar.target_text,
            page.connection_bar.announced_nick,
            SessionFacts(port=DEFAULT_PORT),
            self,
        )
        self.history_place = HistoryPlace(
            history,
            settings,
            self.presenter,
            self.history_view,
            self.transcript_search,
            page.compose_edit,
            self,
        )
        self.session_control = SessionControl(
            backend,
            self.presenter,
            page.connection_bar,
            page.compose_edit,
            self.transcript_model,
            self.history_place.open_room,
            self._save_settings,
            self,
        )
        self.room_actions = RoomActions(page.connection_bar, self.session_control, self.presenter, self)
        self.session_control.host_identity = self.history_place.host_identity
        app = QApplication.instance()
        self.themes = ThemeManager(app, self) if isinstance(app, QApplication) else None
        self.notifier: NotifierLike = (
            notifier if notifier is not None else TrayNotifier(self, self.windowIcon())
        )
        self.actions_ = build_menus(self)
        self.notifications = Notifications(self.notifier, self.actions_.mute.isChecked, self)
        self.preferences = Preferences(
            settings,
            self.actions_,
            page.compose_edit,
            page.send_button,
            self.presenter,
            self.status_label,
            history,
            self.themes,
            self.notifications.cancel_pending,
            self,
        )
        self.quit_guard = QuitGuard(
            settings, self.actions_.ask_before_ending_room, self.presenter, self, self
        )
        self.room_menu = RoomMenu(
            self.actions_,
            self.session_control,
            page.connection_bar,
            page.rooms_panel,
            page.compose_edit,
            self.room_actions,
            self,
        )
        commands = transfers if transfers is not None else file_commands(backend)
        self.files = FileUi(commands, settings, self.transcript_model, page, self.presenter, self)
        # Before rows_ready's slot (rows are folded first); a muted person's offers fold too.
        self.mute = Mute(settings, page, self.presenter, self.history_view, self, files=self.files)
        self.transcript_search.is_muted = self.mute.is_muted  # search skips what muting folds
        self._connect_signals()
        self._load_settings()
        self.presenter.apply_state(backend.state)
        self._apply_palette()

        panel = page.rooms_panel
        if discovery is None:
            panel.on_unavailable(
                self.tr("Finding rooms on this network is not available — join by the host's address.")
            )
        else:
            for room in discovery.rooms:
                panel.on_room_found(room)

    def _build(self) -> None:
        self.chat_page = ChatPage(self.transcript_model, self.roster_model, self.backend.stop, self.keychain)
        self.addresses_panel = AddressesPanel(self)
        self.check_popover = CheckPopover(self)
        # The chat and the lab side by side as tabs; the lab is built the first time it is
        # opened, so the window starts as fast as before and a chat-only session pays nothing.
        self.tabs = named(QTabWidget(), "mainTabs", self.tr("Chat and lab"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.chat_page, self.tr("Chat"))
        self.lab_page = QWidget()
        self.lab_page.setObjectName("labPage")
        QVBoxLayout(self.lab_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.lab_page, self.tr("Lab: TCP vs UDP"))
        self.tabs.setTabToolTip(
            1, self.tr("Send the same numbered messages over TCP and UDP and see what each delivers.")
        )
        self.lab: LabWidget | None = None
        self.lab_controller: LabController | None = None
        self.setCentralWidget(self.tabs)

        self.status_label = StatusLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.room_code_label = named(QLabel(), "roomCodeLabel", self.tr("Private room"))
        self.room_code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.room_code_label.hide()
        self.statusBar().addPermanentWidget(self.room_code_label)
        self.statusBar().setSizeGripEnabled(True)

        # Nothing in this window is markup: a nickname like "<b>x</b>" must show as typed.
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        # First start: 1040×640, but never larger than the screen it opens on (a 1024×600 netbook).
        screen = self.screen().availableGeometry()
        self.resize(min(1040, screen.width()), min(640, screen.height()))
        self.setMinimumSize(760, 440)

    def _connect_signals(self) -> None:
        """Every connection between the window's parts, in one place."""
        page, bar, control = self.chat_page, self.chat_page.connection_bar, self.session_control
        backend, presenter = self.backend, self.presenter
        backend.events_received.connect(presenter.on_events_received)
        backend.state_changed.connect(presenter.on_state_changed)
        presenter.rows_ready.connect(self._append_rows)
        presenter.receipt_changed.connect(self._on_receipt_changed)
        presenter.state_applied.connect(self._on_state_applied)
        presenter.roster_changed.connect(self.roster_model.setStringList)
        presenter.status_shown.connect(self._on_status_shown)
        presenter.addresses_shown.connect(self._on_addresses_shown)
        presenter.reconnect_event.connect(page.reconnect_banner.on_event)
        presenter.message_refused.connect(control.give_back_refused)
        presenter.room_code_shown.connect(self._on_room_code_shown)
        presenter.room_identified.connect(self.history_place.on_room_identified)
        presenter.state_applied.connect(self.room_menu.on_state_applied)
        presenter.check_reported.connect(self.check_popover.on_check_reported)
        control.check_started.connect(self._on_check_started)

        bar.connect_button.clicked.connect(control.toggle_connection)
        bar.check_button.clicked.connect(control.check_address)
        bar.host_edit.returnPressed.connect(control.toggle_connection)
        bar.raw_options_changed.connect(control.on_raw_changed)
        bar.encoding_changed.connect(control.on_encoding_changed)
        page.addresses_bar.all_requested.connect(self.show_addresses_panel)
        page.rooms_panel.join_requested.connect(self.room_actions.on_join_requested)
        page.rooms_panel.address_join_requested.connect(self.room_actions.ask_address)
        page.rooms_panel.host_requested.connect(self.room_actions.ask_host)
        page.rooms_panel.addresses_requested.connect(self.show_addresses_panel)
        page.clear_action.triggered.connect(self.clear_transcript)
        page.transcript_view.clear_requested.connect(self.clear_transcript)
        page.transcript_view.top_reached.connect(self.history_view.load_older)
        page.compose_edit.submitted.connect(control.send_message)
        page.compose_edit.recall_requested.connect(control.recall_last_sent)
        page.send_button.clicked.connect(control.send_current)
        finder = self.transcript_search
        page.search_bar.search_requested.connect(finder.search)
        page.search_bar.next_requested.connect(finder.find_next)
        page.search_bar.previous_requested.connect(finder.find_previous)
        page.search_bar.closed.connect(finder.on_search_closed)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.notifier.activated.connect(self.bring_to_front)
        self.history_view.connect_history()
        finder.connect_history()
        if self.discovery is not None:
            panel = page.rooms_panel
            self.discovery.room_found.connect(panel.on_room_found)
            self.discovery.room_lost.connect(panel.on_room_lost)
            self.discovery.unavailable.connect(panel.on_unavailable)
            self.discovery.announced.connect(panel.set_own_room)  # our room: marked in the list

        actions, history_view, preferences = self.actions_, self.history_view, self.preferences
        actions.export_text.triggered.connect(lambda: history_view.export("txt"))
        actions.export_csv.triggered.connect(lambda: history_view.export("csv"))
        actions.export_json.triggered.connect(lambda: history_view.export("json"))
        actions.delete_history.triggered.connect(history_view.delete)
        actions.open_history.triggered.connect(self.history_place.show_browser)
        actions.quit.triggered.connect(self.request_quit)
        actions.copy.triggered.connect(self.copy)
        actions.find.triggered.connect(finder.open_search)
        actions.find_next.triggered.connect(finder.find_next)
        actions.find_previous.triggered.connect(finder.find_previous)
        actions.clear_view.triggered.connect(self.clear_transcript)
        for action in actions.themes.values():
            action.triggered.connect(preferences.on_theme_chosen)
        for action in actions.languages.values():
            action.triggered.connect(preferences.on_language_chosen)
        actions.socket_controls.toggled.connect(bar.set_socket_controls_shown)
        bar.socket_controls_toggled.connect(actions.socket_controls.setChecked)
        actions.send_with_enter.triggered.connect(preferences.on_send_key_chosen)
        actions.send_with_ctrl_enter.triggered.connect(preferences.on_send_key_chosen)
        actions.keep_history.toggled.connect(preferences.set_keep_history)
        actions.mute.toggled.connect(preferences.on_mute_toggled)
        actions.downloads_folder.triggered.connect(self.files.choose_downloads)
        self.files.problem.connect(presenter.note_problem)
        actions.about.triggered.connect(self.show_about)
        actions.how_to_chat.triggered.connect(lambda: show_how_to_chat(self))
        actions.how_to_read_lab.triggered.connect(lambda: show_how_to_read_lab(self))
        has_history = self.history is not None
        for action in (actions.export_text, actions.export_csv, actions.export_json, actions.delete_history):
            action.setEnabled(has_history)
        actions.open_history.setEnabled(has_history)
        actions.keep_history.setEnabled(has_history)

    # ----------------------------------------------------------------- the presenter's news

    @Slot(object, int)
    def _append_rows(self, rows: list[Row], skipped: int = 0) -> None:
        """Show a batch, keep it in the room's history and tell the user if they are away."""
        self.transcript_model.append_rows(rows, skipped=skipped)
        if not rows:
            return
        self.history_view.record(rows)
        if not self.isActiveWindow() and not self.actions_.mute.isChecked():
            messages = [(r.sender, r.text) for r in rows if r.kind in _NOTIFYING]
            if messages:
                self.notifications.notify(messages)

    @Slot(object)
    def _on_state_applied(self, state: SessionState) -> None:
        session = self.presenter.session  # TCP rooms, and UDP groups (presence): a people list
        roster_shown = session.mode == "tcp" or session.role in ("broadcast", "multicast")
        self.chat_page.follow_state(state, roster_shown=roster_shown)
        if state == SessionState.IDLE:
            self.roster_model.setStringList([])

    @Slot(str, bool, bool)
    def _on_status_shown(self, sentence: str, error: bool, good: bool) -> None:
        self.status_label.show_sentence(sentence, error=error, good=good)

    @Slot(str, str)
    def _on_room_code_shown(self, text: str, tooltip: str) -> None:
        self.room_code_label.setText(text)
        self.room_code_label.setToolTip(tooltip)
        self.room_code_label.setAccessibleDescription(tooltip)
        self.room_code_label.setVisible(bool(text))

    @Slot(object, object, object)
    def _on_receipt_changed(self, msg_id: int, receipt: Receipt, rtt: float) -> None:
        self.transcript_model.set_receipt(msg_id, receipt, rtt)
        self.history_view.record_receipt(msg_id, receipt, rtt)

    @Slot(int, bool)
    def _on_addresses_shown(self, port: int, udp: bool) -> None:
        bind = "" if udp else self.chat_page.connection_bar.host_edit.text().strip()
        listening = self.presenter.session.listening_on
        self.chat_page.addresses_bar.show_addresses(port, udp=udp, bind=bind, listening=listening)

    @Slot(str)
    def _on_check_started(self, target: str) -> None:
        self.check_popover.on_check_started(target)
        bar = self.chat_page.connection_bar
        self.check_popover.pop_up_at(bar.check_button if bar.check_button.isVisible() else bar)

    @property
    def history_browser(self) -> HistoryBrowser | None:
        """File ▸ History…'s list of rooms, once opened."""
        return self.history_place.browser

    def open_history(self, room: str, name: str) -> None:
        """Show ``room``'s history read-only (see :meth:`HistoryPlace.open_history`)."""
        self.history_place.open_history(room, name)

    # ----------------------------------------------------------------- window actions

    @Slot()
    def show_addresses_panel(self) -> None:
        """Pop up every address of this computer, under the button that asked for it."""
        session = self.presenter.session
        listening = self.presenter.state == SessionState.ACTIVE and session.role in ("host", "peer")
        self.addresses_panel.fill(session.listening_port if listening else 0)
        anchor = self.sender()
        self.addresses_panel.pop_up_at(anchor if isinstance(anchor, QWidget) else self.chat_page.rooms_panel)

    @Slot()
    def clear_transcript(self) -> None:
        """Remove every row from the view (the history keeps them)."""
        self.transcript_model.clear()
        self.history_view.view_cleared()

    @Slot()
    def bring_to_front(self) -> None:
        """Raise and activate the window (the user clicked the tray icon or a notification)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    @Slot()
    def copy(self) -> None:
        """Copy from the focused field, or the selected conversation rows."""
        focus = QApplication.focusWidget()
        copy = getattr(focus, "copy", None)
        view = self.chat_page.transcript_view
        if focus is not None and focus is not view and callable(copy):
            copy()
        else:
            view.copy_selection()

    @Slot()
    def request_quit(self) -> None:
        """File › Quit: close the window, after asking when that ends a room we host."""
        if not self.quit_guard.ask(self.close):
            self.close()

    @Slot()
    def show_about(self) -> None:
        """The About box: name, version, what it is."""
        QMessageBox.about(
            self,
            self.tr("About chatgui"),
            self.tr("chatgui {version}\n\nChat on a LAN over TCP or UDP, and see how the two differ.").format(
                version=__version__
            ),
        )

    def changeEvent(self, event: QEvent) -> None:
        """Re-derive the few palette-based colours when the palette changes (Qt override)."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.notifications.on_activated()  # the user is here: nothing is unread any more
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        self.chat_page.addresses_bar.apply_palette(self.palette())

    # ----------------------------------------------------------------- settings, lab, closing

    def _load_settings(self) -> None:
        self.chat_page.connection_bar.load_settings(self.settings)
        self.actions_.socket_controls.setChecked(self.chat_page.connection_bar.socket_controls_shown())
        geometry = self.settings.value(settings_keys.GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        self.preferences.load()

    def _save_settings(self) -> None:
        bar = self.chat_page.connection_bar
        bar.save_settings(self.settings)
        refused = bar.save_passphrase(self.settings)
        if refused:
            self.presenter.note_problem(refused)
        self.settings.setValue(settings_keys.GEOMETRY, self.saveGeometry())
        self.settings.sync()

    @Slot(int)
    def on_tab_changed(self, index: int) -> None:
        """Build the lab the first time its tab is opened."""
        if self.tabs.widget(index) is self.lab_page and self.lab is None:
            self.open_lab()

    def open_lab(self) -> LabWidget:
        """The lab widget, built on first use (its controller runs lab traffic in threads)."""
        if self.lab is None:
            # Imported here, not at the top: a chat-only start never loads the lab.
            from chatgui.lab.bridge import LabController
            from chatgui.ui.lab import LabWidget

            self.lab_controller = LabController(self)
            self.lab = LabWidget(self.lab_controller)
            layout = self.lab_page.layout()
            assert layout is not None
            layout.addWidget(self.lab)
            self.lab.show()  # added to a page that may already be visible: show it now
        return self.lab

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the settings and stop the workers before the window goes (Qt override).

        While we host a room, closing it from the window's title bar asks first (``QuitGuard``)
        and the close waits; a close by the program itself (Quit asked already, a test) does not.
        """
        if event.spontaneous() and self.quit_guard.ask(self.close):
            event.ignore()
            return
        self._save_settings()
        self.presenter.withdraw()
        if self.lab_controller is not None:
            self.lab_controller.shutdown()
        hide = getattr(self.notifier, "hide", None)
        if callable(hide):
            hide()
        self.backend.shutdown()
        self.files.shutdown()
        super().closeEvent(event)
