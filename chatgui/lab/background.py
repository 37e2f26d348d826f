"""What every lab run shares: one background thread, a clock, cancel, wait, and its callbacks.

A run is a set of parts (one per protocol), each with its own threads. ``BackgroundRun``
opens the parts in its thread, starts theirs, reports live results at most every
``progress_interval`` seconds until every part is complete, then reports exactly once: the
final result, or the error that stopped it from opening. A cancelled run reports nothing.
Subclasses say how the parts are opened and what a result is. No Qt here.
"""

from __future__ import annotations

import os
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Generic, Protocol, TypedDict, TypeVar, Unpack

from chatgui.lab.model import Conditions


class Part(Protocol):
    """One protocol's share of a run: its threads, when it is over, and its sockets to close."""

    threads: list[threading.Thread]

    def complete(self, now: float, quiet: float) -> bool:
        """Whether this part is over at ``now`` (``quiet``: seconds with nothing arriving)."""
        ...

    def close(self) -> None:
        """Close this part's sockets (its threads have ended)."""
        ...


R = TypeVar("R")
P = TypeVar("P", bound=Part)


class RunOptions(TypedDict, Generic[R], total=False):
    """What every run takes besides its workload: callbacks and timing (all optional).

    Attributes:
        on_progress: live results.
        on_finished: the final result.
        on_failed: why the run could not go on.
        progress_interval: seconds between live results (default 0.1).
        quiet_timeout: seconds with nothing coming back after the last send before the rest
            counts as lost (the one-way delay and jitter are added to it; each run has its
            own default).
    """

    on_progress: Callable[[R], None] | None
    on_finished: Callable[[R], None] | None
    on_failed: Callable[[Exception], None] | None
    progress_interval: float
    quiet_timeout: float


class BackgroundRun(ABC, Generic[R, P]):
    """A run in its own thread; subclasses open the parts (``_open``) and describe them (``_snapshot``).

    Callbacks run in the run's own thread: ``on_progress`` at most every
    ``progress_interval`` seconds with a live result, then exactly one of ``on_finished``
    (the final result) or ``on_failed`` (the exception in ``failures`` that stopped it). A
    cancelled run calls neither.

    Args:
        conditions: the in-app impairment; its delay and jitter lengthen the quiet timeout.
        thread_name: the run thread's name.
        quiet_default: the quiet timeout when ``options`` names none.
        options: callbacks and timing (``RunOptions``).
    """

    failures: tuple[type[Exception], ...] = (OSError,)
    """What ``_open`` may raise that is reported through ``on_failed``."""

    def __init__(
        self, conditions: Conditions, thread_name: str, quiet_default: float, **options: Unpack[RunOptions[R]]
    ) -> None:
        self.conditions = conditions
        self.on_progress = options.get("on_progress")
        self.on_finished = options.get("on_finished")
        self.on_failed = options.get("on_failed")
        self.progress_interval = options.get("progress_interval", 0.1)
        delays = 2 * (conditions.delay_ms + conditions.jitter_ms) / 1000.0
        self.quiet_timeout = options.get("quiet_timeout", quiet_default) + delays
        self.run_id = int.from_bytes(os.urandom(4), "big")
        self.stopping = threading.Event()
        self.result: R | None = None
        self.error: Exception | None = None
        self._cancelled = False
        self._t0 = time.perf_counter()
        self._thread = threading.Thread(target=self._main, name=thread_name, daemon=True)

    def clock(self) -> float:
        """Seconds since the run started."""
        return time.perf_counter() - self._t0

    def start(self) -> None:
        """Start the run in the background."""
        self._thread.start()

    def cancel(self) -> None:
        """Stop the run; no callback follows."""
        self._cancelled = True
        self.stopping.set()

    def wait(self, timeout: float | None = None) -> R | None:
        """Wait for the run's thread to end; the final result, or None (failed, cancelled)."""
        self._thread.join(timeout)
        return self.result

    @property
    def running(self) -> bool:
        """Whether the run's thread is still alive."""
        return self._thread.is_alive()

    # ----------------------------------------------------------------- what subclasses say

    @abstractmethod
    def _open(self) -> dict[str, P]:
        """The run's parts by protocol, sockets open, threads not started yet."""

    @abstractmethod
    def _snapshot(self, parts: dict[str, P], done: bool) -> R:
        """The result so far (``done``: the final one)."""

    def _closed(self) -> None:
        """Every part is closed: release what else the run holds (nothing by default)."""

    # ----------------------------------------------------------------- the run's thread

    def _main(self) -> None:
        try:
            parts = self._open()
        except self.failures as exc:
            self.error = exc
            if self.on_failed is not None and not self._cancelled:
                self.on_failed(exc)
            return
        self._t0 = time.perf_counter()
        final: R | None = None
        try:
            for part in parts.values():
                for thread in part.threads:
                    thread.start()
            next_progress = 0.0
            while not self.stopping.is_set():
                now = self.clock()
                if all(part.complete(now, self.quiet_timeout) for part in parts.values()):
                    break
                if now >= next_progress and self.on_progress is not None:
                    self.on_progress(self._snapshot(parts, done=False))
                    next_progress = now + self.progress_interval
                self.stopping.wait(0.01)
            final = None if self._cancelled else self._snapshot(parts, done=True)
        finally:
            self.stopping.set()
            for part in parts.values():
                for thread in part.threads:
                    if thread.ident is not None:
                        thread.join()
                part.close()
            self._closed()
        if final is not None:
            self.result = final
            if self.on_finished is not None:
                self.on_finished(final)
