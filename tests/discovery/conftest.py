"""Discovery fixtures: multicast DNS stays on loopback, and no test leaves a thread behind."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

# Every Zeroconf here uses loopback only: no multicast packet may leave this computer.
LOOPBACK = ["127.0.0.1"]


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test forgets to pass, multicast DNS uses loopback only."""
    monkeypatch.setenv("CHATGUI_DISCOVERY_INTERFACES", ",".join(LOOPBACK))


@pytest.fixture
def no_new_threads() -> Iterator[None]:
    """Fail the test if it leaves a thread running that was not there before it."""
    before = set(threading.enumerate())
    yield
    left = [thread.name for thread in set(threading.enumerate()) - before if thread.is_alive()]
    assert not left, f"threads left running: {left}"
