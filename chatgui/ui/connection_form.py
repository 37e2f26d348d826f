"""The connection bar's form rules: the roles each mode offers, the interfaces, the session asked for.

Its sentences are translated under the bar's context ("ConnectionBar").
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from chatgui.events import SessionConfig
from chatgui.ui.addresses import broadcast_interfaces, interface_names

DEFAULT_PORT = 50007


def default_nick() -> str:
    """The OS user name, or "guest" when the OS will not say."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):
        # getuser() raises when no login name is set (containers, some services).
        return "guest"
    return name.strip() or "guest"


def _tr(text: str) -> str:
    # These sentences were written in the connection bar and are translated under its context.
    return QCoreApplication.translate("ConnectionBar", text)


def fill_roles(combo: QComboBox, mode: str, keep: str | None = None) -> None:
    """Offer the roles of ``mode`` in ``combo``, keeping ``keep`` chosen when it is one of them."""
    combo.blockSignals(True)
    combo.clear()
    if mode == "udp":
        combo.addItem(_tr("Peer"), "peer")
        combo.addItem(_tr("Broadcast"), "broadcast")
        combo.addItem(_tr("Multicast"), "multicast")
        tips = (
            _tr("Send to one computer's address; receive from anyone."),
            _tr("Send to everyone on this network who uses the same port."),
            _tr("Join a group address: everyone in the group and port hears everyone."),
        )
        for index, tip in enumerate(tips):
            combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
    else:
        combo.addItem(_tr("Host a room"), "host")
        combo.addItem(_tr("Join"), "join")
    index = combo.findData(keep) if keep else -1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def fill_interfaces(combo: QComboBox, role: str, chosen: str) -> None:
    """List in ``combo`` the interfaces that make sense for ``role``, keeping ``chosen``."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(_tr("Automatic"), "")
    if role == "broadcast":
        for found in broadcast_interfaces():
            text = _tr("{name} ({ip})").format(name=found.name, ip=found.ip)
            if found.loopback:
                text = _tr("{name} (this computer only)").format(name=found.name)
            combo.addItem(text, found.name)
    else:
        for name in interface_names():
            combo.addItem(name, name)
    if chosen and combo.findData(chosen) < 0:
        # Saved on another computer, or the adapter is unplugged: keep it, say so.
        combo.addItem(_tr("{name} (not found)").format(name=chosen), chosen)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    combo.blockSignals(False)


def session_config(
    mode: str,
    role: str,
    *,
    host: str,
    nick: str,
    port: int,
    local_port: int,
    raw: bool,
    line_ending: str,
    encoding: str,
    group: str,
    ttl: int,
    interface: str,
    passphrase: str = "",
) -> SessionConfig:
    """The session the connection bar's fields describe (each mode and role takes its own fields).

    ``passphrase`` makes any of them a private room ("" = open).
    """
    ending = line_ending
    if mode == "udp" and role in ("broadcast", "multicast"):
        return SessionConfig(
            mode="udp",
            role="broadcast" if role == "broadcast" else "multicast",
            nick=nick,
            port=port,
            raw=raw,
            line_ending=ending,
            encoding=encoding,
            group=group,
            ttl=ttl,
            interface=interface,
            passphrase=passphrase,
        )
    if mode == "udp":
        return SessionConfig(
            mode="udp",
            role="peer",
            nick=nick,
            host=host,
            port=port,
            local_port=local_port,
            raw=raw,
            line_ending=ending,
            encoding=encoding,
            passphrase=passphrase,
        )
    if role == "host":
        return SessionConfig(
            mode="tcp",
            role="host",
            nick=nick,
            bind=host,
            port=port,
            raw=raw,
            line_ending=ending,
            encoding=encoding,
            passphrase=passphrase,
        )
    return SessionConfig(
        mode="tcp",
        role="join",
        nick=nick,
        host=host,
        port=port,
        raw=raw,
        line_ending=ending,
        encoding=encoding,
        reconnect=True,  # a window keeps trying to reach a room it was in (Cancel stops it)
        passphrase=passphrase,
    )
