"""``python main.py --self-test``: TCP and UDP, open and private rooms, inside one process on 127.0.0.1."""

from __future__ import annotations

import socket
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Slot

from chatgui.cli.base import EXIT_FAILED, EXIT_OK, application
from chatgui.cli.base import tr as _t
from chatgui.events import (
    ChatReceived,
    Listening,
    Problem,
    ProblemOccurred,
    ReceiptReceived,
    RoomCode,
    SessionConfig,
    SessionState,
    StateChanged,
)
from chatgui.net.backend import Backend
from chatgui.protocol.secure import generate_passphrase
from chatgui.sentences import describe

PICTURE_FORMATS = frozenset({"png", "jpeg", "gif", "webp"})
"""What received pictures may be (``chatgui.ui.picture_decoder.FORMATS`` shows these)."""

_E = TypeVar("_E")


class _Recorder(QObject):
    """Collects one backend's events and tells the waiting check after each batch."""

    def __init__(self, name: str, on_batch: Callable[[], None]) -> None:
        super().__init__()
        self.name = name
        self.events: list[object] = []
        self._on_batch = on_batch

    @Slot(object)
    def on_events(self, batch: list[object]) -> None:
        self.events.extend(batch)
        self._on_batch()

    def first(self, kind: type[_E], where: Callable[[_E], bool] | None = None) -> _E | None:
        for event in self.events:
            if isinstance(event, kind) and (where is None or where(event)):
                return event
        return None

    def problems(self) -> list[str]:
        return [describe(e) for e in self.events if isinstance(e, ProblemOccurred)]


