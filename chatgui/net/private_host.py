"""A private room's door on the host: each connection's first line, its handshake, slowed guessers.

A connection to a private room (a passphrase) is sealed from its first byte; until its
handshake is done every line it sends comes here (``Stream``'s ``on_clear_line``). A
``pake`` starts the handshake (``protocol.secure``); a chatgui without the passphrase is
told so in an ``error`` frame, anything else (nc) in one plain line, and closed. Wrong
passphrases from one address slow its next handshakes down (1, 2, 4 … 30 s); what is
remembered per address and per waiting connection is bounded.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable

from chatgui.events import Problem, ProblemOccurred, RoomCode, Severity
from chatgui.net.common import (
    PASSPHRASE_MISMATCH_REASON,
    PRIVATE_PLAIN_LINE,
    ROOM_PRIVATE_REASON,
    host_part,
)
from chatgui.net.endpoint import SessionContext
from chatgui.net.host_limits import REPORT_INTERVAL_SECONDS
from chatgui.net.loop import Timer
from chatgui.net.private import handshake_step
from chatgui.net.stream import Stream
from chatgui.protocol.errors import RemoteProtocolError
from chatgui.protocol.frames import ErrorFrame, Hello, parse_frame
from chatgui.protocol.lines import encode_line
from chatgui.protocol.secure import Handshake, PassphraseMismatch, is_handshake_line

MAX_GUESS_DELAY_SECONDS = 30.0
"""The longest a private room makes an address that keeps guessing wait for its next handshake."""
MAX_GUESSERS = 1024
"""How many addresses' wrong guesses a private room remembers (the least recent is forgotten)."""
MAX_HELD_LINES = 2
"""Lines a slowed guesser may send while it waits: a member sends its ``pake`` and waits for ours."""
HANDSHAKE_FAILED_REASON = "the private-room handshake failed; closing"


