"""Coverage counts what runs in worker QThreads and in child processes (issue 14).

Each check runs coverage in a separate, real process, so what it measures is not mixed with
the suite's own measurement, and each first shows the blind spot it is about: a QThread entry
without ``traced`` and a child process under a configuration without ``patch = subprocess``
count as never run.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from chatgui.tracing import traced

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120  # seconds: an upper bound for one child process; a healthy one takes a second or two


def _calls_seen_in_a_bare_thread(function: Any) -> list[str]:
    """The functions a ``threading.settrace`` tracer sees called in a thread that dropped its trace.

    The thread starts traced (``threading`` installs the tracer), then drops it, as a thread
    Qt started never had it, and calls ``function``.
    """
    seen: list[str] = []

    def tracer(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            seen.append(frame.f_code.co_name)

    def bare() -> None:
        sys.settrace(None)
        function()

    before = threading.gettrace()
    threading.settrace(tracer)  # type: ignore[arg-type]  # a global tracer that wants no line events
    try:
        thread = threading.Thread(target=bare)
        thread.start()
        thread.join(TIMEOUT)
    finally:
        threading.settrace(before)  # type: ignore[arg-type]  # what was there (coverage's, or None)
    return seen


def test_traced_gives_a_thread_without_a_tracer_the_one_threading_hands_out() -> None:
    def plain() -> None:
        pass

    @traced
    def wrapped() -> None:
        pass

    assert "plain" not in _calls_seen_in_a_bare_thread(plain)
    assert "wrapped" in _calls_seen_in_a_bare_thread(wrapped)


def test_traced_passes_arguments_and_result_and_leaves_a_traced_thread_alone() -> None:
    @traced
    def add(a: int, b: int = 0) -> int:
        return a + b

    before = sys.gettrace()
    assert add(2, b=3) == 5
    assert sys.gettrace() is before
    assert add.__name__ == "add"


def _clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without the suite's own coverage hand-off to children."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START", "COVERAGE_FILE")
    }
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **extra})
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, f"stdout:\n{done.stdout[-3000:]}\nstderr:\n{done.stderr[-3000:]}"
    return done


def _body_lines(path: Path, class_name: str, function: str) -> set[int]:
    """The line numbers of the statements directly in ``class_name.function``'s body."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == function:
                    # The docstring is not a statement coverage counts.
                    return {statement.lineno for statement in item.body[1:]}
    raise AssertionError(f"{class_name}.{function} not found in {path}")


# Measures its own probe module and chatgui while the real Backend and History work in their
# QThreads, then prints the executed lines of the files the test asks about, as JSON.
QTHREAD_SCRIPT = """
import json, sys
import coverage

cov = coverage.Coverage(data_file=sys.argv[1], branch=True, source=["chatgui", "probe"])
cov.start()

import socket
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, Qt, QThread, QTimer

import probe
from chatgui.events import CheckFinished
from chatgui.history.bridge import History
from chatgui.net.backend import Backend

app = QCoreApplication([])

def wait(signal, done):
    loop = QEventLoop()
    signal.connect(lambda *args: loop.quit() if done(*args) else None)
    QTimer.singleShot(30_000, loop.quit)  # an upper bound only
    loop.exec()

# The probe: one entry plain, one through traced, both called by Qt in a QThread.
thread = QThread()
thread.started.connect(probe.plain, Qt.ConnectionType.DirectConnection)
thread.started.connect(probe.wrapped, Qt.ConnectionType.DirectConnection)
thread.started.connect(thread.quit, Qt.ConnectionType.DirectConnection)
thread.start()
assert thread.wait(QDeadlineTimer(30_000))

# The socket worker: a reachability check runs only in its thread.
listener = socket.create_server(("127.0.0.1", 0))
backend = Backend()
wait_for = lambda events: any(type(event) is CheckFinished for event in events)
backend.check("tcp", "127.0.0.1", listener.getsockname()[1])
wait(backend.events_received, wait_for)
assert backend.shutdown()
listener.close()

# The history reader: listing rooms runs only in its thread.
history = History(Path(sys.argv[2]), enabled=False)
history.list_rooms()
wait(history.rooms_listed, lambda rows: True)
history.shutdown()

cov.stop()
cov.save()
data = cov.get_data()
print(json.dumps({name: sorted(data.lines(name) or []) for name in data.measured_files()}))
"""

