"""Bounds every string field is checked against on receipt, shared by every frame family.

A field over its bound raises ``OverBound`` inside a frame builder; ``frames.frame_from_object``
turns it into a ``BadFrame`` (the sender is told and, on TCP, disconnected).
"""

from __future__ import annotations

MAX_NICK_BYTES = 256
MAX_PEER_BYTES = 64


def utf8_size(text: str, limit: int) -> int:
    """``text``'s size in UTF-8 bytes, measured only when it may be over ``limit`` (else its length)."""
    if len(text) * 4 <= limit:
        return len(text)  # at most 4 bytes a character: cannot be over
    # surrogatepass: a lone surrogate is measured (as 3 bytes) rather than crashing here.
    return len(text.encode("utf-8", "surrogatepass"))


class OverBound(Exception):
    """A field is over its bound (raised inside a frame builder, turned into ``BadFrame``)."""

    def __init__(self, name: str, size: int, limit: int) -> None:
        super().__init__(name)
        self.name, self.size, self.limit = name, size, limit


def bounded(value: str, name: str, limit: int) -> str:
    """``value`` if it is at most ``limit`` UTF-8 bytes.

    Raises:
        OverBound: it is longer.
    """
    size = utf8_size(value, limit)
    if size > limit:
        raise OverBound(name, size, limit)
    return value
