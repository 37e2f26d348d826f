"""The two errors of the protocol core (one promise: the decoder raises nothing else)."""


class ProtocolError(Exception):
    """Base of both protocol errors."""


class LocalProtocolError(ProtocolError):
    """We tried to send something illegal (too large, not encodable)."""


class RemoteProtocolError(ProtocolError):
    """The peer sent something we refuse (a line over the limit)."""