class SelfTest:
    """TCP host + join and UDP both ways, open and private, in this process on 127.0.0.1 (port 0 everywhere).

    The private rooms' passphrase is generated here and never leaves the process.
    """

    TIMEOUT = 5.0

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._loop: QEventLoop | None = None
        self._condition: Callable[[], bool] = lambda: False
        self._backends: list[Backend] = []
        self.passed: list[str] = []

    def _poke(self) -> None:
        if self._loop is not None and self._condition():
            self._loop.quit()

    def _backend(self, name: str) -> tuple[Backend, _Recorder]:
        backend = Backend()
        recorder = _Recorder(name, self._poke)
        backend.events_received.connect(recorder.on_events)
        self._backends.append(backend)
        return backend, recorder

    def _wait(self, condition: Callable[[], bool], what: str, *recorders: _Recorder) -> None:
        if not condition():
            loop = QEventLoop()
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(int(self.TIMEOUT * 1000))
            self._loop, self._condition = loop, condition
            try:
                loop.exec()
            finally:
                self._loop = None
                timer.stop()
        if not condition():
            problems = [p for r in recorders for p in r.problems()]
            reason = " ".join(problems) or _t("nothing happened within {s:.0f} s").format(s=self.TIMEOUT)
            raise SelfTestFailed(f"{what}: {reason}")

    def _check(self, condition: Callable[[], bool], what: str, *recorders: _Recorder) -> None:
        started = time.monotonic()
        self._wait(condition, what, *recorders)
        line = _t("ok  {what} ({ms:.0f} ms)").format(what=what, ms=(time.monotonic() - started) * 1000)
        self.passed.append(line)
        print(line, flush=True)

    @staticmethod
    def _port(recorder: _Recorder) -> int:
        event = recorder.first(Listening)
        return event.port if event is not None else 0

    def run(self) -> None:
        """Run every check; raises ``SelfTestFailed`` with a sentence at the first that fails."""
        try:
            self._pictures()
            self._tcp()
            self._udp()
            passphrase = generate_passphrase()
            self._private_tcp(passphrase)
            self._private_udp(passphrase)
        finally:
            for backend in self._backends:
                backend.shutdown()

    def _pictures(self) -> None:
        """The picture formats a received file is shown in are there (a bundle can lose plugins)."""
        # Here, not at the top: the headless commands import this module, and QtGui costs a
        # running host ~9 MB it never uses.
        from PySide6.QtGui import QImageReader

        readable = {
            bytes(name.data()).decode("ascii", "replace") for name in QImageReader.supportedImageFormats()
        }
        self._check(
            lambda: readable >= PICTURE_FORMATS,
            _t("Received pictures can be shown (PNG, JPEG, GIF and WebP)"),
        )

    def _tcp(self) -> None:
        host, h = self._backend("tcp-host")
        host.start(SessionConfig(mode="tcp", role="host", nick="selftest-host", bind="127.0.0.1", port=0))
        self._check(lambda: h.first(Listening) is not None, _t("TCP host listens on 127.0.0.1"), h)
        port = self._port(h)
        guest, g = self._backend("tcp-guest")
        guest.start(
            SessionConfig(mode="tcp", role="join", nick="selftest-guest", host="127.0.0.1", port=port)
        )
        self._check(
            lambda: g.first(StateChanged, lambda e: e.state is SessionState.ACTIVE) is not None,
            _t("TCP join connects to 127.0.0.1:{port}").format(port=port),
            g,
            h,
        )
        text = "hello over TCP, 你好 🙂"
        guest.send(text)
        self._check(
            lambda: (
                h.first(ChatReceived, lambda e: e.text == text and e.nick == "selftest-guest") is not None
            ),
            _t("TCP host receives the guest's message"),
            h,
            g,
        )
        self._check(
            lambda: g.first(ReceiptReceived) is not None, _t("TCP guest gets a receipt from the host"), g, h
        )
        host.send("reply over TCP")
        self._check(
            lambda: g.first(ChatReceived, lambda e: e.text == "reply over TCP") is not None,
            _t("TCP guest receives the host's reply"),
            g,
            h,
        )

    def _udp(self) -> None:
        a_backend, a = self._backend("udp-a")
        a_backend.start(SessionConfig(mode="udp", role="peer", nick="selftest-a", bind="127.0.0.1", host=""))
        self._check(lambda: a.first(Listening) is not None, _t("UDP peer A is bound on 127.0.0.1"), a)
        port = self._port(a)
        b_backend, b = self._backend("udp-b")
        b_backend.start(
            SessionConfig(
                mode="udp", role="peer", nick="selftest-b", bind="127.0.0.1", host="127.0.0.1", port=port
            )
        )
        self._check(lambda: b.first(Listening) is not None, _t("UDP peer B is bound on 127.0.0.1"), b)
        b_backend.send("hello over UDP")
        self._check(
            lambda: a.first(ChatReceived, lambda e: e.text == "hello over UDP") is not None,
            _t("UDP peer A receives B's datagram"),
            a,
            b,
        )
        self._check(lambda: b.first(ReceiptReceived) is not None, _t("UDP peer B gets A's receipt"), b, a)
        a_backend.send("reply over UDP")
        self._check(
            lambda: b.first(ChatReceived, lambda e: e.text == "reply over UDP") is not None,
            _t("UDP peer A answers B (who wrote to it)"),
            b,
            a,
        )
        self._check(lambda: a.first(ReceiptReceived) is not None, _t("UDP peer A gets B's receipt"), a, b)

    def _private_tcp(self, passphrase: str) -> None:
        host, h = self._backend("private-tcp-host")
        host.start(
            SessionConfig(
                mode="tcp", role="host", nick="selftest-host", bind="127.0.0.1", port=0, passphrase=passphrase
            )
        )
        self._check(lambda: h.first(Listening) is not None, _t("Private TCP host listens on 127.0.0.1"), h)
        port = self._port(h)
        guest, g = self._backend("private-tcp-guest")
        guest.start(
            SessionConfig(
                mode="tcp",
                role="join",
                nick="selftest-guest",
                host="127.0.0.1",
                port=port,
                passphrase=passphrase,
            )
        )

        def same_code() -> bool:
            ours, theirs = g.first(RoomCode), h.first(RoomCode)
            return ours is not None and theirs is not None and ours.code == theirs.code

        self._check(
            lambda: (
                same_code() and g.first(StateChanged, lambda e: e.state is SessionState.ACTIVE) is not None
            ),
            _t("Private TCP join completes the handshake: the same room code on both sides"),
            g,
            h,
        )
        text = "sealed over TCP, 你好 🔒"
        guest.send(text)
        self._check(
            lambda: (
                h.first(ChatReceived, lambda e: e.text == text and e.nick == "selftest-guest") is not None
            ),
            _t("Private TCP host reads the guest's sealed message"),
            h,
            g,
        )
        host.send("sealed reply over TCP")
        self._check(
            lambda: g.first(ChatReceived, lambda e: e.text == "sealed reply over TCP") is not None,
            _t("Private TCP guest reads the host's sealed reply"),
            g,
            h,
        )

    def _private_udp(self, passphrase: str) -> None:
        # Each peer derives the room key (scrypt, about 0.2 s) before it sends or reads anything.
        a_backend, a = self._backend("private-udp-a")
        a_backend.start(
            SessionConfig(
                mode="udp", role="peer", nick="selftest-a", bind="127.0.0.1", host="", passphrase=passphrase
            )
        )
        self._check(lambda: a.first(Listening) is not None, _t("Private UDP peer A is bound on 127.0.0.1"), a)
        b_backend, b = self._backend("private-udp-b")
        b_backend.start(
            SessionConfig(
                mode="udp",
                role="peer",
                nick="selftest-b",
                bind="127.0.0.1",
                host="127.0.0.1",
                port=self._port(a),
                passphrase=passphrase,
            )
        )
        self._check(lambda: b.first(Listening) is not None, _t("Private UDP peer B is bound on 127.0.0.1"), b)
        b_backend.send("sealed over UDP")
        self._check(
            lambda: a.first(ChatReceived, lambda e: e.text == "sealed over UDP") is not None,
            _t("Private UDP peer A reads B's sealed datagram"),
            a,
            b,
        )
        a_backend.send("sealed reply over UDP")
        self._check(
            lambda: b.first(ChatReceived, lambda e: e.text == "sealed reply over UDP") is not None,
            _t("Private UDP peer B reads A's sealed reply"),
            b,
            a,
        )
        # A datagram in the clear, as anyone on the network could send: refused and counted.
        forged = b'{"v":1,"type":"msg","peer":"forger","seq":1,"ts":0,"nick":"selftest-b","text":"forged"}'
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as forger:
            forger.sendto(forged, ("127.0.0.1", self._port(a)))
            self._check(
                lambda: a.first(ProblemOccurred, lambda e: e.problem is Problem.UNREADABLE) is not None,
                _t("Private UDP peer A refuses a datagram that is not sealed"),
                a,
            )
        if a.first(ChatReceived, lambda e: e.text == "forged") is not None:
            raise SelfTestFailed(_t("Private UDP peer A showed a datagram that is not sealed"))


class SelfTestFailed(Exception):
    """A self-test check did not pass; the message says which and why."""


def run_self_test() -> int:
    """Exchange messages over TCP and UDP on 127.0.0.1 in this process; print what was checked.

    Returns:
        0 when every check passed, 1 otherwise (with a sentence on stderr).
    """
    test = SelfTest(application())
    try:
        test.run()
    except SelfTestFailed as failure:
        print(_t("FAILED  {failure}").format(failure=failure), file=sys.stderr, flush=True)
        return EXIT_FAILED
    print(
        _t("self-test passed: {n} checks over TCP and UDP on 127.0.0.1").format(n=len(test.passed)),
        flush=True,
    )
    return EXIT_OK
