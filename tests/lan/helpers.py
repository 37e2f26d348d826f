"""What the LAN tests share: the chat-line format of the headless commands and who is who."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.e2e.harness import Program

RunOn = Callable[..., Program]  # run_on(host, *args) -> the running ``python main.py ARGS``

# What a chat line on stdout looks like: "SENDER: TEXT".
CHAT_LINE = re.compile(r"^([^:]+): (.*)$")

NICKS = {"a": "ann", "b": "bob", "c": "carol"}  # who sits at host a, b and c


def chat_lines(program: Program, count: int) -> list[tuple[str, str]]:
    """The next ``count`` chat lines ``program`` prints, as (sender, text), in arrival order."""
    lines = []
    for _ in range(count):
        match = program.out(CHAT_LINE.pattern)
        lines.append((match[1], match[2]))
    return lines


def senders_heard(program: Program) -> list[str]:
    """The sender of every chat line ``program`` has printed so far, in order."""
    return [match[1] for match in map(CHAT_LINE.match, program.stdout.lines) if match]
