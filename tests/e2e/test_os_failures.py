"""Failures only the operating system can produce, provoked for real and read as sentences.

A privileged port needs a process without CAP_NET_BIND_SERVICE (``setpriv`` drops it even
for root); "network unreachable" needs a network namespace with no route at all
(``unshare --net``), so the connect fails inside the kernel and no packet leaves.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.harness import Program

pytestmark = pytest.mark.e2e


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"needs {tool} (util-linux)")
    return path


def _need_root() -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to drop a capability or make a network namespace")


def test_a_privileged_port_gets_the_administrator_sentence(spawn: Callable[..., Program]) -> None:
    _need_root()
    setpriv = _need("setpriv")
    start = int(Path("/proc/sys/net/ipv4/ip_unprivileged_port_start").read_text())
    if start <= 80:
        pytest.skip(f"this kernel lets anyone bind ports from {start} (net.ipv4.ip_unprivileged_port_start)")
    program = spawn(
        setpriv,
        "--bounding-set=-net_bind_service",
        "--inh-caps=-net_bind_service",
        sys.executable,
        "main.py",
        "host",
        "--tcp",
        "--bind",
        "127.0.0.1",
        "--port",
        "80",
    )
    program.err(r"ports below 1024 need administrator rights on this system — use a port of 1024 or more")
    assert program.wait_exit() == 1


def test_no_route_gets_the_unreachable_sentence(spawn: Callable[..., Program]) -> None:
    _need_root()
    unshare = _need("unshare")
    # A fresh namespace has no route anywhere (not even loopback is up).
    program = spawn(unshare, "--net", sys.executable, "main.py", "join", "--tcp", "10.9.9.9", "50007")
    program.err(r"10\.9\.9\.9:50007 cannot be reached from this computer")
    assert program.wait_exit() == 1
