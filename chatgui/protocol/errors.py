"""The two errors of the protocol core (one promise: the decoder raises nothing else).

The structured subclasses carry the facts a user's sentence needs (sizes, limits,
encodings), so the layers above never parse an exception message.
"""

from __future__ import annotations


class ProtocolError(Exception):
    """Base of both protocol errors."""


class LocalProtocolError(ProtocolError):
    """We tried to send something illegal (too large, not encodable)."""


class RemoteProtocolError(ProtocolError):
    """The peer sent something we refuse (a line over the limit)."""


class TextTooLong(LocalProtocolError):
    """A chat text is longer than the limit, in encoded bytes.

    Attributes:
        size: The text's size in bytes.
        limit: The largest size allowed.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"text of {size} bytes is over the limit of {limit} bytes")
        self.size = size
        self.limit = limit


class DatagramTooLarge(LocalProtocolError):
    """An encoded frame does not fit in one UDP datagram.

    Attributes:
        size: The datagram's size in bytes.
        limit: The largest payload allowed.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"datagram of {size} bytes is over the limit of {limit} bytes")
        self.size = size
        self.limit = limit


class NotEncodable(LocalProtocolError):
    """Raw text holds characters the chosen encoding cannot write (e.g. emoji in GBK).

    Attributes:
        encoding: The encoding that was asked for.
    """

    def __init__(self, encoding: str) -> None:
        super().__init__(f"text cannot be written in {encoding}")
        self.encoding = encoding


class LineTooLong(RemoteProtocolError):
    """The peer sent more than ``limit`` bytes without a line ending.

    Attributes:
        limit: The longest line allowed, in bytes.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(f"line longer than {limit} bytes")
        self.limit = limit
