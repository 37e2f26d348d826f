"""The file offers of the room and their transfers, as the window shows them; no widget here.

``Transfers`` follows the backend's file events (``FileOffered``, ``FileWithdrawn``,
``TransferProgress``, ``TransferFinished``) and keeps one ``FileEntry`` per offer: who offered
what, how far our fetch of it is (or, for our own offer, each receiver's progress) and how it
ended, in words. A new offer becomes a transcript row (``FileRow``); every later change is a
``changed(offer_id)`` signal the row's widget follows. The first offer of a session in a
public room (no passphrase) is preceded by a row saying that files travel unencrypted.
"""

from __future__ import annotations

import enum
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Signal

from chatgui.events import FileOffered, FileWithdrawn, TransferFinished, TransferProgress
from chatgui.ui import transfer_words as words
from chatgui.ui.transcript_delegate import shown_sender
from chatgui.ui.transcript_model import FileRow, Row, RowKind

FILE_EVENTS = (FileOffered, FileWithdrawn, TransferProgress, TransferFinished)
"""The events ``Transfers.rows_for`` takes."""
MAX_ENTRIES = 4096
"""Offers remembered at most (the backend bounds open offers to 1,024; older ones are forgotten)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Transfers", text)


class Stage(enum.Enum):
    """Where an offer is, as its row shows it."""

    PREPARING = "preparing"  # our own file, being read and hashed before it is offered
    OFFERED = "offered"  # in the room; for others' offers: not fetched (yet, or again)
    WAITING = "waiting"  # we asked to save it; no byte yet (at most 4 fetches run at once)
    RECEIVING = "receiving"
    SAVED = "saved"
    FAILED = "failed"  # ``note`` says why; Save again resumes where sensible
    WITHDRAWN = "withdrawn"  # its sender withdrew it (or we did, for ours)
    GONE = "gone"  # the session ended: nothing can be fetched from it any more


@dataclass(slots=True)
class PeerSend:
    """One receiver of our own offer."""

    peer: str
    done: int = 0
    total: int = 0
    rate: float = 0.0
    outcome: str = ""  # "" while running

    def line(self) -> str:
        """This receiver's line under our offer (its name drawn as visible marks)."""
        return words.send_line(shown_sender(self.peer), self.done, self.total, self.rate, self.outcome)


@dataclass(slots=True)
class FileEntry:
    """One offer and what became of it."""

    offer_id: str
    nick: str = ""
    sender: str = ""
    name: str = ""
    size: int = 0
    sha256: str = ""
    mime: str = ""
    thumb: bytes = b""
    own: bool = False
    risky: bool = False
    stage: Stage = Stage.OFFERED
    done: int = 0
    total: int = 0
    rate: float = 0.0
    folder: str = ""
    path: str = ""
    note: str = ""
    sends: dict[str, PeerSend] = field(default_factory=dict)
    row: FileRow | None = None  # its conversation row (its text follows the headline)
    folded: bool = False  # its sender is muted: its row is one folded line, nothing to save
    muted: bool = False  # its sender was muted while our fetch ran: it goes on, the row says so

    @property
    def picture(self) -> bool:
        """Whether it is shown as a picture (by its type or its name)."""
        return words.is_picture(self.name, self.mime)

    @property
    def can_save(self) -> bool:
        """Whether Save / Save as… may start (or resume) a fetch now."""
        return not self.own and not self.folded and self.stage in (Stage.OFFERED, Stage.FAILED, Stage.SAVED)

    @property
    def running(self) -> bool:
        """Whether a fetch of it is waiting or running (Cancel applies)."""
        return self.stage in (Stage.WAITING, Stage.RECEIVING)

    def headline(self) -> str:
        """The row's text: who offered what, how large (also what copying the row gives)."""
        size = words.human_size(self.size)
        if self.own:
            if self.stage == Stage.PREPARING and not self.name:
                return _tr("Preparing a file to offer…")
            return _tr("You offered {name} ({size})").format(name=self.name, size=size)
        return _tr("offered {name} ({size})").format(name=self.name, size=size)

    def status(self) -> str:
        """The line under the name: progress, the outcome's sentence, or what can be done."""
        stage = self.stage
        if stage == Stage.PREPARING:
            return _tr("Reading the file before offering it… {progress}").format(
                progress=words.progress_line(self.done, self.total, self.rate)
            )
        if stage in (Stage.WAITING, Stage.RECEIVING):
            line = (
                _tr("Waiting for other transfers to finish…")
                if stage == Stage.WAITING
                else words.progress_line(self.done, self.total or self.size, self.rate)
            )
            if self.muted:
                note = _tr(
                    "You muted {nick}; this transfer goes on because you started it — Cancel stops it. "
                    "This row folds when it ends."
                )
                line += "\n" + note.format(nick=shown_sender(self.nick))
            return line
        if stage == Stage.SAVED:
            return _tr("Saved to {path}").format(path=self.path)
        if stage == Stage.WITHDRAWN:
            if self.own:
                return _tr("You withdrew this offer.")
            return _tr("{nick} withdrew this offer.").format(nick=shown_sender(self.nick))
        if stage == Stage.GONE:
            return _tr("The session ended; this offer is no longer available.")
        if stage == Stage.FAILED:
            return self.note
        if self.own:
            lines = [send.line() for send in self.sends.values()]
            return "\n".join(lines) if lines else _tr("Nobody has fetched it yet.")
        return ""


