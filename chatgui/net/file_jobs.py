"""The transfers behind a session's offers: hashing ours, serving them, fetching the room's.

Everything slow runs beside the selectors loop, never on it: a file of ours is read and hashed
in a thread of its own; ``FileServer`` and ``fetch`` (``net/files.py``) run threads of their
own. Their callbacks come from those threads and are handed to the loop with
``Loop.submit_threadsafe``; there, if the session is still the running one, they become
events (``TransferProgress``, at most ~10 a second per transfer as the engine paces them, and
``TransferFinished``). At most ``MAX_FETCHES`` fetches run at once; more wait, in order.
In a private room every data connection is sealed with the room's file key
(``room_file_key``: scrypt, derived once per session in a thread of its own; offers and
fetches wait for it). When the session ends, the server is closed (off the loop: it joins
its threads) and every fetch cancelled (the engine deletes their part files).
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from chatgui.events import Problem, ProblemOccurred, Severity, TransferFinished, TransferProgress
from chatgui.net.endpoint import SessionContext
from chatgui.net.errors import format_sockaddr
from chatgui.net.file_transport import Source, address_ip
from chatgui.net.files import (
    Fetch,
    FetchResult,
    FileServer,
    ServeResult,
    TransferCancelled,
    fetch,
    hash_file,
    room_file_key,
)
from chatgui.net.files_common import RateMeter
from chatgui.protocol.files import FileOffer

MAX_FETCHES = 4
"""Fetches running at once per session; more wait, in the order they were asked for."""
CLOSE_SECONDS = 5.0


@dataclass(slots=True)
class Prepared:
    """A file of ours being hashed, then offered (``size``, ``sha256``, ``mime``, ``token`` once known)."""

    offer_id: str
    path: str
    thumb: bytes
    size: int = 0
    sha256: str = ""
    token: str = ""
    mime: str = ""
    cancelled: bool = False


@dataclass(slots=True)
class _Fetching:
    offer: FileOffer
    source: Source
    folder: str
    name: str
    job: Fetch | None = None
    meter: RateMeter | None = field(default=None)


class FileJobs:
    """Hashing, serving and fetching for one session (commands on the loop thread).

    Args:
        ctx: The session's context.
        on_prepared: Called on the loop thread when one of ours is hashed and may be offered.
        who: ``(ip, claimed)``: the nick to name a receiver at ``ip`` by, whose get line
            claimed ``claimed`` ("" when the room knows none to believe).
        bind_host: The address our file server listens on ("" = every interface).
        own_nick: Ours as the room knows us, said on our get lines ("" = not said).
    """

    def __init__(
        self,
        ctx: SessionContext,
        on_prepared: Callable[[Prepared], None],
        who: Callable[[str, str], str],
        bind_host: Callable[[], str],
        own_nick: Callable[[], str],
    ) -> None:
        self.ctx = ctx
        self._on_prepared = on_prepared
        self._who = who
        self._bind_host = bind_host
        self._own_nick = own_nick
        self._preparing: dict[str, Prepared] = {}
        self._server: FileServer | None = None
        self._meters: dict[tuple[str, tuple[str, int]], RateMeter] = {}
        self._labels: dict[tuple[str, str], tuple[str, int]] = {}
        self._named: dict[tuple[str, tuple[str, int]], str] = {}  # one label per data connection
        self._fetches: OrderedDict[str, _Fetching] = OrderedDict()  # running and waiting, in order
        self.closed = False
        self._key: bytes | None = None
        self._keyed = threading.Event()
        passphrase = ctx.config.passphrase
        if passphrase:
            threading.Thread(
                target=self._derive, args=(passphrase,), name="chatgui-file-key", daemon=True
            ).start()
        else:
            self._keyed.set()

    def _derive(self, passphrase: str) -> None:
        """The key thread: a private room's file key (scrypt), then the fetches that waited for it."""
        self._key = room_file_key(passphrase)
        self._keyed.set()
        self._post(self._start_waiting)

    def _post(self, fn: Callable[..., None], *args: Any) -> None:
        """From any thread: run ``fn(*args)`` on the loop if this session still runs then."""
        self.ctx.loop.submit_threadsafe(partial(self._deliver, fn, args))

    def _deliver(self, fn: Callable[..., None], args: tuple[Any, ...]) -> None:
        if not self.closed and self.ctx.current:
            fn(*args)

    # -- preparing our own -----------------------------------------------------------

    def prepare(self, offer_id: str, path: str, thumb: bytes) -> None:
        """Check and hash ``path`` in a thread of its own; ``on_prepared`` follows on the loop."""
        job = self._preparing[offer_id] = Prepared(offer_id, path, thumb)
        limit = self.ctx.config.max_file_bytes
        threading.Thread(target=self._hash, args=(job, limit), name="chatgui-file-hash", daemon=True).start()

    def cancel_prepare(self, offer_id: str) -> None:
        """Stop hashing ``offer_id`` (it ends as "cancelled")."""
        job = self._preparing.get(offer_id)
        if job is not None:
            job.cancelled = True

    def _hash(self, job: Prepared, limit: int) -> None:
        """The hashing thread: a regular, readable file within the limit, then its SHA-256."""
        try:
            st = os.stat(job.path)
            if not stat.S_ISREG(st.st_mode):
                raise IsADirectoryError(0, "not a regular file")
            if st.st_size > limit:
                self._post(self._too_large, job, st.st_size, limit)
                return
            progress = partial(self._post, self._hashing, job)
            job.size, job.sha256 = hash_file(job.path, progress, lambda: job.cancelled)
            job.mime = (mimetypes.guess_type(os.path.basename(job.path))[0] or "")[:128]  # may read files
            self._keyed.wait()  # a private room's offer is served sealed
        except TransferCancelled:
            self._post(self._prepare_failed, job, "cancelled", 0)
        except OSError as exc:
            self._post(self._prepare_failed, job, "unreadable", exc.errno or 0)
        else:
            self._post(self._hashed, job)

    def _hashing(self, job: Prepared, done: int, total: int) -> None:
        if not job.cancelled:
            self.ctx.emit(TransferProgress(job.offer_id, "prepare", "", done, total))

    def _too_large(self, job: Prepared, size: int, limit: int) -> None:
        self._preparing.pop(job.offer_id, None)
        self.ctx.emit(
            ProblemOccurred(Problem.FILE_TOO_LARGE, Severity.WARNING, detail=job.path, size=size, limit=limit)
        )
        self.ctx.emit(TransferFinished(job.offer_id, "prepare", "", "too-large"))

    def _prepare_failed(self, job: Prepared, outcome: str, code: int) -> None:
        self._preparing.pop(job.offer_id, None)
        if outcome == "unreadable":
            self.ctx.emit(
                ProblemOccurred(Problem.FILE_UNREADABLE, Severity.WARNING, detail=job.path, code=code)
            )
        self.ctx.emit(TransferFinished(job.offer_id, "prepare", "", outcome, code=code))

    def _hashed(self, job: Prepared) -> None:
        self._preparing.pop(job.offer_id, None)
        if job.cancelled:
            self.ctx.emit(TransferFinished(job.offer_id, "prepare", "", "cancelled"))
            return
        self._on_prepared(job)

    # -- serving our own -------------------------------------------------------------

    def serve(self, job: Prepared, token: str) -> int | None:
        """Serve ``job`` with ``token`` (the server starts on the first offer); its port, or None."""
        try:
            server = self._server
            if server is None:
                server = self._server = self._start_server()
            job.token = token
            server.offer(job.offer_id, token, job.path, job.size, job.sha256)
        except (OSError, ValueError) as exc:  # cannot listen, or the file changed since it was hashed
            code = exc.errno or 0 if isinstance(exc, OSError) else 0
            self.ctx.emit(
                ProblemOccurred(Problem.FILE_UNREADABLE, Severity.WARNING, detail=job.path, code=code)
            )
            self.ctx.emit(TransferFinished(job.offer_id, "prepare", "", "changed", code=code))
            return None
        return server.port

    def _start_server(self) -> FileServer:
        return _listen(self._bind_host(), self._served_progress, self._served, self._key)

    def unserve(self, offer_id: str) -> None:
        """Stop serving ``offer_id``; its running sends are cut."""
        if self._server is not None:
            self._server.withdraw(offer_id)

    def cut(self, offer_id: str, peer: str) -> None:
        """Stop sending ``offer_id`` to ``peer`` (as ``TransferProgress`` named it)."""
        address = self._labels.get((offer_id, peer))
        if address is not None and self._server is not None:
            self._server.cut(offer_id, address)

    def _label(self, offer_id: str, address: tuple[str, int], claimed: str) -> str:
        """How the receiver at ``address`` is named: "nick (address)" where the room knows it, else bare.

        Named once per data connection: the room changing meanwhile does not split one
        receiver's line in two.
        """
        label = self._named.get((offer_id, address))
        if label is not None:
            return label
        shown = format_sockaddr(address)
        who = self._who(address_ip(shown), claimed)
        label = self._named[(offer_id, address)] = f"{who} ({shown})" if who else shown
        self._labels[(offer_id, label)] = address
        return label

    def _served_progress(
        self, offer_id: str, peer: tuple[str, int], sent: int, total: int, nick: str
    ) -> None:
        self._post(self._sending, offer_id, peer, sent, total, nick)

    def _sending(self, offer_id: str, peer: tuple[str, int], sent: int, total: int, nick: str) -> None:
        now = self.ctx.loop.now()
        meter = self._meters.get((offer_id, peer))
        if meter is None:
            meter = self._meters[(offer_id, peer)] = RateMeter(now, 0)
        rate = meter.sample(now, sent)
        label = self._label(offer_id, peer, nick)
        self.ctx.emit(TransferProgress(offer_id, "send", label, sent, total, rate))

    def _served(self, result: ServeResult) -> None:
        self._post(self._sent, result)

    def _sent(self, result: ServeResult) -> None:
        self._meters.pop((result.offer_id, result.peer), None)
        label = self._label(result.offer_id, result.peer, result.nick)
        del self._named[(result.offer_id, result.peer)]
        outcome = "sent" if result.kind == "sent" else result.kind
        code = result.errno or 0
        self.ctx.emit(
            TransferFinished(result.offer_id, "send", label, outcome, reason=result.reason, code=code)
        )

    # -- fetching the room's ---------------------------------------------------------

    def fetching(self, offer_id: str) -> bool:
        """Whether ``offer_id`` is being fetched or waits to be."""
        return offer_id in self._fetches

    def fetch(self, offer: FileOffer, source: Source, folder: str, name: str) -> None:
        """Receive ``offer`` into ``folder`` as ``name`` (now, or once fewer than ``MAX_FETCHES`` run)."""
        if offer.id in self._fetches:
            return  # already under way
        self._fetches[offer.id] = _Fetching(offer, source, folder, name)
        self._start_waiting()

    def _start_waiting(self) -> None:
        if not self._keyed.is_set():
            return  # a private room's fetches start once its file key is derived
        running = sum(1 for f in self._fetches.values() if f.job is not None)
        for item in list(self._fetches.values()):
            if running >= MAX_FETCHES:
                return
            if item.job is None:
                self._start(item)
                running += 1

    def _start(self, item: _Fetching) -> None:
        offer = item.offer
        try:
            Path(item.folder).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._fetches.pop(offer.id, None)
            self._finished(item, FetchResult("disk", errno=exc.errno))
            return
        item.meter = RateMeter(self.ctx.loop.now())
        try:
            item.job = fetch(
                item.source.host,
                offer.port,
                offer.id,
                offer.token,
                offer.size,
                offer.sha256,
                item.folder,
                item.name,
                partial(self._post_progress, item),
                partial(self._post, self._fetched, item),
                key=self._key,
                nick=self._own_nick(),
            )
        except ValueError:  # the engine refused the offer's fields (cannot come from a parsed frame)
            self._fetches.pop(offer.id, None)
            self._finished(item, FetchResult("protocol"))

    def _post_progress(self, item: _Fetching, done: int, total: int, rate: float) -> None:
        self._post(self._receiving, item, done, total, rate)

    def _receiving(self, item: _Fetching, done: int, total: int, rate: float) -> None:
        if self._fetches.get(item.offer.id) is item:
            self.ctx.emit(TransferProgress(item.offer.id, "receive", item.source.sender, done, total, rate))

    def _fetched(self, item: _Fetching, result: FetchResult) -> None:
        if self._fetches.get(item.offer.id) is item:
            del self._fetches[item.offer.id]
        self._finished(item, result)
        self._start_waiting()

    def _finished(self, item: _Fetching, result: FetchResult) -> None:
        path = str(result.path) if result.path is not None else ""
        self.ctx.emit(
            TransferFinished(
                item.offer.id,
                "receive",
                item.source.sender,
                result.kind,
                path=path,
                reason=result.reason,
                code=result.errno or 0,
            )
        )

    def cancel_fetch(self, offer_id: str) -> None:
        """Cancel our fetch of ``offer_id`` (running: cut, part deleted; waiting: dropped)."""
        item = self._fetches.get(offer_id)
        if item is None:
            return
        if item.job is not None:
            item.job.cancel()  # ends as "cancelled" through its callback
            return
        del self._fetches[offer_id]
        self._finished(item, FetchResult("cancelled"))

    def offer_gone(self, offer_id: str, *, cancel: bool) -> None:
        """The offer was withdrawn (``cancel``: by its sender) or its sender left."""
        item = self._fetches.get(offer_id)
        if item is None:
            return
        if cancel or item.job is None:
            self.cancel_fetch(offer_id)

    def close(self) -> None:
        """The session ends: fetches cancelled, the server closed beside the loop."""
        self.closed = True
        for item in self._fetches.values():
            if item.job is not None:
                item.job.cancel()
        self._fetches.clear()
        for job in self._preparing.values():
            job.cancelled = True
        self._preparing.clear()
        server, self._server = self._server, None
        if server is not None:
            threading.Thread(
                target=server.close, args=(CLOSE_SECONDS,), name="chatgui-file-close", daemon=True
            ).start()


def _listen(bind: str, on_progress: Any, on_done: Any, key: bytes | None) -> FileServer:
    """A file server on ``bind`` ("" = every interface: IPv6 and IPv4 at once where possible)."""
    if bind:
        return FileServer(bind, on_progress, on_done, key=key)
    with contextlib.suppress(OSError):
        return FileServer("::", on_progress, on_done, key=key)
    return FileServer("0.0.0.0", on_progress, on_done, key=key)  # every interface, as the room listens