class Guessers:
    """Per address (host part): wrong guesses in a row, whether it was said, the next handshake's time.

    The waits of one address follow each other: connections opened at once to guess in
    parallel get 1, 2, 3 … times the wait, so a guesser gains nothing from more connections.
    At most ``MAX_GUESSERS`` addresses are remembered; the least recent guesser is forgotten.
    """

    def __init__(self, ctx: SessionContext, clock: Callable[[], float] | None = None) -> None:
        self.ctx = ctx
        self._clock = clock or ctx.loop.now
        # host -> [wrong in a row, told, earliest start of its next handshake]
        self._guesses: OrderedDict[str, list[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._guesses)

    def wrong(self, address: str) -> None:
        """``address`` guessed wrong once more."""
        host = host_part(address)
        entry = self._guesses.pop(host, None) or [0, 0, 0.0]
        entry[0] += 1
        self._guesses[host] = entry  # now the most recent
        if len(self._guesses) > MAX_GUESSERS:
            self._guesses.popitem(last=False)

    def right(self, address: str) -> None:
        """``address`` finished a handshake: its wrong guesses are forgiven."""
        self._guesses.pop(host_part(address), None)

    def delay(self, address: str) -> float:
        """How long this connection waits: 0, then 1, 2, 4 … 30 s after the address's previous one.

        The first wait of a streak is said once (GUESSES_SLOWED).
        """
        entry = self._guesses.get(host_part(address))
        if entry is None or entry[0] < 2:
            return 0.0
        step = min(MAX_GUESS_DELAY_SECONDS, 2.0 ** (entry[0] - 2))
        now = self._clock()
        entry[2] = max(now, entry[2]) + step
        if not entry[1]:
            entry[1] = 1
            self.ctx.emit(
                ProblemOccurred(Problem.GUESSES_SLOWED, Severity.WARNING, address=address, limit=round(step))
            )
        return entry[2] - now


class PrivateDoor:
    """The host's handshakes under way, the first lines held while a guesser waits, the guessers.

    Every entry belongs to a connection of the host's (at most ``max_members``); the host
    calls ``forget`` when one closes and ``close`` when the room ends.
    """

    def __init__(self, ctx: SessionContext, passphrase: str) -> None:
        self.ctx = ctx
        self.passphrase = passphrase
        self.guessers = Guessers(ctx)
        self._handshakes: dict[Stream, Handshake] = {}
        self._held: dict[Stream, tuple[Timer, list[bytes]]] = {}
        self._private_reported = -REPORT_INTERVAL_SECONDS
        self._closed = False

    def on_clear_line(self, stream: Stream, line: bytes) -> None:
        """A line from a connection before its channel: the handshake, or a refusal."""
        if self._closed or stream.closing or stream.closed:
            return
        handshake = self._handshakes.get(stream)
        if handshake is None:
            held = self._held.get(stream)
            if held is not None:
                if len(held[1]) >= MAX_HELD_LINES:  # not a member's handshake: no need to wait for it
                    self.forget(stream)
                    stream.write(encode_line(ErrorFrame(HANDSHAKE_FAILED_REASON)))
                    stream.close_after_flush()
                    return
                held[1].append(line)  # answered with its first line, once its wait is over
                return
            if not is_handshake_line(line):
                self._refuse_clear(stream, line)
                return
            delay = self.guessers.delay(stream.address)
            if delay > 0:
                loop = self.ctx.loop
                stream.opened = loop.now() + delay  # its time for the handshake starts when answered
                timer = loop.call_later(delay, functools.partial(self._answer_held, stream))
                self._held[stream] = (timer, [line])
                return
            handshake = self._handshakes[stream] = Handshake(self.passphrase, host=True)
        self._handshake_line(stream, handshake, line)

    def _refuse_clear(self, stream: Stream, line: bytes) -> None:
        """Someone without the passphrase: a chatgui hears why in a frame, anything else in a line."""
        if type(parse_frame(line)) is Hello:
            stream.write(encode_line(ErrorFrame(ROOM_PRIVATE_REASON)))
            now = self.ctx.loop.now()
            if now - self._private_reported >= REPORT_INTERVAL_SECONDS:
                self._private_reported = now
                self.ctx.emit(ProblemOccurred(Problem.ROOM_PRIVATE, Severity.WARNING, address=stream.address))
        else:
            stream.write(PRIVATE_PLAIN_LINE)
        stream.close_after_flush()

    def _answer_held(self, stream: Stream) -> None:
        """A slowed guesser's wait is over: its handshake begins with the lines it sent meanwhile."""
        held = self._held.pop(stream, None)
        if held is None or self._closed or stream.closing or stream.closed:
            return
        handshake = self._handshakes[stream] = Handshake(self.passphrase, host=True)
        for line in held[1]:
            if stream.closing or stream.closed or stream not in self._handshakes:
                return
            self._handshake_line(stream, handshake, line)

    def _handshake_line(self, stream: Stream, handshake: Handshake, line: bytes) -> None:
        try:
            done = handshake_step(stream, handshake, line)
        except PassphraseMismatch:
            del self._handshakes[stream]
            stream.write(encode_line(ErrorFrame(PASSPHRASE_MISMATCH_REASON)))
            stream.close_after_flush()
            self.guessers.wrong(stream.address)
            self.ctx.emit(
                ProblemOccurred(Problem.PASSPHRASE_MISMATCH, Severity.WARNING, address=stream.address)
            )
            return
        except RemoteProtocolError:
            del self._handshakes[stream]
            stream.write(encode_line(ErrorFrame(HANDSHAKE_FAILED_REASON)))
            stream.close_after_flush()
            return
        if done:
            del self._handshakes[stream]
            stream.opened = self.ctx.loop.now()  # its hello is due within hello_timeout from now
            self.guessers.right(stream.address)
            self.ctx.emit(RoomCode(stream.address, handshake.room_code))

    def forget(self, stream: Stream) -> None:
        """``stream`` closed (or is being closed): its handshake and held lines go."""
        self._handshakes.pop(stream, None)
        held = self._held.pop(stream, None)
        if held is not None:
            held[0].cancel()

    def close(self) -> None:
        """The room ends: no handshake goes on, no wait ends."""
        self._closed = True
        for timer, _lines in self._held.values():
            timer.cancel()
        self._held.clear()
        self._handshakes.clear()
