"""Files in a session's room (issue 15): offers sent and received, bounded, and who may cancel what.

One ``FileRoom`` per session, made by the session beside its endpoint and called only on the
loop thread. Offers that arrive are checked against the room's bounds (``MAX_OFFERS_PER_SENDER``
open offers per sender, the oldest dropped; ``MAX_OFFERS`` in all; ``max_file_bytes``), their
names cleaned (``safe_name``) and their risk told (``is_risky``), then shown as ``FileOffered``.
A ``file-cancel`` counts only from whoever made the offer; a sender leaving the room withdraws
its offers (``FileWithdrawn``). The transfers themselves (hashing, the file server, fetches)
run in ``file_jobs.FileJobs``, beside the loop, never on it.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from chatgui.events import (
    FileOffered,
    FileWithdrawn,
    Problem,
    ProblemOccurred,
    Severity,
    TransferFinished,
)
from chatgui.net.endpoint import SessionContext
from chatgui.net.file_jobs import FileJobs, Prepared
from chatgui.net.file_transport import FileTransport, Source
from chatgui.protocol.files import (
    FileCancel,
    FileFieldInvalid,
    FileOffer,
    is_risky,
    new_offer_id,
    new_token,
    safe_name,
)
from chatgui.protocol.frames import encode_frame

MAX_OFFERS_PER_SENDER = 64
"""Open offers kept per sender; a newer one drops its oldest (``FileWithdrawn``)."""
MAX_OFFERS = 1024
"""Open offers kept in all; a newer one drops the oldest that nobody is fetching."""
REPORT_INTERVAL = 1.0
"""Offers over ``max_file_bytes`` are told at most once per this many seconds."""


@dataclass(slots=True)
class Known:
    """Someone else's offer, as this room knows it (its name already cleaned)."""

    offer: FileOffer
    source: Source
    name: str


