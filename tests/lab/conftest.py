"""Lab tests: no lab thread (run, lanes, peer, demo) may outlive its test."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest


def _lab_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("lab-")]


@pytest.fixture(autouse=True)
def _no_lab_thread_left() -> Iterator[None]:
    yield
    left = _lab_threads()
    assert not left, f"lab threads still running after the test: {left}"
