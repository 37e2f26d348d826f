"""The "Others can join at" banner: this computer's addresses, selectable, with a Copy button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from chatgui.ui.addresses import lan_addresses
from chatgui.ui.widgets import mix, named


class AddressesBar(QFrame):
    """A quiet banner shown while hosting (TCP host or UDP peer), hidden otherwise.

    Args:
        parent: Optional parent widget.
    """

    all_requested = Signal()
    """The user asked to see every address of this computer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._addresses: list[str] = []
        self.setObjectName("addressesBar")
        self.setAutoFillBackground(True)
        banner = QHBoxLayout(self)
        banner.setContentsMargins(10, 6, 6, 6)
        banner.setSpacing(10)
        self.caption = QLabel(self.tr("Others can join at"))
        self.caption.setObjectName("addressesCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        caption_font = self.caption.font()
        caption_font.setBold(True)
        self.caption.setFont(caption_font)
        banner.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignTop)
        self.label = named(QLabel(), "addressesLabel", self.tr("Addresses to join"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setToolTip(self.tr("Tell the other person one of these; select to copy."))
        banner.addWidget(self.label, 1)
        self.copy_button = named(QToolButton(), "copyAddressesButton", self.tr("Copy the addresses"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy these addresses to the clipboard."))
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(self.copy_addresses)
        banner.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        self.all_button = named(
            QToolButton(), "allAddressesButton", self.tr("Every address of this computer")
        )
        self.all_button.setText(self.tr("All addresses…"))
        self.all_button.setToolTip(self.tr("Every address of this computer, with who can use it."))
        self.all_button.setAutoRaise(True)
        self.all_button.clicked.connect(self.all_requested)
        banner.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_addresses(self, port: int, *, udp: bool, bind: str) -> None:
        """Show where others reach this computer on ``port`` and show the banner.

        Args:
            port: The port the session listens or receives on.
            udp: Whether others send datagrams (UDP) rather than join a room (TCP).
            bind: The address a TCP host was told to listen on; empty for all of them.
        """
        if bind:
            shown = [f"[{bind}]:{port}" if ":" in bind else f"{bind}:{port}"]
        else:
            shown = []
            for address in lan_addresses():
                text = address.with_port(port)
                if address.link_local:
                    text += self.tr(" (link-local)")
                shown.append(text)
        if not shown:
            caption = self.tr("Only this computer can join")
            text = self.tr(
                "This computer has no network address other than itself (127.0.0.1:{port})."
            ).format(port=port)
        else:
            caption = self.tr("Others can send to") if udp else self.tr("Others can join at")
            text = "   ·   ".join(shown)
        self._addresses = shown
        self.caption.setText(caption)
        self.label.setText(text)
        self.show()

    @Slot()
    def copy_addresses(self) -> None:
        """Put the addresses others can join at on the clipboard, one a line."""
        addresses = [a.split(" (", 1)[0] for a in self._addresses]
        if addresses:
            QGuiApplication.clipboard().setText("\n".join(addresses))

    def apply_palette(self, palette: QPalette) -> None:
        """Tint the banner's background towards the highlight colour of ``palette``."""
        banner = QPalette(palette)
        banner.setColor(
            QPalette.ColorRole.Window,
            mix(palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Highlight), 0.14),
        )
        self.setPalette(banner)
