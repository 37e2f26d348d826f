"""What the window needs to send and receive files: the backend's four transfer commands.

``chatgui.net.backend.Backend`` satisfies it once its file commands are in (issue 15); the
window takes any object that does, so tests pass a fake that records the commands. Every
command returns at once; its results come back as ``FileOffered``, ``FileWithdrawn``,
``TransferProgress``, ``TransferFinished`` or ``ProblemOccurred`` events in the backend's
batches.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class TransfersLike(Protocol):
    """The backend's file commands (wire contract: issue 15, wave 2)."""

    def offer_file(self, path: str, thumb: bytes = b"") -> None:
        """Offer the file at ``path`` to the room, with a small picture (PNG/JPEG ≤ 9,216 bytes)."""

    def withdraw_offer(self, offer_id: str) -> None:
        """Withdraw our offer ``offer_id``: the room is told, running sends are closed."""

    def fetch_file(self, offer_id: str, folder: str, name: str = "") -> None:
        """Receive the offer ``offer_id`` into ``folder`` (``name`` "": the offer's cleaned name)."""

    def cancel_transfer(self, offer_id: str, peer: str = "") -> None:
        """Cancel our fetch of ``offer_id``, or (our offer, ``peer`` given) stop sending to ``peer``."""
