"""Every setting chatgui keeps: its key, its default and how a stored value is read back.

One home for the keys: the window, the connection bar and the app start read and write
them through here. Values come back from ``QSettings`` as the type written (native
backends) or as strings (ini files), so each is parsed here, once.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

# The connection bar's fields.
MODE = "connection/mode"
ROLE = "connection/role"
HOST = "connection/host"
PORT = "connection/port"
LOCAL_PORT = "connection/local_port"
NICK = "connection/nick"
GROUP = "connection/group"
TTL = "connection/ttl"
INTERFACE = "connection/interface"
ROOM = "connection/room"
# Whether "Remember passphrase" is ticked; the passphrase itself lives in the system
# keychain (chatgui.ui.keychain), never in the settings.
REMEMBER_PASSPHRASE = "connection/remember_passphrase"
RAW_ENABLED = "raw/enabled"
RAW_LINE_ENDING = "raw/line_ending"
RAW_ENCODING = "raw/encoding"
# Whether the socket controls (mode, role, address, port, raw text) are shown: off on first start.
SOCKET_CONTROLS = "ui/socket_controls"
# The window and its menus.
GEOMETRY = "window/geometry"
THEME = "ui/theme"
CTRL_ENTER = "ui/send_with_ctrl_enter"
LANGUAGE = "ui/language"
KEEP_HISTORY = "history/keep"
HOST_ID = "history/host_id"  # random, made once: a hosted room's identity is this id and its port
MUTE = "notifications/mute"
# Settings › Ask before ending a room: quitting while hosting asks first.
ASK_BEFORE_ENDING_ROOM = "ui/ask_before_ending_room"
# Settings › Downloads folder…: where Save puts received files ("" = Downloads/chatgui).
DOWNLOADS = "files/downloads"
# The people muted in each room (chatgui.ui.mute_list): JSON {room key: [nick key, ...]}.
MUTED_PEOPLE = "people/muted"


def flag(value: object) -> bool:
    """A boolean setting (an ini file gives back "true"/"false" strings; native backends bools)."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def number(value: object, default: int) -> int:
    """An integer setting; ``default`` when the stored value is not a number."""
    try:
        return int(str(value))
    except ValueError:
        return default


def read_flag(settings: QSettings, key: str, default: bool) -> bool:
    """The boolean stored under ``key`` (``default`` when missing)."""
    return flag(settings.value(key, default))


def read_number(settings: QSettings, key: str, default: int) -> int:
    """The integer stored under ``key`` (``default`` when missing or unreadable)."""
    return number(settings.value(key, default), default)


def read_text(settings: QSettings, key: str, default: str) -> str:
    """The text stored under ``key`` (``default`` when missing)."""
    return str(settings.value(key, default))


def keep_history(settings: QSettings) -> bool:
    """Whether the user keeps history (File › Keep history; on unless turned off)."""
    return read_flag(settings, KEEP_HISTORY, True)