class FileRoom:
    """The session's offers: ours (served by ``jobs``) and the room's (fetched by ``jobs``)."""

    def __init__(self, ctx: SessionContext) -> None:
        self.ctx = ctx
        self.transport: FileTransport | None = None
        self.known: OrderedDict[str, Known] = OrderedDict()  # oldest first
        self.own: dict[str, Prepared] = {}
        self.own_offers: dict[str, FileOffer] = {}  # as sent
        self.jobs = FileJobs(ctx, self.prepared, self._who, self._bind_host, self._own_nick)
        self._reported = float("-inf")
        self.closed = False

    def attach(self, transport: FileTransport | None) -> None:
        """The endpoint's transport (None: this session carries no files)."""
        self.transport = transport

    # -- frames from the room (the endpoints call these) ----------------------------

    def received(self, frame: object, origin: Any) -> None:
        """A frame an endpoint does not handle itself: a file frame is taken, anything else ignored."""
        if self.closed or self.transport is None or type(frame) not in (FileOffer, FileCancel):
            return
        source = self.transport.source(origin, frame)  # type: ignore[arg-type]  # checked just above
        if source is None:
            return
        if type(frame) is FileOffer:
            self._offered(frame, origin, source)
        elif type(frame) is FileCancel:
            self._cancelled(frame, origin, source)

    def left(self, key: str | None) -> None:
        """A sender left (``key``; None: everyone, e.g. the host is gone): its offers are withdrawn.

        Running fetches of them are not cut here: they end on their own ("vanished", the part
        file kept for a new offer of the same file to resume).
        """
        for offer_id, known in list(self.known.items()):
            if key is None or known.source.key == key:
                self._forget(offer_id, cancel=False)

    def joined(self, origin: Any) -> None:
        """A member joined a TCP host's room: it hears the offers open in the room."""
        if self.closed or self.transport is None:
            return
        others = [(known.offer, known.source) for known in self.known.values()]
        self.transport.introduce(origin, list(self.own_offers.values()), others)

    def _offered(self, offer: FileOffer, origin: Any, source: Source) -> None:
        if offer.id in self.known or offer.id in self.own:
            return  # an id already in the room: nobody may take over another's offer
        relay = self.transport.relay if self.transport is not None else None
        limit = self.ctx.config.max_file_bytes
        if offer.size > limit:
            now = self.ctx.loop.now()
            if now - self._reported >= REPORT_INTERVAL:
                self._reported = now
                self.ctx.emit(
                    ProblemOccurred(
                        Problem.FILE_OFFER_TOO_LARGE,
                        Severity.WARNING,
                        address=source.sender,
                        detail=source.nick,
                        size=offer.size,
                        limit=limit,
                    )
                )
            return  # a TCP host's limit is its room's: not relayed either
        mine = [i for i, k in self.known.items() if k.source.key == source.key]
        if len(mine) >= MAX_OFFERS_PER_SENDER:
            self._drop(mine[0], origin, source)
        if len(self.known) >= MAX_OFFERS:
            idle = next((i for i in self.known if not self.jobs.fetching(i)), None)
            if idle is None:
                return  # every kept offer is being fetched: this one is not taken
            self._forget(idle, cancel=False)
        name = safe_name(offer.name)
        self.known[offer.id] = Known(offer, source, name)
        if relay is not None:
            relay(offer, origin, source)
        self.ctx.emit(
            FileOffered(
                offer.id,
                source.nick,
                source.sender,
                name,
                offer.size,
                offer.sha256,
                offer.mime,
                offer.thumb,
                own=False,
                risky=is_risky(name),
            )
        )
        if self.ctx.config.accept_files:
            self.fetch(offer.id, self.ctx.config.accept_files)

    def _drop(self, offer_id: str, origin: Any, source: Source) -> None:
        """A sender's oldest offer makes room for its newest (a TCP host tells the others too)."""
        self._forget(offer_id, cancel=False)
        if self.transport is not None:
            self.transport.relay(FileCancel(source.key[:64], offer_id), origin, source)

    def _cancelled(self, cancel: FileCancel, origin: Any, source: Source) -> None:
        known = self.known.get(cancel.id)
        if known is None or (source.key and known.source.key != source.key):
            return  # not an offer of theirs: a stranger cannot withdraw someone else's
        self._forget(cancel.id, cancel=True)
        if self.transport is not None:
            self.transport.relay(cancel, origin, source)

    def _forget(self, offer_id: str, *, cancel: bool) -> None:
        if self.known.pop(offer_id, None) is None:
            return
        self.jobs.offer_gone(offer_id, cancel=cancel)
        self.ctx.emit(FileWithdrawn(offer_id))

    # -- our own offers --------------------------------------------------------------

    def refusal(self) -> ProblemOccurred | None:
        """Why nothing can be offered now (None: it can)."""
        if self.transport is None or self.closed or not self.transport.ready():
            return ProblemOccurred(Problem.NOT_CONNECTED, Severity.WARNING)
        if self.ctx.settings.raw and not self.ctx.config.passphrase:
            return ProblemOccurred(Problem.FILES_NEED_CHATGUI, Severity.WARNING)
        return None

    def offer_file(self, path: str, thumb: bytes = b"") -> str:
        """Hash ``path`` beside the loop, then offer it; returns the offer id ("" if refused at once)."""
        problem = self.refusal()
        if problem is not None:
            self.ctx.emit(problem)
            return ""
        offer_id = new_offer_id()
        self.jobs.prepare(offer_id, os.path.abspath(path), thumb)
        return offer_id

    def prepared(self, job: Prepared) -> None:
        """A file of ours is hashed (loop thread): serve it, offer it, say so."""
        problem = self.refusal()
        if problem is not None:
            self.ctx.emit(problem)
            self.ctx.emit(TransferFinished(job.offer_id, "prepare", "", "cancelled"))
            return
        name = os.path.basename(job.path)
        port = self.jobs.serve(job, new_token())
        if port is None:
            return
        offer = FileOffer(
            self.ctx.peer_id[:64], job.offer_id, name, job.size, job.sha256, job.mime, port, job.token
        )
        if job.thumb:
            offer = _with_thumb(offer, job.thumb)
        try:
            sent = self.transport is not None and self.transport.send(offer)
        except FileFieldInvalid as exc:  # a name over the wire's bound
            self.jobs.unserve(job.offer_id)
            self.ctx.emit(ProblemOccurred(Problem.FILE_UNREADABLE, Severity.WARNING, detail=job.path))
            self.ctx.emit(TransferFinished(job.offer_id, "prepare", "", "unreadable", reason=exc.field))
            return
        if not sent:
            self.jobs.unserve(job.offer_id)
            self.ctx.emit(ProblemOccurred(Problem.NO_DESTINATION, Severity.WARNING))
            self.ctx.emit(TransferFinished(job.offer_id, "prepare", "", "cancelled"))
            return
        self.own[job.offer_id] = job
        self.own_offers[job.offer_id] = offer
        risky = is_risky(safe_name(name))
        self.ctx.emit(
            FileOffered(
                job.offer_id,
                "",
                "",
                name,
                job.size,
                job.sha256,
                offer.mime,
                offer.thumb,
                own=True,
                risky=risky,
            )
        )

    def withdraw(self, offer_id: str) -> None:
        """Withdraw our offer: ``file-cancel`` into the room, running sends cut."""
        self.jobs.cancel_prepare(offer_id)
        self.own_offers.pop(offer_id, None)
        if self.own.pop(offer_id, None) is None:
            return
        self.jobs.unserve(offer_id)
        if self.transport is not None:
            self.transport.send(FileCancel(self.ctx.peer_id[:64], offer_id))
        self.ctx.emit(FileWithdrawn(offer_id))

    def _who(self, ip: str, claimed: str) -> str:
        return self.transport.who(ip, claimed) if self.transport is not None else ""

    def _own_nick(self) -> str:
        return self.transport.own_nick() if self.transport is not None else ""

    def _bind_host(self) -> str:
        return self.transport.bind_host() if self.transport is not None else ""

    # -- fetching --------------------------------------------------------------------

    def fetch(self, offer_id: str, folder: str, name: str = "") -> None:
        """Receive the known offer ``offer_id`` into ``folder`` (``name`` "" = its cleaned name)."""
        known = self.known.get(offer_id)
        if known is None:
            self.ctx.emit(TransferFinished(offer_id, "receive", "", "refused", reason="unknown"))
            return
        self.jobs.fetch(known.offer, known.source, folder, safe_name(name) if name else known.name)

    def cancel(self, offer_id: str, peer: str = "") -> None:
        """Cancel our fetch of ``offer_id``, or (our offer, ``peer`` given) stop sending to ``peer``."""
        if offer_id in self.own and peer:
            self.jobs.cut(offer_id, peer)
            return
        self.jobs.cancel_fetch(offer_id)

    def close(self) -> None:
        """The session ends: servers closed, fetches cancelled, nothing more reported."""
        self.closed = True
        self.jobs.close()
        self.known.clear()
        self.own.clear()
        self.own_offers.clear()


def _with_thumb(offer: FileOffer, thumb: bytes) -> FileOffer:
    """``offer`` with ``thumb`` if a receiver would take it, else without."""
    candidate = replace(offer, thumb=thumb)
    try:
        encode_frame(candidate)
    except FileFieldInvalid:
        return offer
    return candidate
