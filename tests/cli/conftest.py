"""CLI tests: the lab commands start lab threads, and none may outlive its test."""

from __future__ import annotations

from tests.lab.conftest import _no_lab_thread_left  # noqa: F401 (an autouse fixture, used by being here)
