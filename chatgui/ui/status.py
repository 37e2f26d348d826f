"""The status line: one sentence saying where the session is, or what went wrong."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from chatgui.events import SessionState
from chatgui.ui.transcript_delegate import delivered_colour, warning_colour
from chatgui.ui.widgets import named

_CONTEXT = "StatusLine"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(slots=True)
class SessionFacts:
    """What the status sentence needs to know about the session started last.

    Attributes:
        mode: "tcp" or "udp", as started.
        role: "host", "join", "peer", "broadcast" or "multicast", as started.
        port: The port asked for at start (0 = any).
        listening_port: The port actually listened or received on (0 until known).
        listening_on: What the socket is bound to, as ``Listening`` said ("0.0.0.0:50007").
        connected_to: The host's address once a join connected.
        udp_target: Where a UDP peer sends ("" = whoever writes to it).
        roster: The nicknames in the room (TCP; UDP broadcast and multicast: presence).
        group: The multicast group joined (multicast role).
        interface: The interface chosen for broadcast / multicast ("" = automatic).
        private: Started with a passphrase (a private room).
    """

    mode: str = "tcp"
    role: str = "host"
    port: int = 0
    listening_port: int = 0
    listening_on: tuple[str, ...] = ()
    connected_to: str = ""
    udp_target: str = ""
    roster: tuple[str, ...] = ()
    group: str = ""
    interface: str = ""
    private: bool = False


def status_sentence(state: SessionState, facts: SessionFacts, target: str) -> str:
    """The translated sentence for the status line when nothing has gone wrong.

    Args:
        state: The session state.
        facts: What is known about the session started last.
        target: The typed host:port, for a join not yet connected.

    Returns:
        E.g. "Hosting on port 50007 — 2 people in the room".
    """
    if state == SessionState.IDLE:
        return _tr("Not connected — double-click a room to join it, or press Host a room…")
    if state == SessionState.STOPPING:
        return _tr("Disconnecting…")
    if state == SessionState.STARTING:
        if facts.role == "join":
            return _tr("Connecting to {address}…").format(address=target)
        return _tr("Opening port {port}…").format(port=facts.port)
    if facts.role in ("broadcast", "multicast"):
        where = _group_sentence(facts)
        if len(facts.roster) > 1:  # presence: we and who said hello
            return _tr("{where} — {count} people in the room").format(where=where, count=len(facts.roster))
        return where
    if facts.mode == "udp":
        port = facts.listening_port or "…"
        if facts.udp_target:
            return _tr("UDP port {port} is open — sending to {address}").format(
                port=port, address=facts.udp_target
            )
        return _tr("UDP port {port} is open — answering whoever writes to it").format(port=port)
    if facts.role == "host":
        people = len(facts.roster) or 1
        if people == 1:
            return _tr("Hosting on port {port} — only you in the room so far").format(
                port=facts.listening_port or facts.port
            )
        return _tr("Hosting on port {port} — {count} people in the room").format(
            port=facts.listening_port or facts.port, count=people
        )
    address = facts.connected_to or target
    if facts.roster:
        return _tr("Connected to {address} — {count} people in the room").format(
            address=address, count=len(facts.roster)
        )
    return _tr("Connected to {address}").format(address=address)


def _group_sentence(facts: SessionFacts) -> str:
    """Where a broadcast or multicast session is: "Broadcasting on port 50007 (eth0)"."""
    if facts.role == "broadcast":
        bound = facts.listening_port or facts.port
        if facts.interface:
            return _tr("Broadcasting on port {port} ({interface})").format(
                port=bound, interface=facts.interface
            )
        return _tr("Broadcasting on port {port}").format(port=bound)
    return _tr("In multicast group {group}, port {port}").format(
        group=facts.group, port=facts.listening_port or facts.port
    )


class StatusLabel(QLabel):
    """The selectable one-line label in the status bar (objectName "statusLabel").

    Args:
        parent: Optional parent widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "statusLabel", self.tr("Status"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_sentence(self, text: str, *, error: bool, good: bool = False) -> None:
        """Show ``text``; an error in bold and in the palette's warning colour, good news in green."""
        self.setText(text)
        self.setToolTip(text)
        # From the window's palette each time, so an error colour never sticks.
        palette = QPalette(self.window().palette())
        if error:
            palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
        elif good:
            palette.setColor(QPalette.ColorRole.WindowText, delivered_colour(palette))
        self.setPalette(palette)
        font = self.font()
        font.setBold(error)
        self.setFont(font)
