"""UDP framing: one datagram is one frame, or raw text."""

from __future__ import annotations

from chatgui.protocol.errors import DatagramTooLarge
from chatgui.protocol.frames import (
    MAX_UDP_PAYLOAD_V4,
    Frame,
    RawText,
    Received,
    encode_frame,
    parse_frame,
)
from chatgui.protocol.raw import decode_raw


def decode_datagram(data: bytes, encoding: str) -> Received:
    r"""Read one received datagram. Never raises on any bytes.

    Args:
        data: The datagram's bytes.
        encoding: How raw text is decoded (frames are always UTF-8).

    Returns:
        The frame, ``IgnoredFrame``, or ``RawText`` whose text has one trailing ``\n`` or
        ``\r\n`` stripped for display (its ``data`` keeps the exact bytes).
    """
    frame = parse_frame(data)
    if frame is not None:
        return frame
    shown = data
    if shown.endswith(b"\n"):
        shown = shown[:-2] if shown.endswith(b"\r\n") else shown[:-1]
    return RawText(decode_raw(shown, encoding), data)


def encode_datagram(frame: Frame, limit: int = MAX_UDP_PAYLOAD_V4) -> bytes:
    """Encode a frame as one datagram's payload.

    Args:
        frame: The frame to send.
        limit: The largest payload allowed (``MAX_UDP_PAYLOAD_V6`` on IPv6).

    Returns:
        The payload.

    Raises:
        TextTooLong: If ``frame`` is a ``Msg`` whose text is over the limit.
        DatagramTooLarge: If the encoded frame is over ``limit`` bytes.
    """
    data = encode_frame(frame)
    if len(data) > limit:
        raise DatagramTooLarge(len(data), limit)
    return data
