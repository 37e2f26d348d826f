"""The one bridge between the window (or the CLI) and the socket worker; the only Qt in ``net/``.

``Backend`` lives in the GUI thread. Its worker is a parentless QObject moved into a
QThread; the worker's ``run`` sits in the selectors loop (not a Qt event loop), so
commands reach it through ``Loop.submit_threadsafe`` and events come back through a
lock-free hand-off: the worker appends to a ``deque`` and emits a payload-less ``wake``
only when no drain is pending; the facade's slot drains everything at once and emits
one ``events_received(list)`` per drain. Batches size themselves with the load
(DESIGN.md, "Measured facts").
"""

from __future__ import annotations

import gc
import sys
import time
import traceback
from collections import deque
from functools import partial

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from chatgui.events import (
    Event,
    Problem,
    ProblemOccurred,
    SessionConfig,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.net.check import Check
from chatgui.net.loop import Loop
from chatgui.net.session import Session
from chatgui.net.stream import LINGER_SECONDS
from chatgui.tracing import traced

MAX_QUEUED_EVENTS = 32_768
"""Past this many undelivered events the worker stops reading sockets until the GUI drains
(TCP then slows the sender; UDP waits in its backlog, then in the kernel) instead of growing
without limit. Measured: 200,000 held ~60 MB of events at the peak of a TCP flood, for no gain
in rate (the GUI sets the pace once it is behind)."""

MAX_BATCH = 1024
"""The most events one ``events_received`` carries; under a flood the GUI gets them in
slices of at most this size with the event loop running in between (lateness stays low). Measured
with history on: 4,096 held the GUI 45-57 ms p99 under a flood, 1,024 31-45 ms, at the same rate."""

MIN_BATCH = 128
"""The fewest events a full slice carries however slow the GUI is (each slice costs a signal,
a model insertion and a layout: smaller ones would spend the GUI's time on the slicing)."""

BATCH_BUDGET_S = 0.004
"""How long one slice may keep the GUI thread busy, waits for the GIL included. A slice that
took longer halves the next one; one that took under half of it doubles the next (up to
``MAX_BATCH``). Measured on 2 cores with history on: the GUI thread's own work is 4-5 ms for
1,024 messages, but waiting for the GIL the worker holds stretched a slice to 20-30 ms.
Under a 200,000-message TCP flood (medians of 5) the window's timer was late by p99 27.9 ms
with an 8 ms budget, 22.3 ms with 4 ms at the same rate; 2 ms let single ticks run 78 ms late."""


def next_batch(current: int, delivered: int, elapsed: float) -> int:
    """The size of the next full slice after ``delivered`` events took ``elapsed`` seconds.

    Only a full slice (``delivered == current``) says anything about the pace: a short one
    is all there was.
    """
    if delivered < current:
        return current
    if elapsed > BATCH_BUDGET_S:
        return max(MIN_BATCH, current // 2)
    if elapsed < BATCH_BUDGET_S / 2:
        return min(MAX_BATCH, current * 2)
    return current


COLLECTOR_THRESHOLDS = (50_000, 20, 100)
"""Python's cyclic collector under a flood: the default (700, 10, 10) collected every ~700 new
objects and, as a flood's queues grew, walked every live object while holding the GIL (pauses
of 40-160 ms measured between two reads of a flooded UDP socket: its buffer overflowed)."""

_threads: set[QThread] = set()


def tune_collector() -> None:
    """Keep garbage-collection pauses short under a flood (the app calls this once at start).

    Everything alive now (modules, Qt's wrappers) is frozen out of every later collection,
    and collections come after ``COLLECTOR_THRESHOLDS[0]`` new objects instead of 700, so a
    message costs no share of a walk over the whole heap. Nothing is left uncollected: the
    thresholds only space the collections out.
    """
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def live_worker_threads() -> int:
    """How many backend worker threads are running (the test suite's leak check)."""
    return sum(1 for thread in list(_threads) if thread.isRunning())


class _Channel:
    """Events on their way to the GUI thread, and whether a drain is already on its way."""

    __slots__ = ("drain_pending", "events")

    def __init__(self) -> None:
        self.events: deque[Event] = deque()
        self.drain_pending = False


class _Worker(QObject):
    """Runs the loop and the session in the worker thread."""

    wake = Signal()
    finished = Signal()

    def __init__(self, channel: _Channel) -> None:
        super().__init__()  # parentless: it is moved into the thread
        self.channel = channel
        self.loop = Loop()
        self.loop.on_callback_error = self._on_callback_error
        self.loop.after_iteration = self.flush
        self.session = Session(self.loop, self.emit_event)
        self.checks: set[Check] = set()

    def check(self, mode: str, host: str, port: int) -> None:
        """Start a reachability check beside the session (loop thread)."""
        check = Check(self.loop, self.emit_event, mode, host, port, self.checks.discard)
        self.checks.add(check)
        check.start()

    def cancel_checks(self) -> None:
        """Drop every running check without a result (the worker is shutting down)."""
        for check in list(self.checks):
            check.cancel()

    def emit_event(self, event: Event) -> None:
        """Queue ``event`` for the GUI (``flush`` wakes it at the end of the loop round)."""
        channel = self.channel
        events = channel.events
        events.append(event)
        if len(events) > MAX_QUEUED_EVENTS and not self.loop.reading_paused:
            self.loop.pause_reading()

    def flush(self) -> None:
        """Wake the GUI once per loop round, not per event, so a round's events travel together."""
        channel = self.channel
        if channel.events and not channel.drain_pending:
            channel.drain_pending = True
            self.wake.emit()

    @Slot()
    @traced  # Qt starts this thread: without it coverage never sees the worker (chatgui/tracing.py)
    def run(self) -> None:
        """Serve the loop until it is stopped (the thread's ``started`` runs this)."""
        try:
            self.loop.run()
        finally:
            self.finished.emit()

    def _on_callback_error(self, exc: Exception) -> None:
        """A bug in an endpoint: show it on stderr, tell the user, end the session, keep the thread."""
        traceback.print_exception(exc, file=sys.stderr)
        detail = f"{type(exc).__name__}: {exc}"
        self.emit_event(ProblemOccurred(Problem.OS_ERROR, Severity.ERROR, detail=detail, fatal=True))
        if self.session.state is not SessionState.IDLE:
            self.session.end(by_user=False)


class Backend(QObject):
    """The GUI-thread facade of the socket worker: commands in, batched events out.

    Signals:
        events_received(list): the events of one drain, in order (never one emit per message).
        state_changed(SessionState): emitted after a batch that contained a ``StateChanged``.
    """

    events_received = Signal(object)  # a list; "object" skips a per-event conversion to a Qt value
    state_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channel = _Channel()
        self._worker: _Worker | None = None
        self._thread: QThread | None = None
        self._state = SessionState.IDLE
        self._batch = MAX_BATCH  # the next full slice's size (``next_batch``)

    @property
    def state(self) -> SessionState:
        """The session state as of the last delivered batch."""
        return self._state

    # -- commands (return at once; results come back as events) ----------------------

    def start(self, config: SessionConfig) -> None:
        """Start a session for ``config`` (a running one is stopped first)."""
        worker = self._ensure_worker()
        worker.loop.submit_threadsafe(partial(worker.session.start, config))

    def stop(self) -> None:
        """End the session; ``SessionEnded(by_user=True)`` and ``StateChanged(IDLE)`` follow."""
        worker = self._worker
        if worker is not None:
            worker.loop.submit_threadsafe(worker.session.stop)

    def send(self, text: str) -> None:
        """Send chat text; ``ChatSent`` or ``ProblemOccurred`` follows (thread-safe)."""
        worker = self._worker
        if worker is None:
            self._channel.events.append(ProblemOccurred(Problem.NOT_CONNECTED, Severity.WARNING))
            QTimer.singleShot(0, self.on_wake)
            return
        worker.loop.submit_threadsafe(partial(worker.session.send, text))

    def check(self, mode: str, host: str, port: int) -> None:
        """Check whether ``host``:``port`` can be reached; a ``CheckFinished`` event follows.

        Runs beside any session (or none) without disturbing it, and never blocks: the
        name is resolved off the GUI thread, TCP connects time out after 3 s per address,
        a UDP probe waits 2 s for a chatgui peer's answer.

        Args:
            mode: "tcp" (try to connect) or "udp" (send a chatgui ``ping``, wait for ``pong``).
            host: A name or an address literal.
            port: The port to check.
        """
        worker = self._ensure_worker()
        worker.loop.submit_threadsafe(partial(worker.check, mode, host, port))

    def set_encoding(self, encoding: str) -> None:
        """Decode and encode raw text with ``encoding`` from now on (running session)."""
        worker = self._worker
        if worker is not None:
            worker.loop.submit_threadsafe(partial(worker.session.set_encoding, encoding))

    def set_raw(self, raw: bool, line_ending: str) -> None:
        """Switch raw mode and its line ending for the running session."""
        worker = self._worker
        if worker is not None:
            worker.loop.submit_threadsafe(partial(worker.session.set_raw, raw, line_ending))

    # -- files (issue 15): results come back as FileOffered, TransferProgress, TransferFinished

    def offer_file(self, path: str, thumb: bytes = b"") -> None:
        """Offer the file at ``path`` to the room (hashed off the GUI thread and the loop first).

        ``thumb``: a PNG or JPEG of at most 9,216 bytes shown with the offer (b"" = none).
        ``FileOffered(own=True)`` follows, or a ``ProblemOccurred`` saying why not.
        """
        self._file_command("offer_file", path, thumb)

    def withdraw_offer(self, offer_id: str) -> None:
        """Withdraw our offer ``offer_id``: ``FileWithdrawn`` follows; running sends are cut."""
        self._file_command("withdraw_offer", offer_id)

    def fetch_file(self, offer_id: str, folder: str, name: str = "") -> None:
        """Receive offer ``offer_id`` into ``folder`` (``name`` "" = the offer's cleaned name)."""
        self._file_command("fetch_file", offer_id, folder, name)

    def cancel_transfer(self, offer_id: str, peer: str = "") -> None:
        """Cancel our fetch of ``offer_id``, or (our offer, ``peer`` given) stop sending to ``peer``."""
        self._file_command("cancel_transfer", offer_id, peer)

    def _file_command(self, name: str, *args: str | bytes) -> None:
        worker = self._worker
        if worker is None:
            self._channel.events.append(ProblemOccurred(Problem.NOT_CONNECTED, Severity.WARNING))
            QTimer.singleShot(0, self.on_wake)
            return
        worker.loop.submit_threadsafe(partial(getattr(worker.session, name), *args))

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop the session and the worker thread, and wait for it (idempotent).

        The events of the ending session are delivered before this returns.

        Returns:
            True if the thread is stopped (False: it did not stop within ``timeout_ms``).
        """
        worker, thread = self._worker, self._thread
        if worker is None or thread is None:
            return True
        self._worker = self._thread = None
        loop = worker.loop
        loop.submit_threadsafe(worker.session.stop)
        loop.submit_threadsafe(worker.cancel_checks)
        loop.submit_threadsafe(partial(loop.stop_when_quiet, LINGER_SECONDS))
        thread.quit()
        stopped = bool(thread.wait(timeout_ms))
        if stopped:
            _threads.discard(thread)
        else:
            self._worker, self._thread = worker, thread  # a later shutdown may try again
        self.on_wake()
        while self._channel.events:  # more than one batch: every event is delivered before returning
            self.on_wake()
        return stopped

    # -- worker → GUI ----------------------------------------------------------------

    @Slot()
    def on_wake(self) -> None:
        """Deliver what the worker queued, as one slice of at most ``MAX_BATCH`` events.

        When more is queued, the rest follows from a zero-timer, so timers, input and
        painting get their turn between slices instead of waiting for one huge batch. The
        slice shrinks while the GUI is slow to get through one (``next_batch``).
        """
        started = time.perf_counter()
        channel = self._channel
        events = channel.events
        size = min(self._batch, MAX_BATCH)
        if len(events) > size:
            count = size  # drain_pending stays set: the worker need not wake us again
            QTimer.singleShot(0, self.on_wake)
        else:
            channel.drain_pending = False  # before counting: an event queued from now on wakes us again
            count = len(events)
        if not count:
            return
        popleft = events.popleft
        batch = [popleft() for _ in range(count)]
        self.events_received.emit(batch)
        for event in batch:
            if type(event) is StateChanged:
                self._state = event.state
                self.state_changed.emit(event.state)
        self._batch = next_batch(size, count, time.perf_counter() - started)
        worker = self._worker
        if worker is not None and worker.loop.reading_paused:
            worker.loop.submit_threadsafe(worker.loop.resume_reading)

    def _ensure_worker(self) -> _Worker:
        if self._worker is not None:
            return self._worker
        thread = QThread()
        thread.setObjectName("chatgui-worker")
        worker = _Worker(self._channel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(thread.quit)
        worker.finished.connect(worker.deleteLater)
        worker.wake.connect(self.on_wake)
        self._worker, self._thread = worker, thread
        _threads.add(thread)
        thread.start()
        return worker
