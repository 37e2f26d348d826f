"""Announce and find chatgui rooms with DNS-SD over multicast DNS (python-zeroconf); no Qt.

Everything that can block — making the ``Zeroconf`` sockets, registering (about 1.7 s of
probing), unregistering, resolving — runs in worker threads owned here, so callers (the
GUI thread) only ever enqueue. Results come back through the callbacks given to
``Browser`` and ``Announcer``; they are called from those worker threads.

``CHATGUI_DISCOVERY_INTERFACES`` (comma-separated IP addresses, or "off") limits which
interfaces multicast DNS uses; tests set it to ``127.0.0.1`` so no packet leaves loopback.
The pure rules (TXT records, names, addresses) live in ``records.py``.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import queue
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zeroconf import (
    Error as ZeroconfError,
)
from zeroconf import (
    InterfaceChoice,
    IPVersion,
    NonUniqueNameException,
    ServiceBrowser,
    ServiceInfo,
    ServiceListener,
    Zeroconf,
)

from chatgui.discovery.records import (
    INTERFACES_ENV,
    instance_name,
    interfaces_from_environment,
    local_addresses,
    order_addresses,
    room_from_service,
    txt_records,
)
from chatgui.discovery.rooms import SERVICE_TCP, SERVICE_UDP, Room

SERVICE_TYPES = (SERVICE_TCP, SERVICE_UDP)
RESOLVE_TIMEOUT = 2.0  # seconds one resolve may take; also the longest a close waits for one

# zeroconf logs every send error on every interface as a warning with a traceback; the user
# gets one sentence from us instead (``on_failed``), so its records go nowhere unless the
# application configures logging itself.
logging.getLogger("zeroconf").addHandler(logging.NullHandler())


class FailureKind(enum.Enum):
    """Why multicast DNS cannot work here."""

    NO_INTERFACE = "no_interface"  # no network interface with an address
    SOCKET_ERROR = "socket_error"  # the OS refused the multicast sockets (detail: its words)
    DISABLED = "disabled"  # CHATGUI_DISCOVERY_INTERFACES=off
    NAME_TAKEN = "name_taken"  # three names in a row were taken by others on the network


@dataclass(frozen=True, slots=True)
class Failure:
    """Discovery is unavailable; ``chatgui.discovery.bridge`` turns this into a sentence."""

    kind: FailureKind
    detail: str = ""
    code: int = 0
    """The OS's error number, when it refused something (said in the user's words)."""


def _refused(exc: Exception) -> Failure:
    """The OS (or zeroconf) refused multicast DNS: its number when there is one, else its words."""
    code = exc.errno if isinstance(exc, OSError) and isinstance(exc.errno, int) else 0
    return Failure(FailureKind.SOCKET_ERROR, str(exc) or type(exc).__name__, code)


class DiscoveryUnavailable(Exception):
    """Raised by ``Engine.zeroconf`` when multicast DNS cannot start."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.kind.value, failure.detail)
        self.failure = failure


# --- the shared Zeroconf --------------------------------------------------------------------


class Engine:
    """One ``Zeroconf`` instance, made lazily by the first worker that needs it.

    Args:
        interfaces: IP addresses of the interfaces to use; None = the environment's choice,
            else every interface (IPv4 and IPv6); [] = discovery turned off.
    """

    def __init__(self, interfaces: Sequence[str] | None = None) -> None:
        self._interfaces = list(interfaces) if interfaces is not None else interfaces_from_environment()
        self._lock = threading.Lock()
        self._zeroconf: Zeroconf | None = None
        self._failure: Failure | None = None
        self._closed = False

    def announced_addresses(self) -> list[str]:
        """The addresses a room is announced with: the chosen interfaces', or every LAN address."""
        if self._interfaces:
            return list(order_addresses(self._interfaces, scope_name=str))
        return local_addresses()

    def zeroconf(self) -> Zeroconf:
        """The running Zeroconf (made now if needed; blocks while it opens its sockets).

        Raises:
            DiscoveryUnavailable: multicast DNS cannot start here (the same failure every call).
        """
        with self._lock:
            if self._zeroconf is not None:
                return self._zeroconf
            if self._failure is None and self._closed:
                self._failure = Failure(FailureKind.SOCKET_ERROR, "closed")
            if self._failure is None:
                opened = self._open()
                if isinstance(opened, Zeroconf):
                    self._zeroconf = opened
                    return opened
                self._failure = opened
            raise DiscoveryUnavailable(self._failure)

    def _open(self) -> Zeroconf | Failure:
        if self._interfaces is not None and not self._interfaces:
            return Failure(FailureKind.DISABLED, INTERFACES_ENV + "=off")
        try:
            if self._interfaces is None:
                return Zeroconf(interfaces=InterfaceChoice.All, ip_version=IPVersion.All, use_asyncio=False)
            return Zeroconf(interfaces=list(self._interfaces), use_asyncio=False)
        except RuntimeError as exc:  # zeroconf's "No interfaces to listen on"
            return Failure(FailureKind.NO_INTERFACE, str(exc))
        except (OSError, ValueError, ZeroconfError) as exc:
            return _refused(exc)

    def close(self) -> None:
        """Close the sockets and zeroconf's thread (goodbyes for anything still registered)."""
        with self._lock:
            self._closed = True
            zc, self._zeroconf = self._zeroconf, None
        if zc is not None:
            zc.close()


