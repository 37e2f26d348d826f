"""Turning the backend's event batches into what the chat window shows; no widget is touched here.

The presenter keeps the session as the user sees it (its state, the facts the status line
names, whether a sentence holds the status line) and announces our room while hosting. Each
batch of events becomes rows, receipts, roster, status and reconnecting news, emitted as
signals the window applies to its widgets. Tests drive it without building a window.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal, Slot

from chatgui import sentences_checks
from chatgui.events import (
    ChatReceived,
    ChatSent,
    CheckFinished,
    CheckOutcome,
    Connected,
    FileOffered,
    FileWithdrawn,
    Listening,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptMissing,
    ReceiptReceived,
    Reconnected,
    Reconnecting,
    RoomCode,
    RoomIdentified,
    RosterChanged,
    SessionEnded,
    SessionState,
    Severity,
    StateChanged,
    TransferFinished,
    TransferProgress,
)
from chatgui.history.rows import is_system_row
from chatgui.sentences import describe, describe_event
from chatgui.ui.interfaces import DiscoveryLike
from chatgui.ui.status import SessionFacts, status_sentence
from chatgui.ui.transcript_delegate import shown_sender
from chatgui.ui.transcript_model import Receipt, Row, RowKind, TranscriptModel

# Problems about one message the user just typed: give the text back instead of losing it.
_MESSAGE_EVENTS = frozenset({ChatReceived, RawReceived, ChatSent})
# A flood is made of these; a batch of nothing else takes the fast path.
_FLOOD_EVENTS = frozenset({ChatReceived, RawReceived})
_ONLY_CHAT = frozenset({ChatReceived})
# Roles whose session others join by address: the ones announced on the network.
_ANNOUNCED_ROLES = frozenset({("tcp", "host"), ("udp", "peer")})
_FILE_EVENTS = frozenset({FileOffered, FileWithdrawn, TransferProgress, TransferFinished})
_REFUSED_BEFORE_SENDING = {Problem.TEXT_TOO_LONG, Problem.DATAGRAM_TOO_LARGE, Problem.NOT_ENCODABLE}


class Presenter(QObject):
    """The session as the user sees it, and each event batch turned into what to show.

    Args:
        discovery: Announces our room while hosting (``None``: nothing is announced).
        max_rows: How many rows the transcript keeps (a flood builds only that many).
        target_text: Where the fields point ("host:port"), for the status sentence.
        nick: The name our room is announced under.
        session: The facts before any session started (the port the fields start with).
        parent: The owner of this object.

    Signals:
        rows_ready: ``(rows, skipped)``: rows to append, and how many older messages of
            the batch count as appended without a row.
        receipt_changed: ``(msg_id, receipt, rtt)`` for a row shown in an earlier batch.
        state_applied: The ``SessionState`` the widgets should follow now.
        roster_changed: The names to list, as shown (``list[str]``).
        status_shown: ``(sentence, error, good)`` for the status line.
        addresses_shown: ``(port, udp)``: show the addresses others can join at.
        reconnect_event: A ``Reconnecting`` or ``Reconnected`` for the banner.
        message_refused: The message just typed was refused before sending: give it back.
        room_code_shown: ``(text, tooltip)`` for the private-room label beside the status
            line: "Private room", then "Room code 4821 0937"; ``("", "")`` hides it.
        room_identified: ``(room_id, name)``: the host told which room this is (history
            follows the room, not the address).
        check_reported: ``(sentence, works)``: a Check's answer, for its own popover (never
            a transcript row: the conversation is not where a check belongs).
    """

    rows_ready = Signal(object, int)
    receipt_changed = Signal(object, object, object)
    state_applied = Signal(object)
    roster_changed = Signal(object)
    status_shown = Signal(str, bool, bool)
    addresses_shown = Signal(int, bool)
    reconnect_event = Signal(object)
    message_refused = Signal()
    room_code_shown = Signal(str, str)
    room_identified = Signal(str, str)
    check_reported = Signal(str, bool)

    def __init__(
        self,
        discovery: DiscoveryLike | None,
        max_rows: int,
        target_text: Callable[[], str],
        nick: Callable[[], str],
        session: SessionFacts,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._discovery = discovery
        self._max_rows = max_rows
        self._target_text = target_text
        self._nick = nick
        self._announced = False
        self.room_name = ""
        self.state = SessionState.IDLE
        self.session = session
        self.error_shown = False
        """A sentence (an error, a check's answer) holds the status line until the next action."""
        self._states_in_batch: deque[SessionState] = deque()
        self.room_codes: dict[str, str] = {}
        """The private room's code per address (a host has one per member), latest last."""
        self.file_rows: Callable[[object], Sequence[Row]] = _no_rows
        """Follows a file event and gives the rows it adds (set by ``chatgui.ui.file_ui``)."""

    # ----------------------------------------------------------------- the window's actions

    def begin(self, session: SessionFacts, room_name: str) -> None:
        """A session is being started with these facts (and this room name to announce)."""
        self.session = session
        self.room_name = room_name
        self.error_shown = False
        self.room_codes = {}

    def note_problem(self, sentence: str) -> None:
        """Add ``sentence`` as an error row without taking the status line (a side matter)."""
        self.rows_ready.emit([Row(RowKind.ERROR, "", sentence)], 0)

    def show_error(self, sentence: str) -> None:
        """Say what is wrong on the status line and as a row."""
        self.error_shown = True
        self.status_shown.emit(sentence, True, False)
        self.rows_ready.emit([Row(RowKind.ERROR, "", sentence)], 0)

    def hold_status(self, sentence: str) -> None:
        """Show ``sentence`` (not an error) and keep it until the next action."""
        self.error_shown = True
        self.status_shown.emit(sentence, False, False)

    def withdraw(self) -> None:
        """Stop announcing our room (when it was announced)."""
        if self._announced and self._discovery is not None:
            self._announced = False
            self._discovery.withdraw()

    # ----------------------------------------------------------------- backend → presenter

    @Slot(object)
    def on_state_changed(self, state: SessionState) -> None:
        """Follow the session's state: button text, editable fields, message box.

        States inside a batch were already applied in order with the batch's other events
        (so an error between STARTING and IDLE stays on the status line); the facade's
        ``state_changed`` for those arrives after the batch and is skipped here.
        """
        if self._states_in_batch and self._states_in_batch[0] == state:
            self._states_in_batch.popleft()
            return
        self._states_in_batch.clear()
        self.apply_state(state)

    def apply_state(self, state: SessionState) -> None:
        """Make ``state`` the session's state: the widgets follow, the status line too."""
        self.state = state
        idle = state == SessionState.IDLE
        self.state_applied.emit(state)
        if idle:
            self.withdraw()
            self.session.roster = ()
        self._show_privacy()
        # The sentence that ended a session stays on the status line until the next attempt.
        if not (idle and self.error_shown):
            self.error_shown = False
            self.refresh_status()

    def refresh_status(self) -> None:
        """Put the sentence describing the session on the status line."""
        text = status_sentence(self.state, self.session, self._target_text())
        self.status_shown.emit(text, False, False)

    @Slot(object)
    def on_events_received(self, events: Sequence[object]) -> None:
        """Turn a batch of backend events into transcript rows (one ``rows_ready`` per batch).

        Under a flood a batch is thousands of ``ChatReceived``/``RawReceived`` and every
        microsecond spent per event here is taken from the socket worker too (one GIL), so
        a batch of messages only is built in one comprehension; anything else goes through
        the per-event loop. Status and scrolling follow once per batch, never per event.
        """
        # Under a flood one batch can hold far more messages than the transcript keeps:
        # build rows only for the newest ``max_rows`` of them; the rest count as appended.
        stamp = TranscriptModel.stamp()
        kinds = set(map(type, events))
        if kinds <= _FLOOD_EVENTS:
            keep_from = max(0, len(events) - self._max_rows)
            tail = events[keep_from:] if keep_from else events
            if kinds == _ONLY_CHAT:
                other = RowKind.OTHER
                rows = [Row(other, e.nick, e.text, stamp) for e in tail]  # type: ignore[attr-defined]
            else:
                rows = [_message_row(e, stamp) for e in tail]  # type: ignore[arg-type]
            if rows or keep_from:
                self.rows_ready.emit(rows, keep_from)
            return
        self._mixed_batch(events, stamp)

    def _mixed_batch(self, events: Sequence[object], stamp: str) -> None:
        rows: list[Row] = []
        pending: dict[int, Row] = {}
        status_dirty = False
        keep_from = self._first_kept_message(events)
        skipped = 0
        for position, event in enumerate(events):
            kind = type(event)
            if position < keep_from and kind in _MESSAGE_EVENTS:
                skipped += 1
                continue
            if kind is ChatReceived or kind is RawReceived:
                rows.append(_message_row(event, stamp))  # type: ignore[arg-type]
            elif kind is ChatSent:
                assert isinstance(event, ChatSent)
                relayed = self._relayed_by_us(event)
                row = Row(
                    RowKind.OWN,
                    event.nick,
                    event.text,
                    time_text=stamp,
                    receipt=Receipt.PENDING if event.expects_receipt else relayed,
                    msg_id=event.msg_id,
                )
                if event.expects_receipt:
                    pending[event.msg_id] = row
                rows.append(row)
            elif kind is ReceiptReceived or kind is ReceiptMissing:
                assert isinstance(event, ReceiptReceived | ReceiptMissing)
                self._apply_receipt(event, pending)
            elif kind is ProblemOccurred:
                assert isinstance(event, ProblemOccurred)
                rows.append(self._problem_row(event))
            elif kind is StateChanged:
                assert isinstance(event, StateChanged)
                self._states_in_batch.append(event.state)
                self.apply_state(event.state)
            elif kind is RosterChanged:
                assert isinstance(event, RosterChanged)
                self.session.roster = event.nicks
                self.roster_changed.emit([shown_sender(nick) for nick in event.nicks])
                status_dirty = True
            else:
                if kind is Listening:
                    assert isinstance(event, Listening)
                    self.session.listening_port = event.port
                    self.session.listening_on = event.addresses
                    if event.interface:  # broadcast / multicast: the one the system chose
                        self.session.interface = event.interface
                    self._show_addresses(event.port)
                    self._announce(event.port)
                    status_dirty = True
                elif kind is CheckFinished:
                    assert isinstance(event, CheckFinished)
                    self._report_check(event)
                    continue
                elif kind is Connected:
                    assert isinstance(event, Connected)
                    self.session.connected_to = event.remote
                    status_dirty = True
                elif kind is SessionEnded:
                    assert isinstance(event, SessionEnded)
                    if event.by_user:
                        self.error_shown = False
                elif kind is RoomCode:
                    assert isinstance(event, RoomCode)
                    self.room_codes.pop(event.address, None)
                    self.room_codes[event.address] = event.code
                    self._show_privacy()
                    sentence = describe_event(event)
                    if sentence is not None:
                        rows.append(Row(RowKind.SYSTEM, "", sentence, time_text=stamp))
                    continue
                elif kind is RoomIdentified:
                    assert isinstance(event, RoomIdentified)
                    self.room_identified.emit(event.room, event.name)
                    continue
                elif kind in _FILE_EVENTS:  # offers and transfers: their rows (chatgui.ui.transfers)
                    rows.extend(self.file_rows(event))
                    continue
                elif kind is Reconnecting or kind is Reconnected:
                    assert isinstance(event, Reconnecting | Reconnected)
                    self.reconnect_event.emit(event)
                    if kind is Reconnected:  # the sentence about losing the host is history now
                        self.error_shown = False
                        status_dirty = True
                if is_system_row(event):  # the banner counts later reconnecting attempts down
                    sentence = describe_event(event)
                    if sentence is not None:
                        rows.append(Row(RowKind.SYSTEM, "", sentence, time_text=stamp))
        if rows or skipped:
            self.rows_ready.emit(rows, skipped)
        if status_dirty and not self.error_shown:
            self.refresh_status()

    def _first_kept_message(self, events: Sequence[object]) -> int:
        limit = self._max_rows
        if len(events) <= limit:
            return 0
        seen = 0
        for position in range(len(events) - 1, -1, -1):
            if type(events[position]) in _MESSAGE_EVENTS:
                seen += 1
                if seen > limit:
                    return position + 1
        return 0

    def _apply_receipt(self, event: ReceiptReceived | ReceiptMissing, pending: dict[int, Row]) -> None:
        if isinstance(event, ReceiptReceived):
            receipt, rtt = Receipt.DELIVERED, event.rtt
        else:
            receipt, rtt = (Receipt.NOT_SENT if event.not_sent else Receipt.MISSING), 0.0
        row = pending.get(event.msg_id)
        if row is None:
            self.receipt_changed.emit(event.msg_id, receipt, rtt)
        elif not (receipt != Receipt.DELIVERED and row.receipt == Receipt.DELIVERED):
            row.receipt = receipt
            row.rtt = rtt

    def _problem_row(self, event: ProblemOccurred) -> Row:
        sentence = describe(event)
        if event.severity == Severity.INFO:
            return Row(RowKind.SYSTEM, "", sentence)
        self.error_shown = True
        self.status_shown.emit(sentence, True, False)
        if event.problem in _REFUSED_BEFORE_SENDING:
            self.message_refused.emit()
        return Row(RowKind.ERROR, "", sentence)

    def _report_check(self, event: CheckFinished) -> None:
        sentence = sentences_checks.describe_check(event)
        works = event.outcome == CheckOutcome.WORKS
        self.error_shown = True  # keep the answer on the status line until the next action
        self.status_shown.emit(sentence, not works, works)
        self.check_reported.emit(sentence, works)

    def _relayed_by_us(self, event: ChatSent) -> Receipt:
        """The TCP host's own message: ✓ (RELAYED) at once, for the host hands it to every member itself.

        No ack comes back for it (members ack the host only for their own messages); the host
        wrote it to every member's connection before telling us it was sent, and TCP delivers
        it or ends that connection (which the room is told about). Raw text has no mark.
        """
        facts = self.session
        if facts.mode == "tcp" and facts.role == "host" and not event.raw:
            return Receipt.RELAYED
        return Receipt.NONE

    def _announce(self, port: int) -> None:
        facts = self.session
        if self._discovery is None or (facts.mode, facts.role) not in _ANNOUNCED_ROLES or not port:
            return
        if facts.udp_target:
            return  # a UDP peer writing to one person is no room others could join
        self._discovery.announce(self._nick(), self.room_name, facts.mode, port, secure=facts.private)
        self._announced = True

    def _show_privacy(self) -> None:
        """The private-room label: shown while a private session is up, with its room code."""
        if self.state != SessionState.ACTIVE or not self.session.private:
            self.room_code_shown.emit("", "")
            return
        if not self.room_codes:
            self.room_code_shown.emit(
                self.tr("Private room"),
                self.tr(
                    "Everything sent in this session is encrypted with the passphrase; only "
                    "people who typed the same passphrase can read it."
                ),
            )
            return
        explain = self.tr(
            "Compare this code with the other side (read it out, or over the phone): the same "
            "code on both sides means nobody is in between. A different code means someone may "
            "be listening in — disconnect."
        )
        address, code = next(reversed(self.room_codes.items()))
        if self.session.role != "host":
            self.room_code_shown.emit(self.tr("Room code {code}").format(code=code), explain)
            return
        listed = "\n".join(
            self.tr("{address}: {code}").format(address=where, code=each)
            for where, each in self.room_codes.items()
        )
        self.room_code_shown.emit(
            self.tr("Room code with {address}: {code}").format(address=address, code=code),
            explain + "\n\n" + listed,
        )

    def _show_addresses(self, port: int) -> None:
        if self.session.role in ("broadcast", "multicast"):
            return  # nobody joins these at an address: the status line says where we send
        self.addresses_shown.emit(port, self.session.mode == "udp")


def _no_rows(_event: object) -> Sequence[Row]:
    return ()


def _message_row(event: ChatReceived | RawReceived, stamp: str) -> Row:
    if type(event) is ChatReceived:
        return Row(RowKind.OTHER, event.nick, event.text, stamp)
    return Row(RowKind.RAW, event.sender, event.text, stamp)
