"""The window's menu bar: every action with its shortcut, in File, Edit, Room, View, Settings and Help."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from chatgui import i18n
from chatgui.ui.themes import Theme


@dataclass
class WindowActions:
    """The menu bar's actions, for the window to connect and tests to find."""

    export_text: QAction
    export_csv: QAction
    export_json: QAction
    delete_history: QAction
    quit: QAction
    copy: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    clear_view: QAction
    connect: QAction
    disconnect: QAction
    host_room: QAction
    join: QAction
    check: QAction
    send: QAction
    themes: dict[Theme, QAction]
    languages: dict[str, QAction]
    socket_controls: QAction
    send_with_enter: QAction
    send_with_ctrl_enter: QAction
    keep_history: QAction
    history_off_note: QAction
    mute: QAction
    ask_before_ending_room: QAction
    downloads_folder: QAction
    how_to_chat: QAction
    how_to_read_lab: QAction
    about: QAction
    open_history: QAction

    def all(self) -> list[QAction]:
        """Every action, menus' order."""
        return [
            self.export_text,
            self.export_csv,
            self.export_json,
            self.delete_history,
            self.quit,
            self.copy,
            self.find,
            self.find_next,
            self.find_previous,
            self.clear_view,
            self.connect,
            self.disconnect,
            self.host_room,
            self.join,
            self.check,
            self.send,
            *self.themes.values(),
            *self.languages.values(),
            self.socket_controls,
            self.send_with_enter,
            self.send_with_ctrl_enter,
            self.keep_history,
            self.history_off_note,
            self.mute,
            self.ask_before_ending_room,
            self.downloads_folder,
            self.how_to_chat,
            self.how_to_read_lab,
            self.about,
            self.open_history,
        ]


