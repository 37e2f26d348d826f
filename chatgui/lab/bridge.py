"""The lab's Qt facade for the window: runs and demonstrations off the GUI thread, results as signals.

The engine calls back in its own threads; those callbacks only emit this object's private
signals, which Qt queues into the GUI thread (this object lives there) and the ``@Slot``
methods re-emit as the public ones. Progress hands over the latest result only: if the
GUI is behind, older live results are skipped rather than queued up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from chatgui.lab import demos
from chatgui.lab.engine import LabRun
from chatgui.lab.model import Conditions, LabResult, Workload
from chatgui.lab.peer import DEFAULT_LAB_PORT, LabPeer
from chatgui.lab.picture import PictureResult, PictureRun
from chatgui.lab.picture_wire import Picture
from chatgui.os_errors import os_error_words


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabController", text)


def failure_sentence(error: Exception, peer: str) -> str:
    """A user's sentence for why a run could not go on."""
    if isinstance(error, ValueError):
        sentence = _tr("The lab settings are not valid ({detail}): check the peer address and the numbers.")
        return sentence.format(detail=error)
    if isinstance(error, ConnectionRefusedError):
        return _tr("Nobody answers lab traffic at {peer}: start 'lab-peer' there, or check the port.").format(
            peer=peer
        )
    if isinstance(error, TimeoutError):
        return _tr("{peer} did not answer in time: check the address and the firewall.").format(peer=peer)
    return _tr("The lab could not run: {reason}.").format(reason=_reason(error))


def _reason(error: Exception) -> str:
    """The OS's number in the user's words (its English ``strerror`` never reaches the window)."""
    code = error.errno if isinstance(error, OSError) else None
    if isinstance(code, int):
        return os_error_words(code)
    return type(error).__name__


