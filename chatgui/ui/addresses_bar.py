"""The "Others can join at" banner: this computer's addresses, each with its own Copy button.

Each address is one ``host:port`` the Host field accepts (IPv6 bracketed, link-local with its
``%interface``), so what one Copy puts on the clipboard can be pasted as it is. Only addresses
of the families the session really listens on are listed (a UDP socket bound to ``0.0.0.0``
receives nothing sent to an IPv6 address).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from chatgui.ui.addresses import LocalAddress, lan_addresses, listened_families
from chatgui.ui.widgets import mix, named

_PER_ROW = 2
"""Addresses side by side before the next row (the banner must fit an 800-pixel window)."""


class AddressesBar(QFrame):
    """A quiet banner shown while hosting (TCP host or UDP peer), hidden otherwise.

    Args:
        parent: Optional parent widget.
    """

    all_requested = Signal()
    """The user asked to see every address of this computer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        banner.addWidget(self.label, 1)
        self._chips = QWidget()
        self._chips.setObjectName("addressChips")
        self._grid = QGridLayout(self._chips)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(2)
        banner.addWidget(self._chips, 1)
        self.address_labels: list[QLabel] = []
        """One selectable label per address shown (plain text)."""
        self.copy_buttons: list[QToolButton] = []
        """One Copy button per address shown, in the same order."""
        self.all_button = named(
            QToolButton(), "allAddressesButton", self.tr("Every address of this computer")
        )
        self.all_button.setText(self.tr("All addresses…"))
        self.all_button.setToolTip(self.tr("Every address of this computer, with who can use it."))
        self.all_button.setAutoRaise(True)
        self.all_button.clicked.connect(self.all_requested)
        banner.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_addresses(self, port: int, *, udp: bool, bind: str, listening: Sequence[str] = ()) -> None:
        """Show where others reach this computer on ``port`` and show the banner.

        Args:
            port: The port the session listens or receives on.
            udp: Whether others send datagrams (UDP) rather than join a room (TCP).
            bind: The address a TCP host was told to listen on; empty for all of them.
            listening: What the socket is bound to ("0.0.0.0:50007", "[::]:50007"), so only
                addresses of those families are listed; empty lists every address.
        """
        if bind:
            ipv6 = ":" in bind
            shown = [LocalAddress(bind, "", ipv6=ipv6, link_local=False)]
        else:
            families = listened_families(listening)
            shown = [a for a in lan_addresses() if (6 if a.ipv6 else 4) in families]
        self._clear_chips()
        if not shown:
            caption = self.tr("Only this computer can join")
            self.label.setText(
                self.tr("This computer has no network address other than itself (127.0.0.1:{port}).").format(
                    port=port
                )
            )
        else:
            caption = self.tr("Others can send to") if udp else self.tr("Others can join at")
            for index, address in enumerate(shown):
                self._add_chip(index, address, address.with_port(port))
        self.label.setVisible(not shown)
        self._chips.setVisible(bool(shown))
        self.caption.setText(caption)
        self.show()

    def addresses(self) -> list[str]:
        """The addresses listed, as each Copy button copies them."""
        return [str(button.property("address")) for button in self.copy_buttons]

    def _clear_chips(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.address_labels = []
        self.copy_buttons = []

    def _add_chip(self, index: int, address: LocalAddress, text: str) -> None:
        chip = QWidget()
        row = QHBoxLayout(chip)
        row.setContentsMargins(0, 0, 12, 0)
        row.setSpacing(2)
        label = named(QLabel(text), "addressText", self.tr("Address {address}").format(address=text))
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setToolTip(self.tr("Tell the other person this address, or copy it."))
        row.addWidget(label)
        if address.link_local:
            mark = QLabel(self.tr("(link-local)"))
            mark.setTextFormat(Qt.TextFormat.PlainText)
            mark.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            mark.setToolTip(self.tr("Works only from a computer on the same network link."))
            row.addWidget(mark)
        button = named(QToolButton(), "copyAddressButton", self.tr("Copy {address}").format(address=text))
        button.setText(self.tr("Copy"))
        button.setToolTip(self.tr("Copy {address} to the clipboard.").format(address=text))
        button.setAutoRaise(True)
        button.setProperty("address", text)
        button.clicked.connect(self._on_copy)
        row.addWidget(button)
        row.addStretch(1)
        self._grid.addWidget(chip, index // _PER_ROW, index % _PER_ROW)
        self.address_labels.append(label)
        self.copy_buttons.append(button)

    @Slot()
    def _on_copy(self) -> None:
        """Put the one address of the button pressed on the clipboard."""
        button = self.sender()
        if isinstance(button, QToolButton):
            QGuiApplication.clipboard().setText(str(button.property("address")))

    def apply_palette(self, palette: QPalette) -> None:
        """Tint the banner's background towards the highlight colour of ``palette``."""
        banner = QPalette(palette)
        banner.setColor(
            QPalette.ColorRole.Window,
            mix(palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Highlight), 0.14),
        )
        self.setPalette(banner)
