"""The offers and transfers as the window keeps them, and their words, without a window."""

from __future__ import annotations

import errno

import pytest
from pytestqt.qtbot import QtBot

from chatgui.events import FileWithdrawn, TransferFinished, TransferProgress
from chatgui.ui import transfer_words as words
from chatgui.ui.transcript_model import FileRow, RowKind
from chatgui.ui.transfers import MAX_ENTRIES, Stage, Transfers
from tests.ui.files_fakes import offer


def test_sizes_speeds_and_time_left_read_as_people_say_them(qtbot: QtBot) -> None:
    assert words.human_size(0) == "0 bytes"
    assert words.human_size(1) == "1 byte"
    assert words.human_size(999) == "999 bytes"
    assert words.human_size(12_345_678) == "12.3 MB"
    assert words.human_size(200_000_000) == "200 MB"
    assert words.human_size(2 * 1024**3) == "2.1 GB"
    assert words.human_size(999_999) == "1.0 MB"
    assert words.progress_line(12_300_000, 200_000_000, 45e6) == "12.3 MB of 200 MB · 45 MB/s · 4 s left"
    assert words.progress_line(5, 10, 0.0) == "5 bytes of 10 bytes"
    assert words.human_rate(2_500_000) == "2.5 MB/s"
    assert words.human_size(999_960) == "1.0 MB"
    assert words.time_left(150) == "3 min left"
    assert words.time_left(3900) == "1 h 5 min left"


def test_kinds_and_pictures_are_told_by_type_or_name(qtbot: QtBot) -> None:
    assert words.kind_words("a.png", "") == "PNG picture"
    assert words.kind_words("photo", "image/jpeg") == "JPEG picture"
    assert words.kind_words("a.pdf", "") == "PDF file"
    assert words.kind_words("README", "") == "File"
    assert words.kind_words(".bashrc", "") == "File"
    assert words.is_picture("x.WEBP")
    assert not words.is_picture("png")
    assert not words.is_picture("a.png.exe")


@pytest.mark.parametrize(
    ("outcome", "code", "reason", "expected"),
    [
        ("hash", 0, "", "did not arrive intact; nothing was saved"),
        ("vanished", 0, "", "The sender went away; Save again to resume."),
        ("disk", errno.ENOSPC, "", "No room left on the disk of /dl"),
        ("disk", errno.EACCES, "", "Could not write to /dl"),
        ("unreachable", 0, "", "Could not connect to alice's computer (a firewall?)"),
        ("refused", 0, "busy", "Save again in a moment"),
        ("refused", 0, "unknown", "no longer offers this file"),
        ("refused", 0, "key", "your passphrase may differ from theirs"),
        ("changed", 0, "", "alice changed the file after offering it"),
        ("too-large", 0, "", "larger than this room allows"),
        ("cancelled", 0, "", "Cancelled; nothing was saved"),
        ("protocol", 0, "", "does not understand"),
        ("something-new", 0, "", "could not be received"),
    ],
)
def test_every_failure_has_its_sentence(
    qtbot: QtBot, outcome: str, code: int, reason: str, expected: str
) -> None:
    assert expected in words.receive_failure(outcome, "alice", "/dl", reason, code)


def test_an_offer_is_a_file_row_after_one_public_room_warning(qtbot: QtBot) -> None:
    transfers = Transfers()
    transfers.begin_session(private=False)
    rows = transfers.rows_for(offer("o1"))
    assert [r.kind for r in rows] == [RowKind.SYSTEM, RowKind.FILE]
    assert "travel unencrypted" in rows[0].text
    row = rows[1]
    assert isinstance(row, FileRow)
    assert row.offer_id == "o1"
    assert row.sender == "alice"
    assert row.text == "offered report.pdf (1.2 MB)"
    assert [r.kind for r in transfers.rows_for(offer("o2"))] == [RowKind.FILE]  # said once
    transfers.begin_session(private=False)
    assert [r.kind for r in transfers.rows_for(offer("o3"))] == [RowKind.SYSTEM, RowKind.FILE]
    transfers.begin_session(private=True)
    assert [r.kind for r in transfers.rows_for(offer("o4"))] == [RowKind.FILE]


def test_a_stranger_reusing_an_offer_id_changes_nothing(qtbot: QtBot) -> None:
    transfers = Transfers()
    transfers.begin_session(private=True)
    transfers.rows_for(offer("o1", name="a.txt"))
    assert transfers.rows_for(offer("o1", name="evil.exe", nick="mallory")) == []
    entry = transfers.entry("o1")
    assert entry is not None
    assert entry.name == "a.txt"
    assert entry.nick == "alice"