class LabController(QObject):
    """GUI-thread facade of the lab engine (create it in the GUI thread).

    Signals:
        progress: a live ``LabResult`` (parts with ``done=False``), at most ~10 per second.
        finished: the final ``LabResult``.
        failed: a translated sentence.
        cancelled: the run was cancelled (nothing else follows).
        boundaries_ready: ``list[IoCall]`` from ``run_boundaries``.
        lifecycle_ready: ``list[LifecycleStep]`` from ``run_lifecycle``/``run_nobody_listens``.
        picture_progress: a live ``PictureResult`` from ``run_picture``, latest only.
        picture_finished: the final ``PictureResult`` (a failure comes as ``failed``).
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    boundaries_ready = Signal(object)
    lifecycle_ready = Signal(object)
    picture_progress = Signal(object)
    picture_finished = Signal(object)

    _progress_waiting = Signal()
    _finished_in_worker = Signal(object)
    _failed_in_worker = Signal(str)
    _boundaries_in_worker = Signal(object)
    _lifecycle_in_worker = Signal(object)
    _picture_progress_in_worker = Signal(object)
    _picture_finished_in_worker = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run: LabRun | None = None
        self._peer: LabPeer | None = None
        self._latest: LabResult | None = None
        self._progress_pending = False
        self._lock = threading.Lock()
        self._demos: list[threading.Thread] = []
        self._picture: PictureRun | None = None
        self._picture_latest: PictureResult | None = None
        self._progress_waiting.connect(self._on_progress_waiting)
        self._finished_in_worker.connect(self._on_finished)
        self._failed_in_worker.connect(self._on_failed)
        self._boundaries_in_worker.connect(self._on_boundaries)
        self._lifecycle_in_worker.connect(self._on_lifecycle)
        self._picture_progress_in_worker.connect(self._on_picture_progress)
        self._picture_finished_in_worker.connect(self._on_picture_finished)

    @property
    def running(self) -> bool:
        """Whether a run is going on."""
        return self._run is not None and self._run.running

    def run(self, workload: Workload, conditions: Conditions, peer: str = "") -> None:
        """Start a run (a run still going on is cancelled first)."""
        self._stop_run()
        try:
            run = LabRun(
                workload,
                conditions,
                peer,
                on_progress=self._progress_from_worker,
                on_finished=self._finished_in_worker.emit,
                on_failed=self._failed_from_worker,
            )
        except ValueError as exc:
            self.failed.emit(failure_sentence(exc, peer))
            return
        self._run = run
        run.start()

    def cancel(self) -> None:
        """Stop the current run, if any; ``cancelled`` follows."""
        if self._run is not None and self._run.running:
            self._stop_run()
            self.cancelled.emit()

    def run_boundaries(
        self,
        messages: Sequence[bytes],
        protocol: str,
        *,
        recv_size: int = demos.RECV_SIZE,
        as_they_arrive: bool = False,
    ) -> None:
        """Record ``messages`` written quickly over ``protocol``; ``boundaries_ready`` follows.

        ``recv_size`` and ``as_they_arrive`` say how the TCP receiver reads (see
        ``demos.run_boundaries``).
        """
        items = [bytes(m) for m in messages]

        def work() -> None:
            calls = demos.run_boundaries(items, protocol, recv_size=recv_size, as_they_arrive=as_they_arrive)
            self._boundaries_in_worker.emit(calls)

        self._demo(work)

    def run_lifecycle(self) -> None:
        """Record a TCP and a UDP exchange; ``lifecycle_ready`` follows."""
        self._demo(lambda: self._lifecycle_in_worker.emit(demos.run_lifecycle()))

    def run_nobody_listens(self) -> None:
        """Record TCP and UDP sending to a closed port; ``lifecycle_ready`` follows."""
        self._demo(lambda: self._lifecycle_in_worker.emit(demos.run_nobody_listens()))

    def run_picture(self, picture: Picture, conditions: Conditions, rate: float = 1000.0) -> None:
        """Send ``picture`` over TCP and UDP on this computer; ``picture_finished`` or ``failed`` follows.

        A picture run still going on is stopped first (nothing more comes from it).
        """
        self._stop_picture()
        run = PictureRun(
            picture,
            conditions,
            max(0.0, rate),
            on_progress=self._picture_progress_from_worker,
            on_finished=self._picture_finished_in_worker.emit,
            on_failed=lambda exc: self._failed_in_worker.emit(failure_sentence(exc, "")),
        )
        self._picture = run
        run.start()

    def answer(self, enabled: bool, port: int = DEFAULT_LAB_PORT) -> tuple[int, str]:
        """Answer (or stop answering) lab runs from other computers on ``port``, TCP and UDP.

        Returns:
            The port answering (0 when off) and "" — or 0 and a sentence saying why not.
        """
        if not enabled:
            peer, self._peer = self._peer, None
            if peer is not None:
                peer.stop()
            return 0, ""
        if self._peer is not None:
            return self._peer.address[1], ""
        try:
            peer = LabPeer("0.0.0.0", port)
        except OSError as exc:
            return 0, _tr("Cannot answer lab runs on port {port}: {reason}.").format(
                port=port, reason=_reason(exc)
            )
        peer.start()
        self._peer = peer
        return peer.address[1], ""

    def shutdown(self) -> None:
        """Stop everything and wait for every thread (blocking, idempotent)."""
        self.answer(False)
        self._stop_run()
        self._stop_picture()
        for thread in self._demos:
            thread.join()
        self._demos.clear()

    def _stop_run(self) -> None:
        run, self._run = self._run, None
        if run is not None:
            run.cancel()
            run.wait()

    def _stop_picture(self) -> None:
        run, self._picture = self._picture, None
        if run is not None:
            run.cancel()
            run.wait()

    def _demo(self, work: Callable[[], None]) -> None:
        def guarded() -> None:
            try:
                work()
            except OSError as exc:
                self._failed_in_worker.emit(failure_sentence(exc, ""))

        self._demos = [t for t in self._demos if t.is_alive()]
        thread = threading.Thread(target=guarded, name="lab-demo", daemon=True)
        self._demos.append(thread)
        thread.start()

    # Engine threads: only emit (Qt queues the call into the GUI thread).
    def _progress_from_worker(self, result: LabResult) -> None:
        with self._lock:
            self._latest = result
            if self._progress_pending:
                return
            self._progress_pending = True
        self._progress_waiting.emit()

    def _picture_progress_from_worker(self, result: PictureResult) -> None:
        with self._lock:
            pending = self._picture_latest is not None
            self._picture_latest = result
        if not pending:
            self._picture_progress_in_worker.emit(None)

    def _failed_from_worker(self, error: Exception) -> None:
        self._failed_in_worker.emit(failure_sentence(error, self._run.peer if self._run else ""))

    @Slot()
    def _on_progress_waiting(self) -> None:
        with self._lock:
            result, self._latest = self._latest, None
            self._progress_pending = False
        if result is not None and self._run is not None:
            self.progress.emit(result)

    @Slot(object)
    def _on_finished(self, result: LabResult) -> None:
        with self._lock:
            self._latest = None
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self.failed.emit(sentence)

    @Slot(object)
    def _on_boundaries(self, calls: object) -> None:
        self.boundaries_ready.emit(calls)

    @Slot(object)
    def _on_lifecycle(self, steps: object) -> None:
        self.lifecycle_ready.emit(steps)

    @Slot(object)
    def _on_picture_progress(self, _: object) -> None:
        with self._lock:
            result, self._picture_latest = self._picture_latest, None
        if result is not None and self._picture is not None and self._picture.running:
            self.picture_progress.emit(result)

    @Slot(object)
    def _on_picture_finished(self, result: PictureResult) -> None:
        with self._lock:
            self._picture_latest = None
        self.picture_finished.emit(result)
