"""What the connection bar's address and port fields are called and how they are explained, per mode and role.

A host listens on its own addresses, a TCP member names the host, a UDP peer names whom it
sends to, and a broadcast or multicast peer has no address field at all. The strings keep the
bar's translation context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionBar", text)


@dataclass(frozen=True, slots=True)
class FieldTexts:
    """The labels, placeholder and tooltips of the role, address and port fields."""

    role_tip: str
    port_label: str
    port_tip: str
    host_label: str = ""
    """Empty for broadcast and multicast, which hide the address field."""
    host_placeholder: str = ""
    host_tip: str = ""


def field_texts(mode: str, role: str) -> FieldTexts:
    """The texts of the fields for ``mode`` ("tcp", "udp") and ``role`` (as the role box has it)."""
    role_tip = (
        _tr("UDP has no rooms: every peer sends datagrams to the others.")
        if mode == "udp"
        else _tr("Host a room others join, or join someone's room.")
    )
    if mode == "udp" and role in ("broadcast", "multicast"):
        return FieldTexts(
            role_tip,
            _tr("Port"),
            _tr("Use the same port on every computer: chatgui sends and receives on it."),
        )
    if mode == "udp":
        return FieldTexts(
            role_tip,
            _tr("Their port"),
            _tr("The UDP port the other side receives on."),
            _tr("Send to"),
            _tr("anyone who writes to me"),
            _tr(
                "The other computer's address. Leave it empty to answer whoever sends "
                "to this computer's UDP port."
            ),
        )
    if role == "host":
        return FieldTexts(
            role_tip,
            _tr("Port"),
            _tr("The port your room listens on; others type it to join."),
            _tr("Listen on"),
            _tr("all interfaces"),
            _tr(
                "Leave empty to accept people on every network of this computer, "
                "or type one of its own addresses."
            ),
        )
    return FieldTexts(
        role_tip,
        _tr("Port"),
        _tr("The port the host's room listens on."),
        _tr("Host"),
        _tr("the host's address, e.g. 192.168.1.5"),
        _tr("The address of the computer hosting the room (a name, IPv4 or IPv6)."),
    )
