r"""TCP framing: a bounded line splitter that turns a byte stream into frames and raw text.

Bytes go in with ``receive_data``; events come out of ``next_event`` until it returns
``NEED_DATA``. Time comes in as ``now`` (any monotonic clock, in seconds), so an
unterminated tail — a tutorial script's ``send(b'hello')`` without ``\n`` — is shown once
the stream has been quiet for ``tail_delay``, and tests control time exactly.
"""

from __future__ import annotations

import codecs
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import orjson

from chatgui.protocol.errors import LineTooLong
from chatgui.protocol.frames import (
    MAX_LINE_BYTES,
    MAX_TEXT_BYTES,
    Frame,
    Msg,
    RawText,
    Received,
    encode_frame,
    fit_text,
    frame_from_object,
    parse_frame,
)


class NeedData(enum.Enum):
    """The type of ``NEED_DATA``: no event until more bytes arrive or time passes.

    A one-member enum, so type checkers narrow ``event is NEED_DATA`` as they would
    ``event is None``.
    """

    NEED_DATA = "NEED_DATA"

    def __repr__(self) -> str:
        return self.value


NEED_DATA: Final = NeedData.NEED_DATA


@dataclass(frozen=True, slots=True)
class Closed:
    """The peer closed the stream and every byte it sent has been handed out."""


LineEvent = Received | Closed | NeedData

# A tail that starts like a JSON object is most likely a chatgui frame whose last segment
# is late (a lost TCP segment costs a 200 ms retransmission); showing half of it as raw
# text would garble a real message, so such a tail waits this many times longer.
FRAME_TAIL_FACTOR = 10.0


def encode_line(frame: Frame) -> bytes:
    r"""Encode a frame as one TCP line: its JSON bytes followed by ``\n``.

    Args:
        frame: The frame to send.

    Returns:
        The line's bytes.

    Raises:
        TextTooLong: If ``frame`` is a ``Msg`` whose text is over the limit.
    """
    return encode_frame(frame) + b"\n"


def truncation_mark(dropped: int) -> str:
    """What ends a text that was cut: `` … [+1,234 bytes]`` (language-neutral: it crosses the wire)."""
    return f" \u2026 [+{dropped:,} bytes]"


def encode_relay(msg: Msg, max_line: int = MAX_LINE_BYTES) -> bytes:
    r"""Encode ``msg`` as one line that every member accepts: text over the limits is cut visibly.

    A host relays raw text (up to a whole 64 KiB line) and members' texts under a nick it
    chose; what it sends must fit both the text limit and the receiving line limit, or the
    members would close their connections. The cut text ends with :func:`truncation_mark`.

    Args:
        msg: The message to relay.
        max_line: The longest line a member accepts, ``\n`` included.

    Returns:
        The line's bytes, at most ``max_line`` (for any ``max_line`` over 1,024).
    """
    limit = MAX_TEXT_BYTES - 32  # room for the mark within the text limit
    kept, dropped = fit_text(msg.text, limit)
    if not dropped:
        line = encode_frame(msg) + b"\n"
        if len(line) <= max_line:
            return line
    total = len(msg.text.encode("utf-8", "surrogatepass"))

    def cut(budget: int) -> bytes:
        part, _ = fit_text(kept, budget)
        mark = truncation_mark(total - len(part.encode("utf-8", "surrogatepass")))
        return encode_frame(Msg(msg.peer, msg.seq, msg.ts, msg.nick, part + mark)) + b"\n"

    line = cut(limit)
    if len(line) <= max_line:
        return line
    # Escapes made it too long (a control character is six bytes of JSON): the longest cut that fits.
    low, high = 0, limit
    best = cut(0)
    while low <= high:
        middle = (low + high) // 2
        candidate = cut(middle)
        if len(candidate) <= max_line:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def parse_frames(payloads: Sequence[bytes]) -> list[Received | None]:
    r"""``[parse_frame(p) for p in payloads]``, in less time: the lines of one TCP read at once.

    Never raises. An ordinary frame is read by orjson straight from its bytes (orjson skips
    the same white space ``parse_frame`` strips, and only a payload that starts with ``{``
    once stripped can be read as a JSON object); anything orjson refuses goes through
    ``parse_frame`` itself, so the answers are the same for any input.

    Args:
        payloads: The bytes as received, one line (without its ``\n``) or datagram each.

    Returns:
        One answer per payload, in order, as ``parse_frame`` gives it.
    """
    frames: list[Received | None] = []
    append, loads, frame, error = frames.append, orjson.loads, frame_from_object, orjson.JSONDecodeError
    for payload in payloads:
        try:
            obj = loads(payload)
        except error:
            append(parse_frame(payload))
            continue
        append(frame(obj) if type(obj) is dict else None)
    return frames


