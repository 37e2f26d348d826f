"""Shared by every test tier: headless Qt, and no test may leave a worker thread running.

Tier-specific fixtures live in ``tests/<tier>/conftest.py``; only what every tier
needs belongs here.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator

import pytest

# Before anything imports Qt: there is no display on CI, and tests must never pop up
# windows on a developer's desktop either.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A window built by a test starts LAN discovery; multicast DNS on every interface would
# send test rooms out of this machine's real network card. Loopback only, unless a test
# (e.g. the LAN tests in their own namespaces) says otherwise.
os.environ.setdefault("CHATGUI_DISCOVERY_INTERFACES", "127.0.0.1")
# The headless commands and the window follow the terminal's language: tests read English
# unless a test chooses a language itself (a developer's zh_CN terminal must not change that).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
# History, settings and the compiled translations go to per-run folders, never into the
# user's own data, config and cache (QStandardPaths follows the XDG variables on Linux).
_SCRATCH = tempfile.mkdtemp(prefix="chatgui-tests-")
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_SCRATCH, _name.lower())

_BACKEND_MODULE = "chatgui.net.backend"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the run's scratch folder: no test run leaves files in the temporary folder."""
    shutil.rmtree(_SCRATCH, ignore_errors=True)


def _live_worker_threads() -> int:
    """How many backend worker threads are running (0 if the backend was never imported).

    Looking in ``sys.modules`` instead of importing keeps the protocol tier free of Qt
    and tolerates the backend module not existing yet: a module nobody imported cannot
    have started a thread.
    """
    backend = sys.modules.get(_BACKEND_MODULE)
    count = getattr(backend, "live_worker_threads", None)
    if count is None:
        return 0
    return int(count())


@pytest.fixture(autouse=True)
def _no_worker_thread_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a backend worker thread running (STYLE.md 15).

    A worker that outlives its test keeps sockets and ports open, can deliver events
    into the next test, and makes Qt abort with "QThread: Destroyed while thread is
    still running" at exit. Like napari's ``dangling_qthreads`` fixture, the check
    runs after the test's own teardown (this fixture is set up first, so it is torn
    down last), and it says which test leaked and how to fix it.
    """
    before = _live_worker_threads()
    yield
    after = _live_worker_threads()
    if after > before:
        pytest.fail(
            f"{request.node.nodeid} left {after - before} backend worker thread(s) running: "
            "call Backend.shutdown() in the test's teardown (after the yield of the fixture "
            "that made the backend, or in request.addfinalizer).",
            pytrace=False,
        )


@pytest.fixture
def unmeasured_children(monkeypatch: pytest.MonkeyPatch) -> None:
    """Child processes this test starts run without coverage.

    With ``patch = ["subprocess"]`` (pyproject.toml) every child Python counts towards the
    coverage total, under coverage's tracer. A test that bounds a child's memory or the time a
    run takes is about the program as users run it: the tracer adds tens of MB and slows every
    line, so such a test asks for this fixture.
    """
    for name in ("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START"):
        monkeypatch.delenv(name, raising=False)
