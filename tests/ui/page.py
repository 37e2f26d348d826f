"""The one place the window tests learn where the window's widgets and parts are.

Tests write ``page(window).host_edit`` instead of reaching into the window's attributes, so
the next split of the window changes this file, not hundreds of test lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QWidget,
)

from chatgui.discovery.rooms import Room
from chatgui.events import SessionConfig
from chatgui.ui.addresses_bar import AddressesBar
from chatgui.ui.addresses_panel import AddressesPanel
from chatgui.ui.compose import ComposeEdit
from chatgui.ui.connection_bar import ConnectionBar
from chatgui.ui.history_view import HistoryView
from chatgui.ui.main_window import MainWindow
from chatgui.ui.notify import NotificationPolicy
from chatgui.ui.passphrase import PassphraseDialog
from chatgui.ui.room_dialogs import HostRoomDialog, JoinAddressDialog
from chatgui.ui.rooms_panel import RoomsPanel
from chatgui.ui.search_bar import SearchBar
from chatgui.ui.status import StatusLabel
from chatgui.ui.themes import Theme
from chatgui.ui.transcript_model import TranscriptModel
from chatgui.ui.transcript_view import TranscriptView
from chatgui.ui.window_menus import WindowActions

if TYPE_CHECKING:
    from chatgui.ui.lab import LabWidget  # not at run time: a chat-only window never loads the lab


class Page:
    """The chat window as its tests see it: widgets and parts by name."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # ----------------------------------------------------------------- connection bar

    @property
    def connection_bar(self) -> ConnectionBar:
        return self.window.chat_page.connection_bar

    @property
    def mode_combo(self) -> QComboBox:
        return self.connection_bar.mode_combo

    @property
    def role_combo(self) -> QComboBox:
        return self.connection_bar.role_combo

    @property
    def host_edit(self) -> QLineEdit:
        return self.connection_bar.host_edit

    @property
    def port_spin(self) -> QSpinBox:
        return self.connection_bar.port_spin

    @property
    def local_port_spin(self) -> QSpinBox:
        return self.connection_bar.local_port_spin

    @property
    def nick_edit(self) -> QLineEdit:
        return self.connection_bar.nick_edit

    @property
    def connect_button(self) -> QPushButton:
        return self.connection_bar.connect_button

    @property
    def check_button(self) -> QPushButton:
        return self.connection_bar.check_button

    @property
    def raw_check(self) -> QCheckBox:
        return self.connection_bar.raw_check

    @property
    def line_ending_combo(self) -> QComboBox:
        return self.connection_bar.line_ending_combo

    @property
    def encoding_combo(self) -> QComboBox:
        return self.connection_bar.encoding_combo

    @property
    def group_edit(self) -> QLineEdit:
        return self.connection_bar.group_edit

    @property
    def ttl_spin(self) -> QSpinBox:
        return self.connection_bar.ttl_spin

    @property
    def interface_combo(self) -> QComboBox:
        return self.connection_bar.interface_combo

    @property
    def room_edit(self) -> QLineEdit:
        return self.connection_bar.room_edit

    @property
    def passphrase_edit(self) -> QLineEdit:
        return self.connection_bar.passphrase_edit

    @property
    def passphrase_show_button(self) -> QToolButton:
        return self.connection_bar.passphrase_show_button

    @property
    def generate_button(self) -> QPushButton:
        return self.connection_bar.generate_button

    @property
    def remember_check(self) -> QCheckBox:
        return self.connection_bar.remember_check

    @property
    def conflict_label(self) -> QLabel:
        """The sentence saying why raw text and a passphrase cannot go together (hidden otherwise)."""
        return self.connection_bar.conflict_label

    @property
    def passphrase_dialog(self) -> PassphraseDialog | None:
        """The dialog asking a locked room's passphrase, while it is open."""
        return self.window.session_control.passphrase_dialog

    @property
    def room_code_label(self) -> QLabel:
        return self.window.room_code_label

    def show_socket_controls(self, shown: bool = True) -> None:
        """Turn the socket controls on (the learner's face), as the toggle button does."""
        self.connection_bar.set_socket_controls_shown(shown)

    @property
    def socket_controls_button(self) -> QPushButton:
        return self.connection_bar.socket_button

    @property
    def nick_note(self) -> QLabel:
        """The sentence under the nickname: the name others will see, when it differs from the typed one."""
        return self.connection_bar.nick.note

    def mode(self) -> str:
        return self.connection_bar.mode()

    def role(self) -> str:
        return self.connection_bar.role()

    def line_ending(self) -> str:
        return self.connection_bar.line_ending()

    def encoding(self) -> str:
        return self.connection_bar.encoding()

    def session_config(self) -> SessionConfig:
        return self.connection_bar.session_config()

    # ----------------------------------------------------------------- addresses and rooms

    @property
    def addresses_bar(self) -> AddressesBar:
        return self.window.chat_page.addresses_bar

    @property
    def addresses_caption(self) -> QLabel:
        return self.addresses_bar.caption

    @property
    def addresses_label(self) -> QLabel:
        return self.addresses_bar.label

    @property
    def all_addresses_button(self) -> QToolButton | QPushButton:
        return self.addresses_bar.all_button

    @property
    def addresses_panel(self) -> AddressesPanel:
        return self.window.addresses_panel

    @property
    def rooms_panel(self) -> RoomsPanel:
        return self.window.chat_page.rooms_panel

    @property
    def rooms_view(self) -> QListView:
        return self.rooms_panel.view

    @property
    def host_room_button(self) -> QPushButton:
        return self.rooms_panel.host_button

    @property
    def join_button(self) -> QPushButton:
        return self.rooms_panel.join_button

    @property
    def join_by_address_button(self) -> QPushButton:
        return self.rooms_panel.address_button

    @property
    def room_dialog(self) -> HostRoomDialog | JoinAddressDialog | None:
        """The "Host a room" or "Join by address" dialog, while it is open."""
        dialog = self.window.room_actions.dialog
        assert dialog is None or isinstance(dialog, HostRoomDialog | JoinAddressDialog)
        return dialog

    def host_room(self, room: str | None = None, passphrase: str | None = None) -> None:
        """Host as a newcomer does: "Host a room…", then Host (after typing ``room``, ``passphrase``)."""
        self.host_room_button.click()
        dialog = self.room_dialog
        assert isinstance(dialog, HostRoomDialog)
        if room is not None:
            dialog.room_edit.setText(room)
        if passphrase is not None:
            dialog.field.set_text(passphrase)
        dialog.host_button.click()

    def join_room(self, room: Room) -> None:
        """Join ``room`` as a double-click in the rooms list does."""
        self.window.session_control.join_room(room)

    @property
    def listening_port(self) -> int:
        """The port this session listens or receives on (0 until it is known)."""
        return self.window.presenter.session.listening_port

    # ----------------------------------------------------------------- conversation

    @property
    def transcript_model(self) -> TranscriptModel:
        return self.window.transcript_model

    @property
    def transcript_view(self) -> TranscriptView:
        return self.window.chat_page.transcript_view

    @property
    def clear_button(self) -> QToolButton:
        return self.window.chat_page.clear_button

    @property
    def search_bar(self) -> SearchBar:
        return self.window.chat_page.search_bar

    @property
    def compose_edit(self) -> ComposeEdit:
        return self.window.chat_page.compose_edit

    @property
    def send_button(self) -> QPushButton:
        return self.window.chat_page.send_button

    @property
    def roster_view(self) -> QListView:
        return self.window.chat_page.roster_view

    @property
    def roster_model(self) -> QStringListModel:
        return self.window.roster_model

    @property
    def status_label(self) -> StatusLabel:
        return self.window.status_label

    # ----------------------------------------------------------------- history, search, notices

    @property
    def history_view(self) -> HistoryView:
        return self.window.history_view

    @property
    def room(self) -> str:
        """The history key of the current (or last) room."""
        return self.window.history_view.room

    def load_older_history(self) -> None:
        self.window.history_view.load_older()

    def open_search(self) -> None:
        self.window.transcript_search.open_search()

    @property
    def match_position(self) -> tuple[int, int]:
        return self.window.transcript_search.match_position

    @property
    def notification_policy(self) -> NotificationPolicy:
        return self.window.notifications.policy

    # ----------------------------------------------------------------- menus, tabs, lab

    @property
    def actions_(self) -> WindowActions:
        return self.window.actions_

    def set_theme(self, theme: Theme) -> None:
        self.window.preferences.set_theme(theme)

    @property
    def tabs(self) -> QTabWidget:
        return self.window.tabs

    @property
    def lab_page(self) -> QWidget:
        return self.window.lab_page

    @property
    def lab(self) -> LabWidget | None:
        return self.window.lab

    @property
    def lab_controller(self) -> object:
        return self.window.lab_controller


def page(window: MainWindow) -> Page:
    """The window's widgets and parts, by name."""
    return Page(window)
