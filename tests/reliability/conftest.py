"""Reliability fixtures: the e2e ``spawn``/``chatgui`` fixtures, plus a ``room`` to start from.

Every process is killed at teardown by ``spawn`` (a frozen one is continued first by the
test that froze it), even when the test failed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.e2e.conftest import chatgui, spawn
from tests.e2e.harness import Program
from tests.reliability.wire import HOST_NICK, LOCAL, Room, quiet_args

__all__ = ["chatgui", "room", "spawn"]  # the e2e fixtures, shared rather than copied


@pytest.fixture
def room(chatgui: Callable[..., Program], spawn: Callable[..., Program]) -> Iterator[Callable[..., Room]]:
    """Start a host on 127.0.0.1, port 0, nick "ann", no history, no announcement.

    ``udp=True`` for a UDP host; ``launcher`` = a command that runs ``main.py``'s arguments
    (e.g. a ``python -c`` that lowers a limit first).
    """
    rooms: list[Room] = []

    def start(*extra: str, udp: bool = False, launcher: tuple[str, ...] = ()) -> Room:
        args = ["host", "--udp" if udp else "--tcp", "--bind", LOCAL, "--port", "0", "--nick", HOST_NICK]
        args += [*quiet_args(), *extra]
        host = spawn(*launcher, *args) if launcher else chatgui(*args)
        made = Room(host, host.listening_port(), chatgui, udp)
        rooms.append(made)
        return made

    yield start
    for made in rooms:
        made.close()
