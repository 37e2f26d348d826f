"""Rooms announced by real ``host`` processes, found by a real ``discover`` process.

In the root namespace every program's multicast DNS stays on loopback (``program_env``).
Where this runs as root, two tests also use private network namespaces (``unshare --net``):
one with no network at all, one where the programs use every interface they have.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable

import pytest

from tests.e2e.harness import Program, program_env

pytestmark = pytest.mark.e2e

ANNOUNCED = r'Announced on this network as "(.+)"'
# Makes a fresh namespace's loopback usable for multicast DNS, then runs the program.
SETUP = 'ip link set lo up && ip link set lo multicast on && exec "$0" "$@"'
DISCOVER = 3.0  # the --timeout of discover: rooms are already announced, 3 s is plenty


def _line(nick: str, mode: str, host: str, port: int, room: str) -> str:
    return rf"^{re.escape(nick)}\s+{mode}\s+{re.escape(host)}\s+{port}\s+{re.escape(room)}$"


def test_discover_finds_a_hosted_room_and_not_after_it_ends(chatgui: Callable[..., Program]) -> None:
    host = chatgui("host", "--tcp", "--port", "0", "--nick", "zed")
    port = host.listening_port()
    host.err(ANNOUNCED)

    found = chatgui("discover", "--timeout", str(DISCOVER))
    assert found.wait_exit() == 0, found.describe()
    found.out(_line("zed", "TCP", "127.0.0.1", port, "zed's room"))

    host.close_stdin()  # the host ends and withdraws its room on the way out
    assert host.wait_exit() == 0, host.describe()
    after = chatgui("discover", "--timeout", "1")
    assert after.wait_exit() == 0, after.describe()
    assert not any(f" {port} " in line for line in after.stdout.lines), after.describe()


def test_discover_lists_udp_and_named_rooms_and_not_unannounced_ones(chatgui: Callable[..., Program]) -> None:
    quiet = chatgui("host", "--tcp", "--port", "0", "--nick", "quiet", "--no-announce")
    quiet_port = quiet.listening_port()
    peer = chatgui("host", "--udp", "--port", "0", "--nick", "安", "--room", "实验室 3")
    peer_port = peer.listening_port()
    peer.err(ANNOUNCED)

    found = chatgui("discover", "--timeout", str(DISCOVER))
    assert found.wait_exit() == 0, found.describe()
    found.out(_line("安", "UDP", "127.0.0.1", peer_port, "实验室 3"))
    assert not any(f" {quiet_port} " in line for line in found.stdout.lines), found.describe()
    assert not any("Announced" in line for line in quiet.stderr.lines)


def _require_namespaces() -> None:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("network namespaces need Linux and root (CI runs as root)")
    for tool in ("unshare", "nsenter", "ip"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def test_discover_without_any_network_exits_1_with_a_sentence(spawn: Callable[..., Program]) -> None:
    _require_namespaces()
    # A new network namespace has only a loopback interface that is down: no address at all.
    env = program_env(CHATGUI_DISCOVERY_INTERFACES="")
    found = spawn("unshare", "--net", sys.executable, "main.py", "discover", env=env)
    assert found.wait_exit() == 1, found.describe()
    found.err(
        r"^Finding rooms on this network is not possible: this computer has no network connection"
        r" — you can still type an address\.$"
    )


def test_no_rooms_is_not_a_failure(spawn: Callable[..., Program]) -> None:
    _require_namespaces()
    # Alone in a namespace: no other test or program on this computer can announce a room there.
    env = program_env(CHATGUI_DISCOVERY_INTERFACES="")
    found = spawn(
        "unshare",
        "--net",
        "sh",
        "-c",
        SETUP,
        sys.executable,
        "main.py",
        "discover",
        "--timeout",
        "0.5",
        env=env,
    )
    assert found.wait_exit() == 0, found.describe()
    assert found.stdout.lines == []
    found.err(r"^No rooms found on this network\.$")


def test_every_interface_in_a_private_namespace(spawn: Callable[..., Program]) -> None:
    _require_namespaces()
    # The programs' default (every interface, IPv4 and IPv6) in a namespace whose only
    # interface is loopback with multicast on: real defaults, and nothing can leave it.
    env = program_env(CHATGUI_DISCOVERY_INTERFACES="")
    host = spawn(
        "unshare", "--net", "sh", "-c", SETUP, sys.executable, "main.py", "host", "--tcp", "--port", "0",
        "--nick", "zed", env=env,
    )  # fmt: skip
    port = host.listening_port()
    host.err(ANNOUNCED)
    namespace = f"--net=/proc/{host.popen.pid}/ns/net"
    found = spawn(
        "nsenter", namespace, sys.executable, "main.py", "discover", "--timeout", str(DISCOVER), env=env
    )
    assert found.wait_exit() == 0, found.describe()
    # Only loopback exists there, so the host announces its loopback addresses, IPv4 first.
    found.out(_line("zed", "TCP", "127.0.0.1", port, "zed's room"))