class _Worker:
    """A thread running submitted jobs in order, started by the first job."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._lock = threading.Lock()
        self._started = False
        self._stopped = False

    def submit(self, job: Callable[[], None]) -> None:
        """Run ``job`` after the ones before it (ignored once stopped)."""
        with self._lock:
            if self._stopped:
                return
            if not self._started:
                self._started = True
                self._thread.start()
            self._jobs.put(job)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            job()

    def stop(self, last: Callable[[], None] | None = None) -> None:
        """Run the jobs already submitted, then ``last``, and join the thread (blocking)."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            started = self._started
            if started:
                if last is not None:
                    self._jobs.put(last)
                self._jobs.put(None)
        if started:
            self._thread.join()
        elif last is not None:
            last()


# --- announcing -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Wanted:
    nick: str
    room: str
    mode: str
    port: int
    secure: bool = False


class Announcer:
    """Announces one room while hosting; at most one at a time.

    Args:
        engine: the Zeroconf to use; None = an own one, closed by ``close``.
        on_announced: called (in the worker thread) with the instance name once announced,
            renamed if the name was taken.
        on_failed: called (in the worker thread) once if multicast DNS cannot work.
        tag: what makes the instance name unique (default: random, per announcer).
    """

    def __init__(
        self,
        engine: Engine | None = None,
        on_announced: Callable[[str], None] | None = None,
        on_failed: Callable[[Failure], None] | None = None,
        tag: str | None = None,
    ) -> None:
        self._engine = engine or Engine()
        self._owns_engine = engine is None
        self._on_announced = on_announced
        self._on_failed = on_failed
        self._tag = tag or secrets.token_hex(2)
        self._worker = _Worker("chatgui-announce")
        self._lock = threading.Lock()
        self._wanted: _Wanted | None = None
        self._current: ServiceInfo | None = None
        self._failed = False

    def announce(self, nick: str, room: str, mode: str, port: int, *, secure: bool = False) -> None:
        """Announce this room (or change the one announced); returns at once.

        ``secure``: a private room (TXT ``secure=1``; the passphrase is never announced).
        """
        if mode not in ("tcp", "udp"):
            raise ValueError(f"mode must be 'tcp' or 'udp', not {mode!r}")
        with self._lock:
            self._wanted = _Wanted(nick, room, mode, port, secure)
        self._worker.submit(self._apply)

    update = announce

    def withdraw(self) -> None:
        """Stop announcing (others see the room vanish at once); returns at once."""
        with self._lock:
            self._wanted = None
        self._worker.submit(self._apply)

    def close(self) -> None:
        """Withdraw, wait for the goodbye to be sent, and stop every thread (blocking)."""
        with self._lock:
            self._wanted = None
        self._worker.stop(last=self._apply)
        if self._owns_engine:
            self._engine.close()

    @property
    def name(self) -> str:
        """The instance name announced now ("" when none)."""
        current = self._current
        return current.name.removesuffix("." + current.type) if current is not None else ""

    def _apply(self) -> None:
        """Make what is announced match what is wanted (only the latest wish counts)."""
        with self._lock:
            wanted = self._wanted
        if wanted is None and self._current is None:
            return
        try:
            zc = self._engine.zeroconf()
        except DiscoveryUnavailable as exc:
            self._fail(exc.failure)
            return
        try:
            self._change(zc, wanted)
        except (OSError, ZeroconfError) as exc:
            self._fail(_refused(exc))

    def _change(self, zc: Zeroconf, wanted: _Wanted | None) -> None:
        current = self._current
        service_type = SERVICE_TCP if wanted is not None and wanted.mode == "tcp" else SERVICE_UDP
        if current is not None and (wanted is None or current.type != service_type):
            self._current = None
            zc.unregister_service(current)
            current = None
        if wanted is None:
            return
        properties = txt_records(wanted.nick, wanted.room, wanted.mode, secure=wanted.secure)
        if current is not None:
            info = self._info(service_type, current.name, wanted, properties)
            zc.update_service(info)
            self._current = info
            return
        tag = self._tag
        for _attempt in range(3):
            name = instance_name(wanted.room, tag) + "." + service_type
            info = self._info(service_type, name, wanted, properties)
            try:
                zc.register_service(info, allow_name_change=True)
            except NonUniqueNameException:
                tag = secrets.token_hex(2)  # someone else uses ours: a new one, not "(2)" forever
                continue
            self._current = info
            if self._on_announced is not None:
                self._on_announced(self.name)
            return
        self._fail(Failure(FailureKind.NAME_TAKEN))

    def _info(self, service_type: str, name: str, wanted: _Wanted, properties: dict[str, str]) -> ServiceInfo:
        return ServiceInfo(
            service_type,
            name,
            port=wanted.port,
            properties=properties,
            server=f"chatgui-{self._tag}.local.",
            parsed_addresses=self._engine.announced_addresses(),
        )

    def _fail(self, failure: Failure) -> None:
        if not self._failed:
            self._failed = True
            if self._on_failed is not None:
                self._on_failed(failure)


