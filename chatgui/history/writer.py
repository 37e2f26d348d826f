"""The history's writer thread: rows queued from any thread, committed in batches.

Durability and the batching rule are ``chatgui.history.store``'s (WAL, a commit every
``interval`` at most). Split from the database itself, which has no threads.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from chatgui.history import search_index
from chatgui.history.records import HistoryRow, ReceiptUpdate
from chatgui.history.store import HistoryDB, RowValues, row_values

WriterItem = HistoryRow | ReceiptUpdate | RowValues
"""What the writer is given: rows (objects or values) and receipts, in order."""


class HistoryWriter:
    """A thread that owns its own :class:`HistoryDB` and commits whatever is queued in batches.

    ``submit`` only appends to a deque (O(1), never touches the disk). The thread wakes at
    most every ``interval`` seconds and writes everything queued in one transaction, so
    a flood of 100k rows costs a few dozen commits, not 100k.

    Memory: the queue is unbounded in count but holds only rows already submitted, and
    the thread drains all of them in every cycle; it falls behind only while one commit
    takes longer than the rows arriving meanwhile, and then the next batch is simply
    larger. The bound is therefore "what the caller submitted since the last commit
    began", which the callers (the window and the headless commands) already hold
    bounded upstream (the network's own buffers are bounded).

    Args:
        path: The database file.
        interval: The longest time between a ``submit`` and the commit that holds it
            (plus that commit's own duration).
        on_commit: Called in the writer thread after every commit with the rows written
            (tests count commits with it).
        index_idle: Seconds without new rows before the thread puts rows into the search
            index (``chatgui.history.search_index``); None: it never does.
        on_index_progress: Called in the writer thread while it indexes, with (rows indexed,
            rows to index); the last call has both equal.
    """

    def __init__(
        self,
        path: Path,
        interval: float = 0.1,
        on_commit: Callable[[int], None] | None = None,
        index_idle: float | None = 0.25,
        on_index_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.path = path
        self._index = search_index.IndexKeeper(index_idle, on_index_progress)
        self._last_rows = 0.0  # time.monotonic() of the last submit
        self.interval = interval
        self._on_commit = on_commit
        self._queue: deque[WriterItem] = deque()
        self._cond = threading.Condition()
        self._submitted = 0  # rows handed to submit(), ever
        self._committed = 0  # rows committed (or dropped after a failure), ever
        self._closing = False
        self._hurry = False  # a flush is waiting: commit now instead of at the next interval
        self._closed = False
        self.commits = 0
        self.error: BaseException | None = None  # the last write failure, if any
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chatgui-history-writer", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self.error is not None:
            raise self.error

    def submit(self, rows: Sequence[WriterItem]) -> None:
        """Queue ``rows`` (or receipts for rows submitted before) for the next commit; returns at once.

        Thread-safe. A receipt is applied after every row submitted before it.

        Args:
            rows: The rows, in the order they were shown.
        """
        if not rows or self._closed:
            return
        self._queue.extend(rows)
        with self._cond:
            self._last_rows = time.monotonic()
            self._submitted += len(rows)
            self._cond.notify()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted so far is committed.

        Args:
            timeout: The longest wait, in seconds.

        Returns:
            True when it was committed within ``timeout``.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            target = self._submitted
            self._hurry = True
            self._cond.notify_all()
            while self._committed < target:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._thread.is_alive():
                    return self._committed >= target
                self._cond.wait(remaining)
        return True

    def close(self, timeout: float = 10.0) -> None:
        """Commit what is queued and stop the thread (idempotent).

        Args:
            timeout: The longest wait for the last commit.
        """
        if self._closed:
            return
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        self._closed = True

    @property
    def running(self) -> bool:
        """Whether the writer thread is alive."""
        return self._thread.is_alive()

    def _take_all(self) -> list[WriterItem]:
        batch: list[WriterItem] = []
        queue = self._queue
        while True:
            try:
                batch.append(queue.popleft())
            except IndexError:
                return batch

    def _run(self) -> None:
        try:
            db = HistoryDB(self.path)
        except BaseException as exc:  # the caller's constructor re-raises it
            self.error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            self._loop(db)
        finally:
            db.close()

    def _loop(self, db: HistoryDB) -> None:
        last_commit = 0.0
        index = self._index
        while True:
            with self._cond:
                while not self._queue and not self._closing:
                    wait = index.wait_before(time.monotonic(), self._last_rows)
                    if wait is not None and wait <= 0:
                        break
                    self._cond.wait(wait)
                closing = self._closing
                idle = not self._queue
            if idle and not closing:
                index.work(db.index_step, db.index_backlog, db.index_lagging)
                continue
            if not closing:
                # Let rows gather: at most one commit per interval, however fast they come.
                wait = last_commit + self.interval - time.monotonic()
                if wait > 0:
                    with self._cond:
                        self._cond.wait_for(lambda: self._closing or self._hurry, wait)
            with self._cond:
                self._hurry = False
            batch = self._take_all()
            last_commit = time.monotonic()
            if batch:
                self._write(db, batch)
            if closing and not self._queue:
                return

    def _write(self, db: HistoryDB, batch: Iterable[WriterItem]) -> None:
        items = list(batch)
        rows: list[RowValues] = []
        receipts: list[ReceiptUpdate] = []
        for item in items:
            if isinstance(item, tuple):
                rows.append(item)
            elif isinstance(item, HistoryRow):
                rows.append(row_values(item))
            else:
                receipts.append(item)
        try:
            # Rows go in before receipts, so a receipt in the same batch as its row finds it.
            db.append_values(rows, receipts)
        except Exception as exc:  # a full disk, a locked file ...: drop this batch, keep going
            self.error = exc
        else:
            self.commits += 1
            if rows:
                self._index.rows_written()
            if self._on_commit is not None:
                self._on_commit(len(rows))
        with self._cond:
            self._committed += len(items)
            self._cond.notify_all()
