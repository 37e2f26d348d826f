"""What the Lab widget needs from ``chatgui.lab.bridge.LabController`` (tests pass a fake)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import SignalInstance

from chatgui.lab.model import Conditions, Workload
from chatgui.lab.picture_wire import Picture


class LabControllerLike(Protocol):
    """The lab's GUI-thread facade: commands in, results out as signals."""

    @property
    def progress(self) -> SignalInstance:
        """Emits a ``LabResult`` with unfinished parts, at most about ten times a second."""

    @property
    def finished(self) -> SignalInstance:
        """Emits the final ``LabResult``."""

    @property
    def failed(self) -> SignalInstance:
        """Emits a translated sentence saying what went wrong."""

    @property
    def cancelled(self) -> SignalInstance:
        """Emits once a cancelled run has stopped (nothing else follows)."""

    @property
    def boundaries_ready(self) -> SignalInstance:
        """Emits a ``list[IoCall]`` after ``run_boundaries``."""

    @property
    def lifecycle_ready(self) -> SignalInstance:
        """Emits a ``list[LifecycleStep]`` after ``run_lifecycle`` or ``run_nobody_listens``."""

    @property
    def picture_progress(self) -> SignalInstance:
        """Emits a live ``PictureResult`` after ``run_picture``."""

    @property
    def picture_finished(self) -> SignalInstance:
        """Emits the final ``PictureResult`` of ``run_picture``."""

    def run_picture(self, picture: Picture, conditions: Conditions, rate: float = ...) -> None:
        """Send ``picture`` over TCP and UDP on this computer under ``conditions``."""

    def run(self, workload: Workload, conditions: Conditions, peer: str = "") -> None:
        """Start a run over TCP and UDP at once."""

    def cancel(self) -> None:
        """Stop the run; a final result follows."""

    def run_boundaries(
        self, messages: Sequence[bytes], protocol: str, *, recv_size: int = ..., as_they_arrive: bool = ...
    ) -> None:
        """Write ``messages`` quickly over ``protocol`` and record every send and recv."""

    def run_lifecycle(self) -> None:
        """Record a TCP connect/send/close and a UDP send."""

    def run_nobody_listens(self) -> None:
        """Send to a port where nobody listens, over TCP and UDP."""

    def answer(self, enabled: bool, port: int = ...) -> tuple[int, str]:
        """Answer lab runs from other computers (or stop); the port, or 0 and a sentence."""