def test_a_fetch_goes_from_waiting_to_progress_to_saved(qtbot: QtBot) -> None:
    transfers = Transfers()
    transfers.rows_for(offer("o1"))
    transfers.mark_fetching("o1", "/dl")
    entry = transfers.entry("o1")
    assert entry is not None
    assert entry.stage == Stage.WAITING
    assert entry.running
    with qtbot.waitSignal(transfers.changed) as blocker:
        transfers.rows_for(TransferProgress("o1", "receive", "", 600_000, 1_234_567, 1e6))
    assert blocker.args == ["o1"]
    assert entry.stage == Stage.RECEIVING
    assert entry.status() == "600 KB of 1.2 MB · 1.0 MB/s · 1 s left"
    transfers.rows_for(TransferFinished("o1", "receive", "", "ok", path="/dl/report.pdf"))
    assert entry.stage == Stage.SAVED
    assert entry.status() == "Saved to /dl/report.pdf"
    assert entry.can_save  # Save as… a second copy stays possible


def test_a_failure_says_why_and_save_again_resumes(qtbot: QtBot) -> None:
    transfers = Transfers()
    transfers.rows_for(offer("o1", nick="bob\u202e"))
    transfers.mark_fetching("o1", "/dl")
    transfers.rows_for(TransferFinished("o1", "receive", "", "unreachable"))
    entry = transfers.entry("o1")
    assert entry is not None
    assert entry.stage == Stage.FAILED
    assert entry.can_save
    assert "\u202e" not in entry.status()
    assert "bob" in entry.status()


def test_progress_and_ends_of_unknown_offers_are_ignored(qtbot: QtBot) -> None:
    transfers = Transfers()
    assert transfers.rows_for(TransferProgress("nope", "receive", "", 1, 2)) == []
    assert transfers.rows_for(TransferFinished("nope", "receive", "", "ok", path="/x")) == []
    assert transfers.rows_for(FileWithdrawn("nope")) == []
    assert transfers.entries() == []


def test_our_own_offer_from_preparing_to_each_receiver(qtbot: QtBot) -> None:
    transfers = Transfers()
    transfers.begin_session(private=True)
    rows = transfers.rows_for(TransferProgress("mine", "prepare", "", 10, 100, 5.0))
    assert len(rows) == 1
    assert rows[0].text == "Preparing a file to offer…"
    entry = transfers.entry("mine")
    assert entry is not None
    assert entry.stage == Stage.PREPARING
    assert entry.own
    assert transfers.rows_for(offer("mine", name="x.png", own=True, nick="me", sender="")) == []
    assert entry.stage == Stage.OFFERED
    assert entry.headline() == "You offered x.png (1.2 MB)"
    assert entry.status() == "Nobody has fetched it yet."
    transfers.rows_for(TransferProgress("mine", "send", "bob", 1_000_000, 1_234_567, 2e6))
    transfers.rows_for(TransferFinished("mine", "send", "carol", "sent"))
    assert entry.status().splitlines() == ["bob: 1.0 MB of 1.2 MB · 2.0 MB/s · 1 s left", "carol: has it all"]
    assert not entry.can_save


def test_an_own_file_that_cannot_be_read_says_so(qtbot: QtBot) -> None:
    transfers = Transfers()
    transfers.rows_for(TransferProgress("mine", "prepare", "", 0, 100))
    transfers.rows_for(TransferFinished("mine", "prepare", "", "unreadable", code=errno.EACCES))
    entry = transfers.entry("mine")
    assert entry is not None
    assert entry.stage == Stage.FAILED
    assert "could not be read" in entry.status()


def test_withdrawn_and_ended_offers_cannot_be_saved(qtbot: QtBot) -> None:
    transfers = Transfers()
    transfers.rows_for(offer("o1"))
    transfers.rows_for(offer("o2"))
    transfers.rows_for(offer("o3"))
    transfers.rows_for(TransferFinished("o3", "receive", "", "ok", path="/dl/a"))
    transfers.rows_for(FileWithdrawn("o1"))
    transfers.end_session()
    stages = {e.offer_id: e.stage for e in transfers.entries()}
    assert stages == {"o1": Stage.WITHDRAWN, "o2": Stage.GONE, "o3": Stage.SAVED}
    entry = transfers.entry("o1")
    assert entry is not None
    assert entry.status() == "alice withdrew this offer."
    assert not entry.can_save


def test_entries_are_bounded(qtbot: QtBot) -> None:
    transfers = Transfers()
    for n in range(MAX_ENTRIES + 1):
        transfers.rows_for(offer(f"o{n}"))
    assert len(transfers.entries()) == MAX_ENTRIES
    assert transfers.entry("o0") is None
    assert transfers.entry(f"o{MAX_ENTRIES}") is not None