PROBE = """
from chatgui.tracing import traced


def plain():
    return "plain: nothing sees this line in a QThread"


@traced
def wrapped():
    return "wrapped: the thread's tracer sees this line"
"""


def test_code_run_only_in_qthreads_is_counted(tmp_path: Path) -> None:
    (tmp_path / "probe.py").write_text(textwrap.dedent(PROBE), encoding="utf-8")
    (tmp_path / "measure.py").write_text(textwrap.dedent(QTHREAD_SCRIPT), encoding="utf-8")
    done = _run(
        [sys.executable, "measure.py", str(tmp_path / "data"), str(tmp_path / "history")],
        cwd=tmp_path,
        env=_clean_env(PYTHONPATH=os.pathsep.join((str(tmp_path), str(ROOT)))),
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])

    def executed(path: Path) -> set[int]:
        return set(measured.get(str(path.resolve()), []))

    probe_lines = (tmp_path / "probe.py").read_text(encoding="utf-8").splitlines()
    plain_line = 1 + next(i for i, line in enumerate(probe_lines) if '"plain:' in line)
    wrapped_line = 1 + next(i for i, line in enumerate(probe_lines) if '"wrapped:' in line)
    # The blind spot: a function Qt calls in its thread is invisible to coverage by itself.
    assert plain_line not in executed(tmp_path / "probe.py")
    assert wrapped_line in executed(tmp_path / "probe.py")

    # The real workers: what only the socket worker and the history reader run is counted.
    worker_run = _body_lines(ROOT / "chatgui/net/backend.py", "_Worker", "run")
    worker_check = _body_lines(ROOT / "chatgui/net/backend.py", "_Worker", "check")
    assert worker_run | worker_check <= executed(ROOT / "chatgui/net/backend.py")
    reader = _body_lines(ROOT / "chatgui/history/bridge.py", "_Worker", "on_request")
    assert reader <= executed(ROOT / "chatgui/history/bridge.py")


CHILD = """
def main():
    return "run only in a child process"


main()
"""

PARENT_TEST = """
import subprocess
import sys
from pathlib import Path


def test_runs_a_child():
    subprocess.run([sys.executable, str(Path(__file__).with_name("child.py"))], check=True)
"""


@pytest.mark.parametrize(
    ("config", "counted"),
    [
        pytest.param("project", True, id="the project's configuration counts the child"),
        pytest.param("without patch", False, id="without patch = subprocess it is not counted"),
    ],
)
def test_a_child_process_is_counted_in_the_total(tmp_path: Path, config: str, counted: bool) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "child.py").write_text(textwrap.dedent(CHILD), encoding="utf-8")
    (work / "test_parent.py").write_text(textwrap.dedent(PARENT_TEST), encoding="utf-8")
    if config == "project":
        config_file = ROOT / "pyproject.toml"
    else:
        config_file = tmp_path / "plain.toml"
        config_file.write_text("[tool.coverage.run]\nbranch = true\n", encoding="utf-8")
    report = tmp_path / "coverage.json"
    _run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            f"--rootdir={work}", "-c", os.devnull,
            f"--cov={work}", f"--cov-config={config_file}", f"--cov-report=json:{report}",
            "test_parent.py",
        ],
        cwd=work,
        env=_clean_env(),
    )  # fmt: skip
    files = {Path(name).name: data for name, data in json.loads(report.read_text())["files"].items()}
    child_lines = (work / "child.py").read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, text in enumerate(child_lines) if "run only in a child" in text)
    executed = set(files["child.py"]["executed_lines"]) if "child.py" in files else set()
    assert (line in executed) is counted
    # Every child's data file was combined into the total, none left beside it.
    assert [path.name for path in work.iterdir() if path.name.startswith(".coverage.")] == []
