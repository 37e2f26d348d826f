"""One ``selectors`` loop, run by the worker thread: sockets, timers and thread-safe commands.

The worker sits in ``selector.select()``, not in a Qt event loop, so the GUI hands it
work through :meth:`Loop.submit_threadsafe`: a ``queue.SimpleQueue`` plus one byte on
a non-blocking ``socketpair`` that the selector watches (the trio / asyncio
"wake-up socketpair" pattern).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import queue
import selectors
import socket
import time
from collections.abc import Callable

Callback = Callable[[], None]


class Timer:
    """A call scheduled with :meth:`Loop.call_later`; :meth:`cancel` makes it a no-op."""

    __slots__ = ("callback", "cancelled", "when")

    def __init__(self, when: float, callback: Callback) -> None:
        self.when = when
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        """Do not run this timer (cheap: it is dropped when it comes due)."""
        self.cancelled = True


class _Watch:
    """What the loop does when one socket is ready."""

    __slots__ = ("on_readable", "on_writable", "reading", "writing")

    def __init__(self, on_readable: Callback | None, on_writable: Callback | None) -> None:
        self.on_readable = on_readable
        self.on_writable = on_writable
        self.reading = on_readable is not None
        self.writing = False


class Loop:
    """A selector loop with timers and a thread-safe command queue.

    Everything except :meth:`submit_threadsafe` and :meth:`stop_threadsafe` must be
    called from the thread running :meth:`run` (or before it starts).
    """

    def __init__(self) -> None:
        self._selector = selectors.DefaultSelector()
        self._commands: queue.SimpleQueue[Callback] = queue.SimpleQueue()
        self._stop_when_quiet = False
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._watches: dict[socket.socket, _Watch] = {}
        self._timers: list[tuple[float, int, Timer]] = []
        self._counter = itertools.count()
        self._running = False
        self._stopping = False
        self._reading_paused = False
        self._closed = False
        self.on_callback_error: Callable[[Exception], None] | None = None
        """Called with an exception a callback raised; without it, the exception ends :meth:`run`."""
        self.after_iteration: Callback | None = None
        """Called after each round of ready sockets, timers and commands (to flush batched output)."""

    # -- from any thread -------------------------------------------------------------

    def submit_threadsafe(self, fn: Callback) -> None:
        """Run ``fn`` in the loop thread soon; safe to call from any thread."""
        self._commands.put(fn)
        try:
            self._wake_w.send(b"\0")
        except (BlockingIOError, InterruptedError):
            pass  # the pipe is full: a wake-up is already pending, the command will be seen
        except OSError:
            pass  # the loop is closed; nothing will run the command any more

    def stop_threadsafe(self) -> None:
        """Ask the loop to return from :meth:`run` after the current iteration."""
        self.submit_threadsafe(self.stop)

    # -- loop thread -----------------------------------------------------------------

    @staticmethod
    def now() -> float:
        """The loop's clock (monotonic seconds)."""
        return time.monotonic()

    def call_later(self, delay: float, callback: Callback) -> Timer:
        """Run ``callback`` after ``delay`` seconds."""
        return self.call_at(time.monotonic() + max(0.0, delay), callback)

    def call_at(self, when: float, callback: Callback) -> Timer:
        """Run ``callback`` at monotonic time ``when``."""
        timer = Timer(when, callback)
        heapq.heappush(self._timers, (when, next(self._counter), timer))
        return timer

    def add_socket(
        self,
        sock: socket.socket,
        on_readable: Callback | None,
        on_writable: Callback | None = None,
    ) -> None:
        """Watch ``sock``: ``on_readable`` while readable; ``on_writable`` after :meth:`want_write`."""
        watch = _Watch(on_readable, on_writable)
        self._watches[sock] = watch
        self._update(sock, watch, new=True)

    def remove_socket(self, sock: socket.socket) -> None:
        """Stop watching ``sock`` (does not close it); unknown sockets are ignored."""
        watch = self._watches.pop(sock, None)
        if watch is not None and self._mask(watch):
            with contextlib.suppress(KeyError, ValueError, OSError):
                self._selector.unregister(sock)

    def want_write(self, sock: socket.socket, writing: bool) -> None:
        """Register ``sock`` for writing only while it has pending output."""
        watch = self._watches.get(sock)
        if watch is None or watch.writing == writing:
            return
        old = self._mask(watch)
        watch.writing = writing
        self._update(sock, watch, old=old)

    def want_read(self, sock: socket.socket, reading: bool) -> None:
        """Stop or resume reading ``sock`` (e.g. while a connection is being closed)."""
        watch = self._watches.get(sock)
        if watch is None or watch.on_readable is None or watch.reading == reading:
            return
        old = self._mask(watch)
        watch.reading = reading
        self._update(sock, watch, old=old)

    @property
    def reading_paused(self) -> bool:
        """Whether :meth:`pause_reading` is in force."""
        return self._reading_paused

    def pause_reading(self) -> None:
        """Stop reading every socket (back-pressure while the GUI catches up)."""
        if self._reading_paused:
            return
        olds = {sock: self._mask(w) for sock, w in self._watches.items()}
        self._reading_paused = True
        for sock, watch in self._watches.items():
            self._update(sock, watch, old=olds[sock])

    def resume_reading(self) -> None:
        """Undo :meth:`pause_reading`."""
        if not self._reading_paused:
            return
        olds = {sock: self._mask(w) for sock, w in self._watches.items()}
        self._reading_paused = False
        for sock, watch in self._watches.items():
            self._update(sock, watch, old=olds[sock])

    def stop(self) -> None:
        """Return from :meth:`run` after the current iteration."""
        self._stopping = True

    def stop_when_quiet(self, limit: float) -> None:
        """Return from :meth:`run` once no socket is left, or after ``limit`` seconds.

        Connections that are still flushing their last bytes after their session ended
        get to finish: closing them with unread input would make the kernel send a
        reset that can destroy data the peer has not read yet.
        """
        if not self._watches:
            self._stopping = True
            return
        self._stop_when_quiet = True
        self.call_later(limit, self.stop)

    def run(self) -> None:
        """Serve sockets, timers and commands until :meth:`stop`; then close the loop."""
        self._running = True
        select = self._selector.select
        watches = self._watches
        try:
            while not self._stopping:
                timeout = self._timeout()
                for key, mask in select(timeout):
                    sock = key.fileobj
                    if sock is self._wake_r:
                        self._run_commands()
                        continue
                    watch = watches.get(sock)  # type: ignore[call-overload]  # fileobj is one of our sockets
                    if watch is None:
                        continue  # removed by an earlier callback of this iteration
                    if mask & selectors.EVENT_WRITE and watch.writing and watch.on_writable is not None:
                        self._call(watch.on_writable)
                    if (
                        mask & selectors.EVENT_READ
                        and watch.on_readable is not None
                        and watches.get(sock) is watch  # type: ignore[call-overload]  # one of our sockets
                    ):
                        self._call(watch.on_readable)
                self._run_timers()
                if self.after_iteration is not None:
                    self.after_iteration()
                if self._stop_when_quiet and not watches:
                    break
                # Commands may have arrived without a wake-up byte being read yet; they are
                # picked up at the next select, which returns at once because the byte is there.
        finally:
            self._running = False
            for sock in list(self._watches):
                # Streams still flushing after their session ended go with the loop.
                with contextlib.suppress(OSError):
                    sock.close()
            self._watches.clear()
            self.close()

    def close(self) -> None:
        """Release the selector and the wake-up pair."""
        if self._closed:
            return
        self._closed = True
        self._selector.close()
        self._wake_r.close()
        self._wake_w.close()

    # -- internals -------------------------------------------------------------------

    def _mask(self, watch: _Watch) -> int:
        mask = 0
        if watch.reading and not self._reading_paused:
            mask |= selectors.EVENT_READ
        if watch.writing:
            mask |= selectors.EVENT_WRITE
        return mask

    def _update(self, sock: socket.socket, watch: _Watch, old: int = 0, new: bool = False) -> None:
        mask = self._mask(watch)
        if mask == old and not new:
            return
        if old == 0 or new:
            if mask:
                self._selector.register(sock, mask, None)
        elif mask == 0:
            self._selector.unregister(sock)
        else:
            self._selector.modify(sock, mask, None)

    def _timeout(self) -> float | None:
        timers = self._timers
        while timers and timers[0][2].cancelled:
            heapq.heappop(timers)
        if not timers:
            return None
        return max(0.0, timers[0][0] - time.monotonic())

    def _run_timers(self) -> None:
        timers = self._timers
        if not timers:
            return
        now = time.monotonic()
        while timers and timers[0][0] <= now:
            timer = heapq.heappop(timers)[2]
            if not timer.cancelled:
                timer.cancelled = True
                self._call(timer.callback)

    def _run_commands(self) -> None:
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while self._wake_r.recv(4096):
                pass
        commands = self._commands
        while True:
            try:
                fn = commands.get_nowait()
            except queue.Empty:
                return
            self._call(fn)

    def _call(self, fn: Callback) -> None:
        try:
            fn()
        except Exception as exc:
            # One bad callback must not silently kill the worker thread and every
            # session with it; the owner decides what to report.
            if self.on_callback_error is None:
                raise
            self.on_callback_error(exc)
