"""One session at a time on the loop: starts the endpoint for a config, reports its life.

Plain Python (no Qt): the backend's worker owns one ``Session`` and calls it only from
the loop thread. Endpoints report through :class:`SessionContext`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from chatgui.events import (
    Problem,
    ProblemOccurred,
    SessionConfig,
    SessionEnded,
    SessionState,
    Severity,
    StateChanged,
)
from chatgui.net.endpoint import Emit, Endpoint, SessionContext
from chatgui.net.file_room import FileRoom
from chatgui.net.file_transport import transport_for
from chatgui.net.loop import Loop
from chatgui.net.tcp_client import TcpClient
from chatgui.net.tcp_host import TcpHost
from chatgui.net.udp import UdpPeer
from chatgui.net.udp_group import UdpBroadcast, UdpMulticast


def _factory(config: SessionConfig) -> Callable[[SessionContext], Endpoint]:
    if config.mode == "udp":
        if config.role == "broadcast":
            return UdpBroadcast
        if config.role == "multicast":
            return UdpMulticast
        return UdpPeer
    if config.role == "host":
        return TcpHost
    return TcpClient


def _port_ok(config: SessionConfig) -> int | None:
    """The first invalid port in ``config`` (None if all are fine)."""
    if config.mode == "udp" and config.role in ("broadcast", "multicast"):
        # Everyone in the group sends to and listens on this one port: 0 cannot be shared.
        return None if 1 <= config.port <= 65535 else config.port
    needs_remote = (config.mode == "tcp" and config.role == "join") or (config.mode == "udp" and config.host)
    if needs_remote and not 1 <= config.port <= 65535:
        return config.port
    if config.mode == "tcp" and config.role == "host" and not 0 <= config.port <= 65535:
        return config.port
    if config.mode == "udp" and not 0 <= config.local_port <= 65535:
        return config.local_port
    return None


class Session:
    """Runs at most one endpoint; turns its life into ``StateChanged`` / ``SessionEnded`` events.

    Args:
        loop: the loop every call comes from.
        emit: where events go.
        peer_id: this app instance's random id (``peer`` field of frames).
    """

    def __init__(self, loop: Loop, emit: Emit, peer_id: str | None = None) -> None:
        self.loop = loop
        self.emit = emit
        self.peer_id = peer_id or secrets.token_hex(8)
        self.generation = 0
        self.state = SessionState.IDLE
        self._endpoint: Endpoint | None = None
        self._ctx: SessionContext | None = None
        self.files: FileRoom | None = None

    def set_state(self, state: SessionState) -> None:
        """Record and report a new state (repeats are not reported)."""
        if state is not self.state:
            self.state = state
            self.emit(StateChanged(state))

    def start(self, config: SessionConfig) -> None:
        """Stop a running session, then start one for ``config``."""
        self.stop()
        self.generation += 1
        self.set_state(SessionState.STARTING)
        bad_port = _port_ok(config)
        if bad_port is not None:
            self.emit(ProblemOccurred(Problem.INVALID_PORT, port=bad_port, fatal=True))
            self.end(by_user=False)
            return
        ctx = SessionContext(self, config, self.generation)
        files = ctx.files = self.files = FileRoom(ctx)
        endpoint = _factory(config)(ctx)
        files.attach(transport_for(endpoint))
        self._ctx, self._endpoint = ctx, endpoint
        endpoint.start()

    def stop(self) -> None:
        """End the running session by the user's wish (nothing happens when idle)."""
        if self._endpoint is None:
            return
        self.set_state(SessionState.STOPPING)
        self.end(by_user=True)

    def end(self, *, by_user: bool) -> None:
        """Close the endpoint and report the end (used by ``stop`` and by failures)."""
        endpoint, self._endpoint, self._ctx = self._endpoint, None, None
        files, self.files = self.files, None
        self.generation += 1
        if files is not None:
            files.close()
        if endpoint is not None:
            endpoint.close()
        self.emit(SessionEnded(by_user=by_user))
        self.set_state(SessionState.IDLE)

    def send(self, text: str) -> None:
        """Send our chat text, or report why it cannot be sent."""
        if self._endpoint is None or self.state is not SessionState.ACTIVE:
            self.emit(ProblemOccurred(Problem.NOT_CONNECTED, Severity.WARNING))
            return
        self._endpoint.send_text(text)

    def set_encoding(self, encoding: str) -> None:
        """Decode and encode raw text with ``encoding`` from now on."""
        if self._ctx is not None and self._endpoint is not None:
            self._ctx.settings.encoding = encoding
            self._endpoint.settings_changed()

    def set_raw(self, raw: bool, line_ending: str) -> None:
        """Switch raw mode (and its line ending) for the running session."""
        if self._ctx is not None and self._endpoint is not None:
            self._ctx.settings.raw = raw
            self._ctx.settings.line_ending = line_ending
            self._endpoint.settings_changed()

    # -- files (issue 15; results come back as events) --------------------------------

    def _room(self) -> FileRoom | None:
        files = self.files
        if files is None or self.state is not SessionState.ACTIVE:
            self.emit(ProblemOccurred(Problem.NOT_CONNECTED, Severity.WARNING))
            return None
        return files

    def offer_file(self, path: str, thumb: bytes = b"") -> None:
        """Hash ``path`` beside the loop, then offer it to the room."""
        files = self._room()
        if files is not None:
            files.offer_file(path, thumb)

    def withdraw_offer(self, offer_id: str) -> None:
        """Withdraw our offer ``offer_id``."""
        if self.files is not None:
            self.files.withdraw(offer_id)

    def fetch_file(self, offer_id: str, folder: str, name: str = "") -> None:
        """Receive the offer ``offer_id`` into ``folder``."""
        files = self._room()
        if files is not None:
            files.fetch(offer_id, folder, name)

    def cancel_transfer(self, offer_id: str, peer: str = "") -> None:
        """Cancel our fetch of ``offer_id``, or stop sending our offer to ``peer``."""
        if self.files is not None:
            self.files.cancel(offer_id, peer)
