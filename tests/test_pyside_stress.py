"""Guard against the PySide6 build that aborts CPython 3.11 (DESIGN.md, "Measured facts").

PySide6 6.12.0 on CPython 3.11 decrements the reference counts of ``True``/``False``
and ``None`` once too often: after ~570 ``Signal.emit()`` calls the interpreter dies
with "Fatal Python error: bool_dealloc", after ~5,000 calls of Qt methods returning
None with "none_dealloc". The body runs in a child process, so such an abort fails
this test with the child's stderr instead of killing the whole test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

EMITS_PER_KIND = 50_000  # x 2 payload kinds x 2 connection kinds = 200k emits
VOID_CALLS_PER_METHOD = 100_000  # x 2 methods = 200k calls returning None
BOOL_CALLS = 50_000  # methods returning bool hit the same refcount bug


def _child() -> None:
    """Run every stress loop in this process; print the counts; exit 0 only if all ran."""
    from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

    app = QCoreApplication([])

    class Sender(QObject):
        flag = Signal(bool)
        payload = Signal(object)

    class Receiver(QObject):
        def __init__(self, expected: int) -> None:
            super().__init__()
            self.flags = 0
            self.trues = 0
            self.payloads = 0
            self.expected = expected

        @Slot(bool)
        def on_flag(self, value: bool) -> None:
            self.flags += 1
            self.trues += value
            self._maybe_quit()

        @Slot(object)
        def on_payload(self, value: object) -> None:
            self.payloads += 1
            self._maybe_quit()

        def _maybe_quit(self) -> None:
            if self.flags + self.payloads == self.expected:
                QCoreApplication.quit()

    class Worker(QObject):
        """Emits from its own thread into a receiver in the main thread (queued)."""

        flag = Signal(bool)
        payload = Signal(object)

        @Slot()
        def run(self) -> None:
            for i in range(EMITS_PER_KIND):
                self.flag.emit(i % 2 == 0)
                self.payload.emit(None if i % 3 == 0 else (i, "x"))

    payloads: list[object] = [None, True, False, 0, "text", ("tuple", 1), {"k": [1, 2]}]

    # Direct connections: sender and receiver in the main thread.
    sender = Sender()
    direct = Receiver(expected=-1)
    sender.flag.connect(direct.on_flag)
    sender.payload.connect(direct.on_payload)
    for i in range(EMITS_PER_KIND):
        sender.flag.emit(i % 2 == 0)
        sender.payload.emit(payloads[i % len(payloads)])
    print(f"direct flags={direct.flags} trues={direct.trues} payloads={direct.payloads}", flush=True)

    # Queued connections: a worker in a QThread emits, the main thread's event loop delivers.
    queued = Receiver(expected=2 * EMITS_PER_KIND)
    thread = QThread()
    worker = Worker()
    worker.moveToThread(thread)
    worker.flag.connect(queued.on_flag)
    worker.payload.connect(queued.on_payload)
    thread.started.connect(worker.run)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(QCoreApplication.quit)
    watchdog.start(60_000)
    thread.start()
    app.exec()
    watchdog.stop()
    thread.quit()
    if not thread.wait(10_000):
        print("worker thread did not stop", file=sys.stderr, flush=True)
        sys.exit(3)
    print(f"queued flags={queued.flags} trues={queued.trues} payloads={queued.payloads}", flush=True)

    # Qt methods returning None, and returning bool.
    obj = QObject()
    timer = QTimer()
    for _ in range(VOID_CALLS_PER_METHOD):
        obj.setObjectName("stress")
        timer.stop()
    actives = sum(timer.isActive() or obj.signalsBlocked() for _ in range(BOOL_CALLS))
    print(f"void calls={2 * VOID_CALLS_PER_METHOD} bool calls={BOOL_CALLS} true={actives}", flush=True)


def test_pyside_survives_100k_emits_and_void_calls() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    result = subprocess.run(
        [sys.executable, __file__],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = f"exit status {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, report
    half = EMITS_PER_KIND // 2
    assert result.stdout.splitlines() == [
        f"direct flags={EMITS_PER_KIND} trues={half} payloads={EMITS_PER_KIND}",
        f"queued flags={EMITS_PER_KIND} trues={half} payloads={EMITS_PER_KIND}",
        f"void calls={2 * VOID_CALLS_PER_METHOD} bool calls={BOOL_CALLS} true=0",
    ], report


if __name__ == "__main__":
    _child()
