"""Every address of this computer, per interface, with who can use it and a copy button each.

Shown as a popover (a ``Qt.Popup`` frame: closes on a click elsewhere or Escape), opened from
the rooms panel or from the "Others can join at" banner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from chatgui.ui.addresses import LocalAddress, Reach, interface_addresses
from chatgui.ui.widgets import named, pop_up_under, section_title


class AddressesPanel(QFrame):
    """The list of this computer's addresses (objectName "addressesPanel").

    Args:
        parent: The widget it pops up over.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        named(self, "addressesPanel", self.tr("This computer's addresses"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(6)
        self._body: QWidget | None = None
        self.copy_buttons: list[QToolButton] = []

    def fill(self, port: int, groups: list[tuple[str, list[LocalAddress]]] | None = None) -> None:
        """List the addresses, with ``port`` appended when a session listens (0: none).

        Args:
            port: The port others would use, or 0 to show bare addresses.
            groups: ``(interface, addresses)`` pairs; the computer's own when ``None``.
        """
        if groups is None:
            groups = interface_addresses()
        if self._body is not None:
            self._body.deleteLater()
        self.copy_buttons = []
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        title = section_title(self.tr("This computer's addresses"))
        grid.addWidget(title, 0, 0, 1, 3)
        row = 1
        for interface, addresses in groups:
            heading = QLabel(interface)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            grid.addWidget(heading, row, 0, 1, 3)
            row += 1
            for address in addresses:
                text = address.with_port(port) if port else address.ip
                label = QLabel(text)
                label.setObjectName("addressText")
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, row, 0)
                reach = QLabel(self._reach_text(address))
                reach.setObjectName("addressReach")
                reach.setTextFormat(Qt.TextFormat.PlainText)
                if address.reach is not Reach.NETWORK:
                    reach.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                grid.addWidget(reach, row, 1)
                button = named(
                    QToolButton(), "copyAddressButton", self.tr("Copy {address}").format(address=text)
                )
                button.setText(self.tr("Copy"))
                button.setToolTip(self.tr("Copy {address} to the clipboard.").format(address=text))
                button.setProperty("address", text)
                button.clicked.connect(self._on_copy)
                grid.addWidget(button, row, 2)
                self.copy_buttons.append(button)
                row += 1
        if row == 1:
            empty = QLabel(self.tr("This computer has no network address."))
            empty.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(empty, row, 0, 1, 3)
        self._layout.addWidget(body)
        self._body = body

    def _reach_text(self, address: LocalAddress) -> str:
        if address.reach is Reach.THIS_COMPUTER:
            return self.tr("this computer only")
        if address.reach is Reach.SAME_LINK:
            return self.tr("same network link only")
        return self.tr("others on the network can use this")

    def pop_up_at(self, anchor: QWidget) -> None:
        """Show the panel just below ``anchor``, kept on its screen."""
        pop_up_under(self, anchor, right_aligned=False)

    @Slot()
    def _on_copy(self) -> None:
        button = self.sender()
        if isinstance(button, QToolButton):
            QGuiApplication.clipboard().setText(str(button.property("address")))
