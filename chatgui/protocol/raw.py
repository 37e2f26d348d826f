"""Raw mode: text as bytes in a chosen encoding and line ending, no JSON.

This is how chatgui talks to ``nc``, ``socat`` and tutorial ``socket`` scripts as an equal.
"""

from __future__ import annotations

from chatgui.protocol.errors import NotEncodable, TextTooLong
from chatgui.protocol.frames import MAX_TEXT_BYTES

ENCODINGS: tuple[str, ...] = ("utf-8", "gbk", "gb18030", "big5")
LINE_ENDINGS: dict[str, str] = {"none": "", "lf": "\n", "crlf": "\r\n"}


def _line_ending(line_ending: str) -> str:
    """Accept either a name from ``LINE_ENDINGS`` or the ending itself."""
    if line_ending in LINE_ENDINGS:
        return LINE_ENDINGS[line_ending]
    if line_ending in LINE_ENDINGS.values():
        return line_ending
    raise ValueError(f"unknown line ending {line_ending!r}")


def encode_raw(text: str, encoding: str, line_ending: str) -> bytes:
    r"""Encode raw text exactly as typed, plus a line ending.

    Args:
        text: The text to send.
        encoding: A Python codec name, e.g. one of ``ENCODINGS``.
        line_ending: A key of ``LINE_ENDINGS`` ("none", "lf", "crlf") or the ending
            itself ("", "\n", "\r\n").

    Returns:
        The bytes to send.

    Raises:
        NotEncodable: If ``encoding`` cannot write some character of ``text``.
        TextTooLong: If the encoded text (without its ending) is over ``MAX_TEXT_BYTES``.
        ValueError: If ``line_ending`` is none of the above.
        LookupError: If ``encoding`` is not a codec Python knows.
    """
    ending = _line_ending(line_ending)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise NotEncodable(encoding) from exc
    if len(data) > MAX_TEXT_BYTES:
        raise TextTooLong(len(data), MAX_TEXT_BYTES)
    return data + ending.encode(encoding)


def decode_raw(data: bytes, encoding: str) -> str:
    """Decode received raw bytes; invalid bytes become U+FFFD, nothing is dropped.

    Args:
        data: The bytes as received.
        encoding: A Python codec name, e.g. one of ``ENCODINGS``.

    Returns:
        The text.
    """
    return data.decode(encoding, "replace")
