"""The soft open-file limit is raised to the hard one at start, and never raises an error."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from chatgui.net import fdlimit
from chatgui.net.fdlimit import MACOS_OPEN_MAX, SANE_MAX_OPEN_FILES, raise_open_file_limit

ROOT = Path(__file__).resolve().parents[2]

LOWERED = """
import resource
from chatgui.net.fdlimit import raise_open_file_limit

hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))
print(*raise_open_file_limit(), *resource.getrlimit(resource.RLIMIT_NOFILE), hard == resource.RLIM_INFINITY)
"""


def test_a_program_started_with_a_low_soft_limit_gets_the_hard_one() -> None:
    # A real process: the limit it leaves behind is its own, not the test run's.
    done = subprocess.run(
        [sys.executable, "-c", LOWERED], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    said_soft, said_hard, soft, hard, unlimited = done.stdout.split()
    assert (int(said_soft), int(said_hard)) == (soft_now := int(soft), int(hard))
    assert soft_now == (SANE_MAX_OPEN_FILES if unlimited == "True" else int(hard))


class FakeLimits:
    """``resource``'s two calls, with a kernel that refuses a soft limit above ``refuse_above``."""

    def __init__(self, soft: int, hard: int, refuse_above: int | None = None) -> None:
        self.limits = (soft, hard)
        self.refuse_above = refuse_above
        self.asked: list[tuple[int, int]] = []

    def getrlimit(self, which: int) -> tuple[int, int]:
        return self.limits

    def setrlimit(self, which: int, limits: tuple[int, int]) -> None:
        self.asked.append(limits)
        if self.refuse_above is not None and limits[0] > self.refuse_above:
            raise ValueError("current limit exceeds maximum limit")
        self.limits = limits


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeLimits:
    limits = FakeLimits(256, resource.RLIM_INFINITY, refuse_above=MACOS_OPEN_MAX)
    monkeypatch.setattr(resource, "getrlimit", limits.getrlimit)
    monkeypatch.setattr(resource, "setrlimit", limits.setrlimit)
    return limits


def test_macos_refusing_an_unlimited_hard_limit_still_gets_open_max(fake: FakeLimits) -> None:
    assert raise_open_file_limit() == (MACOS_OPEN_MAX, resource.RLIM_INFINITY)
    assert fake.asked == [
        (SANE_MAX_OPEN_FILES, resource.RLIM_INFINITY),
        (MACOS_OPEN_MAX, resource.RLIM_INFINITY),
    ]


def test_a_soft_limit_already_high_enough_is_left_alone(fake: FakeLimits) -> None:
    fake.limits = (MACOS_OPEN_MAX, MACOS_OPEN_MAX)
    assert raise_open_file_limit() == (MACOS_OPEN_MAX, MACOS_OPEN_MAX)
    assert fake.asked == []


def test_limits_that_cannot_be_read_are_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(which: int) -> tuple[int, int]:
        raise OSError("not here")

    monkeypatch.setattr(resource, "getrlimit", refuse)
    assert raise_open_file_limit() == (-1, -1)


def test_without_the_resource_module_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "resource", None)  # ``import resource`` raises ImportError
    assert fdlimit.raise_open_file_limit() == (-1, -1)
