"""Fixtures of the LAN tests: three namespace hosts on a bridge, and chatgui processes on them.

The LAN is built once per session (0.1 s) and removed at the end even when tests fail;
each test's processes are killed at its own teardown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator

import pytest

from tests.e2e.harness import Program, program_env
from tests.lan.netns import Host, Lan, LanError, lan_of_three, missing_requirement


@pytest.fixture(scope="session")
def lan() -> Iterator[Lan]:
    """Three hosts a, b, c (10.213.0.1-3/24 and link-local IPv6) on one bridge."""
    missing = missing_requirement()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the LAN tests cannot run on CI: {missing}")
        pytest.skip(missing)
    try:
        with lan_of_three() as built:
            yield built
    except LanError as error:
        # Root in a container without CAP_SYS_ADMIN/CAP_NET_ADMIN: say what is missing
        # (but never on CI, where a skipped LAN test would hide a broken feature).
        if os.environ.get("CI") or "netns add" not in str(error):
            raise
        pytest.skip(f"needs permission to create network namespaces: {error}")


@pytest.fixture
def run_on(lan: Lan) -> Iterator[Callable[..., Program]]:
    """``run_on(host, *args)`` starts ``python main.py ARGS`` on that host; all are killed at teardown."""
    started: list[Program] = []

    # Inside the namespaces multicast DNS uses every interface ("" = all): they are the
    # test's own sealed LAN, unlike the root namespace where e2e tests keep it on loopback.
    env = program_env(CHATGUI_DISCOVERY_INTERFACES="")

    def start(host: Host, *args: str) -> Program:
        program = Program(host.command(sys.executable, "main.py", *args), env)
        started.append(program)
        return program

    yield start
    for program in started:
        program.kill()