# --- browsing -------------------------------------------------------------------------------


class _Listener(ServiceListener):
    """zeroconf's callbacks (in its browser thread) turned into jobs for the browser's worker."""

    def __init__(self, browser: Browser) -> None:
        self._browser = browser

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self._browser.submit_resolve(type_, name)

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self._browser.submit_resolve(type_, name)

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self._browser.submit_removal(name)


class Browser:
    """Finds rooms of both service types and follows them as they change and vanish.

    Args:
        on_added: called with a ``Room`` when one is found, and again when it changes.
        on_removed: called with the last known ``Room`` when it goes (goodbye or TTL expiry).
        on_failed: called once if multicast DNS cannot work here.
        engine: the Zeroconf to use; None = an own one, closed by ``close``.

    Every callback runs in the browser's worker thread.
    """

    def __init__(
        self,
        on_added: Callable[[Room], None],
        on_removed: Callable[[Room], None],
        on_failed: Callable[[Failure], None],
        engine: Engine | None = None,
    ) -> None:
        self._engine = engine or Engine()
        self._owns_engine = engine is None
        self._on_added = on_added
        self._on_removed = on_removed
        self._on_failed = on_failed
        self._worker = _Worker("chatgui-browse")
        self._browser: ServiceBrowser | None = None
        self._rooms: dict[str, Room] = {}
        self._closed = threading.Event()

    def start(self) -> None:
        """Start browsing (returns at once; results come through the callbacks)."""
        self._worker.submit(self._start)

    def _start(self) -> None:
        if self._browser is not None or self._closed.is_set():
            return
        try:
            zc = self._engine.zeroconf()
            self._browser = ServiceBrowser(zc, list(SERVICE_TYPES), listener=_Listener(self))
        except DiscoveryUnavailable as exc:
            self._on_failed(exc.failure)
        except (OSError, RuntimeError, ZeroconfError) as exc:
            self._on_failed(_refused(exc))

    def submit_resolve(self, service_type: str, name: str) -> None:
        """Resolve ``name`` in the worker (called from zeroconf's thread)."""
        if not self._closed.is_set():
            self._worker.submit(lambda: self._resolve(service_type, name))

    def submit_removal(self, name: str) -> None:
        """Forget ``name`` in the worker (called from zeroconf's thread)."""
        if not self._closed.is_set():
            self._worker.submit(lambda: self._remove(name))

    def _resolve(self, service_type: str, name: str) -> None:
        if self._closed.is_set():
            return
        try:
            zc = self._engine.zeroconf()
        except DiscoveryUnavailable:
            return
        info = ServiceInfo(service_type, name)
        # The answer to the browse usually brings SRV, TXT and addresses along: no query then.
        if not info.load_from_cache(zc) and not info.request(zc, int(RESOLVE_TIMEOUT * 1000)):
            return
        if self._closed.is_set():
            return
        room = room_from_service(
            service_type, name, info.port, info.properties, info.parsed_scoped_addresses()
        )
        if room is None or self._rooms.get(name) == room:
            return
        self._rooms[name] = room
        self._on_added(room)

    def _remove(self, name: str) -> None:
        if self._closed.is_set():
            return
        room = self._rooms.pop(name, None)
        if room is not None:
            self._on_removed(room)

    def close(self) -> None:
        """Stop browsing and every thread it started (blocking; at most one resolve's wait)."""
        if self._closed.is_set():
            return
        self._closed.set()
        self._worker.stop()
        browser, self._browser = self._browser, None
        if browser is not None:
            with contextlib.suppress(RuntimeError):  # zeroconf's loop may already be closed
                browser.cancel()
        if self._owns_engine:
            self._engine.close()
