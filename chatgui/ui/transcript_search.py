"""Search in the chat window: the Ctrl+F bar, highlights, next/previous, older pages to a match.

With a history the room's whole history is searched and a match older than the rows shown is
reached by loading pages until it is there; without one, the rows shown are searched.

What the user cannot read is not a match: a muted person's folded messages (and folded file
offers) are skipped, and so are their older messages in the history, which would fold when
shown. The bar says how many were skipped ("2 more in muted messages"); a message shown again
with a click is searched like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QAbstractItemView, QWidget

from chatgui.history.store import KIND_OTHER, HistoryRow
from chatgui.ui.history_view import HistoryView
from chatgui.ui.search_bar import SearchBar
from chatgui.ui.transcript_model import Row, RowKind, TranscriptModel
from chatgui.ui.transcript_view import TranscriptView


class TranscriptSearch(QObject):
    """Finds text in the room and moves the transcript to each match.

    Args:
        history_view: The room's history in the window: the room, and older pages on demand.
        search_bar: The Ctrl+F bar (the query, the match count).
        model: The transcript searched when there is no history.
        view: The transcript's view (highlights, the current match).
        focus_after: Gets the focus back when the bar closes (the message box).
        parent: The owner of this object.
    """

    def __init__(
        self,
        history_view: HistoryView,
        search_bar: SearchBar,
        model: TranscriptModel,
        view: TranscriptView,
        focus_after: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._search_bar = search_bar
        self._model = model
        self._view = view
        self._focus_after = focus_after
        self._history_view = history_view
        self._matches: list[HistoryRow | Row] = []
        self._match_index = -1
        self._pending_goto: HistoryRow | None = None
        self._hidden = 0
        self.is_muted: Callable[[str], bool] | None = None
        """Whether a sender's name is muted in the live room (None: nobody is ever folded here)."""
        history_view.page_shown.connect(self._on_page_shown)

    def connect_history(self) -> None:
        """Follow the history's search answers."""
        history = self._history_view.history
        if history is not None:
            history.search_finished.connect(self.on_search_finished)

    def forget_pending(self) -> None:
        """Stop bringing in pages for a match (another room is opened)."""
        self._pending_goto = None

    @Slot()
    def open_search(self) -> None:
        """Show the search bar (Ctrl+F)."""
        self._search_bar.open_bar()

    @Slot(str)
    def search(self, query: str) -> None:
        """Find ``query`` in this room's history (or, without one, in the rows shown)."""
        self._view.set_highlight(query)
        self._matches = []
        self._match_index = -1
        self._pending_goto = None
        self._hidden = 0
        if not query:
            self._search_bar.set_count(0, 0)
            return
        history, room = self._history_view.history, self._history_view.room
        if history is not None and room:
            history.search(room, query)
            return
        folded = query.casefold()
        self._take([r for r in self._model.rows() if folded in r.text.casefold()])

    @Slot(object)
    def on_search_finished(self, payload: object) -> None:
        """Take the history's matches (``(room, query, rows)``) and go to the newest."""
        assert isinstance(payload, tuple)
        room, query, rows = payload
        if room != self._history_view.room or query != self._search_bar.query:
            return
        self._take(rows)

    def _take(self, found: Sequence[HistoryRow | Row]) -> None:
        """Keep the matches the user can read, count the others, and go to the newest."""
        self._matches = self._readable(found)
        self._hidden = len(found) - len(self._matches)
        self._show_match(len(self._matches) - 1)

    def _readable(self, found: Sequence[HistoryRow | Row]) -> list[HistoryRow | Row]:
        """``found`` without folded rows and without older history rows of muted people."""
        muted = self.is_muted
        folded = RowKind.MUTED
        if muted is None:
            return [m for m in found if not (isinstance(m, Row) and m.kind == folded)]
        by_id: dict[int, Row] | None = None
        by_time: dict[tuple[float, str], Row] = {}
        kept: list[HistoryRow | Row] = []
        for match in found:
            if isinstance(match, Row):
                if match.kind != folded:
                    kept.append(match)
                continue
            if match.kind != KIND_OTHER or not muted(match.sender):
                kept.append(match)
                continue
            if by_id is None:  # once, and only when a muted person's message matched
                by_id = {}
                for row in self._model.rows():
                    if row.history_id:
                        by_id[row.history_id] = row
                    else:
                        by_time[(row.ts, row.text)] = row
            shown = by_id.get(match.id) or by_time.get((match.ts, match.text))
            if shown is not None and shown.kind != folded:  # shown again with a click
                kept.append(match)
        return kept

    @Slot()
    def find_next(self) -> None:
        """Go to the next (newer) match, wrapping around (Enter, F3)."""
        if not self._search_bar.isVisible():
            self.open_search()
        if self._matches:
            self._show_match((self._match_index + 1) % len(self._matches))

    @Slot()
    def find_previous(self) -> None:
        """Go to the previous (older) match, wrapping around (Shift+Enter, Shift+F3)."""
        if not self._search_bar.isVisible():
            self.open_search()
        if self._matches:
            self._show_match((self._match_index - 1) % len(self._matches))

    @property
    def match_position(self) -> tuple[int, int]:
        """The current match (from 1; 0 = none) and how many there are."""
        return self._match_index + 1, len(self._matches)

    @Slot()
    def on_search_closed(self) -> None:
        """Drop the highlights and give the message box the focus back (Esc)."""
        self._view.set_highlight("")
        self._matches = []
        self._match_index = -1
        self._pending_goto = None
        self._hidden = 0
        self._focus_after.setFocus()

    @Slot(int)
    def _on_page_shown(self, inserted: int) -> None:
        if self._pending_goto is not None:
            target, self._pending_goto = self._pending_goto, None
            if inserted:
                self._go_to_match(target)

    def _show_match(self, index: int) -> None:
        self._match_index = index
        self._search_bar.set_count(index + 1, len(self._matches), self._hidden)
        if 0 <= index < len(self._matches):
            self._go_to_match(self._matches[index])

    def _go_to_match(self, match: HistoryRow | Row) -> None:
        position = self._model_position(match)
        if position >= 0:
            view = self._view
            index = self._model.index(position, 0)
            view.setCurrentIndex(index)
            view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        elif isinstance(match, HistoryRow) and not self._history_view.exhausted:
            # Older than the rows shown: bring pages in until it is there.
            self._pending_goto = match
            self._history_view.load_older()

    def _model_position(self, match: HistoryRow | Row) -> int:
        rows = self._model.rows()
        if isinstance(match, Row):
            return next((i for i, r in enumerate(rows) if r is match), -1)
        for i in range(len(rows) - 1, -1, -1):
            r = rows[i]
            if r.history_id == match.id if r.history_id else (r.ts == match.ts and r.text == match.text):
                return i
        return -1