class Transfers(QObject):
    """Every offer seen in this window, and what became of each.

    Signals:
        changed: ``offer_id`` whose entry changed (its row's widget redraws).
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: OrderedDict[str, FileEntry] = OrderedDict()
        self.unplaced: set[str] = set()
        """Offers whose row was made and has no widget over it yet (the window places one)."""
        self.private = False
        self._warned = False

    def entry(self, offer_id: str) -> FileEntry | None:
        """The entry for ``offer_id`` (None: not known, or forgotten)."""
        return self._entries.get(offer_id)

    def entries(self) -> list[FileEntry]:
        """Every entry, oldest first."""
        return list(self._entries.values())

    def begin_session(self, private: bool) -> None:
        """A session starts: the public-room sentence may be said again, once."""
        self.private = private
        self._warned = False

    def end_session(self) -> None:
        """The session ended: no offer of it can be fetched or served any more."""
        for entry in self._entries.values():
            live = entry.stage in (Stage.PREPARING, Stage.OFFERED, Stage.WAITING, Stage.RECEIVING)
            if live or (entry.stage == Stage.FAILED and not entry.own):
                entry.stage = Stage.GONE
                self.changed.emit(entry.offer_id)

    # ----------------------------------------------------------------- the user's actions

    def mark_fetching(self, offer_id: str, folder: str) -> None:
        """We asked the backend to save ``offer_id`` into ``folder``."""
        entry = self._entries.get(offer_id)
        if entry is not None:
            entry.stage, entry.folder, entry.note, entry.rate = Stage.WAITING, folder, "", 0.0
            self.changed.emit(offer_id)

    def mark_withdrawn(self, offer_id: str) -> None:
        """We withdrew our own offer ``offer_id``."""
        entry = self._entries.get(offer_id)
        if entry is not None:
            entry.stage = Stage.WITHDRAWN
            self.changed.emit(offer_id)

    # ----------------------------------------------------------------- backend → entries

    def rows_for(self, event: object) -> list[Row]:
        """Follow one file event; the rows it adds to the conversation (most add none)."""
        if isinstance(event, FileOffered):
            return self._offered(event)
        if isinstance(event, FileWithdrawn):
            entry = self._entries.get(event.offer_id)
            if entry is not None and entry.stage not in (Stage.SAVED, Stage.GONE):
                entry.stage = Stage.WITHDRAWN
                self.changed.emit(entry.offer_id)
            return []
        if isinstance(event, TransferProgress):
            return self._progress(event)
        if isinstance(event, TransferFinished):
            self._finished(event)
        return []

    def _remember(self, entry: FileEntry) -> None:
        self._entries[entry.offer_id] = entry
        while len(self._entries) > MAX_ENTRIES:
            forgotten, _entry = self._entries.popitem(last=False)
            self.unplaced.discard(forgotten)

    def _warning(self) -> list[Row]:
        if self.private or self._warned:
            return []
        self._warned = True
        return [
            Row(
                RowKind.SYSTEM,
                "",
                _tr(
                    "Files in this room travel unencrypted; anyone on the network can read them. Use a "
                    "private room (a passphrase) to protect them."
                ),
            )
        ]

    def _offered(self, event: FileOffered) -> list[Row]:
        entry = self._entries.get(event.offer_id)
        fresh = entry is None
        if entry is None:
            entry = FileEntry(event.offer_id)
        elif not (entry.own and event.own):
            return []  # an offer id seen before from someone else: the first one stands
        entry.nick, entry.sender, entry.name, entry.size = event.nick, event.sender, event.name, event.size
        entry.sha256, entry.mime, entry.thumb = event.sha256, event.mime, event.thumb
        entry.own, entry.risky = event.own, event.risky
        if entry.stage == Stage.PREPARING or fresh:
            entry.stage = Stage.OFFERED
        if not fresh:
            if entry.row is not None:  # prepared, now offered: copying the row says so
                entry.row.text, entry.row.sender = entry.headline(), entry.nick
            self.changed.emit(entry.offer_id)
            return []
        self._remember(entry)
        return [*self._warning(), self._row(entry)]

    def _row(self, entry: FileEntry) -> FileRow:
        entry.row = FileRow(entry.offer_id, entry.nick, entry.headline())
        self.unplaced.add(entry.offer_id)
        return entry.row

    def _progress(self, event: TransferProgress) -> list[Row]:
        entry = self._entries.get(event.offer_id)
        if event.direction == "prepare":
            if entry is None:  # our own file being read: its row shows from now on
                entry = FileEntry(event.offer_id, own=True, stage=Stage.PREPARING)
                entry.done, entry.total, entry.rate = event.done, event.total, event.rate
                self._remember(entry)
                return [*self._warning(), self._row(entry)]
            if entry.stage == Stage.PREPARING:
                entry.done, entry.total, entry.rate = event.done, event.total, event.rate
                self.changed.emit(entry.offer_id)
            return []
        if entry is None:
            return []
        if event.direction == "send":
            send = entry.sends.get(event.peer)
            if send is None:
                send = entry.sends[event.peer] = PeerSend(event.peer)
            send.done, send.total, send.rate, send.outcome = event.done, event.total, event.rate, ""
        elif entry.stage in (Stage.WAITING, Stage.RECEIVING, Stage.OFFERED, Stage.FAILED):
            entry.stage = Stage.RECEIVING
            entry.done, entry.total, entry.rate = event.done, event.total, event.rate
        else:
            return []
        self.changed.emit(entry.offer_id)
        return []

    def _finished(self, event: TransferFinished) -> None:
        entry = self._entries.get(event.offer_id)
        if entry is None:
            return
        if event.direction == "send":
            send = entry.sends.get(event.peer)
            if send is None:
                send = entry.sends[event.peer] = PeerSend(event.peer, total=entry.size)
            send.outcome = event.outcome
            if event.outcome in ("sent", "ok"):
                send.done = send.total = entry.size
        elif event.direction == "prepare":
            if event.outcome != "ok" and entry.stage == Stage.PREPARING:
                entry.stage, entry.note = Stage.FAILED, words.prepare_failure(event.outcome, event.code)
        elif event.outcome == "ok":
            entry.stage, entry.path, entry.note = Stage.SAVED, event.path, ""
            entry.done = entry.total = entry.size
        elif entry.stage in (Stage.WAITING, Stage.RECEIVING, Stage.OFFERED):
            entry.stage = Stage.FAILED
            nick = shown_sender(entry.nick)
            entry.note = words.receive_failure(event.outcome, nick, entry.folder, event.reason, event.code)
        else:
            return
        self.changed.emit(entry.offer_id)
