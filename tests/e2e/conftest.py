"""End-to-end fixtures: every process is started through ``spawn``/``chatgui`` and killed at teardown.

Teardown kills whatever is still running, even when the test failed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pytest

from tests.e2e.harness import Program, program_env


@pytest.fixture
def spawn() -> Iterator[Callable[..., Program]]:
    """Start any command as a ``Program``; all are killed at teardown."""
    started: list[Program] = []

    def start(*args: str, env: dict[str, str] | None = None) -> Program:
        program = Program(list(args), env or program_env())
        started.append(program)
        return program

    yield start
    for program in started:
        program.kill()


@pytest.fixture
def chatgui(spawn: Callable[..., Program]) -> Callable[..., Program]:
    """Start ``python main.py ARGS`` as a ``Program``."""

    def start(*args: str, env: dict[str, str] | None = None) -> Program:
        return spawn(sys.executable, "main.py", *args, env=env)

    return start