def _action(
    window: QMainWindow, menu: QMenu, text: str, shortcut: QKeySequence | str | None = None
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    # Shown even where the platform hides menu shortcuts by default (the issue asks for it).
    action.setShortcutVisibleInContextMenu(True)
    menu.addAction(action)
    return action


def build_menus(window: QMainWindow) -> WindowActions:
    """Fill ``window``'s menu bar; the caller connects the actions.

    Args:
        window: The main window (owns the actions, so their shortcuts work window-wide).

    Returns:
        The actions.
    """
    tr = window.tr
    bar = window.menuBar()
    bar.setObjectName("menuBar")
    bar.setAccessibleName(tr("Menu bar"))

    file_menu = bar.addMenu(tr("&File"))
    open_history = _action(window, file_menu, tr("&History…"), "Ctrl+H")
    export_menu = file_menu.addMenu(tr("&Export history"))
    export_text = _action(window, export_menu, tr("As &text…"))
    export_csv = _action(window, export_menu, tr("As &CSV…"))
    export_json = _action(window, export_menu, tr("As &JSON…"))
    delete_history = _action(window, file_menu, tr("&Delete history…"))
    file_menu.addSeparator()
    quit_action = _action(window, file_menu, tr("&Quit"), "Ctrl+Q")
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    edit_menu = bar.addMenu(tr("&Edit"))
    copy = _action(window, edit_menu, tr("&Copy"), QKeySequence(QKeySequence.StandardKey.Copy))
    edit_menu.addSeparator()
    find = _action(window, edit_menu, tr("&Find…"), "Ctrl+F")
    find_next = _action(window, edit_menu, tr("Find &next"), "F3")
    find_previous = _action(window, edit_menu, tr("Find &previous"), "Shift+F3")
    edit_menu.addSeparator()
    clear_view = _action(window, edit_menu, tr("C&lear view"), "Ctrl+L")
    clear_view.setStatusTip(tr("Remove every row from the view; the history keeps them."))

    # Shortcuts chosen not to clash with text editing (Ctrl+K, Ctrl+U, Ctrl+D edit text on X11).
    room_menu = bar.addMenu(tr("&Room"))
    connect = _action(window, room_menu, tr("&Connect"), "Ctrl+O")
    connect.setStatusTip(tr("Start the session the fields describe: host, join or listen."))
    disconnect = _action(window, room_menu, tr("&Disconnect"), "Ctrl+Shift+D")
    room_menu.addSeparator()
    host_room = _action(window, room_menu, tr("&Host a room"), "Ctrl+Shift+H")
    join = _action(window, room_menu, tr("&Join"), "Ctrl+J")
    join.setStatusTip(tr("Join the room chosen in the list, or the address typed above."))
    check = _action(window, room_menu, tr("Chec&k the address"), "Ctrl+Shift+A")
    check.setStatusTip(tr("See whether anything answers at the address and port typed above."))
    room_menu.addSeparator()
    # The message box sends with Ctrl+Enter whichever key is chosen; the menu says so.
    send = _action(window, room_menu, tr("&Send"), "Ctrl+Return")

    view_menu = bar.addMenu(tr("&View"))
    theme_menu = view_menu.addMenu(tr("&Theme"))
    theme_group = QActionGroup(window)
    theme_names = {Theme.SYSTEM: tr("&System"), Theme.LIGHT: tr("&Light"), Theme.DARK: tr("&Dark")}
    themes: dict[Theme, QAction] = {}
    for theme, name in theme_names.items():
        action = _action(window, theme_menu, name)
        action.setCheckable(True)
        action.setData(theme.value)
        theme_group.addAction(action)
        themes[theme] = action
    language_menu = view_menu.addMenu(tr("&Language"))
    language_group = QActionGroup(window)
    # Each language is named in its own script so a reader of it finds it whatever the
    # interface speaks now; they still go through tr() so a translator can adjust them.
    language_names = {
        i18n.SYSTEM: tr("System language"),
        i18n.ENGLISH: tr("English"),
        i18n.SIMPLIFIED_CHINESE: tr("简体中文"),
        i18n.TRADITIONAL_CHINESE: tr("繁體中文"),
    }
    languages: dict[str, QAction] = {}
    for code, name in language_names.items():
        action = _action(window, language_menu, name)
        action.setCheckable(True)
        action.setData(code)
        language_group.addAction(action)
        languages[code] = action
    view_menu.addSeparator()
    socket_controls = _action(window, view_menu, tr("&Socket controls"), "Ctrl+Shift+S")
    socket_controls.setCheckable(True)
    socket_controls.setStatusTip(tr("Show the TCP/UDP, role, address, port, raw text and encoding controls."))

    settings_menu = bar.addMenu(tr("&Settings"))
    send_group = QActionGroup(window)
    send_with_enter = _action(window, settings_menu, tr("Send with &Enter (Shift+Enter: new line)"))
    send_with_ctrl_enter = _action(window, settings_menu, tr("Send with &Ctrl+Enter (Enter: new line)"))
    for action in (send_with_enter, send_with_ctrl_enter):
        action.setCheckable(True)
        send_group.addAction(action)
    settings_menu.addSeparator()
    keep_history = _action(window, settings_menu, tr("&Keep history"))
    keep_history.setCheckable(True)
    keep_history.setStatusTip(tr("Write every message to this computer's history file."))
    history_off_note = _action(window, settings_menu, tr("History is off: nothing is saved"))
    history_off_note.setEnabled(False)
    mute = _action(window, settings_menu, tr("&Mute notifications"))
    mute.setCheckable(True)
    ask_before_ending_room = _action(window, settings_menu, tr("&Ask before ending a room"))
    ask_before_ending_room.setCheckable(True)
    ask_before_ending_room.setStatusTip(tr("Ask before quitting while people are in a room you host."))
    settings_menu.addSeparator()
    downloads_folder = _action(window, settings_menu, tr("&Downloads folder…"))
    downloads_folder.setStatusTip(tr("Choose where Save puts the files people send you."))

    help_menu = bar.addMenu(tr("&Help"))
    how_to_chat = _action(
        window, help_menu, tr("How to &chat"), QKeySequence(QKeySequence.StandardKey.HelpContents)
    )
    how_to_read_lab = _action(window, help_menu, tr("How to read the &lab"))
    help_menu.addSeparator()
    about = _action(window, help_menu, tr("&About chatgui"))
    about.setMenuRole(QAction.MenuRole.AboutRole)

    return WindowActions(
        export_text=export_text,
        export_csv=export_csv,
        export_json=export_json,
        delete_history=delete_history,
        quit=quit_action,
        copy=copy,
        find=find,
        find_next=find_next,
        find_previous=find_previous,
        clear_view=clear_view,
        connect=connect,
        disconnect=disconnect,
        host_room=host_room,
        join=join,
        check=check,
        send=send,
        themes=themes,
        languages=languages,
        socket_controls=socket_controls,
        send_with_enter=send_with_enter,
        send_with_ctrl_enter=send_with_ctrl_enter,
        keep_history=keep_history,
        history_off_note=history_off_note,
        mute=mute,
        ask_before_ending_room=ask_before_ending_room,
        downloads_folder=downloads_folder,
        how_to_chat=how_to_chat,
        how_to_read_lab=how_to_read_lab,
        about=about,
        open_history=open_history,
    )
