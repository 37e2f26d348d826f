"""The Host field reads the address you were told: ``host:port``, ``[v6]:port``, ``v6%iface``, a banner line.

Attached to the connection bar's host field and port box (the same field is "Host", "Listen
on" and the UDP "Send to"). A port written with the address moves into the port box when
the field is left, when something is pasted, and before Connect or Check; a paste holding
several addresses ("Others can join at 192.0.2.2:50007 · [fd00::2]:50007") asks which one
(Cancel puts back what the field held); a link-local IPv6 address without its ``%interface``
gets a sentence naming this computer's interfaces. The reading itself is pure
(``chatgui.protocol.address_text``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatgui.protocol.address_text import Address, AddressError, read_addresses
from chatgui.sentences_address import address_error_sentence, scope_sentence
from chatgui.ui.addresses import lan_addresses
from chatgui.ui.widgets import named


def link_local_zones() -> list[str]:
    """This computer's interfaces with an IPv6 link-local address (the ``%zone`` fe80:: needs)."""
    zones: list[str] = []
    for address in lan_addresses():
        if address.ipv6 and address.link_local and "%" in address.ip:
            zone = address.ip.split("%", 1)[1]
            if zone not in zones:
                zones.append(zone)
    return zones


class AddressChooser(QDialog):
    """Which of several pasted addresses to use (objectName "addressChooser").

    Args:
        addresses: The addresses found, in the order they were written.
        parent: The window it is modal for.
    """

    def __init__(self, addresses: Sequence[Address], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "addressChooser", self.tr("Choose an address"))
        self.setWindowTitle(self.tr("Choose an address"))
        self.addresses = tuple(addresses)
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("What was pasted holds several addresses. Which one should be used?"))
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        layout.addWidget(question)
        self.list = named(QListWidget(), "addressChoices", self.tr("Addresses found"))
        for address in self.addresses:
            item = QListWidgetItem(address.text())
            if address.ipv6 and "%" in address.host:
                item.setToolTip(self.tr("Link-local: works only from a computer on the same network link."))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.list.itemDoubleClicked.connect(self.accept)
        layout.addWidget(self.list)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> Address | None:
        """The address selected (None when none is)."""
        row = self.list.currentRow()
        return self.addresses[row] if 0 <= row < len(self.addresses) else None


class AddressEntry(QObject):
    """Reads a host field and fills the port box from it.

    Args:
        host_edit: The field people type or paste the address into.
        port_spin: The port box a port written with the address moves into.
        parent: The owner of this object.
        zones: This computer's interfaces with a link-local address (for the sentence when a
            fe80:: address lacks one); the OS is asked when None.

    Signals:
        problem_found: A sentence about what the field holds, when it was left holding no
            usable address (a bad port, unbalanced brackets, fe80:: without interface).
    """

    problem_found = Signal(str)

    def __init__(
        self,
        host_edit: QLineEdit,
        port_spin: QSpinBox,
        parent: QObject | None = None,
        zones: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._edit = host_edit
        self._port = port_spin
        self._zones = zones or link_local_zones
        self._known = host_edit.text()
        self.chooser: AddressChooser | None = None
        """The dialog asking which address to use, while it is open."""
        self._before_chooser = ""
        self._before_paste = ""
        self.paste_pending = False
        """A paste is read on the next turn of the event loop."""
        host_edit.textEdited.connect(self._on_text_edited)
        host_edit.textChanged.connect(self._on_text_changed)
        host_edit.editingFinished.connect(self._on_editing_finished)

    # ----------------------------------------------------------------- the window's asks

    def settle(self) -> str:
        """Read the field before Connect or Check: "" when it holds one address (or nothing).

        A port written with the address moves into the port box now. Otherwise the answer is
        the sentence to show: several addresses (the chooser opens), not an address, or a
        link-local address without its interface.
        """
        text = self._edit.text()
        if not text.strip():
            return ""
        found = read_addresses(text, lowest_port=0)
        if isinstance(found, AddressError):
            return address_error_sentence(found)
        if len(found) > 1:
            self._choose(found, text)
            return self.tr("The Host field holds several addresses — choose one, then press Connect again.")
        return self._apply(found[0])

    # ----------------------------------------------------------------- following the field

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        self._known = text  # textEdited comes first: it still sees the text before the edit

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        if self.paste_pending or _inserted(self._known, text) < 2:
            return  # typing: read once the field is left
        # A paste or a drop: read it once the edit is over (changing the text while the
        # field is still emitting this edit does not stick).
        self.paste_pending = True
        self._before_paste = self._known
        QTimer.singleShot(0, self, self._on_pasted)

    @Slot()
    def _on_pasted(self) -> None:
        self.paste_pending = False
        found = read_addresses(self._edit.text(), lowest_port=0)
        if isinstance(found, AddressError):
            return  # maybe half an address; said when the field is left
        if len(found) > 1:
            self._choose(found, self._before_paste)
            return
        problem = self._apply(found[0])
        if problem:
            self.problem_found.emit(problem)

    @Slot()
    def _on_editing_finished(self) -> None:
        if self.chooser is not None or not self._edit.isEnabled():
            return
        problem = self.settle()
        if problem and self.chooser is None:
            self.problem_found.emit(problem)

    def _apply(self, address: Address) -> str:
        """Put ``address`` in the fields; the sentence when it cannot be used as it is ("" = fine)."""
        if self._edit.text() != address.host:
            self._edit.setText(address.host)
        if address.port is not None:
            self._port.setValue(address.port)
        if address.needs_scope:
            return scope_sentence(address.host, self._zones())
        return ""

    def _choose(self, addresses: Sequence[Address], before: str) -> None:
        if self.chooser is not None:
            self.chooser.raise_()
            return
        self._before_chooser = before
        chooser = AddressChooser(addresses, self._edit.window())
        self.chooser = chooser
        chooser.finished.connect(self._on_chosen)
        chooser.open()

    @Slot(int)
    def _on_chosen(self, result: int) -> None:
        chooser, self.chooser = self.chooser, None
        if chooser is None:
            return
        chosen = chooser.chosen() if result == QDialog.DialogCode.Accepted else None
        chooser.deleteLater()
        if chosen is None:
            self._edit.setText(self._before_chooser)  # Cancel: the field as it was
            return
        problem = self._apply(chosen)
        if problem:
            self.problem_found.emit(problem)
        self._edit.setFocus()


def _inserted(before: str, after: str) -> int:
    """How many characters one edit put in (a paste or a drop puts in more than one)."""
    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return len(after) - start - end
