"""The presenter turns event batches into rows, receipts, roster and status, without a window."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from chatgui.events import (
    ChatReceived,
    ChatSent,
    CheckFinished,
    CheckOutcome,
    Listening,
    PeerJoined,
    Problem,
    ProblemOccurred,
    RawReceived,
    ReceiptMissing,
    ReceiptReceived,
    Reconnecting,
    RosterChanged,
    SessionState,
    StateChanged,
)
from chatgui.ui.presenter import Presenter
from chatgui.ui.status import SessionFacts
from chatgui.ui.transcript_model import Receipt, Row, RowKind
from tests.ui.conftest import FakeDiscovery


@dataclass
class Shown:
    """Everything the presenter asked the window to show, in order."""

    rows: list[tuple[list[Row], int]] = field(default_factory=list)
    receipts: list[tuple[int, Receipt, float]] = field(default_factory=list)
    states: list[SessionState] = field(default_factory=list)
    rosters: list[list[str]] = field(default_factory=list)
    status: list[tuple[str, bool, bool]] = field(default_factory=list)
    addresses: list[tuple[int, bool]] = field(default_factory=list)
    reconnecting: list[object] = field(default_factory=list)
    refused: int = 0

    def refuse(self) -> None:
        self.refused += 1


@pytest.fixture
def shown() -> Shown:
    return Shown()


def make(
    shown: Shown,
    discovery: FakeDiscovery | None = None,
    max_rows: int = 100,
    session: SessionFacts | None = None,
) -> Presenter:
    presenter = Presenter(
        discovery, max_rows, lambda: "10.0.0.2:5000", lambda: "ann", session or SessionFacts()
    )
    presenter.rows_ready.connect(lambda rows, skipped: shown.rows.append((rows, skipped)))
    presenter.receipt_changed.connect(lambda i, r, rtt: shown.receipts.append((i, r, rtt)))
    presenter.state_applied.connect(shown.states.append)
    presenter.roster_changed.connect(shown.rosters.append)
    presenter.status_shown.connect(lambda text, error, good: shown.status.append((text, error, good)))
    presenter.addresses_shown.connect(lambda port, udp: shown.addresses.append((port, udp)))
    presenter.reconnect_event.connect(shown.reconnecting.append)
    presenter.message_refused.connect(shown.refuse)
    return presenter


def test_a_flood_keeps_only_the_newest_rows_and_counts_the_rest(qapp: object, shown: Shown) -> None:
    presenter = make(shown, max_rows=10)
    presenter.on_events_received([ChatReceived("bob", f"m{i}", "h:1") for i in range(25)])
    [(rows, skipped)] = shown.rows
    assert skipped == 15
    assert [r.text for r in rows] == [f"m{i}" for i in range(15, 25)]
    assert {r.kind for r in rows} == {RowKind.OTHER}
    presenter.on_events_received([RawReceived("h:2", "raw"), ChatReceived("bob", "hi", "h:1")])
    assert [(r.kind, r.sender) for r in shown.rows[1][0]] == [(RowKind.RAW, "h:2"), (RowKind.OTHER, "bob")]


def test_a_mixed_batch_becomes_rows_roster_and_status_once(qapp: object, shown: Shown) -> None:
    presenter = make(shown)
    presenter.on_events_received(
        [
            StateChanged(SessionState.ACTIVE),
            PeerJoined("bob", "h:1"),
            RosterChanged(("ann", "bob")),
            ChatSent(1, "ann", "hello", expects_receipt=True),
            ReceiptReceived(1, 0.002),
            ChatSent(2, "ann", "again", expects_receipt=True),
        ]
    )
    assert shown.states == [SessionState.ACTIVE]
    assert presenter.state == SessionState.ACTIVE
    assert shown.rosters == [["ann", "bob"]]
    [(rows, skipped)] = shown.rows
    assert skipped == 0
    assert [r.kind for r in rows] == [RowKind.SYSTEM, RowKind.OWN, RowKind.OWN]
    assert (rows[1].receipt, rows[1].rtt) == (Receipt.DELIVERED, 0.002)
    assert rows[2].receipt == Receipt.PENDING
    # The facade's state_changed for a state inside the batch is not applied twice.
    presenter.on_state_changed(SessionState.ACTIVE)
    assert shown.states == [SessionState.ACTIVE]
    # A receipt for a row of an earlier batch goes to the model.
    presenter.on_events_received([ReceiptMissing(2)])
    assert shown.receipts == [(2, Receipt.MISSING, 0.0)]


def test_a_refused_message_holds_the_status_line_and_is_given_back(qapp: object, shown: Shown) -> None:
    presenter = make(shown)
    presenter.on_events_received([ProblemOccurred(Problem.TEXT_TOO_LONG, size=9000, limit=4096)])
    assert shown.refused == 1
    assert presenter.error_shown
    assert shown.status[-1][1:] == (True, False)
    assert shown.rows[0][0][0].kind == RowKind.ERROR
    # Going idle keeps the sentence on the status line.
    before = len(shown.status)
    presenter.apply_state(SessionState.IDLE)
    assert len(shown.status) == before


def test_a_check_answer_is_good_news_on_the_status_line(qapp: object, shown: Shown) -> None:
    presenter = make(shown)
    presenter.on_events_received(
        [CheckFinished("tcp", "10.0.0.2", 5000, CheckOutcome.WORKS, "10.0.0.2:5000")]
    )
    assert shown.status[-1][1:] == (False, True)
    assert shown.rows == []  # a check's answer is not a conversation row
    assert presenter.error_shown


def test_a_hosted_room_is_announced_and_withdrawn(qapp: object, shown: Shown) -> None:
    discovery = FakeDiscovery()
    presenter = make(shown, discovery=discovery)
    presenter.begin(SessionFacts(mode="tcp", role="host", port=5000), "lounge")
    presenter.on_events_received([StateChanged(SessionState.ACTIVE), Listening(("0.0.0.0:5000",), 5000)])
    assert discovery.calls == [("announce", "ann", "lounge", "tcp", 5000)]
    assert shown.addresses == [(5000, False)]
    assert presenter.session.listening_port == 5000
    presenter.apply_state(SessionState.IDLE)
    assert discovery.calls[-1] == ("withdraw",)


def test_reconnecting_goes_to_the_banner_and_one_row_says_it_began(qapp: object, shown: Shown) -> None:
    presenter = make(shown)
    first, later = Reconnecting("h:1", 1, 0.5), Reconnecting("h:1", 2, 1.0)
    presenter.on_events_received([first, later])
    assert shown.reconnecting == [first, later]
    assert [r.kind for r in shown.rows[0][0]] == [RowKind.SYSTEM]


def test_show_error_is_a_status_sentence_and_a_row(qapp: object, shown: Shown) -> None:
    presenter = make(shown)
    presenter.show_error("Type an address first.")
    assert shown.status == [("Type an address first.", True, False)]
    assert shown.rows[0][0][0].text == "Type an address first."
    presenter.hold_status("Checking…")
    assert shown.status[-1] == ("Checking…", False, False)