class LineFramer:
    r"""Split a TCP byte stream into lines; each line is a frame or raw text.

    A line that ``parse_frame`` accepts becomes that frame; any other line becomes
    ``RawText`` decoded with ``encoding`` (invalid bytes replaced), its ``\n`` or ``\r\n``
    stripped. One incremental decoder serves all raw text, so a character split across
    two ``recv`` calls, or across a tail shown early, is decoded whole.

    Args:
        encoding: How raw text is decoded (frames are always UTF-8).
        max_line: The most bytes of one line held while waiting for its ``\n``.
        tail_delay: Seconds of quiet after which an unterminated tail is shown.
        sealed: A private room's stream: every complete line is handed out as
            ``RawText("", line, b"\\n")``, unparsed and undecoded (a handshake line or a
            sealed one, for the caller to open), and a tail is never shown, neither early
            nor at the close (half a sealed line cannot be opened).
    """

    def __init__(
        self,
        encoding: str = "utf-8",
        max_line: int = MAX_LINE_BYTES,
        tail_delay: float = 0.1,
        *,
        sealed: bool = False,
    ) -> None:
        self._sealed = sealed
        self._encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("replace")
        self._max_line = max_line
        self._tail_delay = tail_delay
        self._buf = bytearray()
        self._scan = 0  # no b"\n" in self._buf before this index
        self._pending = 0  # bytes of the unterminated last line in self._buf
        self._continuing = False  # the current line's start was already shown as a tail
        self._carry = b""  # bytes shown as an empty tail (half a character), kept for .data
        self._last_receive = 0.0
        self._closed = False
        self._broken = False

    @property
    def encoding(self) -> str:
        """The encoding raw text is decoded with; setting it starts a fresh decoder."""
        return self._encoding

    @encoding.setter
    def encoding(self, value: str) -> None:
        self._decoder = codecs.getincrementaldecoder(value)("replace")
        self._encoding = value

    def receive_data(self, data: bytes, now: float) -> None:
        """Take bytes from the stream; ``b""`` means the peer closed it.

        Args:
            data: The bytes just received.
            now: The current time, in seconds.

        Raises:
            LineTooLong: The moment the current line's unterminated bytes exceed
                ``max_line``. Complete lines before it are still handed out by
                ``next_event``; the long line is dropped and later data is refused.
            RuntimeError: If data arrives after the close (a bug in the caller).
        """
        if self._broken:
            raise LineTooLong(self._max_line)
        if self._closed:
            if data:
                raise RuntimeError("data received after the stream was closed")
            return
        if not data:
            self._closed = True
            return
        pending, start = self._pending, 0
        limit = self._max_line
        if len(data) <= limit + 1:
            # A line that ends inside ``data`` and began inside it is shorter than ``data``:
            # only the first line (its start may be buffered) and the last can be too long.
            first = data.find(b"\n")
            if first >= 0 and pending + first <= limit:
                pending, start = 0, data.rfind(b"\n") + 1
        # Only the new bytes are searched, each once; lines are measured, not copied.
        while True:
            end = data.find(b"\n", start)
            if end < 0:
                break
            if pending + end - start > self._max_line:
                self._refuse(data, start)
            pending, start = 0, end + 1
        pending += len(data) - start
        if pending > self._max_line:
            self._refuse(data, start)
        self._buf += data
        self._pending = pending
        self._last_receive = now

    def _refuse(self, data: bytes, line_start: int) -> None:
        """Keep the complete lines before the long one, drop the long one, and raise."""
        if line_start:
            self._buf += data[:line_start]
        else:
            # The long line began in earlier data: drop its start that is already buffered.
            del self._buf[len(self._buf) - self._pending :]
        self._pending = 0
        self._broken = True
        raise LineTooLong(self._max_line)

    def next_event(self, now: float) -> LineEvent:
        """Hand out the next event.

        Args:
            now: The current time, in seconds.

        Returns:
            A frame, ``IgnoredFrame`` or ``RawText`` per complete line; a frame or
            ``RawText`` for an unterminated tail that is due (see ``next_deadline``);
            after the close, the remaining lines, the tail, then ``Closed()`` forever;
            otherwise ``NEED_DATA``.
        """
        if self._sealed:
            return self._sealed_event()
        buf = self._buf
        while True:
            end = buf.find(b"\n", self._scan)
            if end < 0:
                self._scan = len(buf)
                break
            crlf = end > 0 and buf[end - 1] == 0x0D
            line = bytes(buf[: end - 1 if crlf else end])
            del buf[: end + 1]
            self._scan = 0
            continuing, self._continuing = self._continuing, False
            ending = b"\r\n" if crlf else b"\n"
            event = self._line_event(line, continuing=continuing, final=True, ending=ending)
            if event is not None:
                return event
        # Every complete line is out, so the buffer holds exactly the tail.
        has_tail = self._pending or (self._closed and self._carry)
        if has_tail and (self._closed or now >= self._last_receive + self._delay()):
            tail = bytes(buf)
            buf.clear()
            self._scan = self._pending = 0
            continuing, self._continuing = self._continuing, not self._closed
            event = self._line_event(tail, continuing=continuing, final=self._closed)
            if event is not None:
                return event
        return Closed() if self._closed else NEED_DATA

    def _line_event(
        self, data: bytes, *, continuing: bool, final: bool, ending: bytes = b""
    ) -> Received | None:
        """The event for a line (or a tail); None when there is nothing new to show."""
        if not continuing:
            frame = parse_frame(data)
            if frame is not None:
                return frame
        return self._raw_event(data, continuing=continuing, final=final, ending=ending)

    def _raw_event(self, data: bytes, *, continuing: bool, final: bool, ending: bytes) -> RawText | None:
        """``data`` as raw text; None when there is nothing new to show."""
        text = self._decoder.decode(data, final)
        data = self._carry + data
        if not text and (continuing or not final):
            # Nothing to show: the ending of a line already shown, or half a character
            # that the decoder keeps until the other half arrives (.data keeps its bytes).
            self._carry = b"" if final else data
            return None
        self._carry = b""
        return RawText(text, data, ending)

    def _line_text(self, data: bytes, ending: bytes) -> RawText:
        """A complete line that is not a frame: what ``_raw_event`` gives for a fresh, final line."""
        text = self._decoder.decode(data, True)
        carry, self._carry = self._carry, b""
        return RawText(text, carry + data, ending)

    def next_events(self, now: float) -> list[Received | Closed]:
        """Hand out every event available now, in order.

        The same events ``next_event`` would give until ``NEED_DATA`` (or up to and
        including the first ``Closed()``), in bulk for a socket loop: all complete
        lines of one ``recv`` are split in one pass instead of one search-copy-delete
        round per line.

        Args:
            now: The current time, in seconds.

        Returns:
            The events; empty when ``next_event`` would say ``NEED_DATA``.
        """
        buf = self._buf
        if self._sealed:
            sealed: list[Received | Closed] = []
            end = buf.rfind(b"\n")
            if end >= 0:
                sealed.extend(RawText("", line, b"\n") for line in bytes(buf[:end]).split(b"\n"))
                del buf[: end + 1]
                self._scan = 0
            if self._closed:
                buf.clear()
                self._pending = 0
                sealed.append(Closed())
            return sealed
        events: list[Received | Closed] = []
        end = buf.rfind(b"\n")
        if end >= 0:
            lines = bytes(buf[:end]).split(b"\n")
            del buf[: end + 1]
            self._scan = 0
            append, line_text = events.append, self._line_text
            first = 0
            if self._continuing:
                # The rest of a line whose start was shown as a tail is raw, whatever it holds.
                self._continuing = False
                line = lines[0]
                crlf = line.endswith(b"\r")
                event = self._raw_event(
                    line[:-1] if crlf else line,
                    continuing=True,
                    final=True,
                    ending=b"\r\n" if crlf else b"\n",
                )
                if event is not None:
                    append(event)
                first = 1
            if first:
                del lines[0]
            # Every line of the read parsed at once (tolerates the \r of a CRLF line).
            for line, frame in zip(lines, parse_frames(lines), strict=True):
                if frame is not None:
                    append(frame)
                elif line.endswith(b"\r"):
                    append(line_text(line[:-1], b"\r\n"))
                else:
                    append(line_text(line, b"\n"))
        while True:
            # At most a tail and the close: the single-event path has the rules for both.
            more = self.next_event(now)
            if more is NEED_DATA:
                return events
            events.append(more)
            if type(more) is Closed:
                return events

    def _sealed_event(self) -> LineEvent:
        """``next_event`` of a sealed stream: a complete line, else the close (its tail dropped)."""
        buf = self._buf
        end = buf.find(b"\n")
        if end >= 0:
            line = bytes(buf[:end])
            del buf[: end + 1]
            self._scan = 0
            return RawText("", line, b"\n")
        if self._closed:
            buf.clear()
            self._pending = 0
            return Closed()
        return NEED_DATA

    def _delay(self) -> float:
        """The quiet time after which the pending tail is shown."""
        start = len(self._buf) - self._pending
        head = bytes(self._buf[start : start + 16]).lstrip(b" \t\r")
        if not self._continuing and head.startswith(b"{"):
            return self._tail_delay * FRAME_TAIL_FACTOR
        return self._tail_delay

    def next_deadline(self) -> float | None:
        """When an unterminated tail will be due, so the caller can sleep until then.

        Returns:
            The ``now`` at which ``next_event`` will hand out the pending tail; None if
            nothing is waiting on time.
        """
        if not self._pending or self._closed or self._sealed:
            return None
        return self._last_receive + self._delay()
