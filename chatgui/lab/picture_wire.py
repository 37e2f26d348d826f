"""The picture lab's blocks: a picture's RGB rows cut into bands, one band per datagram (pure).

A picture travels as its decoded pixels, not as a PNG: a lost block of a PNG breaks the whole
file, a lost band of pixels is a grey stripe and the rest of the picture still reads. Each
block is a 14-byte header (``PIC1``, the run, the block's index, the number of blocks, the
payload's length, big-endian) and ``rows_per_block`` rows of 3 bytes per pixel, so a block
fits one datagram of at most ``MAX_DATAGRAM`` bytes. TCP carries the same blocks back to back.
No socket, thread or Qt here.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"PIC1"
HEADER = struct.Struct(">4sIHHH")
MAX_DATAGRAM = 1200  # fits any path's MTU: one block is never fragmented
MAX_PAYLOAD = MAX_DATAGRAM - HEADER.size
BYTES_PER_PIXEL = 3
MAX_WIDTH = MAX_PAYLOAD // BYTES_PER_PIXEL  # one row must fit one datagram
MAX_HEIGHT = 600
MAX_BLOCKS = 65535  # the header's index is 16 bits


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture's decoded pixels, ready to cut into blocks.

    Attributes:
        width: pixels across, 1..``MAX_WIDTH``.
        height: rows, 1..``MAX_HEIGHT``.
        pixels: ``width * height * 3`` bytes, RGB, row after row, no padding.
        name: what to call it in a caption ("built-in drawing" or the file's name).
    """

    width: int
    height: int
    pixels: bytes
    name: str = ""

    def __post_init__(self) -> None:
        if not (1 <= self.width <= MAX_WIDTH and 1 <= self.height <= MAX_HEIGHT):
            raise ValueError(f"picture {self.width}×{self.height} outside 1..{MAX_WIDTH}×1..{MAX_HEIGHT}")
        if len(self.pixels) != self.width * self.height * BYTES_PER_PIXEL:
            raise ValueError(f"{len(self.pixels)} bytes of pixels for {self.width}×{self.height}")

    @property
    def row_bytes(self) -> int:
        """Bytes per row of pixels."""
        return self.width * BYTES_PER_PIXEL

    @property
    def rows_per_block(self) -> int:
        """Rows of pixels each datagram carries (as many as fit ``MAX_PAYLOAD``)."""
        return max(1, MAX_PAYLOAD // self.row_bytes)

    @property
    def block_count(self) -> int:
        """How many blocks (datagrams) the picture takes."""
        return -(-self.height // self.rows_per_block)

    def block_rows(self, index: int) -> range:
        """The rows block ``index`` carries (the last block may carry fewer)."""
        first = index * self.rows_per_block
        return range(first, min(self.height, first + self.rows_per_block))

    def payload_size(self, index: int) -> int:
        """Bytes of pixels in block ``index``."""
        return len(self.block_rows(index)) * self.row_bytes

    def payload(self, index: int) -> bytes:
        """Block ``index``'s pixels."""
        start = index * self.rows_per_block * self.row_bytes
        return self.pixels[start : start + self.payload_size(index)]


def encode_block(picture: Picture, run: int, index: int) -> bytes:
    """Block ``index`` of ``picture`` for run ``run``: header and pixels, at most ``MAX_DATAGRAM`` bytes."""
    payload = picture.payload(index)
    return HEADER.pack(MAGIC, run, index, picture.block_count, len(payload)) + payload


@dataclass(frozen=True, slots=True)
class Block:
    """A block as received: which one, and its pixels."""

    index: int
    payload: bytes


def parse_header(data: bytes, picture: Picture, run: int) -> tuple[int, int] | None:
    """(index, payload length) of a block header of ``run`` for ``picture``, or None (never raises).

    Anything else — another run, a stranger's bytes, an index or length that does not fit the
    picture — is None: the receiver knows the picture's shape and believes nothing else.
    """
    if len(data) < HEADER.size:
        return None
    magic, got_run, index, count, length = HEADER.unpack_from(data)
    if magic != MAGIC or got_run != run or count != picture.block_count or index >= count:
        return None
    if length != picture.payload_size(index):
        return None
    return index, length


def parse_datagram(data: bytes, picture: Picture, run: int) -> Block | None:
    """A whole block from one datagram, or None for anything that is not exactly one (never raises)."""
    found = parse_header(data, picture, run)
    if found is None or len(data) != HEADER.size + found[1]:
        return None
    return Block(found[0], bytes(data[HEADER.size :]))
