"""``main.py --startup-time``: the process start read from ``/proc/<pid>/stat``."""

from __future__ import annotations

import pytest

from chatgui.cli.startup_time import start_ticks_from_stat


def test_start_ticks_survive_a_command_name_with_spaces_and_parentheses() -> None:
    rest = " ".join(str(n) for n in range(3, 53))  # fields 3..52: field 22 is "22"
    assert start_ticks_from_stat(f"1234 (a b) (c)) {rest}\n") == 22
    with pytest.raises(ValueError, match="stat"):
        start_ticks_from_stat("garbage")
